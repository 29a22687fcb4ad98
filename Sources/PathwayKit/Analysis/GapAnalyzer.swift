/// Cross-references a project's pathways, staff groups, competency frameworks, education resources and
/// workforce figures, and reports the gaps between them.
///
/// The classes are listed in ``GapClass`` and the README ("Gap reports"). Every gap is a value with a severity, a
/// source location and a suggested action.
public struct GapAnalyzer: Sendable {
    /// Words that mark a resource as a placeholder when they appear in its kind or title (case-insensitive).
    public var placeholderPhrases: [String]
    /// How many months after its `lastReviewed` date a resource with no `nextReviewDue` falls due for review
    /// (stale-resource); 24 unless changed.
    public var reviewIntervalMonths: Int

    public init(placeholderPhrases: [String] = ["local protocol"], reviewIntervalMonths: Int = 24) {
        self.placeholderPhrases = placeholderPhrases
        self.reviewIntervalMonths = reviewIntervalMonths
    }

    /// The gaps of one project, in pathway and step order.
    ///
    /// - Parameters:
    ///   - project: The loaded project.
    ///   - strategy: How pathways are divided into sub-pathways (each gap names the sub-pathways of its step).
    ///   - asOf: The date review dates are checked against; without one, staleness is not checked.
    /// - Complexity: O(V + E + R · C) per pathway, where R is the number of competency requirements and C the
    ///   number of resources covering one competency.
    public func gaps(in project: Project, strategy: DecompositionStrategy = .phases, asOf: AsOfDate? = nil) -> [Gap] {
        analysis(of: project, strategy: strategy, asOf: asOf).gaps
    }

    /// The full analysis of one project: sub-pathways, patient flow, step assessments and gaps.
    ///
    /// - Complexity: See ``gaps(in:strategy:asOf:)``.
    public func analysis(of project: Project, strategy: DecompositionStrategy = .phases, asOf: AsOfDate? = nil)
        -> ProjectAnalysis
    {
        var context = Context(project: project, analyzer: self, asOf: asOf)
        let pathways = project.graphs.enumerated().map { context.analyse($1, number: $0, strategy: strategy) }
        let resourceGaps =
            context.duplicateResourceGaps(pathways: pathways) + context.duplicateDevelopmentGaps(pathways: pathways)
        let workforceGaps = context.workforceGaps(pathways: pathways)
        return ProjectAnalysis(
            project: project, pathways: pathways, resourceGaps: resourceGaps, workforceGaps: workforceGaps)
    }

    /// The sub-pathways of a pathway under a strategy.
    ///
    /// - Complexity: O(V + E) for `chains` and `stages`; see ``PathwayGraph/decomposition(_:options:)``.
    public static func decomposition(of graph: PathwayGraph, strategy: DecompositionStrategy) -> Decomposition {
        graph.decomposition(strategy)
    }

    func isPlaceholder(_ resource: EducationResource) -> Bool {
        let text = (resource.kind + " " + resource.title).lowercased()
        return placeholderPhrases.contains { text.contains($0.lowercased()) }
    }
}

extension GapAnalyzer {
    /// The project-wide indexes one analysis needs.
    struct Context {
        let project: Project
        let analyzer: GapAnalyzer
        let asOf: AsOfDate?
        let references: ReferenceIndex
        /// For each competency id, the resources that develop it and how.
        let coverage: [CompetencyID: [(resource: Int, coverage: ResourceCoverage)]]
        var closures: [CompetencyID: [CompetencyID]] = [:]
        /// Whether each resource (by index) is a placeholder, and whether (and why) it is overdue at the as-of date.
        let isPlaceholder: [Bool]
        let isStale: [Bool]
        let staleReviews: [StaleReview?]
        /// What is known about each competency id a step names, worked out once.
        var resolved: [CompetencyID: Resolved] = [:]
        /// Dense numbers of the pooled competency ids (``Resolved/need``).
        var needNumbers: [CompetencyID: Int32] = [:]
        /// Dense numbers of staff groups (0 stands for "anyone", a step naming no group), and their display names.
        var groupNumbers: [StaffGroupID: Int32] = [:]
        var groupNames: [String] = ["anyone"]
        /// The steps of each staff group (by group number), in pathway and step order.
        var stepsOfGroup: [[StepIndex]] = []
        /// For each pathway analysed so far: the numbers of each step's sub-pathways (by node: positions in the
        /// decomposition, the first of each id), and the sub-pathway ids by position.
        var subpathwayNumbers: [[[Int32]]] = []
        var subpathwayIDs: [[String]] = []
        /// Dense number of each resource's id (by resource index; a duplicated id shares its number).
        let resourceNumbers: [Int32]
        /// The distinct resource ids, by number.
        let resourceIDs: [ResourceID]
        /// The staff groups each resource (by index) is written for, as group numbers (empty: anyone).
        var audienceNumbers: [[Int32]]
        /// The project-local need numbers handed out so far (see ``Gap/localNeed``), by dense numbers: for each
        /// pooled competency, by staff group (two each: the resource classes, then role-outside-framework); for
        /// each pooled competency (undefined); for each resource id (stale); for each pooled competency (duplicate
        /// resources). -1 where none yet.
        var groupNeeds: [[Int32]] = []
        var undefinedNeeds: [Int32] = []
        var staleNeeds: [Int32] = []
        var duplicateNeeds: [Int32] = []
        var localNeedCount: Int32 = 0
        /// The resource outcomes worked out so far: the number of the next one's candidate list (``CandidateList``).
        var outcomeCount: Int32 = 0

