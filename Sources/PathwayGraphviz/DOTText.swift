/// Escaping and small text helpers for writing DOT.
enum DOTText {
    /// A DOT double-quoted string for an escString attribute (`label`, `tooltip`, `id`, `URL`, `xlabel`): backslashes
    /// doubled (so Graphviz shows one), quotes escaped, line breaks written as `\n` (centred lines), other control
    /// characters replaced by spaces.
    ///
    /// `<`, `>` and `&` need no escaping in DOT strings (labels here are never HTML-like); Graphviz escapes them
    /// when it writes SVG.
    static func quoted(_ text: String) -> String {
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
    static func name(_ text: String) -> String {
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

    /// `[key=value, …]` with every value quoted, in the order given.
    static func attributes(_ pairs: [(String, String)]) -> String {
        "[" + pairs.map { "\($0.0)=\(quoted($0.1))" }.joined(separator: ", ") + "]"
    }

    /// Text wrapped greedily at spaces into lines of at most `width` characters (longer words stay whole).
    ///
    /// - Complexity: O(n) in the length of the text.
    static func wrapped(_ text: String, width: Int = 28) -> String {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                if line.isEmpty {
                    line = String(word)
                } else if line.count + 1 + word.count <= width {
                    line += " " + word
                } else {
                    lines.append(line)
                    line = String(word)
                }
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
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
