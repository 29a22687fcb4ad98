/// Text people give (labels, titles, notes, conditions) made safe for markup: XML and HTML content and attribute
/// values (BPMN, GraphML, SVG, the charts' index page) and Graphviz's HTML-like labels. The one routine every such
/// writer escapes with; the report's HTML has a byte-level fast path with the same rules (`GapReport.escape`), and
/// terminal text has its own (``Quote``).
public enum MarkupText {
    /// What becomes of line breaks and tabs.
    public enum Breaks: Sendable {
        /// Kept as they are (element content, where they are white space).
        case kept
        /// Written as spaces (a one-line label).
        case spaces
        /// Written as character references (`&#10;`), so that an XML attribute keeps them through attribute-value
        /// normalisation.
        case references
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` as entities, line breaks and tabs as `breaks` says, and every other
    /// control character (C0, DEL) and the noncharacters U+FFFE and U+FFFF, which XML 1.0 cannot hold and which no
    /// reader should see, replaced by `replacement`.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - breaks: What becomes of `\n`, `\r` and `\t` (`\r` is a control character unless references are asked for).
    ///   - replacement: What stands for a control character or noncharacter: a space, or U+FFFD where the reader
    ///     should see that something was there.
    /// - Complexity: O(n).
    public static func escaped(
        _ text: String, breaks: Breaks = .kept, replacement: Unicode.Scalar = " "
    ) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t", "\r":
                switch breaks {
                case .references: out += "&#\(scalar.value);"
                case .spaces: out += " "
                case .kept: out.unicodeScalars.append(scalar == "\r" ? replacement : scalar)
                }
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0xFFFE...0xFFFF).contains(scalar.value):
                out.unicodeScalars.append(replacement)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
