import Foundation

/// One field of a row: a byte range of the input, and whether it was quoted with doubled quotes inside (then its
/// text needs unescaping).
struct FieldSpan {
    var start: Int
    var end: Int
    var hasEscapes: Bool
}

/// Splits delimited text into rows of fields without copying: comma, tab or whitespace separated, `#` comment
/// lines and blank lines skipped, `\r\n` accepted, double quotes (with `""` inside) in comma and tab mode.
///
/// The scanner works on a raw buffer that must outlive it; it never allocates per row once `fields` has grown.
struct EdgeListScanner {
    /// How fields are separated.
    enum Delimiter: Equatable {
        case comma, tab, whitespace

        var byte: UInt8 {
            switch self {
            case .comma: UInt8(ascii: ",")
            case .tab: UInt8(ascii: "\t")
            case .whitespace: UInt8(ascii: " ")
            }
        }
    }

    /// A malformed row: the line and what is wrong.
    struct Problem: Error {
        var line: Int
        var message: String
    }

    let bytes: UnsafeRawBufferPointer
    let delimiter: Delimiter
    /// The position of the next unread byte.
    private(set) var position: Int
    /// The 1-based line of the last row returned.
    private(set) var line = 0
    /// The 1-based line the next row starts on.
    private(set) var nextLine: Int

    /// Creates a scanner over a buffer whose first byte is at the start of line `firstLine` (a chunk of a file
    /// read in pieces starts further down).
    init(bytes: UnsafeRawBufferPointer, delimiter: Delimiter, firstLine: Int = 1) {
        self.bytes = bytes
        self.delimiter = delimiter
        nextLine = firstLine
        // Skip a UTF-8 byte-order mark at the start of the file.
        let hasMark = firstLine == 1 && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        position = hasMark ? 3 : 0
    }

    /// Moves to `position`, the start of line `nextLine` (after a row read by other means).
    mutating func move(to position: Int, nextLine: Int) {
        self.position = position
        self.nextLine = nextLine
    }

    /// Guesses the delimiter from the first line that is neither blank nor a comment: a tab if it has one, else
    /// a comma if it has one, else whitespace.
    static func delimiter(of bytes: UnsafeRawBufferPointer) -> Delimiter {
        var index = 0
        while index < bytes.count {
            var end = index
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            var first = index
            while first < end && (bytes[first] == 0x20 || bytes[first] == 0x09 || bytes[first] == 0x0D) { first += 1 }
            if first < end && bytes[first] != UInt8(ascii: "#") {
                var sawComma = false
                for position in first..<end {
                    if bytes[position] == 0x09 { return .tab }
                    if bytes[position] == UInt8(ascii: ",") { sawComma = true }
                }
                return sawComma ? .comma : .whitespace
            }
            index = end + 1
        }
        return .comma
    }

    /// Reads the next row that is not blank or a comment into `fields`.
    ///
    /// - Returns: `false` at the end of the input.
    /// - Throws: ``Problem`` for an unterminated quote.
    @inline(__always)
    mutating func nextRow(into fields: inout [FieldSpan]) throws -> Bool {
        let count = bytes.count
        while position < count {
            line = nextLine
            nextLine += 1
            var index = position
            // Skip leading blanks to spot comments and blank lines.
            while index < count, bytes[index] == 0x20 || bytes[index] == 0x09 && delimiter != .tab { index += 1 }
            if index >= count {
                position = count
                return false
            }
            let first = bytes[index]
            if first == 0x0A || (first == 0x0D && (index + 1 >= count || bytes[index + 1] == 0x0A))
                || first == UInt8(ascii: "#")
            {
                while index < count && bytes[index] != 0x0A { index += 1 }
                position = index + 1
                continue
            }
            fields.removeAll(keepingCapacity: true)
            if delimiter == .whitespace {
                while index < count {
                    let byte = bytes[index]
                    if byte == 0x0A {
                        index += 1
                        break
                    }
                    if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                        index += 1
                        continue
                    }
                    let start = index
                    while index < count {
                        let byte = bytes[index]
                        if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A { break }
                        index += 1
                    }
                    fields.append(FieldSpan(start: start, end: index, hasEscapes: false))
                }
            } else {
                index = position
                let separator = delimiter.byte
                while true {
                    if index < count && bytes[index] == UInt8(ascii: "\"") {
                        // A quoted field: up to the closing quote, "" standing for one quote.
                        let start = index + 1
                        var cursor = start
                        var escapes = false
                        while true {
                            guard cursor < count else {
                                throw Problem(line: line, message: "a quoted field is not closed")
                            }
                            if bytes[cursor] == UInt8(ascii: "\"") {
                                if cursor + 1 < count && bytes[cursor + 1] == UInt8(ascii: "\"") {
                                    escapes = true
                                    cursor += 2
                                    continue
                                }
                                break
                            }
                            if bytes[cursor] == 0x0A { nextLine += 1 }
                            cursor += 1
                        }
                        fields.append(FieldSpan(start: start, end: cursor, hasEscapes: escapes))
                        index = cursor + 1
                        while index < count && bytes[index] != separator && bytes[index] != 0x0A { index += 1 }
                    } else {
                        let start = index
                        while index < count && bytes[index] != separator && bytes[index] != 0x0A { index += 1 }
                        var end = index
                        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
                        fields.append(FieldSpan(start: start, end: end, hasEscapes: false))
                    }
                    if index < count && bytes[index] == separator {
                        index += 1
                        continue
                    }
                    index += 1
                    break
                }
            }
            position = index
            return true
        }
        return false
    }

    /// The text of a field, with blanks trimmed and `""` unescaped.
    func text(_ field: FieldSpan) -> String {
        var start = field.start
        var end = field.end
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D) { end -= 1 }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return field.hasEscapes ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
    }
}
