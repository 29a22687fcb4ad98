import Foundation

/// What a framework reader made of a file: the frameworks and what it could not carry over.
public struct FrameworkImport: Sendable {
    public var frameworks: [CompetencyFramework]
    public var findings: [Finding]

    public init(frameworks: [CompetencyFramework], findings: [Finding] = []) {
        self.frameworks = frameworks
        self.findings = findings
    }
}

/// A reader for one competency framework file format.
public struct FrameworkReader: Sendable {
    public var name: String
    /// Whether this reader takes the file (by extension and, where needed, a look at the bytes).
    public var accepts: @Sendable (_ data: Data, _ path: String) -> Bool
    public var read: @Sendable (_ data: Data, _ path: String) throws -> FrameworkImport

    public init(
        name: String, accepts: @escaping @Sendable (_ data: Data, _ path: String) -> Bool,
        read: @escaping @Sendable (_ data: Data, _ path: String) throws -> FrameworkImport
    ) {
        self.name = name
        self.accepts = accepts
        self.read = read
    }

    /// The native framework format, in YAML or JSON.
    public static let native = FrameworkReader(
        name: "native", accepts: { _, path in ["yaml", "yml", "json"].contains(path.fileExtension) },
        read: { data, path in
            FrameworkImport(frameworks: [
                try NativeFormat.framework(from: SourceFile.text(from: data, file: path), file: path)
            ])
        })

    /// Every framework reader of the core library, most specific first.
    public static var all: [FrameworkReader] { coreImporters + [.native] }

    /// Framework importers (CASE JSON and CSV) that live in the core library.
    public static var coreImporters: [FrameworkReader] { [.caseJSON, .caseCSV] }

    /// Reads the frameworks in a file with the first reader that accepts it.
    ///
    /// - Throws: ``InputError`` when no reader accepts the file or it is malformed.
    public static func read(_ path: String, readers: [FrameworkReader] = all) throws -> FrameworkImport {
        let data = try SourceFile.data(at: path)
        guard let reader = readers.first(where: { $0.accepts(data, path) }) else {
            let ext = path.fileExtension
            throw InputError(
                (ext.isEmpty
                    ? "the file has no extension to tell its format"
                    : "cannot read a competency framework from a '.\(Quote.line(ext))' file")
                    + "; frameworks are native YAML or JSON (.yaml, .yml, .json), CASE JSON or CASE CSV (.csv)",
                at: SourceLocation(file: path), code: .unknownFormat)
        }
        return try reader.read(data, path)
    }
}

/// Loads a project folder: the manifest and every file it names.
public struct ProjectLoader: Sendable {
    public var pathwayReaders: PathwayReaders
    public var frameworkReaders: [FrameworkReader]

    public init(pathwayReaders: PathwayReaders = .standard, frameworkReaders: [FrameworkReader] = FrameworkReader.all) {
        self.pathwayReaders = pathwayReaders
        self.frameworkReaders = frameworkReaders
    }

    /// The manifest's file name.
    public static let manifestName = "project.yaml"

    /// Whether a path names a project (a folder holding `project.yaml`, or that file itself).
    public static func isProject(_ path: String) -> Bool {
        manifestPath(for: path) != nil
    }

    static func manifestPath(for path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue {
            let candidate = (path as NSString).appendingPathComponent(manifestName)
            return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
        }
        return URL(fileURLWithPath: path).lastPathComponent == manifestName ? path : nil
    }

