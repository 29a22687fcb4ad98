import PathwayKit
import TestSupport
import Testing

/// duplicate-resource: resources from different providers that each fully develop a competency a step needs, to
/// the same level, for a shared audience.
@Suite struct DuplicateResourceTests {
    static let asOf = AsOfDate("2026-11-25")

    /// A resource from provider P that fully develops CON-1 to category C for GPs.
    static let first = EducationResource(
        id: "a", provider: "P", develops: [ResourceCoverage(competency: "CON-1", level: "C")], audience: ["gp"])

    /// The gaps of a project whose steps need CON-1 (from GPs) and RES-1 (from nurses), with these resources.
    static func gaps(_ resources: [EducationResource]) -> [Gap] {
        let project = AnalysisCrossReferenceTests.project(
            steps: [
                Step(id: "s", kind: .start, patientsPerYear: 50),
                Step(id: "a", staffGroups: ["gp"], competencies: [CompetencyRequirement(competency: "CON-1")]),
                Step(
                    id: "b", staffGroups: ["nurse"],
                    competencies: [
                        CompetencyRequirement(competency: "RES-1"), CompetencyRequirement(competency: "CON-1"),
                    ]),
                Step(id: "c", staffGroups: ["gp"], noCompetencyReason: "none"),
                Step(id: "e", kind: .end),
            ],
            frameworks: [AnalysisCrossReferenceTests.consent, AnalysisCrossReferenceTests.results],
            resources: resources)
        return GapAnalyzer().gaps(in: project, asOf: asOf).filter { $0.gapClass == .duplicateResource }
    }

    @Test("the fixture's gap names the competency and each repeating resource with its provider")
    func fixture() throws {
        let project = try AnalysisGapClassTests.project("duplicate-resource")
        let analysis = GapAnalyzer().analysis(of: project, asOf: Self.asOf)
        #expect(analysis.pathways.flatMap(\.gaps).isEmpty)
        #expect(analysis.resourceGaps.count == 1)
        let gap = try #require(analysis.resourceGaps.first)
        #expect(gap.competency == "C1")
        #expect(gap.need == "C1")
        #expect(gap.statement == "Explains what the test looks for and what it cannot find.")
        // The video is the first resource to repeat one from another provider; the workshop is the first
        // provider's again.
        #expect(gap.resource == "genetic-testing-explained")
        #expect(gap.step == nil && gap.pathway == nil && gap.staffGroup == nil)
        #expect(
            gap.message
                == "'C1' is fully developed by 3 resources from 2 providers, to the same level and for a shared audience: 'explaining-tests' (Test provider, level advanced), 'explaining-tests-workshop' (test provider, level advanced), 'genetic-testing-explained' (Second provider, level advanced)"
        )
        #expect(gap.suggestedAction.hasPrefix("Agree with the providers which of these to keep and maintain for 'C1'"))
        // Its reach is the steps that need the competency.
        #expect(gap.subpathways == ["small/1"])
        #expect(gap.reach == GapReach(steps: 1, subpathways: 1, projects: 1, patientsPerYear: 120))
    }

    @Test("it is upkeep of the catalogue, not a development need of a staff group")
    func notAnEducationNeed() throws {
        #expect(GapClass.duplicateResource.defaultSeverity == .note)
        #expect(!GapClass.duplicateResource.isEducationNeed)
        #expect(GapClass.allCases.last == .duplicateResource)
        let projects = try ["duplicate-resource", "none"].map { try AnalysisGapClassTests.project($0) }
        let report = GapReport(analysing: projects, asOf: Self.asOf)
        #expect(report.gaps.map(\.gapClass) == [.duplicateResource])
        #expect(report.needs().isEmpty)
        #expect(report.sharedNeeds().isEmpty)
    }

    @Test(
        "resources that do not repeat the first",
        arguments: [
            (
                "same provider, other case",
                EducationResource(id: "b", provider: "p", develops: [.init(competency: "CON-1", level: "C")])
            ),
            (
                "partial",
                EducationResource(
                    id: "b", provider: "Q", develops: [.init(competency: "CON-1", level: "C", isPartial: true)])
            ),
            (
                "placeholder",
                EducationResource(
                    id: "b", title: "Refer to local protocols", provider: "Q",
                    develops: [.init(competency: "CON-1", level: "C")])
            ),
            (
                "another level",
                EducationResource(id: "b", provider: "Q", develops: [.init(competency: "CON-1", level: "B")])
            ),
            ("no level", EducationResource(id: "b", provider: "Q", develops: [.init(competency: "CON-1")])),
            (
                "another audience",
                EducationResource(
                    id: "b", provider: "Q", develops: [.init(competency: "CON-1", level: "C")], audience: ["nurse"])
            ),
            ("no provider", EducationResource(id: "b", develops: [.init(competency: "CON-1", level: "C")])),
        ])
    func notRepeating(_ name: String, second: EducationResource) {
        #expect(Self.gaps([Self.first, second]).isEmpty, "\(name)")
    }

    @Test("competencies no step needs are not checked")
    func unneeded() {
        let resources = ["P", "Q"].map { provider in
            EducationResource(id: ResourceID(provider), provider: provider, develops: [.init(competency: "CON-9")])
        }
        #expect(Self.gaps(resources).isEmpty)
    }

    @Test(
        "resources that repeat the first",
        arguments: [
            (
                "written for anyone",
                EducationResource(id: "b", provider: "Q", develops: [.init(competency: "CON-1", level: "C")])
            ),
            (
                "a shared group",
                EducationResource(
                    id: "b", provider: "Q", develops: [.init(competency: "CON-1", level: "C")],
                    audience: ["nurse", "gp"])
            ),
        ])
    func repeating(_ name: String, second: EducationResource) throws {
        let gaps = Self.gaps([Self.first, second])
        #expect(gaps.map(\.resource) == ["b"], "\(name)")
        // Steps a and b need CON-1 (b twice, through RES-1): two steps one after the other, which the same 50
        // patients pass through (counted once).
        #expect(gaps.first?.reach == GapReach(steps: 2, subpathways: 1, projects: 1, patientsPerYear: 50))
    }

    @Test("competencies pool across equivalences; only resources sharing an audience with another provider are listed")
    func poolingAndListing() throws {
        let gaps = Self.gaps([
            EducationResource(id: "a", provider: "P", develops: [.init(competency: "CON-1")], audience: ["nurse"]),
            EducationResource(id: "b", provider: "Q", develops: [.init(competency: "CON-1")], audience: ["gp"]),
            EducationResource(id: "c", provider: "Q", develops: [.init(competency: "RES-1")], audience: ["nurse"]),
        ])
        #expect(gaps.count == 1)
        let gap = try #require(gaps.first)
        // CON-1 and RES-1 are one competency, pooled under the least id.
        #expect(gap.competency == "CON-1")
        #expect(gap.resource == "c")
        #expect(
            gap.message
                == "'CON-1' is fully developed by 2 resources from 2 providers, to the same level and for a shared audience: 'a' (P), 'c' (Q)"
        )
    }
}