        /// A competency id resolved across equivalences (a class, so that looking one up costs one reference count).
        final class Resolved {
            /// It and its equivalents, it first.
            var ids: [CompetencyID]
            /// The id needs are pooled under: the least of `ids`.
            var need: CompetencyID
            /// Whether any framework defines it (or an equivalent).
            var isDefined: Bool
            var statement: String?
            var framework: FrameworkID?
            /// The definition's provenance (its area's, else its framework's).
            var provenance: Provenance?
            /// The defining framework's level scheme.
            var levels: [String]
            /// The staff groups (by number) the definitions are written for; `nil` when one of them is written for
            /// anyone.
            var writtenFor: Set<Int32>?
            /// Dense number of `need` (for pooling).
            var needNumber: Int32
            /// The resources that develop it or an equivalent (each resource once), gathered on first use.
            var offers: [Offer]?
            /// Resource outcomes already worked out, by staff group number and required rank (see
            /// ``outcomeSlot(group:rank:)``): the same competency, rank and group give the same answer at every
            /// step, so each is assessed once.
            var outcomes: [Outcome?] = []
            /// Resource outcomes by required rank and which offers the group is in the audience of (groups that
            /// fit the same offers get the same outcome).
            var outcomesByFit: [FitKey: Outcome] = [:]

            /// Where the outcome for a group and required rank (`nil`: none) is kept in `outcomes`.
            func outcomeSlot(group: Int32, rank: Int?) -> Int {
                Int(group) * (levels.count + 1) + (rank ?? -1) + 1
            }

            init(
                ids: [CompetencyID], need: CompetencyID, isDefined: Bool, statement: String?, framework: FrameworkID?,
                provenance: Provenance?, levels: [String], writtenFor: Set<Int32>?, needNumber: Int32
            ) {
                self.provenance = provenance
                self.ids = ids
                self.need = need
                self.isDefined = isDefined
                self.statement = statement
                self.framework = framework
                self.levels = levels
                self.writtenFor = writtenFor
                self.needNumber = needNumber
            }
        }

        mutating func resolve(_ id: CompetencyID) -> Resolved {
            if let known = resolved[id] { return known }
            let ids = closure(of: id)
            let definition = self.definition(of: id)
            var writtenFor: Set<Int32>? = []
            for candidate in ids {
                guard let found = references.competencies[candidate] else { continue }
                if found.competency.staffGroups.isEmpty {
                    writtenFor = nil
                    break
                }
                for group in found.competency.staffGroups { writtenFor?.insert(groupNumber(group)) }
            }
            let need = ids.min() ?? id
            let needNumber = needNumbers[need] ?? Int32(needNumbers.count)
            needNumbers[need] = needNumber
            let result = Resolved(
                ids: ids, need: need, isDefined: definition != nil,
                statement: definition?.competency.statement, framework: definition?.framework.id,
                provenance: definition.map { $0.framework.provenance(of: $0.competency) },
                levels: definition?.framework.levels ?? [], writtenFor: writtenFor,
                needNumber: needNumber)
            resolved[id] = result
            return result
        }

