internal import CGraphviz

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one Graphviz context (`GVC_t`) of the process, owned here and freed on `deinit`.
///
/// Only ever used while holding ``GraphvizLibrary/session``'s lock.
final class GraphvizSession {
    /// The context: plugin tables and the current job.
    private let context: OpaquePointer
    /// Cached plugin lists, by kind.
    private var plugins: [String: [String]] = [:]
    /// The longest message cgraph can hand to the error function safely (see `pathgap_agerr_reserve`).
    private var messageCapacity = 0

    /// The room kept for messages beyond twice the input: Graphviz's lists of formats and layouts, file names.
    static let messageRoom = 65_536

    /// Creates the context, with Graphviz's messages going to ``GraphvizLibrary/messages`` instead of stderr.
    ///
    /// - Throws: ``GraphvizError`` with stage `.context` when Graphviz cannot be initialised.
    init() throws(GraphvizError) {
        // Every message, warnings included, goes to the error function; none is printed on stderr.
        _ = agseterrf(GraphvizLibrary.errorFunction)
        _ = agseterr(AGWARN)
        guard pathgap_agerr_reserve(Self.messageRoom, GraphvizLibrary.errorFunction) == 0 else {
            throw GraphvizError(stage: .context, message: "no memory to receive Graphviz's messages")
        }
        guard let context = gvContext() else {
            throw GraphvizError(stage: .context, message: "Graphviz could not create a context (gvContext failed)")
        }
        self.context = context
        self.messageCapacity = Self.messageRoom
    }

    deinit {
        gvFreeContext(context)
    }

    /// Makes room for every message an operation on a text of `length` bytes can produce: Graphviz's messages
    /// quote at most names and tokens of the text, so twice its length and ``messageRoom`` bound them.
    ///
    /// - Throws: ``GraphvizError`` with stage `.parse` when there is no memory for it.
    private func reserveMessages(forInputOfLength length: Int) throws(GraphvizError) {
        let needed = length < (Int.max - Self.messageRoom) / 2 ? 2 * length + Self.messageRoom : Int.max
        guard needed > messageCapacity else { return }
        // At least doubling, so that a run of ever larger texts grows the buffer a logarithmic number of times.
        let capacity = max(needed, messageCapacity < Int.max / 2 ? 2 * messageCapacity : Int.max)
        guard pathgap_agerr_reserve(capacity, GraphvizLibrary.errorFunction) == 0 else {
            throw GraphvizError(stage: .parse, message: "no memory to receive Graphviz's messages")
        }
        messageCapacity = capacity
    }

    /// Plugin names of one kind, without the `:renderer` suffix, sorted and unique.
    ///
    /// - Parameter kind: `device` for output formats, `layout` for layout engines.
    func pluginNames(kind: String) -> [String] {
        if let cached = plugins[kind] { return cached }
        var count: Int32 = 0
        guard let list = pathgap_gvPluginList(context, kind, &count) else { return [] }
        defer { free(list) }
        var names = Set<String>()
        for index in 0..<Int(max(count, 0)) {
            guard let item = list[index] else { continue }
            let name = String(cString: item)
            free(item)
            if let base = name.split(separator: ":").first, !base.isEmpty { names.insert(String(base)) }
        }
        let sorted = names.sorted()
        plugins[kind] = sorted
        return sorted
    }

    /// Reads DOT text into a graph the caller must close with `pathgap_agclose`.
    ///
    /// - Throws: ``GraphvizError`` with stage `.parse` and Graphviz's message.
    private func read(_ text: UnsafePointer<CChar>) throws(GraphvizError) -> UnsafeMutablePointer<Agraph_t> {
        try reserveMessages(forInputOfLength: strlen(text))
        guard let graph = pathgap_agmemread(text) else {
            throw GraphvizError(stage: .parse, message: "the text holds no DOT graph")
        }
        return graph
    }

    /// Parses, lays out and renders DOT text.
    func render(_ text: UnsafePointer<CChar>, format: String, layout: String) throws(GraphvizError) -> [UInt8] {
        let graph = try read(text)
        defer { pathgap_agclose(graph) }
        guard gvLayout(context, graph, layout) == 0 else {
            let stage: GraphvizError.Stage =
                pluginNames(kind: "layout").contains(layout) ? .layout : .unsupportedLayout
            throw GraphvizError(stage: stage, message: "layout with '\(layout)' failed")
        }
        defer { gvFreeLayout(context, graph) }
        var data: UnsafeMutablePointer<CChar>? = nil
        var length = 0
        let status = pathgap_gvRenderData(context, graph, format, &data, &length)
        defer { gvFreeRenderData(data) }
        guard status == 0, let data else {
            let base = format.split(separator: ":").first.map(String.init) ?? format
            let stage: GraphvizError.Stage = pluginNames(kind: "device").contains(base) ? .render : .unsupportedFormat
            throw GraphvizError(stage: stage, message: "rendering as '\(format)' failed")
        }
        return data.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            Array(UnsafeBufferPointer(start: bytes, count: length))
        }
    }

    /// Parses DOT text into a ``GraphvizDocument``.
    func document(_ text: UnsafePointer<CChar>) throws(GraphvizError) -> GraphvizDocument {
        let graph = try read(text)
        defer { pathgap_agclose(graph) }
        return GraphvizDocumentReader(graph: graph).document()
    }
}
