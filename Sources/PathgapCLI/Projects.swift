import ArgumentParser
import Foundation
import PathwayKit

extension Pathgap {
    /// `pathgap projects`: the table of completed and ongoing projects under a folder.
    struct Projects: PathgapCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tabulate the projects under a folder."
        )

        @Argument(
            help: ArgumentHelp(
                "A folder of project folders (or one project). Default: Fixtures/projects in a clone of pathgap, "
                    + "else the current folder.",
                valueName: "folder"))
        var folder: String?

        @Option(help: "Output format: md (a Markdown table, as the README shows it) or json.")
        var format: TableFormat = .md

        enum TableFormat: String, ExpressibleByArgument, CaseIterable {
            case md, json
        }

        /// Where to look without an argument: the bundled projects when run from a clone, else the current folder.
        static let defaultFolders = ["Fixtures/projects", "."]

        func execute(console: Console) throws -> Int32 {
            let folder = self.folder ?? Self.defaultFolders.first { !ProjectLoader.projects(under: $0).isEmpty }
            guard let folder else {
                throw CommandError(
                    message: "no folder given, and neither Fixtures/projects nor the current folder holds projects "
                        + "(folders with a \(ProjectLoader.manifestName)); name one: pathgap projects FOLDER",
                    status: ExitStatus.badInput)
            }
            let paths = ProjectLoader.projects(under: folder)
            guard !paths.isEmpty else {
                throw InputError(
                    "no project folders (folders holding \(ProjectLoader.manifestName)) here",
                    at: SourceLocation(file: folder))
            }
            let loader = ProjectLoader(pathwayReaders: Workspace.readers)
            let projects = try paths.map { try loader.loadProject(at: $0).project }
            switch format {
            case .md:
                console.print(
                    "| Project | Status | Region | Lead | Steps | Published (CPI) | Project's reading | Decisions | Stages "
                        + "| Staff groups | Sources |")
                console.print("|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|")
                for project in projects {
                    let steps = project.pathways.flatMap(\.steps)
                    let groups = Set(steps.flatMap(\.staffGroups))
                    let cells = [
                        "\(project.manifest.title) (`\(project.manifest.id)`)", project.manifest.status.rawValue,
                        project.manifest.region, project.manifest.owner ?? "–", "\(steps.count)",
                        "\(steps.count { $0.reading == .published })", "\(steps.count { $0.reading == .project })",
                        "\(steps.count { $0.kind == .decision })", "\(Set(steps.compactMap(\.stage)).count)",
                        "\(groups.count)", "\(project.manifest.sources.count)",
                    ]
                    console.print("| " + cells.map(Self.markdownCell).joined(separator: " | ") + " |")
                }
            case .json:
                console.write(
                    OrderedTree.list(
                        projects.map { project in
                            .compactMap([
                                ("id", .string(project.manifest.id)), ("title", .string(project.manifest.title)),
                                ("status", .string(project.manifest.status.rawValue)),
                                ("region", .string(project.manifest.region)),
                                ("owner", project.manifest.owner.map(OrderedTree.string)),
                                ("steps", .integer(project.pathways.reduce(0) { $0 + $1.steps.count })),
                                ("sources", .list(project.manifest.sources.map { .string($0.id) })),
                            ])
                        }
                    ).json())
            }
            return ExitStatus.success
        }

        /// A table cell with pipes and line breaks neutralised.
        static func markdownCell(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
    }
}
