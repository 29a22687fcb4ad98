/// A place a need was found: a step of a pathway of a project, by its ids and, where the analyzer found it, by
/// typed indices into the report (``StepPlace``).
public struct StepReference: Hashable, Sendable, Comparable {
    public var project: String
    public var pathway: PathwayID
    public var step: StepID
    /// The step's indices in the report's analyses; `nil` for a step named only by its ids.
    public var place: StepPlace?

    public init(project: String, pathway: PathwayID, step: StepID, place: StepPlace? = nil) {
        self.project = project
        self.pathway = pathway
        self.step = step
        self.place = place
    }

    /// References are equal when they name the same step by its ids (the place follows from them).
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.project == rhs.project && lhs.pathway == rhs.pathway && lhs.step == rhs.step
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(project)
        hasher.combine(pathway)
        hasher.combine(step)
    }

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
    /// The expected number of patients a year who pass through at least one of the steps (see ``PatientFlow``).
    public var patientsPerYear: Double?
    /// Whether ``patientsPerYear`` rests on a split of patients assumed where a step gives no shares.
    public var patientsEstimated: Bool = false
    /// Resources that go part of the way.
    public var candidates: [CandidateResource]
    /// The priority (1 is first) of the highest-priority gap behind the need.
    public var priority: Int
    /// The need's score and its parts (``NeedScore``); needs are listed by it.
    public var score = NeedScore(patients: 1, severity: 1, sharing: 1, cost: 1)
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
    /// The expected number of patients a year who pass through at least one of the steps (see ``PatientFlow``).
    public var patientsPerYear: Double?
    /// Whether ``patientsPerYear`` rests on a split of patients assumed where a step gives no shares.
    public var patientsEstimated: Bool = false
    public var candidates: [CandidateResource]
}

extension GapReport {
    /// Development needs per staff group (see ``needs()``), and the actions that close them (see ``actions()``).
    ///
    /// Gaps are read once, in priority order, each added to the tally of its need; the steps and sub-pathways of
    /// each need are then counted need by need. The needs of several groups for one competency at one level make
    /// one action, whose patients are counted once over the union of their steps.
    ///
    /// - Parameter byID: Whether to count sub-pathways by id (see ``NeedTally/pooled(number:marks:byID:counter:)``).
    /// - Complexity: O(G) expected, plus sorting each need's steps, plus one patient count per action of several
    ///   groups.
    static func developmentNeeds(
        _ gaps: [Gap], names: [StaffGroupID: String], byID: Bool, counter: inout PatientCounter
    ) -> (needs: [StaffGroupNeeds], actions: [DevelopmentAction]) {
        struct TallyKey: Hashable {
            var group: String
            var need: CompetencyID
        }
        var tallies: [NeedTally] = []
        var tallyOfKey: [TallyKey: Int] = [:]
        var workforce: [String: [Gap]] = [:]
        // A need's gaps often come together (they share a reach), so the last tally is tried first.
        var last = -1
        var lastKey = TallyKey(group: "", need: "")
        for index in gaps.indices {
            let gapClass = gaps[index].gapClass
            let storage = gaps[index].storage
            let group = storage.staffGroup?.rawValue ?? ""
            if gapClass.isWorkforce {
                workforce[group, default: []].append(gaps[index])
                continue
            }
            guard gapClass.isEducationNeed, let need = storage.subject.need else { continue }
            if last < 0 || lastKey.need != need || lastKey.group != group {
                lastKey = TallyKey(group: group, need: need)
                if let known = tallyOfKey[lastKey] {
                    last = known
                } else {
                    last = tallies.count
                    tallyOfKey[lastKey] = last
                    tallies.append(NeedTally(group: group, need: need, priority: index + 1))
                }
            }
            tallies[last].add(gaps[index])
        }
        // Each group's needs in the order first met, which is priority order.
        var talliesOfGroup: [String: [Int]] = [:]
        for (index, tally) in tallies.enumerated() { talliesOfGroup[tally.group, default: []].append(index) }
        let keys = Set(talliesOfGroup.keys).union(workforce.keys).sorted { lhs, rhs in
            lhs.isEmpty != rhs.isEmpty ? !lhs.isEmpty : lhs < rhs
        }
        var marks = NeedMarks()
        var groupsOfCompetency: [CompetencyID: Int] = [:]
        for tally in tallies { groupsOfCompetency[tally.need, default: 0] += 1 }
        var pooled: [PooledNeed?] = Array(repeating: nil, count: tallies.count)
        // The tallies in the order their groups are listed, for pooling actions.
        var listed: [Int] = []
        for key in keys {
            for number in talliesOfGroup[key] ?? [] {
                listed.append(number)
                pooled[number] = tallies[number].pooled(
                    number: Int32(number), marks: &marks, byID: byID, counter: &counter)
            }
        }
        // Every need's patients, counted together.
        let reached = counter.patients(throughEach: listed.map { pooled[$0]?.onFlow ?? [] })
        for (number, reached) in zip(listed, reached) {
            guard var entry = pooled[number] else { continue }
            entry.count(reached)
            entry.need.score = NeedScore(entry.need, groupsSharing: groupsOfCompetency[entry.need.competency] ?? 1)
            pooled[number] = entry
        }
        let needs = keys.map { key in
            let group = key.isEmpty ? nil : StaffGroupID(key)
            var competencies = (talliesOfGroup[key] ?? []).compactMap { pooled[$0]?.need }
            // Listed by score, highest first; ties in priority order.
            competencies.sort { lhs, rhs in
                lhs.score.value != rhs.score.value ? lhs.score.value > rhs.score.value : lhs.priority < rhs.priority
            }
            return StaffGroupNeeds(
                staffGroup: group, name: group.map { names[$0] ?? $0.rawValue } ?? Self.noGroupName,
                competencies: competencies, workforce: workforce[key] ?? [])
        }
        let actions = Self.actions(
            listed.compactMap { pooled[$0] }, names: names, groupsOfCompetency: groupsOfCompetency,
            counter: &counter)
        return (needs, actions)
    }

