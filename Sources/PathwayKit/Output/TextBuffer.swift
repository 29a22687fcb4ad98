/// UTF-8 text written piece by piece into one growing byte array, for writers of large documents: a row or a cell
/// is appended where it goes instead of being made into a `String` of its own first.
struct TextBuffer {
    /// The text written so far, as UTF-8.
    var bytes: [UInt8] = []

    /// A buffer with no text yet.
    ///
    /// - Parameter capacity: Bytes to reserve for the text.
    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends text as it is.
    @inline(__always)
    mutating func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ bytes += $0 }) == nil { bytes += text.utf8 }
    }

    /// Appends one byte (ASCII).
    @inline(__always)
    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends an integer in decimal, as `String(value)` writes it.
    mutating func append(_ value: Int) {
        guard value >= 0 else {
            bytes += String(value).utf8
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { digits in
            var rest = UInt(value)
            var index = digits.count
            repeat {
                index -= 1
                digits[index] = 0x30 + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            bytes += UnsafeRawBufferPointer(rebasing: digits[index...])
        }
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
    ///   - text: The text.
    ///   - mayHold: Whether eight bytes may hold one to replace (see ``ByteScan/skip(_:from:unless:)``).
    ///   - replacement: What to write for a byte, given the byte before it (0 at the start), or `nil` to copy it.
    /// - Complexity: O(n) in the UTF-8 length of `text`.
    @inline(__always)
    mutating func append(
        _ text: String, skipping mayHold: (UInt64) -> Bool,
        replacing replacement: (_ byte: UInt8, _ previous: UInt8) -> StaticString?
    ) {
        if !appendBytewise(text, skipping: mayHold, replacing: replacement) {
            appendByCharacter(text, replacing: replacement)
        }
    }

    /// Appends `text` with some ASCII bytes replaced, byte by byte, unless a printable byte to replace stands next
    /// to a multi-byte character (see ``append(_:skipping:replacing:)``).
    ///
    /// - Returns: `false`, having appended nothing, when a printable byte to replace stands next to a multi-byte
    ///   character.
    @inline(__always)
    mutating func appendBytewise(
        _ text: String, skipping mayHold: (UInt64) -> Bool,
        replacing replacement: (_ byte: UInt8, _ previous: UInt8) -> StaticString?
    ) -> Bool {
        if let isBytewise = text.utf8.withContiguousStorageIfAvailable({
            appendBytewise(utf8: $0, skipping: mayHold, replacing: replacement)
        }) {
            return isBytewise
        }
        var text = text
        return text.withUTF8 { appendBytewise(utf8: $0, skipping: mayHold, replacing: replacement) }
    }

    /// ``appendBytewise(_:skipping:replacing:)`` over the UTF-8 bytes of the text.
    @inline(__always)
    mutating func appendBytewise(
        utf8: UnsafeBufferPointer<UInt8>, skipping mayHold: (UInt64) -> Bool,
        replacing replacement: (_ byte: UInt8, _ previous: UInt8) -> StaticString?
    ) -> Bool {
        let start = bytes.count
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
                bytes.removeSubrange(start...)
                return false
            }
            bytes += UnsafeBufferPointer(rebasing: utf8[runStart..<index])
            replaced.withUTF8Buffer { bytes += $0 }
            index += 1
            runStart = index
        }
        bytes += UnsafeBufferPointer(rebasing: utf8[runStart...])
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
                bytes += character.utf8
                previous = bytes[bytes.count - 1]
                continue
            }
            for byte in character.utf8 {
                if let replaced = replacement(byte, previous) {
                    replaced.withUTF8Buffer { bytes += $0 }
                } else {
                    bytes.append(byte)
                }
                previous = byte
            }
        }
    }
}
