/// The gaps of one or more projects, in priority order, with the development needs per staff group, the needs
/// several projects share, and the framework table of every sub-pathway.
///
/// Everything in a report is ordered by stable keys, so the same input always gives the same report.
public struct GapReport: Sendable {
    /// The versioned name of the JSON schema (documented in the README, "Gap reports").
    public static let schema = "pathgap-report/1"

    public var asOf: AsOfDate?
    public var strategy: DecompositionStrategy
    /// The analyses, in the order the projects were given.
    public var projects: [ProjectAnalysis]
    /// Every gap, highest priority first (see ``priorityOrder(_:_:)``), with ``Gap/reach`` filled in.
    public var gaps: [Gap]
    /// Development needs per staff group, groups in id order (steps with no group last).
    public var needs: [StaffGroupNeeds]
    /// Needs that two or more projects share, widest first.
    public var sharedNeeds: [SharedNeed]
    /// The framework table of every sub-pathway, in project, pathway and sub-pathway order.
    public var frameworkTables: [FrameworkTable]

    /// Builds a report from analysed projects.
    ///
    /// - Complexity: O(G log G) for G gaps, plus the size of the framework tables.
    public init(projects: [ProjectAnalysis], strategy: DecompositionStrategy, asOf: AsOfDate?) {
        self.asOf = asOf
        self.strategy = strategy
        self.projects = projects
        var gaps = projects.flatMap(\.gaps)
        Self.fillReach(&gaps)
        gaps.sort(by: Self.priorityOrder)
        self.gaps = gaps
        var names: [StaffGroupID: String] = [:]
        for project in projects {
            for group in project.project.staffGroups where names[group.id] == nil { names[group.id] = group.name }
        }
        needs = Self.needs(gaps, names: names)
        sharedNeeds = Self.sharedNeeds(gaps, names: names)
        frameworkTables = projects.flatMap { Self.frameworkTables($0, names: names) }
    }

    /// Analyses projects and builds their report.
    ///
    /// - Parameters:
    ///   - projects: The loaded projects.
    ///   - analyzer: The analyzer to use.
    ///   - strategy: How pathways are divided into sub-pathways.
    ///   - asOf: The date review dates are checked against.
    public init(
        analysing projects: [Project], with analyzer: GapAnalyzer = GapAnalyzer(),
        strategy: DecompositionStrategy = .chains, asOf: AsOfDate? = nil
    ) {
        self.init(
            projects: projects.map { analyzer.analysis(of: $0, strategy: strategy, asOf: asOf) }, strategy: strategy,
            asOf: asOf)
    }

    // MARK: Priority

    /// The gaps one action closes share a key: the same resource to find or write for the same group and
    /// competency (no-resource, level-shortfall and placeholder-resource pool together), the same framework to
    /// extend, the same competency to define, the same resource to review. Step-level gaps and workforce records stand alone.
    static func needKey(_ gap: Gap) -> String {
        let group = gap.staffGroup?.rawValue ?? ""
        let need = gap.need?.rawValue ?? gap.competency?.rawValue ?? ""
        switch gap.gapClass {
        case .noResource, .levelShortfall, .placeholderResource:
            // One resource, written at the level needed, closes all three.
            return "resource\u{1}\(group)\u{1}\(need)"
        case .roleOutsideFramework:
            return "\(gap.gapClass.rawValue)\u{1}\(group)\u{1}\(need)"
        case .undefinedCompetency:
            return "\(gap.gapClass.rawValue)\u{1}\(need)"
        case .staleResource:
            return "\(gap.gapClass.rawValue)\u{1}\(gap.resource?.rawValue ?? "")"
        case .unstaffedStep, .uncoveredStep:
            return "\(gap.gapClass.rawValue)\u{1}\(gap.project)\u{1}\(gap.pathway?.rawValue ?? "")\u{1}\(gap.step?.rawValue ?? "")"
        case .capacityGap, .trainingGap:
            return "\(gap.gapClass.rawValue)\u{1}\(gap.project)\u{1}\(group)\u{1}\(gap.setting ?? "")\u{1}\(gap.location?.description ?? "")"
        }
    }

