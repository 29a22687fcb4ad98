/// The kinds of gap the analyzer detects, in the order reports list them when everything else is equal.
///
/// Every class names a learning or workforce need, never a personal failing.
public enum GapClass: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// A step that staff perform has no staff group (method step 6).
    case unstaffedStep = "unstaffed-step"
    /// A step has no competency and no `noCompetencyReason` (method step 4).
    case uncoveredStep = "uncovered-step"
    /// A competency id that no loaded framework defines, even across equivalences.
    case undefinedCompetency = "undefined-competency"
    /// The competency's framework is not written for the staff group that needs it.
    case roleOutsideFramework = "role-outside-framework"
    /// No education resource develops the competency for the staff group (method step 5).
    case noResource = "no-resource"
    /// Resources develop the competency only below the level the step needs.
    case levelShortfall = "level-shortfall"
    /// The only resource is a placeholder such as "refer to local protocols".
    case placeholderResource = "placeholder-resource"
    /// No resource develops the competency for the staff group yet, but one in development will: the need is in
    /// hand (its `owner` and `expected` date say who and when).
    case inHand = "in-hand"
    /// A resource the step relies on is overdue for review at the as-of date: due before it, or, with no due date,
    /// last reviewed more than ``GapAnalyzer/reviewIntervalMonths`` months before it.
    case staleResource = "stale-resource"
    /// Fewer staff in post than the pathway needs.
    case capacityGap = "capacity-gap"
    /// Fewer trained staff than needed or than in post.
    case trainingGap = "training-gap"
    /// Two or more owners (projects, regions) are developing resources that will fully develop the same
    /// competency, to the same level, for a shared audience: the duplicated effort the initiative exists to avoid.
    case duplicateDevelopment = "duplicate-development"
    /// Resources from different providers fully develop the same competency, to the same level, for a shared
    /// audience: education effort that may be duplicated (not a need of any staff group).
    case duplicateResource = "duplicate-resource"

    /// How much a gap of this class matters by default.
    ///
    /// Errors mean the pathway cannot be delivered as described (nobody named, nothing to learn from, too few
    /// staff); warnings mean something exists but falls short; notes are upkeep of the catalogue.
    public var defaultSeverity: Severity {
        switch self {
        case .unstaffedStep, .noResource, .capacityGap: .error
        case .uncoveredStep, .undefinedCompetency, .roleOutsideFramework, .levelShortfall, .placeholderResource,
            .trainingGap, .duplicateDevelopment:
            .warning
        case .staleResource, .duplicateResource, .inHand: .note
        }
    }

    /// Whether the class is an education need of a staff group (listed under "development needs").
    public var isEducationNeed: Bool {
        switch self {
        case .roleOutsideFramework, .noResource, .levelShortfall, .placeholderResource, .staleResource, .inHand: true
        default: false
        }
    }

    /// Whether the class is about the catalogue as a whole and sits at no step (its reach is the steps that need
    /// the competency).
    public var isAtNoStep: Bool { self == .duplicateResource || self == .duplicateDevelopment }

    /// Whether the class comes from the workforce file.
    public var isWorkforce: Bool { self == .capacityGap || self == .trainingGap }

    /// A one-line explanation, for report legends.
    public var summary: String {
        switch self {
        case .unstaffedStep: "a step with no staff group named"
        case .uncoveredStep: "a step with no competency mapped and no reason given"
        case .undefinedCompetency: "a competency that no loaded framework defines"
        case .roleOutsideFramework: "a staff group the competency's framework is not written for"
        case .noResource: "no education resource develops the competency for the staff group"
        case .levelShortfall: "resources reach only a lower level than the step needs"
        case .placeholderResource: "the only resource is a placeholder (local protocols)"
        case .inHand: "no resource yet, but one in development will develop the competency"
        case .staleResource: "a resource relied on is past its review date"
        case .capacityGap: "fewer staff in post than needed"
        case .trainingGap: "fewer trained staff than needed or in post"
        case .duplicateDevelopment: "several owners are developing resources for the same competency"
        case .duplicateResource: "resources from different providers fully develop the same competency"
        }
    }

    /// The position in the order reports list classes (the declaration order), without building `allCases`.
    var order: Int {
        switch self {
        case .unstaffedStep: 0
        case .uncoveredStep: 1
        case .undefinedCompetency: 2
        case .roleOutsideFramework: 3
        case .noResource: 4
        case .levelShortfall: 5
        case .placeholderResource: 6
        case .inHand: 7
        case .staleResource: 8
        case .capacityGap: 9
        case .trainingGap: 10
        case .duplicateDevelopment: 11
        case .duplicateResource: 12
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }
}