        /// The dense number of a staff group (0 for anyone).
        mutating func groupNumber(_ group: StaffGroupID?) -> Int32 {
            guard let group else { return 0 }
            if let known = groupNumbers[group] { return known }
            let number = Int32(groupNames.count)
            groupNumbers[group] = number
            groupNames.append(groupName(group))
            return number
        }

        /// The project-local need number of a gap of a competency or resource class (-1 for other classes).
        mutating func localNeed(_ gapClass: GapClass, group: Int32, need: Int32, resource: Int32 = -1) -> Int32 {
            /// The number at `index` of `numbers`, handed out now if there is none yet.
            func number(_ numbers: inout [Int32], _ index: Int, next: inout Int32) -> Int32 {
                if index >= numbers.count { numbers += repeatElement(-1, count: index + 1 - numbers.count) }
                if numbers[index] < 0 {
                    numbers[index] = next
                    next += 1
                }
                return numbers[index]
            }
            switch gapClass {
            case .noResource, .levelShortfall, .placeholderResource, .roleOutsideFramework, .inHand:
                if Int(need) >= groupNeeds.count {
                    groupNeeds += repeatElement([], count: Int(need) + 1 - groupNeeds.count)
                }
                let index = Int(group) * 2 + (gapClass == .roleOutsideFramework ? 1 : 0)
                return number(&groupNeeds[Int(need)], index, next: &localNeedCount)
            case .undefinedCompetency: return number(&undefinedNeeds, Int(need), next: &localNeedCount)
            case .staleResource: return number(&staleNeeds, Int(resource), next: &localNeedCount)
            case .duplicateResource, .duplicateDevelopment:
                return number(&duplicateNeeds, Int(need), next: &localNeedCount)
            default: return -1
            }
        }

        /// A step of a pathway analysed.
        struct StepIndex {
            var pathway: Int32
            var node: Int32
        }

        /// A required rank and a set of offers (bit i: the group is in the audience of offer i).
        struct FitKey: Hashable {
            var rank: Int
            var fits: UInt64
        }

        /// A resource developing a competency, with whether the competency it names is in the framework of the
        /// competency a step names (levels compare only then).
        struct Offer {
            var resource: Int
            var coverage: ResourceCoverage
            var sameFramework: Bool
        }

        init(project: Project, analyzer: GapAnalyzer, asOf: AsOfDate?) {
            self.project = project
            self.analyzer = analyzer
            self.asOf = asOf
            var ignored: [Finding] = []
            references = ReferenceIndex(project: project, findings: &ignored)
            var coverage: [CompetencyID: [(resource: Int, coverage: ResourceCoverage)]] = [:]
            for (index, resource) in project.resources.enumerated() {
                for item in resource.develops { coverage[item.competency, default: []].append((index, item)) }
            }
            self.coverage = coverage
            var numberOfResource: [ResourceID: Int32] = [:]
            var resourceIDs: [ResourceID] = []
            resourceNumbers = project.resources.map { resource in
                let number = numberOfResource[resource.id] ?? Int32(numberOfResource.count)
                if number == numberOfResource.count { resourceIDs.append(resource.id) }
                numberOfResource[resource.id] = number
                return number
            }
            self.resourceIDs = resourceIDs
            isPlaceholder = project.resources.map(analyzer.isPlaceholder)
            staleReviews = project.resources.map { resource in
                asOf.flatMap { analyzer.overdueReview(of: resource, asOf: $0) }
            }
            isStale = staleReviews.map { $0 != nil }
            audienceNumbers = []
            audienceNumbers = project.resources.map { resource in resource.audience.map { groupNumber($0) } }
        }

        /// Whether a staff group (by number; 0 for anyone) is in the audience of a resource (by index).
        func fits(_ resource: Int, group: Int32) -> Bool {
            group == 0 || audienceNumbers[resource].isEmpty || audienceNumbers[resource].contains(group)
        }

        var projectID: String { project.manifest.id }

        /// A competency and every competency equivalent to it, directly or through others, the competency first
        /// and the rest in id order.
        mutating func closure(of id: CompetencyID) -> [CompetencyID] {
            if let known = closures[id] { return known }
            var seen: Set<CompetencyID> = [id]
            var queue = [id]
            var head = 0
            while head < queue.count {
                let current = queue[head]
                head += 1
                for next in references.equivalents[current] ?? [] where seen.insert(next).inserted {
                    queue.append(next)
                }
            }
            let result = [id] + queue.dropFirst().sorted()
            closures[id] = result
            return result
        }

