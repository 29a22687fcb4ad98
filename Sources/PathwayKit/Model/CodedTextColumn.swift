/// Optional text per element where few distinct texts repeat (the conditions of transitions: "yes", "no",
/// "re-test"): a 16-bit code per element into a table of the distinct texts, 2 bytes per element, and nothing while
/// no element has a text. Past 65,535 distinct texts the column becomes a ``TextColumn``.
///
/// Reads as a ``TextColumn`` does: ``subscript(_:)``, ``hasText(_:)``, ``withUTF8(_:_:)``.
public struct CodedTextColumn<Tag>: Sendable {
    /// `codes[i]` is 0 for no text, otherwise text `codes[i] - 1` of `texts`; empty while no element has a text,
    /// and once ``plain`` holds the texts. (Plain fields rather than an enum, so that appending to the codes
    /// neither copies nor retains the table.)
    private var codes: [UInt16] = []
    private var texts = NameTable<Tag>()
    /// Each element's text, once there are too many distinct ones for codes.
    private var plain: TextColumn<Tag>?
    /// The number of elements.
    public private(set) var count = 0
    /// Room to reserve when codes are first stored.
    private var expected = 0

    /// An empty column.
    public init() {}

    /// Whether no element has a text.
    public var isEmpty: Bool { plain?.isEmpty ?? codes.isEmpty }

    /// Reserves room for `count` elements, used once a text is stored.
    public mutating func reserveCapacity(_ count: Int) {
        expected = count
    }

    /// Appends an element's text (or its absence).
    public mutating func append(_ text: String?) {
        guard var text else {
            appendAbsent()
            return
        }
        text.withUTF8 { append(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Appends an element with no text.
    private mutating func appendAbsent() {
        count += 1
        if plain != nil {
            plain?.append(nil)
        } else if !codes.isEmpty {
            codes.append(0)
        }
    }

    /// Appends an element's text given as bytes.
    ///
    /// - Complexity: O(length) expected; O(count) once for the first text, and once if the codes run out.
    public mutating func append(bytes text: UnsafeRawBufferPointer) {
        defer { count += 1 }
        if plain != nil {
            plain?.append(bytes: text)
            return
        }
        let (index, _) = texts.intern(bytes: text)
        guard index.raw < Int32(UInt16.max) else {
            // Out of codes: every text written out from now on.
            var column = TextColumn<Tag>()
            column.reserveCapacity(max(expected, count + 1))
            for code in codes {
                if code == 0 {
                    column.append(nil)
                } else {
                    texts.withUTF8(Index(raw: Int32(code) - 1)) { column.append(bytes: $0) }
                }
            }
            for _ in codes.count..<count { column.append(nil) }
            column.append(bytes: text)
            plain = column
            codes = []
            texts = NameTable()
            return
        }
        if codes.isEmpty {
            codes.reserveCapacity(max(expected, count + 1))
            codes += repeatElement(0, count: count)
        }
        codes.append(UInt16(index.raw + 1))
    }

    /// Calls `body` with the UTF-8 bytes of every distinct text (or every element's, once written out), one after
    /// another (to check them all at once).
    func withAllUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let plain { return try plain.withAllUTF8(body) }
        return try texts.withAllUTF8(body)
    }

    /// Appends the elements of `other`: the same column as appending their texts one by one.
    ///
    /// - Complexity: O(other's count + the length of its distinct texts) expected.
    public mutating func append(contentsOf other: CodedTextColumn<Tag>) {
        guard plain == nil, other.plain == nil, texts.count + other.texts.count < Int(UInt16.max) else {
            for position in 0..<other.count {
                let element = Index<Tag>(position)
                if other.hasText(element) {
                    other.withUTF8(element) { append(bytes: $0) }
                } else {
                    appendAbsent()
                }
            }
            return
        }
        // Other's texts in its order of first use, which is the order appending one by one meets them in.
        var codeOfOther: [UInt16] = [0]
        for text in 0..<other.texts.count {
            other.texts.withUTF8(Index(raw: Int32(text))) {
                codeOfOther.append(UInt16(texts.intern(bytes: $0).index.raw + 1))
            }
        }
        codes.appendCodes(other.codes, count: other.count, mappedBy: codeOfOther, after: count, reserving: expected)
        count += other.count
    }

    /// The text of an element, if it has one.
    public subscript(index: Index<Tag>) -> String? {
        precondition(index.position >= 0 && index.position < count, "index out of range")
        if let plain { return plain[index] }
        guard !codes.isEmpty, codes[index.position] > 0 else { return nil }
        return texts[Index(raw: Int32(codes[index.position]) - 1)]
    }

    /// Whether an element has a text.
    public func hasText(_ index: Index<Tag>) -> Bool {
        precondition(index.position >= 0 && index.position < count, "index out of range")
        if let plain { return plain.hasText(index) }
        return !codes.isEmpty && codes[index.position] > 0
    }

    /// Calls `body` with an element's UTF-8 bytes (empty when it has none).
    public func withUTF8<Result>(_ index: Index<Tag>, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows
        -> Result
    {
        precondition(index.position >= 0 && index.position < count, "index out of range")
        if let plain { return try plain.withUTF8(index, body) }
        guard !codes.isEmpty, codes[index.position] > 0 else {
            return try body(UnsafeRawBufferPointer(start: nil, count: 0))
        }
        return try texts.withUTF8(Index(raw: Int32(codes[index.position]) - 1), body)
    }
}

extension [UInt16] {
    /// Appends to the codes of a coded column (``CodedTextColumn``, ``ShareColumn``: 0 for no value, empty while no
    /// element has one) the codes of `added` elements of another such column, each mapped through `codeOf` (indexed
    /// by the other column's code, 0 to 0).
    ///
    /// - Parameters:
    ///   - other: The other column's codes (empty when none of its elements has a value).
    ///   - added: How many elements the other column has.
    ///   - codeOf: This column's code for each code of the other's.
    ///   - count: How many elements this column had.
    ///   - expected: Room to reserve when the codes are first stored.
    /// - Complexity: O(count + added) when the codes are first stored, O(added) otherwise.
    mutating func appendCodes(
        _ other: [UInt16], count added: Int, mappedBy codeOf: [UInt16], after count: Int, reserving expected: Int
    ) {
        guard !other.isEmpty else {
            if !isEmpty { self += repeatElement(0, count: added) }
            return
        }
        if isEmpty {
            reserveCapacity(Swift.max(expected, count + added))
            self += repeatElement(0, count: count)
        }
        self += other.lazy.map { codeOf[Int($0)] }
    }
}
