import Foundation
import PathwayKit
import TestSupport
import Testing

@Suite struct GraphMLImporterTests {
    @Test("keys named by the convention fill step and transition fields; defaults apply; nested graphs flatten")
    func convention() throws {
        let imported = try PathwayReaders.standard.read(Fixtures.path("import/graphml/pathway.graphml"))
        let pathway = try #require(imported.pathways.first)
        #expect(pathway.id == "pathway")
        #expect(pathway.title == "DPYD from GraphML")
        #expect(pathway.steps.map(\.id.rawValue) == ["referred", "request", "result", "reduce", "done"])
        #expect(pathway.steps.map(\.kind) == [.start, .activity, .decision, .activity, .end])
        let request = try #require(pathway.step("request"))
        #expect(request.label == "Request the test")
        #expect(request.setting == "secondary care")
        #expect(request.stage == "testing")  // the key's default
        #expect(request.staffGroups == ["oncologist", "pharmacist"])
        #expect(request.competencies.map(\.competency) == ["dpyd-genotype", "consent"])
        #expect(request.competencies.map(\.level) == ["B", nil])
        #expect(pathway.step("referred")?.stage == "identification")
        #expect(
            pathway.transitions.contains {
                $0.from == "request" && $0.to == "request" && $0.condition == "sample rejected"
            })
        let variant = try #require(pathway.transitions.first { $0.condition == "variant" })
        #expect(variant.share == 0.07)
        #expect(imported.findings.map(\.rule) == ["graphml-unused-key"])
    }

    @Test("yEd shapes and label text give kinds and names")
    func yEd() throws {
        let pathway = try #require(
            try PathwayReaders.standard.read(Fixtures.path("import/graphml/yed.graphml")).pathways.first)
        #expect(pathway.steps.map(\.label) == ["Start here", "Eligible?", "Treat", "Stop"])
        #expect(pathway.steps.map(\.kind) == [.start, .decision, .activity, .end])
        #expect(pathway.transitions.compactMap(\.condition) == ["yes", "no"])
    }

    @Test("an undirected graph is refused")
    func undirected() {
        let error = #expect(throws: InputError.self) {
            try PathwayReaders.standard.read(Fixtures.path("import/graphml/undirected.graphml"))
        }
        #expect(error?.message.contains("undirected") == true)
    }
}
