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
    /// The pathway as loaded: its index, and its value made when first asked for.
    public var graph: PathwayGraph
    /// The pathway as a value (made from the index the first time it is asked for; setting it indexes it).
    public var pathway: Pathway {
        get { graph.pathway }
        set { graph = PathwayGraph(newValue) }
    }
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
    ///
    /// - Complexity: O(length of the id) expected.
    public func step(_ id: StepID) -> StepAssessment? { position(of: id).map { steps[$0] } }

    /// The position in ``steps`` of the step with an id, found in the index.
    ///
    /// - Complexity: O(length of the id) expected, while ``steps`` are in step order as the analyzer made them.
    func position(of id: StepID) -> Int? {
        guard let step = graph.index.step(named: id) else { return nil }
        if step.position < steps.count, steps[step.position].stepIndex == step { return step.position }
        return steps.firstIndex { $0.stepIndex == step }
    }
}

/// One step as the framework table shows it.
///
/// The step is its number in the pathway's index; its id, label and attributes are read from the index's side
/// tables (``pathwayIndex``), as pathgap's writers do. ``step`` makes it a value, for callers that want one.
public struct StepAssessment: Sendable {
    /// The step's number in its pathway's index (``PathwayAnalysis/graph``), which is also its node and its
    /// position in ``PathwayAnalysis/steps``.
    public var stepIndex: Index<Step>
    /// The index the step is numbered in, held once for every step of the pathway.
    private let indexReference: IndexReference
    /// The index ``stepIndex`` numbers a step of: the step's id, label and attributes are in its side tables.
    public var pathwayIndex: PathwayIndex { indexReference.index }
    /// The step as a value, made from the index each time it is asked for.
    ///
    /// - Complexity: O(size of the step's lists), and a `String` for each of its ids and texts.
    public var step: Step { indexReference.index.stepValue(stepIndex) }
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

    init(
        _ stepIndex: Index<Step>, of indexReference: IndexReference, subpathways: [String], patientsPerYear: Double?,
        patientsEstimated: Bool, requirements: [RequirementAssessment], gapClasses: [GapClass],
        worstSeverity: Severity?
    ) {
        self.stepIndex = stepIndex
        self.indexReference = indexReference
        self.subpathways = subpathways
        self.patientsPerYear = patientsPerYear
        self.patientsEstimated = patientsEstimated
        self.requirements = requirements
        self.gapClasses = gapClasses
        self.worstSeverity = worstSeverity
    }

    /// One pathway's index, held by reference: every step assessment of the pathway holds the same one. (A
    /// ``PathwayIndex`` is 1,064 bytes inline, some forty side tables; held in each assessment it would be copied
    /// per step. The ``Step`` value assessments held before was 280 bytes and its strings and arrays.)
    final class IndexReference: Sendable {
        let index: PathwayIndex

        init(_ index: PathwayIndex) { self.index = index }
    }
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
    /// The analyzer's numbers of the first two candidate lists (``CandidateList``), so that requirements merging the
    /// same lists are told apart from others without comparing the lists.
    private var firstList: CandidateList
    private var secondList: CandidateList
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
            firstList = .unnumbered
            secondList = .unnumbered
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

    /// What the candidates are merged from, as the analyzer's numbers of the lists (which it shares between
    /// requirements with the same outcome): requirements with the same sources merge the same candidates
    /// (``forEachMergedCandidate(_:)``). `nil` when more than two groups have candidates, or a list is not numbered.
    var candidateSources: CandidateSources? {
        guard moreCandidates.count <= 1, firstList != .unnumbered || firstCandidates.isEmpty,
            moreCandidates.isEmpty || secondList != .unnumbered
        else { return nil }
        return CandidateSources(first: firstList, second: moreCandidates.isEmpty ? .unnumbered : secondList)
    }

    /// The numbers of one or two candidate lists (``candidateSources``).
    struct CandidateSources: Hashable {
        var first: CandidateList
        var second: CandidateList
    }

    init(
        requirement: CompetencyRequirement, statement: String?, framework: FrameworkID?, provenance: Provenance?,
        resources: [ResourceID], candidates: [CandidateResource], moreCandidates: [[CandidateResource]], need: Int32,
        lists: (first: CandidateList, second: CandidateList) = (.unnumbered, .unnumbered)
    ) {
        self.requirement = requirement
        self.provenance = provenance
        self.statement = statement
        self.framework = framework
        self.resources = resources
        firstCandidates = candidates
        self.moreCandidates = moreCandidates
        self.need = need
        firstList = lists.first
        secondList = lists.second
    }
}

/// The number the analyzer gives one list of candidate resources when it makes it (one per distinct outcome of a
/// competency, level and set of fitting resources), shared by every gap and requirement holding that list: equal
/// numbers from one analysis, the same list. Lists made elsewhere are ``unnumbered``.
struct CandidateList: Hashable, Sendable {
    var raw: Int32

    /// A list the analyzer did not number (compared by its contents, if at all).
    static let unnumbered = CandidateList(raw: -1)
}
