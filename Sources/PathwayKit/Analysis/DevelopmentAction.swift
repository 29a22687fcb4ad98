/// One action that closes a competency need at one level for every staff group that has it: one resource found,
/// adapted or commissioned (or one framework extended) serves them all.
///
/// The report's development needs (``CompetencyNeed``) are per staff group; an action pools the needs of every
/// group for the same competency (under its least equivalent id) at the same highest level, and of the same kind
/// (education, or only extending a framework). Its reach is the union of theirs: the patients a year who pass
/// through at least one of all their steps, counted once (``PatientFlow``). The report's ten most important actions
/// are the first ten by ``score``.
public struct DevelopmentAction: Hashable, Sendable {
    /// What the action does.
    public enum Kind: String, Hashable, Sendable {
        /// Find, adapt or commission education (some gap behind it is not only a framework's).
        case educate
        /// Extend a framework to cover the groups (every gap behind it is `role-outside-framework`).
        case extendFramework = "extend-framework"
    }

    /// One staff group the action serves, with its own need.
    public struct Group: Hashable, Sendable {
        /// `nil` for steps that name no staff group.
        public var staffGroup: StaffGroupID?
        /// The group's name, as its project's staff group file gives it.
        public var name: String
        /// The group's need that the action closes.
        public var need: CompetencyNeed
    }

    public var kind: Kind
    /// The pooled competency id (the least of it and its equivalents).
    public var competency: CompetencyID
    /// The ids the steps wrote, where they differ from the pooled one, over every group.
    public var writtenAs: [CompetencyID]
    public var statement: String?
    public var framework: FrameworkID?
    /// The level every group's need reaches at most (equal for all of them).
    public var requiredLevel: String?
    /// The groups served, in the order of ``GapReport/needs()`` (ids in order, steps with no group last).
    public var groups: [Group]
    /// The gap classes behind the groups' needs.
    public var classes: [GapClass]
    /// Every step where some group's need arises, each once.
    public var steps: [StepReference]
    public var projects: [String]
    /// The expected number of patients a year who pass through at least one of ``steps`` (counted once, not a sum
    /// over groups).
    public var patientsPerYear: Double?
    /// Whether ``patientsPerYear`` rests on a split of patients assumed where a step gives no shares.
    public var patientsEstimated: Bool
    /// Resources that go part of the way for some group: one per resource, the best match.
    public var candidates: [CandidateResource]
    /// The priority (1 is first) of the highest-priority gap behind the action.
    public var priority: Int
    /// The action's score: its patients, the worst severity, sharing and cost (``NeedScore``).
    public var score: NeedScore
}