    /// The project folders under a folder (itself, if it is one), sorted by path.
    public static func projects(under path: String) -> [String] {
        if isProject(path) { return [path] }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [] }
        return names.sorted().map { (path as NSString).appendingPathComponent($0) }.filter(isProject)
    }

    /// Loads a project with every file its manifest names.
    ///
    /// - Parameter path: A project folder, or its `project.yaml`.
    /// - Returns: The project and the findings importers made while reading its pathways and frameworks.
    /// - Throws: ``InputError`` naming the file and place of the first file that cannot be read.
    public func loadProject(at path: String) throws -> (project: Project, findings: [Finding]) {
        guard let manifestPath = Self.manifestPath(for: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw InputError(
                exists ? "no \(Self.manifestName) in this folder" : "no such file or folder",
                at: SourceLocation(file: path))
        }
        let manifestText = try SourceFile.text(at: manifestPath)
        let manifest = try NativeFormat.manifest(from: manifestText, file: manifestPath)
        let directory = (manifestPath as NSString).deletingLastPathComponent
        /// The line of the manifest that names an entry (the first line holding its text), else line 1.
        func entryLocation(_ entry: String) -> SourceLocation {
            var line = 1
            for text in manifestText.split(separator: "\n", omittingEmptySubsequences: false) {
                if let range = text.range(of: entry) {
                    return SourceLocation(
                        file: manifestPath, line: line,
                        column: text.distance(from: text.startIndex, to: range.lowerBound) + 1)
                }
                line += 1
            }
            return SourceLocation(file: manifestPath, line: 1, column: 1)
        }
        return try load(manifest: manifest, directory: directory, entryLocation: entryLocation)
    }

    /// Loads the files a manifest names (a manifest read from a `project.yaml`, or one made in code around a lone
    /// pathway file), and matches the staff groups steps name to the project's by id, name or alias
    /// (``StaffGroupMatcher``).
    ///
    /// - Parameters:
    ///   - manifest: The manifest.
    ///   - directory: The folder its relative paths start from (empty or `.` for the current folder).
    ///   - location: Where a missing file is reported: the manifest's first line.
    /// - Returns: The project and the findings importers and the staff group matching made.
    /// - Throws: ``InputError`` naming the file and place of the first file that cannot be read.
    public func loadProject(
        manifest: ProjectManifest, directory: String, location manifestLocation: SourceLocation
    ) throws -> (project: Project, findings: [Finding]) {
        try load(manifest: manifest, directory: directory) { _ in manifestLocation }
    }

    /// Loads the files a manifest names; `entryLocation` gives the place that names a file that does not exist.
    private func load(
        manifest: ProjectManifest, directory: String, entryLocation: (String) -> SourceLocation
    ) throws -> (project: Project, findings: [Finding]) {
        func resolve(_ relative: String) throws -> String {
            let path =
                relative.hasPrefix("/")
                ? relative : ((directory.isEmpty ? "." : directory) as NSString).appendingPathComponent(relative)
            let normalised = path.lexicallyNormalised
            guard FileManager.default.fileExists(atPath: normalised) else {
                throw InputError(
                    "the project names '\(Quote.line(relative))', which does not exist (looked for "
                        + "\(Quote.line(normalised)))",
                    at: entryLocation(relative), code: .missingFile)
            }
            return normalised
        }
        var project = Project(manifest: manifest, directory: directory.isEmpty ? "." : directory)
        var findings: [Finding] = []
        var overlays: [PathwayOverlay] = []
        for file in manifest.pathways {
            let path = try resolve(file)
            if manifest.basedOn != nil, let overlay = try Self.overlay(at: path) {
                overlays.append(overlay)
                continue
            }
            let imported = try pathwayReaders.readGraphs(path)
            project.graphs += imported.graphs
            findings += imported.findings
        }
        for file in manifest.frameworks {
            let imported = try FrameworkReader.read(try resolve(file), readers: frameworkReaders)
            project.frameworks += imported.frameworks
            findings += imported.findings
        }
        for file in manifest.resources {
            let path = try resolve(file)
            project.resources += try NativeFormat.resources(from: SourceFile.text(at: path), file: path)
        }
        for file in manifest.staffGroups {
            let path = try resolve(file)
            project.staffGroups += try NativeFormat.staffGroups(from: SourceFile.text(at: path), file: path)
        }
        if let file = manifest.workforce {
            let path = try resolve(file)
            project.workforce = try NativeFormat.workforce(from: SourceFile.text(at: path), file: path)
        }
        if let basedOn = manifest.basedOn {
            findings += try mergeNational(at: try resolve(basedOn), overlays: overlays, into: &project)
            // Labels an overlay changed or added never passed through a reader.
            for graph in project.graphs {
                try InputLimits.check(graph.index, file: directory.isEmpty ? "." : directory)
            }
        }
        let matched = StaffGroupMatcher(project.staffGroups).matching(project.graphs)
        project.graphs = matched.graphs
        findings += matched.findings
        return (project, findings)
    }
}

extension String {
    /// The extension of a path, lower case, without the dot.
    var fileExtension: String { URL(fileURLWithPath: self).pathExtension.lowercased() }

    /// The path with `.` and `name/..` components removed, without touching the file system, so that messages
    /// name files the way a reader would.
    var lexicallyNormalised: String {
        var parts: [Substring] = []
        for part in split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if hasPrefix("/") { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
