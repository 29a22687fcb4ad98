/// An education resource: a course, a page, a video, a workshop, that develops competencies.
public struct EducationResource: Hashable, Sendable {
    public var id: ResourceID
    public var title: String
    /// "article", "e-learning", "video", "workshop", "guideline", "genotes", "factsheet", "digital tool", …
    public var kind: String
    public var provider: String?
    public var url: String?
    /// The competencies it develops, each at a level of the competency's framework.
    public var develops: [ResourceCoverage]
    /// The staff groups it is written for. Empty means anyone.
    public var audience: [StaffGroupID]
    /// ISO dates (`YYYY-MM-DD`), where the provider publishes them.
    public var lastReviewed: String?
    public var nextReviewDue: String?
    /// Whether the resource is available or still in development.
    public var status: ResourceStatus = .available
    /// Who is developing it (a project, region or team), for resources in development.
    public var owner: String?
    /// When it is expected (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), for resources in development.
    public var expected: String?
    public var location: SourceLocation?

    public init(
        id: ResourceID, title: String? = nil, kind: String = "resource", provider: String? = nil,
        url: String? = nil, develops: [ResourceCoverage] = [], audience: [StaffGroupID] = [],
        lastReviewed: String? = nil, nextReviewDue: String? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title ?? id.rawValue
        self.kind = kind
        self.provider = provider
        self.url = url
        self.develops = develops
        self.audience = audience
        self.lastReviewed = lastReviewed
        self.nextReviewDue = nextReviewDue
        self.location = location
    }
}

/// A competency that a resource develops, and how far.
public struct ResourceCoverage: Hashable, Sendable {
    public var competency: CompetencyID
    /// The level reached, in the scheme of the competency's framework; `nil` when not stated.
    public var level: String?
    /// `false` when the resource covers the competency only in part.
    public var isPartial: Bool
    public var location: SourceLocation?

    public init(
        competency: CompetencyID, level: String? = nil, isPartial: Bool = false, location: SourceLocation? = nil
    ) {
        self.competency = competency
        self.level = level
        self.isPartial = isPartial
        self.location = location
    }
}
