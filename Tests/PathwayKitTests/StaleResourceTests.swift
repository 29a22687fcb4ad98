import PathwayKit
import TestSupport
import Testing

/// stale-resource: a resource's next review date is before the as-of date, or, with no next review date, it was last
/// reviewed more than ``GapAnalyzer/reviewIntervalMonths`` months before.
@Suite struct StaleResourceTests {
    static let asOf = AsOfDate("2026-11-25")

    /// A project whose one step needs CON-1 from GPs, and one resource that develops it for anyone.
    static func gaps(lastReviewed: String?, due: String?, analyzer: GapAnalyzer = GapAnalyzer()) -> [Gap] {
        let project = AnalysisCrossReferenceTests.project(
            steps: [Step(id: "a", staffGroups: ["gp"], competencies: [CompetencyRequirement(competency: "CON-1")])],
            frameworks: [AnalysisCrossReferenceTests.consent],
            resources: [
                EducationResource(
                    id: "r", title: "Consent basics", provider: "P", develops: [ResourceCoverage(competency: "CON-1")],
                    lastReviewed: lastReviewed, nextReviewDue: due)
            ])
        return analyzer.gaps(in: project, asOf: asOf)
    }

    @Test("with no next review date, a resource last reviewed over 24 months before is stale, at the requirement")
    func lastReviewedTooLongAgo() throws {
        let fixture = "stale-resource-last-reviewed"
        let gaps = GapAnalyzer().gaps(in: try AnalysisGapClassTests.project(fixture), asOf: Self.asOf)
        #expect(gaps.map(\.gapClass) == [.staleResource])
        let gap = try #require(gaps.first)
        let marker = try AnalysisGapClassTests.marker(in: fixture)
        let location = try #require(gap.location)
        #expect(location.file.hasSuffix("/\(marker.file)"))
        #expect(location.line == marker.line)
        #expect(gap.resource == "explaining-tests")
        #expect(gap.staffGroup == "counsellor")
        #expect(
            gap.message
                == "resource 'explaining-tests' (Explaining genomic tests) for 'C1' was last reviewed on 2023-08-02, more than 24 months before 2026-11-25"
        )
        #expect(
            gap.suggestedAction
                == "Ask Test provider to review 'Explaining genomic tests', or find a current resource for 'C1'.")
        #expect(gap.candidates.map(\.reasons) == [[.stale]])
    }

    @Test("a resource last reviewed within the interval is not stale")
    func recentlyReviewed() throws {
        let project = try AnalysisGapClassTests.project("none-recently-reviewed")
        #expect(GapAnalyzer().gaps(in: project, asOf: Self.asOf).isEmpty)
        // Last reviewed 2025-01-01: due 2027-01-01 under the default, 2026-01-01 under 12 months.
        #expect(
            GapAnalyzer(reviewIntervalMonths: 12).gaps(in: project, asOf: Self.asOf).map(\.gapClass) == [.staleResource]
        )
    }

    @Test("the interval runs to the same day N months later; the resource is stale from the day after")
    func boundary() throws {
        let project = try AnalysisGapClassTests.project("stale-resource-last-reviewed")
        // Last reviewed 2023-08-02.
        #expect(GapAnalyzer().gaps(in: project, asOf: AsOfDate("2025-08-02")).isEmpty)
        #expect(GapAnalyzer().gaps(in: project, asOf: AsOfDate("2025-08-03")).map(\.gapClass) == [.staleResource])
        #expect(GapAnalyzer(reviewIntervalMonths: 40).gaps(in: project, asOf: Self.asOf).isEmpty)
        let twelve = GapAnalyzer(reviewIntervalMonths: 12).gaps(in: project, asOf: AsOfDate("2024-08-03"))
        #expect(twelve.map(\.message).first?.hasSuffix("more than 12 months before 2024-08-03") == true)
        #expect(GapAnalyzer().gaps(in: project).isEmpty, "without an as-of date, review dates are not checked")
    }

    @Test("the day is clamped to the end of a shorter month")
    func monthEnd() {
        // 2024-02-29 plus 24 months is 2026-02-28.
        let analyzer = GapAnalyzer()
        let project = AnalysisCrossReferenceTests.project(
            steps: [Step(id: "a", staffGroups: ["gp"], competencies: [CompetencyRequirement(competency: "CON-1")])],
            frameworks: [AnalysisCrossReferenceTests.consent],
            resources: [
                EducationResource(
                    id: "r", develops: [ResourceCoverage(competency: "CON-1")], lastReviewed: "2024-02-29")
            ])
        #expect(analyzer.gaps(in: project, asOf: AsOfDate("2026-02-28")).isEmpty)
        #expect(analyzer.gaps(in: project, asOf: AsOfDate("2026-03-01")).map(\.gapClass) == [.staleResource])
    }

    @Test("a next review date, when given, decides alone")
    func dueDateDecides() {
        // Reviewed long ago but not yet due: not stale.
        #expect(Self.gaps(lastReviewed: "2010-01-01", due: "2030-01-01").isEmpty)
        // Reviewed recently but overdue: stale by its due date.
        #expect(
            Self.gaps(lastReviewed: "2026-01-01", due: "2026-06-01").map(\.message) == [
                "resource 'r' (Consent basics) for 'CON-1' was due for review on 2026-06-01, before 2026-11-25"
            ])
        #expect(Self.gaps(lastReviewed: nil, due: nil).isEmpty)
        #expect(
            Self.gaps(lastReviewed: "2020-07-01", due: nil).map(\.message) == [
                "resource 'r' (Consent basics) for 'CON-1' was last reviewed on 2020-07-01, more than 24 months before 2026-11-25"
            ])
    }
}
