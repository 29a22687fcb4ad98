import ArgumentParser
import Foundation
import Graphviz
import PathwayGraphviz
import PathwayKit

extension Pathgap {
    /// `pathgap report`: analyses one or more projects and writes the gap report in several formats.
    struct Report: PathgapCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find the workforce and education gaps of one or more projects and write a report.",
            discussion: """
                Writes report.md, report.csv, report.json and/or report.html to the --out folder, each file whole \
                or not at all, and prints the counts. Give several projects (or a folder of project folders) to \
                find the needs they share.

                Exit status: 0 done, 2 gaps found with --fail-on-gaps, 64 the input could not be read (nothing is \
                written), 1 a file could not be written.
                """
        )

        @Argument(
            help: ArgumentHelp(
                "Project folders (holding project.yaml), project.yaml files, folders of project folders, or lone "
                    + "pathway files (- for standard input, with --from)."))
        var projects: [String]

        @Option(help: Workspace.fromHelp)
        var from: String?

        @Option(
            name: .customLong("staff-groups"),
            help: ArgumentHelp(
                "For a lone pathway file: a staff group file (repeat for several; default: the bundled one).",
                valueName: "file"))
        var staffGroupFiles: [String] = []

        @Option(
            name: .customLong("frameworks"),
            help: ArgumentHelp(
                "For a lone pathway file: a competency framework file (repeat for several; default: the bundled ones).",
                valueName: "file"))
        var frameworkFiles: [String] = []

        @Option(
            name: .customLong("resources"),
            help: ArgumentHelp(
                "For a lone pathway file: an education resource catalogue (repeat for several; default: the bundled "
                    + "one).",
                valueName: "file"))
        var resourceFiles: [String] = []

        @Option(help: "The folder to write the report files to (made if missing).")
        var out: String

        @Option(help: "Comma-separated formats to write: md, csv, json, html.")
        var format: String = "md,csv,json,html"

        @Option(
            help:
                "How pathways are divided into sub-pathways: phases (the default), chains, stages, structure or routes."
        )
        var strategy: String = DecompositionStrategy.phases.rawValue

        @Option(
            name: .customLong("as-of"),
            help: "The date (YYYY-MM-DD) review dates are checked against; without it staleness is not checked.")
        var asOf: String?

        @Option(
            name: .customLong("review-months"), parsing: .unconditional,
            help: ArgumentHelp(
                "For a resource with no nextReviewDue: how many months after lastReviewed it falls due for review.",
                valueName: "months"))
        var reviewMonths: String = "24"

        @Flag(help: "Exit with status 2 when any gap is found.")
        var failOnGaps = false

        @Flag(
            inversion: .prefixedNo,
            help: "Embed a flowchart of each sub-pathway, steps coloured by gap severity, in the HTML report.")
        var flowcharts = true

        /// Above this many sub-pathways the HTML report carries no flowcharts (each is a Graphviz layout).
        static let maxFlowcharts = 300

        /// The report formats and their file names.
        enum Format: String, CaseIterable {
            case md, csv, json, html

            var fileName: String { "report.\(rawValue)" }

            init?(written: String) {
                switch written.lowercased() {
                case "md", "markdown": self = .md
                case "csv": self = .csv
                case "json": self = .json
                case "html", "htm": self = .html
                default: return nil
                }
            }
        }

        func execute(console: Console) throws -> Int32 {
            // Read and check everything before writing anything.
            let formats = try parsedFormats()
            guard let strategy = DecompositionStrategy(rawValue: strategy.lowercased()) else {
                throw CommandError(
                    message:
                        "unknown strategy '\(strategy)' (expected one of: \(DecompositionStrategy.allCases.map(\.rawValue).joined(separator: ", ")))",
                    status: ExitStatus.badInput)
            }
            let date = try asOf.map { try DateArgument.date($0, option: "--as-of") }
            guard let months = Int(reviewMonths), months > 0 else {
                throw CommandError(
                    message: "--review-months must be a positive whole number of months, found '\(reviewMonths)'",
                    status: ExitStatus.badInput)
            }
            let loaded = try loadProjects(console: console)
            let report = GapReport(
                analysing: loaded, with: GapAnalyzer(reviewIntervalMonths: months), strategy: strategy, asOf: date)

            // The needs and tables are built once for every format that prints them.
            let views = formats.contains { $0 != .csv } ? report.views() : nil
            // Each file is made when its turn comes and goes straight to its temporary file (JSON piece by piece), so
            // that the report is never held whole; all are renamed into place together, or none.
            let regional = try RegionalReport.files(for: loaded, out: out, strategy: strategy, asOf: date)
            let paths = formats.map { (out as NSString).appendingPathComponent($0.fileName) } + regional.map(\.path)
            try AtomicFile.write(paths: paths) { index, emit in
                guard index < formats.count else {
                    regional[index - formats.count].data.withUnsafeBytes(emit)
                    return
                }
                switch formats[index] {
                case .md: report.writeMarkdown(views: views, to: emit)
                case .csv: report.writeCSV(to: emit)
                case .json: report.writeJSON(views: views, to: emit)
                case .html:
                    let charts = flowcharts ? Self.flowcharts(for: report, console: console) : [:]
                    report.htmlBytes(views: views) { charts[Self.chartKey($0.project, $0.subpathway.id)] }
                        .withUnsafeBytes(emit)
                }
            }

            let totals = report.totals
            func count(_ value: Int, _ word: String) -> String { "\(value) \(word)\(value == 1 ? "" : "s")" }
            let subject = loaded.count == 1 ? "project '\(loaded[0].manifest.id)'" : "\(loaded.count) projects"
            console.print(
                "\(subject): \(count(totals.pathways, "pathway")), \(count(totals.steps, "step")), "
                    + "\(count(totals.subpathways, "sub-pathway")) (\(strategy.rawValue)): \(count(report.gaps.count, "gap")) "
                    + "(\(count(report.count(of: .error), "error")), \(count(report.count(of: .warning), "warning")), "
                    + "\(count(report.count(of: .note), "note")))")
            for gapClass in GapClass.allCases where report.count(of: gapClass) > 0 {
                console.print("  \(gapClass.rawValue): \(report.count(of: gapClass))")
            }
            for project in loaded {
                if let note = project.catalogueNote { console.print("  note: \(note)") }
            }
            // The splits of patients assumed where a step gives no shares: the report marks what they feed.
            for finding in report.assumptions { console.print(finding.description) }
            if asOf == nil {
                console.print("  review dates not checked: give --as-of YYYY-MM-DD to report overdue resources")
            }
            if loaded.count > 1 {
                let sharing = (views?.sharedNeeds ?? report.sharedNeeds()).count
                console.print("  needs shared by several projects: \(sharing)")
            }
            for file in regional { console.print(file.summary) }
            console.print("wrote \(paths.joined(separator: ", "))")
            return failOnGaps && !report.gaps.isEmpty ? ExitStatus.gapsFound : ExitStatus.success
        }

        func parsedFormats() throws -> [Format] {
            var formats: [Format] = []
            for item in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
            where !item.isEmpty {
                guard let parsed = Format(written: item) else {
                    throw CommandError(
                        message: "unknown format '\(item)' (expected a comma-separated list of: md, csv, json, html)",
                        status: ExitStatus.badInput)
                }
                if !formats.contains(parsed) { formats.append(parsed) }
            }
            guard !formats.isEmpty else {
                throw CommandError(
                    message: "--format names no format (expected md, csv, json, html)", status: ExitStatus.badInput)
            }
            return formats.sorted { Format.allCases.firstIndex(of: $0) ?? 0 < Format.allCases.firstIndex(of: $1) ?? 0 }
        }

        /// Loads every project named, expanding folders of projects.
        ///
        /// - Throws: ``InputError`` for a path that is no project and holds none, or a file that cannot be read;
        ///   ``CommandError`` (bad input) for a project id given twice.
        func loadProjects(console: Console) throws -> [Project] {
            var paths: [String] = []
            var lone: [String: Project] = [:]
            for path in projects {
                if ProjectLoader.isProject(path) {
                    paths.append(path)
                    continue
                }
                let found = ProjectLoader.projects(under: path)
                var isDirectory: ObjCBool = false
                if found.isEmpty {
                    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                    guard path == Workspace.standardInput || (exists && !isDirectory.boolValue) else {
                        throw InputError(
                            exists
                                ? "no project.yaml in this folder or in the folders directly under it"
                                : "no such file or folder",
                            at: SourceLocation(file: path))
                    }
                    // A lone pathway file: judged against the catalogue files given, else the bundled ones.
                    let catalogue = LonePathway(
                        staffGroups: staffGroupFiles, frameworks: frameworkFiles, resources: resourceFiles)
                    lone[path] = try catalogue.load(path, format: from, console: console).project
                    paths.append(path)
                    continue
                }
                paths += found
            }
            let loader = ProjectLoader(pathwayReaders: Workspace.readers)
            var loaded: [Project] = []
            var seen: [String: String] = [:]
            for path in paths {
                let project = try lone[path] ?? loader.loadProject(at: path).project
                if let first = seen[project.manifest.id] {
                    throw CommandError(
                        message: "project id '\(project.manifest.id)' is given twice (\(first) and \(path))",
                        status: ExitStatus.badInput)
                }
                seen[project.manifest.id] = path
                loaded.append(project)
            }
            return loaded
        }

        static func chartKey(_ project: String, _ subpathway: String) -> String { "\(project)\u{1}\(subpathway)" }

        /// The SVG flowchart of every sub-pathway, keyed by ``chartKey(_:_:)``, with each step coloured by its most
        /// severe gap and the gaps in its tooltip. A chart Graphviz cannot draw is left out.
        static func flowcharts(for report: GapReport, console: Console) -> [String: String] {
            let count = report.totals.subpathways
            guard count <= maxFlowcharts else {
                console.printError(
                    "note: \(count) sub-pathways is more than \(maxFlowcharts); the HTML report carries no flowcharts")
                return [:]
            }
            var charts: [String: String] = [:]
            for analysis in report.projects {
                var names: [StaffGroupID: String] = [:]
                for group in analysis.project.staffGroups where names[group.id] == nil { names[group.id] = group.name }
                for pathway in analysis.pathways {
                    var lines: [StepID: [String]] = [:]
                    for gap in pathway.gaps {
                        if let step = gap.step {
                            lines[step, default: []].append("\(gap.gapClass.rawValue): \(gap.message)")
                        }
                    }
                    var annotations: [StepID: StepAnnotation] = [:]
                    for step in pathway.steps {
                        if let severity = step.worstSeverity {
                            let id = StepID(pathway.graph.index.stepIDs[step.stepIndex])
                            annotations[id] = StepAnnotation(severity: severity, lines: lines[id] ?? [])
                        }
                    }
                    let chart = Flowchart(
                        index: pathway.graph.index, annotations: annotations,
                        options: FlowchartOptions(staffGroupNames: names))
                    for (index, subpathway) in pathway.decomposition.subpathways.enumerated() {
                        let dot = chart.subpathway(
                            FlowchartSubpathway(steps: subpathway.steps, title: subpathway.title), number: index + 1)
                        guard let svg = try? GraphvizLibrary.render(dot: dot, format: "svg") else { continue }
                        charts[chartKey(analysis.project.manifest.id, subpathway.id)] = String(
                            decoding: svg.bytes, as: UTF8.self)
                    }
                }
            }
            return charts
        }
    }
}
