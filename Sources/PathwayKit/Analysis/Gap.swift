/// One gap: a learning or workforce need found at one step (or one workforce record), with where it was
/// written and what to do about it.
///
/// Gaps are values, collected and reported, never thrown.
public struct Gap: Hashable, Sendable, CustomStringConvertible {
    public var gapClass: GapClass
    public var severity: Severity
    /// The project's id.
    public var project: String
    /// The pathway of the step (absent for workforce gaps).
    public var pathway: PathwayID?
    /// The sub-pathways holding the step, in decomposition order.
    public var subpathways: [String]
    /// The step the gap is at (absent for workforce gaps).
    public var step: StepID?
    /// The step's label, for readers.
    public var stepLabel: String?
    /// The staff group concerned, where there is one.
    public var staffGroup: StaffGroupID?
    /// The care setting (workforce gaps).
    public var setting: String?
    /// The competency concerned, as the step names it.
    public var competency: CompetencyID?
    /// The level the step needs, in the scheme of the competency's framework.
    public var requiredLevel: String?
    /// The framework of the competency, where it is defined.
    public var framework: FrameworkID?
    /// The competency's statement, where a framework defines it.
    public var statement: String?
    /// The competency under which the need is pooled across steps and projects: the least id among the
    /// competency and its equivalents.
    public var need: CompetencyID?
    /// The resource concerned (placeholder and stale resources).
    public var resource: ResourceID?
    public var message: String
    /// What to do: find or write a resource, train a group, name a group, extend a framework.
    public var suggestedAction: String
    /// Where the step, requirement or workforce record was written.
    public var location: SourceLocation?
    /// Patients per year through the step (see ``PathwayGraph/patientFlow()``), when the pathway gives volumes.
    public var patientsPerYear: Double?
    /// Resources that go part of the way (partial, for another audience, at a lower level, placeholder, stale).
    public var candidates: [CandidateResource]
    /// How far the same need reaches across the report; filled in by ``GapReport``.
    public var reach: GapReach

    public init(
        _ gapClass: GapClass, project: String, pathway: PathwayID? = nil, subpathways: [String] = [],
        step: StepID? = nil, stepLabel: String? = nil, staffGroup: StaffGroupID? = nil, setting: String? = nil,
        competency: CompetencyID? = nil, requiredLevel: String? = nil, framework: FrameworkID? = nil,
        resource: ResourceID? = nil, message: String, suggestedAction: String, location: SourceLocation?,
        patientsPerYear: Double? = nil, candidates: [CandidateResource] = []
    ) {
        self.gapClass = gapClass
        self.severity = gapClass.defaultSeverity
        self.project = project
        self.pathway = pathway
        self.subpathways = subpathways
        self.step = step
        self.stepLabel = stepLabel
        self.staffGroup = staffGroup
        self.setting = setting
        self.competency = competency
        self.requiredLevel = requiredLevel
        self.framework = framework
        self.statement = nil
        self.need = competency
        self.resource = resource
        self.message = message
        self.suggestedAction = suggestedAction
        self.location = location
        self.patientsPerYear = patientsPerYear
        self.candidates = candidates
        self.reach = GapReach(steps: 1, subpathways: subpathways.count, projects: 1, patientsPerYear: patientsPerYear)
    }

    /// `file:line:col: severity: message [class]`, as compilers print it.
    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(severity.rawValue): \(message) [\(gapClass.rawValue)]"
    }
}

/// How far one need reaches: the gaps that one action (one resource written, one group trained) would close.
public struct GapReach: Hashable, Sendable {
    /// Distinct steps (across pathways and projects) with the same need.
    public var steps: Int
    /// Distinct sub-pathways holding those steps.
    public var subpathways: Int
    /// Distinct projects.
    public var projects: Int
    /// Patients per year through those steps, summed (patient encounters); `nil` when no step has a volume.
    public var patientsPerYear: Double?
    /// The required level's position in its framework's scheme, from 0 (least expert) to 1 (most), when known.
    public var levelRank: Double?

    public init(steps: Int, subpathways: Int, projects: Int, patientsPerYear: Double?, levelRank: Double? = nil) {
        self.steps = steps
        self.subpathways = subpathways
        self.projects = projects
        self.patientsPerYear = patientsPerYear
        self.levelRank = levelRank
    }
}

/// A resource that goes part of the way towards a need.
public struct CandidateResource: Hashable, Sendable, Comparable {
    /// Why a resource is only a candidate.
    public enum Reason: String, Hashable, Sendable, Comparable, CaseIterable {
        case partial
        case otherAudience = "other-audience"
        case lowerLevel = "lower-level"
        case placeholder
        case stale

        public static func < (lhs: Self, rhs: Self) -> Bool {
            (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
        }
    }

    public var resource: ResourceID
    public var title: String
    /// The level the resource reaches, where stated.
    public var level: String?
    public var reasons: [Reason]

    public init(resource: ResourceID, title: String, level: String? = nil, reasons: [Reason]) {
        self.resource = resource
        self.title = title
        self.level = level
        self.reasons = reasons
    }

    /// `title (reason, reason)`.
    public var label: String {
        "\(title) (\(reasons.map(\.rawValue).joined(separator: ", "))\(level.map { ", level \($0)" } ?? ""))"
    }

    /// By resource, then fewest reasons first (the best match), then reasons and level.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        if lhs.resource != rhs.resource { return lhs.resource < rhs.resource }
        if lhs.reasons.count != rhs.reasons.count { return lhs.reasons.count < rhs.reasons.count }
        if lhs.reasons != rhs.reasons { return lhs.reasons.lexicographicallyPrecedes(rhs.reasons) }
        return (lhs.level ?? "") < (rhs.level ?? "")
    }

    /// One candidate per resource: the best match (fewest reasons) among several, in resource order.
    public static func best(_ candidates: some Sequence<CandidateResource>) -> [CandidateResource] {
        var result: [CandidateResource] = []
        for candidate in candidates.sorted() where result.last?.resource != candidate.resource {
            result.append(candidate)
        }
        return result
    }
}
