import Graphviz
import PathwayKit

extension Finding {
    /// A warning (rule `graphviz`) for something Graphviz reported about a file it read or a chart it drew.
    ///
    /// An error Graphviz carried on from (a malformed HTML-like label drawn as plain text) is a warning too: the
    /// file was read, the chart drawn, perhaps not as meant.
    ///
    /// - Parameters:
    ///   - message: Graphviz's message.
    ///   - location: Where: the file Graphviz read, at the line the message names (``GraphvizMessage/line``), or
    ///     the chart it drew.
    public init(graphviz message: GraphvizMessage, at location: SourceLocation) {
        let text =
            message.severity == .error ? "\(message.text) (Graphviz reported an error and carried on)" : message.text
        self.init(.warning, rule: "graphviz", text, at: location)
    }
}
