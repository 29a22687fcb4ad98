/// A place a need was found: a step of a pathway of a project.
public struct StepReference: Hashable, Sendable, Comparable {
    public var project: String
    public var pathway: PathwayID
    public var step: StepID

    public init(project: String, pathway: PathwayID, step: StepID) {
        self.project = project
        self.pathway = pathway
        self.step = step
    }

    /// `project/pathway/step`.
    public var label: String { "\(project)/\(pathway)/\(step)" }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.project, lhs.pathway, lhs.step) < (rhs.project, rhs.pathway, rhs.step)
    }
}

/// One competency a staff group needs to develop, pooled over every step, sub-pathway and project that needs it.
public struct CompetencyNeed: Hashable, Sendable {
    /// The pooled competency id (the least of it and its equivalents).
    public var competency: CompetencyID
    /// The ids the steps wrote, where they differ from the pooled one.
    public var writtenAs: [CompetencyID]
    public var statement: String?
    public var framework: FrameworkID?
    /// The highest level any step needs (by rank in the framework), where given.
    public var requiredLevel: String?
    /// The gap classes behind the need.
    public var classes: [GapClass]
    public var steps: [StepReference]
    public var subpathways: Int
    public var projects: [String]
    /// Patients per year through the steps, summed.
    public var patientsPerYear: Double?
    /// Resources that go part of the way.
    public var candidates: [CandidateResource]
    /// The priority (1 is first) of the highest-priority gap behind the need.
    public var priority: Int
}

/// The development needs of one staff group: the list an education lead acts on.
public struct StaffGroupNeeds: Hashable, Sendable {
    /// `nil` for steps that name no staff group.
    public var staffGroup: StaffGroupID?
    public var name: String
    /// Competencies to develop, highest priority first.
    public var competencies: [CompetencyNeed]
    /// Capacity and training gaps of the group, in priority order.
    public var workforce: [Gap]
}

/// A need that several projects share, so that one resource can serve them all.
public struct SharedNeed: Hashable, Sendable {
    public var competency: CompetencyID
    public var statement: String?
    public var projects: [String]
    public var staffGroups: [String]
    public var classes: [GapClass]
    public var steps: Int
    public var patientsPerYear: Double?
    public var candidates: [CandidateResource]
}

extension GapReport {
    static func needs(_ gaps: [Gap], names: [StaffGroupID: String]) -> [StaffGroupNeeds] {
        var byGroup: [String: [(priority: Int, gap: Gap)]] = [:]
        var workforce: [String: [Gap]] = [:]
        for (index, gap) in gaps.enumerated() {
            let key = gap.staffGroup?.rawValue ?? ""
            if gap.gapClass.isWorkforce {
                workforce[key, default: []].append(gap)
            } else if gap.gapClass.isEducationNeed, gap.need != nil {
                byGroup[key, default: []].append((index + 1, gap))
            }
        }
        let keys = Set(byGroup.keys).union(workforce.keys).sorted { lhs, rhs in
            lhs.isEmpty != rhs.isEmpty ? !lhs.isEmpty : lhs < rhs
        }
        return keys.map { key in
            let group = key.isEmpty ? nil : StaffGroupID(key)
            return StaffGroupNeeds(
                staffGroup: group, name: group.map { names[$0] ?? $0.rawValue } ?? "(no staff group named)",
                competencies: pooled(byGroup[key] ?? []), workforce: workforce[key] ?? [])
        }
    }

