import Foundation

/// Reads pathgap's own format, in YAML or JSON (one schema; JSON is read as YAML's flow style so that both keep
/// line and column for every value).
///
/// The schema is documented in the README ("The project format"). Unknown keys are errors, so that a misspelt key
/// never drops data silently.
public enum NativeFormat {
    /// What a native file holds, told from its top-level keys.
    public enum DocumentKind: String, Sendable {
        case project, pathway, framework, resources, staffGroups, workforce, overlay
    }

    /// The keys of a pathway, a step and a transition, in the order messages list them.
    enum PathwayKey: Int, CaseIterable, KeyNames {
        case id, title, description, steps, transitions, boundary
        static let table = KeyTable<Self>()
    }
    enum StepKey: Int, CaseIterable, KeyNames {
        case id, label, kind, staffGroups, competencies, noCompetencyReason, setting, stage, testCodes, notes, sources
        case patientsPerYear, reference, fixed, testDirectory, reading, readingNote
        static let table = KeyTable<Self>()
    }
    enum TransitionKey: Int, CaseIterable, KeyNames {
        case from, to, condition, share, fixed, source
        static let table = KeyTable<Self>()
    }

    static let pathwayKeys = PathwayKey.names
    static let stepKeys = StepKey.names
    static let transitionKeys = TransitionKey.names
    static let frameworkKeys = [
        "id", "title", "version", "publisher", "url", "provenance", "levels", "areas", "equivalences",
    ]
    static let areaKeys = ["id", "title", "provenance", "competencies", "areas"]
    static let competencyKeys = ["id", "statement", "levels", "staffGroups", "code"]
    static let resourceKeys = [
        "id", "title", "kind", "provider", "url", "develops", "audience", "lastReviewed", "nextReviewDue", "status",
        "owner", "expected",
    ]
    static let projectKeys = [
        "id", "title", "status", "region", "owner", "description", "pathways", "frameworks", "resources",
        "staffGroups", "workforce", "sources", "history", "publishedPage", "basedOn",
    ]

    /// Tells what a parsed native document holds.
    static func kind(of root: DocumentNode) -> DocumentKind? {
        guard case .mapping(let pairs) = root.value else { return nil }
        let keys = Set(
            pairs.compactMap { pair -> String? in
                if case .scalar(let key, _) = pair.key.value { return key }
                return nil
            })
        if keys.contains("pathways") { return .project }
        if keys.contains("overlay") { return .overlay }
        if keys.contains("steps") { return .pathway }
        if keys.contains("areas") || keys.contains("levels") { return .framework }
        if keys.contains("resources") { return .resources }
        if keys.contains("staffGroups") { return .staffGroups }
        if keys.contains("workforce") { return .workforce }
        return nil
    }

    /// Parses text as a native document, checking that it holds what is expected.
    static func document(_ text: String, file: String, expecting expected: DocumentKind) throws -> DocumentNode {
        let root = try DocumentNode.parse(text, file: file)
        guard case .mapping = root.value else {
            throw InputError(
                "expected a mapping at the top of the file, found \(root.shapeDescription)", at: root.location)
        }
        if let found = kind(of: root), found != expected {
            throw InputError(
                "expected a \(expected.rawValue) file, but this looks like a \(found.rawValue) file", at: root.location)
        }
        return root
    }

    // MARK: Pathways

    /// Reads a pathway file.
    ///
    /// - Parameters:
    ///   - text: The file's contents.
    ///   - file: The path to name in messages and locations.
    /// - Returns: The pathway, with the location of every step, transition and requirement.
    /// - Throws: ``InputError`` naming the line and column of the first problem.
    public static func pathway(from text: String, file: String) throws -> Pathway {
        if let index = streamedIndex(text, file: file) { return index.pathway() }
        return try pathwayFromTree(text, file: file)
    }

    /// Reads a pathway file into a ``PathwayIndex``: straight from the text's events where the streamed reader
    /// follows the file (``NativePathwayStream``), else through the tree reader, which reports what is wrong.
    ///
    /// - Parameters:
    ///   - text: The file's contents.
    ///   - file: The path to name in messages and locations.
    /// - Returns: The index of the pathway ``pathway(from:file:)`` reads.
    /// - Throws: ``InputError`` naming the line and column of the first problem.
    /// - Complexity: O(n) in the length of the text.
    public static func index(from text: String, file: String) throws -> PathwayIndex {
        if let index = streamedIndex(text, file: file) { return index }
        return PathwayIndex(try pathwayFromTree(text, file: file))
    }

