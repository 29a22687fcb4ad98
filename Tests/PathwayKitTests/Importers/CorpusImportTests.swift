import Foundation
import PathwayKit
import TestSupport
import Testing

/// What importing a corpus file should give.
struct CorpusExpectation: Sendable, CustomTestStringConvertible {
    enum Outcome: Sendable {
        /// Read, with this many pathways, steps and transitions in all.
        case imported(pathways: Int, steps: Int, transitions: Int)
        /// Refused, with a message containing this text.
        case rejected(String)
    }

    var path: String
    var outcome: Outcome

    init(_ path: String, _ outcome: Outcome) {
        self.path = path
        self.outcome = outcome
    }

    var testDescription: String { path }

    /// Checks a file against the expectation with a set of readers.
    func check(with readers: PathwayReaders) throws {
        let path = Fixtures.corpusPath(path)
        switch outcome {
        case .imported(let pathways, let steps, let transitions):
            let imported = try readers.read(path)
            #expect(imported.pathways.count == pathways)
            #expect(imported.pathways.reduce(0) { $0 + $1.steps.count } == steps)
            #expect(imported.pathways.reduce(0) { $0 + $1.transitions.count } == transitions)
        case .rejected(let text):
            let error = #expect(throws: InputError.self) { try readers.read(path) }
            #expect(error?.description.contains(text) == true, "\(error?.description ?? "no error")")
            #expect(error?.location.file == path)
        }
    }
}

@Suite(.needsCorpus) struct CorpusImportTests {
    /// Every BPMN, GraphML and CSV file of the shared corpus (DOT is in `DOTImporterTests`, CASE in
    /// `CASEImporterTests`). Counts are totals over the file's pathways: one per process with flow elements, plus
    /// one per collapsed sub-process with content. Transitions are sequence flows (fanned out where an inlined
    /// sub-process has several entries or exits) plus one per boundary event.
    static let table: [CorpusExpectation] = [
        // Main process + 5 collapsed sub-processes with content, each its own pathway; 22 flows + 1 boundary.
        .init("bpmn/bpmn-js/collapsed-sub-process.bpmn", .imported(pathways: 6, steps: 28, transitions: 23)),
        // 10 tasks, 3 gateways, 1 end; no start event (validation reports it, the import is faithful).
        .init("bpmn/bpmn-js/conditional-flow.bpmn", .imported(pathways: 1, steps: 14, transitions: 16)),
        // A palette, mostly unconnected: every element kept, 3 flows + 14 boundary links + 1 link-event pair.
        .init("bpmn/bpmn-js/kitchen-sink.bpmn", .imported(pathways: 1, steps: 63, transitions: 18)),
        // Nested lanes; 2 tasks + 1 boundary event, 2 flows + 1 boundary link.
        .init("bpmn/bpmn-js/lanes.bpmn", .imported(pathways: 1, steps: 3, transitions: 3)),
        .init("bpmn/bpmn-miwg/A.1.0.bpmn", .imported(pathways: 1, steps: 5, transitions: 4)),
        .init("bpmn/bpmn-miwg/A.2.0.bpmn", .imported(pathways: 1, steps: 8, transitions: 9)),
        // References written as qualified names (prefix:id) are resolved.
        .init("bpmn/bpmn-miwg/A.3.0-export.bpmn", .imported(pathways: 1, steps: 10, transitions: 10)),
        .init("bpmn/bpmn-miwg/A.3.0.bpmn", .imported(pathways: 1, steps: 10, transitions: 10)),
        // BOM + CRLF + a non-BPMN default namespace.
        .init("bpmn/bpmn-miwg/A.4.0-roundtrip.bpmn", .imported(pathways: 1, steps: 4, transitions: 3)),
        .init("bpmn/bpmn-miwg/A.4.0.bpmn", .imported(pathways: 2, steps: 15, transitions: 13)),
        .init("bpmn/bpmn-miwg/A.4.1-export.bpmn", .imported(pathways: 2, steps: 15, transitions: 13)),
        .init("bpmn/bpmn-miwg/B.1.0.bpmn", .imported(pathways: 4, steps: 28, transitions: 26)),
        // 85 flows (fanned out through inlined sub-processes) + 11 boundary links + 1 link-event pair.
        .init("bpmn/bpmn-miwg/B.2.0.bpmn", .imported(pathways: 4, steps: 91, transitions: 98)),
        .init("bpmn/bpmn-miwg/C.1.0.bpmn", .imported(pathways: 2, steps: 21, transitions: 20)),
        // The event sub-process is reported, not inlined.
        .init("bpmn/bpmn-miwg/C.6.0.bpmn", .imported(pathways: 1, steps: 32, transitions: 31)),
        .init("bpmn/bpmn-miwg/C.9.0.bpmn", .imported(pathways: 1, steps: 15, transitions: 16)),
        .init(
            "bpmn/bpmn-moddle/case-agile-local-ns-declaration.bpmn", .imported(pathways: 1, steps: 11, transitions: 12)),
        // Only an expanded sub-process: its start event and task.
        .init("bpmn/bpmn-moddle/simple-default-ns.bpmn", .imported(pathways: 1, steps: 2, transitions: 1)),
        .init("bpmn/bpmn-moddle/yaoqiang-event-definitions.bpmn", .imported(pathways: 1, steps: 13, transitions: 13)),

        // A graph nested directly in the root graph is flattened into it: 7 + 2 nodes, 8 + 1 edges.
        .init("graphml/boost-graph/graphml_test.xml", .imported(pathways: 1, steps: 9, transitions: 9)),
        .init("graphml/graphwalker/EFSM_with_REQTAGS.graphml", .imported(pathways: 1, steps: 8, transitions: 19)),
        .init("graphml/graphwalker/Graph178.graphml", .imported(pathways: 1, steps: 69, transitions: 151)),
        .init("graphml/graphwalker/Login.graphml", .imported(pathways: 1, steps: 4, transitions: 9)),
        .init("graphml/graphwalker/UC01.graphml", .imported(pathways: 1, steps: 8, transitions: 12)),
        // GraphML with a .xml extension, on one line.
        .init("graphml/tinkerpop/tinkerpop-modern.xml", .imported(pathways: 1, steps: 6, transitions: 6)),

        // Whitespace-separated edge lists, read by the edge-list path of the CSV reader.
        .init("csv/networkx/hartford_drug.edgelist", .imported(pathways: 1, steps: 212, transitions: 337)),
        .init("csv/networkx/lanl_routes.edgelist", .imported(pathways: 1, steps: 1358, transitions: 1363)),
        // Not a pathway in meaning (attacker → victim IP addresses), but structurally an edge list: the bulk reader
        // takes the first row as a header (numeric columns below it) and the first two columns as from and to,
        // keeping the 14 repeated pairs as separate transitions.
        .init("csv/pygraphistry/honeypot.csv", .imported(pathways: 1, steps: 203, transitions: 220)),
    ]

