import PathwayKit
import TestSupport
import Testing

/// The report's actions: one per competency at a level, naming every staff group one resource would serve.
@Suite struct DevelopmentActionTests {
    static func report(_ folders: [String]) throws -> GapReport {
        let projects = try folders.map { try ProjectLoader().loadProject(at: Fixtures.path($0)).project }
        return GapReport(analysing: projects, asOf: AsOfDate("2026-11-25"))
    }

    static let all = ProjectFolders.bundled.map { "projects/\($0)" }

    @Test(
        "one action per competency at a level lists every staff group with that need",
        arguments: [["projects/dpyd"], all])
    func oneActionPerCompetencyAtLevel(folders: [String]) throws {
        let report = try Self.report(folders)
        let actions = report.actions()
        struct Key: Hashable {
            var competency: CompetencyID
            var level: String?
            var kind: DevelopmentAction.Kind
        }
        func kind(_ need: CompetencyNeed) -> DevelopmentAction.Kind {
            need.classes == [.roleOutsideFramework] ? .extendFramework : .educate
        }
        // Every need of every group, by what one action closes.
        var expected: [Key: Set<String>] = [:]
        for group in report.needs() {
            for need in group.competencies {
                let key = Key(competency: need.competency, level: need.requiredLevel, kind: kind(need))
                expected[key, default: []].insert(group.staffGroup?.rawValue ?? "")
            }
        }
        let keys = actions.map { Key(competency: $0.competency, level: $0.requiredLevel, kind: $0.kind) }
        #expect(Set(keys).count == keys.count, "one action per competency, level and kind")
        #expect(Set(keys) == Set(expected.keys))
        for (key, action) in zip(keys, actions) {
            #expect(Set(action.groups.map { $0.staffGroup?.rawValue ?? "" }) == expected[key], "\(key.competency)")
            #expect(action.groups.allSatisfy { $0.need.competency == action.competency })
            let score = action.score
            #expect(score.value == score.patients * score.severity * score.sharing * score.cost)
        }
        let values = actions.map(\.score.value)
        #expect(values == values.sorted(by: >), "actions are listed by score")
    }

    @Test("DPYD's PGX-05 at enhanced level is one action for its four staff groups, patients counted once")
    func dpydDoseReview() throws {
        let report = try Self.report(["projects/dpyd"])
        let actions = report.actions().filter { $0.competency == "PGX-05" && $0.requiredLevel == "enhanced" }
        let action = try #require(actions.count == 1 ? actions.first : nil)
        #expect(action.groups.count == 4)
        // Counted once over every group's steps: no more than the largest group's figure plus the others', and
        // no more than enter the pathway.
        let perGroup = action.groups.compactMap(\.need.patientsPerYear)
        let patients = try #require(action.patientsPerYear)
        #expect(patients >= perGroup.max() ?? 0)
        #expect(patients < perGroup.reduce(0, +))
        let entering = try #require(report.projects[0].pathways[0].flow?.entering)
        #expect(patients <= entering + 0.5)
        let steps = Set(action.groups.flatMap(\.need.steps))
        #expect(Set(action.steps) == steps)
        #expect(action.steps.count == steps.count)

        // The ten most important actions name the competency once.
        let markdown = report.markdown()
        let top = try #require(markdown.split(separator: "## Ten most important actions").last)
        let section = try #require(top.split(separator: "\n## ").first)
        #expect(section.components(separatedBy: "[PGX-05] (level enhanced)").count == 2, "\(section)")
        #expect(section.contains("Oncology pharmacist"))
        #expect(section.contains("SACT nurse"))
    }
}
