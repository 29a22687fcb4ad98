/// Why a development need ranks where it does: one score, the product of its parts, each printed with it.
///
/// The rule (also in the README, "Priority"):
/// - **patients**: the patients a year the need reaches, counted once (1 when unknown, so that such needs rank by
///   their other parts);
/// - **severity**: 3 when any gap behind the need is an error, 2 a warning, 1 a note;
/// - **sharing**: the projects that share the need, times 1 + ¼ for each further staff group that needs the same
///   competency (one resource can serve them all), so cross-project needs rise;
/// - **cost**: 1 when a resource already goes part of the way (adapt it) or only a framework needs extending,
///   ½ when a resource must be commissioned from nothing.
public struct NeedScore: Hashable, Sendable, Comparable {
    public var patients: Double
    public var severity: Double
    public var sharing: Double
    public var cost: Double

    /// The product of the parts.
    public var value: Double { patients * severity * sharing * cost }

    /// The score of a need, given how many staff groups need its competency across the report.
    init(_ need: CompetencyNeed, groupsSharing: Int) {
        self.init(
            patients: need.patientsPerYear, classes: need.classes, projects: need.projects.count,
            groupsSharing: groupsSharing, hasCandidates: !need.candidates.isEmpty)
    }

    /// The score of a need or action from what it reaches and shows.
    ///
    /// - Parameters:
    ///   - patients: The patients a year reached, counted once; `nil` when unknown.
    ///   - classes: The gap classes behind it.
    ///   - projects: The projects where it arises.
    ///   - groupsSharing: The staff groups that need the competency anywhere in the report.
    ///   - hasCandidates: Whether some resource goes part of the way.
    init(patients: Double?, classes: [GapClass], projects: Int, groupsSharing: Int, hasCandidates: Bool) {
        self.patients = max(patients ?? 1, 1)
        let worst = classes.map(\.defaultSeverity).max() ?? .note
        severity = worst == .error ? 3 : worst == .warning ? 2 : 1
        sharing = Double(max(projects, 1)) * (1 + 0.25 * Double(max(groupsSharing - 1, 0)))
        let resourceNeeded = classes.contains { [.noResource, .levelShortfall, .placeholderResource].contains($0) }
        cost = resourceNeeded && !hasCandidates ? 0.5 : 1
    }

    public init(patients: Double, severity: Double, sharing: Double, cost: Double) {
        self.patients = patients
        self.severity = severity
        self.sharing = sharing
        self.cost = cost
    }

    /// By value.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
}
