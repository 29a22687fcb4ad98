/// One gap: a learning or workforce need found at one step (or one workforce record), with where it was
/// written and what was found there.
///
/// Gaps are plain values, collected and reported, never thrown: where they were found (dense indices into the
/// project, ``GapOrigin``, besides the ids), what they are about, and what was found (``GapText``, data only). The
/// words a reader sees — ``message``, ``suggestedAction``, ``description`` — are made by the writers in `Output/`
/// when asked for. What a gap holds is fixed when it is made; its severity and reach may be changed. The fixed part is held in one small immutable box, which points to the parts shared
/// with other gaps (the step, and the requirement), so that making a gap costs one allocation and copying one
/// (reports sort and pool hundreds of thousands) costs one reference count.
public struct Gap: Hashable, Sendable {
    /// Where a gap was found. The analyzer shares one between all the gaps of a step.
    final class Site: Hashable, Sendable {
        let project: String
        let pathway: PathwayID?
        let subpathways: [String]
        /// The positions of `subpathways` in the pathway's decomposition (the first of each id), when the analyzer
        /// made the gap (for counting reach without hashing ids); `nil` otherwise.
        let subpathwayNumbers: [Int32]?
        let step: StepID?
        let stepLabel: String?
        let patientsPerYear: Double?
        /// Whether `patientsPerYear` rests on an assumed split (see ``PatientFlow``).
        let patientsEstimated: Bool

        init(
            project: String, pathway: PathwayID?, subpathways: [String], subpathwayNumbers: [Int32]?, step: StepID?,
            stepLabel: String?, patientsPerYear: Double?, patientsEstimated: Bool = false
        ) {
            self.project = project
            self.pathway = pathway
            self.subpathways = subpathways
            self.subpathwayNumbers = subpathwayNumbers
            self.step = step
            self.stepLabel = stepLabel
            self.patientsPerYear = patientsPerYear
            self.patientsEstimated = patientsEstimated
        }

        /// Sites are equal when they say the same (the analyzer's numbers are left out).
        static func == (lhs: Site, rhs: Site) -> Bool {
            lhs === rhs
                || (lhs.project == rhs.project && lhs.pathway == rhs.pathway && lhs.subpathways == rhs.subpathways
                    && lhs.step == rhs.step && lhs.stepLabel == rhs.stepLabel
                    && lhs.patientsPerYear == rhs.patientsPerYear && lhs.patientsEstimated == rhs.patientsEstimated)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(project)
            hasher.combine(pathway)
            hasher.combine(step)
            hasher.combine(subpathways)
            hasher.combine(patientsPerYear)
        }
    }

    /// What a gap is about: the competency, level and framework, and where the need was written. The analyzer
    /// shares one between all the gaps of a requirement (or of a step, for step gaps).
    final class Subject: Hashable, Sendable {
        let competency: CompetencyID?
        let requiredLevel: String?
        let framework: FrameworkID?
        let statement: String?
        let need: CompetencyID?
        let setting: String?
        let location: SourceLocation?
        /// The required level's position in its framework's scheme (see ``GapReach/levelRank``).
        let levelRank: Double?

        init(
            competency: CompetencyID?, requiredLevel: String?, framework: FrameworkID?, statement: String?,
            need: CompetencyID?, setting: String?, location: SourceLocation?, levelRank: Double?
        ) {
            self.competency = competency
            self.requiredLevel = requiredLevel
            self.framework = framework
            self.statement = statement
            self.need = need ?? competency
            self.setting = setting
            self.location = location
            self.levelRank = levelRank
        }

        /// Subjects are equal when they say the same (the level's rank follows from the level and is left out).
        static func == (lhs: Subject, rhs: Subject) -> Bool {
            lhs === rhs
                || (lhs.competency == rhs.competency && lhs.requiredLevel == rhs.requiredLevel
                    && lhs.framework == rhs.framework && lhs.statement == rhs.statement && lhs.need == rhs.need
                    && lhs.setting == rhs.setting && lhs.location == rhs.location)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(competency)
            hasher.combine(requiredLevel)
            hasher.combine(location)
        }
    }

    /// The fixed part of a gap.
    final class Storage: Hashable, Sendable {
        let site: Site
        let subject: Subject
        let staffGroup: StaffGroupID?
        let resource: ResourceID?
        let text: GapText
        let candidates: [CandidateResource]
        /// The analyzer's number of `candidates` (shared with the other gaps and requirements holding that list).
        let candidateList: CandidateList

