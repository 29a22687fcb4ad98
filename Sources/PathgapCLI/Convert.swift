import ArgumentParser
import Foundation
import PathwayGraphviz
import PathwayKit

extension Pathgap {
    /// `pathgap convert`: reads a pathway file of any format and writes it in pathgap's own format (so that an
    /// imported model can be completed by hand), as plain DOT, as a Mermaid flowchart or as CSV tables.
    struct Convert: PathgapCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert a pathway to YAML, JSON, DOT, Mermaid, CSV, BPMN or GraphML.",
            discussion: """
                The input format comes from the extension or --from (yaml, json, dot, bpmn, graphml, csv). What \
                the importer could not carry over, and what Graphviz warned about while reading DOT, is listed on \
                standard error. Without --out the result goes to standard output. When the file holds several \
                pathways (several BPMN processes), pick one with --pathway, or give --out and each is written to \
                <out stem>-<pathway id>.<ext> (or <folder>/<pathway id>.<ext> when --out is a folder, ending in \
                /); ids are lower-cased, and a pathway whose id is the stem gets the --out name itself. Files are \
                written atomically, and nothing is written unless every pathway converted. BPMN and GraphML are \
                laid out through Graphviz for modellers and yEd: BPMN with one lane per staff group, GraphML with \
                yEd's shapes and geometry.
                """
        )

        /// The formats convert writes.
        enum Target: String, ExpressibleByArgument, CaseIterable {
            case yaml, json, dot, mermaid, csv, bpmn, graphml

            var fileExtension: String {
                switch self {
                case .yaml: "yaml"
                case .json: "json"
                case .dot: "dot"
                case .mermaid: "mmd"
                case .csv: "csv"
                case .bpmn: "bpmn"
                case .graphml: "graphml"
                }
            }

            /// The pathway in this format, written from its index; BPMN and GraphML are laid out through Graphviz.
            ///
            /// - Parameters:
            ///   - pathway: The pathway, as its reader indexed it.
            ///   - staffGroupNames: Display names of staff groups, for BPMN lanes.
            /// - Throws: ``PathwayKit/InputError`` when a BPMN or GraphML export meets a transition to a missing step,
            ///   or Graphviz's error when the layout fails.
            func text(for pathway: PathwayIndex, staffGroupNames: [StaffGroupID: String] = [:]) throws -> String {
                switch self {
                case .yaml: NativeFormat.text(for: pathway, syntax: .yaml)
                case .json: NativeFormat.text(for: pathway, syntax: .json)
                case .dot: PathwayDOTWriter.text(for: pathway)
                case .mermaid: PathwayMermaidWriter.text(for: pathway)
                case .csv: PathwayCSVWriter.text(for: pathway)
                case .bpmn:
                    BPMNWriter.text(
                        for: try exportable(pathway), layout: try DiagramLayouter.layout(pathway.records, lanes: true),
                        staffGroupNames: staffGroupNames)
                case .graphml:
                    GraphMLWriter.text(
                        for: try exportable(pathway), layout: try DiagramLayouter.layout(pathway.records, lanes: false))
                }
            }

            /// The pathway, when BPMN or GraphML can hold it (step ids unique and every transition between steps), read
            /// from its side tables.
            func exportable(_ pathway: PathwayIndex) throws -> PathwayIndex.Records {
                if let step = pathway.duplicateSteps.first?.step {
                    throw InputError(
                        "step id '\(step.id)' is used twice; \(rawValue.uppercased()) needs unique ids",
                        at: step.location ?? pathway.location ?? SourceLocation(file: "-"))
                }
                if let transition = pathway.danglingTransitions.first?.transition {
                    let missing = pathway.step(named: transition.from) != nil ? transition.to : transition.from
                    throw InputError(
                        "transition from '\(transition.from)' to '\(transition.to)' names step '\(missing)', "
                            + "which the pathway does not have",
                        at: transition.location ?? pathway.location ?? SourceLocation(file: "-"))
                }
                return pathway.records
            }
        }

        @OptionGroup var input: InputOptions

        @Option(help: "The format to write: yaml, json (pathgap's own), dot, mermaid, csv, bpmn or graphml.")
        var to: Target

        @Option(help: "The file to write (default: standard output).")
        var out: String?

        @Option(help: "The id of the pathway to convert, when the file holds several.")
        var pathway: String?

        func execute(console: Console) throws -> Int32 {
            let workspace = try input.load(console: console)
            for finding in workspace.importFindings.sortedForOutput() { console.printError(finding.description) }
            let all = workspace.indexes
            var pathways = all
            if let wanted = pathway {
                pathways = pathways.filter { $0.id.rawValue == wanted }
                guard !pathways.isEmpty else {
                    throw CommandError(
                        message: "no pathway '\(wanted)' in \(input.displayName) (it holds: "
                            + all.map(\.id.rawValue).joined(separator: ", ") + ")",
                        status: ExitStatus.badInput)
                }
            }
            guard !pathways.isEmpty else {
                throw CommandError(message: "\(input.displayName) holds no pathway", status: ExitStatus.badInput)
            }
            var names: [StaffGroupID: String] = [:]
            for group in workspace.project?.staffGroups ?? [] where names[group.id] == nil {
                names[group.id] = group.name
            }
            let texts = try pathways.map { (pathway: $0, text: try to.text(for: $0, staffGroupNames: names)) }
            guard let out else {
                if texts.count > 1, [.yaml, .json, .bpmn, .graphml].contains(to) {
                    throw CommandError(
                        message: "\(input.displayName) holds \(texts.count) pathways ("
                            + texts.map(\.pathway.id.rawValue).joined(separator: ", ")
                            + "); choose one with --pathway, or give --out to write one file each",
                        status: ExitStatus.badInput)
                }
                console.write(texts.map(\.text).joined(separator: "\n"))
                return ExitStatus.success
            }
            let ids = texts.map(\.pathway.id.rawValue)
            let paths = Self.fileNames(out: out, pathways: ids, fileExtension: to.fileExtension)
            try AtomicFile.requireDistinct(zip(ids, paths).map { (id: $0, path: $1) })
            let files = zip(paths, texts).map { (path: $0, text: $1.text) }
            try AtomicFile.write(files.map { ($0.path, Data($0.text.utf8)) })
            if files.count > 1 {
                console.printError(
                    "note: \(input.displayName) holds \(files.count) pathways; wrote one file each, named after --out and "
                        + "the pathway id (choose one with --pathway)")
            }
            for (file, text) in zip(files, texts) {
                console.printError(
                    "wrote \(file.path)" + (files.count > 1 ? " (pathway '\(text.pathway.id.rawValue)')" : ""))
            }
            return ExitStatus.success
        }

        /// The files several pathways are written to: `<stem>-<id>.<ext>` beside `--out` (the `--out` name itself
        /// for a pathway whose id is the stem), or `<folder>/<id>.<ext>` when `--out` ends in `/` or is a folder;
        /// ids lower-cased and made safe for file names. Two ids that clean up to one name (`p/1`, `p-1`) get the same
        /// path here; the caller refuses them with ``AtomicFile/requireDistinct(_:)`` before anything is written.
        static func fileNames(out: String, pathways ids: [String], fileExtension: String) -> [String] {
            guard ids.count > 1 else { return [out] }
            var isDirectory: ObjCBool = false
            let isFolder =
                out.hasSuffix("/")
                || (FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory)
                    && isDirectory.boolValue)
            let written = isFolder ? "" : (out as NSString).pathExtension
            let ext = written.isEmpty ? fileExtension : written
            let folder = isFolder ? out : (out as NSString).deletingLastPathComponent
            let stem = isFolder ? "" : ((out as NSString).lastPathComponent as NSString).deletingPathExtension
            return ids.map { id in
                let safe = id.fileNameSafe.lowercased()
                let name = stem.isEmpty || safe == stem.lowercased() ? (stem.isEmpty ? safe : stem) : "\(stem)-\(safe)"
                return (folder as NSString).appendingPathComponent("\(name).\(ext)")
            }
        }
    }
}
