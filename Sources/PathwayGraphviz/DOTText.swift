import PathwayKit

/// Escaping and small text helpers for writing DOT.
///
/// Every text a chart shows is bounded, so that a huge label in the input (a million characters) cannot make
/// Graphviz's layout or its message buffers fail: a label drawn on the chart keeps its first
/// ``maxLabelCharacters`` characters, any quoted value (a tooltip, a link) its first ``maxQuotedCharacters``, and
/// a node name longer than ``maxNameCharacters`` is shortened with a checksum of the whole so names stay distinct.
enum DOTText {
    /// The most characters of a label drawn on a chart; longer labels end in "…" (the tooltip holds more).
    static let maxLabelCharacters = 300
    /// The most characters of any quoted attribute value (tooltips, links).
    static let maxQuotedCharacters = 4_000
    /// The most characters of a node or graph name.
    static let maxNameCharacters = 200

    /// The first `limit` characters of a text, with "…" in place of the rest.
    static func truncated(_ text: String, to limit: Int) -> String {
        guard text.unicodeScalars.count > limit else { return text }
        var result = String.UnicodeScalarView(text.unicodeScalars.prefix(limit - 1))
        result.append("…")
        return String(result)
    }

    /// A DOT double-quoted string for an escString attribute (`label`, `tooltip`, `id`, `URL`, `xlabel`): backslashes
    /// doubled (so Graphviz shows one), quotes escaped, line breaks written as `\n` (centred lines), other control
    /// characters replaced by spaces.
    ///
    /// `<`, `>` and `&` need no escaping in DOT strings (labels here are never HTML-like); Graphviz escapes them
    /// when it writes SVG.
    static func quoted(_ full: String) -> String {
        let text = truncated(full, to: maxQuotedCharacters)
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\r": result += "\\n"
            case "\n": if !previousWasCarriageReturn { result += "\\n" }
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A DOT double-quoted node or graph name: quotes escaped, backslashes doubled (a name never ends in an escape),
    /// line breaks and control characters replaced by spaces, so that Graphviz's `<title>` reads as the id.
    static func name(_ full: String) -> String {
        var text = full
        if text.unicodeScalars.count > maxNameCharacters {
            // FNV-1a over the whole name keeps two long names that share a beginning apart.
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in full.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            text =
                String(String.UnicodeScalarView(full.unicodeScalars.prefix(maxNameCharacters - 20)))
                + "…#" + String(hash, radix: 16)
        }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A URL made safe for Graphviz's SVG writer, which (in 2.43) copies URLs into `xlink:href` without escaping
    /// them: `&` written as the entity `&amp;` (which Graphviz passes through), and quotes, angle brackets,
    /// backslashes, spaces and control characters percent-encoded.
    static func url(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "\"", "<", ">", "\\", " ", "'", "`", "{", "}", "|", "^":
                result += "%" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "%" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `[key=value, …]` with every value quoted, in the order given; a value under ``htmlKey`` is an HTML-like
    /// label, written as it is and replacing any plain `label`.
    static func attributes(_ pairs: [(String, String)]) -> String {
        let html = pairs.last { $0.0 == htmlKey }?.1
        let written = pairs.compactMap { key, value -> String? in
            if key == htmlKey { return nil }
            if key == "label", let html { return "label=\(html)" }
            return "\(key)=\(quoted(value))"
        }
        return "[" + written.joined(separator: ", ") + "]"
    }

    /// The attribute key under which ``attributes(_:)`` takes an HTML-like label made by ``htmlLabel(lines:small:)``.
    static let htmlKey = "\u{1}html-label"

    /// An HTML-like label (`<…>`): the lines centred, then the small lines in a smaller grey font. Text is escaped
    /// for Graphviz's HTML parser.
    static func htmlLabel(lines: [String], small: [String]) -> String {
        func escaped(_ text: String) -> String { MarkupText.escaped(text, breaks: .spaces) }
        var label = "<" + lines.map(escaped).joined(separator: "<BR/>")
        if !small.isEmpty {
            label +=
                "<BR/><FONT POINT-SIZE=\"9\" COLOR=\"#555555\">" + small.map(escaped).joined(separator: "<BR/>")
                + "</FONT>"
        }
        return label + ">"
    }

    /// Text wrapped greedily at spaces into lines of at most `width` characters (longer words are cut into pieces
    /// of `width`), after cutting it to ``maxLabelCharacters``.
    ///
    /// - Complexity: O(n) in the length of the text.
    static func wrapped(_ full: String, width: Int = 28) -> String {
        let text = truncated(full, to: maxLabelCharacters)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for whole in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                for word in pieces(of: whole, width: width) {
                    if line.isEmpty {
                        line = String(word)
                    } else if line.count + 1 + word.count <= width {
                        line += " " + word
                    } else {
                        lines.append(line)
                        line = String(word)
                    }
                }
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// A word cut into pieces of at most `width` characters, so that a long URL or id does not widen a node.
    private static func pieces(of word: Substring, width: Int) -> [Substring] {
        guard word.count > width, width > 0 else { return [word] }
        var result: [Substring] = []
        var start = word.startIndex
        while start < word.endIndex {
            let end = word.index(start, offsetBy: width, limitedBy: word.endIndex) ?? word.endIndex
            result.append(word[start..<end])
            start = end
        }
        return result
    }

    /// A string made safe for an SVG `id`: letters, digits, `-`, `_` and `.` kept, anything else written as `_`.
    static func identifier(_ text: String) -> String {
        String(
            text.unicodeScalars.map { scalar -> Character in
                switch scalar {
                case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": Character(scalar)
                default: "_"
                }
            })
    }
}

/// Hands out SVG ids that are unique within one chart, deterministically (`step-a`, then `step-a-2`, …).
struct IdentifierAllocator {
    private var used: Set<String> = []

    /// A unique id made from a prefix and a text.
    mutating func make(_ prefix: String, _ text: String) -> String {
        let base = prefix + "-" + DOTText.identifier(text)
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}

extension String {
    /// The string with zeros in front, to at least `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