    /// Reads a pathway file through a ``DocumentNode`` tree: what ``pathway(from:file:)`` does with a file the
    /// streamed reader leaves to it, so that every message keeps its wording, place and precedence.
    ///
    /// - Throws: ``InputError`` naming the line and column of the first problem.
    static func pathwayFromTree(_ text: String, file: String) throws -> Pathway {
        let root = try document(text, file: file, expecting: .pathway)
        let map = try root.mapping("the pathway", allowed: pathwayKeys)
        var pathway = Pathway(
            id: PathwayID(try map.string("id")),
            title: try map.optionalString("title"),
            description: try map.optionalString("description"),
            location: root.location)
        pathway.steps = try map.sequence("steps").map { try step($0) }
        pathway.transitions = try map.sequence("transitions").map { try transition($0) }
        if let boundary = map["boundary"] { pathway.boundary = try self.boundary(boundary) }
        return pathway
    }

    /// A pathway read straight from the text's events into its index (``NativePathwayStream``): JSON in a `.json`
    /// file from its bytes, anything else through libyaml's event stream; `nil` where the tree reader must read it
    /// (and report what is wrong).
    ///
    /// - Complexity: O(n) in the length of the text.
    static func streamedIndex(_ text: String, file: String) -> PathwayIndex? {
        // About one step in every 64 bytes of a generated file; the tables grow past it if need be.
        let capacity = max(16, text.utf8.count / 64)
        if file.hasSuffix(".json") {
            var text = text
            return text.withUTF8 { bytes in
                NativePathwayStream(source: JSONDocumentReader(bytes: bytes), file: file, capacity: capacity).index()
            }
        }
        return YAMLEventReader.withEvents(of: text) { reader in
            NativePathwayStream(source: YAMLEventSource(reader), file: file, capacity: capacity).index()
        }
    }

    /// The pathway value the streamed reader gives (``streamedIndex(_:file:)``, made into a value), for tests that
    /// hold it against the tree reader's.
    static func streamedPathway(_ text: String, file: String) -> Pathway? {
        streamedIndex(text, file: file)?.pathway()
    }

    /// Reads a step; `extraKeys` are allowed beside the step's own (an overlay's `reason`) and left to the caller.
    static func step(_ node: DocumentNode, extraKeys: [String] = []) throws -> Step {
        let map = try node.mapping("a step", allowed: stepKeys + extraKeys)
        let id = try map.string("id")
        let kind = try map.choice("kind", owner: "step '\(id)' has", parse: StepKind.init(written:)) ?? .activity
        let requirements = try map.sequence("competencies").map { item -> CompetencyRequirement in
            if case .scalar = item.value {
                return CompetencyRequirement(
                    competency: CompetencyID(try item.nonEmptyString("a competency")), location: item.location)
            }
            let entry = try item.mapping("a competency requirement", allowed: ["id", "level"])
            return CompetencyRequirement(
                competency: CompetencyID(try entry.string("id")), level: try entry.optionalString("level"),
                location: item.location)
        }
        let patients = try map.optionalDouble("patientsPerYear")
        if let patients, patients < 0, let node = map["patientsPerYear"] {
            throw InputError("'patientsPerYear' must not be negative, found \(patients)", at: node.location)
        }
        var result = Step(
            id: StepID(id), label: try map.optionalString("label"), kind: kind,
            staffGroups: try map.strings("staffGroups").map { StaffGroupID($0) }, competencies: requirements,
            noCompetencyReason: try map.optionalString("noCompetencyReason"),
            setting: try map.optionalString("setting"),
            stage: try map.optionalString("stage"), testCodes: try map.strings("testCodes"),
            notes: try map.optionalString("notes"), sources: try map.strings("sources"), patientsPerYear: patients,
            reference: try map.optionalString("reference"), testDirectory: try map.optionalString("testDirectory"),
            reading: try map.choice("reading", owner: "step '\(id)' has", parse: StepReading.init(rawValue:)),
            readingNote: try map.optionalString("readingNote"), location: node.location)
        result.isFixed = try map["fixed"]?.boolean("'fixed'") ?? false
        return result
    }

