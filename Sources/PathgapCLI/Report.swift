import ArgumentParser
import Foundation
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

        @Argument(help: "Project folders (holding project.yaml), project.yaml files, or folders of project folders.")
        var projects: [String]

        @Option(help: "The folder to write the report files to (made if missing).")
        var out: String

        @Option(help: "Comma-separated formats to write: md, csv, json, html.")
        var format: String = "md,csv,json,html"

        @Option(help: "How pathways are divided into sub-pathways: chains, stages, structure or routes.")
        var strategy: String = DecompositionStrategy.chains.rawValue

        @Option(
            name: .customLong("as-of"),
            help: "The date (YYYY-MM-DD) review dates are checked against; without it staleness is not checked.")
        var asOf: String?

        @Flag(help: "Exit with status 2 when any gap is found.")
        var failOnGaps = false

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
                    message: "unknown strategy '\(strategy)' (expected one of: \(DecompositionStrategy.allCases.map(\.rawValue).joined(separator: ", ")))",
                    status: ExitStatus.badInput)
            }
            var date: AsOfDate?
            if let asOf {
                guard let parsed = AsOfDate(asOf) else {
                    throw CommandError(message: "--as-of must be a date written YYYY-MM-DD, found '\(asOf)'", status: ExitStatus.badInput)
                }
                date = parsed
            }
            let loaded = try loadProjects()
            let report = GapReport(analysing: loaded, strategy: strategy, asOf: date)

            var files: [(path: String, text: String)] = []
            for format in formats {
                let text: String
                switch format {
                case .md: text = report.markdown()
                case .csv: text = report.csv()
                case .json: text = report.json()
                case .html: text = report.html(flowchart: Self.flowchart)
                }
                files.append(((out as NSString).appendingPathComponent(format.fileName), text))
            }
            for file in files {
                do {
                    try AtomicFile.write(file.text, to: file.path)
                } catch {
                    throw CommandError(message: "cannot write \(file.path): \(error.localizedDescription)")
                }
            }

            let totals = report.totals
            console.print(
                "\(loaded.count == 1 ? "project '\(loaded[0].manifest.id)'" : "\(loaded.count) projects"): "
                    + "\(totals.pathways) pathway\(totals.pathways == 1 ? "" : "s"), \(totals.steps) steps, "
                    + "\(totals.subpathways) sub-pathways (\(strategy.rawValue)): \(report.gaps.count) gap\(report.gaps.count == 1 ? "" : "s") "
                    + "(\(report.count(of: .error)) errors, \(report.count(of: .warning)) warnings, \(report.count(of: .note)) notes)")
            for gapClass in GapClass.allCases where report.count(of: gapClass) > 0 {
                console.print("  \(gapClass.rawValue): \(report.count(of: gapClass))")
            }
            let sharing = report.sharedNeeds.count
            if loaded.count > 1 { console.print("  needs shared by several projects: \(sharing)") }
            console.print("wrote \(files.map(\.path).joined(separator: ", "))")
            return failOnGaps && !report.gaps.isEmpty ? ExitStatus.gapsFound : ExitStatus.success
        }

        func parsedFormats() throws -> [Format] {
            var formats: [Format] = []
            for item in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
                guard let parsed = Format(written: item) else {
                    throw CommandError(
                        message: "unknown format '\(item)' (expected a comma-separated list of: md, csv, json, html)",
                        status: ExitStatus.badInput)
                }
                if !formats.contains(parsed) { formats.append(parsed) }
            }
            guard !formats.isEmpty else {
                throw CommandError(message: "--format names no format (expected md, csv, json, html)", status: ExitStatus.badInput)
            }
            return formats.sorted { Format.allCases.firstIndex(of: $0) ?? 0 < Format.allCases.firstIndex(of: $1) ?? 0 }
        }

        /// Loads every project named, expanding folders of projects.
        ///
        /// - Throws: ``InputError`` for a path that is no project and holds none, or a file that cannot be read;
        ///   ``CommandError`` (bad input) for a project id given twice.
        func loadProjects() throws -> [Project] {
            var paths: [String] = []
            for path in projects {
                if ProjectLoader.isProject(path) {
                    paths.append(path)
                    continue
                }
                let found = ProjectLoader.projects(under: path)
                var isDirectory: ObjCBool = false
                if found.isEmpty {
                    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                    throw InputError(
                        !exists
                            ? "no such file or folder"
                            : isDirectory.boolValue
                                ? "no project.yaml in this folder or in the folders directly under it" : "not a project.yaml",
                        at: SourceLocation(file: path))
                }
                paths += found
            }
            let loader = ProjectLoader(pathwayReaders: Workspace.readers)
            var loaded: [Project] = []
            var seen: [String: String] = [:]
            for path in paths {
                let project = try loader.loadProject(at: path).project
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

        /// The flowchart of a sub-pathway for the HTML report.
        // TEMPORARY(graphviz): returns nil until `PathwayGraphviz` flowchart rendering lands on main; then render the
        // sub-pathway with steps coloured by `GapReport.worstSeverity(project:pathway:)`.
        static func flowchart(_ table: FrameworkTable) -> String? { nil }
    }
}
