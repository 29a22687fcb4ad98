import ArgumentParser
import Foundation
import Graphviz
import PathwayGraphviz
import PathwayKit
import Synchronization

extension Pathgap {
    /// `pathgap render`: flowcharts of a pathway, laid out in process by Graphviz.
    public struct Render: PathgapCommand {
        public static let configuration = CommandConfiguration(
            commandName: "render",
            abstract: "Draw pathways as flowcharts (SVG, PNG, PDF, DOT and more), steps coloured by their worst gap.",
            discussion: """
                PATH is a project folder (every pathway it names is drawn, steps coloured by the gap analysis \
                unless --no-gaps) or one pathway file in any format pathgap reads (drawn plain). Files are named \
                after the pathway id: <id>.<ext> for the network, <id>.<nn>.<ext> for the nn-th sub-pathway \
                (zero-padded), <id>.overview.<ext> for the overview; --view all writes the overview, every \
                sub-pathway and <id>.index.html. Beside each SVG, PNG, PDF, JPG or WebP chart a <name>.txt holds \
                its text alternative (the steps in order, who does them, the branches). Nothing is written unless \
                every chart could be drawn, and each file is written atomically. Warnings, about the input \
                (Graphviz's own, for DOT) and from Graphviz while drawing, go to standard error as \
                <file>: warning: <message>.
                """
        )

        /// The charts to draw.
        public enum View: String, ExpressibleByArgument, CaseIterable, Sendable {
            case network, subpathways, overview, all
        }

        /// The formats `render` writes, in the order `--list-formats` shows them; each is offered only where the
        /// installed Graphviz provides it (`dot` is the DOT text itself and always available). Graphviz's other
        /// devices are left out on purpose: `x11`/`xlib` crash without a display, `gtk` needs one, `vrml` writes
        /// images into the working folder.
        static let allowedFormats = ["svg", "svgz", "png", "pdf", "jpg", "webp", "json", "dot"]

        /// Formats whose size is in pixels, so `--dpi` applies.
        static let rasterFormats: Set<String> = ["png", "jpg", "webp"]

        /// Formats that get a text alternative beside them.
        static let pictureFormats: Set<String> = ["svg", "svgz", "png", "pdf", "jpg", "webp"]

        @Argument(
            help: ArgumentHelp(
                "A project folder, a project.yaml, a pathway file (YAML, JSON, DOT, BPMN, GraphML, CSV), or - "
                    + "(standard input, with --from)."))
        var path: String?

        @Option(help: Workspace.fromHelp)
        var from: String?

        @Option(
            help:
                "What DOT clusters mean: auto (a cluster naming a staff group is a lane, any other a stage), lanes, stages or none."
        )
        var clusters: DOTImporter.ClusterMapping = .auto

        @Option(help: "What to draw: network, subpathways (one chart each), overview, or all (with an index page).")
        var view: View = .network

        /// The strategies whose sub-pathways can be drawn: all but routes, which overlap.
        static let drawableStrategies = DecompositionStrategy.allCases.filter { $0 != .routes }

        @Option(
            help: ArgumentHelp(
                "How sub-pathways are cut for --view subpathways and overview: "
                    + drawableStrategies.map(\.rawValue).joined(separator: ", ") + ".",
                valueName: "strategy"))
        var strategy: String = DecompositionStrategy.phases.rawValue

        /// The strategy named by `--strategy`, when it is one that can be drawn.
        var chartStrategy: DecompositionStrategy? {
            DecompositionStrategy(rawValue: strategy.lowercased()).flatMap {
                Self.drawableStrategies.contains($0) ? $0 : nil
            }
        }

        @Option(
            help: "Output format: svg, svgz, png, pdf, jpg, webp, json (where installed, see --list-formats) or dot.")
        var format: String = "svg"

        @Option(help: "The folder to write into (created if missing).")
        var out: String = "."

        @Flag(help: "Draw one swimlane per staff group.")
        var lanes = false