    /// Reads a transition; `extraKeys` are allowed beside its own and left to the caller.
    static func transition(_ node: DocumentNode, extraKeys: [String] = []) throws -> Transition {
        let map = try node.mapping("a transition", allowed: transitionKeys + extraKeys)
        let share = try map.optionalDouble("share")
        if let share, !(0...1).contains(share), let shareNode = map["share"] {
            throw InputError("'share' must be between 0 and 1, found \(share)", at: shareNode.location)
        }
        var transition = Transition(
            from: StepID(try map.string("from")), to: StepID(try map.string("to")),
            condition: try map.optionalString("condition"), share: share, source: try map.optionalString("source"),
            location: node.location)
        transition.isFixed = try map["fixed"]?.boolean("'fixed'") ?? false
        return transition
    }

    static func boundary(_ node: DocumentNode) throws -> PathwayBoundary {
        let map = try node.mapping("'boundary'", allowed: ["parent", "entries", "exits"])
        func links(_ key: String) throws -> [BoundaryLink] {
            try map.sequence(key).map { item in
                let link = try item.mapping("a boundary link", allowed: ["from", "to", "condition"])
                return BoundaryLink(
                    from: StepID(try link.string("from")), to: StepID(try link.string("to")),
                    condition: try link.optionalString("condition"))
            }
        }
        return PathwayBoundary(
            parent: PathwayID(try map.string("parent")), entries: try links("entries"), exits: try links("exits"))
    }

    // MARK: Frameworks

    /// Reads a competency framework file.
    ///
    /// - Throws: ``InputError`` naming the line and column of the first problem.
    public static func framework(from text: String, file: String) throws -> CompetencyFramework {
        let root = try document(text, file: file, expecting: .framework)
        let map = try root.mapping("the framework", allowed: frameworkKeys)
        let levels = try map.strings("levels")
        if let duplicate = levels.firstDuplicate, let node = map["levels"] {
            throw InputError("level '\(duplicate)' is listed twice in 'levels'", at: node.location)
        }
        var framework = CompetencyFramework(
            id: FrameworkID(try map.string("id")), title: try map.optionalString("title"),
            version: try map.optionalString("version"), publisher: try map.optionalString("publisher"),
            url: try map.optionalString("url"),
            provenance: try map.choice("provenance", owner: "the framework has", parse: Provenance.init(rawValue:))
                ?? .published,
            levels: levels, location: root.location)
        framework.areas = try map.sequence("areas").map { try area($0, levels: levels, provenance: nil) }
        framework.equivalences = try map.sequence("equivalences").map { item in
            let entry = try item.mapping("an equivalence", allowed: ["competency", "equivalent"])
            return CompetencyEquivalence(
                competency: CompetencyID(try entry.string("competency")),
                equivalent: CompetencyID(try entry.string("equivalent")), location: item.location)
        }
        return framework
    }

    /// Reads an area; `provenance` is the enclosing area's stated provenance, which the area and its
    /// competencies inherit unless the area states its own.
    static func area(_ node: DocumentNode, levels: [String], provenance: Provenance?) throws -> CompetencyArea {
        let map = try node.mapping("an area", allowed: areaKeys)
        let id = try map.string("id")
        let stated = try map.choice("provenance", owner: "area '\(id)' has", parse: Provenance.init(rawValue:))
        let inherited = stated ?? provenance
        return CompetencyArea(
            id: id, title: try map.optionalString("title"), provenance: stated,
            competencies: try map.sequence("competencies").map {
                try competency($0, levels: levels, provenance: inherited)
            },
            areas: try map.sequence("areas").map { try area($0, levels: levels, provenance: inherited) },
            location: node.location)
    }

    static func competency(_ node: DocumentNode, levels: [String], provenance: Provenance?) throws -> Competency {
        let map = try node.mapping("a competency", allowed: competencyKeys)
        let written = try map.strings("levels")
        if !levels.isEmpty, let unknown = written.first(where: { !levels.contains($0) }), let levelNode = map["levels"]
        {
            throw InputError(
                "level '\(unknown)' is not in the framework's levels (\(levels.joined(separator: ", ")))",
                at: levelNode.location)
        }
        return Competency(
            id: CompetencyID(try map.string("id")), statement: try map.optionalString("statement") ?? "",
            levels: written, staffGroups: try map.strings("staffGroups").map { StaffGroupID($0) },
            code: try map.optionalString("code"), provenance: provenance, location: node.location)
    }

