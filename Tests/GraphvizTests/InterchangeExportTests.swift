import Foundation
import PathwayGraphviz
import PathwayKit
import TestSupport
import Testing

/// What a round trip through another tool's format must keep: steps (id, label, kind, staff groups) and
/// transitions (ends and condition). Labels and conditions are compared with runs of white space as one space, as
/// every XML importer reads them.
struct Skeleton: Equatable, CustomStringConvertible {
    var steps: [String]
    var transitions: [String]

    init(_ pathway: Pathway) {
        func clean(_ text: String?) -> String {
            (text ?? "").split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        steps = pathway.steps.map {
            "\($0.id) [\($0.kind)] \(clean($0.label)) {\($0.staffGroups.map(\.rawValue).joined(separator: ","))}"
        }
        transitions = pathway.transitions.map { "\($0.from) -> \($0.to) (\(clean($0.condition)))" }
    }

    var description: String { (steps + transitions).joined(separator: "\n") }
}

/// Loads a bundled project's pathways.
func bundledPathways(_ name: String) throws -> Project {
    try ProjectLoader().loadProject(at: Fixtures.path("projects/\(name)")).project
}

func exportBPMN(_ pathway: Pathway, names: [StaffGroupID: String] = [:]) throws -> String {
    BPMNWriter.text(
        for: pathway, layout: try DiagramLayouter.layout(pathway, lanes: true), staffGroupNames: names)
}

func exportGraphML(_ pathway: Pathway) throws -> String {
    GraphMLWriter.text(for: pathway, layout: try DiagramLayouter.layout(pathway, lanes: false))
}

func reimport(_ text: String, as reader: PathwayReader, file: String) throws -> [Pathway] {
    try reader.read(Data(text.utf8), file).pathways
}

@Suite struct InterchangeExportTests {
    @Test("every pilot exports to BPMN and reads back as the same pathway", arguments: ProjectFolders.bundled)
    func pilotBPMN(name: String) throws {
        let project = try bundledPathways(name)
        let names = Dictionary(project.staffGroups.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for pathway in project.pathways {
            let back = try reimport(try exportBPMN(pathway, names: names), as: .bpmn, file: "export.bpmn")
            #expect(back.count == 1)
            // Everything the native format holds comes back: the extension keeps what BPMN has no place for.
            #expect(back.first?.withoutLocations == pathway.withoutLocations)
        }
    }

    @Test("every pilot exports to GraphML and reads back as the same pathway", arguments: ProjectFolders.bundled)
    func pilotGraphML(name: String) throws {
        for pathway in try bundledPathways(name).pathways {
            let back = try #require(try reimport(try exportGraphML(pathway), as: .graphML, file: "x.graphml").first)
            #expect(Skeleton(back) == Skeleton(pathway))
            #expect(back.title == pathway.title)
            #expect(back.steps.map(\.stage) == pathway.steps.map(\.stage))
            #expect(back.steps.map(\.setting) == pathway.steps.map(\.setting))
            #expect(
                back.steps.map { $0.competencies.map(\.written) }
                    == pathway.steps.map { $0.competencies.map(\.written) })
            #expect(back.transitions.map(\.share) == pathway.transitions.map(\.share))
        }
    }

    static let corpusFiles = [
        "bpmn/bpmn-js/collapsed-sub-process.bpmn", "bpmn/bpmn-js/conditional-flow.bpmn",
        "bpmn/bpmn-js/kitchen-sink.bpmn",
        "bpmn/bpmn-js/lanes.bpmn", "bpmn/bpmn-miwg/A.1.0.bpmn", "bpmn/bpmn-miwg/A.2.0.bpmn",
        "bpmn/bpmn-miwg/A.3.0-export.bpmn", "bpmn/bpmn-miwg/A.3.0.bpmn", "bpmn/bpmn-miwg/A.4.0-roundtrip.bpmn",
        "bpmn/bpmn-miwg/A.4.0.bpmn", "bpmn/bpmn-miwg/A.4.1-export.bpmn", "bpmn/bpmn-miwg/B.1.0.bpmn",
        "bpmn/bpmn-miwg/B.2.0.bpmn", "bpmn/bpmn-miwg/C.1.0.bpmn", "bpmn/bpmn-miwg/C.6.0.bpmn",
        "bpmn/bpmn-miwg/C.9.0.bpmn", "bpmn/bpmn-moddle/simple-default-ns.bpmn",
        "bpmn/bpmn-moddle/yaoqiang-event-definitions.bpmn", "graphml/boost-graph/graphml_test.xml",
        "graphml/graphwalker/EFSM_with_REQTAGS.graphml", "graphml/graphwalker/Graph178.graphml",
        "graphml/graphwalker/Login.graphml", "graphml/graphwalker/UC01.graphml",
        "graphml/tinkerpop/tinkerpop-modern.xml",
    ]

    @Test(
        "corpus files that import export to BPMN and GraphML and read back to the same steps and transitions",
        .enabled(if: Fixtures.hasCorpus), arguments: corpusFiles)
    func corpusRoundTrip(file: String) throws {
        let imported = try PathwayReaders.standard.read(Fixtures.corpusPath(file)).pathways
        #expect(!imported.isEmpty)
        for pathway in imported {
            let viaBPMN = try reimport(try exportBPMN(pathway), as: .bpmn, file: "export.bpmn")
            #expect(viaBPMN.map(Skeleton.init) == [Skeleton(pathway)])
            let viaGraphML = try reimport(try exportGraphML(pathway), as: .graphML, file: "export.graphml")
            #expect(viaGraphML.map(Skeleton.init) == [Skeleton(pathway)])
        }
    }