        @Flag(name: .customLong("no-gaps"), help: "Draw a project's charts plain, without running the gap analysis.")
        var noGaps = false

        @Option(
            help: "The resolution of PNG, JPG and WebP charts, in dots per inch (36-600; Graphviz's default is 96).")
        var dpi: Int?

        @Option(help: "The direction of flow: TB (top to bottom) or LR (left to right).")
        var rankdir: String = "TB"

        @Option(
            name: .customLong("max-steps"), parsing: .unconditional,
            help: "The most steps one chart (network or sub-pathway) may have.")
        var maxSteps: Int = FlowchartOptions.defaultMaxSteps

        @Option(
            name: .customLong("max-parts"), parsing: .unconditional, help: "The most parts an overview chart may have.")
        var maxParts: Int = FlowchartOptions.defaultMaxParts

        @Flag(name: .customLong("list-formats"), help: "List the output formats this Graphviz installation can write.")
        var listFormats = false

        public init() {}

        public func validate() throws {
            if listFormats { return }
            guard path != nil else { throw ValidationError("Missing expected argument '<path>'.") }
            guard maxSteps > 0 else { throw ValidationError("--max-steps must be positive, found \(maxSteps).") }
            guard maxParts > 0 else { throw ValidationError("--max-parts must be positive, found \(maxParts).") }
            if let dpi, !(36...600).contains(dpi) {
                throw ValidationError("--dpi must be between 36 and 600, found \(dpi).")
            }
            guard FlowchartOptions.Direction(rawValue: rankdir.uppercased()) != nil else {
                throw ValidationError("--rankdir must be TB or LR, found '\(rankdir)'.")
            }
            guard chartStrategy != nil else {
                throw ValidationError(
                    "--strategy must be one of "
                        + Self.drawableStrategies.map(\.rawValue).joined(separator: ", ")
                        + ", found '\(strategy)'" + (strategy.lowercased() == "routes" ? " (routes overlap)" : ""))
            }
        }

        /// The allowed formats this Graphviz installation provides.
        static func writableFormats() -> [String] {
            let installed = Set(GraphvizLibrary.availableFormats())
            return allowedFormats.filter { $0 == "dot" || installed.contains($0) }
        }

