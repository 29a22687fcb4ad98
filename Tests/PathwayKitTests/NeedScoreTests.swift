import PathwayKit
import TestSupport
import Testing

/// The documented score needs are ranked by: patients × severity × sharing × cost.
@Suite struct NeedScoreTests {
    static func report(_ folders: [String]) throws -> GapReport {
        let projects = try folders.map { try ProjectLoader().loadProject(at: Fixtures.path($0)).project }
        return GapReport(analysing: projects, asOf: AsOfDate("2026-11-25"))
    }

    @Test("each need's score is the product of its parts, and each group's needs are listed by it")
    func productAndOrder() throws {
        let report = try Self.report(ProjectFolders.bundled.map { "projects/\($0)" })
        for group in report.needs() {
            let values = group.competencies.map(\.score.value)
            #expect(values == values.sorted(by: >), "\(group.name)")
            for need in group.competencies {
                let score = need.score
                #expect(score.value == score.patients * score.severity * score.sharing * score.cost)
                #expect(score.patients == max(need.patientsPerYear ?? 1, 1))
                #expect(score.sharing >= Double(need.projects.count))
                #expect([0.5, 1].contains(score.cost))
            }
        }
    }

    @Test("a need several projects share scores above the same need in one project")
    func crossProjectNeedsRise() throws {
        let alone = try Self.report(["projects/dpyd"])
        let together = try Self.report(ProjectFolders.bundled.map { "projects/\($0)" })
        func score(_ report: GapReport, _ competency: String, _ group: String) -> NeedScore? {
            report.needs().first { $0.staffGroup?.rawValue == group }?.competencies.first {
                $0.competency.rawValue == competency
            }?.score
        }
        let one = try #require(score(alone, "LAB-01", "clinical-scientist"))
        let shared = try #require(score(together, "LAB-01", "clinical-scientist"))
        #expect(shared.sharing > one.sharing)
        #expect(shared.value > one.value)
    }

    @Test("a competency no framework defines is one finding: undefined-competency, never also no-resource")
    func undefinedIsOneFinding() throws {
        let report = try Self.report(ProjectFolders.bundled.map { "projects/\($0)" })
        let undefined = Set(
            report.gaps.filter { $0.gapClass == .undefinedCompetency }.compactMap { gap in
                gap.step.map { "\(gap.project)/\($0)/\(gap.competency?.rawValue ?? "")" }
            })
        #expect(!undefined.isEmpty)
        for gap in report.gaps where gap.gapClass == .noResource {
            let key = "\(gap.project)/\(gap.step?.rawValue ?? "")/\(gap.competency?.rawValue ?? "")"
            #expect(!undefined.contains(key), "\(key)")
        }
        // Shown with the step's own wording.
        let first = try #require(report.gaps.first { $0.gapClass == .undefinedCompetency })
        #expect(first.message.contains("(\(first.stepLabel ?? "?"))"))
    }

    @Test("one stale resource is one entry listing every step that relies on it")
    func staleResourceOnce() throws {
        let report = try Self.report(ProjectFolders.bundled.map { "projects/\($0)" })
        let stale = report.staleResources()
        #expect(Set(stale.map(\.resource)).count == stale.count)
        for entry in stale {
            let gaps = report.gaps.filter { $0.gapClass == .staleResource && $0.resource == entry.resource }
            #expect(Set(gaps.compactMap(\.step)) == Set(entry.steps.map(\.step)))
        }
    }
}
