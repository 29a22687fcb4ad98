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

    /// Builds a report from analysed projects.
    ///
    /// - Complexity: O(G log G) for G gaps, plus the size of the framework tables.
    public init(projects: [ProjectAnalysis], strategy: DecompositionStrategy, asOf: AsOfDate?) {
        self.asOf = asOf
        self.strategy = strategy
        self.projects = projects
        var gaps: [Gap] = []
        gaps.reserveCapacity(
            projects.reduce(0) { total, analysis in
                analysis.pathways.reduce(total + analysis.workforceGaps.count) { $0 + $1.gaps.count }
            })
        for (number, analysis) in projects.enumerated() {
            for pathway in analysis.pathways {
                for var gap in pathway.gaps {
                    gap.origin.project = Int32(number)
                    gaps.append(gap)
                }
            }
            for var gap in analysis.workforceGaps {
                gap.origin.project = Int32(number)
                gaps.append(gap)
            }
        }
        Self.fillReach(&gaps)
        Self.sortByPriority(&gaps)
        self.gaps = gaps
        var names: [StaffGroupID: String] = [:]
        for project in projects {
            for group in project.project.staffGroups where names[group.id] == nil { names[group.id] = group.name }
        }
        self.names = names
    }

    /// Staff group names from every project (the first project to name a group wins).
    let names: [StaffGroupID: String]

    /// Development needs per staff group, groups in id order (steps with no group last), each group's
    /// competencies highest priority first (built on demand).
    ///
    /// - Complexity: O(G) expected, plus sorting.
    public func needs() -> [StaffGroupNeeds] { Self.needs(gaps, names: names) }

    /// Needs that two or more projects share, widest first (built on demand).
    ///
    /// - Complexity: O(G) expected, plus sorting.
    public func sharedNeeds() -> [SharedNeed] { Self.sharedNeeds(gaps, names: names) }

    /// The framework table of every sub-pathway, in project, pathway and sub-pathway order (built on demand).
    ///
    /// - Complexity: O(total steps and requirements).
    public func frameworkTables() -> [FrameworkTable] {
        projects.flatMap { Self.frameworkTables($0, names: names) }
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

    /// What pools gaps into one need: the gaps one action closes share it.
    struct NeedKey: Hashable {
        var kind: UInt8
        var group: StaffGroupID?
        var competency: CompetencyID?
        var resource: ResourceID?
        var origin: GapOrigin
        var setting: String?
    }

    /// The gaps one action closes share a key: the same resource to find or write for the same group and
    /// competency (no-resource, level-shortfall and placeholder-resource pool together), the same framework to
    /// extend, the same competency to define, the same resource to review. Step-level gaps and workforce records
    /// stand alone.
    static func needKey(_ gap: Gap) -> NeedKey {
        let need = gap.need ?? gap.competency
        switch gap.gapClass {
        case .noResource, .levelShortfall, .placeholderResource:
            return NeedKey(kind: 0, group: gap.staffGroup, competency: need, origin: GapOrigin())
        case .roleOutsideFramework:
            return NeedKey(kind: 1, group: gap.staffGroup, competency: need, origin: GapOrigin())
        case .undefinedCompetency:
            return NeedKey(kind: 2, competency: need, origin: GapOrigin())
        case .staleResource:
            return NeedKey(kind: 3, resource: gap.resource, origin: GapOrigin())
        case .unstaffedStep:
            return NeedKey(kind: 4, origin: gap.origin)
        case .uncoveredStep:
            return NeedKey(kind: 5, origin: gap.origin)
        case .capacityGap, .trainingGap:
            return NeedKey(kind: 6, group: gap.staffGroup, origin: gap.origin, setting: gap.setting)
        }
    }

    /// The `kind` of a class's ``NeedKey``.
    static func poolingKind(_ gapClass: GapClass) -> UInt8 {
        switch gapClass {
        case .noResource, .levelShortfall, .placeholderResource: 0
        case .roleOutsideFramework: 1
        case .undefinedCompetency: 2
        case .staleResource: 3
        case .unstaffedStep: 4
        case .uncoveredStep: 5
        case .capacityGap, .trainingGap: 6
        }
    }

    /// A sub-pathway of a pathway of a project, for counting.
    struct SubpathwayKey: Hashable {
        var project: Int32
        var pathway: Int32
        var id: String
    }

    /// Fills in each gap's reach: the distinct steps, sub-pathways and projects that share its need, the
    /// patients through those steps and the highest level needed. Workforce gaps keep the reach the analyzer gave.
    ///
    /// Gaps the analyzer made carry a project-local need number and sub-pathway numbers, so that ids are hashed
    /// once per distinct need rather than once per gap; other gaps are pooled by their ``NeedKey``.
    ///
    /// - Complexity: O(G) expected.
    static func fillReach(_ gaps: inout [Gap]) {
        // A need's gaps come in the order they were found (project, pathway, step), and all of one step's gaps
        // together, so a new step or project is one that differs from the last seen.
        struct Tally {
            var lastStep = GapOrigin()
            var steps = 0
            var subpathways = 0
            var lastProject: Int32 = -1
            var projects = 0
            var patients: Double?
            var levelRank: Double?
            /// The ids of the need's first gap, to check that gaps sharing a local need number share the need.
            var kind: UInt8
            var group: StaffGroupID?
            var need: CompetencyID?
            var resource: ResourceID?
        }
        /// A sub-pathway of a pathway of a project counted for a tally.
        struct Mark: Hashable {
            var tally: Int32
            var project: Int32
            var pathway: Int32
            var subpathway: Int32
        }
        var tallyOfKey: [NeedKey: Int] = [:]
        var tallies: [Tally] = []
        var keyOfGap = [Int](repeating: -1, count: gaps.count)
        // The tally of each (project, local need number).
        var tallyOfLocal: [[Int]] = []
        var marks: Set<Mark> = []
        marks.reserveCapacity(gaps.count)
        // Numbers for the sub-pathways of gaps made without them (negative, apart from the analyzer's).
        var numberOfSubpathway: [SubpathwayKey: Int32] = [:]

        gaps.withUnsafeBufferPointer { gaps in
            for index in gaps.indices where !gaps[index].gapClass.isWorkforce {
                let storage = gaps[index].storage
                let origin = gaps[index].origin
                let kind = poolingKind(gaps[index].gapClass)
                let need = storage.need ?? storage.competency
                var slot = -1
                let project = Int(origin.project)
                let local = Int(gaps[index].localNeed)
                if local >= 0, project >= 0 {
                    if project >= tallyOfLocal.count {
                        tallyOfLocal += Array(repeating: [], count: project + 1 - tallyOfLocal.count)
                    }
                    if local < tallyOfLocal[project].count, tallyOfLocal[project][local] >= 0 {
                        // Gaps that share every id a key may hold share the key.
                        let tally = tallies[tallyOfLocal[project][local]]
                        if kind <= 3, tally.kind == kind, tally.group == storage.staffGroup, tally.need == need,
                            tally.resource == storage.resource
                        {
                            slot = tallyOfLocal[project][local]
                        }
                    }
                }
                if slot < 0 {
                    let key = needKey(gaps[index])
                    if let known = tallyOfKey[key] {
                        slot = known
                    } else {
                        slot = tallies.count
                        tallyOfKey[key] = slot
                        tallies.append(
                            Tally(kind: kind, group: storage.staffGroup, need: need, resource: storage.resource))
                    }
                    if local >= 0, project >= 0 {
                        let missing = local + 1 - tallyOfLocal[project].count
                        if missing > 0 { tallyOfLocal[project] += Array(repeating: -1, count: missing) }
                        tallyOfLocal[project][local] = slot
                    }
                }
                keyOfGap[index] = slot
                // A step always lies in the same sub-pathways, so only a new step can add any.
                if tallies[slot].lastStep != origin || tallies[slot].steps == 0 {
                    tallies[slot].lastStep = origin
                    tallies[slot].steps += 1
                    if let patients = storage.site.patientsPerYear {
                        tallies[slot].patients = (tallies[slot].patients ?? 0) + patients
                    }
                    func count(_ number: Int32) {
                        let mark = Mark(
                            tally: Int32(slot), project: origin.project, pathway: origin.pathway, subpathway: number)
                        if marks.insert(mark).inserted { tallies[slot].subpathways += 1 }
                    }
                    if let numbers = storage.site.subpathwayNumbers {
                        for number in numbers { count(number) }
                    } else {
                        for id in storage.site.subpathways {
                            let key = SubpathwayKey(project: origin.project, pathway: origin.pathway, id: id)
                            let number = numberOfSubpathway[key] ?? -Int32(numberOfSubpathway.count) - 1
                            numberOfSubpathway[key] = number
                            count(number)
                        }
                    }
                }
                if tallies[slot].lastProject != origin.project {
                    tallies[slot].lastProject = origin.project
                    tallies[slot].projects += 1
                }
                if let rank = gaps[index].reach.levelRank {
                    tallies[slot].levelRank = max(tallies[slot].levelRank ?? 0, rank)
                }
            }
        }
        for index in gaps.indices where keyOfGap[index] >= 0 {
            let tally = tallies[keyOfGap[index]]
            gaps[index].reach = GapReach(
                steps: tally.steps, subpathways: tally.subpathways, projects: tally.projects,
                patientsPerYear: tally.patients, levelRank: tally.levelRank)
        }
    }

    /// The priority rule (also in the README): severity; then the number of projects the need reaches; then the
    /// patients per year through the steps it reaches; then the number of those steps; then of sub-pathways; then
    /// the level needed (higher first); then class order. Ties keep the order the gaps were found in (projects as
    /// given, pathways as the manifest lists them, steps in file order, a step's requirements and staff groups
    /// in the order written), so the order never depends on anything but the input.
    public static func priorityOrder(_ lhs: Gap, _ rhs: Gap) -> Bool {
        PriorityKey(lhs, index: 0) < PriorityKey(rhs, index: 0)
    }

    /// The sort key of the priority rule, small enough to sort quickly.
    struct PriorityKey: Comparable {
        var severity: Int8
        var projects: Int32
        var patients: Double
        var steps: Int32
        var subpathways: Int32
        var levelRank: Double
        var gapClass: Int8
        var index: Int32

        init(_ gap: Gap, index: Int) {
            severity = gap.severity == .error ? 2 : gap.severity == .warning ? 1 : 0
            projects = Int32(gap.reach.projects)
            patients = gap.reach.patientsPerYear ?? -1
            steps = Int32(gap.reach.steps)
            subpathways = Int32(gap.reach.subpathways)
            levelRank = gap.reach.levelRank ?? -1
            gapClass = Int8(gap.gapClass.order)
            self.index = Int32(index)
        }

        /// Higher first for every measure; class order and found order ascending.
        static func < (lhs: Self, rhs: Self) -> Bool {
            if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
            if lhs.projects != rhs.projects { return lhs.projects > rhs.projects }
            if lhs.patients != rhs.patients { return lhs.patients > rhs.patients }
            if lhs.steps != rhs.steps { return lhs.steps > rhs.steps }
            if lhs.subpathways != rhs.subpathways { return lhs.subpathways > rhs.subpathways }
            if lhs.levelRank != rhs.levelRank { return lhs.levelRank > rhs.levelRank }
            if lhs.gapClass != rhs.gapClass { return lhs.gapClass < rhs.gapClass }
            return lhs.index < rhs.index
        }
    }

    /// Puts gaps in priority order in place.
    ///
    /// Sorts small keys, then moves each gap to its place by following the permutation's cycles with swaps, so
    /// no gap is copied (a copy would touch its shared storage).
    ///
    /// - Complexity: O(G log G).
    static func sortByPriority(_ gaps: inout [Gap]) {
        var keys = gaps.withUnsafeBufferPointer { gaps in gaps.indices.map { PriorityKey(gaps[$0], index: $0) } }
        keys.sort()
        // Position i must receive the gap now at keys[i].index.
        var source = keys.map { Int($0.index) }
        // Swapping through the buffer moves the gaps' bits; `Array.swapAt` would copy (retain and release) them.
        gaps.withUnsafeMutableBufferPointer { gaps in
            for start in source.indices where source[start] != start {
                var position = start
                while source[position] != start {
                    let next = source[position]
                    gaps.swapAt(position, next)
                    source[position] = position
                    position = next
                }
                source[position] = position
            }
        }
    }

    // MARK: Summary

    /// The number of gaps of a class.
    public func count(of gapClass: GapClass) -> Int { gaps.count { $0.gapClass == gapClass } }

    /// The number of gaps of a severity.
    public func count(of severity: Severity) -> Int { gaps.count { $0.severity == severity } }

    /// Totals over all projects: pathways, steps, sub-pathways.
    public var totals: (pathways: Int, steps: Int, subpathways: Int) {
        var pathways = 0
        var steps = 0
        var subpathways = 0
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
