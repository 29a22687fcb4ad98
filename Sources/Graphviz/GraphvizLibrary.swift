internal import CGraphviz
import Synchronization

/// Graphviz, in process: render DOT text to SVG, PNG, PDF… and read DOT into a neutral value.
///
/// Graphviz keeps global state (its error log, the DOT lexer, plugin tables) and is not thread-safe, so every
/// call into libgvc/libcgraph made by this module goes through one lock; one Graphviz context is created on first
/// use and reused for every chart. Graphviz never writes to stderr on behalf of this module: every message it
/// reports during an operation is collected (through an error function, `agseterrf`) and comes back with the
/// result (``GraphvizRendering/warnings``, ``GraphvizDocument/warnings``) or inside ``GraphvizError``.
public enum GraphvizLibrary {
    /// The one lock around Graphviz, holding the shared context once it has been created.
    static let session = Mutex<GraphvizSession?>(nil)

    /// Runs `body` holding the Graphviz lock, with the shared session (created on first use), and collects what
    /// Graphviz reports meanwhile.
    ///
    /// - Returns: What `body` returned, and Graphviz's messages in order.
    /// - Throws: ``GraphvizError`` with stage `.context` when Graphviz cannot be initialised, or what `body`
    ///   throws, carrying Graphviz's messages (its last error as the message).
    static func withSession<Result: Sendable>(_ body: (GraphvizSession) throws(GraphvizError) -> Result)
        throws(GraphvizError)
        -> (value: Result, messages: [GraphvizMessage])
    {
        try session.withLock {
            (stored: inout GraphvizSession?) throws(GraphvizError) -> sending (Result, [GraphvizMessage]) in
            messages.withLock { $0 = GraphvizMessageLog() }
            do throws(GraphvizError) {
                let current: GraphvizSession
                if let stored {
                    current = stored
                } else {
                    current = try GraphvizSession()
                    stored = current
                    // What creating the context reported (plugins it skipped) is not about this operation's graph.
                    messages.withLock { $0 = GraphvizMessageLog() }
                }
                let value = try body(current)
                return (value, messages.withLock { $0.collected() })
            } catch {
                throw error.reporting(messages.withLock { $0.collected() })
            }
        }
    }

    /// Lays out DOT text and renders it.
    ///
    /// - Parameters:
    ///   - dot: The graph, in the DOT language.
    ///   - format: An output format an installed plugin provides (`svg`, `png`, `pdf`, `dot`, … see
    ///     ``availableFormats()``); a renderer may be named after a colon (`png:cairo`).
    ///   - layout: The layout engine (`dot`, `neato`, `fdp`, …).
    /// - Returns: The rendered bytes, and Graphviz's warnings (`using box for unknown shape blob`).
    /// - Throws: ``GraphvizError`` with stage `.parse` (with Graphviz's message, which names the line),
    ///   `.layout`, `.unsupportedLayout`, `.unsupportedFormat` or `.render`.
    /// - Complexity: That of the layout engine; `dot` is super-linear in the number of nodes and edges.
    public static func render(dot: String, format: String = "svg", layout: String = "dot") throws(GraphvizError)
        -> GraphvizRendering
    {
        try render(dot: dot.utf8, format: format, layout: layout)
    }

    /// Lays out DOT given as bytes (in the graph's `charset`, UTF-8 unless it says otherwise) and renders it.
    ///
    /// - Parameters:
    ///   - bytes: The graph, in the DOT language.
    ///   - format: An output format an installed plugin provides.
    ///   - layout: The layout engine.
    /// - Returns: The rendered bytes, and Graphviz's warnings.
    /// - Throws: ``GraphvizError``, as for DOT given as a `String`.
    public static func render<Bytes: Collection<UInt8>>(
        dot bytes: Bytes, format: String = "svg", layout: String = "dot"
    ) throws(GraphvizError) -> GraphvizRendering {
        let (rendered, warnings) = try withSession { session throws(GraphvizError) in
            try withNulTerminated(bytes) { text throws(GraphvizError) in
                try session.render(text, format: format, layout: layout)
            }
        }
        return GraphvizRendering(bytes: rendered, warnings: warnings)
    }

    /// The output formats the installed Graphviz plugins provide (`svg`, `png`, `pdf`, `dot`, …), sorted, without
    /// duplicates.
    ///
    /// - Returns: The format names, or an empty list when Graphviz cannot be initialised.
    public static func availableFormats() -> [String] {
        (try? withSession { session in session.pluginNames(kind: "device") })?.value ?? []
    }

    /// The layout engines the installed Graphviz plugins provide (`dot`, `neato`, …), sorted, without duplicates.
    ///
    /// - Returns: The engine names, or an empty list when Graphviz cannot be initialised.
    public static func availableLayouts() -> [String] {
        (try? withSession { session in session.pluginNames(kind: "layout") })?.value ?? []
    }

    /// Reads DOT text into a neutral value, without laying it out.
    ///
    /// - Parameter dot: The graph, in the DOT language (only the first graph of the text is read).
    /// - Returns: The graph's nodes, edges, subgraphs and attributes, and Graphviz's warnings (`syntax ambiguity -
    ///   badly delimited number '2n' in line 3 of input splits into two tokens`).
    /// - Throws: ``GraphvizError`` with stage `.parse`, carrying Graphviz's message (`syntax error in line 14 near
    ///   '}'`).
    /// - Complexity: O(n + e + a), for n nodes, e edges and a attribute values.
    public static func parse(_ dot: String) throws(GraphvizError) -> GraphvizDocument {
        try parse(dot.utf8)
    }

    /// Reads DOT bytes into a neutral value, without laying it out. Bytes are passed to Graphviz as they are, so a
    /// Latin-1 file (`charset=latin1`) parses; its strings are decoded as Latin-1.
    ///
    /// - Parameter bytes: The graph, in the DOT language.
    /// - Returns: The graph's nodes, edges, subgraphs and attributes, and Graphviz's warnings.
    /// - Throws: ``GraphvizError`` with stage `.parse`, carrying Graphviz's message.
    /// - Complexity: O(n + e + a), for n nodes, e edges and a attribute values.
    public static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws(GraphvizError) -> GraphvizDocument {
        var (document, warnings) = try withSession { session throws(GraphvizError) in
            try withNulTerminated(bytes) { text throws(GraphvizError) in try session.document(text) }
        }
        document.warnings = warnings
        return document
    }

    /// Calls `body` with a NUL-terminated copy of some bytes that lives for the whole call.
    static func withNulTerminated<Bytes: Collection<UInt8>, Result>(
        _ bytes: Bytes, _ body: (UnsafePointer<CChar>) throws(GraphvizError) -> Result
    ) throws(GraphvizError) -> Result {
        var buffer = [CChar]()
        buffer.reserveCapacity(bytes.count + 1)
        for byte in bytes { buffer.append(CChar(bitPattern: byte)) }
        buffer.append(0)
        let result: Swift.Result<Result, GraphvizError> = buffer.withUnsafeBufferPointer { pointer in
            guard let base = pointer.baseAddress else {
                return .failure(GraphvizError(stage: .parse, message: "no memory for the DOT text"))
            }
            do throws(GraphvizError) { return .success(try body(base)) } catch { return .failure(error) }
        }
        return try result.get()
    }
}
