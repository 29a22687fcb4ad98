/// Reads a JSON document into ``DocumentNode``s straight from its UTF-8 bytes, with the line and column libyaml
/// would give each node (1-based; columns count characters), so that a JSON file no longer goes through libyaml's
/// parser, Yams' node tree and a second conversion.
///
/// It reads plain JSON only, and gives up (returns `nil`) on anything else — a syntax error, a duplicated key, a
/// lone surrogate escape, a raw control character, a comment, nesting deeper than ``maximumDepth``, YAML's flow
/// extras — so that the caller reads such a file through libyaml as before, with libyaml's messages and
/// positions. Trailing commas, which YAML's flow style accepts, are accepted too.
/// Reads a JSON document straight from its UTF-8 bytes, with the line and column libyaml would give each node
/// (1-based; columns count characters), so that a JSON file no longer goes through libyaml: as events
/// (``DocumentEventSource``, for the streaming pathway reader) or as a ``DocumentNode`` tree (``parse(_:file:)``).
///
/// It reads plain JSON only, and gives up (`nil`) on anything else — a syntax error, a duplicated key (in a tree), a
/// lone surrogate escape, a raw control character, a comment, nesting deeper than ``maximumDepth``, YAML's flow
/// extras — so that the caller reads such a file through libyaml as before, with libyaml's messages and
/// positions. Trailing commas, which YAML's flow style accepts, are accepted too.
struct JSONDocumentReader: DocumentEventSource {
    /// Nesting deeper than this is left to libyaml.
    static let maximumDepth = 256

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    /// The line of `position`, and the column of `columnPosition` (a byte at or before `position` on that line).
    private var line = 1
    private var column = 1
    private var columnPosition = 0
    /// The unescaped text of the current string, when it has escapes.
    private var scratch: [UInt8] = []
    /// The current scalar: a range of `bytes`, or `scratch` when `escaped`.
    private var scalarRange = 0..<0
    private var escaped = false
    /// Whether each open container is a mapping.
    private var open: [Bool] = []
    private var phase = Phase.value

    /// What the next event may be.
    private enum Phase {
        /// A value (the root, or after a key's colon).
        case value
        /// A mapping's key or its end.
        case keyOrEnd
        /// A sequence's item or its end.
        case itemOrEnd
        /// The colon after a key.
        case colon
        /// A comma or the end of the container, after a value.
        case separator
        case done
    }

    private(set) var eventLine = 0
    private(set) var eventColumn = 0