    // MARK: Resources, staff groups, workforce

    /// Reads an education resource catalogue (`resources:` list).
    ///
    /// - Throws: ``InputError`` naming the line and column of the first problem.
    public static func resources(from text: String, file: String) throws -> [EducationResource] {
        let root = try document(text, file: file, expecting: .resources)
        let map = try root.mapping("the catalogue", allowed: ["resources"])
        return try map.sequence("resources").map { node in
            let entry = try node.mapping("a resource", allowed: resourceKeys)
            let develops = try entry.sequence("develops").map { item -> ResourceCoverage in
                if case .scalar = item.value {
                    return ResourceCoverage(
                        competency: CompetencyID(try item.nonEmptyString("a competency")), location: item.location)
                }
                let coverage = try item.mapping("a coverage", allowed: ["competency", "level", "partial"])
                return ResourceCoverage(
                    competency: CompetencyID(try coverage.string("competency")),
                    level: try coverage.optionalString("level"),
                    isPartial: try coverage["partial"]?.boolean("'partial'") ?? false, location: item.location)
            }
            for key in ["lastReviewed", "nextReviewDue"] {
                if let dateNode = entry[key] {
                    let date = try dateNode.string("'\(key)'")
                    guard date.isISODate else {
                        throw InputError(
                            "'\(key)' must be a date written YYYY-MM-DD, found '\(date)'", at: dateNode.location)
                    }
                }
            }
            var resource = EducationResource(
                id: ResourceID(try entry.string("id")), title: try entry.optionalString("title"),
                kind: try entry.optionalString("kind") ?? "resource", provider: try entry.optionalString("provider"),
                url: try entry.optionalString("url"), develops: develops,
                audience: try entry.strings("audience").map { StaffGroupID($0) },
                lastReviewed: try entry.optionalString("lastReviewed"),
                nextReviewDue: try entry.optionalString("nextReviewDue"), location: node.location)
            try readDevelopment(entry, node: node, into: &resource)
            return resource
        }
    }

    /// Reads a resource's `status`, `owner` and `expected`: a resource in development names who is developing it,
    /// and its expected date is written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    static func readDevelopment(_ entry: MappingReader, node: DocumentNode, into resource: inout EducationResource)
        throws
    {
        resource.status =
            try entry.choice("status", owner: "resource '\(resource.id)' has", parse: ResourceStatus.init(rawValue:))
            ?? .available
        resource.owner = try entry.optionalString("owner")
        resource.expected = try entry.optionalString("expected")
        if let expected = resource.expected, HistoryDate(expected) == nil {
            throw InputError(
                "'expected' must be written YYYY, YYYY-MM or YYYY-MM-DD, found '\(expected)'",
                at: entry["expected"]?.location ?? node.location)
        }
        if resource.status == .inDevelopment, (resource.owner ?? "").isEmpty {
            throw InputError(
                "resource '\(resource.id)' is in development but names no 'owner' (who is developing it)",
                at: entry["status"]?.location ?? node.location)
        }
    }

    /// Reads a staff group file (`staffGroups:` list).
    ///
    /// - Throws: ``InputError`` naming the line and column of the first problem.
    public static func staffGroups(from text: String, file: String) throws -> [StaffGroup] {
        let root = try document(text, file: file, expecting: .staffGroups)
        let map = try root.mapping("the staff group file", allowed: ["staffGroups"])
        return try map.sequence("staffGroups").map { node in
            let entry = try node.mapping("a staff group", allowed: ["id", "name", "family", "aliases"])
            return StaffGroup(
                id: StaffGroupID(try entry.string("id")), name: try entry.optionalString("name"),
                family: try entry.optionalString("family"), aliases: try entry.strings("aliases"),
                location: node.location)
        }
    }

