import Foundation
import PathwayKit
import TestSupport
import Testing

@Suite struct AnalysisGapClassTests {
    static let asOf = AsOfDate("2026-11-25")

    static func project(_ fixture: String) throws -> Project {
        try ProjectLoader().loadProject(at: Fixtures.path("gaps/\(fixture)")).project
    }

    /// The file and line of the `expect-gap` marker in a gap fixture.
    static func marker(in fixture: String) throws -> (file: String, line: Int) {
        let folder = Fixtures.path("gaps/\(fixture)")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() {
            let text = try String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8)
            let lines = text.components(separatedBy: "\n")
            if let index = lines.firstIndex(where: { $0.contains("# expect-gap") }) { return (name, index + 1) }
        }
        throw MarkerMissing(fixture: fixture)
    }

    struct MarkerMissing: Error { var fixture: String }

    @Test(
        "each gap fixture produces exactly its class, at the marked line",
        arguments: GapClass.allCases)
    func fixtureProducesItsClass(gapClass: GapClass) throws {
        let project = try Self.project(gapClass.rawValue)
        let gaps = GapAnalyzer().gaps(in: project, asOf: Self.asOf)
        #expect(gaps.map(\.gapClass) == [gapClass])
        let gap = try #require(gaps.first)
        let expected = try Self.marker(in: gapClass.rawValue)
        let location = try #require(gap.location)
        #expect(location.file.hasSuffix("/\(expected.file)"))
        #expect(location.line == expected.line)
        #expect(gap.severity == gapClass.defaultSeverity)
        #expect(!gap.suggestedAction.isEmpty)
        #expect(gap.project == "gaps-\(gapClass.rawValue)")
    }

    @Test("the clean fixture produces no gap")
    func cleanFixture() throws {
        #expect(GapAnalyzer().gaps(in: try Self.project("none"), asOf: Self.asOf).isEmpty)
    }

    @Test("without an as-of date, review dates are not checked")
    func noDateNoStaleness() throws {
        #expect(GapAnalyzer().gaps(in: try Self.project("stale-resource")).isEmpty)
        #expect(GapAnalyzer().gaps(in: try Self.project("stale-resource"), asOf: AsOfDate("2024-08-02")).isEmpty)
        #expect(GapAnalyzer().gaps(in: try Self.project("stale-resource"), asOf: AsOfDate("2024-08-03")).count == 1)
    }

    @Test("resource gaps name the staff group, competency, level and sub-pathway")
    func resourceGapFields() throws {
        let gap = try #require(GapAnalyzer().gaps(in: try Self.project("level-shortfall"), asOf: Self.asOf).first)
        #expect(gap.staffGroup == "counsellor")
        #expect(gap.competency == "C1")
        #expect(gap.requiredLevel == "advanced")
        #expect(gap.framework == "test-framework")
        #expect(gap.step == "explain")
        #expect(gap.subpathways == ["small/1"])
        #expect(gap.patientsPerYear == 120)
        #expect(gap.candidates.map(\.reasons) == [[.lowerLevel]])
    }
}

@Suite struct AnalysisCrossReferenceTests {
    static func project(
        steps: [Step], frameworks: [CompetencyFramework] = [], resources: [EducationResource] = [],
        workforce: [WorkforceRecord] = []
    ) -> Project {
        var transitions: [Transition] = []
        for (from, to) in zip(steps, steps.dropFirst()) { transitions.append(Transition(from: from.id, to: to.id)) }
        return Project(
            manifest: ProjectManifest(id: "p", pathways: ["p.yaml"]), directory: ".",
            pathways: [Pathway(id: "p", steps: steps, transitions: transitions)], frameworks: frameworks,
            resources: resources, workforce: workforce)
    }

    static let consent = CompetencyFramework(
        id: "consent", levels: ["D", "C", "B", "A"],
        areas: [
            CompetencyArea(
                id: "a", competencies: [Competency(id: "CON-1", levels: ["C", "B", "A"], staffGroups: ["gp"])])
        ])
    static let results = CompetencyFramework(
        id: "results", levels: ["1", "2", "3"],
        areas: [CompetencyArea(id: "r", competencies: [Competency(id: "RES-1", staffGroups: ["nurse"])])],
        equivalences: [CompetencyEquivalence(competency: "RES-1", equivalent: "CON-1")])

    @Test("competencies are followed across framework equivalences, both ways")
    func equivalences() {
        // A resource for RES-1 serves a step that needs CON-1, and RES-1 writes the competency for nurses.
        let project = Self.project(
            steps: [
                Step(id: "s", kind: .start),
                Step(id: "a", staffGroups: ["nurse"], competencies: [CompetencyRequirement(competency: "CON-1")]),
                Step(id: "e", kind: .end),
            ],
            frameworks: [Self.consent, Self.results],
            resources: [EducationResource(id: "r", develops: [ResourceCoverage(competency: "RES-1")])])
        #expect(GapAnalyzer().gaps(in: project).isEmpty)
    }