    func withScalarBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if escaped { return try scratch.withUnsafeBufferPointer(body) }
        return try body(UnsafeBufferPointer(rebasing: bytes[scalarRange]))
    }

    /// A reader over bytes that stay alive and unchanged while it is used.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The document of a JSON text, or `nil` when the text is not plain JSON (see the type's description).
    ///
    /// - Complexity: O(n) in the length of the text.
    static func parse(_ text: String, file: String) -> DocumentNode? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = JSONDocumentReader(bytes: bytes)
            return reader.tree(file: file)
        }
    }

    /// The whole document as a tree, refusing a key written twice in a mapping.
    private mutating func tree(file: String) -> DocumentNode? {
        /// An open container: where it starts, its items or pairs so far, and (mappings) its keys and pending key.
        struct Open {
            var location: SourceLocation
            var isMapping: Bool
            var items: [DocumentNode] = []
            var pairs: [(key: DocumentNode, value: DocumentNode)] = []
            var keys: Set<String> = []
            var key: DocumentNode?
        }
        var stack: [Open] = []
        var root: DocumentNode?
        while let event = nextEvent() {
            let location = SourceLocation(file: file, line: eventLine, column: eventColumn)
            let finished: DocumentNode
            switch event {
            case .documentEnd:
                return root
            case .mappingStart, .sequenceStart:
                stack.append(Open(location: location, isMapping: event == .mappingStart))
                continue
            case .scalar(let isPlain):
                finished = DocumentNode(
                    value: .scalar(withScalarBytes { String(decoding: $0, as: UTF8.self) }, isPlain: isPlain),
                    location: location)
                if var top = stack.last, top.isMapping, top.key == nil {
                    guard case .scalar(let name, _) = finished.value, top.keys.insert(name).inserted else { return nil }
                    top.key = finished
                    stack[stack.count - 1] = top
                    continue
                }
            case .end:
                guard let top = stack.popLast() else { return nil }
                finished = DocumentNode(
                    value: top.isMapping ? .mapping(top.pairs) : .sequence(top.items), location: top.location)
            }
            if stack.isEmpty {
                root = finished
            } else if stack[stack.count - 1].isMapping, let key = stack[stack.count - 1].key {
                stack[stack.count - 1].pairs.append((key, finished))
                stack[stack.count - 1].key = nil
            } else {
                stack[stack.count - 1].items.append(finished)
            }
        }
        return nil
    }

    /// The location of the byte at `position`.
    private mutating func markEvent() {
        while columnPosition < position {
            // Continuation bytes (10xxxxxx) do not start a character.
            if bytes[columnPosition] & 0xC0 != 0x80 { column += 1 }
            columnPosition += 1
        }
        (eventLine, eventColumn) = (line, column)
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

    mutating func nextEvent() -> DocumentEvent? {
        skipWhitespace()
        switch phase {
        case .done:
            return nil
        case .colon:
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
            position += 1
            skipWhitespace()
            return value()
        case .separator:
            guard let isMapping = open.last else {
                guard position == bytes.count else { return nil }
                phase = .done
                return .documentEnd
            }
            guard position < bytes.count else { return nil }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                phase = isMapping ? .keyOrEnd : .itemOrEnd
                return nextEvent()
            }
            return closing(isMapping: isMapping)
        case .keyOrEnd:
            guard position < bytes.count else { return nil }
            if bytes[position] == UInt8(ascii: "}") { return closing(isMapping: true) }
            guard bytes[position] == UInt8(ascii: "\""), open.count < Self.maximumDepth else { return nil }
            markEvent()
            guard string() else { return nil }
            phase = .colon
            return .scalar(isPlain: false)
        case .itemOrEnd:
            guard position < bytes.count else { return nil }
            if bytes[position] == UInt8(ascii: "]") { return closing(isMapping: false) }
            return value()
        case .value:
            return value()
        }
    }

    /// The closing bracket of the innermost container at `position`, if it is that one.
    private mutating func closing(isMapping: Bool) -> DocumentEvent? {
        guard bytes[position] == (isMapping ? UInt8(ascii: "}") : UInt8(ascii: "]")) else { return nil }
        markEvent()
        position += 1
        open.removeLast()
        phase = .separator
        return .end
    }

    /// The value at `position` (whitespace skipped), or `nil` when it is not plain JSON.
    private mutating func value() -> DocumentEvent? {
        guard open.count < Self.maximumDepth, position < bytes.count else { return nil }
        markEvent()
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            open.append(true)
            phase = .keyOrEnd
            return .mappingStart
        case UInt8(ascii: "["):
            position += 1
            open.append(false)
            phase = .itemOrEnd
            return .sequenceStart
        case UInt8(ascii: "\""):
            guard string() else { return nil }
            phase = .separator
            return .scalar(isPlain: false)
        default:
            guard plainScalar() else { return nil }
            phase = .separator
            return .scalar(isPlain: true)
        }
    }

    /// A number, `true`, `false` or `null`, as written, into `scalarRange`; `false` for anything else.
    private mutating func plainScalar() -> Bool {
        let start = position
        escaped = false
        let first = bytes[position]
        if first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) {
            scan: while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                    UInt8(ascii: "e"), UInt8(ascii: "E"):
                    position += 1
                default:
                    break scan
                }
            }
            scalarRange = start..<position
            return isDelimiter()
        }
        for word in ["true", "false", "null"] where matches(word) {
            position += word.utf8.count
            scalarRange = start..<position
            return isDelimiter()
        }
        return false
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

    /// A double-quoted string at `position`, unescaped into `scalarRange` or `scratch`; `false` for what libyaml
    /// would read otherwise or refuse: a raw control character (C0, DEL, C1), U+FFFE or U+FFFF, an unknown escape, or
    /// a lone surrogate.
    private mutating func string() -> Bool {
        position += 1
        let start = position
        escaped = false
        scratch.removeAll(keepingCapacity: true)
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                scalarRange = start..<position
                position += 1
                return true
            case UInt8(ascii: "\\"):
                if !escaped {
                    scratch += bytes[start..<position]
                    escaped = true
                }
                guard position + 1 < bytes.count, let next = escape() else { return false }
                scratch += next
            case 0..<0x20, 0x7F:
                return false
            case 0xC2 where position + 1 < bytes.count && (0x80...0x9F).contains(bytes[position + 1]):
                return false
            case 0xEF
            where position + 2 < bytes.count && bytes[position + 1] == 0xBF && bytes[position + 2] >= 0xBE:
                return false
            default:
                if escaped { scratch.append(byte) }
                position += 1
            }
        }
        return false
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
