internal import CGraphviz

/// Copies a cgraph graph into a ``GraphvizDocument``. Used only under the Graphviz lock, while the graph is open.
struct GraphvizDocumentReader {
    /// The root graph.
    let graph: UnsafeMutablePointer<Agraph_t>
    /// Whether strings are Latin-1 (`charset=latin1`) rather than UTF-8.
    let isLatin1: Bool

    init(graph: UnsafeMutablePointer<Agraph_t>) {
        self.graph = graph
        var latin1 = false
        var symbol = agnxtattr(graph, AGRAPH, nil)
        while let current = symbol {
            if let name = current.pointee.name, String(cString: name) == "charset",
                let value = agxget(UnsafeMutableRawPointer(graph), current)
            {
                latin1 = ["latin1", "latin-1", "l1", "iso-8859-1", "iso_8859-1", "iso8859-1", "iso-ir-100"]
                    .contains(String(cString: value).lowercased())
            }
            symbol = agnxtattr(graph, AGRAPH, current)
        }
        self.isLatin1 = latin1
    }

    /// The whole document.
    ///
    /// - Complexity: O(n + e + a), plus O(s log s) to order s subgraphs.
    func document() -> GraphvizDocument {
        let graphSymbols = symbols(kind: AGRAPH)
        let nodeSymbols = symbols(kind: AGNODE)
        let edgeSymbols = symbols(kind: AGEDGE)
        var document = GraphvizDocument(
            name: graphName(of: UnsafeMutableRawPointer(graph)), isDirected: agisdirected(graph) != 0,
            isStrict: agisstrict(graph) != 0,
            attributes: attributes(of: UnsafeMutableRawPointer(graph), symbols: graphSymbols))
        var node = agfstnode(graph)
        while let current = node {
            document.nodes.append(
                GraphvizDocument.Node(
                    name: name(of: UnsafeMutableRawPointer(current)),
                    attributes: attributes(of: UnsafeMutableRawPointer(current), symbols: nodeSymbols)))
            var edge = agfstout(graph, current)
            while let out = edge {
                document.edges.append(
                    GraphvizDocument.Edge(
                        tail: name(of: UnsafeMutableRawPointer(pathgap_agtail(out))),
                        head: name(of: UnsafeMutableRawPointer(pathgap_aghead(out))),
                        attributes: attributes(of: UnsafeMutableRawPointer(out), symbols: edgeSymbols)))
                edge = agnxtout(graph, out)
            }
            node = agnxtnode(graph, current)
        }
        document.subgraphs = subgraphs(of: graph, symbols: graphSymbols)
        return document
    }

    /// The subgraphs of a graph, in creation order, each with its own subgraphs.
    private func subgraphs(
        of parent: UnsafeMutablePointer<Agraph_t>,
        symbols graphSymbols: [(name: String, symbol: UnsafeMutablePointer<Agsym_t>)]
    ) -> [GraphvizDocument.Subgraph] {
        var children: [(sequence: UInt64, graph: UnsafeMutablePointer<Agraph_t>)] = []
        var child = agfstsubg(parent)
        while let current = child {
            children.append((UInt64(pathgap_agseq(UnsafeMutableRawPointer(current))), current))
            child = agnxtsubg(current)
        }
        children.sort { $0.sequence < $1.sequence }
        return children.map { entry in
            var nodeNames: [String] = []
            var node = agfstnode(entry.graph)
            while let current = node {
                nodeNames.append(name(of: UnsafeMutableRawPointer(current)))
                node = agnxtnode(entry.graph, current)
            }
            return GraphvizDocument.Subgraph(
                name: graphName(of: UnsafeMutableRawPointer(entry.graph)),
                attributes: attributes(of: UnsafeMutableRawPointer(entry.graph), symbols: graphSymbols),
                nodeNames: nodeNames, subgraphs: subgraphs(of: entry.graph, symbols: graphSymbols))
        }
    }

    /// The attributes declared for one kind of object in the root graph, with their names.
    private func symbols(kind: Int32) -> [(name: String, symbol: UnsafeMutablePointer<Agsym_t>)] {
        var result: [(name: String, symbol: UnsafeMutablePointer<Agsym_t>)] = []
        var symbol = agnxtattr(graph, kind, nil)
        while let current = symbol {
            if let name = current.pointee.name { result.append((string(name), current)) }
            symbol = agnxtattr(graph, kind, current)
        }
        return result
    }

    /// An object's non-empty attribute values.
    private func attributes(
        of object: UnsafeMutableRawPointer, symbols: [(name: String, symbol: UnsafeMutablePointer<Agsym_t>)]
    ) -> [String: String] {
        var result: [String: String] = [:]
        for (name, symbol) in symbols {
            guard let value = agxget(object, symbol), value.pointee != 0 else { continue }
            result[name] = string(value)
        }
        return result
    }

    /// A graph's or subgraph's name, or `""` for an anonymous one (cgraph names those `%<n>` from a process-wide
    /// counter, which would make two parses of the same text differ).
    private func graphName(of object: UnsafeMutableRawPointer) -> String {
        let written = name(of: object)
        guard written.hasPrefix("%"), written.count > 1, written.dropFirst().allSatisfy(\.isASCIIDigit) else {
            return written
        }
        return ""
    }

    /// An object's name.
    private func name(of object: UnsafeMutableRawPointer) -> String {
        guard let name = agnameof(object) else { return "" }
        return string(name)
    }

    /// A C string from the graph, decoded as UTF-8, or as Latin-1 when the graph says so or the bytes are not
    /// UTF-8.
    private func string(_ pointer: UnsafePointer<CChar>) -> String {
        let length = strlen(pointer)
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) { start in
            let bytes = UnsafeBufferPointer(start: start, count: length)
            if !isLatin1, let text = String(validating: bytes, as: UTF8.self) { return text }
            var text = ""
            text.unicodeScalars.reserveCapacity(length)
            for byte in bytes { text.unicodeScalars.append(Unicode.Scalar(byte)) }
            return text
        }
    }

    private func string(_ pointer: UnsafeMutablePointer<CChar>) -> String { string(UnsafePointer(pointer)) }
}

extension Character {
    /// Whether the character is one of the ASCII digits 0-9.
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