    @Test("the BPMN diagram has a shape per flow node and lane, an edge with waypoints per flow, nodes inside lanes")
    func diagramInterchange() throws {
        let project = try bundledPathways("dpyd")
        let pathway = try #require(project.pathways.first)
        let layout = try DiagramLayouter.layout(pathway, lanes: true)
        let text = BPMNWriter.text(for: pathway, layout: layout)
        let shapes = text.components(separatedBy: "<bpmndi:BPMNShape ").count - 1
        #expect(shapes == pathway.steps.count + layout.lanes.count + 1)
        #expect(text.components(separatedBy: "<bpmndi:BPMNEdge ").count - 1 == pathway.transitions.count)
        for index in pathway.transitions.indices {
            #expect((layout.transitions[index]?.count ?? 0) >= 2, "transition \(index) has no waypoints")
        }
        // One lane per first staff group, stacked without overlap, each step's box inside its own lane.
        let firstGroups = Set(pathway.steps.map { $0.staffGroups.first ?? StaffGroupID("") })
        #expect(Set(layout.lanes.map(\.group)) == firstGroups)
        let lanes = layout.lanes.map(\.box).sorted { $0.y < $1.y }
        for (upper, lower) in zip(lanes, lanes.dropFirst()) { #expect(upper.y + upper.height <= lower.y + 0.01) }
        for step in pathway.steps {
            let box = try #require(layout.steps[step.id])
            let lane = try #require(layout.lanes.first { $0.group == (step.staffGroups.first ?? StaffGroupID("")) })
            #expect(box.y >= lane.box.y && box.y + box.height <= lane.box.y + lane.box.height, "\(step.id)")
            #expect(box.x >= lane.box.x && box.x + box.width <= lane.box.x + lane.box.width, "\(step.id)")
        }
        // Gateways from decisions and parallel steps; conditions as names and expressions.
        #expect(text.contains("gatewayDirection=\"Diverging\""))
        #expect(text.contains("xsi:type=\"bpmn:tFormalExpression\""))
    }

    @Test("labels, conditions and notes with markup and control characters are escaped and read back")
    func escaping() throws {
        let pathway = Pathway(
            id: "odd pathway", title: "A <b>&amp;</b> \"title\"",
            steps: [
                Step(id: "1 start", label: "Begin <here> & \"now\"", kind: .start, staffGroups: ["a&b"]),
                Step(id: "ask", label: "Ask\u{7}?", kind: .decision, notes: "line one\nline <two>"),
                Step(id: "end", kind: .end),
                Step(id: "other-end", kind: .end),
            ],
            transitions: [
                Transition(from: "1 start", to: "ask"),
                Transition(from: "ask", to: "end", condition: "x < 3 & y > \"2\"", share: 0.25),
                Transition(from: "ask", to: "other-end", condition: "otherwise"),
            ])
        let bpmn = try exportBPMN(pathway)
        #expect(!bpmn.contains("<here>"))
        let back = try #require(try reimport(bpmn, as: .bpmn, file: "x.bpmn").first)
        #expect(back.id == "odd pathway")
        #expect(back.steps.map(\.id) == pathway.steps.map(\.id))
        #expect(back.steps[0].label == "Begin <here> & \"now\"")
        #expect(back.steps[1].label == "Ask\u{FFFD}?")
        #expect(back.steps[1].notes == "line one\nline <two>")
        #expect(back.transitions[1].condition == "x < 3 & y > \"2\"")
        #expect(back.transitions[1].share == 0.25)
        let graphML = try #require(try reimport(try exportGraphML(pathway), as: .graphML, file: "x.graphml").first)
        #expect(graphML.steps[0].label == "Begin <here> & \"now\"")
        #expect(graphML.transitions[1].condition == "x < 3 & y > \"2\"")
    }

    /// The OMG BPMN 2.0 schema (`BPMN20.xsd` with `Semantic.xsd`, `BPMNDI.xsd`, `DC.xsd`, `DI.xsd`): no Debian
    /// package ships it; the PyPI package SpiffWorkflow does (`SpiffWorkflow/bpmn/parser/schema/`). Point
    /// `PATHGAP_BPMN_XSD` at that folder to run the check.
    static let schemaFolder = ProcessInfo.processInfo.environment["PATHGAP_BPMN_XSD"]
    static let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test(
        "every pilot's BPMN validates against the OMG BPMN 2.0 XSD",
        .enabled(if: schemaFolder != nil && xmllint != nil, "needs the BPMN 2.0 XSD (PATHGAP_BPMN_XSD) and xmllint"),
        arguments: ProjectFolders.bundled)
    func schemaValid(name: String) throws {
        let folder = try #require(Self.schemaFolder)
        let tool = try #require(Self.xmllint)
        for pathway in try bundledPathways(name).pathways {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent(
                "pathgap-\(UUID().uuidString).bpmn")
            try Data(try exportBPMN(pathway).utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = ["--noout", "--nonet", "--schema", folder + "/BPMN20.xsd", file.path]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(message)")
        }
    }
}