        func execute(console: Console) throws -> Int32 {
            let writable = Self.writableFormats()
            if listFormats {
                console.print(writable.joined(separator: "\n"))
                return ExitStatus.success
            }
            guard let path else { throw ValidationError("Missing expected argument '<path>'.") }
            let fileFormat = format.lowercased()
            guard writable.contains(fileFormat) else {
                throw CommandError(
                    message: "render cannot write '\(format)'; it writes: " + writable.joined(separator: ", "),
                    status: ExitStatus.badInput)
            }
            if dpi != nil, !Self.rasterFormats.contains(fileFormat) {
                console.printError("note: --dpi applies to png, jpg and webp only; the \(fileFormat) is drawn as it is")
            }
            let workspace = try Workspace.load(path, format: from, clusters: clusters, console: console)
            for finding in workspace.importFindings.sortedForOutput() where finding.severity >= .warning {
                console.printError(finding.description)
            }
            var names: [StaffGroupID: String] = [:]
            for group in workspace.project?.staffGroups ?? [] where names[group.id] == nil {
                names[group.id] = group.name
            }
            let graphs = workspace.graphs
            if workspace.project == nil {
                // A lone file has no table of names: its group ids (a BPMN lane's name in lower case, hyphenated)
                // are shown as words.
                for graph in graphs {
                    for group in graph.index.staffGroupIDs.names.map({ StaffGroupID($0) }) where names[group] == nil {
                        names[group] = Self.words(group.rawValue)
                    }
                }
            }
            let annotations = noGaps ? [:] : Self.annotations(of: workspace.project, strategy: chartStrategy ?? .phases)
            // Every chart's DOT first; each chart is then laid out when its file's turn comes, a batch at a time, and
            // written into the staging folder, so that the drawings are never all held in memory together. A
            // failure leaves the folder as it was.
            func place(_ name: String) -> String { (out as NSString).appendingPathComponent(name) }
            var charts: [Chart] = []
            var outputs: [Output] = []
            var owners: [(id: String, path: String)] = []
            for graph in graphs {
                let pathway = graph.index
                let options = FlowchartOptions(
                    direction: FlowchartOptions.Direction(rawValue: rankdir.uppercased()) ?? .topToBottom,
                    lanes: lanes, maxSteps: maxSteps, maxParts: maxParts, staffGroupNames: names,
                    links: view == .network
                        ? nil : FlowchartLinks(base: pathway.id.rawValue.fileNameSafe, fileExtension: fileFormat),
                    dpi: Self.rasterFormats.contains(fileFormat) ? dpi : nil)
                let flowchart = Flowchart(
                    index: pathway, annotations: annotations[pathway.id] ?? [:], options: options)
                let first = charts.count
                charts += try Self.charts(of: flowchart, graph: graph, view: view, strategy: chartStrategy ?? .phases)
                for position in first..<charts.count {
                    let file = place("\(charts[position].name).\(fileFormat)")
                    owners.append((pathway.id.rawValue, file))
                    outputs.append(Output(path: file, content: .chart(position)))
                    if fileFormat != "dot", Self.pictureFormats.contains(fileFormat) {
                        outputs.append(Output(path: place("\(charts[position].name).txt"), content: .text(position)))
                    }
                }
                if view == .all {
                    let base = pathway.id.rawValue.fileNameSafe
                    outputs.append(
                        Output(
                            path: place("\(base).index.html"),
                            content: .page(title: pathway.title)))
                }
            }
            try AtomicFile.requireDistinct(owners)
            var drawing = ChartDrawing(charts: charts, format: fileFormat)
            // The charts of the pathway being written, with their SVG text, for its index page.
            var drawn: [(chart: Chart, svg: String?)] = []
            try AtomicFile.write(paths: outputs.map(\.path)) { index, emit in
                let output = outputs[index]
                switch output.content {
                case .chart(let position):
                    let chart = charts[position]
                    guard fileFormat != "dot" else {
                        Self.emit(Array(chart.dot.utf8), to: emit)
                        return
                    }
                    let rendering: GraphvizRendering
                    switch drawing.rendering(position) {
                    case .success(let value): rendering = value
                    case .failure(let error):
                        throw CommandError(message: "\(output.path): \(error.description)", status: ExitStatus.failure)
                    }
                    for warning in rendering.warnings {
                        console.printError(
                            Finding(graphviz: warning, at: SourceLocation(file: output.path)).description)
                    }
                    Self.emit(rendering.bytes, to: emit)
                    if view == .all {
                        let svg = fileFormat == "svg" ? String(decoding: rendering.bytes, as: UTF8.self) : nil
                        drawn.append((chart, svg))
                    }
                case .text(let position):
                    Self.emit(Array(charts[position].text.utf8), to: emit)
                case .page(let title):
                    let page = ChartIndexPage(title: title, format: fileFormat, charts: drawn)
                    drawn.removeAll()
                    Self.emit(Array(page.html().utf8), to: emit)
                }
            }
            for output in outputs { console.print(output.path) }
            return ExitStatus.success
        }

        /// One file `render` writes: a chart, its text alternative, or a pathway's index page.
        struct Output {
            enum Content {
                /// The chart at a position of the list of charts.
                case chart(Int)
                /// The text alternative of the chart at a position.
                case text(Int)
                /// The index page of a pathway, over the charts written since the last page.
                case page(title: String)
            }

            var path: String
            var content: Content
        }

        /// Hands bytes to a file being written.
        static func emit(_ bytes: [UInt8], to emit: (UnsafeRawBufferPointer) -> Void) {
            bytes.withUnsafeBytes { emit($0) }
        }

