/// A project with every file it names loaded.
public struct Project: Hashable, Sendable {
    public var manifest: ProjectManifest
    /// The folder holding `project.yaml`.
    public var directory: String
    /// The pathways as loaded: each one's ``PathwayIndex`` as its reader built it, the value made from it only when
    /// first asked for (``PathwayGraph/pathway``), so that analysis and rendering start from the index the reader
    /// built. (An importer that gives values, such as BPMN's, has each value indexed once instead.)
    public var graphs: [PathwayGraph]
    /// The pathways as values; setting them indexes each again.
    ///
    /// - Complexity: O(pathways) to get; O(V + E) per pathway to set.
    public var pathways: [Pathway] {
        get { graphs.map(\.pathway) }
        set { graphs = newValue.map(PathwayGraph.init) }
    }
    public var frameworks: [CompetencyFramework]
    public var resources: [EducationResource]
    public var staffGroups: [StaffGroup]
    public var workforce: [WorkforceRecord]
    /// For a regional variant: the path of the national project it is based on (as resolved when loading).
    public var national: String?
    /// For a regional variant: the changes its overlays make to the national pathways, with their reasons.
    public var overlays: [PathwayOverlay] = []
    /// Where the staff groups, frameworks and resources came from when the project was made around a lone pathway
    /// file rather than read from a `project.yaml` (the bundled catalogue, or files given); reports print it in
    /// their header.
    public var catalogueNote: String?

    public init(
        manifest: ProjectManifest, directory: String, pathways: [Pathway] = [],
        frameworks: [CompetencyFramework] = [], resources: [EducationResource] = [], staffGroups: [StaffGroup] = [],
        workforce: [WorkforceRecord] = []
    ) {
        self.manifest = manifest
        self.directory = directory
        graphs = pathways.map(PathwayGraph.init)
        self.frameworks = frameworks
        self.resources = resources
        self.staffGroups = staffGroups
        self.workforce = workforce
    }
}