        /// The definition of a competency, following equivalences.
        mutating func definition(of id: CompetencyID) -> (competency: Competency, framework: CompetencyFramework)? {
            for candidate in closure(of: id) {
                if let found = references.competencies[candidate] { return found }
            }
            return nil
        }

        // MARK: Pathways

        mutating func analyse(_ graph: PathwayGraph, number: Int, strategy: DecompositionStrategy) -> PathwayAnalysis {
            let indexed = graph.index
            let (decomposition, nodesOfSubpathway) = graph.decompositionAndNodes(strategy)
            let flow = PatientFlow(graph)
            var subpathwaysOfNode = [[String]](repeating: [], count: graph.graph.nodeCount)
            var subpathwayNumbersOfNode = [[Int32]](repeating: [], count: graph.graph.nodeCount)
            var numberOfSubpathway: [String: Int32] = [:]
            for (index, subpathway) in decomposition.subpathways.enumerated() {
                let number = numberOfSubpathway[subpathway.id] ?? Int32(index)
                numberOfSubpathway[subpathway.id] = number
                if let nodes = nodesOfSubpathway?[index] {
                    // A partition: each step lies in this sub-pathway alone, so its steps share one array of each.
                    let ids = [subpathway.id]
                    let numbers = [number]
                    for node in nodes {
                        subpathwaysOfNode[Int(node)] = ids
                        subpathwayNumbersOfNode[Int(node)] = numbers
                    }
                    continue
                }
                for node in subpathway.steps.compactMap({ graph.node($0) })
                where subpathwaysOfNode[Int(node)].last != subpathway.id {
                    subpathwaysOfNode[Int(node)].append(subpathway.id)
                    subpathwayNumbersOfNode[Int(node)].append(number)
                }
            }
            var steps: [StepAssessment] = []
            steps.reserveCapacity(graph.graph.nodeCount)
            let reference = StepAssessment.IndexReference(indexed)
            var gaps: [Gap] = []
            // The pathway's staff group ids, and their numbers (-1 until a step names the group), so that each id is
            // made and hashed once per pathway rather than once per step naming it.
            let groupIDs = indexed.staffGroupIDs.indices.map { StaffGroupID(indexed.staffGroupIDs[$0]) }
            var numberOfGroup = [Int32](repeating: -1, count: groupIDs.count)
            // The current step's staff groups, and their numbers.
            var stepGroups: [StaffGroupID] = []
            var groups: [Int32] = []
            // Room for the most gaps the steps can have but stale ones (two of their own, and per requirement one
            // per staff group for resources and one for the framework), so that the array is not copied as it
            // grows; pages never written cost nothing.
            gaps.reserveCapacity(
                indexed.steps.reduce(0) {
                    $0 + 2 + indexed.competencySlots($1).count * 2 * max(indexed.staffGroups($1).count, 1)
                })
            for node in 0..<graph.graph.nodeCount {
                let step = Index<Step>(node)
                stepGroups.removeAll(keepingCapacity: true)
                groups.removeAll(keepingCapacity: true)
                for group in indexed.staffGroups(step) {
                    if numberOfGroup[group.position] < 0 {
                        numberOfGroup[group.position] = groupNumber(groupIDs[group.position])
                    }
                    stepGroups.append(groupIDs[group.position])
                    groups.append(numberOfGroup[group.position])
                }
                for group in groups {
                    if Int(group) >= stepsOfGroup.count {
                        stepsOfGroup += repeatElement([], count: Int(group) + 1 - stepsOfGroup.count)
                    }
                    stepsOfGroup[Int(group)].append(StepIndex(pathway: Int32(number), node: Int32(node)))
                }
                let place = Place(
                    site: Gap.Site(
                        project: projectID, pathway: indexed.id, subpathways: subpathwaysOfNode[node],
                        subpathwayNumbers: subpathwayNumbersOfNode[node], step: StepID(indexed.stepIDs[step]),
                        stepLabel: indexed.label(step), patientsPerYear: flow?.patients(at: Int32(node)),
                        patientsEstimated: flow?.isEstimated(Int32(node)) ?? false),
                    stepLocation: indexed.location(step), origin: GapOrigin(pathway: Int32(number), node: Int32(node)))
                let first = gaps.count
                let requirements = assess(
                    step, of: indexed, staffGroups: stepGroups, groups: groups, at: place, gaps: &gaps)
                // The classes found at the step (bit i: class order i), and the worst severity.
                var classBits = 0
                var worst: Severity?
                for index in first..<gaps.count {
                    classBits |= 1 << gaps[index].gapClass.order
                    worst = max(worst ?? gaps[index].severity, gaps[index].severity)
                }
                steps.append(
                    StepAssessment(
                        step, of: reference, subpathways: place.site.subpathways,
                        patientsPerYear: place.site.patientsPerYear,
                        patientsEstimated: place.site.patientsEstimated,
                        requirements: requirements,
                        gapClasses: classBits == 0 ? [] : GapClass.allCases.filter { classBits & 1 << $0.order != 0 },
                        worstSeverity: worst))
            }
            subpathwayNumbers.append(subpathwayNumbersOfNode)
            subpathwayIDs.append(decomposition.subpathways.map(\.id))
            return PathwayAnalysis(
                graph: graph, decomposition: decomposition, steps: steps, gaps: gaps, flow: flow,
                assumptions: Validator.missingShareFindings(graph: graph))
        }

