/// A competency framework: areas of competence, each holding competency statements written at levels and for
/// staff groups.
public struct CompetencyFramework: Hashable, Sendable {
    public var id: FrameworkID
    public var title: String
    public var version: String?
    public var publisher: String?
    public var url: String?
    /// Whether the framework is published, partly reconstructed, or the project's working framework.
    public var provenance: Provenance
    /// The framework's level scheme, from the least to the most expert ("D", "C", "B", "A" or "1", "2", "3").
    /// Levels are only ever compared within one framework.
    public var levels: [String]
    public var areas: [CompetencyArea]
    /// Competencies of this framework that mean the same as competencies of another.
    public var equivalences: [CompetencyEquivalence]
    public var location: SourceLocation?

    public init(
        id: FrameworkID, title: String? = nil, version: String? = nil, publisher: String? = nil,
        url: String? = nil, provenance: Provenance = .published, levels: [String] = [],
        areas: [CompetencyArea] = [], equivalences: [CompetencyEquivalence] = [], location: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title ?? id.rawValue
        self.version = version
        self.publisher = publisher
        self.url = url
        self.provenance = provenance
        self.levels = levels
        self.areas = areas
        self.equivalences = equivalences
        self.location = location
    }

    /// Every competency of the framework, depth first in the order written.
    public var allCompetencies: [Competency] {
        var result: [Competency] = []
        var stack = areas.reversed() as [CompetencyArea]
        while let area = stack.popLast() {
            result += area.competencies
            stack += area.areas.reversed()
        }
        return result
    }

    /// The provenance of one of the framework's competencies: its area's, else the framework's.
    public func provenance(of competency: Competency) -> Provenance { competency.provenance ?? provenance }

    /// The position of a level in the scheme (0 is the least expert), or `nil` for a level not in it.
    public func rank(ofLevel level: String) -> Int? { levels.firstIndex(of: level) }
}

/// A group of related competencies (an "area of proficiency"); areas may nest.
public struct CompetencyArea: Hashable, Sendable {
    public var id: String
    public var title: String
    /// The area's provenance where it differs from its framework's (a reconstructed area of a published
    /// framework); `nil` means the enclosing area's or framework's.
    public var provenance: Provenance?
    public var competencies: [Competency]
    public var areas: [CompetencyArea]
    public var location: SourceLocation?

    public init(
        id: String, title: String? = nil, provenance: Provenance? = nil, competencies: [Competency] = [],
        areas: [CompetencyArea] = [], location: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title ?? id
        self.provenance = provenance
        self.competencies = competencies
        self.areas = areas
        self.location = location
    }
}

/// One competency statement.
public struct Competency: Hashable, Sendable {
    public var id: CompetencyID
    public var statement: String
    /// The levels of the framework's scheme that the statement is written at.
    public var levels: [String]
    /// The staff groups the statement is written for. Empty means the framework does not restrict it.
    public var staffGroups: [StaffGroupID]
    /// Knowledge, skill or behaviour, with the published code kept as written ("St, K").
    public var code: String?
    /// The provenance of the area that holds the competency, when an area states one (readers fill it in from
    /// the enclosing areas); `nil` means the framework's.
    public var provenance: Provenance?
    public var location: SourceLocation?

    public init(
        id: CompetencyID, statement: String = "", levels: [String] = [], staffGroups: [StaffGroupID] = [],
        code: String? = nil, provenance: Provenance? = nil, location: SourceLocation? = nil
    ) {
        self.provenance = provenance
        self.id = id
        self.statement = statement
        self.levels = levels
        self.staffGroups = staffGroups
        self.code = code
        self.location = location
    }
}

/// A statement that two competencies, usually of different frameworks, mean the same.
public struct CompetencyEquivalence: Hashable, Sendable {
    public var competency: CompetencyID
    public var equivalent: CompetencyID
    public var location: SourceLocation?

    public init(competency: CompetencyID, equivalent: CompetencyID, location: SourceLocation? = nil) {
        self.competency = competency
        self.equivalent = equivalent
        self.location = location
    }
}
