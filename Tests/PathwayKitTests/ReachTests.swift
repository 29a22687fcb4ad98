import PathwayKit
import TestSupport
import Testing

/// Checks the report's reach and priority order against a plain recount over ids: the report pools gaps by dense
/// numbers the analyzer hands out, and this recount uses none of them.
@Suite("Reach and priority order agree with a recount over ids")
struct ReachTests {
    /// The ids one action pools, as the README's priority rule states them; `nil` for workforce gaps, which keep
    /// the reach the analyzer gave them.
    static func poolingKey(_ gap: Gap) -> [String]? {
        let need = (gap.need ?? gap.competency)?.rawValue ?? ""
        let group = gap.staffGroup?.rawValue ?? ""
        switch gap.gapClass {
        case .noResource, .levelShortfall, .placeholderResource, .inHand: return ["resource", group, need]
        case .roleOutsideFramework: return ["framework", group, need]
        case .undefinedCompetency: return ["undefined", need]
        case .staleResource: return ["stale", gap.resource?.rawValue ?? ""]
        case .duplicateResource, .duplicateDevelopment: return ["duplicate", need]
        case .unstaffedStep, .uncoveredStep:
            return [gap.gapClass.rawValue, gap.project, gap.pathway?.rawValue ?? "", gap.step?.rawValue ?? ""]
        case .capacityGap, .trainingGap: return nil
        }
    }

    /// The reach of every gap, counted from ids: distinct steps, sub-pathways and projects of its need, the sum of
    /// the patients through those steps (an upper bound of the patients reached, see ``check(_:)``), and the
    /// highest level needed. A duplicate-resource gap is at no step: it names the
    /// sub-pathways and patients of the steps in its project that need its competency, and the analyzer counts
    /// those steps, so the first such gap of each project adds its project's.
    static func recount(_ gaps: [Gap]) -> [GapReach] {
        var steps: [[String]: Set<[String]>] = [:]
        var subpathways: [[String]: Set<[String]>] = [:]
        var projects: [[String]: Set<String>] = [:]
        var patients: [[String]: Double] = [:]
        var levels: [[String]: Double] = [:]
        var stepsAtNoStep: [[String]: Int] = [:]
        for gap in gaps {
            guard let key = poolingKey(gap) else { continue }
            let isNewProject = projects[key, default: []].insert(gap.project).inserted
            if gap.gapClass == .duplicateResource {
                guard isNewProject else { continue }
                stepsAtNoStep[key, default: 0] += gap.reach.steps
                if let volume = gap.patientsPerYear { patients[key, default: 0] += volume }
            } else {
                let step = [gap.project, gap.pathway?.rawValue ?? "", gap.step?.rawValue ?? ""]
                if steps[key, default: []].insert(step).inserted, let volume = gap.patientsPerYear {
                    patients[key, default: 0] += volume
                }
            }
            for id in gap.subpathways {
                subpathways[key, default: []].insert([gap.project, gap.pathway?.rawValue ?? "", id])
            }
            if let rank = gap.reach.levelRank { levels[key] = max(levels[key] ?? 0, rank) }
        }
        return gaps.map { gap in
            guard let key = poolingKey(gap) else { return gap.reach }
            return GapReach(
                steps: stepsAtNoStep[key] ?? steps[key]?.count ?? 0, subpathways: subpathways[key]?.count ?? 0,
                projects: projects[key]?.count ?? 0, patientsPerYear: patients[key], levelRank: levels[key])
        }
    }

    /// What tells two gaps apart in a report.
    static func signature(_ gap: Gap) -> String {
        [
            gap.gapClass.rawValue, gap.project, gap.pathway?.rawValue ?? "", gap.step?.rawValue ?? "",
            gap.staffGroup?.rawValue ?? "", gap.competency?.rawValue ?? "", gap.resource?.rawValue ?? "",
            gap.setting ?? "", gap.location.map { "\($0)" } ?? "",
        ].joined(separator: "|")
    }