    /// The name shown for steps that name no staff group.
    static let noGroupName = "(no staff group named)"

    /// The actions closing pooled needs: one per competency, level and kind, naming every group, highest score
    /// first (ties in priority order).
    ///
    /// - Parameter pooled: The needs in the order their groups are listed.
    /// - Complexity: O(N log N) for N needs, plus the patient counts of the actions of several groups, swept
    ///   together.
    static func actions(
        _ pooled: [PooledNeed], names: [StaffGroupID: String], groupsOfCompetency: [CompetencyID: Int],
        counter: inout PatientCounter
    ) -> [DevelopmentAction] {
        struct ActionKey: Hashable {
            var competency: CompetencyID
            var level: String?
            var kind: DevelopmentAction.Kind
        }
        var members: [[Int]] = []
        var actionOfKey: [ActionKey: Int] = [:]
        for (index, entry) in pooled.enumerated() {
            let key = ActionKey(
                competency: entry.need.competency, level: entry.need.requiredLevel, kind: Self.kind(of: entry.need))
            if let known = actionOfKey[key] {
                members[known].append(index)
            } else {
                actionOfKey[key] = members.count
                members.append([index])
            }
        }
        // The patients of each action of several groups, counted once over all their steps, together.
        let several = members.filter { $0.count > 1 }
        var reachedOfSeveral = counter.patients(throughEach: several.map { $0.flatMap { pooled[$0].onFlow } })[...]
        var actions = members.map { indices -> DevelopmentAction in
            let first = pooled[indices[0]].need
            let groups = indices.map { index in
                let entry = pooled[index]
                let group = entry.group.isEmpty ? nil : StaffGroupID(entry.group)
                return DevelopmentAction.Group(
                    staffGroup: group, name: group.map { names[$0] ?? $0.rawValue } ?? Self.noGroupName,
                    need: entry.need)
            }
            var patients = first.patientsPerYear
            var estimated = first.patientsEstimated
            if indices.count > 1, let reached = reachedOfSeveral.popFirst() {
                let byHand = indices.compactMap { pooled[$0].byHand }.max()
                patients = reached.patients == nil && byHand == nil ? nil : (reached.patients ?? 0) + (byHand ?? 0)
                estimated = reached.estimated || indices.contains { pooled[$0].byHandEstimated }
            }
            let needs = groups.map(\.need)
            var classBits = 0
            for need in needs {
                for gapClass in need.classes { classBits |= 1 << gapClass.order }
            }
            let classes = GapClass.allCases.filter { classBits & 1 << $0.order != 0 }
            let projects = Set(needs.flatMap(\.projects)).sorted()
            let candidates = CandidateResource.best(needs.flatMap(\.candidates))
            return DevelopmentAction(
                kind: Self.kind(of: first), competency: first.competency,
                writtenAs: Set(needs.flatMap(\.writtenAs)).sorted(),
                statement: needs.lazy.compactMap(\.statement).first,
                framework: needs.lazy.compactMap(\.framework).first, requiredLevel: first.requiredLevel, groups: groups,
                classes: classes, steps: Set(needs.flatMap(\.steps)).sorted(), projects: projects,
                patientsPerYear: patients, patientsEstimated: estimated, candidates: candidates,
                priority: needs.map(\.priority).min() ?? first.priority,
                score: NeedScore(
                    patients: patients, classes: classes, projects: projects.count,
                    groupsSharing: groupsOfCompetency[first.competency] ?? 1, hasCandidates: !candidates.isEmpty))
        }
        actions.sort { lhs, rhs in
            lhs.score.value != rhs.score.value ? lhs.score.value > rhs.score.value : lhs.priority < rhs.priority
        }
        return actions
    }

