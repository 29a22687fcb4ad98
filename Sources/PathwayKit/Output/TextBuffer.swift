/// UTF-8 text written piece by piece into one growing byte array, for writers of large documents: a row or a cell
/// is appended where it goes instead of being made into a `String` of its own first.
///
/// The array is kept zero-filled up to its capacity and the text is counted apart, so that appending copies bytes
/// into memory that is already there (short pieces byte by byte) rather than going through `Array.append`.
struct TextBuffer {
    /// The text (the first `count` bytes), then zeros.
    private var storage: [UInt8]
    /// How many bytes of text there are.
    private(set) var count = 0
    /// Where the text goes, in a streaming buffer (``streaming(chunkSize:to:_:)``), once it holds `drainAt` bytes
    /// or more at a ``drainIfFull()``; `nil` keeps all of it.
    private var drain: ((UnsafeRawBufferPointer) -> Void)?
    private var drainAt = Int.max

    /// A buffer with no text yet.
    ///
    /// - Parameter capacity: Bytes to make room for (more are added as needed).
    init(capacity: Int = 0) {
        storage = [UInt8](repeating: 0, count: max(capacity, 256))
    }

    /// The text written so far, as UTF-8.
    var bytes: [UInt8] { Array(storage[..<count]) }

    /// The text written so far.
    var text: String { storage.withUnsafeBufferPointer { String(decoding: $0[..<count], as: UTF8.self) } }

    /// The text written, as UTF-8, without copying it; the buffer is empty afterwards.
    mutating func takeBytes() -> [UInt8] {
        var text: [UInt8] = []
        swap(&text, &storage)
        text.removeSubrange(count...)
        count = 0
        return text
    }

    /// Calls `body` with a buffer that hands its text to `sink` whenever it holds `chunkSize` bytes or more at a
    /// ``drainIfFull()`` (writers call it between records), and the rest when `body` returns, so that a large
    /// document is never held whole. The pieces end where records end, so each is whole UTF-8.
    ///
    /// - Complexity: memory O(`chunkSize` + one record).
    static func streaming<Result>(
        chunkSize: Int = 1 << 20, to sink: (UnsafeRawBufferPointer) -> Void, _ body: (inout TextBuffer) -> Result
    ) -> Result {
        withoutActuallyEscaping(sink) { sink in
            var buffer = TextBuffer(capacity: chunkSize + 64 * 1024)
            buffer.drain = sink
            buffer.drainAt = chunkSize
            let result = body(&buffer)
            buffer.flush()
            buffer.drain = nil
            return result
        }
    }

    /// In a streaming buffer, hands the text over when there is at least a piece of it; otherwise nothing.
    @inline(__always)
    mutating func drainIfFull() {
        if count >= drainAt { flush() }
    }

    /// In a streaming buffer, hands all the text over; otherwise nothing.
    private mutating func flush() {
        guard let drain, count > 0 else { return }
        let count = self.count
        storage.withUnsafeBytes { drain(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        self.count = 0
    }

    /// Forgets the text, keeping the room it took.
    mutating func removeAll() {
        count = 0
    }

    /// Calls `body` with the text written so far.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        storage.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<count])) }
    }

    /// Appends bytes as they are.
    @inline(__always)
    mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let from = source.baseAddress else { return }
        let end = count + source.count
        if end > storage.count { storage += repeatElement(0, count: max(end, 2 * storage.count) - storage.count) }
        let start = count
        storage.withUnsafeMutableBufferPointer { target in
            guard let base = target.baseAddress else { return }
            if source.count <= 16 {
                for index in 0..<source.count { base[start + index] = from[index] }
            } else {
                (base + start).update(from: from, count: source.count)
            }
        }
        count = end
    }

