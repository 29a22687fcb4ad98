import Foundation
import Graphviz
import TestSupport
import Testing

/// Inputs that once corrupted the heap through the way graphs were read and closed.
@Suite struct GraphvizMemoryTests {
    /// `digraph{{{s->b:n:s}}}` made cgraph free, with plain `free`, dictionary holders a bump arena had handed out,
    /// and the process aborted ("free(): invalid pointer"). Each input is read, rendered and closed several times so
    /// that a corrupted heap would show.
    @Test(
        "edges with ports inside nested anonymous subgraphs are read, drawn and closed",
        arguments: [
            "hostile/cluster-port.dot", "digraph{{{s->b:n:s}}}", "digraph{{a:n->b:s}{c:e->d:w}}",
            "digraph G { subgraph cluster_x { subgraph { a:n -> b:s:s } } a -> c [key=k] }",
        ])
    func portsInNestedSubgraphs(input: String) throws {
        let text =
            input.hasSuffix(".dot") ? try String(contentsOfFile: Fixtures.path(input), encoding: .utf8) : input
        for _ in 0..<5 {
            let document = try GraphvizLibrary.parse(text)
            #expect(!document.edges.isEmpty)
            let svg = String(decoding: try GraphvizLibrary.render(dot: text).bytes, as: UTF8.self)
            #expect(svg.contains("<svg"))
        }
    }

    @Test("clusters keep the order of the text in every read, whatever was read before")
    func clusterOrderFollowsText() throws {
        let text = """
            digraph G { x [label=cluster_c]; subgraph cluster_c { c } subgraph cluster_a { a } subgraph cluster_b { b } }
            """
        let first = try GraphvizLibrary.parse(text).subgraphs.map(\.name)
        #expect(first == ["cluster_c", "cluster_a", "cluster_b"])
        _ = try GraphvizLibrary.parse("digraph { subgraph cluster_b { q } subgraph cluster_a { r } }")
        #expect(try GraphvizLibrary.parse(text).subgraphs.map(\.name) == first)
        let svg = try GraphvizLibrary.render(dot: text).bytes
        #expect(try GraphvizLibrary.render(dot: text).bytes == svg)
    }
}
