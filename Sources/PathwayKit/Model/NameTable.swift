/// The written ids (or other names) of one kind of element, numbered densely: name `n` belongs to `Index<Tag>(n)`.
///
/// Names are kept as UTF-8 bytes one after another with their offsets, one allocation for all of them rather than
/// a `String` each; a `String` is made only when one is asked for. Names are added once (``intern(_:)``) and looked
/// up by a hash table over the bytes, so reading a million ids costs one hash per id and no `String`.
public struct NameTable<Tag>: Sendable {
    /// The interned bytes and their lookup table.
    var interner: ByteInterner

    /// An empty table.
    ///
    /// - Parameter capacity: About how many names it will hold.
    public init(capacity: Int = 16) {
        interner = ByteInterner(capacity: max(16, capacity))
    }

    init(interner: ByteInterner) {
        self.interner = interner
    }

    /// The number of names.
    public var count: Int { interner.count }

    /// Every index, in order.
    public var indices: [Index<Tag>] { (0..<count).map { Index<Tag>($0) } }

    /// The name of an element.
    public subscript(index: Index<Tag>) -> String {
        interner.withName(Int(index.raw)) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes of a name, without making a `String`.
    public func withUTF8<Result>(_ index: Index<Tag>, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows
        -> Result
    {
        try interner.withName(Int(index.raw), body)
    }

    /// Calls `body` with the UTF-8 bytes of every name, one after another (to check them all at once).
    func withAllUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try interner.nameBytes.withUnsafeBufferPointer(body)
    }

    /// The number of UTF-8 bytes of a name.
    public func utf8Count(_ index: Index<Tag>) -> Int { interner.length(of: Int(index.raw)) }

    /// The index of a name, adding it if it is new.
    ///
    /// - Returns: The index and whether the name was added.
    /// - Complexity: O(length of the name) expected.
    @discardableResult
    public mutating func intern(_ name: String) -> (index: Index<Tag>, isNew: Bool) {
        let before = interner.count
        let raw = interner.intern(name)
        return (Index<Tag>(raw: raw), interner.count > before)
    }

    /// The index of a name given as bytes, adding it if it is new.
    ///
    /// - Complexity: O(length) expected.
    @discardableResult
    public mutating func intern(bytes: UnsafeRawBufferPointer) -> (index: Index<Tag>, isNew: Bool) {
        let before = interner.count
        let raw = interner.intern(bytes)
        return (Index<Tag>(raw: raw), interner.count > before)
    }

    /// The index of a name, if the table holds it.
    ///
    /// - Complexity: O(length of the name) expected.
    public func index(of name: String) -> Index<Tag>? {
        interner.lookUp(name).map { Index<Tag>(raw: $0) }
    }

    /// The names as an array of strings (for small tables and tests).
    ///
    /// - Complexity: O(total length).
    public var names: [String] { (0..<count).map { self[Index<Tag>($0)] } }
}

/// Optional text per element of a kind, stored as one byte buffer with offsets: a side table for labels,
/// conditions and the like, which costs two integers per element and no `String` until one is read.
///
/// While no element has a text (the labels and conditions of a bare edge list) only the count is kept; the first
/// text makes the offsets for the elements before it.
public struct TextColumn<Tag>: Sendable, Hashable {
    private var bytes: [UInt8] = []
    /// `offsets[i] ..< offsets[i + 1]` is element `i`'s text in `bytes`; empty while no element has a text.
    private var offsets: [Int32] = []
    /// Whether element `i` has a text at all (an empty text and no text are different); empty while none has.
    private var present: [Bool] = []
    /// The number of elements.
    public private(set) var count = 0
    /// Room to reserve when the offsets are made.
    private var expected = 0

    /// An empty column.
    public init() {}

    /// Makes the offsets and flags of the elements so far, none of which has a text.
    private mutating func materialise() {
        offsets = [Int32](repeating: 0, count: count + 1)
        offsets.reserveCapacity(max(expected, count) + 1)
        present = [Bool](repeating: false, count: count)
        present.reserveCapacity(max(expected, count))
    }

    /// Appends `count` elements with no text.
    ///
    /// - Complexity: O(1) while no element has a text, O(count) otherwise.
    mutating func appendAbsent(count added: Int) {
        guard added > 0 else { return }
        if !present.isEmpty {
            offsets.append(contentsOf: repeatElement(Int32(bytes.count), count: added))
            present.append(contentsOf: repeatElement(false, count: added))
        }
        count += added
    }

    /// Appends an element's text (or its absence).
    public mutating func append(_ text: String?) {
        guard var text else {
            if !present.isEmpty {
                offsets.append(Int32(bytes.count))
                present.append(false)
            }
            count += 1
            return
        }
        if present.isEmpty { materialise() }
        text.withUTF8 { bytes.append(contentsOf: $0) }
        offsets.append(Int32(bytes.count))
        present.append(true)
        count += 1
    }

    /// Appends an element's text given as bytes.
    public mutating func append(bytes text: UnsafeRawBufferPointer) {
        if present.isEmpty { materialise() }
        bytes.append(contentsOf: text)
        offsets.append(Int32(bytes.count))
        present.append(true)
        count += 1
    }

    /// Reserves room for `count` elements.
    public mutating func reserveCapacity(_ count: Int) {
        expected = count
        guard !present.isEmpty else { return }
        offsets.reserveCapacity(count + 1)
        present.reserveCapacity(count)
    }

    /// Whether no element has a text.
    public var isEmpty: Bool { present.isEmpty }

    /// The text of an element, if it has one.
    public subscript(index: Index<Tag>) -> String? {
        let position = index.position
        precondition(position >= 0 && position < count, "index out of range")
        guard !present.isEmpty, present[position] else { return nil }
        return bytes.withUnsafeBytes {
            String(decoding: $0[Int(offsets[position])..<Int(offsets[position + 1])], as: UTF8.self)
        }
    }

    /// Whether an element has a text.
    public func hasText(_ index: Index<Tag>) -> Bool {
        precondition(index.position >= 0 && index.position < count, "index out of range")
        return !present.isEmpty && present[index.position]
    }

    /// Calls `body` with an element's UTF-8 bytes (empty when it has none).
    public func withUTF8<Result>(_ index: Index<Tag>, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows
        -> Result
    {
        let position = index.position
        precondition(position >= 0 && position < count, "index out of range")
        guard !present.isEmpty else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return try bytes.withUnsafeBytes {
            try body(UnsafeRawBufferPointer(rebasing: $0[Int(offsets[position])..<Int(offsets[position + 1])]))
        }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.count == rhs.count && lhs.bytes == rhs.bytes && lhs.offsets == rhs.offsets && lhs.present == rhs.present
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        hasher.combine(bytes)
        hasher.combine(present)
    }

    /// Calls `body` with the bytes of every text, one after another (to check them all at once).
    func withAllUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try bytes.withUnsafeBufferPointer(body)
    }
}