        init(
            site: Site, subject: Subject, staffGroup: StaffGroupID?, resource: ResourceID?, text: GapText,
            candidates: [CandidateResource], candidateList: CandidateList = .unnumbered
        ) {
            self.site = site
            self.subject = subject
            self.staffGroup = staffGroup
            self.resource = resource
            self.text = text
            self.candidates = candidates
            self.candidateList = candidateList
        }

        static func == (lhs: Storage, rhs: Storage) -> Bool {
            lhs === rhs
                || (lhs.site == rhs.site && lhs.subject == rhs.subject && lhs.staffGroup == rhs.staffGroup
                    && lhs.resource == rhs.resource && lhs.text == rhs.text && lhs.candidates == rhs.candidates)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(site)
            hasher.combine(subject)
            hasher.combine(staffGroup)
            hasher.combine(resource)
            hasher.combine(text)
        }
    }

    /// A reach, boxed so that the gaps sharing a need share one (the report sets it for every gap).
    final class ReachBox: Sendable {
        let value: GapReach
        init(_ value: GapReach) { self.value = value }
    }

    let storage: Storage
    /// How much the gap matters (the class's default unless changed).
    public var severity: Severity
    /// The class of the gap (kept in the gap itself, not its storage: sorting and pooling read it for every gap).
    public let gapClass: GapClass
    /// The project-local number of the gap's need (equal numbers, equal ``GapReport/needKey(_:)``), set by the
    /// analyzer so that reports pool gaps without hashing ids; -1 where not set.
    var localNeed: Int32 = -1
    /// Where the gap was found, as dense indices (project in the report, pathway in the project, node in the
    /// pathway's graph), for fast pooling; -1 where not applicable.
    var origin = GapOrigin()
    /// The reach, once set; until then the gap's own (one step, its sub-pathways, one project).
    var reachBox: ReachBox?

    /// How far the same need reaches across the report; filled in by ``GapReport``.
    public var reach: GapReach {
        get {
            if let reachBox { return reachBox.value }
            let site = storage.site
            return GapReach(
                steps: 1, subpathways: site.subpathways.count, projects: 1, patientsPerYear: site.patientsPerYear,
                patientsEstimated: site.patientsEstimated, levelRank: storage.subject.levelRank)
        }
        set { reachBox = ReachBox(newValue) }
    }

    /// The project's id.
    public var project: String { storage.site.project }
    /// Where the step lies in the report's analyses, as typed indices (see ``StepPlace``); `nil` for gaps at no
    /// step (workforce and duplicate-resource gaps) and gaps made with the public initializer.
    public var place: StepPlace? { StepPlace(origin) }
    /// The sub-pathways holding the step, as indices into its pathway's ``PathwayAnalysis/decomposition`` (the
    /// first sub-pathway of each id); empty where ``place`` is `nil`.
    public var subpathwayIndices: [Index<Subpathway>] {
        guard place != nil, let numbers = storage.site.subpathwayNumbers else { return [] }
        return numbers.map { Index(raw: $0) }
    }
    /// The pathway of the step (absent for workforce gaps).
    public var pathway: PathwayID? { storage.site.pathway }
    /// The sub-pathways holding the step, in decomposition order.
    public var subpathways: [String] { storage.site.subpathways }
    /// The step the gap is at (absent for workforce gaps).
    public var step: StepID? { storage.site.step }
    /// The step's label, for readers.
    public var stepLabel: String? { storage.site.stepLabel }
    /// The staff group concerned, where there is one.
    public var staffGroup: StaffGroupID? { storage.staffGroup }
    /// The care setting (workforce gaps).
    public var setting: String? { storage.subject.setting }
    /// The competency concerned, as the step names it.
    public var competency: CompetencyID? { storage.subject.competency }
    /// The level the step needs, in the scheme of the competency's framework.
    public var requiredLevel: String? { storage.subject.requiredLevel }
    /// The framework of the competency, where it is defined.
    public var framework: FrameworkID? { storage.subject.framework }
    /// The competency's statement, where a framework defines it.
    public var statement: String? { storage.subject.statement }
    /// The competency under which the need is pooled across steps and projects: the least id among the
    /// competency and its equivalents.
    public var need: CompetencyID? { storage.subject.need }
    /// The resource concerned (placeholder and stale resources).
    public var resource: ResourceID? { storage.resource }
    /// What was found, as data (the writers make the words of it).
    var text: GapText { storage.text }
    /// Where the step, requirement or workforce record was written.
    public var location: SourceLocation? { storage.subject.location }
    /// Patients per year through the step (see ``PathwayGraph/patientFlow()``), when the pathway gives volumes.
    public var patientsPerYear: Double? { storage.site.patientsPerYear }
    /// Whether ``patientsPerYear`` rests on a split of patients assumed where a step gives no shares.
    public var patientsEstimated: Bool { storage.site.patientsEstimated }
    /// Resources that go part of the way (partial, for another audience, at a lower level, placeholder, stale).
    public var candidates: [CandidateResource] { storage.candidates }