        /// Charts laid out a batch at a time, in order, as their files are written: the batch holding the chart asked
        /// for is drawn by ``draw(_:format:)`` (one worker per core around the Graphviz lock), and the one before is
        /// dropped, so that memory holds one batch of drawings, not all of them.
        struct ChartDrawing {
            /// The charts drawn together: enough for every worker to keep busy, few enough to stay small.
            static let batchSize = 64

            let charts: [Chart]
            let format: String
            /// The first chart of the batch drawn, and the batch's results.
            private var batch: (start: Int, results: [Result<GraphvizRendering, GraphvizError>]) = (0, [])

            init(charts: [Chart], format: String) {
                self.charts = charts
                self.format = format
            }

            /// The drawing of the chart at a position.
            mutating func rendering(_ position: Int) -> Result<GraphvizRendering, GraphvizError> {
                if !(batch.start..<batch.start + batch.results.count).contains(position) {
                    let start = position - position % Self.batchSize
                    let end = min(charts.count, start + Self.batchSize)
                    batch = (start, Render.draw(Array(charts[start..<end]), format: format))
                }
                return batch.results[position - batch.start]
            }
        }

        /// An id as words: hyphens and underscores as spaces, the first letter upper-case (`team-assistant` →
        /// `Team assistant`).
        static func words(_ id: String) -> String {
            let spaced = id.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
            return spaced.prefix(1).uppercased() + spaced.dropFirst()
        }

        /// The gaps of each step of a project, by pathway: the worst severity colours the step, the classes go in
        /// the legend, the messages in the tooltip. Empty for a lone pathway file. The analysis reads each pathway's
        /// index (a step's attributes as a value of its own where a gap is worked out), not a pathway value.
        static func annotations(of project: Project?, strategy: DecompositionStrategy) -> [PathwayID:
            [StepID: StepAnnotation]]
        {
            guard let project else { return [:] }
            let analysis = GapAnalyzer().analysis(of: project, strategy: strategy)
            var result: [PathwayID: [StepID: StepAnnotation]] = [:]
            for pathway in analysis.pathways {
                var lines: [StepID: [String]] = [:]
                var worst: [StepID: (severity: Severity, classes: [GapClass])] = [:]
                for gap in pathway.gaps {
                    guard let step = gap.step else { continue }
                    lines[step, default: []].append("\(gap.gapClass.rawValue): \(gap.message)")
                    // The legend names the classes that give the step its colour: those of its worst severity.
                    let current = worst[step]
                    if current == nil || gap.severity > current?.severity ?? gap.severity {
                        worst[step] = (gap.severity, [gap.gapClass])
                    } else if let current, gap.severity == current.severity, !current.classes.contains(gap.gapClass) {
                        worst[step]?.classes.append(gap.gapClass)
                    }
                }
                var annotations: [StepID: StepAnnotation] = [:]
                for step in pathway.steps {
                    guard let severity = step.worstSeverity else { continue }
                    let id = StepID(pathway.graph.index.stepIDs[step.stepIndex])
                    let classes = worst[id].map { $0.severity == severity ? $0.classes : [] } ?? []
                    annotations[id] = StepAnnotation(
                        severity: severity, lines: lines[id] ?? [], gapClasses: classes.sorted())
                }
                result[pathway.graph.index.id, default: [:]].merge(annotations) { first, _ in first }
            }
            return result
        }