    @Test("every corpus BPMN, GraphML and CSV file is imported or refused as the table says", arguments: table)
    func corpusFile(_ expectation: CorpusExpectation) throws {
        try expectation.check(with: .standard)
    }

    @Test("BPMN is recognised by namespace URI whatever the prefix, encoding, BOM or line ends")
    func prefixesAndEncodings() throws {
        for (file, first) in [
            ("bpmn/bpmn-miwg/A.1.0.bpmn", "Start Event"),  // semantic:, ISO-8859-1 declaration
            ("bpmn/bpmn-moddle/simple-default-ns.bpmn", nil),  // default namespace
            ("bpmn/bpmn-js/lanes.bpmn", nil),  // bpmn2:
            ("bpmn/bpmn-miwg/A.4.0-roundtrip.bpmn", nil),  // BOM, CRLF, non-BPMN default namespace
        ] as [(String, String?)] {
            let imported = try PathwayReaders.standard.read(Fixtures.corpusPath(file))
            let pathway = try #require(imported.pathways.first)
            #expect(!pathway.steps.isEmpty)
            if let first { #expect(pathway.steps.first?.label == first) }
            #expect(pathway.steps.allSatisfy { $0.location?.line != nil && $0.location?.element != nil })
        }
    }

    @Test("nested lanes give their steps the innermost lane's staff group")
    func nestedLanes() throws {
        let imported = try PathwayReaders.standard.read(Fixtures.corpusPath("bpmn/bpmn-js/lanes.bpmn"))
        let steps = try #require(imported.pathways.first).steps
        #expect(steps.allSatisfy { $0.staffGroups == ["nested-lane-a"] })
    }

    @Test("message flows are reported with their line and id, not dropped silently")
    func messageFlowsReported() throws {
        let path = Fixtures.corpusPath("bpmn/bpmn-miwg/C.1.0.bpmn")
        let imported = try PathwayReaders.standard.read(path)
        let messageFlows = imported.findings.filter { $0.message.hasPrefix("message flow") }
        #expect(messageFlows.count == 5)
        #expect(messageFlows.allSatisfy { $0.location?.line != nil && $0.location?.element != nil })
    }

    @Test("yEd names come from node and edge label text; self-loops are kept")
    func yEdLabels() throws {
        let imported = try PathwayReaders.standard.read(Fixtures.corpusPath("graphml/graphwalker/UC01.graphml"))
        let pathway = try #require(imported.pathways.first)
        #expect(pathway.steps.first?.label == "Start")
        #expect(pathway.steps.contains { $0.label == "v_BrowserStarted" })
        let login = try #require(
            PathwayReaders.standard.read(Fixtures.corpusPath("graphml/graphwalker/Login.graphml")).pathways.first)
        #expect(login.transitions.count { $0.from == $0.to } == 2)
    }
}
