/// Where a step lies in a report's analyses, as typed indices: the project in ``GapReport/projects``, the pathway in
/// that project's ``ProjectAnalysis/pathways``, and the step in that pathway's ``PathwayAnalysis/steps``.
///
/// Gaps and needs carry one besides the ids they print, so that a program reading a report goes from a gap to its
/// step's assessment, flow and sub-pathways without looking ids up.
public struct StepPlace: Hashable, Sendable, Comparable {
    /// The project, once the gap is in a ``GapReport`` (`nil` for the gaps of a lone ``ProjectAnalysis``).
    public var project: Index<ProjectAnalysis>?
    public var pathway: Index<PathwayAnalysis>
    public var step: Index<StepAssessment>

    public init(project: Index<ProjectAnalysis>?, pathway: Index<PathwayAnalysis>, step: Index<StepAssessment>) {
        self.project = project
        self.pathway = pathway
        self.step = step
    }

    /// In report order: project, pathway, step.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.project?.raw ?? -1, lhs.pathway.raw, lhs.step.raw) < (
            rhs.project?.raw ?? -1, rhs.pathway.raw, rhs.step.raw
        )
    }

    /// The place of a gap's dense origin; `nil` where it names no analyzer step.
    init?(_ origin: GapOrigin) {
        guard origin.pathway >= 0, origin.node >= 0 else { return nil }
        project = origin.project >= 0 ? Index(raw: origin.project) : nil
        pathway = Index(raw: origin.pathway)
        step = Index(raw: origin.node)
    }
}
