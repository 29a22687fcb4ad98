import ArgumentParser
import Foundation
import Graphviz
import PathwayGraphviz
import PathwayKit

extension Pathgap {
    /// `pathgap render`: flowcharts of a pathway, laid out in process by Graphviz.
    public struct Render: PathgapCommand {
        public static let configuration = CommandConfiguration(
            commandName: "render",
            abstract: "Draw pathways as flowcharts (SVG, PNG, PDF, DOT).",
            discussion: """
                PATH is a project folder (every pathway it names is drawn) or one pathway file in any format pathgap \
                reads. Files are named after the pathway id: <id>.<ext> for the network, <id>.<n>.<ext> for the \
                n-th sub-pathway, <id>.overview.<ext> for the overview. Nothing is written unless every chart could \
                be drawn, and each file is written atomically. Warnings, about the input (Graphviz's own, for DOT) \
                and from Graphviz while drawing, go to standard error as <file>: warning: <message>.
                """
        )

        /// The charts to draw.
        public enum View: String, ExpressibleByArgument, CaseIterable, Sendable {
            case network, subpathways, overview
        }

        @Argument(help: "A project folder, a project.yaml, or a pathway file (YAML, JSON, DOT, BPMN, GraphML, CSV).")
        var path: String?

        @Option(help: "The pathway file's format when its extension does not say.")
        var from: String?

        @Option(help: "What DOT clusters mean: none, lanes (staff groups) or stages.")
        var clusters: DOTImporter.ClusterMapping = .none

        @Option(help: "What to draw: network (one chart), subpathways (one chart each) or overview.")
        var view: View = .network

        @Option(help: "How sub-pathways are cut for --view subpathways and overview: chains, stages or structure.")
        var strategy: DecompositionStrategy = .chains

        @Option(help: "Output format: svg, png, pdf (where installed, see --list-formats) or dot (the DOT text).")
        var format: String = "svg"

        @Option(help: "The folder to write into (created if missing).")
        var out: String = "."

        @Flag(help: "Draw one swimlane per staff group.")
        var lanes = false

        @Option(help: "The direction of flow: TB (top to bottom) or LR (left to right).")
        var rankdir: String = "TB"

        @Option(name: .customLong("max-steps"), help: "The most steps a whole-network chart may have.")
        var maxSteps: Int = FlowchartOptions.defaultMaxSteps

        @Flag(name: .customLong("list-formats"), help: "List the output formats the installed Graphviz provides.")
        var listFormats = false

        public init() {}

        public func validate() throws {
            if listFormats { return }
            guard path != nil else { throw ValidationError("Missing expected argument '<path>'.") }
            guard maxSteps > 0 else { throw ValidationError("--max-steps must be positive, found \(maxSteps).") }
            guard FlowchartOptions.Direction(rawValue: rankdir.uppercased()) != nil else {
                throw ValidationError("--rankdir must be TB or LR, found '\(rankdir)'.")
            }
            guard strategy != .routes else {
                throw ValidationError(
                    "--strategy routes lists routes, which overlap; draw chains, stages or structure.")
            }
        }

        func execute(console: Console) throws -> Int32 {
            if listFormats {
                console.print(GraphvizLibrary.availableFormats().joined(separator: "\n"))
                return ExitStatus.success
            }
            guard let path else { throw ValidationError("Missing expected argument '<path>'.") }
            let workspace = try Workspace.load(path, format: from, clusters: clusters)
            for finding in workspace.importFindings.sortedForOutput() where finding.severity >= .warning {
                console.printError(finding.description)
            }
            let fileFormat = format.split(separator: ":").first.map(String.init) ?? format
            if fileFormat != "dot" {
                let formats = GraphvizLibrary.availableFormats()
                guard formats.contains(fileFormat) else {
                    throw CommandError(
                        message: "the installed Graphviz cannot write '\(format)'; it provides: "
                            + formats.joined(separator: ", "),
                        status: ExitStatus.badInput)
                }
            }
            let options = FlowchartOptions(
                direction: FlowchartOptions.Direction(rawValue: rankdir.uppercased()) ?? .topToBottom, lanes: lanes,
                maxSteps: maxSteps)
            // Draw every chart before writing any, so that a failure leaves the folder as it was.
            var files: [(path: String, data: Data)] = []
            var owners: [(id: String, path: String)] = []
            for pathway in workspace.pathways {
                for chart in try Self.charts(of: pathway, view: view, strategy: strategy, options: options) {
                    let file = (out as NSString).appendingPathComponent("\(chart.name).\(fileFormat)")
                    owners.append((pathway.id.rawValue, file))
                    guard fileFormat != "dot" else {
                        files.append((file, Data(chart.dot.utf8)))
                        continue
                    }
                    let rendering = try GraphvizLibrary.render(dot: chart.dot, format: format)
                    for warning in rendering.warnings {
                        console.printError(Finding(graphviz: warning, at: SourceLocation(file: file)).description)
                    }
                    files.append((file, Data(rendering.bytes)))
                }
            }
            try AtomicFile.requireDistinct(owners)
            try AtomicFile.write(files)
            for file in files { console.print(file.path) }
            return ExitStatus.success
        }

        /// The DOT text of every chart of a view, with its file name (without extension).
        ///
        /// - Throws: ``CommandError`` (bad input) when the whole network is too large to lay out.
        static func charts(
            of pathway: Pathway, view: View, strategy: DecompositionStrategy = .chains, options: FlowchartOptions
        ) throws -> [(name: String, dot: String)] {
            let flowchart = Flowchart(pathway: pathway, options: options)
            let base = pathway.id.rawValue.fileNameSafe
            let parts = { PathwayGraph(pathway).decomposition(strategy).subpathways.map(FlowchartSubpathway.init) }
            switch view {
            case .network:
                do {
                    return [(base, try flowchart.network())]
                } catch {
                    throw CommandError(message: error.description, status: ExitStatus.badInput)
                }
            case .subpathways:
                return parts().enumerated().map { index, part in
                    ("\(base).\(index + 1)", flowchart.subpathway(part, number: index + 1))
                }
            case .overview:
                return [("\(base).overview", flowchart.overview(parts()))]
            }
        }

    }
}
