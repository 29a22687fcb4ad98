import Foundation
import PathwayKit

/// A project made around one pathway file, so that `pathgap report` runs on a pathway without a `project.yaml`:
/// its staff groups, frameworks and resources are the files given with `--staff-groups`, `--frameworks` and
/// `--resources`, or, for what is not given, the bundled catalogue (``BundledCatalogue``).
struct LonePathway {
    /// The catalogue files to judge the pathway against; each empty list is filled from the bundled catalogue.
    var staffGroups: [String]
    var frameworks: [String]
    var resources: [String]

    /// Loads the pathway file (or standard input, `-`) as a project with the catalogue files.
    ///
    /// - Parameters:
    ///   - path: The pathway file.
    ///   - format: Its format, when the extension does not say (`--from`).
    ///   - console: Where standard input is read from.
    /// - Returns: The project, whose ``Project/catalogueNote`` says where its catalogue came from, and that note.
    /// - Throws: ``InputError`` for a file that cannot be read, ``CommandError`` when no catalogue is given and
    ///   none is bundled.
    func load(_ path: String, format: String?, console: Console) throws -> (project: Project, provenance: String) {
        for (option, files) in [
            ("--staff-groups", staffGroups), ("--frameworks", frameworks), ("--resources", resources),
        ] {
            for file in files where !FileManager.default.fileExists(atPath: file) {
                throw InputError("\(option) names a file that does not exist", at: SourceLocation(file: file))
            }
        }
        var files = (staffGroups: staffGroups, frameworks: frameworks, resources: resources)
        var bundled: [String] = []
        var catalogueFolder = ""
        if staffGroups.isEmpty || frameworks.isEmpty || resources.isEmpty {
            guard let catalogue = BundledCatalogue.find() else {
                throw CommandError(
                    message: "\(path) is a lone pathway file, and no bundled catalogue was found to judge it against; "
                        + "give --staff-groups, --frameworks and --resources, or set PATHGAP_CATALOGUE to a folder "
                        + "holding staff-groups.yaml, frameworks/ and resources/",
                    status: ExitStatus.badInput)
            }
            catalogueFolder = catalogue.folder
            if files.staffGroups.isEmpty {
                files.staffGroups = catalogue.staffGroups
                bundled.append("staff groups")
            }
            if files.frameworks.isEmpty {
                files.frameworks = catalogue.frameworks
                bundled.append("frameworks")
            }
            if files.resources.isEmpty {
                files.resources = catalogue.resources
                bundled.append("resources")
            }
        }
        let given = ["staff groups", "frameworks", "resources"].filter { !bundled.contains($0) }
        let workspace = try Workspace.load(path, format: format, console: console)
        let name = path == Workspace.standardInput ? Workspace.standardInputName : path
        var provenance = "A lone pathway file (\(name)), judged against "
        if !bundled.isEmpty { provenance += "the bundled catalogue's \(Self.list(bundled)) (\(catalogueFolder))" }
        if !given.isEmpty { provenance += (bundled.isEmpty ? "the " : " and the ") + "\(Self.list(given)) given" }
        provenance += "."
        let graphs = workspace.graphs
        let first = graphs.first?.index
        let stem = URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent
        let manifest = ProjectManifest(
            id: first?.id.rawValue ?? stem, title: first?.title ?? stem,
            frameworks: files.frameworks, resources: files.resources, staffGroups: files.staffGroups,
            location: SourceLocation(file: name))
        var (project, _) = try ProjectLoader(pathwayReaders: Workspace.readers).loadProject(
            manifest: manifest, directory: ".", location: SourceLocation(file: name))
        project.graphs = StaffGroupMatcher(project.staffGroups).matching(graphs).graphs
        project.catalogueNote = provenance
        return (project, provenance)
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
