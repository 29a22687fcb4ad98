import Foundation

/// Where a framework project stands in the Clinical Pathway Initiative's life cycle: planned, developed,
/// submitted to the ratifying bodies, ratified, published on the GEP site, reviewed as tests and guidance change,
/// and eventually retired.
public enum ProjectStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case planned
    case inDevelopment = "in-development"
    case submittedForRatification = "submitted-for-ratification"
    case ratified
    case published
    case underReview = "under-review"
    case retired
    /// The status of earlier manifests, before the life cycle was modelled; still read (``Validator`` suggests
    /// `published` or `ratified` instead).
    case completed

    /// Reads a status, accepting spaces or underscores for hyphens and any case.
    public init?(written: String) {
        let normalised = written.lowercased().replacingOccurrences(of: " ", with: "-")
            .replacingOccurrences(of: "_", with: "-")
        self.init(rawValue: normalised == "indevelopment" ? "in-development" : normalised)
    }
}

/// A public source a project was built from.
public struct SourceReference: Hashable, Sendable {
    /// The key steps cite (`DG27`).
    public var id: String
    public var title: String
    public var url: String?
    public var location: SourceLocation?

    public init(id: String, title: String? = nil, url: String? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.title = title ?? id
        self.url = url
        self.location = location
    }
}

/// The manifest of a framework project (`project.yaml`): what it is and which files it uses.
public struct ProjectManifest: Hashable, Sendable {
    public var id: String
    public var title: String
    public var status: ProjectStatus
    /// "national", or the name of a region.
    public var region: String
    public var owner: String?
    public var description: String?
    /// Paths, relative to the manifest, of the pathway files.
    public var pathways: [String]
    /// Paths of competency framework files.
    public var frameworks: [String]
    /// Paths of education resource catalogues.
    public var resources: [String]
    /// Paths of staff group files.
    public var staffGroups: [String]
    /// Path of an optional workforce file.
    public var workforce: String?
    /// The public sources the pathway was built from.
    public var sources: [SourceReference]
    /// The project's dated status changes, oldest first (see ``StatusChange``).
    public var history: [StatusChange] = []
    /// The address of the published page (the GEP's Clinical Pathway Initiative page for the project).
    public var publishedPage: String?
    /// Where `status` was written, when it was.
    public var statusLocation: SourceLocation?
    /// For a regional variant: the national project folder it is based on, relative to the manifest.
    public var basedOn: String?
    public var location: SourceLocation?

    public init(
        id: String, title: String? = nil, status: ProjectStatus = .planned, region: String = "national",
        owner: String? = nil, description: String? = nil, pathways: [String] = [], frameworks: [String] = [],
        resources: [String] = [], staffGroups: [String] = [], workforce: String? = nil,
        sources: [SourceReference] = [], location: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title ?? id
        self.status = status
        self.region = region
        self.owner = owner
        self.description = description
        self.pathways = pathways
        self.frameworks = frameworks
        self.resources = resources
        self.staffGroups = staffGroups
        self.workforce = workforce
        self.sources = sources
        self.location = location
    }
}
