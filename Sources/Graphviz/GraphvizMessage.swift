/// Something Graphviz reported while it worked: a warning (`using box for unknown shape blob`), or an error it
/// reported and carried on from (a malformed HTML-like label is drawn as plain text).
public struct GraphvizMessage: Hashable, Sendable, CustomStringConvertible {
    /// How Graphviz labelled the message.
    public enum Severity: String, Hashable, Sendable {
        /// `Warning: …`.
        case warning
        /// `Error: …`.
        case error
    }

    /// How Graphviz labelled the message.
    public var severity: Severity
    /// Graphviz's text on one line: continuation lines joined with a space, surrounding whitespace trimmed.
    public var text: String

    /// Creates a message.
    ///
    /// - Parameters:
    ///   - severity: How Graphviz labelled it.
    ///   - text: Its text.
    public init(_ severity: Severity, _ text: String) {
        self.severity = severity
        self.text = text
    }

    /// The line of the DOT text the message names (`syntax error in line 14 near 'subgraph'`), or `nil` when it
    /// names none. A line inside an HTML-like label (`… in line 1 … in label of node c`) is not a line of the text.
    public var line: Int? { Self.line(in: text) }

    /// `Warning: using box for unknown shape blob`, as Graphviz prints it.
    public var description: String { "\(severity == .error ? "Error" : "Warning"): \(text)" }

    /// The line a Graphviz message names (`in line 14`), unless the line is inside a label.
    ///
    /// - Complexity: O(n) in the length of the text.
    static func line(in text: String) -> Int? {
        guard !text.contains("in label of ") else { return nil }
        var rest = Substring(text)
        while let range = rest.firstRange(of: "in line ") {
            rest = rest[range.upperBound...]
            if let line = Int(rest.prefix { $0.isASCII && $0.isNumber }) { return line }
        }
        return nil
    }

    /// A message's text from the bytes Graphviz wrote: UTF-8 (Latin-1 where the bytes are not UTF-8), its lines
    /// trimmed and joined with single spaces, empty lines dropped.
    static func text(from bytes: [UInt8]) -> String {
        let decoded: String
        if let text = String(validating: bytes, as: UTF8.self) {
            decoded = text
        } else {
            var text = ""
            text.unicodeScalars.reserveCapacity(bytes.count)
            for byte in bytes { text.unicodeScalars.append(Unicode.Scalar(byte)) }
            decoded = text
        }
        return decoded.split(whereSeparator: \.isNewline)
            .map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}

extension Substring {
    /// The text without leading and trailing whitespace.
    fileprivate func trimmingWhitespace() -> Substring {
        var text = self
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