    /// What closes a need: extending a framework when that is all its gaps ask, education otherwise.
    static func kind(of need: CompetencyNeed) -> DevelopmentAction.Kind {
        need.classes == [.roleOutsideFramework] ? .extendFramework : .educate
    }

    /// A need as pooled, with what its patients were counted from, so that actions can count them again over
    /// several groups.
    struct PooledNeed {
        /// The staff group's id (`""` for none).
        var group: String
        var need: CompetencyNeed
        /// The analyzer steps of the need on a flow.
        var onFlow: [GapOrigin]
        /// The largest figure among steps of gaps made by hand, not on a flow.
        var byHand: Double?
        var byHandEstimated: Bool

        /// Sets the need's patients from the count of its steps on a flow (``PatientCounter``) and those by hand.
        mutating func count(_ reached: (patients: Double?, estimated: Bool)) {
            need.patientsPerYear =
                reached.patients == nil && byHand == nil ? nil : (reached.patients ?? 0) + (byHand ?? 0)
            need.patientsEstimated = byHandEstimated || reached.estimated
        }
    }

    /// For counting the steps and sub-pathways of the analyzer's gaps need by need without hashing: for each step
    /// and sub-pathway of every pathway, the number of the last need that counted it.
    struct NeedMarks {
        /// Marks of steps by node, and of sub-pathways by number (``Gap/Site/subpathwayNumbers``), at
        /// `[project][pathway]`, grown as needs name them.
        private var steps: [[[Int32]]] = []
        private var subpathways: [[[Int32]]] = []

        /// Whether a gap was found at a step by the analyzer (and so can be marked), not made by hand.
        static func isMarked(_ origin: GapOrigin) -> Bool {
            origin.project >= 0 && origin.pathway >= 0 && origin.node >= 0
        }

        /// Marks an analyzer step (``isMarked(_:)``) for a need.
        ///
        /// - Returns: Whether the need had not marked it yet.
        mutating func markStep(_ origin: GapOrigin, need: Int32) -> Bool {
            Self.mark(&steps, origin, Int(origin.node), need: need)
        }

        /// Marks a sub-pathway (by number) of an analyzer step (``isMarked(_:)``) for a need.
        ///
        /// - Returns: Whether the need had not marked it yet.
        mutating func markSubpathway(_ number: Int32, of origin: GapOrigin, need: Int32) -> Bool {
            Self.mark(&subpathways, origin, Int(number), need: need)
        }

        private static func mark(_ marks: inout [[[Int32]]], _ origin: GapOrigin, _ index: Int, need: Int32) -> Bool {
            let project = Int(origin.project)
            let pathway = Int(origin.pathway)
            if project >= marks.count { marks += repeatElement([], count: project + 1 - marks.count) }
            if pathway >= marks[project].count {
                marks[project] += repeatElement([], count: pathway + 1 - marks[project].count)
            }
            let count = marks[project][pathway].count
            if index >= count {
                marks[project][pathway] += repeatElement(-1, count: max(index + 1, 2 * count) - count)
            }
            defer { marks[project][pathway][index] = need }
            return marks[project][pathway][index] != need
        }
    }

