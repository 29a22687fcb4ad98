/// Reads a JSON document into ``DocumentNode``s straight from its UTF-8 bytes, with the line and column libyaml
/// would give each node (1-based; columns count characters), so that a JSON file no longer goes through libyaml's
/// parser, Yams' node tree and a second conversion.
///
/// It reads plain JSON only, and gives up (returns `nil`) on anything else — a syntax error, a duplicated key, a
/// lone surrogate escape, a raw control character, a comment, nesting deeper than ``maximumDepth``, YAML's flow
/// extras — so that the caller reads such a file through libyaml as before, with libyaml's messages and
/// positions. Trailing commas, which YAML's flow style accepts, are accepted too.
struct JSONDocumentReader {
    /// Nesting deeper than this is left to libyaml.
    static let maximumDepth = 256

    private let file: String
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    /// The line of `position`, and the column of `columnPosition` (a byte at or before `position` on that line).
    private var line = 1
    private var column = 1
    private var columnPosition = 0
    private var scratch: [UInt8] = []

    private init(file: String, bytes: UnsafeBufferPointer<UInt8>) {
        self.file = file
        self.bytes = bytes
    }

    /// The document of a JSON text, or `nil` when the text is not plain JSON (see the type's description).
    ///
    /// - Complexity: O(n) in the length of the text.
    static func parse(_ text: String, file: String) -> DocumentNode? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = JSONDocumentReader(file: file, bytes: bytes)
            reader.skipWhitespace()
            guard reader.position < bytes.count, let root = reader.value(depth: 1) else { return nil }
            reader.skipWhitespace()
            return reader.position == bytes.count ? root : nil
        }
    }

    /// The location of the byte at `position`.
    private mutating func location() -> SourceLocation {
        while columnPosition < position {
            // Continuation bytes (10xxxxxx) do not start a character.
            if bytes[columnPosition] & 0xC0 != 0x80 { column += 1 }
            columnPosition += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                position += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                // CR LF is one line break, as is a lone CR or LF.
                if bytes[position] == UInt8(ascii: "\r"), position + 1 < bytes.count,
                    bytes[position + 1] == UInt8(ascii: "\n")
                {
                    position += 1
                }
                position += 1
                line += 1
                column = 1
                columnPosition = position
            default:
                return
            }
        }
    }

    /// The value at `position` (whitespace skipped), or `nil` when it is not plain JSON.
    private mutating func value(depth: Int) -> DocumentNode? {
        guard depth <= Self.maximumDepth, position < bytes.count else { return nil }
        let start = location()
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            var pairs: [(key: DocumentNode, value: DocumentNode)] = []
            var keys: Set<String> = []
            while true {
                skipWhitespace()
                guard position < bytes.count else { return nil }
                if bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    return DocumentNode(value: .mapping(pairs), location: start)
                }
                guard bytes[position] == UInt8(ascii: "\""), let key = value(depth: depth + 1),
                    case .scalar(let name, _) = key.value, keys.insert(name).inserted
                else { return nil }
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
                position += 1
                skipWhitespace()
                guard let item = value(depth: depth + 1) else { return nil }
                pairs.append((key, item))
                guard separator(closing: UInt8(ascii: "}")) else { return nil }
            }
        case UInt8(ascii: "["):
            position += 1
            var items: [DocumentNode] = []
            while true {
                skipWhitespace()
                guard position < bytes.count else { return nil }
                if bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return DocumentNode(value: .sequence(items), location: start)
                }
                guard let item = value(depth: depth + 1) else { return nil }
                items.append(item)
                guard separator(closing: UInt8(ascii: "]")) else { return nil }
            }
        case UInt8(ascii: "\""):
            guard let text = string() else { return nil }
            return DocumentNode(value: .scalar(text, isPlain: false), location: start)
        default:
            guard let text = plainScalar() else { return nil }
            return DocumentNode(value: .scalar(text, isPlain: true), location: start)
        }
    }

    /// Skips whitespace and a comma, or stops before the closing bracket; `false` on anything else.
    private mutating func separator(closing: UInt8) -> Bool {
        skipWhitespace()
        guard position < bytes.count else { return false }
        if bytes[position] == UInt8(ascii: ",") {
            position += 1
            return true
        }
        return bytes[position] == closing
    }

    /// A number, `true`, `false` or `null`, as written; `nil` for anything else.
    private mutating func plainScalar() -> String? {
        let start = position
        let first = bytes[position]
        if first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) {
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                    UInt8(ascii: "e"), UInt8(ascii: "E"):
                    position += 1
                default:
                    return isDelimiter() ? String(decoding: bytes[start..<position], as: UTF8.self) : nil
                }
            }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }
        for word in ["true", "false", "null"] where matches(word) {
            position += word.utf8.count
            return isDelimiter() ? word : nil
        }
        return nil
    }

    private func matches(_ word: String) -> Bool {
        let count = word.utf8.count
        guard position + count <= bytes.count else { return false }
        return zip(word.utf8, bytes[position..<(position + count)]).allSatisfy { $0 == $1 }
    }

    /// Whether a plain scalar may end at `position`: the end, whitespace, a comma or a closing bracket.
    private func isDelimiter() -> Bool {
        guard position < bytes.count else { return true }
        switch bytes[position] {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ","),
            UInt8(ascii: "]"), UInt8(ascii: "}"):
            return true
        default:
            return false
        }
    }

    /// A double-quoted string at `position`, unescaped; `nil` for what libyaml would read otherwise or refuse: a raw
    /// control character (C0, DEL, C1), U+FFFE or U+FFFF, an unknown escape, or a lone surrogate.
    private mutating func string() -> String? {
        position += 1
        let start = position
        var escaped = false
        scratch.removeAll(keepingCapacity: true)
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                let text =
                    escaped
                    ? String(decoding: scratch, as: UTF8.self)
                    : String(decoding: bytes[start..<position], as: UTF8.self)
                position += 1
                return text
            case UInt8(ascii: "\\"):
                if !escaped {
                    scratch += bytes[start..<position]
                    escaped = true
                }
                guard position + 1 < bytes.count, let next = escape() else { return nil }
                scratch += next
            case 0..<0x20, 0x7F:
                return nil
            case 0xC2 where position + 1 < bytes.count && (0x80...0x9F).contains(bytes[position + 1]):
                return nil
            case 0xEF
            where position + 2 < bytes.count && bytes[position + 1] == 0xBF && bytes[position + 2] >= 0xBE:
                return nil
            default:
                if escaped { scratch.append(byte) }
                position += 1
            }
        }
        return nil
    }

    /// The UTF-8 of the escape at `position` (a backslash), moving past it; `nil` for one JSON does not define or a
    /// lone surrogate.
    private mutating func escape() -> [UInt8]? {
        let letter = bytes[position + 1]
        position += 2
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return [letter]
        case UInt8(ascii: "b"): return [0x08]
        case UInt8(ascii: "f"): return [0x0C]
        case UInt8(ascii: "n"): return [0x0A]
        case UInt8(ascii: "r"): return [0x0D]
        case UInt8(ascii: "t"): return [0x09]
        case UInt8(ascii: "u"):
            guard var scalar = hex4() else { return nil }
            if (0xD800...0xDBFF).contains(scalar) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else { return nil }
                position += 2
                guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let character = Unicode.Scalar(scalar) else { return nil }
            return Array(String(Character(character)).utf8)
        default:
            return nil
        }
    }

    /// Four hex digits at `position`, moving past them.
    private mutating func hex4() -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }
}
