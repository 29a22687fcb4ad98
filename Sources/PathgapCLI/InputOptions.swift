import ArgumentParser
import Foundation
import PathwayGraphviz
import PathwayKit

/// The input a command works on: a project (folder or `project.yaml`) or one pathway file of any format.
struct InputOptions: ParsableArguments {
    @Argument(help: "A project folder (holding project.yaml), a project.yaml, a pathway file, or - (standard input).")
    var path: String

    @Option(help: Workspace.fromHelp)
    var from: String?

    @Option(
        help:
            "What DOT clusters mean: auto (a cluster naming a staff group is a lane, any other a stage), lanes, stages or none."
    )
    var clusters: DOTImporter.ClusterMapping = .auto

    /// Loads the input.
    ///
    /// - Throws: ``InputError`` when a file cannot be read.
    /// The input as messages name it: the path, or `<stdin>` for `-`.
    var displayName: String { path == Workspace.standardInput ? Workspace.standardInputName : path }

    func load(console: Console) throws -> Workspace {
        try Workspace.load(path, format: from, clusters: clusters, console: console)
    }
}

/// What a command loaded: one project, or standalone pathways read from one file.
///
/// A pathway comes either as a value (native files, importers, projects) or as a ``PathwayIndex`` streamed straight
/// from the file (edge lists); each form is made from the other only when a command asks for it.
struct Workspace {
    /// The project, when the input was one.
    var project: Project?
    /// What importers reported while reading.
    var importFindings: [Finding]
    /// The pathways as read, as values.
    private var values: [Pathway]?
    /// The pathways as read, as indexes.
    private var streamed: [PathwayIndex]?

    /// The pathways as values (made from the indexes when the reader streamed them).
    var pathways: [Pathway] { values ?? (streamed ?? []).map { $0.pathway() } }

    /// The pathways as indexes (built from the values when the reader made values).
    var indexes: [PathwayIndex] { streamed ?? (values ?? []).map(PathwayIndex.init) }

    /// The readers every command uses: the core library's and the DOT reader through Graphviz.
    static var readers: PathwayReaders { readers(clusters: .auto) }

    /// The readers, with DOT clusters read as asked.
    static func readers(clusters: DOTImporter.ClusterMapping) -> PathwayReaders {
        PathwayReaders.standard.adding([.dot(clusters: clusters)])
    }

    /// The path that means standard input.
    static let standardInput = "-"

    /// How standard input is named in messages and source locations.
    static let standardInputName = "<stdin>"

    /// The `--from` help, listing the format names exactly as an unknown name's error does.
    static let fromHelp = ArgumentHelp(
        "The pathway's format when the extension does not say, or for - (standard input): "
            + readers.formatNames.joined(separator: ", ") + ".",
        valueName: "format")

    /// Loads a project or a pathway file, or (for `-`) a pathway from standard input in the `--from` format.
    ///
    /// - Throws: ``InputError`` when the input cannot be read.
    static func load(
        _ path: String, format: String? = nil, clusters: DOTImporter.ClusterMapping = .auto, console: Console
    ) throws -> Workspace {
        let readers = readers(clusters: clusters)
        if path == standardInput {
            guard let format else {
                throw InputError(
                    "standard input has no extension to tell its format; name it with --from ("
                        + readers.formatNames.joined(separator: ", ") + ")",
                    at: SourceLocation(file: standardInputName))
            }
            let reader = try readers.reader(for: standardInputName, format: format)
            let imported = try reader.read(console.readInput(), standardInputName)
            return Workspace(project: nil, importFindings: imported.findings, values: imported.pathways)
        }
        if ProjectLoader.isProject(path) {
            let (project, findings) = try ProjectLoader(pathwayReaders: readers).loadProject(at: path)
            return Workspace(project: project, importFindings: findings, values: project.pathways)
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw InputError(
                "is a folder without \(ProjectLoader.manifestName); give a project folder or a pathway file",
                at: SourceLocation(file: path))
        }
        let reader = try readers.reader(for: path, format: format)
        if let streamed = try reader.readIndex?(path) {
            return Workspace(project: nil, importFindings: [], streamed: streamed)
        }
        let imported = try reader.read(SourceFile.data(at: path), path)
        return Workspace(project: nil, importFindings: imported.findings, values: imported.pathways)
    }
}

extension DOTImporter.ClusterMapping: ExpressibleByArgument {}
