/// A rendered graph, and what Graphviz reported while reading, laying out and rendering it.
public struct GraphvizRendering: Hashable, Sendable {
    /// The rendered bytes (SVG text, a PNG image, …).
    public var bytes: [UInt8]
    /// Graphviz's warnings, in order (`using box for unknown shape blob`), including errors it carried on from
    /// (severity ``GraphvizMessage/Severity/error``, such as a malformed HTML-like label drawn as plain text).
    public var warnings: [GraphvizMessage]

    /// Creates a rendering.
    ///
    /// - Parameters:
    ///   - bytes: The rendered bytes.
    ///   - warnings: What Graphviz reported.
    public init(bytes: [UInt8], warnings: [GraphvizMessage] = []) {
        self.bytes = bytes
        self.warnings = warnings
    }
}
