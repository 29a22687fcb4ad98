import Foundation
import Graphviz
import PathwayKit
import TestSupport
import Testing

@testable import PathwayGraphviz

/// What importing a corpus DOT file should give.
struct DOTExpectation: Sendable, CustomTestStringConvertible {
    enum Outcome: Sendable {
        case imported(steps: Int, transitions: Int)
        case rejected(line: Int?, message: String)
    }

    var path: String
    var outcome: Outcome

    init(_ path: String, _ outcome: Outcome) {
        self.path = path
        self.outcome = outcome
    }

    var testDescription: String { path }
}

@Suite struct DOTImporterTests {
    static let reader = PathwayReaders.standard.adding([.dot()])

    /// Every DOT file of the shared corpus: one pathway each, with cgraph's node and edge counts.
    static let corpus: [DOTExpectation] = [
        // cgraph itself rejects it (an edge to a body-less subgraph reference): a located parse error.
        .init("dot/boost-graph/graphviz_test.dot", .rejected(line: 14, message: "syntax error in line 14")),
        // Raw ISO-8859-1 bytes with charset=latin1: passed to Graphviz as they are.
        .init("dot/graphviz/Latin1.gv", .imported(steps: 1, transitions: 0)),
        // Undirected (graph, --): not a pathway.
        .init("dot/graphviz/Petersen.gv", .rejected(line: nil, message: "is an undirected graph")),
        .init("dot/graphviz/b100.gv", .imported(steps: 1463, transitions: 5806)),
        .init("dot/graphviz/clust.gv", .imported(steps: 8, transitions: 9)),
        .init("dot/graphviz/crazy.gv", .imported(steps: 41, transitions: 49)),
        .init("dot/graphviz/fsm.gv", .imported(steps: 9, transitions: 14)),
        .init("dot/graphviz/html.gv", .imported(steps: 3, transitions: 2)),
        .init("dot/graphviz/japanese.gv", .imported(steps: 7, transitions: 8)),
        // The edge to the undeclared node 'd' creates it, as in Graphviz.
        .init("dot/graphviz/records.gv", .imported(steps: 7, transitions: 7)),
        .init("dot/graphviz/states.gv", .imported(steps: 4, transitions: 5)),
        .init("dot/graphviz/switch.gv", .imported(steps: 64, transitions: 80)),
        .init("dot/graphviz/unix.gv", .imported(steps: 41, transitions: 49)),
        .init("dot/graphviz/world.gv", .imported(steps: 48, transitions: 69)),
        .init("dot/ts-graphviz/bazel.dot", .imported(steps: 8, transitions: 15)),
        .init("dot/ts-graphviz/data-flow.dot", .imported(steps: 11, transitions: 12)),
        .init("dot/ts-graphviz/ninja.dot", .imported(steps: 125, transitions: 131)),
    ]

    @Test(
        "every corpus DOT file is imported or refused as the table says", .needsCorpus,
        arguments: corpus)
    func corpusFile(_ expectation: DOTExpectation) throws {
        let path = Fixtures.corpusPath(expectation.path)
        switch expectation.outcome {
        case .imported(let steps, let transitions):
            let imported = try Self.reader.read(path)
            #expect(imported.pathways.count == 1)
            #expect(imported.pathways.first?.steps.count == steps)
            #expect(imported.pathways.first?.transitions.count == transitions)
        case .rejected(let line, let message):
            let error = #expect(throws: InputError.self) { try Self.reader.read(path) }
            #expect(error?.message.contains(message) == true, "\(error?.description ?? "")")
            #expect(error?.location.line == line)
        }
    }

    @Test(
        "the plain-DOT fast path gives the same pathway as cgraph on every corpus file it accepts",
        .needsCorpus, arguments: corpus.map(\.path))
    func fastPathMatchesCgraph(path: String) throws {
        let file = Fixtures.corpusPath(path)
        let data = try SourceFile.data(at: file)
        guard let fast = PlainDOTScanner.document(data) else { return }  // left to cgraph
        let viaCgraph = try DOTImporter.pathways(from: GraphvizLibrary.parse(data), file: file)
        let viaScanner = try DOTImporter.pathways(from: fast, file: file)
        #expect(viaScanner.pathways == viaCgraph.pathways)
        #expect(viaScanner.findings == viaCgraph.findings)
    }

