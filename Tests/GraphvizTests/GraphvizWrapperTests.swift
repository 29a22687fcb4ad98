import Foundation
import Graphviz
import Testing

@Suite struct GraphvizWrapperTests {
    @Test("renders DOT to SVG in process")
    func rendersSVG() throws {
        let svg = try GraphvizLibrary.render(dot: "digraph G { a -> b }").bytes
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("<svg"))
        #expect(text.contains("<title>a&#45;&gt;b</title>"))
    }

    @Test("renders PNG starting with the PNG signature")
    func rendersPNG() throws {
        try #require(GraphvizLibrary.availableFormats().contains("png"))
        let png = try GraphvizLibrary.render(dot: "digraph G { a -> b }", format: "png").bytes
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    @Test("lists the installed output formats")
    func listsFormats() {
        let formats = GraphvizLibrary.availableFormats()
        #expect(formats.contains("svg"))
        #expect(formats.contains("dot"))
        #expect(formats == formats.sorted())
    }

    @Test("bad DOT throws a parse error carrying Graphviz's message")
    func badDOT() throws {
        let error = try #require(throws: GraphvizError.self) { try GraphvizLibrary.render(dot: "digraph G { a -> }") }
        #expect(error.stage == .parse)
        #expect(error.message.contains("syntax error in line 1"))
        // The next parse still works (the lexer is not left in a bad state).
        #expect(try GraphvizLibrary.parse("digraph { x -> y }").edges.count == 1)
    }

    @Test("an unknown format is reported as unsupported, with Graphviz's message")
    func unknownFormat() throws {
        let error = try #require(throws: GraphvizError.self) {
            try GraphvizLibrary.render(dot: "digraph { a }", format: "no-such-format")
        }
        #expect(error.stage == .unsupportedFormat)
        #expect(error.message.contains("no-such-format"))
    }

    @Test("an unknown layout engine is reported as unsupported")
    func unknownLayout() throws {
        let error = try #require(throws: GraphvizError.self) {
            try GraphvizLibrary.render(dot: "digraph { a }", layout: "no-such-layout")
        }
        #expect(error.stage == .unsupportedLayout)
        #expect(error.message.contains("no-such-layout"))
    }

    @Test("an empty text is a parse error")
    func emptyText() throws {
        let error = try #require(throws: GraphvizError.self) { try GraphvizLibrary.parse("") }
        #expect(error.stage == .parse)
    }

    @Test("parses nodes, edges, ports, attributes and nested subgraphs")
    func parsesDocument() throws {
        let document = try GraphvizLibrary.parse(
            """
            strict digraph "Flow" { rankdir=LR; node [shape=box]
              subgraph cluster_a { label="A"; a; subgraph inner { b } }
              a:e -> b:w [label="yes"]; c -> a
            }
            """)
        #expect(document.name == "Flow")
        #expect(document.isDirected && document.isStrict)
        #expect(document.attributes["rankdir"] == "LR")
        #expect(document.nodes.map(\.name) == ["a", "b", "c"])
        #expect(document.nodes[0].attributes["shape"] == "box")
        #expect(document.edges.map { "\($0.tail)->\($0.head)" } == ["a->b", "c->a"])
        #expect(document.edges[0].attributes["label"] == "yes")
        #expect(document.edges[0].attributes["tailport"] == "e")
        #expect(document.edges[0].attributes["headport"] == "w")
        #expect(document.subgraphs.map(\.name) == ["cluster_a"])
        #expect(document.subgraphs[0].attributes["label"] == "A")
        #expect(document.subgraphs[0].nodeNames == ["a", "b"])
        #expect(document.subgraphs[0].subgraphs.map(\.name) == ["inner"])
    }

    @Test("accepts bytes that are not UTF-8 (Latin-1 with charset=latin1)")
    func parsesLatin1Bytes() throws {
        var bytes = Array("digraph { charset=latin1; a [label=\"caf".utf8)
        bytes.append(0xE9)
        bytes += Array("\"] }".utf8)
        let document = try GraphvizLibrary.parse(bytes)
        #expect(document.nodes.first?.attributes["label"] == "café")
        let svg = String(decoding: try GraphvizLibrary.render(dot: bytes).bytes, as: UTF8.self)
        #expect(svg.contains("café"))
    }

    @Test("concurrent renders from several tasks do not crash")
    func concurrentRenders() async throws {
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<8 {
                group.addTask {
                    var total = 0
                    for round in 0..<10 {
                        let dot = "digraph { n\(index) -> m\(round) -> k; k -> n\(index) }"
                        total += try GraphvizLibrary.render(dot: dot).bytes.count
                        total += try GraphvizLibrary.parse(dot).nodes.count
                    }
                    return total
                }
            }
            var all: [Int] = []
            for try await value in group { all.append(value) }
            return all
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 > 0 })
    }
}

@Suite struct GraphvizAnonymousNameTests {
    @Test("anonymous graphs and subgraphs have empty names, the same on every parse")
    func anonymousNames() throws {
        let text = "digraph { { rank=same; a b } subgraph s { c } }"
        let first = try GraphvizLibrary.parse(text)
        #expect(first.name == "")
        #expect(first.subgraphs.map(\.name) == ["", "s"])
        #expect(first.subgraphs[0].attributes["rank"] == "same")
        #expect(try GraphvizLibrary.parse(text) == first)
    }
}