    /// Creates a gap that says what it is given.
    public init(
        _ gapClass: GapClass, project: String, pathway: PathwayID? = nil, subpathways: [String] = [],
        step: StepID? = nil, stepLabel: String? = nil, staffGroup: StaffGroupID? = nil, setting: String? = nil,
        competency: CompetencyID? = nil, requiredLevel: String? = nil, framework: FrameworkID? = nil,
        statement: String? = nil, need: CompetencyID? = nil, resource: ResourceID? = nil, message: String,
        suggestedAction: String, location: SourceLocation?, patientsPerYear: Double? = nil,
        candidates: [CandidateResource] = []
    ) {
        self.init(
            gapClass,
            site: Site(
                project: project, pathway: pathway, subpathways: subpathways, subpathwayNumbers: nil, step: step,
                stepLabel: stepLabel, patientsPerYear: patientsPerYear),
            subject: Subject(
                competency: competency, requiredLevel: requiredLevel, framework: framework, statement: statement,
                need: need, setting: setting, location: location, levelRank: nil),
            staffGroup: staffGroup, resource: resource, text: .written(message: message, action: suggestedAction),
            candidates: candidates)
    }

    /// Creates a gap found at a site, about a subject (both shared with the other gaps found there).
    init(
        _ gapClass: GapClass, site: Site, subject: Subject, staffGroup: StaffGroupID? = nil,
        resource: ResourceID? = nil, text: GapText, candidates: [CandidateResource] = [],
        candidateList: CandidateList = .unnumbered
    ) {
        self.gapClass = gapClass
        storage = Storage(
            site: site, subject: subject, staffGroup: staffGroup, resource: resource, text: text,
            candidates: candidates, candidateList: candidateList)
        severity = gapClass.defaultSeverity
    }

