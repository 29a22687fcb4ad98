/// What a step is in the flow of a pathway.
public enum StepKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Where patients enter the pathway.
    case start
    /// Something a member of staff does.
    case activity
    /// A point where the route depends on a condition (a test result, an eligibility check).
    case decision
    /// A point where alternative routes join again.
    case merge
    /// A point after which every outgoing branch happens (BPMN's parallel gateway).
    case parallel
    /// Where patients leave the pathway.
    case end
    /// A step that stands for another pathway, described elsewhere.
    case reference

    /// Reads a kind, accepting the synonyms people write (`action`, `task`, `subprocess`, `gateway`).
    public init?(written: String) {
        switch written.lowercased() {
        case "start", "entry": self = .start
        case "activity", "action", "task", "step": self = .activity
        case "decision", "choice", "gateway": self = .decision
        case "merge", "join": self = .merge
        case "parallel", "fork": self = .parallel
        case "end", "exit", "stop": self = .end
        case "reference", "subprocess", "sub-process", "subpathway", "sub-pathway": self = .reference
        default: return nil
        }
    }
}

/// A competency a step needs, optionally at a level of its framework's level scheme.
public struct CompetencyRequirement: Hashable, Sendable {
    /// The competency needed.
    public var competency: CompetencyID
    /// The level needed, written in the scheme of the framework that defines the competency.
    public var level: String?
    /// Where the requirement was written.
    public var location: SourceLocation?

    public init(competency: CompetencyID, level: String? = nil, location: SourceLocation? = nil) {
        self.competency = competency
        self.level = level
        self.location = location
    }
}

/// One step of a pathway: who does it, what they must know, where and when it happens.
public struct Step: Hashable, Sendable {
    public var id: StepID
    /// A short imperative title ("Request DPYD genotyping").
    public var label: String
    public var kind: StepKind
    /// The staff groups who perform the step.
    public var staffGroups: [StaffGroupID]
    /// The competencies the step needs.
    public var competencies: [CompetencyRequirement]
    /// Why a step needs no competency (for example, an administrative team sends a pack), so that it is not
    /// reported as uncovered.
    public var noCompetencyReason: String?
    /// The care setting ("primary care", "secondary care", "laboratory", …).
    public var setting: String?
    /// The stage of the pathway ("requesting testing", "interpreting and feeding back results", …).
    public var stage: String?
    /// Genomic test directory codes used at this step ("M1.7", "R210").
    public var testCodes: [String]
    /// The edition of the National Genomic Test Directory that `testCodes` were read from ("cancer v13.1").
    public var testDirectory: String?
    /// What the step rests on; `nil` when not stated (read as ``StepReading/sourced``).
    public var reading: StepReading?
    /// What in the step is the project's own reading, for ``StepReading/project`` steps.
    public var readingNote: String?
    /// Free-text notes.
    public var notes: String?
    /// Keys of the public sources that say this step happens (see ``ProjectManifest/sources``).
    public var sources: [String]
    /// Patients entering the pathway here each year (for starts).
    public var patientsPerYear: Double?
    /// For ``StepKind/reference`` steps, the pathway the step stands for.
    public var reference: String?
    /// Whether a national pathway marks the step as one regional variants must not change or remove.
    public var isFixed = false
    /// Where the step was written.
    public var location: SourceLocation?

    public init(
        id: StepID, label: String? = nil, kind: StepKind = .activity, staffGroups: [StaffGroupID] = [],
        competencies: [CompetencyRequirement] = [], noCompetencyReason: String? = nil, setting: String? = nil,
        stage: String? = nil, testCodes: [String] = [], notes: String? = nil, sources: [String] = [],
        patientsPerYear: Double? = nil, reference: String? = nil, testDirectory: String? = nil,
        reading: StepReading? = nil, readingNote: String? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        self.label = label ?? id.rawValue
        self.kind = kind
        self.staffGroups = staffGroups
        self.competencies = competencies
        self.noCompetencyReason = noCompetencyReason
        self.setting = setting
        self.stage = stage
        self.testCodes = testCodes
        self.notes = notes
        self.sources = sources
        self.patientsPerYear = patientsPerYear
        self.reference = reference
        self.testDirectory = testDirectory
        self.reading = reading
        self.readingNote = readingNote
        self.location = location
    }
}

/// A directed link from one step to the next.
public struct Transition: Hashable, Sendable {
    public var from: StepID
    public var to: StepID
    /// The condition under which patients take this link ("MMR deficient", "variant found").
    public var condition: String?
    /// The share of patients leaving `from` who take this link, from 0 to 1.
    public var share: Double?
    /// The key of the public source the share comes from (see ``ProjectManifest/sources``).
    public var source: String?
    /// Whether a national pathway marks the transition as one regional variants must not change or remove.
    public var isFixed = false
    /// Where the transition was written.
    public var location: SourceLocation?

    public init(
        from: StepID, to: StepID, condition: String? = nil, share: Double? = nil, source: String? = nil,
        location: SourceLocation? = nil
    ) {
        self.from = from
        self.to = to
        self.condition = condition
        self.share = share
        self.source = source
        self.location = location
    }
}
