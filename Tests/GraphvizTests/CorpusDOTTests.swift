import Foundation
import Graphviz
import TestSupport
import Testing

/// A corpus DOT file and the counts listed for it in `corpus/MANIFEST.md`.
struct CorpusGraph: Sendable, CustomTestStringConvertible {
    var path: String
    var nodes: Int
    var edges: Int
    var isDirected = true
    var testDescription: String { path }
}

/// The counts of every subgraph at every depth.
func allSubgraphs(_ subgraphs: [GraphvizDocument.Subgraph]) -> [GraphvizDocument.Subgraph] {
    var result: [GraphvizDocument.Subgraph] = []
    var stack = Array(subgraphs.reversed())
    while let next = stack.popLast() {
        result.append(next)
        stack += next.subgraphs.reversed()
    }
    return result
}

@Suite(.needsCorpus)
struct CorpusDOTTests {
    static let graphs: [CorpusGraph] = [
        CorpusGraph(path: "dot/graphviz/Latin1.gv", nodes: 1, edges: 0),
        CorpusGraph(path: "dot/graphviz/Petersen.gv", nodes: 10, edges: 15, isDirected: false),
        CorpusGraph(path: "dot/graphviz/b100.gv", nodes: 1463, edges: 5806),
        CorpusGraph(path: "dot/graphviz/clust.gv", nodes: 8, edges: 9),
        CorpusGraph(path: "dot/graphviz/crazy.gv", nodes: 41, edges: 49),
        CorpusGraph(path: "dot/graphviz/fsm.gv", nodes: 9, edges: 14),
        CorpusGraph(path: "dot/graphviz/html.gv", nodes: 3, edges: 2),
        CorpusGraph(path: "dot/graphviz/japanese.gv", nodes: 7, edges: 8),
        CorpusGraph(path: "dot/graphviz/records.gv", nodes: 7, edges: 7),
        CorpusGraph(path: "dot/graphviz/states.gv", nodes: 4, edges: 5),
        CorpusGraph(path: "dot/graphviz/switch.gv", nodes: 64, edges: 80),
        CorpusGraph(path: "dot/graphviz/unix.gv", nodes: 41, edges: 49),
        CorpusGraph(path: "dot/graphviz/world.gv", nodes: 48, edges: 69),
        CorpusGraph(path: "dot/ts-graphviz/bazel.dot", nodes: 8, edges: 15),
        CorpusGraph(path: "dot/ts-graphviz/data-flow.dot", nodes: 11, edges: 12),
        CorpusGraph(path: "dot/ts-graphviz/ninja.dot", nodes: 125, edges: 131),
    ]

    func document(_ path: String) throws -> GraphvizDocument {
        try GraphvizLibrary.parse(try Data(contentsOf: URL(fileURLWithPath: Fixtures.corpusPath(path))))
    }

    @Test("corpus DOT files parse with the node and edge counts of the manifest", arguments: graphs)
    func counts(graph: CorpusGraph) throws {
        let document = try document(graph.path)
        #expect(document.nodes.count == graph.nodes)
        #expect(document.edges.count == graph.edges)
        #expect(document.isDirected == graph.isDirected)
        let names = Set(document.nodes.map(\.name))
        #expect(document.edges.allSatisfy { names.contains($0.tail) && names.contains($0.head) })
    }

    @Test("clust.gv has its two clusters with their labels")
    func clusters() throws {
        let document = try document("dot/graphviz/clust.gv")
        #expect(document.subgraphs.map(\.name) == ["cluster_0", "cluster_1"])
        #expect(document.subgraphs.map { $0.attributes["label"] } == ["hello world", "MSDOT"])
        #expect(document.subgraphs[1].attributes["style"] == "dashed")
    }

    @Test("world.gv has 14 subgraphs as cgraph counts them")
    func worldSubgraphs() throws {
        #expect(allSubgraphs(try document("dot/graphviz/world.gv").subgraphs).count == 14)
    }

    @Test("data-flow.dot has 7 subgraphs, 4 of them clusters, one nested in another")
    func nestedClusters() throws {
        let all = allSubgraphs(try document("dot/ts-graphviz/data-flow.dot").subgraphs)
        #expect(all.count == 7)
        #expect(all.filter { $0.name.hasPrefix("cluster") }.count == 4)
    }

    @Test("records.gv keeps edge ports; html.gv keeps HTML-like labels")
    func portsAndLabels() throws {
        let records = try document("dot/graphviz/records.gv")
        #expect(records.edges.contains { $0.attributes["tailport"] != nil || $0.attributes["headport"] != nil })
        let html = try document("dot/graphviz/html.gv")
        #expect(html.edges.contains { $0.attributes["tailport"] == "f1" })
        #expect(html.nodes.contains { $0.attributes["label"]?.contains("TABLE") == true })
    }

    @Test("Latin1.gv's label is decoded as Latin-1")
    func latin1() throws {
        let document = try document("dot/graphviz/Latin1.gv")
        let label = try #require(document.nodes.first?.attributes["label"])
        #expect(label.unicodeScalars.contains { $0.value >= 0xA0 && $0.value <= 0xFF })
    }

    @Test("fsm.gv: rankdir and edge labels")
    func fsm() throws {
        let document = try document("dot/graphviz/fsm.gv")
        #expect(document.attributes["rankdir"] == "LR")
        #expect(document.edges.allSatisfy { $0.attributes["label"] != nil })
    }

    @Test("graphviz_test.dot is rejected with Graphviz's syntax error naming line 14")
    func boostRejected() throws {
        let error = try #require(throws: GraphvizError.self) { try document("dot/boost-graph/graphviz_test.dot") }
        #expect(error.stage == .parse)
        #expect(error.message.contains("line 14"))
        #expect(error.message.contains("syntax error"))
    }

    @Test("parsing the same file twice gives equal documents")
    func parseDeterministic() throws {
        #expect(try document("dot/graphviz/switch.gv") == document("dot/graphviz/switch.gv"))
    }
}
