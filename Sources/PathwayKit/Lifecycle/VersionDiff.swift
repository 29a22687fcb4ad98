/// The differences between two versions of the same pathways (two pathway files) or of one project (two project
/// folders): each pathway's structural changes and, for projects, the development needs opened and closed and the
/// needs whose reach changed, as the gap report counts them.
public struct VersionDiff: Sendable {
    /// A development need as the gap report pools it: a staff group's competency, with its reach.
    public struct Need: Hashable, Sendable {
        /// The staff group (absent for steps with no staff group).
        public var staffGroup: StaffGroupID?
        public var competency: CompetencyID
        public var statement: String?
        /// The gap classes behind the need.
        public var classes: [GapClass]
        /// Steps reached, as `pathway/step`.
        public var steps: [String]
        public var patientsPerYear: Double?

        /// The key needs are matched by across versions.
        public var key: String { "\(staffGroup?.rawValue ?? "")|\(competency.rawValue)" }
    }

    /// A need present in both versions whose reach changed.
    public struct ReachChange: Hashable, Sendable {
        public var old: Need
        public var new: Need
    }

    /// The diff of each pathway present in both versions, in the new version's order.
    public var pathways: [PathwayDiff]
    /// Pathways only in the new version.
    public var addedPathwayIndexes: [PathwayIndex]
    /// Pathways only in the old version.
    public var removedPathwayIndexes: [PathwayIndex]
    /// Pathways only in the new version, as values (made from the indexes when asked for).
    public var addedPathways: [Pathway] {
        get { addedPathwayIndexes.map { $0.pathway() } }
        set { addedPathwayIndexes = newValue.map(PathwayIndex.init) }
    }
    /// Pathways only in the old version, as values (made from the indexes when asked for).
    public var removedPathways: [Pathway] {
        get { removedPathwayIndexes.map { $0.pathway() } }
        set { removedPathwayIndexes = newValue.map(PathwayIndex.init) }
    }
    /// Whether the versions are projects (so that needs were compared).
    public var comparesProjects: Bool = false
    public var openedNeeds: [Need] = []
    public var closedNeeds: [Need] = []
    public var changedNeeds: [ReachChange] = []
    /// Needs present in both versions (as the new version has them).
    public var sharedNeeds: [Need] = []

    /// Compares two versions of a set of pathways given as values: a convenience that indexes each
    /// (``init(old:new:)-([PathwayIndex],[PathwayIndex])``).
    public init(old: [Pathway], new: [Pathway]) {
        self.init(old: old.map(PathwayIndex.init), new: new.map(PathwayIndex.init))
    }

    /// Compares two versions of a set of pathways, matching pathways by id (a single pathway on each side is
    /// matched whatever its id).
    ///
    /// - Complexity: O(V + E) over both versions, plus the cost of finding renames (see ``PathwayDiff``).
    public init(old: [PathwayIndex], new: [PathwayIndex]) {
        if old.count == 1, new.count == 1 {
            pathways = [PathwayDiff(old: old[0], new: new[0])]
            addedPathwayIndexes = []
            removedPathwayIndexes = []
            return
        }
        let oldByID = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.map(\.id))
        pathways = new.compactMap { pathway in oldByID[pathway.id].map { PathwayDiff(old: $0, new: pathway) } }
        addedPathwayIndexes = new.filter { oldByID[$0.id] == nil }
        removedPathwayIndexes = old.filter { !newIDs.contains($0.id) }
    }

    /// Compares two versions of a project: its pathways, and the development needs of its gap report.
    ///
    /// - Parameters:
    ///   - old: The old version.
    ///   - new: The new version.
    ///   - strategy: How pathways are divided into sub-pathways for the gap reports.
    ///   - asOf: The date review dates are checked against.
    public init(old: Project, new: Project, strategy: DecompositionStrategy = .chains, asOf: AsOfDate? = nil) {
        self.init(old: old.graphs.map(\.index), new: new.graphs.map(\.index))
        comparesProjects = true
        let before = Self.needs(of: old, strategy: strategy, asOf: asOf)
        let after = Self.needs(of: new, strategy: strategy, asOf: asOf)
        let beforeByKey = Dictionary(before.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let afterKeys = Set(after.map(\.key))
        for need in after {
            guard let old = beforeByKey[need.key] else {
                openedNeeds.append(need)
                continue
            }
            sharedNeeds.append(need)
            if old.steps != need.steps || old.patientsPerYear != need.patientsPerYear || old.classes != need.classes {
                changedNeeds.append(ReachChange(old: old, new: need))
            }
        }
        closedNeeds = before.filter { !afterKeys.contains($0.key) }
    }

    /// A project's development needs, from its gap report, in the report's order.
    static func needs(of project: Project, strategy: DecompositionStrategy, asOf: AsOfDate?) -> [Need] {
        let report = GapReport(analysing: [project], strategy: strategy, asOf: asOf)
        return report.needs().flatMap { group in
            group.competencies.map { need in
                Need(
                    staffGroup: group.staffGroup, competency: need.competency, statement: need.statement,
                    classes: need.classes, steps: need.steps.map { "\($0.pathway)/\($0.step)" }.sorted(),
                    patientsPerYear: need.patientsPerYear)
            }
        }
    }

    /// Whether nothing differs.
    public var isEmpty: Bool {
        pathways.allSatisfy(\.isEmpty) && addedPathways.isEmpty && removedPathways.isEmpty && openedNeeds.isEmpty
            && closedNeeds.isEmpty && changedNeeds.isEmpty
    }
}
