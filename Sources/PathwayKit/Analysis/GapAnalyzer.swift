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
        let pathways = project.pathways.map { context.analyse($0, strategy: strategy) }
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
        }

        var projectID: String { project.manifest.id }

        /// A competency and every competency equivalent to it, directly or through others, the competency first
        /// and the rest in id order.
        mutating func closure(of id: CompetencyID) -> [CompetencyID] {
            if let known = closures[id] { return known }
            var seen: Set<CompetencyID> = [id]
            var queue = [id], head = 0
            while head < queue.count {
                let current = queue[head]
                head += 1
                for next in references.equivalents[current] ?? [] where seen.insert(next).inserted { queue.append(next) }
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

        mutating func analyse(_ pathway: Pathway, strategy: DecompositionStrategy) -> PathwayAnalysis {
            let graph = PathwayGraph(pathway)
            let decomposition = GapAnalyzer.decomposition(of: graph, strategy: strategy)
            let flow = graph.patientFlow()
            var subpathwaysOfNode = [[String]](repeating: [], count: graph.graph.nodeCount)
            for subpathway in decomposition.subpathways {
                for id in subpathway.steps {
                    if let node = graph.node(id), subpathwaysOfNode[Int(node)].last != subpathway.id {
                        subpathwaysOfNode[Int(node)].append(subpathway.id)
                    }
                }
            }
            var steps: [StepAssessment] = []
            steps.reserveCapacity(graph.graph.nodeCount)
            var gaps: [Gap] = []
            for node in 0..<graph.graph.nodeCount {
                let step = graph.step(Int32(node))
                let place = Place(
                    project: projectID, pathway: pathway.id, subpathways: subpathwaysOfNode[node], step: step,
                    patientsPerYear: flow?[node])
                var stepGaps: [Gap] = []
                let requirements = assess(step, at: place, gaps: &stepGaps)
                let classes = Set(stepGaps.map(\.gapClass)).sorted()
                steps.append(
                    StepAssessment(
                        step: step, subpathways: place.subpathways, patientsPerYear: place.patientsPerYear,
                        requirements: requirements, gapClasses: classes, worstSeverity: stepGaps.map(\.severity).max()))
                gaps += stepGaps
            }
            return PathwayAnalysis(
                pathway: pathway, decomposition: decomposition, steps: steps, gaps: gaps, hasVolumes: flow != nil)
        }

        /// Where a step sits, for the gaps found at it.
        struct Place {
            var project: String
            var pathway: PathwayID
            var subpathways: [String]
            var step: Step
            var patientsPerYear: Double?
            /// Set per requirement: the competency's statement, pooled id and level rank.
            var statement: String? = nil
            var need: CompetencyID? = nil
            var levelRank: Double? = nil

            func gap(
                _ gapClass: GapClass, staffGroup: StaffGroupID? = nil, competency: CompetencyID? = nil,
                requiredLevel: String? = nil, framework: FrameworkID? = nil, resource: ResourceID? = nil,
                message: String, action: String, at location: SourceLocation?, candidates: [CandidateResource] = []
            ) -> Gap {
                var gap = Gap(
                    gapClass, project: project, pathway: pathway, subpathways: subpathways, step: step.id,
                    stepLabel: step.label, staffGroup: staffGroup, competency: competency, requiredLevel: requiredLevel,
                    framework: framework, resource: resource, message: message, suggestedAction: action,
                    location: location ?? step.location, patientsPerYear: patientsPerYear, candidates: candidates)
                if competency != nil {
                    gap.statement = statement
                    gap.need = need ?? competency
                    gap.reach.levelRank = levelRank
                }
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
                            .unstaffedStep, message: "step '\(step.id)' (\(step.label)) names no staff group",
                            action: "Name the staff group that delivers this step (method step 6).", at: step.location))
                }
                if step.competencies.isEmpty, step.noCompetencyReason == nil {
                    gaps.append(
                        place.gap(
                            .uncoveredStep, message: "step '\(step.id)' (\(step.label)) has no competency mapped",
                            action:
                                "Map the step to the competencies it needs (method step 4), or record why none is needed in 'noCompetencyReason'.",
                            at: step.location))
                }
            }
            return step.competencies.map { assess($0, of: step, at: place, gaps: &gaps) }
        }

        mutating func assess(
            _ requirement: CompetencyRequirement, of step: Step, at stepPlace: Place, gaps: inout [Gap]
        ) -> RequirementAssessment {
            let id = requirement.competency
            let location = requirement.location ?? step.location
            let definition = self.definition(of: id)
            let framework = definition?.framework
            let level = requirement.level
            let ids = closure(of: id)
            let required = level.flatMap { framework?.rank(ofLevel: $0) }
            var place = stepPlace
            place.statement = definition?.competency.statement
            place.need = ids.min()
            if let required, let framework { place.levelRank = Double(required + 1) / Double(framework.levels.count) }
            if definition == nil {
                gaps.append(
                    place.gap(
                        .undefinedCompetency, competency: id, requiredLevel: level,
                        message: "competency '\(id)' needed at step '\(step.id)' is not defined in any loaded framework",
                        action:
                            "Add '\(id)' to a competency framework, or declare it equivalent to a framework competency.",
                        at: location))
            }
            // Framework coverage: some competency of the equivalence class is written for the group (or for anyone).
            if let definition {
                for group in step.staffGroups {
                    let written = ids.contains { candidate in
                        guard let found = references.competencies[candidate] else { return false }
                        return found.competency.staffGroups.isEmpty || found.competency.staffGroups.contains(group)
                    }
                    if !written {
                        gaps.append(
                            place.gap(
                                .roleOutsideFramework, staffGroup: group, competency: id, requiredLevel: level,
                                framework: definition.framework.id,
                                message:
                                    "framework '\(definition.framework.id)' does not write competency '\(id)' for \(groupName(group)), who deliver step '\(step.id)'",
                                action:
                                    "Extend framework '\(definition.framework.id)' to cover \(groupName(group)) for '\(id)', or map the step to a competency written for them.",
                                at: location))
                    }
                }
            }

            // Resources, once per staff group (once for anyone when the step names none).
            var offers: [(resource: EducationResource, coverage: ResourceCoverage)] = []
            var seenResources: Set<Int> = []
            for candidate in ids {
                for (index, item) in coverage[candidate] ?? [] where seenResources.insert(index).inserted {
                    offers.append((project.resources[index], item))
                }
            }
            var serving: [ResourceID] = []
            var candidates: Set<CandidateResource> = []
            let groups: [StaffGroupID?] = step.staffGroups.isEmpty ? [nil] : step.staffGroups.map { $0 }
            for group in groups {
                let outcome = assessOffers(offers, for: group, framework: framework, requiredRank: required)
                for resource in outcome.meeting where !serving.contains(resource.id) { serving.append(resource.id) }
                candidates.formUnion(outcome.candidates)
                let who = group.map(groupName) ?? "anyone"
                let levelText = level.map { " at level \($0)" } ?? ""
                for resource in outcome.stale {
                        gaps.append(
                            place.gap(
                                .staleResource, staffGroup: group, competency: id, requiredLevel: level,
                                framework: framework?.id, resource: resource.id,
                                message:
                                    "resource '\(resource.id)' (\(resource.title)) for '\(id)' was due for review on \(resource.nextReviewDue ?? "?"), before \(asOf?.rawValue ?? "?")",
                                action:
                                    "Ask \(resource.provider ?? "the provider") to review '\(resource.title)', or find a current resource for '\(id)'.",
                                at: location, candidates: outcome.candidates))
                }
                switch outcome.verdict {
                case .met:
                    break
                case .none:
                    let partial =
                        outcome.candidates.isEmpty
                        ? "" : outcome.candidates.count == 1 ? "; 1 candidate goes part of the way"
                        : "; \(outcome.candidates.count) candidates go part of the way"
                    gaps.append(
                        place.gap(
                            .noResource, staffGroup: group, competency: id, requiredLevel: level,
                            framework: framework?.id,
                            message:
                                "no education resource fully develops '\(id)'\(levelText) for \(who) at step '\(step.id)'\(partial)",
                            action:
                                "Find or commission a resource that develops '\(id)'\(levelText) for \(who)\(outcome.candidates.isEmpty ? "" : ", starting from the candidates").",
                            at: location, candidates: outcome.candidates))
                case .placeholder(let resource):
                    gaps.append(
                        place.gap(
                            .placeholderResource, staffGroup: group, competency: id, requiredLevel: level,
                            framework: framework?.id, resource: resource.id,
                            message:
                                "the only resource for '\(id)' for \(who) at step '\(step.id)' is a placeholder ('\(resource.title)')",
                            action: "Replace the placeholder with a named resource that develops '\(id)'\(levelText).",
                            at: location, candidates: outcome.candidates))
                case .belowLevel(let best):
                    gaps.append(
                        place.gap(
                            .levelShortfall, staffGroup: group, competency: id, requiredLevel: level,
                            framework: framework?.id,
                            message:
                                "resources for '\(id)' for \(who) reach level \(best ?? "?") at most; step '\(step.id)' needs level \(level ?? "?")",
                            action:
                                "Find or develop a resource that reaches level \(level ?? "?") of '\(id)' for \(who), building on the lower-level ones.",
                            at: location, candidates: outcome.candidates))
                }
            }
            return RequirementAssessment(
                requirement: requirement, statement: definition?.competency.statement, framework: framework?.id,
                resources: serving,
                candidates: CandidateResource.best(candidates).filter { !serving.contains($0.resource) || $0.reasons == [.stale] })
        }

        enum Verdict {
            /// Resources meet the need.
            case met
            case none
            case placeholder(EducationResource)
            /// Only lower-level resources; the highest level reached.
            case belowLevel(String?)
        }

        struct Outcome {
            var verdict: Verdict
            var meeting: [EducationResource]
            /// Overdue resources the group would be pointed to (meeting the need or going part of the way).
            var stale: [EducationResource]
            var candidates: [CandidateResource]
        }

        /// Sorts the resources covering a competency into those that meet a group's need and candidates.
        func assessOffers(
            _ offers: [(resource: EducationResource, coverage: ResourceCoverage)], for group: StaffGroupID?,
            framework: CompetencyFramework?, requiredRank: Int?
        ) -> Outcome {
            var meeting: [EducationResource] = [], candidates: [CandidateResource] = []
            var placeholders: [EducationResource] = [], stale: [EducationResource] = []
            var realForGroup = 0, atLevel = 0
            var bestBelow: (rank: Int, level: String)?
            for (resource, item) in offers {
                var reasons: [CandidateResource.Reason] = []
                let audienceFits = resource.audience.isEmpty || group.map { resource.audience.contains($0) } ?? true
                if !audienceFits { reasons.append(.otherAudience) }
                let isPlaceholder = analyzer.isPlaceholder(resource)
                if isPlaceholder { reasons.append(.placeholder) }
                if item.isPartial { reasons.append(.partial) }
                // Levels compare only within the framework of the competency the step names.
                var meetsLevel = true
                if let requiredRank, let level = item.level, let framework,
                    references.competencies[item.competency]?.framework.id == framework.id,
                    let rank = framework.rank(ofLevel: level), rank < requiredRank
                {
                    meetsLevel = false
                    reasons.append(.lowerLevel)
                    if audienceFits, !isPlaceholder, rank > bestBelow?.rank ?? -1 { bestBelow = (rank, level) }
                }
                if audienceFits, isPlaceholder { placeholders.append(resource) }
                if audienceFits, !isPlaceholder {
                    realForGroup += 1
                    if meetsLevel { atLevel += 1 }
                }
                let isStale = asOf.map { date in resource.nextReviewDue.map(date.isAfter) ?? false } ?? false
                if audienceFits, !isPlaceholder, isStale { stale.append(resource) }
                if reasons.isEmpty {
                    meeting.append(resource)
                    if isStale {
                        candidates.append(
                            CandidateResource(
                                resource: resource.id, title: resource.title, level: item.level, reasons: [.stale]))
                    }
                } else {
                    if isStale { reasons.append(.stale) }
                    candidates.append(
                        CandidateResource(resource: resource.id, title: resource.title, level: item.level, reasons: reasons))
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
            var gaps: [Gap] = []
            for record in project.workforce {
                let group = record.staffGroup
                var steps: [StepAssessment] = [], pathwayOfStep: [PathwayID] = []
                for pathway in pathways {
                    for step in pathway.steps where step.step.staffGroups.contains(group) {
                        if let setting = record.setting, let stepSetting = step.step.setting,
                            setting.lowercased() != stepSetting.lowercased()
                        {
                            continue
                        }
                        steps.append(step)
                        pathwayOfStep.append(pathway.pathway.id)
                    }
                }
                let volumes = steps.compactMap(\.patientsPerYear)
                let patients = volumes.isEmpty ? nil : volumes.reduce(0, +)
                var subpathways: [String] = []
                for step in steps { for id in step.subpathways where !subpathways.contains(id) { subpathways.append(id) } }
                let settingText = record.setting.map { " in \($0)" } ?? ""
                func gap(_ gapClass: GapClass, _ message: String, _ action: String) -> Gap {
                    var gap = Gap(
                        gapClass, project: projectID, subpathways: subpathways, staffGroup: group,
                        setting: record.setting, message: message, suggestedAction: action, location: record.location,
                        patientsPerYear: patients)
                    gap.reach = GapReach(
                        steps: steps.count, subpathways: subpathways.count, projects: 1, patientsPerYear: patients)
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