    /// Reads a workforce file (`workforce:` list).
    ///
    /// - Throws: ``InputError`` naming the line and column of the first problem.
    public static func workforce(from text: String, file: String) throws -> [WorkforceRecord] {
        let root = try document(text, file: file, expecting: .workforce)
        let map = try root.mapping("the workforce file", allowed: ["workforce"])
        return try map.sequence("workforce").map { node in
            let entry = try node.mapping(
                "a workforce record", allowed: ["staffGroup", "setting", "inPost", "trained", "needed"])
            let record = WorkforceRecord(
                staffGroup: StaffGroupID(try entry.string("staffGroup")), setting: try entry.optionalString("setting"),
                inPost: try entry.optionalInteger("inPost"), trained: try entry.optionalInteger("trained"),
                needed: try entry.optionalInteger("needed"), location: node.location)
            for (key, value) in [("inPost", record.inPost), ("trained", record.trained), ("needed", record.needed)] {
                if let value, value < 0, let valueNode = entry[key] {
                    throw InputError("'\(key)' must not be negative, found \(value)", at: valueNode.location)
                }
            }
            if let inPost = record.inPost, let trained = record.trained, trained > inPost,
                let valueNode = entry["trained"]
            {
                throw InputError("'trained' (\(trained)) is more than 'inPost' (\(inPost))", at: valueNode.location)
            }
            return record
        }
    }

    // MARK: Projects

    /// Reads a project manifest (`project.yaml`).
    ///
    /// - Throws: ``InputError`` naming the line and column of the first problem.
    public static func manifest(from text: String, file: String) throws -> ProjectManifest {
        let root = try document(text, file: file, expecting: .project)
        let map = try root.mapping("the project", allowed: projectKeys)
        let status = try map.choice("status", owner: "the project has", parse: ProjectStatus.init(written:)) ?? .planned
        let pathways = try map.strings("pathways")
        guard !pathways.isEmpty else {
            throw InputError(
                "the project names no pathway file in 'pathways'", at: map["pathways"]?.location ?? root.location)
        }
        let history = try map.sequence("history").map(statusChange)
        var manifest = ProjectManifest(
            id: try map.string("id"), title: try map.optionalString("title"),
            status: map["status"] == nil ? history.last?.status ?? status : status,
            region: try map.optionalString("region") ?? "national", owner: try map.optionalString("owner"),
            description: try map.optionalString("description"), pathways: pathways,
            frameworks: try map.strings("frameworks"), resources: try map.strings("resources"),
            staffGroups: try map.strings("staffGroups"), workforce: try map.optionalString("workforce"),
            sources: try map.sequence("sources").map { node in
                let entry = try node.mapping("a source", allowed: ["id", "title", "url"])
                return SourceReference(
                    id: try entry.string("id"), title: try entry.optionalString("title"),
                    url: try entry.optionalString("url"), location: node.location)
            },
            location: root.location)
        manifest.history = history
        manifest.publishedPage = try map.optionalString("publishedPage")
        manifest.statusLocation = map["status"]?.location
        manifest.basedOn = try map.optionalString("basedOn")
        return manifest
    }

    /// Reads one entry of a project's `history`: `status`, `date` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; left out
    /// when the record does not give it), `body`, `note`.
    static func statusChange(_ node: DocumentNode) throws -> StatusChange {
        let entry = try node.mapping("a history entry", allowed: ["status", "date", "body", "note"])
        guard
            let status = try entry.choice("status", owner: "the history entry has", parse: ProjectStatus.init(written:))
        else {
            throw InputError("a history entry needs a 'status'", at: node.location)
        }
        var date: HistoryDate?
        if let written = try entry.optionalString("date") {
            guard let parsed = HistoryDate(written) else {
                throw InputError(
                    "'date' must be written YYYY, YYYY-MM or YYYY-MM-DD, found '\(written)'",
                    at: entry["date"]?.location ?? node.location)
            }
            date = parsed
        }
        return StatusChange(
            status: status, date: date, body: try entry.optionalString("body"), note: try entry.optionalString("note"),
            location: node.location)
    }
}

extension Array where Element: Hashable {
    /// The first element that appears a second time, if any.
    var firstDuplicate: Element? {
        var seen = Set<Element>()
        return first { !seen.insert($0).inserted }
    }
}

extension String {
    /// Whether the text is a calendar date written `YYYY-MM-DD`.
    var isISODate: Bool {
        let parts = split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