    /// One competency need of one staff group (`""` for none) as its gaps are added, in priority order.
    struct NeedTally {
        var group: String
        var need: CompetencyID
        /// The priority of the first gap.
        var priority: Int
        /// Where each gap was found, in order, for counting steps and sub-pathways once all are in.
        private var sites: [(origin: GapOrigin, site: Gap.Site)] = []
        /// Whether some gap names sub-pathways without the analyzer's numbers for them (a gap made by hand).
        private var hasUnnumbered = false
        private var writtenAs: Set<CompetencyID> = []
        private var classBits = 0
        private var projects: Set<String> = []
        private var lastProject: String?
        private var statement: String?
        private var framework: FrameworkID?
        private var candidates: [ResourceID: CandidateResource] = [:]
        // Candidate lists are shared between gaps; a list pooled once need not be pooled again. Lists are known by
        // the project that made them and the analyzer's number (``CandidateList``).
        private var pooledLists: Set<PooledList> = []
        private var lastList = PooledList(project: -1, list: .unnumbered)
        private var level: (rank: Double, level: String)?

        /// A candidate list of one project's analysis.
        struct PooledList: Hashable {
            var project: Int32
            var list: CandidateList
        }

        init(group: String, need: CompetencyID, priority: Int) {
            self.group = group
            self.need = need
            self.priority = priority
        }

        /// Adds the next gap of the need.
        mutating func add(_ gap: borrowing Gap) {
            let storage = gap.storage
            let site = storage.site
            let subject = storage.subject
            sites.append((gap.origin, site))
            if site.subpathwayNumbers == nil, !site.subpathways.isEmpty { hasUnnumbered = true }
            if let competency = subject.competency, competency != need { writtenAs.insert(competency) }
            classBits |= 1 << gap.gapClass.order
            if site.project != lastProject {
                projects.insert(site.project)
                lastProject = site.project
            }
            if statement == nil { statement = subject.statement }
            if framework == nil { framework = subject.framework }
            let list = PooledList(project: gap.origin.project, list: storage.candidateList)
            let isNumbered = list.project >= 0 && list.list != .unnumbered
            if !isNumbered || (list != lastList && pooledLists.insert(list).inserted) {
                if isNumbered { lastList = list }
                for candidate in storage.candidates {
                    if let known = candidates[candidate.resource], !(candidate < known) { continue }
                    candidates[candidate.resource] = candidate
                }
            }
            // The highest level needed: the greatest rank fraction, ties broken by text.
            if let required = subject.requiredLevel {
                let rank = gap.reach.levelRank ?? -1
                if level.map({ ($0.rank, $0.level) < (rank, required) }) ?? true { level = (rank, required) }
            }
        }