    /// Gaps are equal when everything they hold is equal: class, severity, reach, where, what about and what was
    /// found.
    ///
    /// - Complexity: O(1) for gaps sharing their fixed part; otherwise the size of their ids and lists.
    public static func == (lhs: Gap, rhs: Gap) -> Bool {
        lhs.gapClass == rhs.gapClass && lhs.severity == rhs.severity && lhs.storage == rhs.storage
            && lhs.reach == rhs.reach
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(gapClass)
        hasher.combine(severity)
        hasher.combine(storage)
        hasher.combine(reach)
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
    /// The expected number of patients a year who pass through at least one of those steps (see
    /// ``PatientFlow``), added up over pathways; `nil` when no step has a volume.
    public var patientsPerYear: Double?
    /// Whether ``patientsPerYear`` rests on a split of patients assumed where a step gives no shares.
    public var patientsEstimated: Bool
    /// The required level's position in its framework's scheme, from 0 (least expert) to 1 (most), when known.
    public var levelRank: Double?

    public init(
        steps: Int, subpathways: Int, projects: Int, patientsPerYear: Double?, patientsEstimated: Bool = false,
        levelRank: Double? = nil
    ) {
        self.steps = steps
        self.subpathways = subpathways
        self.projects = projects
        self.patientsPerYear = patientsPerYear
        self.patientsEstimated = patientsEstimated
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
            lhs.order < rhs.order
        }

        private var order: Int {
            switch self {
            case .partial: 0
            case .otherAudience: 1
            case .lowerLevel: 2
            case .placeholder: 3
            case .stale: 4
            }
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

    /// By resource, then fewest reasons first (the best match), then reasons and level.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        if lhs.resource != rhs.resource { return lhs.resource < rhs.resource }
        if lhs.reasons.count != rhs.reasons.count { return lhs.reasons.count < rhs.reasons.count }
        if lhs.reasons != rhs.reasons { return lhs.reasons.lexicographicallyPrecedes(rhs.reasons) }
        return (lhs.level ?? "") < (rhs.level ?? "")
    }

    /// Two lists each sorted by resource with one entry per resource, merged into one such list keeping the better
    /// match for a resource in both.
    ///
    /// - Complexity: O(n + m).
    static func merged(_ lhs: [CandidateResource], _ rhs: [CandidateResource]) -> [CandidateResource] {
        var result: [CandidateResource] = []
        result.reserveCapacity(max(lhs.count, rhs.count))
        forEachMerged(lhs, rhs) { result.append($0) }
        return result
    }

    /// Calls `body` with each entry of ``merged(_:_:)`` in turn, without making the list.
    ///
    /// - Complexity: O(n + m).
    static func forEachMerged(
        _ lhs: [CandidateResource], _ rhs: [CandidateResource], _ body: (CandidateResource) -> Void
    ) {
        var i = 0
        var j = 0
        while i < lhs.count || j < rhs.count {
            if j == rhs.count || (i < lhs.count && lhs[i].resource < rhs[j].resource) {
                body(lhs[i])
                i += 1
            } else if i == lhs.count || rhs[j].resource < lhs[i].resource {
                body(rhs[j])
                j += 1
            } else {
                body(rhs[j] < lhs[i] ? rhs[j] : lhs[i])
                i += 1
                j += 1
            }
        }
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

/// Dense indices of where a gap was found.
struct GapOrigin: Hashable, Sendable {
    var project: Int32 = -1
    var pathway: Int32 = -1
    var node: Int32 = -1
}

/// What was found, kept as data: the writers in `Output/` make a gap's message and suggested action from it when
/// they are read (a large network has hundreds of thousands of gaps, and most reports print only some of them).
enum GapText: Hashable, Sendable {
    /// Words given by whoever made the gap through the public initializer.
    case written(message: String, action: String)
    case unstaffed
    case uncovered
    case undefined
    case roleOutside(who: String)
    case stale(StaleReview)
    case noResource(who: String, candidates: Int)
    case placeholder(who: String, title: String)
    case belowLevel(who: String, best: String?)
    /// Resources from several providers that each fully develop the gap's competency (duplicate-resource).
    case repeated(RepeatedResources)
    /// Nothing available yet, but a resource in development will meet the need (in-hand): its title, owner and
    /// expected date; boxed, as such gaps are few.
    indirect case inHand(who: String, title: String, owner: String?, expected: String?)
    /// Resources in development by several owners that will each fully develop the competency
    /// (duplicate-development), with the owners' names as first written.
    indirect case developedTwice(RepeatedResources, owners: [String])
    /// Fewer staff in post than needed (capacity-gap); boxed, as workforce gaps are few.
    indirect case capacity(who: String, setting: String?, inPost: Int, needed: Int)
    /// Fewer staff trained than needed or in post (training-gap).
    indirect case training(who: String, setting: String?, trained: Int, needed: Int?, inPost: Int?)
}

/// The resources that repeat one another for a competency, as a duplicate-resource gap lists them.
struct RepeatedResources: Hashable, Sendable {
    /// One resource that fully develops the competency, with its provider and the level it reaches.
    struct Entry: Hashable, Sendable {
        var resource: ResourceID
        var provider: String?
        var level: String?
        /// When a resource in development is expected.
        var expected: String?
    }

    /// In catalogue order.
    var entries: [Entry]
    /// How many providers they come from.
    var providers: Int
}

/// Why a resource is overdue for review at the as-of date: worked out once per resource and shared by its
/// stale-resource gaps.
final class StaleReview: Hashable, Sendable {
    /// Which rule found the resource overdue.
    enum Rule: Hashable, Sendable {
        /// Its `nextReviewDue` (as written) is before the as-of date.
        case due(String)
        /// It has no `nextReviewDue`, and its `lastReviewed` (as written) is more than this many months before the
        /// as-of date.
        case lastReviewed(String, months: Int)
    }

    let title: String
    let provider: String?
    let rule: Rule
    /// The as-of date, as written.
    let asOf: String

    init(title: String, provider: String?, rule: Rule, asOf: String) {
        self.title = title
        self.provider = provider
        self.rule = rule
        self.asOf = asOf
    }

    /// Reviews are equal when they say the same.
    static func == (lhs: StaleReview, rhs: StaleReview) -> Bool {
        lhs === rhs
            || (lhs.title == rhs.title && lhs.provider == rhs.provider && lhs.rule == rhs.rule && lhs.asOf == rhs.asOf)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(title)
        hasher.combine(rule)
    }
}
