/// Cross-references a project's pathways, staff groups, competency frameworks, education resources and
/// workforce figures, and reports the gaps between them.
///
/// The classes are listed in ``GapClass`` and the README ("Gap reports"). Every gap is a value with a severity, a
/// source location and a suggested action.
public struct GapAnalyzer: Sendable {
    /// Words that mark a resource as a placeholder when they appear in its kind or title (case-insensitive).
    public var placeholderPhrases: [String]

    public init(placeholderPhrases: [String] = ["local protocol"]) {
        self.placeholderPhrases = placeholderPhrases
    }

    /// The gaps of one project, in pathway and step order.
    ///
    /// - Parameters:
    ///   - project: The loaded project.
    ///   - strategy: How pathways are divided into sub-pathways (each gap names the sub-pathways of its step).
    ///   - asOf: The date review dates are checked against; without one, staleness is not checked.
    /// - Complexity: O(V + E + R · C) per pathway, where R is the number of competency requirements and C the
    ///   number of resources covering one competency.
    public func gaps(in project: Project, strategy: DecompositionStrategy = .chains, asOf: AsOfDate? = nil) -> [Gap] {
        analysis(of: project, strategy: strategy, asOf: asOf).gaps
    }

    /// The full analysis of one project: sub-pathways, patient flow, step assessments and gaps.
    ///
    /// - Complexity: See ``gaps(in:strategy:asOf:)``.
    public func analysis(of project: Project, strategy: DecompositionStrategy = .chains, asOf: AsOfDate? = nil)
        -> ProjectAnalysis
    {
        var context = Context(project: project, analyzer: self, asOf: asOf)
        let pathways = project.pathways.enumerated().map { context.analyse($1, number: $0, strategy: strategy) }
        let workforceGaps = context.workforceGaps(pathways: pathways)
        return ProjectAnalysis(project: project, pathways: pathways, workforceGaps: workforceGaps)
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
        /// Whether each resource (by index) is a placeholder, and whether it is overdue at the as-of date.
        let isPlaceholder: [Bool]
        let isStale: [Bool]
        /// What is known about each competency id a step names, worked out once.
        var resolved: [CompetencyID: Resolved] = [:]
        /// Dense numbers of the pooled competency ids (``Resolved/need``).
        var needNumbers: [CompetencyID: Int32] = [:]
        /// Dense numbers of staff groups (0 stands for "anyone", a step naming no group), and their display names.
        var groupNumbers: [StaffGroupID: Int32] = [:]
        var groupNames: [String] = ["anyone"]
        /// Dense number of each resource's id (by resource index; a duplicated id shares its number).
        let resourceNumbers: [Int32]
        /// The project-local need numbers handed out so far (see ``Gap/localNeed``), by dense numbers: for each
        /// pooled competency, by staff group (two each: the resource classes, then role-outside-framework); for
        /// each pooled competency (undefined); for each resource id (stale). -1 where none yet.
        var groupNeeds: [[Int32]] = []
        var undefinedNeeds: [Int32] = []
        var staleNeeds: [Int32] = []
        var localNeedCount: Int32 = 0

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
            /// The defining framework's level scheme.
            var levels: [String]
            /// The staff groups the definitions are written for; `nil` when one of them is written for anyone.
            var writtenFor: Set<StaffGroupID>?
            /// Dense number of `need` (for pooling).
            var needNumber: Int32
            /// The resources that develop it or an equivalent (each resource once), gathered on first use.
            var offers: [Offer]?
            /// Resource outcomes already worked out, by staff group number and required rank (see
            /// ``outcomeSlot(group:rank:)``): the same competency, rank and group give the same answer at every
            /// step, so each is assessed once.
            var outcomes: [Outcome?] = []

            /// Where the outcome for a group and required rank (`nil`: none) is kept in `outcomes`.
            func outcomeSlot(group: Int32, rank: Int?) -> Int {
                Int(group) * (levels.count + 1) + (rank ?? -1) + 1
            }

            init(
                ids: [CompetencyID], need: CompetencyID, isDefined: Bool, statement: String?, framework: FrameworkID?,
                levels: [String], writtenFor: Set<StaffGroupID>?, needNumber: Int32
            ) {
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
            var writtenFor: Set<StaffGroupID>? = []
            for candidate in ids {
                guard let found = references.competencies[candidate] else { continue }
                if found.competency.staffGroups.isEmpty {
                    writtenFor = nil
                    break
                }
                writtenFor?.formUnion(found.competency.staffGroups)
            }
            let need = ids.min() ?? id
            let needNumber = needNumbers[need] ?? Int32(needNumbers.count)
            needNumbers[need] = needNumber
            let result = Resolved(
                ids: ids, need: need, isDefined: definition != nil,
                statement: definition?.competency.statement, framework: definition?.framework.id,
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
            case .noResource, .levelShortfall, .placeholderResource, .roleOutsideFramework:
                if Int(need) >= groupNeeds.count {
                    groupNeeds += repeatElement([], count: Int(need) + 1 - groupNeeds.count)
                }
                let index = Int(group) * 2 + (gapClass == .roleOutsideFramework ? 1 : 0)
                return number(&groupNeeds[Int(need)], index, next: &localNeedCount)
            case .undefinedCompetency: return number(&undefinedNeeds, Int(need), next: &localNeedCount)
            case .staleResource: return number(&staleNeeds, Int(resource), next: &localNeedCount)
            default: return -1
            }
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
            resourceNumbers = project.resources.map { resource in
                let number = numberOfResource[resource.id] ?? Int32(numberOfResource.count)
                numberOfResource[resource.id] = number
                return number
            }
            isPlaceholder = project.resources.map(analyzer.isPlaceholder)
            isStale = project.resources.map { resource in
                guard let asOf, let due = resource.nextReviewDue else { return false }
                return asOf.isAfter(due)
            }
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

        mutating func analyse(_ pathway: Pathway, number: Int, strategy: DecompositionStrategy) -> PathwayAnalysis {
            let graph = PathwayGraph(pathway)
            let decomposition = GapAnalyzer.decomposition(of: graph, strategy: strategy)
            let flow = graph.patientFlow()
            var subpathwaysOfNode = [[String]](repeating: [], count: graph.graph.nodeCount)
            var subpathwayNumbersOfNode = [[Int32]](repeating: [], count: graph.graph.nodeCount)
            var numberOfSubpathway: [String: Int32] = [:]
            for subpathway in decomposition.subpathways {
                let number = numberOfSubpathway[subpathway.id] ?? Int32(numberOfSubpathway.count)
                numberOfSubpathway[subpathway.id] = number
                for id in subpathway.steps {
                    if let node = graph.node(id), subpathwaysOfNode[Int(node)].last != subpathway.id {
                        subpathwaysOfNode[Int(node)].append(subpathway.id)
                        subpathwayNumbersOfNode[Int(node)].append(number)
                    }
                }
            }
            var steps: [StepAssessment] = []
            steps.reserveCapacity(graph.graph.nodeCount)
            var gaps: [Gap] = []
            for node in 0..<graph.graph.nodeCount {
                let step = graph.step(Int32(node))
                let place = Place(
                    site: Gap.Site(
                        project: projectID, pathway: pathway.id, subpathways: subpathwaysOfNode[node],
                        subpathwayNumbers: subpathwayNumbersOfNode[node], step: step.id, stepLabel: step.label,
                        patientsPerYear: flow?[node]),
                    stepLocation: step.location, origin: GapOrigin(pathway: Int32(number), node: Int32(node)))
                let first = gaps.count
                let requirements = assess(step, at: place, gaps: &gaps)
                var classes: [GapClass] = []
                var worst: Severity?
                if gaps.count > first {
                    let stepGaps = gaps[first...]
                    for gapClass in GapClass.allCases where stepGaps.contains(where: { $0.gapClass == gapClass }) {
                        classes.append(gapClass)
                    }
                    worst = stepGaps.map(\.severity).max()
                }
                steps.append(
                    StepAssessment(
                        step: step, subpathways: place.site.subpathways, patientsPerYear: place.site.patientsPerYear,
                        requirements: requirements, gapClasses: classes, worstSeverity: worst))
            }
            return PathwayAnalysis(
                pathway: pathway, decomposition: decomposition, steps: steps, gaps: gaps, hasVolumes: flow != nil)
        }

        /// Where a step sits, for the gaps found at it.
        struct Place {
            /// Shared by every gap of the step.
            var site: Gap.Site
            var stepLocation: SourceLocation?
            var origin: GapOrigin
            /// Set per requirement: the competency's statement, pooled id and level rank.
            var statement: String? = nil
            var need: CompetencyID? = nil
            var levelRank: Double? = nil

            func gap(
                _ gapClass: GapClass, staffGroup: StaffGroupID? = nil, competency: CompetencyID? = nil,
                requiredLevel: String? = nil, framework: FrameworkID? = nil, resource: ResourceID? = nil,
                text: GapText, at location: SourceLocation?, candidates: [CandidateResource] = [],
                localNeed: Int32 = -1
            ) -> Gap {
                let hasCompetency = competency != nil
                var gap = Gap(
                    gapClass, site: site, staffGroup: staffGroup, competency: competency, requiredLevel: requiredLevel,
                    framework: framework, statement: hasCompetency ? statement : nil,
                    need: hasCompetency ? need ?? competency : nil, resource: resource, text: text,
                    location: location ?? stepLocation, candidates: candidates)
                gap.origin = origin
                gap.localNeed = localNeed
                if hasCompetency { gap.reach.levelRank = levelRank }
                return gap
            }
        }

        /// Whether staff perform a step: activities and decisions always; other kinds when they name staff or
        /// competencies.
        static func isWork(_ step: Step) -> Bool {
            switch step.kind {
            case .activity, .decision: true
            default: !step.staffGroups.isEmpty || !step.competencies.isEmpty
            }
        }

        func groupName(_ id: StaffGroupID) -> String { references.staffGroups[id]?.name ?? id.rawValue }

        mutating func assess(_ step: Step, at place: Place, gaps: inout [Gap]) -> [RequirementAssessment] {
            if Self.isWork(step) {
                if step.staffGroups.isEmpty {
                    gaps.append(
                        place.gap(
                            .unstaffedStep, text: .unstaffed, at: step.location))
                }
                if step.competencies.isEmpty, step.noCompetencyReason == nil {
                    gaps.append(
                        place.gap(
                            .uncoveredStep, text: .uncovered, at: step.location))
                }
            }
            return step.competencies.map { assess($0, of: step, at: place, gaps: &gaps) }
        }

        mutating func assess(
            _ requirement: CompetencyRequirement, of step: Step, at stepPlace: Place, gaps: inout [Gap]
        ) -> RequirementAssessment {
            let id = requirement.competency
            let location = requirement.location ?? step.location
            let known = resolve(id)
            let level = requirement.level
            let required = level.flatMap { known.levels.firstIndex(of: $0) }
            var place = stepPlace
            place.statement = known.statement
            place.need = known.need
            if let required { place.levelRank = Double(required + 1) / Double(known.levels.count) }
            if !known.isDefined {
                gaps.append(
                    place.gap(
                        .undefinedCompetency, competency: id, requiredLevel: level, text: .undefined, at: location,
                        localNeed: localNeed(.undefinedCompetency, group: 0, need: known.needNumber)))
            } else if let writtenFor = known.writtenFor {
                // Framework coverage: some competency of the equivalence class is written for the group (or anyone).
                for group in step.staffGroups where !writtenFor.contains(group) {
                    let number = groupNumber(group)
                    gaps.append(
                        place.gap(
                            .roleOutsideFramework, staffGroup: group, competency: id, requiredLevel: level,
                            framework: known.framework, text: .roleOutside(who: groupNames[Int(number)]),
                            at: location,
                            localNeed: localNeed(.roleOutsideFramework, group: number, need: known.needNumber)))
                }
            }

            // Resources, once per staff group (once for anyone when the step names none).
            var serving: [ResourceID] = []
            var candidates: [CandidateResource] = []
            for position in 0..<max(step.staffGroups.count, 1) {
                let group = step.staffGroups.isEmpty ? nil : step.staffGroups[position]
                let number = groupNumber(group)
                let outcome = resourceOutcome(
                    group: group, number: number, known: known, requiredRank: required)
                for index in outcome.meeting where !serving.contains(project.resources[index].id) {
                    serving.append(project.resources[index].id)
                }
                candidates =
                    candidates.isEmpty ? outcome.candidates : CandidateResource.merged(candidates, outcome.candidates)
                let who = groupNames[Int(number)]
                for index in outcome.stale {
                    let resource = project.resources[index]
                    gaps.append(
                        place.gap(
                            .staleResource, staffGroup: group, competency: id, requiredLevel: level,
                            framework: known.framework, resource: resource.id,
                            text: .stale(
                                title: resource.title, provider: resource.provider, due: resource.nextReviewDue,
                                asOf: asOf?.rawValue),
                            at: location, candidates: outcome.candidates,
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
                }
                gaps.append(
                    place.gap(
                        gapClass, staffGroup: group, competency: id, requiredLevel: level, framework: known.framework,
                        resource: resource, text: text, at: location, candidates: outcome.candidates,
                        localNeed: localNeed(gapClass, group: number, need: known.needNumber)))
            }
            return RequirementAssessment(
                requirement: requirement, statement: known.statement, framework: known.framework,
                resources: serving,
                candidates: serving.isEmpty
                    ? candidates : candidates.filter { !serving.contains($0.resource) || $0.reasons == [.stale] })
        }

        enum Verdict {
            /// Resources meet the need.
            case met
            case none
            /// The first placeholder (by resource index).
            case placeholder(Int)
            /// Only lower-level resources; the highest level reached.
            case belowLevel(String?)
        }

        /// A class, so that a memoised outcome is shared rather than copied.
        final class Outcome {
            let verdict: Verdict
            /// Resources (by index) that meet the need.
            let meeting: [Int]
            /// Overdue resources (by index) the group would be pointed to (meeting the need or going part of the way).
            let stale: [Int]
            let candidates: [CandidateResource]

            init(verdict: Verdict, meeting: [Int], stale: [Int], candidates: [CandidateResource]) {
                self.verdict = verdict
                self.meeting = meeting
                self.stale = stale
                self.candidates = candidates
            }
        }

        /// The resources that develop a competency (or an equivalent) for a group at a level, memoised.
        mutating func resourceOutcome(
            group: StaffGroupID?, number: Int32, known: Resolved, requiredRank: Int?
        ) -> Outcome {
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
            let outcome = assessOffers(
                offers, for: group, framework: known.framework, levels: known.levels, requiredRank: requiredRank)
            if slot >= known.outcomes.count {
                known.outcomes += repeatElement(nil, count: slot + 1 - known.outcomes.count)
            }
            known.outcomes[slot] = outcome
            return outcome
        }

        /// Sorts the resources covering a competency into those that meet a group's need and candidates.
        func assessOffers(
            _ offers: [Offer], for group: StaffGroupID?,
            framework: FrameworkID?, levels: [String], requiredRank: Int?
        ) -> Outcome {
            var meeting: [Int] = []
            var candidates: [CandidateResource] = []
            var placeholders: [Int] = []
            var stale: [Int] = []
            var realForGroup = 0
            var atLevel = 0
            var bestBelow: (rank: Int, level: String)?
            for offer in offers {
                let index = offer.resource
                let item = offer.coverage
                let audience = project.resources[index].audience
                var reasons: [CandidateResource.Reason] = []
                let audienceFits = audience.isEmpty || group.map { audience.contains($0) } ?? true
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
            } else if realForGroup == 0, let first = placeholders.first {
                verdict = .placeholder(first)
            } else if realForGroup > 0, atLevel == 0 {
                verdict = .belowLevel(bestBelow?.level)
            } else {
                verdict = .none
            }
            return Outcome(verdict: verdict, meeting: meeting, stale: stale, candidates: candidates)
        }

        // MARK: Workforce

        func workforceGaps(pathways: [PathwayAnalysis]) -> [Gap] {
            guard !project.workforce.isEmpty else { return [] }
            // The steps of each staff group (pathway and step index), found once.
            var stepsOfGroup: [StaffGroupID: [(pathway: Int, step: Int)]] = [:]
            for (pathwayIndex, pathway) in pathways.enumerated() {
                for (stepIndex, step) in pathway.steps.enumerated() {
                    for group in step.step.staffGroups {
                        stepsOfGroup[group, default: []].append((pathwayIndex, stepIndex))
                    }
                }
            }
            var gaps: [Gap] = []
            for record in project.workforce {
                let group = record.staffGroup
                let setting = record.setting?.lowercased()
                var stepCount = 0
                var patients: Double?
                var subpathways: [String] = []
                var seen: Set<String> = []
                for (pathwayIndex, stepIndex) in stepsOfGroup[group] ?? [] {
                    if let setting, let stepSetting = pathways[pathwayIndex].steps[stepIndex].step.setting,
                        setting != stepSetting.lowercased()
                    {
                        continue
                    }
                    stepCount += 1
                    if let volume = pathways[pathwayIndex].steps[stepIndex].patientsPerYear {
                        patients = (patients ?? 0) + volume
                    }
                    for id in pathways[pathwayIndex].steps[stepIndex].subpathways where seen.insert(id).inserted {
                        subpathways.append(id)
                    }
                }
                let settingText = record.setting.map { " in \($0)" } ?? ""
                func gap(_ gapClass: GapClass, _ message: String, _ action: String) -> Gap {
                    var gap = Gap(
                        gapClass, project: projectID, subpathways: subpathways, staffGroup: group,
                        setting: record.setting, message: message, suggestedAction: action, location: record.location,
                        patientsPerYear: patients)
                    gap.reach = GapReach(
                        steps: stepCount, subpathways: subpathways.count, projects: 1, patientsPerYear: patients)
                    return gap
                }
                if let needed = record.needed, let inPost = record.inPost, inPost < needed {
                    gaps.append(
                        gap(
                            .capacityGap,
                            "\(groupName(group))\(settingText): \(inPost) in post, \(needed) needed (\(needed - inPost) short)",
                            "Plan recruitment, or redesign the steps \(groupName(group)) deliver\(settingText), to close a gap of \(needed - inPost)."
                        ))
                }
                if let trained = record.trained {
                    let target = max(record.needed ?? 0, record.inPost ?? 0)
                    if trained < target {
                        let basis = [
                            record.needed.map { "\($0) needed" }, record.inPost.map { "\($0) in post" },
                        ].compactMap { $0 }.joined(separator: ", ")
                        gaps.append(
                            gap(
                                .trainingGap,
                                "\(groupName(group))\(settingText): \(trained) trained for the pathway's genomic steps (\(basis))",
                                "Train \(target - trained) more \(groupName(group))\(settingText) in the competencies their steps need."
                            ))
                    }
                }
            }
            return gaps
        }
    }
}
