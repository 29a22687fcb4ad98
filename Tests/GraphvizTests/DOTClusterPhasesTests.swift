import Foundation
import PathwayGraphviz
import PathwayKit
import Testing

/// DOT clusters read without flags: a cluster naming a staff group is a lane, any other a stage, and `phases`
/// cuts at the stages.
@Suite struct DOTClusterPhasesTests {
    static let dot = """
        digraph referral {
          subgraph cluster_pre { label="Pre-test"; a -> b -> c }
          subgraph cluster_post { label="Post-test"; d -> e -> f }
          subgraph cluster_gc { label="Genetic counsellor"; g }
          c -> d; f -> g
        }
        """

    static func pathway(staffGroups: [StaffGroup] = []) throws -> (Pathway, [Finding]) {
        let imported = try DOTImporter.pathways(
            from: Data(dot.utf8), file: "referral.dot", staffGroups: staffGroups)
        return (try #require(imported.pathways.first), imported.findings)
    }

    @Test("clusters that name no staff group are stages, and phases cuts at them without any flag")
    func clustersAsStages() throws {
        let (pathway, findings) = try Self.pathway()
        #expect(
            pathway.steps.map(\.stage) == [
                "Pre-test", "Pre-test", "Pre-test", "Post-test", "Post-test", "Post-test",
                "Genetic counsellor",
            ])
        #expect(findings.contains { $0.rule == "dot-clusters" && $0.message.contains("as stages: ") })
        let subpathways = PathwayGraph(pathway).decomposition().subpathways
        #expect(subpathways.map(\.steps).prefix(2) == [["a", "b", "c"], ["d", "e", "f", "g"]])
        #expect(subpathways.first?.title == "Pre-test")
    }

    @Test("a cluster whose label is a staff group's name or alias is a lane")
    func clustersAsLanes() throws {
        let group = StaffGroup(id: "genetic-counsellor", name: "Genetic counsellor", aliases: ["GC"])
        let (pathway, findings) = try Self.pathway(staffGroups: [group])
        let g = try #require(pathway.steps.first { $0.id == "g" })
        #expect(g.stage == nil && g.staffGroups == ["genetic-counsellor"])
        #expect(pathway.steps.first?.stage == "Pre-test" && pathway.steps.first?.staffGroups == [])
        #expect(findings.contains { $0.message.contains("as lanes (they name staff groups): Genetic counsellor") })
    }

    @Test("--clusters none still ignores clusters")
    func explicitNone() throws {
        let imported = try DOTImporter.pathways(from: Data(Self.dot.utf8), file: "referral.dot", clusters: .none)
        #expect(imported.pathways.first?.steps.allSatisfy { $0.stage == nil } == true)
    }
}