        /// Where a step sits, for the gaps found at it.
        struct Place {
            /// Shared by every gap of the step.
            var site: Gap.Site
            var stepLocation: SourceLocation?
            var origin: GapOrigin

            func gap(
                _ gapClass: GapClass, about subject: Gap.Subject, staffGroup: StaffGroupID? = nil,
                resource: ResourceID? = nil, text: GapText, candidates: Outcome? = nil, localNeed: Int32 = -1
            ) -> Gap {
                var gap = Gap(
                    gapClass, site: site, subject: subject, staffGroup: staffGroup, resource: resource, text: text,
                    candidates: candidates?.candidates ?? [], candidateList: candidates?.list ?? .unnumbered)
                gap.origin = origin
                gap.localNeed = localNeed
                return gap
            }

            /// The subject of a step's own gaps (no competency).
            var stepSubject: Gap.Subject {
                Gap.Subject(
                    competency: nil, requiredLevel: nil, framework: nil, statement: nil, need: nil, setting: nil,
                    location: stepLocation, levelRank: nil)
            }
        }

        /// Whether staff perform a step of a kind: activities and decisions always; other kinds when they name
        /// staff or competencies.
        static func isWork(_ kind: StepKind, namesStaff: Bool, namesCompetencies: Bool) -> Bool {
            switch kind {
            case .activity, .decision: true
            default: namesStaff || namesCompetencies
            }
        }

        func groupName(_ id: StaffGroupID) -> String { references.staffGroups[id]?.name ?? id.rawValue }

        /// Assesses a step of an index, read from its side tables, whose staff groups (as the index gives them)
        /// have the given numbers.
        mutating func assess(
            _ step: Index<Step>, of index: PathwayIndex, staffGroups: [StaffGroupID], groups: [Int32],
            at place: Place, gaps: inout [Gap]
        ) -> [RequirementAssessment] {
            let slots = index.competencySlots(step)
            if Self.isWork(index.kinds[step], namesStaff: !staffGroups.isEmpty, namesCompetencies: !slots.isEmpty) {
                if staffGroups.isEmpty {
                    gaps.append(place.gap(.unstaffedStep, about: place.stepSubject, text: .unstaffed))
                }
                if slots.isEmpty, index.details[step]?.noCompetencyReason == nil {
                    gaps.append(place.gap(.uncoveredStep, about: place.stepSubject, text: .uncovered))
                }
            }
            guard !slots.isEmpty else { return [] }
            return index.competencyRequirements(step, at: place.stepLocation).map {
                assess($0, staffGroups: staffGroups, groups: groups, at: place, gaps: &gaps)
            }
        }