        /// Every chart laid out and rendered (an SVG made accessible), in order.
        ///
        /// Graphviz keeps process-wide state and is not thread-safe, so ``GraphvizLibrary`` lays out one chart at
        /// a time under its lock; one worker per core takes the next chart, so that the work around Graphviz (the
        /// SVG's title, description and role) for one chart runs while another is being laid out.
        ///
        /// - Complexity: That of Graphviz on each chart, plus O(n) in the size of each SVG.
        static func draw(_ charts: [Chart], format: String) -> [Result<GraphvizRendering, GraphvizError>] {
            let state = Mutex<(next: Int, results: [Result<GraphvizRendering, GraphvizError>?])>(
                (0, [Result<GraphvizRendering, GraphvizError>?](repeating: nil, count: charts.count)))
            let workers = min(charts.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let index = state.withLock { state in
                        defer { state.next += 1 }
                        return state.next
                    }
                    guard index < charts.count else { return }
                    let chart = charts[index]
                    let result: Result<GraphvizRendering, GraphvizError>
                    do throws(GraphvizError) {
                        var rendering = try GraphvizLibrary.render(dot: chart.dot, format: format)
                        if format == "svg" {
                            rendering.bytes = FlowchartSVG.accessible(
                                rendering.bytes, id: chart.name, title: chart.heading, description: chart.summary)
                        }
                        result = .success(rendering)
                    } catch {
                        result = .failure(error)
                    }
                    state.withLock { $0.results[index] = result }
                }
            }
            return state.withLock { state in
                state.results.map {
                    $0 ?? .failure(GraphvizError(stage: .render, message: "the chart was not drawn"))
                }
            }
        }

        /// One chart to draw: its file name without extension, DOT text, heading, summary and text alternative.
        struct Chart {
            var name: String
            var dot: String
            var heading: String
            var summary: String
            var text: String
        }

        /// The charts of a view; `graph` is the pathway of `flowchart` with its index, as loaded.
        ///
        /// - Throws: ``CommandError`` (bad input) when a chart would be too large to lay out.
        static func charts(of flowchart: Flowchart, graph: PathwayGraph, view: View, strategy: DecompositionStrategy)
            throws -> [Chart]
        {
            let pathway = flowchart.index
            let links =
                flowchart.options.links ?? FlowchartLinks(base: pathway.id.rawValue.fileNameSafe, fileExtension: "")
            // Phases and chains come from the index as flat arrays, their steps already numbered; stages and
            // structure from the decomposition, whose sub-pathways are made from the index too (their steps given by
            // id, looked up through the index's table), so that no pathway value is made.
            let parts = { () -> [FlowchartSubpathway] in
                switch strategy {
                case .phases, .chains:
                    let partition =
                        strategy == .chains
                        ? pathway.chainPartition()
                        : pathway.phasePartition(target: DecompositionOptions().preferredSize)
                    return partition.parts.map { FlowchartSubpathway(partition, part: $0) }
                default:
                    return graph.decomposition(strategy).subpathways.map(FlowchartSubpathway.init)
                }
            }
            do {
                switch view {
                case .network:
                    return [
                        Chart(
                            name: links.base, dot: try flowchart.network(), heading: pathway.title,
                            summary: flowchart.networkSummary(), text: flowchart.networkText())
                    ]
                case .subpathways:
                    return try partCharts(flowchart, parts(), links: links)
                case .overview:
                    return [try overviewChart(flowchart, parts(), links: links)]
                case .all:
                    let cut = parts()
                    return [try overviewChart(flowchart, cut, links: links)]
                        + (try partCharts(flowchart, cut, links: links))
                }
            } catch {
                throw CommandError(message: error.description, status: ExitStatus.badInput)
            }
        }

        static func overviewChart(_ flowchart: Flowchart, _ parts: [FlowchartSubpathway], links: FlowchartLinks)
            throws(FlowchartError) -> Chart
        {
            Chart(
                name: links.overviewName, dot: try flowchart.overview(parts), heading: flowchart.overviewHeading,
                summary:
                    "Overview of \(parts.count) part\(parts.count == 1 ? "" : "s"); each part links to its own chart.",
                text: flowchart.overviewText(parts))
        }

        static func partCharts(_ flowchart: Flowchart, _ parts: [FlowchartSubpathway], links: FlowchartLinks)
            throws(FlowchartError) -> [Chart]
        {
            let dots = try flowchart.subpathways(parts)
            let texts = flowchart.subpathwayTexts(parts)
            return parts.enumerated().map { index, part in
                Chart(
                    name: links.partName(index + 1, of: parts.count), dot: dots[index],
                    heading: flowchart.heading(of: part, number: index + 1), summary: flowchart.summary(of: part.steps),
                    text: texts[index])
            }
        }
    }
}
