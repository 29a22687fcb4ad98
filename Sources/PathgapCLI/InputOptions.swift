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
/// Readers that stream (native YAML and JSON, edge lists) give each pathway as a ``PathwayIndex``; importers give
/// values, indexed once. A project keeps the indexes it was loaded into (``Project/graphs``). Commands that work on
/// the index (`validate`, `decompose` with chains or phases) never make a value; the others ask for ``graphs``, whose
/// values are made from the indexes, not the other way round.
struct Workspace {
    /// The project, when the input was one.
    var project: Project?
    /// What importers reported while reading.
    var importFindings: [Finding]
    /// The pathways as a streaming reader built them (`nil` for a project or an importer's values).
    private var streamed: [PathwayIndex]?
    /// The pathways with their indexes, for a project or an importer's values.
    private var loaded: [PathwayGraph]

    private init(project: Project?, importFindings: [Finding], streamed: [PathwayIndex]? = nil, loaded: [PathwayGraph])
    {
        self.project = project
        self.importFindings = importFindings
        self.streamed = streamed
        self.loaded = loaded
    }

    /// The pathways as indexes, as read.
    ///
    /// - Complexity: O(pathways).
    var indexes: [PathwayIndex] { streamed ?? loaded.map(\.index) }

    /// The pathways with their indexes; a streamed index's value is made from it only when asked for
    /// (``PathwayKit/PathwayGraph/pathway``).
    ///
    /// - Complexity: O(pathways).
    var graphs: [PathwayGraph] { streamed.map { $0.map(PathwayGraph.init(index:)) } ?? loaded }

    /// The pathways as values (made from the indexes for streamed ones; ask once). `render` and `convert` never
    /// ask: they draw and write from the indexes.
    var pathways: [Pathway] { graphs.map(\.pathway) }

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
            return Workspace(
                project: nil, importFindings: imported.findings, loaded: imported.pathways.map(PathwayGraph.init))
        }
        if ProjectLoader.isProject(path) {
            let (project, findings) = try ProjectLoader(pathwayReaders: readers).loadProject(at: path)
            return Workspace(project: project, importFindings: findings, loaded: project.graphs)
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw InputError(
                "is a folder without \(ProjectLoader.manifestName); give a project folder or a pathway file",
                at: SourceLocation(file: path))
        }
        let reader = try readers.reader(for: path, format: format)
        if let streamed = try reader.readIndex?(path) {
            return Workspace(project: nil, importFindings: [], streamed: streamed, loaded: [])
        }
        let imported = try reader.read(SourceFile.data(at: path), path)
        return Workspace(
            project: nil, importFindings: imported.findings, loaded: imported.pathways.map(PathwayGraph.init))
    }
}

extension DOTImporter.ClusterMapping: ExpressibleByArgument {}