        mutating func assess(
            _ requirement: CompetencyRequirement, staffGroups: [StaffGroupID], groups: [Int32], at stepPlace: Place,
            gaps: inout [Gap]
        ) -> RequirementAssessment {
            let id = requirement.competency
            let location = requirement.location ?? stepPlace.stepLocation
            let known = resolve(id)
            let level = requirement.level
            let required = level.flatMap { known.levels.firstIndex(of: $0) }
            let place = stepPlace
            // Shared by the requirement's gaps; made with the first of them.
            var shared: Gap.Subject?
            func subject() -> Gap.Subject {
                if let shared { return shared }
                let made = Gap.Subject(
                    competency: id, requiredLevel: level, framework: known.framework, statement: known.statement,
                    need: known.need, setting: nil, location: location,
                    levelRank: required.map { Double($0 + 1) / Double(known.levels.count) })
                shared = made
                return made
            }
            if !known.isDefined {
                gaps.append(
                    place.gap(
                        .undefinedCompetency, about: subject(), text: .undefined,
                        localNeed: localNeed(.undefinedCompetency, group: 0, need: known.needNumber)))
            } else if let writtenFor = known.writtenFor {
                // Framework coverage: some competency of the equivalence class is written for the group (or anyone).
                for (group, number) in zip(staffGroups, groups) where !writtenFor.contains(number) {
                    gaps.append(
                        place.gap(
                            .roleOutsideFramework, about: subject(), staffGroup: group,
                            text: .roleOutside(who: groupNames[Int(number)]),
                            localNeed: localNeed(.roleOutsideFramework, group: number, need: known.needNumber)))
                }
            }

            // Resources, once per staff group (once for anyone when the step names none).
            var serving: [Int32] = []
            // The groups' candidate lists (the first apart, so that one group's needs no array of lists).
            var candidates: [CandidateResource] = []
            var moreCandidates: [[CandidateResource]] = []
            var lists = (first: CandidateList.unnumbered, second: CandidateList.unnumbered)
            for position in 0..<max(staffGroups.count, 1) {
                let group = staffGroups.isEmpty ? nil : staffGroups[position]
                let number = groups.isEmpty ? 0 : groups[position]
                let outcome = resourceOutcome(number: number, known: known, requiredRank: required)
                for index in outcome.meeting where !serving.contains(resourceNumbers[index]) {
                    serving.append(resourceNumbers[index])
                }
                if candidates.isEmpty {
                    candidates = outcome.candidates
                    lists.first = outcome.list
                } else if !outcome.candidates.isEmpty {
                    if moreCandidates.isEmpty { lists.second = outcome.list }
                    moreCandidates.append(outcome.candidates)
                }
                let who = groupNames[Int(number)]
                for index in outcome.stale {
                    guard let review = staleReviews[index] else { continue }
                    gaps.append(
                        place.gap(
                            .staleResource, about: subject(), staffGroup: group, resource: project.resources[index].id,
                            text: .stale(review), candidates: outcome,
                            localNeed: localNeed(
                                .staleResource, group: number, need: known.needNumber,
                                resource: resourceNumbers[index])))
                }
                let gapClass: GapClass
                let text: GapText
                var resource: ResourceID?
                switch outcome.verdict {
                case .met:
                    continue
                case .none where !known.isDefined:
                    // A competency no framework defines is one finding (undefined-competency), not also a missing
                    // resource: there is nothing yet for a resource to develop.
                    continue
                case .none:
                    gapClass = .noResource
                    text = .noResource(who: who, candidates: outcome.candidates.count)
                case .placeholder(let index):
                    gapClass = .placeholderResource
                    resource = project.resources[index].id
                    text = .placeholder(who: who, title: project.resources[index].title)
                case .belowLevel(let best):
                    gapClass = .levelShortfall
                    text = .belowLevel(who: who, best: best)
                case .inHand(let index):
                    gapClass = .inHand
                    resource = project.resources[index].id
                    text = Self.inHandText(project.resources[index], who: who, competency: id)
                }
                gaps.append(
                    place.gap(
                        gapClass, about: subject(), staffGroup: group, resource: resource, text: text,
                        candidates: outcome,
                        localNeed: localNeed(gapClass, group: number, need: known.needNumber)))
            }
            return RequirementAssessment(
                requirement: requirement, statement: known.statement, framework: known.framework,
                provenance: known.provenance, resources: serving.map { resourceIDs[Int($0)] }, candidates: candidates,
                moreCandidates: moreCandidates, need: known.needNumber, lists: lists)
        }

        enum Verdict {
            /// Resources meet the need.
            case met
            case none
            /// The first placeholder (by resource index).
            case placeholder(Int)
            /// Only lower-level resources; the highest level reached.
            case belowLevel(String?)
            /// Nothing available meets the need, but the first resource in development (by index) will.
            case inHand(Int)
        }

