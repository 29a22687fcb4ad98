import Foundation
import TestSupport
import Testing

@testable import PathwayKit

/// Staff groups named by name or alias are matched on the pathway's index: its staff group table is renamed, and
/// no pathway or step value is made.
@Suite struct StaffGroupMatcherTests {
    static let groups = [
        StaffGroup(id: "gp", name: "General practitioner", aliases: ["family doctor"]),
        StaffGroup(id: "nurse", name: "Practice nurse"),
    ]

    /// Steps naming groups by id, name and alias: a name met before the id it matches, a step naming one group
    /// twice, a group only a later definition of a repeated id names, and a name that matches nothing.
    static let pathway = Pathway(
        id: "p",
        steps: [
            Step(id: "a", kind: .start, staffGroups: ["Practice nurse"]),
            Step(id: "b", staffGroups: ["General practitioner", "clerk", "gp"]),
            Step(id: "c", staffGroups: ["nurse", "Family doctor"]),
            Step(id: "b", staffGroups: ["PRACTICE_NURSE", "family doctor"]),
            Step(id: "d", kind: .end, staffGroups: ["clerk"]),
        ],
        transitions: [Transition(from: "a", to: "b"), Transition(from: "b", to: "c"), Transition(from: "c", to: "d")],
        location: SourceLocation(file: "p.yaml"))

    /// What matching did when it worked on values: each mention replaced by its match, and a note at the first step
    /// naming each name matched, in the order written.
    static func expected(_ matcher: StaffGroupMatcher) -> (pathway: Pathway, notes: [String]) {
        var pathway = Self.pathway
        var notes: [String] = []
        for index in pathway.steps.indices {
            for (position, written) in pathway.steps[index].staffGroups.enumerated() {
                guard let match = matcher.match(written) else { continue }
                pathway.steps[index].staffGroups[position] = match.group
                if !notes.contains(where: { $0.hasPrefix("'\(written)' ") }) {
                    notes.append(
                        "'\(written)' is taken as staff group '\(match.group)', whose \(match.field) is '\(match.value)'"
                    )
                }
            }
        }
        return (pathway, notes)
    }

    @Test("names and aliases are matched on the index, as they were on values, and no value is made")
    func matchesOnIndex() throws {
        let matcher = StaffGroupMatcher(Self.groups)
        let (expected, notes) = Self.expected(matcher)
        let graph = PathwayGraph(index: PathwayIndex(Self.pathway))
        let probe = ValueProbe()
        let (matched, findings) = PathwayIndex.$valueProbe.withValue(probe) { matcher.matching([graph]) }
        #expect(probe.made.load(ordering: .relaxed) == 0)
        #expect(probe.steps.load(ordering: .relaxed) == 0)
        let index = try #require(matched.first).index
        #expect(index.pathway() == expected)
        // The groups keep the order steps first name them, as an index of the matched steps has them.
        #expect(index.staffGroupIDs.names == ["nurse", "gp", "clerk"])
        #expect(index.staffGroupIDs.names == PathwayIndex(expected).staffGroupIDs.names)
        #expect(index.staffMembers == PathwayIndex(expected).staffMembers)
        #expect(index.staffGroupIDs.index(of: "Practice nurse") == nil)
        #expect(findings.map(\.message) == notes)
        #expect(findings.count == 5)
        #expect(findings.allSatisfy { $0.rule == "staff-group-matched" && $0.severity == .note })
        // The value form gives the same.
        let (values, valueFindings) = matcher.matching([Self.pathway])
        #expect(values == [expected])
        #expect(valueFindings == findings)
    }

    @Test("a pathway naming every group by its id keeps the index it was read with")
    func idsKeepTheIndex() throws {
        let pathway = Pathway(id: "q", steps: [Step(id: "a", staffGroups: ["gp", "clerk"])])
        let graph = PathwayGraph(index: PathwayIndex(pathway))
        let (matched, findings) = StaffGroupMatcher(Self.groups).matching([graph])
        #expect(findings.isEmpty)
        let index = try #require(matched.first).index
        #expect(index.staffGroupIDs.names == ["gp", "clerk"])
        #expect(index.pathway() == pathway)
    }

    @Test("a native pathway naming groups by name is read and matched without a pathway or step value")
    func nativeFileMakesNoValue() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("matcher-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        id: p
        steps:
          - {id: a, kind: start, staffGroups: [General practitioner]}
          - {id: b, kind: end, staffGroups: [gp, practice nurse]}
        transitions:
          - {from: a, to: b}
        """.write(to: folder.appendingPathComponent("pathway.yaml"), atomically: true, encoding: .utf8)
        try """
        staffGroups:
          - {id: gp, name: General practitioner}
          - {id: nurse, name: Practice nurse}
        """.write(to: folder.appendingPathComponent("staff-groups.yaml"), atomically: true, encoding: .utf8)
        let loader = ProjectLoader(pathwayReaders: .standard)
        let probe = ValueProbe()
        let (project, findings) = try PathwayIndex.$valueProbe.withValue(probe) {
            try loader.loadProject(
                manifest: ProjectManifest(id: "t", pathways: ["pathway.yaml"], staffGroups: ["staff-groups.yaml"]),
                directory: folder.path, location: SourceLocation(file: folder.path))
        }
        #expect(probe.made.load(ordering: .relaxed) == 0)
        #expect(probe.steps.load(ordering: .relaxed) == 0)
        let index = try #require(project.graphs.first).index
        #expect(index.staffGroupIDs.names == ["gp", "nurse"])
        #expect(findings.filter { $0.rule == "staff-group-matched" }.count == 2)
    }
}
