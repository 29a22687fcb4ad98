/// A failure reported by Graphviz: the stage that failed and Graphviz's own message.
public struct GraphvizError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The stage of the work that failed.
    public struct Stage: Hashable, Sendable, CustomStringConvertible {
        /// The stage's name (`parse`, `layout`, …).
        public let rawValue: String

        /// Creates a stage from its name.
        public init(_ rawValue: String) { self.rawValue = rawValue }

        /// Reading the DOT text (`agmemread`): usually a syntax error naming the line.
        public static let parse = Stage("parse")
        /// Laying the graph out (`gvLayout`), including an unknown layout engine.
        public static let layout = Stage("layout")
        /// Writing the laid-out graph (`gvRenderData`).
        public static let render = Stage("render")
        /// An output format that no installed plugin provides.
        public static let unsupportedFormat = Stage("unsupported-format")
        /// A layout engine that no installed plugin provides.
        public static let unsupportedLayout = Stage("unsupported-layout")
        /// Creating the Graphviz context (`gvContext`).
        public static let context = Stage("context")

        public var description: String { rawValue }
    }

    /// The stage that failed.
    public var stage: Stage
    /// Graphviz's message, as Graphviz wrote it (on one line), or a description of the failure where Graphviz gave
    /// none.
    public var message: String
    /// What else Graphviz reported during the operation, in order: warnings, and errors before the last.
    public var warnings: [GraphvizMessage]

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - stage: The stage that failed.
    ///   - message: What went wrong.
    ///   - warnings: What else Graphviz reported.
    public init(stage: Stage, message: String, warnings: [GraphvizMessage] = []) {
        self.stage = stage
        self.message = message
        self.warnings = warnings
    }

    /// The line of the DOT text the message names (`syntax error in line 14 near 'subgraph'`), or `nil`.
    public var line: Int? { GraphvizMessage.line(in: message) }

    /// `graphviz parse error: syntax error in line 14 near 'subgraph'`.
    public var description: String { "graphviz \(stage.rawValue) error: \(message)" }

    /// The error with what Graphviz reported during the operation: its last error becomes the message (the
    /// description of the failure stays where it logged none), everything else the warnings.
    func reporting(_ messages: [GraphvizMessage]) -> GraphvizError {
        var error = self
        var messages = messages
        if let last = messages.lastIndex(where: { $0.severity == .error }) {
            error.message = messages.remove(at: last).text
        }
        error.warnings = messages
        return error
    }
}