        /// A class, so that a memoised outcome is shared rather than copied.
        final class Outcome {
            let verdict: Verdict
            /// Resources (by index) that meet the need.
            let meeting: [Int]
            /// Overdue resources (by index) the group would be pointed to (meeting the need or going part of the way).
            let stale: [Int]
            let candidates: [CandidateResource]
            /// The number of `candidates`, distinct from every other outcome's of the analysis.
            let list: CandidateList

            init(verdict: Verdict, meeting: [Int], stale: [Int], candidates: [CandidateResource], list: CandidateList) {
                self.verdict = verdict
                self.meeting = meeting
                self.stale = stale
                self.candidates = candidates
                self.list = list
            }
        }

        /// The resources that develop a competency (or an equivalent) for a group at a level, memoised.
        mutating func resourceOutcome(number: Int32, known: Resolved, requiredRank: Int?) -> Outcome {
            let slot = known.outcomeSlot(group: number, rank: requiredRank)
            if slot < known.outcomes.count, let outcome = known.outcomes[slot] { return outcome }
            let offers: [Offer]
            if let gathered = known.offers {
                offers = gathered
            } else {
                var gathered: [Offer] = []
                var seen: Set<Int> = []
                for candidate in known.ids {
                    for offer in coverage[candidate] ?? [] where seen.insert(offer.resource).inserted {
                        let framework = references.competencies[offer.coverage.competency]?.framework.id
                        gathered.append(
                            Offer(
                                resource: offer.resource, coverage: offer.coverage,
                                sameFramework: framework != nil && framework == known.framework))
                    }
                }
                known.offers = gathered
                offers = gathered
            }
            // Groups in the audience of the same offers get the same outcome: work it out once for them.
            var key: FitKey?
            if offers.count <= 64 {
                var fits: UInt64 = 0
                for (bit, offer) in offers.enumerated() where self.fits(offer.resource, group: number) {
                    fits |= 1 << UInt64(bit)
                }
                key = FitKey(rank: requiredRank ?? -1, fits: fits)
            }
            let outcome: Outcome
            if let key, let known = known.outcomesByFit[key] {
                outcome = known
            } else {
                outcome = assessOffers(
                    offers, for: number, framework: known.framework, levels: known.levels, requiredRank: requiredRank,
                    list: CandidateList(raw: outcomeCount))
                outcomeCount += 1
                if let key { known.outcomesByFit[key] = outcome }
            }
            if slot >= known.outcomes.count {
                known.outcomes += repeatElement(nil, count: slot + 1 - known.outcomes.count)
            }
            known.outcomes[slot] = outcome
            return outcome
        }

        /// Sorts the resources covering a competency into those that meet a group's need and candidates.
        func assessOffers(
            _ offers: [Offer], for group: Int32, framework: FrameworkID?, levels: [String], requiredRank: Int?,
            list: CandidateList
        ) -> Outcome {
            var meeting: [Int] = []
            var candidates: [CandidateResource] = []
            var placeholders: [Int] = []
            var inDevelopment: [Int] = []
            var stale: [Int] = []
            var realForGroup = 0
            var atLevel = 0
            var bestBelow: (rank: Int, level: String)?
            for offer in offers {
                let index = offer.resource
                let item = offer.coverage
                var reasons: [CandidateResource.Reason] = []
                let audienceFits = fits(index, group: group)
                if !audienceFits { reasons.append(.otherAudience) }
                let isPlaceholder = self.isPlaceholder[index]
                if isPlaceholder { reasons.append(.placeholder) }
                if item.isPartial { reasons.append(.partial) }
                // Levels compare only within the framework of the competency the step names.
                var meetsLevel = true
                if let requiredRank, let level = item.level, framework != nil, offer.sameFramework,
                    let rank = levels.firstIndex(of: level), rank < requiredRank
                {
                    meetsLevel = false
                    reasons.append(.lowerLevel)
                    if audienceFits, !isPlaceholder, rank > bestBelow?.rank ?? -1 { bestBelow = (rank, level) }
                }
                // A resource in development meets no need yet; one that will is kept to say the need is in hand.
                if project.resources[index].status == .inDevelopment {
                    if reasons.isEmpty { inDevelopment.append(index) }
                    continue
                }
                if audienceFits, isPlaceholder { placeholders.append(index) }
                if audienceFits, !isPlaceholder {
                    realForGroup += 1
                    if meetsLevel { atLevel += 1 }
                }
                let isStale = self.isStale[index]
                if audienceFits, !isPlaceholder, isStale { stale.append(index) }
                if reasons.isEmpty {
                    meeting.append(index)
                    if isStale {
                        candidates.append(
                            CandidateResource(
                                resource: project.resources[index].id, title: project.resources[index].title,
                                level: item.level, reasons: [.stale]))
                    }
                } else {
                    if isStale { reasons.append(.stale) }
                    candidates.append(
                        CandidateResource(
                            resource: project.resources[index].id, title: project.resources[index].title,
                            level: item.level, reasons: reasons))
                }
            }
            candidates.sort()
            let verdict: Verdict
            if !meeting.isEmpty {
                verdict = .met
            } else if let first = inDevelopment.first {
                verdict = .inHand(first)
            } else if realForGroup == 0, let first = placeholders.first {
                verdict = .placeholder(first)
            } else if realForGroup > 0, atLevel == 0 {
                verdict = .belowLevel(bestBelow?.level)
            } else {
                verdict = .none
            }
            return Outcome(verdict: verdict, meeting: meeting, stale: stale, candidates: candidates, list: list)
        }