    /// Checks a report built from analyses against the recount and a plain sort of the gaps in found order.
    static func check(_ analyses: [ProjectAnalysis]) {
        let found = analyses.flatMap(\.gaps)
        let report = GapReport(projects: analyses, strategy: .chains, asOf: AsOfDate("2026-11-25"))
        // Patients are bounded below, not recounted: the order takes the report's.
        let reported = Dictionary(
            report.gaps.map { (signature($0), $0.reach) }, uniquingKeysWith: { first, _ in first })
        let summed = Dictionary(
            zip(found, recount(found)).map { (signature($0), $1) }, uniquingKeysWith: { first, _ in first })
        var expected = zip(found, recount(found)).map { gap, reach in
            var gap = gap
            var reach = reach
            reach.patientsPerYear = reported[signature(gap)]?.patientsPerYear
            reach.patientsEstimated = reported[signature(gap)]?.patientsEstimated ?? false
            gap.reach = reach
            return gap
        }
        // A stable sort by the priority rule keeps found order between equals.
        expected = expected.enumerated().sorted { lhs, rhs in
            if GapReport.priorityOrder(lhs.element, rhs.element) { return true }
            if GapReport.priorityOrder(rhs.element, lhs.element) { return false }
            return lhs.offset < rhs.offset
        }.map(\.element)
        #expect(report.gaps.count == expected.count)
        #expect(report.gaps.map(signature) == expected.map(signature))
        #expect(report.gaps.map { Self.counts($0.reach) } == expected.map { Self.counts($0.reach) })
        // Patients are counted once: never more than the sum over the steps, nor than enter the projects reached,
        // and never fewer than pass through the busiest of the steps.
        let entering = Dictionary(
            analyses.map { ($0.project.manifest.id, $0.pathways.compactMap(\.flow).reduce(0) { $0 + $1.entering }) },
            uniquingKeysWith: +)
        var busiest: [[String]: Double] = [:]
        var projects: [[String]: Set<String>] = [:]
        for gap in report.gaps {
            guard let key = poolingKey(gap) else { continue }
            projects[key, default: []].insert(gap.project)
            if let volume = gap.patientsPerYear, gap.gapClass != .duplicateResource {
                busiest[key] = max(busiest[key] ?? 0, volume)
            }
        }
        for gap in report.gaps {
            guard let key = poolingKey(gap), let reached = gap.reach.patientsPerYear else { continue }
            let recounted = summed[Self.signature(gap)]
            let limit = (projects[key] ?? []).reduce(0) { $0 + (entering[$1] ?? 0) }
            #expect(reached <= limit + 1e-6, "\(Self.signature(gap)): \(reached) > \(limit) entering")
            #expect(reached <= (recounted?.patientsPerYear ?? .infinity) + 1e-6, "\(Self.signature(gap))")
            #expect(reached >= min(busiest[key] ?? 0, limit) - 1e-6, "\(Self.signature(gap))")
        }
    }

    /// A reach without its patients, which ``check(_:)`` bounds rather than recounts.
    static func counts(_ reach: GapReach) -> String {
        "\(reach.steps) \(reach.subpathways) \(reach.projects) \(reach.levelRank ?? -1)"
    }

    static func analyses(_ folders: [String], strategy: DecompositionStrategy = .chains) throws -> [ProjectAnalysis] {
        try folders.map { folder in
            let project = try ProjectLoader().loadProject(at: Fixtures.path(folder)).project
            return GapAnalyzer().analysis(of: project, strategy: strategy, asOf: AsOfDate("2026-11-25"))
        }
    }

    @Test("each bundled project alone", arguments: ProjectFolders.bundled)
    func alone(_ name: String) throws {
        Self.check(try Self.analyses(["projects/\(name)"]))
    }

    @Test(
        "all bundled projects together, under every strategy that partitions or nests",
        arguments: [
            DecompositionStrategy.chains, .stages, .structure,
        ])
    func together(_ strategy: DecompositionStrategy) throws {
        Self.check(try Self.analyses(ProjectFolders.bundled.map { "projects/\($0)" }, strategy: strategy))
    }

    @Test("gaps made by hand pool with the analyzer's by their ids")
    func handMade() throws {
        var analyses = try Self.analyses(["projects/dpyd", "projects/lynch-syndrome"])
        // A copy of each of the first project's first pathway's gaps, made through the public initialiser (no
        // dense numbers) and put in the second project.
        let pathway = analyses[0].pathways[0]
        let project = analyses[1].project.manifest.id
        let copies = pathway.gaps.map { gap in
            Gap(
                gap.gapClass, project: project, pathway: gap.pathway, subpathways: gap.subpathways,
                step: gap.step, stepLabel: gap.stepLabel, staffGroup: gap.staffGroup, setting: gap.setting,
                competency: gap.competency, requiredLevel: gap.requiredLevel, framework: gap.framework,
                statement: gap.statement, need: gap.need, resource: gap.resource, message: gap.message,
                suggestedAction: gap.suggestedAction, location: gap.location, patientsPerYear: gap.patientsPerYear,
                candidates: gap.candidates)
        }
        #expect(!copies.isEmpty)
        analyses[1].pathways[0].gaps += copies
        Self.check(analyses)
        Self.check([analyses[1]])
    }