        /// The need, pooled: its steps and sub-pathways counted once each (its patients are counted afterwards, with
        /// every other need's: ``PooledNeed/count(_:)``).
        ///
        /// Sub-pathways are told apart by project, pathway id and sub-pathway id. Where every gap carries the
        /// analyzer's numbers for them and `byID` is false (no project names two pathways alike), numbers tell them
        /// apart just as well, and are marked instead of hashed.
        ///
        /// - Parameters:
        ///   - number: The need's number, distinct from every other need's, for `marks`.
        ///   - marks: Marks of the steps and sub-pathways counted, shared by all needs.
        ///   - byID: Whether to count sub-pathways by id whatever the gaps carry.
        func pooled(number: Int32, marks: inout NeedMarks, byID: Bool, counter: inout PatientCounter)
            -> PooledNeed
        {
            // Steps of the analyzer's gaps are counted with marks; those of gaps made by hand (whose origin names
            // no step, so that the two never meet) in a set.
            let byID = byID || hasUnnumbered
            var seen: Set<GapOrigin> = []
            var named: Set<SubpathwayKey> = []
            var subpathways = 0
            var steps: [StepReference] = []
            var onFlow: [GapOrigin] = []
            var byHand: Double?
            var estimated = false
            for (origin, site) in sites {
                let isMarked = NeedMarks.isMarked(origin)
                guard isMarked ? marks.markStep(origin, need: number) : seen.insert(origin).inserted else { continue }
                if let pathway = site.pathway, let step = site.step {
                    steps.append(
                        StepReference(
                            project: site.project, pathway: pathway, step: step,
                            place: isMarked ? StepPlace(origin) : nil))
                }
                if isMarked, site.subpathwayNumbers != nil {
                    onFlow.append(origin)
                } else if let found = counter.locate(project: origin.project, pathway: site.pathway, step: site.step) {
                    onFlow.append(found)
                } else if let volume = site.patientsPerYear {
                    byHand = max(byHand ?? 0, volume)
                    estimated = estimated || site.patientsEstimated
                }
                if !byID, isMarked, let numbers = site.subpathwayNumbers {
                    for subpathway in numbers where marks.markSubpathway(subpathway, of: origin, need: number) {
                        subpathways += 1
                    }
                } else {
                    for id in site.subpathways
                    where named.insert(SubpathwayKey(project: origin.project, pathway: site.pathway, id: id)).inserted {
                        subpathways += 1
                    }
                }
            }
            // Patients are counted later, for all needs together (``PooledNeed/count(_:)``).
            let need = CompetencyNeed(
                competency: self.need, writtenAs: writtenAs.sorted(), statement: statement, framework: framework,
                requiredLevel: level?.level, classes: GapClass.allCases.filter { classBits & 1 << $0.order != 0 },
                steps: steps.sorted(), subpathways: subpathways, projects: projects.sorted(),
                patientsPerYear: nil, patientsEstimated: false, candidates: candidates.values.sorted(),
                priority: priority)
            return PooledNeed(group: group, need: need, onFlow: onFlow, byHand: byHand, byHandEstimated: estimated)
        }
    }

    /// Candidates from several gaps: one per resource, the best match.
    static func mergedCandidates(_ candidates: [CandidateResource]) -> [CandidateResource] {
        CandidateResource.best(candidates)
    }

    static func sharedNeeds(_ gaps: [Gap], names: [StaffGroupID: String], counter: inout PatientCounter)
        -> [SharedNeed]
    {
        // No need is shared when every education need comes from one project.
        let isPooled = { (gap: Gap) in gap.gapClass.isEducationNeed && gap.need != nil }
        guard let project = gaps.first(where: isPooled)?.project,
            gaps.contains(where: { isPooled($0) && $0.project != project })
        else { return [] }
        var pools: [CompetencyID: [Gap]] = [:]
        for gap in gaps where gap.gapClass.isEducationNeed {
            if let need = gap.need { pools[need, default: []].append(gap) }
        }
        let shared = pools.compactMap { need, gaps -> SharedNeed? in
            let projects = Set(gaps.map(\.project)).sorted()
            guard projects.count > 1 else { return nil }
            var steps: Set<GapOrigin> = []
            var onFlow: [GapOrigin] = []
            var byHand: Double?
            var estimated = false
            for gap in gaps where steps.insert(gap.origin).inserted {
                if NeedMarks.isMarked(gap.origin), gap.storage.site.subpathwayNumbers != nil {
                    onFlow.append(gap.origin)
                } else if let found = counter.locate(project: gap.origin.project, pathway: gap.pathway, step: gap.step)
                {
                    onFlow.append(found)
                } else if let volume = gap.patientsPerYear {
                    byHand = max(byHand ?? 0, volume)
                    estimated = estimated || gap.patientsEstimated
                }
            }
            let reached = counter.patients(through: &onFlow)
            let patients = reached.patients == nil && byHand == nil ? nil : (reached.patients ?? 0) + (byHand ?? 0)
            let groups = Set(gaps.map { gap in gap.staffGroup.map { names[$0] ?? $0.rawValue } ?? Self.noGroupName })
            return SharedNeed(
                competency: need, statement: gaps.compactMap(\.statement).first, projects: projects,
                staffGroups: groups.sorted(), classes: Set(gaps.map(\.gapClass)).sorted(), steps: steps.count,
                patientsPerYear: patients, patientsEstimated: estimated || reached.estimated,
                candidates: mergedCandidates(gaps.flatMap(\.candidates)))
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
