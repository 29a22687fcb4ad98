import ArgumentParser
import Foundation
import PathwayKit

extension Pathgap {
    /// `pathgap projects`: the table of completed and ongoing projects under a folder, from their status histories.
    struct Projects: PathgapCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tabulate the projects under a folder, with their status history.",
            discussion: """
                One row per project: its status, when it last changed (the last dated entry of its history), who \
                ratified it, its region and lead, and the size of its pathways. --as-of shows the table as it stood \
                on a date: each project's status from the last history entry dated by then; projects whose history \
                begins later, or that have no dated history, are left out (a note on standard error counts them).
                """
        )

        @Argument(
            help: ArgumentHelp(
                "A folder of project folders (or one project). Default: Fixtures/projects in a clone of pathgap, "
                    + "else the current folder.",
                valueName: "folder"))
        var folder: String?

        @Option(help: "Output format: md (a Markdown table, as the README shows it), json, csv or html.")
        var format: TableFormat = .md

        @Option(name: .customLong("as-of"), help: "Show the table as it stood on this date (YYYY-MM-DD).")
        var asOf: String?

        enum TableFormat: String, ExpressibleByArgument, CaseIterable {
            case md, json, csv, html
        }

        /// Where to look without an argument: the bundled projects when run from a clone, else the current folder.
        static let defaultFolders = ["Fixtures/projects", "."]

        /// One row of the table.
        struct Row {
            var project: Project
            var status: ProjectStatus
            var change: StatusChange?
            var ratifiedBy: String?
            /// The history as it stood on the table's date.
            var history: [StatusChange]
            /// The size of the project's pathways.
            var size: PathwaySize

            var cells: [String] {
                let manifest = project.manifest
                return [
                    "\(manifest.title) (\(manifest.id))", status.rawValue,
                    change.map { $0.date.map { "\($0)" } ?? "not on record" } ?? "–",
                    ratifiedBy ?? "–", manifest.region, manifest.owner ?? "–", "\(size.steps)", "\(size.published)",
                    "\(size.projectsReading)", "\(size.decisions)", "\(size.stages)", "\(size.staffGroups)",
                    "\(manifest.sources.count)",
                ]
            }
        }

        /// The size of a project's pathways, read from their indexes: each step id counts once, by its first
        /// definition, as every command that reads the pathway takes it (a later definition of the same id is an
        /// error `pathgap validate` reports; ``repeatedIDs`` counts the ids).
        struct PathwaySize {
            var steps = 0
            /// Steps marked `reading: published` and `reading: project`.
            var published = 0
            var projectsReading = 0
            var decisions = 0
            /// Distinct stage names and staff group ids over all the pathways.
            var stages = 0
            var staffGroups = 0
            /// The ids defined more than once (each once per pathway); their later definitions are left out.
            var repeatedIDs = 0

            /// - Complexity: O(V + S) over the pathways' steps and staff group mentions.
            init(_ graphs: [PathwayGraph]) {
                var stageNames: Set<String> = []
                var groupIDs: Set<String> = []
                for index in graphs.map(\.index) {
                    steps += index.stepCount
                    repeatedIDs += Set(index.duplicateSteps.map(\.step.id)).count
                    decisions += index.kinds.values.count { $0 == .decision }
                    for details in index.details.values {
                        if details.reading == .published { published += 1 }
                        if details.reading == .project { projectsReading += 1 }
                    }
                    // Each stage and group a step names, each number once (tables may hold names no step keeps).
                    var stageSeen = [Bool](repeating: false, count: index.stageNames.count)
                    for step in index.steps {
                        guard let stage = index.stage(step), !stageSeen[stage.position] else { continue }
                        stageSeen[stage.position] = true
                        stageNames.insert(index.stageNames[stage])
                    }
                    var groupSeen = [Bool](repeating: false, count: index.staffGroupIDs.count)
                    for group in index.staffMembers where !groupSeen[group.position] {
                        groupSeen[group.position] = true
                        groupIDs.insert(index.staffGroupIDs[group])
                    }
                }
                stages = stageNames.count
                staffGroups = groupIDs.count
            }
        }

        static let headings = [
            "Project", "Status", "Since", "Ratified by", "Region", "Lead", "Steps", "Published (CPI)",
            "Project's reading", "Decisions", "Stages", "Staff groups", "Sources",
        ]

        func execute(console: Console) throws -> Int32 {
            let folder = self.folder ?? Self.defaultFolders.first { !ProjectLoader.projects(under: $0).isEmpty }
            guard let folder else {
                throw CommandError(
                    message: "no folder given, and neither Fixtures/projects nor the current folder holds projects "
                        + "(folders with a \(ProjectLoader.manifestName)); name one: pathgap projects FOLDER",
                    status: ExitStatus.badInput)
            }
            var day: Int?
            if let asOf {
                guard asOf.count == 10, let date = HistoryDate(asOf), date.day != nil else {
                    throw CommandError(
                        message: "--as-of must be a date written YYYY-MM-DD, found '\(asOf)'",
                        status: ExitStatus.badInput)
                }
                day = date.firstDay
            }
            let paths = ProjectLoader.projects(under: folder)
            guard !paths.isEmpty else {
                throw InputError(
                    "no project folders (folders holding \(ProjectLoader.manifestName)) here",
                    at: SourceLocation(file: folder))
            }
            let loader = ProjectLoader(pathwayReaders: Workspace.readers)
            let projects = try paths.map { try loader.loadProject(at: $0).project }
            var rows: [Row] = []
            var leftOut = 0
            for project in projects {
                let change = StatusHistory.change(of: project.manifest, asOf: day)
                if day != nil, change == nil {
                    leftOut += 1
                    continue
                }
                let ratified = project.manifest.history.last { entry in
                    guard entry.status == .ratified else { return false }
                    guard let day else { return true }
                    return entry.date?.hasBegun(by: day) ?? false
                }
                rows.append(
                    Row(
                        project: project, status: change?.status ?? project.manifest.status, change: change,
                        ratifiedBy: ratified?.body,
                        history: project.manifest.history.filter { entry in
                            guard let day else { return true }
                            return entry.date?.hasBegun(by: day) ?? false
                        }, size: PathwaySize(project.graphs)))
            }
            for row in rows where row.size.repeatedIDs > 0 {
                let repeated = row.size.repeatedIDs
                console.printError(
                    "note: project '\(row.project.manifest.id)' defines \(repeated) step id\(repeated == 1 ? "" : "s") "
                        + "more than once; the table counts each id once, by its first definition, as report does "
                        + "(pathgap validate reports the repeats)")
            }
            if leftOut > 0, let asOf {
                console.printError(
                    "note: \(leftOut) project\(leftOut == 1 ? " has" : "s have") no dated history entry on or before \(asOf) "
                        + "and \(leftOut == 1 ? "is" : "are") left out")
            }
            switch format {
            case .md: console.write(Self.markdown(rows))
            case .csv: console.write(Self.csv(rows))
            case .html: console.write(Self.html(rows, asOf: asOf))
            case .json: console.write(Self.json(rows, asOf: asOf))
            }
            return ExitStatus.success
        }

        static func markdown(_ rows: [Row]) -> String {
            var lines = [
                "| " + headings.joined(separator: " | ") + " |",
                "|---|---|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|",
            ]
            for row in rows {
                var cells = row.cells.map(markdownCell)
                let manifest = row.project.manifest
                let title = markdownCell(manifest.title)
                cells[0] =
                    (manifest.publishedPage.map { "[\(title)](\(markdownURL($0)))" } ?? title)
                    + " (`\(markdownCell(manifest.id))`)"
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
            return lines.joined(separator: "\n") + "\n"
        }

        static func csv(_ rows: [Row]) -> String {
            var lines = [(headings + ["Page"]).map(GapReport.csvField).joined(separator: ",")]
            for row in rows {
                lines.append(
                    (row.cells + [row.project.manifest.publishedPage ?? ""]).map(GapReport.csvField)
                        .joined(separator: ","))
            }
            return lines.joined(separator: "\r\n") + "\r\n"
        }

        static func html(_ rows: [Row], asOf: String?) -> String {
            let caption = "Framework projects" + (asOf.map { " as of \($0)" } ?? "")
            var out = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
                <title>\(GapReport.escape(caption))</title>
                <style>table{border-collapse:collapse;font-family:sans-serif;font-size:14px}\
                th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}td.n{text-align:right}</style>
                </head>
                <body>
                <table>
                <caption>\(GapReport.escape(caption))</caption>
                <thead><tr>
                """
            out += headings.map { "<th>\(GapReport.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in rows {
                var cells = row.cells.enumerated().map { index, text in
                    index >= 6 ? "<td class=\"n\">\(GapReport.escape(text))</td>" : "<td>\(GapReport.escape(text))</td>"
                }
                if let page = row.project.manifest.publishedPage,
                    page.hasPrefix("https://") || page.hasPrefix("http://")
                {
                    cells[0] =
                        "<td><a href=\"\(GapReport.escape(page))\">\(GapReport.escape(row.project.manifest.title))</a> "
                        + "(\(GapReport.escape(row.project.manifest.id)))</td>"
                }
                out += "<tr>" + cells.joined() + "</tr>\n"
            }
            return out + "</tbody>\n</table>\n</body>\n</html>\n"
        }

        static func json(_ rows: [Row], asOf: String?) -> String {
            OrderedTree.compactMap([
                ("asOf", asOf.map(OrderedTree.string)),
                (
                    "projects",
                    .list(
                        rows.map { row in
                            let manifest = row.project.manifest
                            return .compactMap([
                                ("id", .string(manifest.id)), ("title", .string(manifest.title)),
                                ("status", .string(row.status.rawValue)),
                                ("since", row.change?.date.map { .string("\($0)") }),
                                ("ratifiedBy", row.ratifiedBy.map(OrderedTree.string)),
                                ("region", .string(manifest.region)),
                                ("owner", manifest.owner.map(OrderedTree.string)),
                                ("publishedPage", manifest.publishedPage.map(OrderedTree.string)),
                                ("steps", .integer(row.size.steps)),
                                ("sources", .list(manifest.sources.map { .string($0.id) })),
                                (
                                    "history",
                                    .list(
                                        row.history.map { entry in
                                            .compactMap([
                                                ("status", .string(entry.status.rawValue)),
                                                ("date", entry.date.map { .string("\($0)") }),
                                                ("body", entry.body.map(OrderedTree.string)),
                                                ("note", entry.note.map(OrderedTree.string)),
                                            ])
                                        })
                                ),
                            ])
                        })
                ),
            ]).json()
        }

        /// A table cell, escaped as the gap report escapes its cells.
        static func markdownCell(_ text: String) -> String { MarkdownText.cell(text) }

        /// A link target that cannot close the Markdown link early.
        static func markdownURL(_ url: String) -> String {
            url.replacingOccurrences(of: " ", with: "%20").replacingOccurrences(of: ")", with: "%29")
                .replacingOccurrences(of: "|", with: "%7C")
        }
    }
}
