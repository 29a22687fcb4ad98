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
/// Only ever used while holding ``Graphviz/session``'s lock.
final class GraphvizSession {
    /// The context: plugin tables and the current job.
    private let context: OpaquePointer
    /// Cached plugin lists, by kind.
    private var plugins: [String: [String]] = [:]

    /// Creates the context and keeps Graphviz's messages instead of printing them.
    ///
    /// - Throws: ``GraphvizError`` with stage `.context` when Graphviz cannot be initialised.
    init() throws(GraphvizError) {
        // Keep every message in cgraph's log (read back with aglasterr) instead of printing it on stderr.
        _ = agseterr(AGMAX)
        guard let context = gvContext() else {
            throw GraphvizError(stage: .context, message: "Graphviz could not create a context (gvContext failed)")
        }
        self.context = context
    }

    deinit {
        gvFreeContext(context)
    }

    /// Marks the start of an operation, so that a later ``lastMessage(or:)`` returns only what this operation logged.
    func beginOperation() {
        pathgap_agerr_mark()
    }

    /// The last message Graphviz logged in this operation, trimmed, or `fallback` when it logged none.
    func lastMessage(or fallback: String) -> String {
        guard let raw = aglasterr() else { return fallback }
        defer { free(raw) }
        let text = String(cString: raw).trimmingTrailingWhitespace()
        return text.isEmpty ? fallback : text
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
        guard let graph = pathgap_agmemread(text) else {
            throw GraphvizError(stage: .parse, message: lastMessage(or: "the text holds no DOT graph"))
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
            throw GraphvizError(stage: stage, message: lastMessage(or: "layout with '\(layout)' failed"))
        }
        defer { gvFreeLayout(context, graph) }
        var data: UnsafeMutablePointer<CChar>? = nil
        var length = 0
        let status = pathgap_gvRenderData(context, graph, format, &data, &length)
        defer { gvFreeRenderData(data) }
        guard status == 0, let data else {
            let base = format.split(separator: ":").first.map(String.init) ?? format
            let stage: GraphvizError.Stage = pluginNames(kind: "device").contains(base) ? .render : .unsupportedFormat
            throw GraphvizError(stage: stage, message: lastMessage(or: "rendering as '\(format)' failed"))
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

extension String {
    /// The string without trailing spaces and newlines.
    func trimmingTrailingWhitespace() -> String {
        var scalars = Substring(self)
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
