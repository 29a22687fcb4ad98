/// Something a document is written into token by token, with the calls of ``JSONWriter``: JSON text, or an
/// ``OrderedTree`` (``OrderedTree/Builder``). A document written through it comes as text or as a tree from one
/// piece of code.
protocol DocumentWriter {
    /// Opens an object; in an object, each value follows its ``key(_:)``.
    mutating func beginObject()
    /// Closes the innermost object.
    mutating func endObject()
    /// Opens an array.
    mutating func beginArray()
    /// Closes the innermost array.
    mutating func endArray()
    /// Writes an object member's key; the member's value comes next.
    mutating func key(_ name: String)
    /// Writes a string value.
    mutating func string(_ text: String)
    /// Writes a string value given as UTF-8.
    mutating func string(utf8: UnsafeBufferPointer<UInt8>)
    /// Writes a number (without a trailing `.0` when it is whole).
    mutating func number(_ value: Double)
    /// Writes an integer.
    mutating func integer(_ value: Int)
    /// Writes `true` or `false`.
    mutating func boolean(_ value: Bool)
}

extension JSONWriter: DocumentWriter {}

extension DocumentWriter {
    /// Writes an object member whose value is a string; nothing when the value is `nil`.
    mutating func member(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// Writes an object member whose value is an integer; nothing when the value is `nil`.
    mutating func member(_ name: String, _ value: Int?) {
        guard let value else { return }
        key(name)
        integer(value)
    }

    /// Writes an object member whose value is a number; nothing when the value is `nil`.
    mutating func member(_ name: String, number value: Double?) {
        guard let value else { return }
        key(name)
        number(value)
    }

    /// Writes an object member whose value is a list of strings; nothing when the list is empty.
    mutating func member(_ name: String, strings: some Collection<String>) {
        member(name, list: strings) { $0.string($1) }
    }

    /// Writes an object member whose value is a list, each element written by `element`; nothing when the list is
    /// empty.
    mutating func member<Elements: Collection>(
        _ name: String, list elements: Elements, _ element: (inout Self, Elements.Element) -> Void
    ) {
        guard !elements.isEmpty else { return }
        key(name)
        list(elements, element)
    }

    /// Writes a list, each element written by `element`.
    mutating func list<Elements: Sequence>(_ elements: Elements, _ element: (inout Self, Elements.Element) -> Void) {
        beginArray()
        for item in elements { element(&self, item) }
        endArray()
    }
}
