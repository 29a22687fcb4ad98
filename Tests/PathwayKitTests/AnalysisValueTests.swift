import Foundation
import PathwayKit
import TestSupport
import Testing

/// The analysis is plain values: gaps compare by what they hold, and the words a reader sees are made by the
/// writers in `Output/`, never by `Analysis/`.
@Suite struct AnalysisValueTests {
    static func gaps(_ project: String) throws -> [Gap] {
        let loaded = try ProjectLoader().loadProject(at: Fixtures.path("projects/\(project)")).project
        return GapAnalyzer().gaps(in: loaded, strategy: .phases, asOf: AsOfDate("2026-11-25"))
    }

    @Test("two analyses of the same project give equal gaps with equal hashes, and different gaps differ")
    func gapsAreValues() throws {
        let first = try Self.gaps("dpyd")
        let second = try Self.gaps("dpyd")
        #expect(first.count > 50)
        #expect(first == second)
        #expect(first.map(\.hashValue) == second.map(\.hashValue))
        // Every gap of one analysis is distinct from the others: what they hold tells them apart.
        #expect(Set(first).count == first.count)
        var changed = first[0]
        changed.severity = first[0].severity == .note ? .error : .note
        #expect(changed != first[0])
    }

    @Test("workforce gaps hold numbers; the writers' words for them are those the report has always printed")
    func workforceWords() {
        let step = Step(id: "a", staffGroups: ["gp"], noCompetencyReason: "none")
        let project = Project(
            manifest: ProjectManifest(id: "p", pathways: ["p.yaml"]), directory: ".",
            pathways: [Pathway(id: "p", steps: [step])], staffGroups: [StaffGroup(id: "gp", name: "GP")],
            workforce: [
                WorkforceRecord(staffGroup: "gp", setting: "primary care", inPost: 4, trained: 2, needed: 5),
                WorkforceRecord(staffGroup: "gp", inPost: 6, trained: 5),
            ])
        let gaps = GapAnalyzer().gaps(in: project)
        #expect(
            gaps.map(\.message) == [
                "GP in primary care: 4 in post, 5 needed (1 short)",
                "GP in primary care: 2 trained for the pathway's genomic steps (5 needed, 4 in post)",
                "GP: 5 trained for the pathway's genomic steps (6 in post)",
            ])
        #expect(
            gaps.map(\.suggestedAction) == [
                "Plan recruitment, or redesign the steps GP deliver in primary care, to close a gap of 1.",
                "Train 3 more GP in primary care in the competencies their steps need.",
                "Train 1 more GP in the competencies their steps need.",
            ])
    }

    @Test("in-hand and duplicate-development gaps hold what was found; their words are as before")
    func developmentWords() throws {
        func gap(_ fixture: String, _ gapClass: GapClass) throws -> Gap {
            let project = try ProjectLoader().loadProject(at: Fixtures.path("gaps/\(fixture)")).project
            return try #require(GapAnalyzer().gaps(in: project).first { $0.gapClass == gapClass })
        }
        let inHand = try gap("in-hand", .inHand)
        #expect(
            inHand.message
                == "no available resource develops 'C1' for Genetic counsellor yet; 'explaining-tests-counsellors' (Explaining genomic tests for genetic counsellors) is in development by North region education team, expected 2027-03"
        )
        #expect(
            inHand.suggestedAction
                == "Point Genetic counsellor to 'explaining-tests-counsellors' when North region education team publishes it; until then the need is in hand, not unmet."
        )
        let twice = try gap("duplicate-development", .duplicateDevelopment)
        #expect(
            twice.message
                == "'C1' is being developed twice: North region education team and South region project are each developing a resource that will fully develop it, to the same level and for a shared audience: 'north-explaining-tests' (North region education team, expected 2027-03), 'south-explaining-tests' (South region project, expected 2027)"
        )
        #expect(
            twice.suggestedAction
                == "Bring North region education team and South region project together to develop one resource for 'C1' (or agree how theirs will differ) before both are finished."
        )
    }

    @Test("Analysis/ makes no text and takes no array addresses: no TextBuffer, AnyHashable or baseAddress")
    func analysisDependsOnNoWriter() throws {
        let folder = Fixtures.root.appendingPathComponent("Sources/PathwayKit/Analysis")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for forbidden in ["TextBuffer", "AnyHashable", "baseAddress", "UnsafeRawPointer", "JSONWriter"] {
                #expect(!text.contains(forbidden), "\(file) uses \(forbidden)")
            }
        }
    }
}