    @Test("an id defined only through an equivalence is not undefined")
    func undefinedFollowsEquivalences() {
        var results = Self.results
        results.equivalences.append(CompetencyEquivalence(competency: "LOCAL-9", equivalent: "RES-1"))
        let project = Self.project(
            steps: [
                Step(id: "a", staffGroups: ["nurse"], competencies: [CompetencyRequirement(competency: "LOCAL-9")])
            ],
            frameworks: [results],
            resources: [EducationResource(id: "r", develops: [ResourceCoverage(competency: "RES-1")])])
        #expect(GapAnalyzer().gaps(in: project).isEmpty)
    }

    @Test("levels compare by rank in the competency's framework, not as text")
    func levelRanks() {
        // "B" < "C" as text, but B is above C in the consent scheme (D, C, B, A).
        let step = Step(
            id: "a", staffGroups: ["gp"], competencies: [CompetencyRequirement(competency: "CON-1", level: "C")])
        let above = Self.project(
            steps: [step], frameworks: [Self.consent],
            resources: [EducationResource(id: "r", develops: [ResourceCoverage(competency: "CON-1", level: "B")])])
        #expect(GapAnalyzer().gaps(in: above).isEmpty)
        let below = Self.project(
            steps: [step], frameworks: [Self.consent],
            resources: [EducationResource(id: "r", develops: [ResourceCoverage(competency: "CON-1", level: "D")])])
        #expect(GapAnalyzer().gaps(in: below).map(\.gapClass) == [.levelShortfall])
    }

    @Test("partial and other-audience resources are candidates, not cover")
    func candidates() throws {
        let step = Step(id: "a", staffGroups: ["gp"], competencies: [CompetencyRequirement(competency: "CON-1")])
        let project = Self.project(
            steps: [step], frameworks: [Self.consent],
            resources: [
                EducationResource(id: "half", develops: [ResourceCoverage(competency: "CON-1", isPartial: true)]),
                EducationResource(id: "nurses", develops: [ResourceCoverage(competency: "CON-1")], audience: ["nurse"]),
            ])
        let gaps = GapAnalyzer().gaps(in: project)
        #expect(gaps.map(\.gapClass) == [.noResource])
        let gap = try #require(gaps.first)
        #expect(gap.candidates.map(\.resource) == ["half", "nurses"])
        #expect(gap.candidates.map(\.reasons) == [[.partial], [.otherAudience]])
    }

    @Test("start, end and merge steps are not work unless they carry staff data")
    func nonWorkSteps() {
        let project = Self.project(steps: [
            Step(id: "s", kind: .start), Step(id: "m", kind: .merge), Step(id: "e", kind: .end),
        ])
        #expect(GapAnalyzer().gaps(in: project).isEmpty)
        let staffed = Self.project(steps: [
            Step(id: "s", kind: .start, competencies: [CompetencyRequirement(competency: "X")])
        ])
        // A competency no framework defines is one finding, not also a missing resource.
        #expect(GapAnalyzer().gaps(in: staffed).map(\.gapClass) == [.unstaffedStep, .undefinedCompetency])
    }

    @Test("a step with a noCompetencyReason is not uncovered")
    func exemption() {
        let project = Self.project(steps: [
            Step(id: "a", staffGroups: ["admin"], noCompetencyReason: "an internal team sends the pack")
        ])
        #expect(GapAnalyzer().gaps(in: project).isEmpty)
    }

    @Test("workforce gaps: capacity below need, training below need or below staff in post")
    func workforce() {
        let step = Step(id: "a", staffGroups: ["gp"], noCompetencyReason: "none")
        func classes(_ record: WorkforceRecord) -> [GapClass] {
            GapAnalyzer().gaps(in: Self.project(steps: [step], workforce: [record])).map(\.gapClass)
        }
        #expect(
            classes(WorkforceRecord(staffGroup: "gp", inPost: 4, trained: 2, needed: 5)) == [
                .capacityGap, .trainingGap,
            ])
        #expect(classes(WorkforceRecord(staffGroup: "gp", inPost: 6, trained: 5, needed: 5)) == [.trainingGap])
        #expect(classes(WorkforceRecord(staffGroup: "gp", inPost: 5, trained: 5, needed: 5)) == [])
        #expect(classes(WorkforceRecord(staffGroup: "gp", inPost: 5)) == [])
    }
}