        // MARK: Workforce

        mutating func workforceGaps(pathways: [PathwayAnalysis]) -> [Gap] {
            guard !project.workforce.isEmpty else { return [] }
            // Each step's setting in lower case, worked out once.
            var settings: [[String?]] = pathways.map { _ in [] }
            var gaps: [Gap] = []
            // The sub-pathways counted for the current record: `seen[pathway][number]` holds the record's index.
            var seen = subpathwayIDs.map { [Int](repeating: -1, count: $0.count) }
            for (recordIndex, record) in project.workforce.enumerated() {
                let group = record.staffGroup
                let setting = record.setting?.lowercased()
                var stepCount = 0
                var patients: Double?
                var subpathways: [String] = []
                let number = groupNumber(group)
                for index in Int(number) < stepsOfGroup.count ? stepsOfGroup[Int(number)] : [] {
                    let pathwayIndex = Int(index.pathway)
                    let node = Int(index.node)
                    if let setting {
                        if settings[pathwayIndex].isEmpty {
                            let index = pathways[pathwayIndex].graph.index
                            let names = index.settingNames.indices.map { index.settingNames[$0].lowercased() }
                            settings[pathwayIndex] = pathways[pathwayIndex].steps.map { assessed in
                                index.setting(assessed.stepIndex).map { names[$0.position] }
                            }
                        }
                        if let stepSetting = settings[pathwayIndex][node], setting != stepSetting { continue }
                    }
                    stepCount += 1
                    if let volume = pathways[pathwayIndex].steps[node].patientsPerYear {
                        patients = (patients ?? 0) + volume
                    }
                    for subpathway in subpathwayNumbers[pathwayIndex][node]
                    where seen[pathwayIndex][Int(subpathway)] != recordIndex {
                        seen[pathwayIndex][Int(subpathway)] = recordIndex
                        subpathways.append(subpathwayIDs[pathwayIndex][Int(subpathway)])
                    }
                }
                let site = Gap.Site(
                    project: projectID, pathway: nil, subpathways: subpathways, subpathwayNumbers: nil, step: nil,
                    stepLabel: nil, patientsPerYear: patients)
                let subject = Gap.Subject(
                    competency: nil, requiredLevel: nil, framework: nil, statement: nil, need: nil,
                    setting: record.setting, location: record.location, levelRank: nil)
                func gap(_ gapClass: GapClass, _ text: GapText) -> Gap {
                    var gap = Gap(gapClass, site: site, subject: subject, staffGroup: group, text: text)
                    gap.reach = GapReach(
                        steps: stepCount, subpathways: subpathways.count, projects: 1, patientsPerYear: patients)
                    return gap
                }
                if let needed = record.needed, let inPost = record.inPost, inPost < needed {
                    gaps.append(
                        gap(
                            .capacityGap,
                            .capacity(who: groupName(group), setting: record.setting, inPost: inPost, needed: needed)))
                }
                if let trained = record.trained, trained < max(record.needed ?? 0, record.inPost ?? 0) {
                    gaps.append(
                        gap(
                            .trainingGap,
                            .training(
                                who: groupName(group), setting: record.setting, trained: trained,
                                needed: record.needed, inPost: record.inPost)))
                }
            }
            return gaps
        }
    }
}