    @Test(
        "the fast path accepts the plain corpus files and leaves the others to cgraph", .needsCorpus
    )
    func fastPathCoverage() throws {
        let accepted = try Self.corpus.map(\.path).filter {
            PlainDOTScanner.document(try SourceFile.data(at: Fixtures.corpusPath($0))) != nil
        }
        // The others have subgraphs or groups, ports, HTML labels, Latin-1 bytes, or are undirected or malformed.
        #expect(
            accepted == [
                "dot/graphviz/b100.gv", "dot/graphviz/crazy.gv", "dot/graphviz/fsm.gv", "dot/graphviz/states.gv",
                "dot/graphviz/unix.gv", "dot/ts-graphviz/bazel.dot", "dot/ts-graphviz/ninja.dot",
            ])
    }

    /// Behaviour only; how fast a 100,000-edge file reads is measured by `Benchmarks/cli-bench.sh` (`validate-dot`).
    @Test("a generated chain of plain statements reads through the fast path, every step and edge kept")
    func largePlainFile() throws {
        var dot = "digraph big {\n  node [shape=box];\n"
        for index in 0..<1_000 { dot += "  \"n\(index)\" -> \"n\(index + 1)\" [label=\"e\(index)\"];\n" }
        dot += "}\n"
        let data = Data(dot.utf8)
        #expect(PlainDOTScanner.document(data) != nil, "plain statements take the fast path")
        let pathway = try #require(try DOTImporter.pathways(from: data, file: "big.dot").pathways.first)
        #expect(pathway.steps.count == 1_001)
        #expect(pathway.transitions.count == 1_000)
        #expect(pathway.steps.first?.kind == .activity)  // box: an activity by shape
        #expect(pathway.transitions.last?.condition == "e999")
    }

    @Test("labels lose their escapes; record and HTML labels are reduced to text", .needsCorpus)
    func labels() throws {
        let html = try #require(try Self.reader.read(Fixtures.corpusPath("dot/graphviz/html.gv")).pathways.first)
        #expect(html.steps.allSatisfy { !$0.label.contains("<") })
        let ninja = try #require(try Self.reader.read(Fixtures.corpusPath("dot/ts-graphviz/ninja.dot")).pathways.first)
        #expect(ninja.steps.first?.id.rawValue.hasPrefix("0x") == true)
        #expect(ninja.steps.first?.label.hasPrefix("0x") == false)
    }

    @Test("the attribute convention fills every field; shapes give kinds")
    func convention() throws {
        let imported = try Self.reader.read(Fixtures.path("import/dot/pathway.dot"))
        let pathway = try #require(imported.pathways.first)
        #expect(pathway.id == "dpyd")
        #expect(pathway.title == "DPYD from DOT")
        #expect(pathway.steps.map(\.kind) == [.start, .activity, .decision, .activity, .end])
        #expect(pathway.steps[0].label == "Patient referred")
        let request = try #require(pathway.step("request"))
        #expect(request.staffGroups == ["oncologist", "pharmacist"])
        #expect(request.competencies.map(\.written) == ["dpyd-genotype@B", "consent"])
        #expect(request.stage == "requesting testing")
        #expect(request.setting == "secondary care")
        #expect(pathway.transitions.first { $0.to == "reduce" }?.condition == "variant")
        #expect(pathway.transitions.first { $0.to == "reduce" }?.share == 0.07)
        #expect(imported.findings.map(\.rule) == ["dot-clusters"])
    }

    @Test("clusters read as lanes or stages on request; a node's own attribute wins")
    func clusters() throws {
        let path = Fixtures.path("import/dot/pathway.dot")
        let lanes = try #require(
            try PathwayReaders.standard.adding([.dot(clusters: .lanes)]).read(path).pathways.first)
        #expect(lanes.step("request")?.staffGroups == ["oncologist", "pharmacist"])
        #expect(lanes.step("result")?.staffGroups == ["oncology-clinic"])
        #expect(lanes.step("reduce")?.staffGroups == ["pharmacy"])
        let stages = try #require(
            try PathwayReaders.standard.adding([.dot(clusters: .stages)]).read(path).pathways.first)
        #expect(stages.step("request")?.stage == "requesting testing")
        #expect(stages.step("result")?.stage == "Oncology clinic")
    }

    @Test("an unknown kind is refused naming the node")
    func badKind() {
        let error = #expect(throws: InputError.self) {
            try Self.reader.read(Fixtures.path("import/dot/bad-kind.dot"))
        }
        #expect(error?.location.element == "a")
    }

    @Test("native → DOT → native keeps steps, kinds, labels, transitions, conditions and every step field")
    func roundTrip() throws {
        let path = Fixtures.path("import/native/roundtrip.yaml")
        let original = try NativeFormat.pathway(from: SourceFile.text(at: path), file: path)
        let dot = PathwayDOTWriter.text(for: original)
        let back = try #require(try DOTImporter.pathways(from: Data(dot.utf8), file: "roundtrip.dot").pathways.first)
        #expect(back.withoutLocations == original.withoutLocations)
        // The same through cgraph, not the fast path.
        let viaCgraph = try #require(
            try DOTImporter.pathways(from: GraphvizLibrary.parse(Data(dot.utf8)), file: "roundtrip.dot").pathways.first)
        #expect(viaCgraph.withoutLocations == original.withoutLocations)
    }

    @Test(
        "a pilot exported to DOT reads back with its readings, test directories and share sources",
        arguments: ProjectFolders.bundled)
    func pilotRoundTrip(name: String) throws {
        let project = try ProjectLoader().loadProject(at: Fixtures.path("projects/\(name)")).project
        for pathway in project.pathways {
            let dot = PathwayDOTWriter.text(for: pathway)
            let read = try DOTImporter.pathways(from: Data(dot.utf8), file: "\(pathway.id).dot")
            #expect(!read.findings.contains { $0.rule == "dot-unread-attribute" })
            let back = try #require(read.pathways.first).withoutLocations
            let original = pathway.withoutLocations
            #expect(back.steps == original.steps)
            // Graphviz keeps a node's out-edges in its own order, so the transitions are compared as a set.
            #expect(Set(back.transitions) == Set(original.transitions))
            #expect(back.transitions.count == original.transitions.count)
        }
    }
}
