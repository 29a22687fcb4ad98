import ArgumentParser
import Foundation
import PathwayKit

extension Pathgap {
    /// `pathgap generate`: writes a seeded synthetic pathway network, for tests and benchmarks, or a whole project
    /// around one so that `pathgap report` runs on it.
    struct Generate: PathgapCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a reproducible synthetic pathway network (or a project around one) of a given size.",
            discussion: """
                Long chains with decision points, merges and loops back, stages in runs, ~1.3 transitions per \
                step. The same --steps and --seed always give byte-identical files. An edge list is written with \
                commas (.csv) or tabs (.tsv), as its extension says; with --annotate its node table (id, kind, \
                label, stage, staffGroups, competencies) goes beside it as <name>.nodes.<ext>, where every command \
                reading the edge list picks it up. --project DIR writes a ready project instead: project.yaml, the \
                annotated network (pathway.csv and pathway.nodes.csv), a competency framework, resources and staff \
                groups (or, with --ids-from, the files of that project), so that `pathgap report DIR` runs on it.
                """
        )

        @Option(parsing: .unconditional, help: "The number of steps (at least 2).")
        var steps: Int

        @Option(parsing: .unconditional, help: "The random seed (a whole number, 0 or more).")
        var seed: UInt64 = 1

        @Option(
            help: ArgumentHelp(
                "Where to write the network: an edge list (.csv with commas, .tsv with tabs), or a native pathway "
                    + "(.yaml/.yml or .json); the extension gives the format unless --format does.",
                valueName: "file"))
        var out: String?

        @Option(
            help: ArgumentHelp(
                "Write a ready project into this folder (instead of --out): manifest, network, framework, resources "
                    + "and staff groups.",
                valueName: "folder"))
        var project: String?

        @Option(
            help: ArgumentHelp(
                "Where to write the node table of an edge list (default with --annotate: <name>.nodes.<ext> beside "
                    + "it).",
                valueName: "file"))
        var nodesOut: String?

        @Option(help: "The output format (default: from --out's extension; an edge list for any other).")
        var format: GeneratedFormat?

        @Flag(help: "Annotate steps with staff groups and competencies.")
        var annotate = false

        @Option(help: "Comma-separated staff group ids to draw from (implies --annotate).")
        var staffGroups: String?

        @Option(help: "Comma-separated competency ids to draw from (implies --annotate).")
        var competencies: String?

        @Option(
            help: "A project folder whose staff groups and framework competencies to draw from (implies --annotate).")
        var idsFrom: String?

        func validate() throws {
            guard steps >= 2 else { throw ValidationError("--steps must be at least 2, found \(steps)") }
            guard steps < Int(Int32.max) else { throw ValidationError("--steps must be below 2^31, found \(steps)") }
            switch (out, project) {
            case (nil, nil): throw ValidationError("give --out FILE (a network) or --project FOLDER (a project)")
            case (.some, .some): throw ValidationError("give --out or --project, not both")
            default: break
            }
            if project != nil, format != nil || nodesOut != nil {
                throw ValidationError("--project writes its own files; --format and --nodes-out go with --out")
            }
        }

        func execute(console: Console) throws -> Int32 {
            var staffFallback = PathwayGenerator.defaultStaffGroups
            var competencyFallback = PathwayGenerator.defaultCompetencies
            let annotate = self.annotate || idsFrom != nil || staffGroups != nil || competencies != nil
            var source: Project?
            if let idsFrom {
                let (project, _) = try ProjectLoader(pathwayReaders: Workspace.readers).loadProject(at: idsFrom)
                staffFallback = project.staffGroups.map(\.id.rawValue)
                competencyFallback = project.frameworks.flatMap(\.allCompetencies).map(\.id.rawValue)
                guard !staffFallback.isEmpty || !competencyFallback.isEmpty else {
                    throw CommandError(
                        message: "project '\(idsFrom)' defines no staff groups or competencies to draw from",
                        status: ExitStatus.badInput)
                }
                source = project
            }
            func list(_ text: String?, default fallback: [String]) -> [String] {
                if let text { return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
                return annotate || project != nil ? fallback : []
            }
            let generator = PathwayGenerator(
                PathwayGenerator.Options(
                    steps: steps, seed: seed,
                    staffGroups: list(staffGroups, default: staffFallback),
                    competencies: list(competencies, default: competencyFallback)))
            let files: [(path: String, data: Data, what: String)]
            if let project {
                files = GeneratedProject(generator: generator, folder: project, source: source).files()
            } else {
                files = networkFiles(generator, out: out ?? "", annotate: annotate)
            }
            try AtomicFile.write(files.map { ($0.path, $0.data) })
            console.printError(
                "wrote \(files.map { "\($0.path) (\($0.what))" }.joined(separator: ", ")): "
                    + "\(counted(generator.stepCount, "step")), \(counted(generator.sources.count, "transition")) "
                    + "(seed \(seed))")
            if let project {
                console.printError("next: pathgap report \(project) --out \(project)/report")
            }
            return ExitStatus.success
        }

        /// The files of `--out`: the edge list (with its node table when annotated or asked for), or the YAML.
        func networkFiles(
            _ generator: PathwayGenerator, out: String, annotate: Bool
        ) -> [(path: String, data: Data, what: String)] {
            let chosen = format ?? GeneratedFormat(extensionOf: out)
            switch chosen {
            case .edgelist:
                let separator = EdgeListSeparator(path: out)
                var files = [(out, Data(generator.edgeListBytes(separator: separator.byte)), "edge list")]
                if let nodes = nodesOut ?? (annotate ? Self.nodeTablePath(for: out) : nil) {
                    files.append(
                        (
                            nodes, Data(generator.nodeTableBytes(separator: EdgeListSeparator(path: nodes).byte)),
                            "node table"
                        ))
                }
                return files
            case .yaml, .json:
                let stem = URL(fileURLWithPath: out).deletingPathExtension().lastPathComponent
                let text = NativeFormat.text(
                    for: generator.pathway(id: PathwayID(stem)), syntax: chosen == .json ? .json : .yaml)
                return [(out, Data(text.utf8), "pathway")]
            }
        }

        /// The node table beside an edge list, where the edge-list reader looks for it: `<name>.nodes.<ext>`.
        static func nodeTablePath(for edgeList: String) -> String {
            let ext = (edgeList as NSString).pathExtension
            let stem = (edgeList as NSString).deletingPathExtension
            return "\(stem).nodes.\(ext.isEmpty ? "csv" : ext)"
        }
    }
}

/// What `pathgap generate` writes.
enum GeneratedFormat: String, ExpressibleByArgument, CaseIterable {
    case edgelist, yaml, json

    /// The format a file name asks for: `.yaml`/`.yml` a native YAML pathway, `.json` a native JSON one, anything
    /// else an edge list.
    init(extensionOf path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "yaml", "yml": self = .yaml
        case "json": self = .json
        default: self = .edgelist
        }
    }
}

/// The column separator an edge list's extension asks for: a tab for `.tsv`, else a comma.
struct EdgeListSeparator {
    var byte: UInt8

    init(path: String) {
        byte = (path as NSString).pathExtension.lowercased() == "tsv" ? 0x09 : UInt8(ascii: ",")
    }
}
