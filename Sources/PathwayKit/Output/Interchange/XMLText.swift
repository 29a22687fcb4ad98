import Foundation

/// Escaping for XML 1.0 text and attribute values, as the BPMN and GraphML writers write them.
enum XMLText {
    /// Text escaped for an element's content or a double-quoted attribute (``MarkupText``): markup characters as
    /// entities, line breaks and tabs as character references (so that attribute normalisation keeps them), and
    /// characters XML 1.0 cannot hold (other control characters, U+FFFE/U+FFFF) as U+FFFD.
    static func escaped(_ text: String) -> String {
        MarkupText.escaped(text, breaks: .references, replacement: "\u{FFFD}")
    }

    /// Whether a text is an XML NCName that BPMN can use as an element id: a letter or `_` first, then letters,
    /// digits, `-`, `_` and `.` (ASCII only, which every tool reads the same way).
    static func isSafeID(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCIILetter || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.isASCIILetter || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
        }
    }

    /// A number written briefly: at most two decimals, no trailing zeros.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