    /// Appends text as it is.
    @inline(__always)
    mutating func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            var text = text
            text.withUTF8 { append($0) }
        }
    }

    /// Appends texts one after another.
    @inline(__always)
    mutating func append(_ first: String, _ second: String, _ rest: String...) {
        append(first)
        append(second)
        for part in rest { append(part) }
    }

    /// Appends a literal as it is.
    @inline(__always)
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    /// Appends one byte (ASCII).
    @inline(__always)
    mutating func append(byte: UInt8) {
        withUnsafeBytes(of: byte) { append($0.assumingMemoryBound(to: UInt8.self)) }
    }

    /// Appends an integer in decimal, as `String(value)` writes it.
    mutating func append(_ value: Int) {
        Self.withDigits(value) { append($0) }
    }

    /// Appends `text` with some ASCII bytes replaced, copying every other byte as it is, in runs.
    ///
    /// The writers' rules were first written over Swift `Character`s, and a byte that would be replaced is left
    /// alone where it is part of a larger character: `<` followed by U+0301 (a combining accent) is one character,
    /// not `<`. So text in which a printable byte to replace stands next to a multi-byte character is written
    /// character by character (``appendByCharacter(_:replacing:)``); all other text byte by byte, which gives the
    /// same result (control characters never join a larger character, except CR LF, which `replacement` sees as
    /// CR then LF after CR).
    ///
    /// - Parameters:
    ///   - utf8: The text, as UTF-8.
    ///   - mayHold: Whether eight bytes may hold one to replace (see ``ByteScan/skip(_:from:unless:)``).
    ///   - replacement: What to write for a byte, given the byte before it (0 at the start), or `nil` to copy it.
    /// - Complexity: O(n) in the UTF-8 length of `text`.
    @inline(__always)
    mutating func append(
        utf8: UnsafeBufferPointer<UInt8>, skipping mayHold: (UInt64) -> Bool,
        replacing replacement: (_ byte: UInt8, _ previous: UInt8) -> StaticString?
    ) {
        if !appendBytewise(utf8: utf8, skipping: mayHold, replacing: replacement) {
            appendByCharacter(String(decoding: utf8, as: UTF8.self), replacing: replacement)
        }
    }

    /// Appends `text` with some ASCII bytes replaced, byte by byte, unless a printable byte to replace stands next
    /// to a multi-byte character (see ``append(utf8:skipping:replacing:)``).
    ///
    /// - Returns: `false`, having appended nothing, when a printable byte to replace stands next to a multi-byte
    ///   character.
    @inline(__always)
    mutating func appendBytewise(
        utf8: UnsafeBufferPointer<UInt8>, skipping mayHold: (UInt64) -> Bool,
        replacing replacement: (_ byte: UInt8, _ previous: UInt8) -> StaticString?
    ) -> Bool {
        let start = count
        var runStart = 0
        var index = 0
        while true {
            index = ByteScan.skip(utf8, from: index, unless: mayHold)
            guard index < utf8.count else { break }
            let byte = utf8[index]
            let previous = index > 0 ? utf8[index - 1] : 0
            guard byte < 0x80, let replaced = replacement(byte, previous) else {
                index += 1
                continue
            }
            if byte >= 0x20, previous >= 0x80 || (index + 1 < utf8.count && utf8[index + 1] >= 0x80) {
                count = start
                return false
            }
            append(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            append(replaced)
            index += 1
            runStart = index
        }
        append(UnsafeBufferPointer(rebasing: utf8[runStart...]))
        return true
    }

    /// Appends `text` with the one-byte characters (and CR LF) for which `replacement` gives text replaced,
    /// copying every other character.
    mutating func appendByCharacter(
        _ text: String, replacing replacement: (_ byte: UInt8, _ previous: UInt8) -> StaticString?
    ) {
        var previous: UInt8 = 0
        for character in text {
            // Only one-byte characters and CR LF are all ASCII.
            guard character.isASCII else {
                append(String(character))
                previous = character.utf8.last ?? 0
                continue
            }
            for byte in character.utf8 {
                if let replaced = replacement(byte, previous) {
                    append(replaced)
                } else {
                    append(byte: byte)
                }
                previous = byte
            }
        }
    }
}

extension TextBuffer {
    /// Calls `body` with an integer in decimal, as `String(value)` writes it, without making a `String`.
    @inline(__always)
    static func withDigits<Result>(_ value: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard value >= 0 else { return withUTF8(String(value), body) }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        return withUnsafeMutableBytes(of: &digits) { digits in
            var rest = UInt(value)
            var index = digits.count
            repeat {
                index -= 1
                digits[index] = 0x30 + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            return body(UnsafeRawBufferPointer(rebasing: digits[index...]).assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Calls `body` with the UTF-8 bytes of a text, made contiguous if they are not.
    @inline(__always)
    static func withUTF8<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var text = text
        return text.withUTF8(body)
    }
}