    /// Fills in each gap's reach: the distinct steps, sub-pathways and projects that share its need, the
    /// patients through those steps and the highest level needed.
    static func fillReach(_ gaps: inout [Gap]) {
        struct Tally {
            var steps: Set<String> = []
            var subpathways: Set<String> = []
            var projects: Set<String> = []
            var patients: Double?
            var levelRank: Double?
        }
        var tallies: [String: Tally] = [:]
        for gap in gaps where !gap.gapClass.isWorkforce {
            let key = needKey(gap)
            var tally = tallies[key] ?? Tally()
            let stepKey = "\(gap.project)\u{1}\(gap.pathway?.rawValue ?? "")\u{1}\(gap.step?.rawValue ?? "")"
            if tally.steps.insert(stepKey).inserted, let patients = gap.patientsPerYear {
                tally.patients = (tally.patients ?? 0) + patients
            }
            for id in gap.subpathways { tally.subpathways.insert("\(gap.project)\u{1}\(id)") }
            tally.projects.insert(gap.project)
            if let rank = gap.reach.levelRank { tally.levelRank = max(tally.levelRank ?? 0, rank) }
            tallies[key] = tally
        }
        for index in gaps.indices where !gaps[index].gapClass.isWorkforce {
            guard let tally = tallies[needKey(gaps[index])] else { continue }
            gaps[index].reach = GapReach(
                steps: tally.steps.count, subpathways: tally.subpathways.count, projects: tally.projects.count,
                patientsPerYear: tally.patients, levelRank: tally.levelRank)
        }
    }

    /// The priority rule (also in the README): severity; then the number of projects the need reaches; then the
    /// patients per year through the steps it reaches; then the number of those steps; then of sub-pathways; then
    /// the level needed (higher first); then class order; then project, pathway, source location, step, staff group,
    /// competency, resource and message, so that ties always break the same way.
    public static func priorityOrder(_ lhs: Gap, _ rhs: Gap) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        if lhs.reach.projects != rhs.reach.projects { return lhs.reach.projects > rhs.reach.projects }
        let lp = lhs.reach.patientsPerYear ?? -1, rp = rhs.reach.patientsPerYear ?? -1
        if lp != rp { return lp > rp }
        if lhs.reach.steps != rhs.reach.steps { return lhs.reach.steps > rhs.reach.steps }
        if lhs.reach.subpathways != rhs.reach.subpathways { return lhs.reach.subpathways > rhs.reach.subpathways }
        let ll = lhs.reach.levelRank ?? -1, rl = rhs.reach.levelRank ?? -1
        if ll != rl { return ll > rl }
        if lhs.gapClass != rhs.gapClass { return lhs.gapClass < rhs.gapClass }
        if lhs.project != rhs.project { return lhs.project < rhs.project }
        if lhs.pathway != rhs.pathway { return (lhs.pathway?.rawValue ?? "") < (rhs.pathway?.rawValue ?? "") }
        let l = lhs.location ?? SourceLocation(file: ""), r = rhs.location ?? SourceLocation(file: "")
        if l != r { return l < r }
        let lk = [lhs.step?.rawValue, lhs.staffGroup?.rawValue, lhs.competency?.rawValue, lhs.resource?.rawValue, lhs.message]
        let rk = [rhs.step?.rawValue, rhs.staffGroup?.rawValue, rhs.competency?.rawValue, rhs.resource?.rawValue, rhs.message]
        for (a, b) in zip(lk, rk) where a != b { return (a ?? "") < (b ?? "") }
        return false
    }

    // MARK: Summary

    /// The number of gaps of a class.
    public func count(of gapClass: GapClass) -> Int { gaps.count { $0.gapClass == gapClass } }

    /// The number of gaps of a severity.
    public func count(of severity: Severity) -> Int { gaps.count { $0.severity == severity } }

    /// Totals over all projects: pathways, steps, sub-pathways.
    public var totals: (pathways: Int, steps: Int, subpathways: Int) {
        var pathways = 0, steps = 0, subpathways = 0
        for project in projects {
            pathways += project.pathways.count
            for pathway in project.pathways {
                steps += pathway.steps.count
                subpathways += pathway.decomposition.subpathways.count
            }
        }
        return (pathways, steps, subpathways)
    }

    /// The most severe gap at each step of a pathway, for colouring flowcharts.
    public func worstSeverity(project: String, pathway: PathwayID) -> [StepID: Severity] {
        var result: [StepID: Severity] = [:]
        for analysis in projects where analysis.project.manifest.id == project {
            for candidate in analysis.pathways where candidate.pathway.id == pathway {
                for step in candidate.steps {
                    if let severity = step.worstSeverity { result[step.step.id] = severity }
                }
            }
        }
        return result
    }
}
