/// What the analyzer found in one project: each pathway's sub-pathways, patient flow and step assessments, and
/// every gap.
public struct ProjectAnalysis: Sendable {
    public var project: Project
    public var pathways: [PathwayAnalysis]
    /// Gaps of the resource catalogue as a whole, at no step (duplicate-resource), in the order steps first name
    /// their competencies.
    public var resourceGaps: [Gap]
    /// Gaps from the workforce file.
    public var workforceGaps: [Gap]

    /// Every gap of the project: the pathways' in pathway and step order, then the resource gaps, then the
    /// workforce gaps.
    public var gaps: [Gap] { pathways.flatMap(\.gaps) + resourceGaps + workforceGaps }

    /// The number of gaps of the project (without gathering them).
    public var gapCount: Int { pathways.reduce(resourceGaps.count + workforceGaps.count) { $0 + $1.gaps.count } }
}

/// What the analyzer found in one pathway.
public struct PathwayAnalysis: Sendable {
    public var pathway: Pathway
    public var decomposition: Decomposition
    /// Each step, in file order (duplicated ids once).
    public var steps: [StepAssessment]
    /// The gaps at its steps, in step order.
    public var gaps: [Gap]
    /// The patient flow; `nil` when no step gives `patientsPerYear` (then flows are unknown).
    public var flow: PatientFlow?
    /// The splits of patients the flow assumes: `missing-share` findings, one per step that gives no shares.
    public var assumptions: [Finding]

    /// Whether any step gives `patientsPerYear` (otherwise flows are unknown).
    public var hasVolumes: Bool { flow != nil }

    /// The assessment of a step.
    public func step(_ id: StepID) -> StepAssessment? { steps.first { $0.step.id == id } }
}

/// One step as the framework table shows it.
public struct StepAssessment: Sendable {
    public var step: Step
    /// The sub-pathways holding it.
    public var subpathways: [String]
    public var patientsPerYear: Double?
    /// Whether `patientsPerYear` rests on an assumed split.
    public var patientsEstimated: Bool
    public var requirements: [RequirementAssessment]
    /// The classes of the gaps at the step, in class order.
    public var gapClasses: [GapClass]
    /// The most severe gap at the step, if any.
    public var worstSeverity: Severity?
}

/// One competency a step needs, with what the catalogues offer for it.
public struct RequirementAssessment: Sendable {
    public var requirement: CompetencyRequirement
    /// The competency's statement, where a framework defines it.
    public var statement: String?
    public var framework: FrameworkID?
    /// Whether the defining framework (or area) is published, reconstructed or a working framework.
    public var provenance: Provenance?
    /// Resources that fully develop it, at the level needed, for at least one of the step's groups.
    public var resources: [ResourceID]
    /// The candidates of each of the step's groups that has any, each list sorted with one entry per resource
    /// (shared with the gaps, and merged only when read: most analyses never print them); the first list apart.
    private var firstCandidates: [CandidateResource]
    private var moreCandidates: [[CandidateResource]]
    /// The project-local dense number of the pooled competency (``Gap/need``), as the analyzer numbered it.
    let need: Int32

    /// Resources that go part of the way: the best match of each across the step's groups, in resource order,
    /// leaving out those that fully serve another group unless they are only overdue.
    public var candidates: [CandidateResource] {
        get {
            var candidates: [CandidateResource] = []
            forEachCandidate { candidates.append($0) }
            return candidates
        }
        set {
            firstCandidates = newValue
            moreCandidates = []
        }
    }

    /// Calls `body` with each of ``candidates`` in turn, without making the list when the step has one or two
    /// staff groups with candidates.
    func forEachCandidate(_ body: (CandidateResource) -> Void) {
        forEachMergedCandidate { candidate in
            if shows(candidate) { body(candidate) }
        }
    }

    /// Calls `body` with the best match of each resource across the step's groups, in resource order, before
    /// ``shows(_:)`` leaves some out.
    func forEachMergedCandidate(_ body: (CandidateResource) -> Void) {
        guard let last = moreCandidates.last else {
            firstCandidates.forEach(body)
            return
        }
        let rest = moreCandidates.dropLast().reduce(firstCandidates, CandidateResource.merged)
        CandidateResource.forEachMerged(rest, last, body)
    }

    /// Whether a candidate of ``forEachMergedCandidate(_:)`` is among ``candidates``: it serves no group fully,
    /// or is only overdue.
    func shows(_ candidate: CandidateResource) -> Bool {
        resources.isEmpty || (candidate.reasons.count == 1 && candidate.reasons[0] == .stale)
            || !resources.contains(candidate.resource)
    }

    /// What the candidates are merged from, as the identity of the lists (which the analyzer shares between
    /// requirements with the same outcome): requirements with the same sources merge the same candidates
    /// (``forEachMergedCandidate(_:)``). `nil` when more than two groups have candidates.
    var candidateSources: CandidateSources? {
        guard moreCandidates.count <= 1 else { return nil }
        func address(_ list: [CandidateResource]) -> UnsafeRawPointer? {
            list.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
        }
        return CandidateSources(first: address(firstCandidates), second: moreCandidates.first.flatMap(address))
    }

    /// The identity of one or two candidate lists (``candidateSources``).
    struct CandidateSources: Hashable {
        var first: UnsafeRawPointer?
        var second: UnsafeRawPointer?
    }

    init(
        requirement: CompetencyRequirement, statement: String?, framework: FrameworkID?, provenance: Provenance?,
        resources: [ResourceID], candidates: [CandidateResource], moreCandidates: [[CandidateResource]], need: Int32
    ) {
        self.requirement = requirement
        self.provenance = provenance
        self.statement = statement
        self.framework = framework
        self.resources = resources
        firstCandidates = candidates
        self.moreCandidates = moreCandidates
        self.need = need
    }
}
