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
                analysis.pathways.reduce(total + analysis.resourceGaps.count + analysis.workforceGaps.count) {
                    $0 + $1.gaps.count
                }
            })
        for (number, analysis) in projects.enumerated() {
            let first = gaps.count
            for pathway in analysis.pathways { gaps += pathway.gaps }
            gaps += analysis.resourceGaps
            gaps += analysis.workforceGaps
            gaps.withUnsafeMutableBufferPointer { gaps in
                for index in first..<gaps.count { gaps[index].origin.project = Int32(number) }
            }
        }
        var counter = PatientCounter(projects: projects)
        Self.rank(&gaps, counter: &counter)
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
    public func needs() -> [StaffGroupNeeds] {
        developmentNeeds().needs
    }

    /// The actions that close the development needs, highest score first (ties in priority order): one per
    /// competency, level and kind, naming every staff group it serves (built on demand). The first ten are the
    /// report's ten most important actions.
    ///
    /// - Complexity: O(G) expected, plus sorting, plus one patient count per action of several groups.
    public func actions() -> [DevelopmentAction] { developmentNeeds().actions }

    /// ``needs()`` and ``actions()``, built together.
    func developmentNeeds() -> (needs: [StaffGroupNeeds], actions: [DevelopmentAction]) {
        // Where a project names two pathways alike, their sub-pathways are told apart by id only.
        let byID = projects.contains { Set($0.pathways.map(\.graph.index.id)).count < $0.pathways.count }
        var counter = PatientCounter(projects: projects)
        return Self.developmentNeeds(gaps, names: names, byID: byID, counter: &counter)
    }

    /// Needs that two or more projects share, widest first (built on demand).
    ///
    /// - Complexity: O(G) expected, plus sorting.
    public func sharedNeeds() -> [SharedNeed] {
        var counter = PatientCounter(projects: projects)
        return Self.sharedNeeds(gaps, names: names, counter: &counter)
    }

    /// Analyses projects and builds their report. Projects developing resources for the same competencies see each
    /// other's (``Project/sharingDevelopment(_:)``), so that two projects developing for the same need are warned of
    /// (`duplicate-development`).
    ///
    /// - Parameters:
    ///   - projects: The loaded projects.
    ///   - analyzer: The analyzer to use.
    ///   - strategy: How pathways are divided into sub-pathways.
    ///   - asOf: The date review dates are checked against.
    public init(
        analysing projects: [Project], with analyzer: GapAnalyzer = GapAnalyzer(),
        strategy: DecompositionStrategy = .phases, asOf: AsOfDate? = nil
    ) {
        self.init(
            projects: Project.sharingDevelopment(projects).map {
                analyzer.analysis(of: $0, strategy: strategy, asOf: asOf)
            }, strategy: strategy, asOf: asOf)
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
        var pathway: PathwayID?
        var step: StepID?
    }

    /// The gaps one action closes share a key: the same resource to find or write for the same group and
    /// competency (no-resource, level-shortfall and placeholder-resource pool together), the same framework to
    /// extend, the same competency to define, the same resource to review, the same competency whose resources
    /// repeat one another. Step-level gaps and workforce records stand alone.
    static func needKey(_ gap: Gap) -> NeedKey {
        let need = gap.need ?? gap.competency
        switch gap.gapClass {
        case .noResource, .levelShortfall, .placeholderResource, .inHand:
            return NeedKey(kind: 0, group: gap.staffGroup, competency: need, origin: GapOrigin())
        case .roleOutsideFramework:
            return NeedKey(kind: 1, group: gap.staffGroup, competency: need, origin: GapOrigin())
        case .undefinedCompetency:
            return NeedKey(kind: 2, competency: need, origin: GapOrigin())
        case .staleResource:
            return NeedKey(kind: 3, resource: gap.resource, origin: GapOrigin())
        case .duplicateResource, .duplicateDevelopment:
            return NeedKey(kind: 4, competency: need, origin: GapOrigin())
        case .unstaffedStep:
            return NeedKey(kind: 5, origin: gap.origin, pathway: gap.pathway, step: gap.step)
        case .uncoveredStep:
            return NeedKey(kind: 6, origin: gap.origin, pathway: gap.pathway, step: gap.step)
        case .capacityGap, .trainingGap:
            return NeedKey(kind: 7, group: gap.staffGroup, origin: gap.origin, setting: gap.setting)
        }
    }

    /// The `kind` of a class's ``NeedKey``.
    static func poolingKind(_ gapClass: GapClass) -> UInt8 {
        switch gapClass {
        case .noResource, .levelShortfall, .placeholderResource, .inHand: 0
        case .roleOutsideFramework: 1
        case .undefinedCompetency: 2
        case .staleResource: 3
        case .duplicateResource, .duplicateDevelopment: duplicateKind
        case .unstaffedStep: 5
        case .uncoveredStep: 6
        case .capacityGap, .trainingGap: 7
        }
    }

    /// The kind of duplicate-resource gaps: at no step, each carrying the reach of its project.
    static let duplicateKind: UInt8 = 4
    /// Kinds up to this one pool gaps by ids across steps and projects; later kinds stand alone.
    static let lastPooledKind: UInt8 = 4

    /// A sub-pathway of a pathway of a project, for counting.
    struct SubpathwayKey: Hashable {
        var project: Int32
        var pathway: PathwayID?
        var id: String
    }

    /// Fills in each gap's reach and puts the gaps in priority order (see ``priorityOrder(_:_:)``).
    ///
    /// - Complexity: O(G log G) for G gaps; pooling is O(G) expected.
    static func rank(_ gaps: inout [Gap], counter: inout PatientCounter) {
        let slots = fillReach(&gaps, counter: &counter)
        sortByPriority(&gaps, slots: slots)
    }

    /// What one need adds up to while its gaps are pooled.
    struct Tally {
        /// The site (step) of the last gap counted, by number (see ``SiteTable``).
        var lastSite: Int32 = -1
        var steps = 0
        var subpathways = 0
        var lastProject: Int32 = -1
        var projects = 0
        var patients: Double?
        var patientsEstimated = false
        var levelRank: Double?
        /// The key of the need's first gap, to check that gaps sharing a local need number share the need.
        var key: NeedKey

        /// Whether a gap with these ids has the need's key (see ``needKey(_:)``: which ids count depends on the
        /// kind).
        func pools(kind: UInt8, group: StaffGroupID?, need: CompetencyID?, resource: ResourceID?) -> Bool {
            guard kind == key.kind else { return false }
            switch kind {
            case 0, 1: return group == key.group && need == key.competency
            case 2, duplicateKind: return need == key.competency
            case 3: return resource == key.resource
            default: return false
            }
        }
    }

    /// The sites (steps) of gaps in the order met, each with its patients per year and its sub-pathways as
    /// report-wide numbers.
    ///
    /// The analyzer shares one site between the gaps of a step and gives sub-pathways dense numbers within their
    /// pathway, so a site is numbered once and its sub-pathways without hashing ids. When some gaps were made by
    /// hand (``byID``), every site is numbered by its project, pathway and step ids and every sub-pathway by its
    /// id, so that a step named by both kinds of gap is one site.
    struct SiteTable {
        /// Whether sites and sub-pathways are numbered by id.
        let byID: Bool
        /// The sub-pathways of site `i` are `subpathways[start[i]..<start[i + 1]]`.
        var start: [Int] = [0]
        var subpathways: [Int32] = []
        var patients: [Double?] = []
        var estimated: [Bool] = []
        /// Where each site is (`node` -1 for a step named only by id, in a gap made by hand), and its ids.
        var origins: [GapOrigin] = []
        var ids: [(pathway: PathwayID?, step: StepID?)] = []
        /// The report-wide number of each analyzer sub-pathway, by (project, pathway) then number.
        var numbersOfPathway: [[Int32]] = []
        var pathwayIndex: [GapOrigin: Int] = [:]
        var numberOfID: [SubpathwayKey: Int32] = [:]
        var numberOfSite: [SiteKey: Int32] = [:]
        /// The number of sub-pathways numbered.
        var count: Int32 = 0

        /// A step by its ids.
        struct SiteKey: Hashable {
            var project: Int32
            var pathway: PathwayID?
            var step: StepID?
        }

        /// The site object of the last gap numbered, and its number (not always the newest: a step named again
        /// gets its earlier number).
        private var lastSite: ObjectIdentifier?
        private var lastNumber: Int32 = -1

        init(byID: Bool) { self.byID = byID }

        /// The number of the site of a gap.
        mutating func site(of gap: Gap) -> Int32 {
            let site = gap.storage.site
            if ObjectIdentifier(site) == lastSite { return lastNumber }
            lastSite = ObjectIdentifier(site)
            lastNumber = number(of: gap, site: site)
            return lastNumber
        }

        /// The number of a site the last gap did not have.
        private mutating func number(of gap: Gap, site: Gap.Site) -> Int32 {
            let project = gap.origin.project
            if let numbers = site.subpathwayNumbers, !byID {
                let key = GapOrigin(project: project, pathway: gap.origin.pathway)
                let index = pathwayIndex[key] ?? numbersOfPathway.count
                if index == numbersOfPathway.count {
                    pathwayIndex[key] = index
                    numbersOfPathway.append([])
                }
                for number in numbers {
                    let local = Int(number)
                    if local >= numbersOfPathway[index].count {
                        numbersOfPathway[index] += repeatElement(-1, count: local + 1 - numbersOfPathway[index].count)
                    }
                    if numbersOfPathway[index][local] < 0 {
                        numbersOfPathway[index][local] = count
                        count += 1
                    }
                    subpathways.append(numbersOfPathway[index][local])
                }
            } else {
                let key = SiteKey(project: project, pathway: site.pathway, step: site.step)
                if let known = numberOfSite[key] { return known }
                numberOfSite[key] = Int32(patients.count)
                for id in site.subpathways {
                    let key = SubpathwayKey(project: project, pathway: site.pathway, id: id)
                    let number = numberOfID[key] ?? count
                    if number == count {
                        numberOfID[key] = number
                        count += 1
                    }
                    subpathways.append(number)
                }
            }
            start.append(subpathways.count)
            patients.append(site.patientsPerYear)
            estimated.append(site.patientsEstimated)
            // A step of a gap made by hand is found by its ids when the sites are counted.
            origins.append(
                site.subpathwayNumbers != nil && !byID ? gap.origin : GapOrigin(project: project, pathway: -1, node: -1)
            )
            ids.append((site.pathway, site.step))
            return Int32(patients.count - 1)
        }
    }

    /// Fills in each gap's reach: the distinct steps, sub-pathways and projects that share its need, the
    /// patients through those steps and the highest level needed. Workforce gaps keep the reach the analyzer gave;
    /// duplicate-resource gaps, at no step, add up the reach the analyzer gave them, once per project.
    ///
    /// Gaps the analyzer made carry a project-local need number and sub-pathway numbers, so that ids are hashed
    /// once per distinct need rather than once per gap; other gaps are pooled by their ``NeedKey``. Gaps of one
    /// need share one boxed reach.
    ///
    /// - Returns: For each gap, the number of its need (gaps with equal numbers have equal reach); workforce gaps
    ///   get numbers of their own, after the needs'.
    /// - Complexity: O(G) expected.
    static func fillReach(_ gaps: inout [Gap], counter: inout PatientCounter) -> [Int32] {
        var tallyOfKey: [NeedKey: Int] = [:]
        var tallies: [Tally] = []
        var slotOfGap = [Int32](repeating: -1, count: gaps.count)
        // The tally of each (project, local need number).
        var tallyOfLocal: [[Int]] = []
        // Gaps made by hand (no dense sub-pathway numbers) may name the analyzer's steps: then number sites by id.
        var sites = SiteTable(
            byID: gaps.contains {
                $0.storage.site.subpathwayNumbers == nil && !$0.gapClass.isWorkforce
                    && !$0.gapClass.isAtNoStep
            })
        // Each time a need reaches a new site: the need and the site, for counting sub-pathways need by need.
        var newSiteTally: [Int32] = []
        var newSite: [Int32] = []
        // Within one project the analyzer's local need numbers are exact, so ids need hashing only when needs
        // pool across projects or some gaps were made without numbers.
        let hashKeys = gaps.contains {
            $0.origin.project > 0 || ($0.localNeed < 0 && poolingKind($0.gapClass) <= lastPooledKind)
        }

        gaps.withUnsafeBufferPointer { gaps in
            for index in gaps.indices where !gaps[index].gapClass.isWorkforce {
                let storage = gaps[index].storage
                let origin = gaps[index].origin
                let kind = poolingKind(gaps[index].gapClass)
                let need = storage.subject.need ?? storage.subject.competency
                var slot = -1
                let project = Int(origin.project)
                let local = Int(gaps[index].localNeed)
                if local >= 0, project >= 0 {
                    if project >= tallyOfLocal.count {
                        tallyOfLocal += Array(repeating: [], count: project + 1 - tallyOfLocal.count)
                    }
                    if local < tallyOfLocal[project].count, tallyOfLocal[project][local] >= 0 {
                        // Gaps that share every id a key may hold share the key.
                        let known = tallyOfLocal[project][local]
                        if tallies[known].pools(
                            kind: kind, group: storage.staffGroup, need: need, resource: storage.resource)
                        {
                            slot = known
                        }
                    }
                }
                if slot < 0 {
                    // A step's own gap stands alone; within one project local numbers are exact.
                    let alone = kind > lastPooledKind && origin.node >= 0
                    let exact = !hashKeys && local >= 0 && project >= 0
                    let key = needKey(gaps[index])
                    if !(alone || exact), let known = tallyOfKey[key] {
                        slot = known
                    } else {
                        slot = tallies.count
                        if !(alone || exact) { tallyOfKey[key] = slot }
                        tallies.append(Tally(key: key))
                    }
                    if local >= 0, project >= 0 {
                        let missing = local + 1 - tallyOfLocal[project].count
                        if missing > 0 { tallyOfLocal[project] += Array(repeating: -1, count: missing) }
                        tallyOfLocal[project][local] = slot
                    }
                }
                slotOfGap[index] = Int32(slot)
                if kind == duplicateKind {
                    // A gap at no step carries the reach of its project (the steps that need the competency), which
                    // the need counts once per project; the project's gaps come together.
                    if tallies[slot].lastProject != origin.project {
                        let reach = gaps[index].reach
                        tallies[slot].lastProject = origin.project
                        tallies[slot].projects += 1
                        tallies[slot].steps += reach.steps
                        tallies[slot].subpathways += reach.subpathways
                        if let patients = reach.patientsPerYear {
                            tallies[slot].patients = (tallies[slot].patients ?? 0) + patients
                            tallies[slot].patientsEstimated = tallies[slot].patientsEstimated || reach.patientsEstimated
                        }
                    }
                    continue
                }
                // Steps and sub-pathways are counted need by need afterwards; a step's gaps mostly come together, so
                // only a site that differs from the need's last is noted.
                let site = sites.site(of: gaps[index])
                if tallies[slot].lastSite != site {
                    tallies[slot].lastSite = site
                    newSiteTally.append(Int32(slot))
                    newSite.append(site)
                }
                if tallies[slot].lastProject != origin.project {
                    tallies[slot].lastProject = origin.project
                    tallies[slot].projects += 1
                }
                if let rank = gaps[index].reachBox?.value.levelRank ?? storage.subject.levelRank {
                    tallies[slot].levelRank = max(tallies[slot].levelRank ?? 0, rank)
                }
            }
        }
        countSites(&tallies, newSiteTally: newSiteTally, newSite: newSite, sites: sites, counter: &counter)
        // One box per need, shared by its gaps.
        let boxes = tallies.map { tally in
            Gap.ReachBox(
                GapReach(
                    steps: tally.steps, subpathways: tally.subpathways, projects: tally.projects,
                    patientsPerYear: tally.patients, patientsEstimated: tally.patientsEstimated,
                    levelRank: tally.levelRank))
        }
        var next = Int32(tallies.count)
        for index in gaps.indices {
            if slotOfGap[index] >= 0 {
                gaps[index].reachBox = boxes[Int(slotOfGap[index])]
            } else {
                slotOfGap[index] = next
                next += 1
            }
        }
        return slotOfGap
    }

    /// Counts the distinct steps and sub-pathways each need reaches, and the patients who pass through at least one
    /// of those steps (``PatientCounter``), from the sites it reaches (`newSiteTally[i]` reached site `newSite[i]`,
    /// maybe more than once).
    ///
    /// The sites are grouped by need first (a counting sort), so that one mark per site and per sub-pathway,
    /// naming the need that last counted it, tells whether it was counted. Steps of gaps made by hand (not at a
    /// known node of a flow) count the largest figure among them.
    ///
    /// - Complexity: O(G + S) for S sites and sub-pathways, plus the patient counts of the needs, swept together
    ///   (``PatientCounter/patients(throughEach:)``: linear in the pathways per batch of needs at worst).
    static func countSites(
        _ tallies: inout [Tally], newSiteTally: [Int32], newSite: [Int32], sites: SiteTable,
        counter: inout PatientCounter
    ) {
        var start = [Int](repeating: 0, count: tallies.count + 1)
        for tally in newSiteTally { start[Int(tally) + 1] += 1 }
        for index in tallies.indices { start[index + 1] += start[index] }
        var fill = start
        var grouped = [Int32](repeating: 0, count: newSite.count)
        for (tally, site) in zip(newSiteTally, newSite) {
            grouped[fill[Int(tally)]] = site
            fill[Int(tally)] += 1
        }
        var siteCountedBy = [Int32](repeating: -1, count: sites.patients.count)
        var subpathwayCountedBy = [Int32](repeating: -1, count: Int(sites.count))
        // The steps on a flow of each tally that has any, counted together afterwards.
        var counted: [(tally: Int, byHand: Double?, estimated: Bool)] = []
        var stepsOnFlow: [[GapOrigin]] = []
        for tally in tallies.indices {
            let mark = Int32(tally)
            var onFlow: [GapOrigin] = []
            var byHand: Double?
            var estimated = false
            for position in start[tally]..<start[tally + 1] {
                let site = Int(grouped[position])
                guard siteCountedBy[site] != mark else { continue }
                siteCountedBy[site] = mark
                tallies[tally].steps += 1
                let origin = sites.origins[site]
                if origin.node >= 0 {
                    onFlow.append(origin)
                } else if let found = counter.locate(
                    project: origin.project, pathway: sites.ids[site].pathway, step: sites.ids[site].step)
                {
                    onFlow.append(found)
                } else if let patients = sites.patients[site] {
                    byHand = max(byHand ?? 0, patients)
                    estimated = estimated || sites.estimated[site]
                }
                for number in sites.subpathways[sites.start[site]..<sites.start[site + 1]]
                where subpathwayCountedBy[Int(number)] != mark {
                    subpathwayCountedBy[Int(number)] = mark
                    tallies[tally].subpathways += 1
                }
            }
            if !onFlow.isEmpty || byHand != nil {
                counted.append((tally, byHand, estimated))
                stepsOnFlow.append(onFlow)
            }
        }
        for (entry, reached) in zip(counted, counter.patients(throughEach: stepsOnFlow)) {
            if reached.patients != nil || entry.byHand != nil {
                tallies[entry.tally].patients = (reached.patients ?? 0) + (entry.byHand ?? 0)
            }
            tallies[entry.tally].patientsEstimated = entry.estimated || reached.estimated
        }
    }

    /// The priority rule (also in the README): severity; then the number of projects the need reaches; then the
    /// patients per year through the steps it reaches; then the number of those steps; then of sub-pathways; then
    /// the level needed (higher first); then class order. Ties keep the order the gaps were found in (projects as
    /// given, pathways as the manifest lists them, steps in file order, a step's requirements and staff groups
    /// in the order written), so the order never depends on anything but the input.
    public static func priorityOrder(_ lhs: Gap, _ rhs: Gap) -> Bool {
        let left = ReachKey(lhs.reach)
        let right = ReachKey(rhs.reach)
        if lhs.severity != rhs.severity { return severityRank(lhs.severity) < severityRank(rhs.severity) }
        if left != right { return left < right }
        return lhs.gapClass < rhs.gapClass
    }

    /// Errors first, then warnings, then notes.
    static func severityRank(_ severity: Severity) -> UInt64 {
        severity == .error ? 0 : severity == .warning ? 1 : 2
    }

    /// The reach measures of the priority rule, in order: less is higher priority.
    struct ReachKey: Comparable {
        var projects: Int
        var patients: Double
        var steps: Int
        var subpathways: Int
        var levelRank: Double

        init(_ reach: GapReach) {
            projects = reach.projects
            patients = reach.patientsPerYear ?? -1
            steps = reach.steps
            subpathways = reach.subpathways
            levelRank = reach.levelRank ?? -1
        }

        /// Higher first for every measure.
        static func < (lhs: Self, rhs: Self) -> Bool {
            if lhs.projects != rhs.projects { return lhs.projects > rhs.projects }
            if lhs.patients != rhs.patients { return lhs.patients > rhs.patients }
            if lhs.steps != rhs.steps { return lhs.steps > rhs.steps }
            if lhs.subpathways != rhs.subpathways { return lhs.subpathways > rhs.subpathways }
            return lhs.levelRank > rhs.levelRank
        }
    }

    /// Puts gaps in priority order in place, given the need number of each gap (``fillReach(_:)``).
    ///
    /// Ranks the distinct reaches once, sorts one small key per gap (severity, reach rank, class, found order),
    /// then moves each gap to its place by following the permutation's cycles with swaps, so no gap is copied.
    ///
    /// - Complexity: O(G log G).
    static func sortByPriority(_ gaps: inout [Gap], slots: [Int32]) {
        let slotCount = Int(slots.max() ?? -1) + 1
        var reachOfSlot = [ReachKey?](repeating: nil, count: slotCount)
        for index in gaps.indices where reachOfSlot[Int(slots[index])] == nil {
            reachOfSlot[Int(slots[index])] = ReachKey(gaps[index].reach)
        }
        // Equal reaches get equal ranks, so that class and found order decide between them.
        let order = reachOfSlot.indices.sorted { reachOfSlot[$0]! < reachOfSlot[$1]! }
        var rankOfSlot = [UInt64](repeating: 0, count: slotCount)
        var rank: UInt64 = 0
        for (position, slot) in order.enumerated() {
            if position > 0, reachOfSlot[order[position - 1]]! < reachOfSlot[slot]! { rank += 1 }
            rankOfSlot[slot] = rank
        }
        struct Key: Comparable {
            var high: UInt64
            var index: Int
            static func < (lhs: Self, rhs: Self) -> Bool {
                lhs.high != rhs.high ? lhs.high < rhs.high : lhs.index < rhs.index
            }
        }
        var keys = gaps.withUnsafeBufferPointer { gaps in
            gaps.indices.map { index in
                Key(
                    high: severityRank(gaps[index].severity) << 60 | rankOfSlot[Int(slots[index])] << 8
                        | UInt64(gaps[index].gapClass.order),
                    index: index)
            }
        }
        keys.sort()
        // Position i must receive the gap now at keys[i].index.
        var source = keys.map(\.index)
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
    ///
    /// - Complexity: O(G), reading the class of each gap where it lies (a gap is not copied).
    public func count(of gapClass: GapClass) -> Int {
        gaps.withUnsafeBufferPointer { gaps in gaps.indices.count { gaps[$0].gapClass == gapClass } }
    }

    /// The number of gaps of a severity.
    ///
    /// - Complexity: O(G), reading the severity of each gap where it lies.
    public func count(of severity: Severity) -> Int {
        gaps.withUnsafeBufferPointer { gaps in gaps.indices.count { gaps[$0].severity == severity } }
    }

    /// The splits of patients the flows assume (`missing-share` findings), project by project, pathway by pathway.
    public var assumptions: [Finding] { projects.flatMap { $0.pathways.flatMap(\.assumptions) } }

    /// Whether any figure of the report rests on an assumed split.
    public var hasEstimates: Bool { projects.contains { $0.pathways.contains { !$0.assumptions.isEmpty } } }

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
            for candidate in analysis.pathways where candidate.graph.index.id == pathway {
                let index = candidate.graph.index
                for step in candidate.steps {
                    if let severity = step.worstSeverity { result[StepID(index.stepIDs[step.stepIndex])] = severity }
                }
            }
        }
        return result
    }
}
