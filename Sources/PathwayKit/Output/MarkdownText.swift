/// Text escaped for a cell of a Markdown table, by the rules of the gap report's Markdown (pipes, HTML, link
/// syntax, line breaks and control characters neutralised), for the other tables pathgap prints: the `projects`
/// table and a regional variant's differences.
public enum MarkdownText {
    /// The text as one safe table cell.
    ///
    /// - Complexity: O(n).
    public static func cell(_ text: String) -> String {
        var buffer = TextBuffer(capacity: text.utf8.count)
        buffer.appendMarkdownCell(text)
        return buffer.text
    }
}
