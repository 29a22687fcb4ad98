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
