extension OrderedTree {
    /// YAML text in block style with a two-space indent, as libyaml lays it out (a list under a key at the key's
    /// indent), written straight into one string.
    ///
    /// A string is written plain only where no YAML reader could take it for anything else (a number, a boolean,
    /// null, an indicator, a comment, a key); otherwise it is quoted (``style(of:)``), with line breaks, control
    /// characters and characters YAML cannot print as escapes. The text reads back to the same tree.
    ///
    /// - Complexity: O(n) in the size of the text. (Serialising through Yams' node tree took 13–19 s and 2.2–3.1 GB
    ///   for a pathway of 10^5 steps.)
    public func yaml() -> String {
        var out = ""
        switch self {
        case .map(let pairs) where !pairs.isEmpty: Self.appendMap(pairs, indent: 0, inline: false, to: &out)
        case .list(let items) where !items.isEmpty: Self.appendList(items, indent: 0, inline: false, to: &out)
        default:
            appendInline(to: &out)
            out += "\n"
        }
        return out
    }

    /// Appends the entries of a top-level block mapping, as ``yaml()`` writes them (for a writer that streams a
    /// document's later entries itself).
    static func appendYAMLEntries(_ pairs: [(String, OrderedTree)], to out: inout String) {
        appendMap(pairs, indent: 0, inline: false, to: &out)
    }

    /// Appends one item of a block sequence under a top-level key, as ``yaml()`` writes it.
    static func appendYAMLListItem(_ item: OrderedTree, to out: inout String) {
        appendList([item], indent: 0, inline: false, to: &out)
    }

    /// Writes a scalar, or an empty list or map in flow style (`[]`, `{}`); anything else is written by the block
    /// writers.
    private func appendInline(to out: inout String) {
        switch self {
        case .string(let text): Self.appendScalar(text, to: &out)
        case .number(let value): out += Self.format(value)
        case .integer(let value): out += String(value)
        case .boolean(let value): out += value ? "true" : "false"
        case .list: out += "[]"
        case .map: out += "{}"
        }
    }

    /// Whether the value is written on more lines of its own (a list or map that is not empty).
    private var isBlock: Bool {
        switch self {
        case .list(let items): !items.isEmpty
        case .map(let pairs): !pairs.isEmpty
        default: false
        }
    }

    /// A block mapping at `indent`; with `inline`, its first key continues the current line (after `- `).
    private static func appendMap(_ pairs: [(String, OrderedTree)], indent: Int, inline: Bool, to out: inout String) {
        for (position, (key, value)) in pairs.enumerated() {
            if position > 0 || !inline { out += String(repeating: " ", count: indent) }
            appendScalar(key, to: &out)
            out += ":"
            switch value {
            case .map(let inner) where !inner.isEmpty:
                out += "\n"
                appendMap(inner, indent: indent + 2, inline: false, to: &out)
            case .list(let items) where !items.isEmpty:
                out += "\n"
                appendList(items, indent: indent, inline: false, to: &out)
            default:
                out += " "
                value.appendInline(to: &out)
                out += "\n"
            }
        }
    }

    /// A block sequence at `indent`; with `inline`, its first item continues the current line.
    private static func appendList(_ items: [OrderedTree], indent: Int, inline: Bool, to out: inout String) {
        for (position, item) in items.enumerated() {
            if position > 0 || !inline { out += String(repeating: " ", count: indent) }
            out += "- "
            switch item {
            case .map(let pairs) where item.isBlock: appendMap(pairs, indent: indent + 2, inline: true, to: &out)
            case .list(let inner) where item.isBlock: appendList(inner, indent: indent + 2, inline: true, to: &out)
            default:
                item.appendInline(to: &out)
                out += "\n"
            }
        }
    }

    /// How a string is written.
    enum ScalarStyle {
        /// As it is.
        case plain
        /// In single quotes (`'` doubled): text that is all printable on one line but holds YAML syntax.
        case singleQuoted
        /// In double quotes with escapes: text that would read back as another type, or holds line breaks, tabs,
        /// control characters or edge spaces.
        case doubleQuoted
    }

    /// A string, plain where that is safe, else quoted (``style(of:)``).
    static func appendScalar(_ text: String, to out: inout String) {
        switch style(of: text) {
        case .plain: out += text
        case .singleQuoted:
            out += "'"
            out += text.contains("'") ? text.replacingOccurrences(of: "'", with: "''") : text
            out += "'"
        case .doubleQuoted:
            out += "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where !isPrintable(scalar):
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    if scalar.value <= 0xFFFF {
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out += "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                    }
                default: out.unicodeScalars.append(scalar)
                }
            }
            out += "\""
        }
    }

    /// Words YAML 1.1 readers (Yams among them) resolve to booleans or null.
    private static let reservedWords: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    ]

    /// The characters of numbers, dates and times as YAML 1.1 writes them (`1_000`, `0x1F`, `.inf`, `1:30`,
    /// `2026-01-01`), with a few letters to spare: a string made only of these, starting like a number, is quoted.
    private static let numberCharacters = Set("0123456789+-._:eExXoObBaAcCdDfFiInNtT ".unicodeScalars)

    /// How a string must be written to read back as the same string: the choices libyaml makes for text it
    /// writes, a little stricter (anything that starts like a number and holds only number characters is
    /// quoted).
    static func style(of text: String) -> ScalarStyle {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return .doubleQuoted }
        if first == " " || last == " " { return .doubleQuoted }
        for scalar in scalars where !isPrintable(scalar) || scalar == "\t" || scalar == "\n" || scalar == "\r" {
            return .doubleQuoted
        }
        if text.utf8.count <= 5, reservedWords.contains(text.lowercased()) { return .doubleQuoted }
        if "0123456789+-.".unicodeScalars.contains(first), scalars.allSatisfy(numberCharacters.contains) {
            return .doubleQuoted
        }
        // YAML syntax: indicators first, a key or comment inside, a document marker.
        let second = scalars.dropFirst().first
        if "#,[]{}&*!|>'\"%@`".unicodeScalars.contains(first) { return .singleQuoted }
        if "?:-".unicodeScalars.contains(first), second == nil || second == " " { return .singleQuoted }
        if text.hasPrefix("---") || text.hasPrefix("...") || last == ":" { return .singleQuoted }
        var previous: Unicode.Scalar = " "
        for scalar in scalars {
            if (scalar == "#" && previous == " ") || (scalar == " " && previous == ":") { return .singleQuoted }
            previous = scalar
        }
        return .plain
    }

    /// The characters written as they are (YAML 1.1's printable set, less the byte-order mark and NEL).
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2028, 0x2029: return false  // line breaks to YAML 1.1, as U+0085 is
        case 0x20...0x7E, 0xA0...0xD7FF, 0x10000...0x10FFFF: return true
        case 0xE000...0xFFFD: return scalar.value != 0xFEFF
        default: return false
        }
    }
}