    /// Pools gaps (already in priority order) by competency.
    ///
    /// - Complexity: O(G) expected, plus sorting each need's steps.
    static func pooled(_ entries: [(priority: Int, gap: Gap)]) -> [CompetencyNeed] {
        var order: [CompetencyID] = []
        var pools: [CompetencyID: [(priority: Int, gap: Gap)]] = [:]
        for entry in entries {
            guard let need = entry.gap.need else { continue }
            if pools[need] == nil { order.append(need) }
            pools[need, default: []].append(entry)
        }
        return order.map { need in
            let entries = pools[need] ?? []
            var seen: Set<GapOrigin> = []
            var subpathways: Set<SubpathwayKey> = []
            var steps: [StepReference] = []
            var patients: Double?
            var writtenAs: Set<CompetencyID> = []
            var classes: Set<GapClass> = []
            var projects: Set<String> = []
            var statement: String?
            var framework: FrameworkID?
            var candidates: [ResourceID: CandidateResource] = [:]
            for (_, gap) in entries {
                if seen.insert(gap.origin).inserted {
                    if let pathway = gap.pathway, let step = gap.step {
                        steps.append(StepReference(project: gap.project, pathway: pathway, step: step))
                    }
                    if let volume = gap.patientsPerYear { patients = (patients ?? 0) + volume }
                    for id in gap.subpathways {
                        subpathways.insert(
                            SubpathwayKey(project: gap.origin.project, pathway: gap.pathway, id: id))
                    }
                }
                if let competency = gap.competency, competency != need { writtenAs.insert(competency) }
                classes.insert(gap.gapClass)
                projects.insert(gap.project)
                statement = statement ?? gap.statement
                framework = framework ?? gap.framework
                for candidate in gap.candidates {
                    if let known = candidates[candidate.resource], !(candidate < known) { continue }
                    candidates[candidate.resource] = candidate
                }
            }
            return CompetencyNeed(
                competency: need, writtenAs: writtenAs.sorted(), statement: statement, framework: framework,
                requiredLevel: requiredLevel(of: entries.map(\.gap)), classes: classes.sorted(), steps: steps.sorted(),
                subpathways: subpathways.count, projects: projects.sorted(), patientsPerYear: patients,
                candidates: candidates.values.sorted(), priority: entries.first?.priority ?? 0)
        }
    }

    /// The highest level needed: the one whose rank fraction is greatest, ties broken by text.
    static func requiredLevel(of gaps: [Gap]) -> String? {
        var best: (rank: Double, level: String)?
        for gap in gaps {
            guard let level = gap.requiredLevel else { continue }
            let rank = gap.reach.levelRank ?? -1
            if let current = best, (current.rank, current.level) >= (rank, level) { continue }
            best = (rank, level)
        }
        return best?.level
    }

    /// Candidates from several gaps: one per resource, the best match.
    static func mergedCandidates(_ candidates: [CandidateResource]) -> [CandidateResource] {
        CandidateResource.best(candidates)
    }

    static func sharedNeeds(_ gaps: [Gap], names: [StaffGroupID: String]) -> [SharedNeed] {
        var pools: [CompetencyID: [Gap]] = [:]
        for gap in gaps where gap.gapClass.isEducationNeed {
            if let need = gap.need { pools[need, default: []].append(gap) }
        }
        let shared = pools.compactMap { need, gaps -> SharedNeed? in
            let projects = Set(gaps.map(\.project)).sorted()
            guard projects.count > 1 else { return nil }
            var steps: Set<GapOrigin> = []
            var patients: Double?
            for gap in gaps where steps.insert(gap.origin).inserted {
                if let volume = gap.patientsPerYear { patients = (patients ?? 0) + volume }
            }
            let groups = Set(
                gaps.map { gap in gap.staffGroup.map { names[$0] ?? $0.rawValue } ?? "(no staff group named)" })
            return SharedNeed(
                competency: need, statement: gaps.compactMap(\.statement).first, projects: projects,
                staffGroups: groups.sorted(), classes: Set(gaps.map(\.gapClass)).sorted(), steps: steps.count,
                patientsPerYear: patients, candidates: mergedCandidates(gaps.flatMap(\.candidates)))
        }
        return shared.sorted { lhs, rhs in
            if lhs.projects.count != rhs.projects.count { return lhs.projects.count > rhs.projects.count }
            let lp = lhs.patientsPerYear ?? -1
            let rp = rhs.patientsPerYear ?? -1
            if lp != rp { return lp > rp }
            if lhs.steps != rhs.steps { return lhs.steps > rhs.steps }
            return lhs.competency < rhs.competency
        }
    }
}