    @Test("gaps made by hand at the analyzer's steps, in the same project and out of order, count each step once")
    func handMadeAtAnalyzerSteps() throws {
        var analyses = try Self.analyses(["projects/dpyd"])
        // Copies of the pathway's gaps through the public initialiser, in reverse order, after the originals.
        let copies = analyses[0].pathways[0].gaps.reversed().map { gap in
            Gap(
                gap.gapClass, project: gap.project, pathway: gap.pathway, subpathways: gap.subpathways,
                step: gap.step, stepLabel: gap.stepLabel, staffGroup: gap.staffGroup, setting: gap.setting,
                competency: gap.competency, requiredLevel: gap.requiredLevel, framework: gap.framework,
                statement: gap.statement, need: gap.need, resource: gap.resource, message: gap.message,
                suggestedAction: gap.suggestedAction, location: gap.location, patientsPerYear: gap.patientsPerYear,
                candidates: gap.candidates)
        }
        let alone = GapReport(projects: analyses, strategy: .chains, asOf: AsOfDate("2026-11-25"))
        analyses[0].pathways[0].gaps += copies
        Self.check(analyses)
        // The copies add no step, sub-pathway or patient to any need.
        let doubled = GapReport(projects: analyses, strategy: .chains, asOf: AsOfDate("2026-11-25"))
        func reaches(_ report: GapReport) -> Set<String> {
            Set(report.gaps.map { "\(Self.signature($0)) \($0.reach)" })
        }
        #expect(reaches(doubled) == reaches(alone))
    }

    @Test("a gap made by hand and given again after another step's keeps its step's number")
    func repeatedHandMadeGap() throws {
        var analyses = try Self.analyses(["gaps/none"])
        #expect(analyses[0].gaps.isEmpty)
        func gap(_ gapClass: GapClass, step: StepID, competency: CompetencyID?) -> Gap {
            Gap(
                gapClass, project: "gaps-none", pathway: "small", subpathways: ["small/1"], step: step,
                staffGroup: "counsellor", competency: competency, message: "m", suggestedAction: "a", location: nil,
                patientsPerYear: 120)
        }
        let repeated = gap(.noResource, step: "explain", competency: "C1")
        // The second and third are one value (one site object); the third must not count as a step of its own.
        analyses[0].pathways[0].gaps = [
            repeated, gap(.unstaffedStep, step: "referred", competency: nil), repeated, repeated,
        ]
        Self.check(analyses)
        let report = GapReport(projects: analyses, strategy: .chains, asOf: nil)
        #expect(report.gaps.first { $0.gapClass == .noResource }?.reach.steps == 1)
    }

    @Test("duplicate-resource gaps made by hand pool with the analyzer's by competency, once per project")
    func handMadeDuplicates() throws {
        var analyses = try Self.analyses(["projects/familial-hypercholesterolaemia", "projects/lynch-syndrome"])
        let project = analyses[1].project.manifest.id
        let copies = analyses[0].resourceGaps.map { gap in
            var copy = Gap(
                gap.gapClass, project: project, subpathways: gap.subpathways, competency: gap.competency,
                framework: gap.framework, statement: gap.statement, need: gap.need, resource: gap.resource,
                message: gap.message, suggestedAction: gap.suggestedAction, location: gap.location,
                patientsPerYear: gap.patientsPerYear)
            copy.reach = gap.reach
            return copy
        }
        // FH-S2-B and FHX-03 repeat needs the second project has; FH-S2-A is new to it.
        #expect(copies.compactMap(\.need) == ["FH-S2-A", "FH-S2-B", "FHX-03"])
        #expect(analyses[1].resourceGaps.compactMap(\.need) == ["FHX-03", "FH-S2-B"])
        analyses[1].resourceGaps += copies
        Self.check(analyses)
        Self.check([analyses[1]])
    }
}
