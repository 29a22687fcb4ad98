import ArgumentParser
import Foundation
import Graphviz
import PathwayGraphviz
import PathwayKit

extension Pathgap {
    /// `pathgap diff`: what changed between two versions of a pathway file or a project.
    struct Diff: PathgapCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what changed between two versions of a pathway or project.",
            discussion: """
                OLD and NEW are pathway files (any format) or project folders. Steps are matched by id; a step \
                whose id changed but whose label, kind and neighbours match is reported as renamed. Transitions \
                are matched by their ends. For two projects the gap reports are compared too: development needs \
                opened, closed, and whose reach changed. --format svg draws the new version with added elements \
                green, changed amber and removed ones dashed in grey (one chart per pathway; with several, --out \
                names the base of <base>.<pathway>.svg).
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json, svg
        }

        @Argument(help: "The old version: a pathway file or a project folder.")
        var old: String

        @Argument(help: "The new version: a pathway file or a project folder.")
        var new: String

        @Option(help: "Output format: text, json or svg.")
        var format: Format = .text

        @Option(help: "The file to write (default: standard output).")
        var out: String?

        @Option(
            name: .customLong("as-of"),
            help: "For projects: the date (YYYY-MM-DD) review dates are checked against in both gap reports.")
        var asOf: String?

        func execute(console: Console) throws -> Int32 {
            var date: AsOfDate?
            if let asOf { date = try DateArgument.date(asOf, option: "--as-of") }
            let before = try Workspace.load(old, console: console)
            let after = try Workspace.load(new, console: console)
            for finding in (before.importFindings + after.importFindings).sortedForOutput() {
                console.printError(finding.description)
            }
            let diff: VersionDiff
            if let oldProject = before.project, let newProject = after.project {
                diff = VersionDiff(old: oldProject, new: newProject, asOf: date)
            } else {
                diff = VersionDiff(old: before.indexes, new: after.indexes)
            }
            var files: [(path: String, text: String)] = []
            switch format {
            case .text: files = [(out ?? "-", diff.text())]
            case .json: files = [(out ?? "-", diff.json())]
            case .svg:
                var names: [StaffGroupID: String] = [:]
                for group in after.project?.staffGroups ?? [] where names[group.id] == nil {
                    names[group.id] = group.name
                }
                let indexes = after.indexes
                let charts = try diff.pathways.map { pathwayDiff -> (PathwayID, String) in
                    guard let index = indexes.first(where: { $0.id == pathwayDiff.pathway }) else {
                        return (pathwayDiff.pathway, "")
                    }
                    return (index.id, try Self.svg(pathwayDiff, new: index, names: names))
                }
                if charts.count == 1 {
                    files = [(out ?? "-", charts[0].1)]
                } else {
                    guard let out else {
                        throw CommandError(
                            message: "the versions hold \(charts.count) pathways; give --out to write one chart each",
                            status: ExitStatus.badInput)
                    }
                    let base = (out as NSString).pathExtension == "svg" ? (out as NSString).deletingPathExtension : out
                    files = charts.map { ("\(base).\($0.0.rawValue.fileNameSafe).svg", $0.1) }
                }
            }
            if files.count == 1, files[0].path == "-" {
                console.write(files[0].text)
            } else {
                try AtomicFile.write(files.map { ($0.path, Data($0.text.utf8)) })
                for file in files { console.printError("wrote \(file.path)") }
            }
            return ExitStatus.success
        }

        /// The new version's chart with the removed steps and transitions put back, every element marked: the
        /// removed ones are added to the new version's index as an overlay adds steps and transitions (their ids
        /// are not the new version's, so nothing is refused), and no pathway value is made.
        static func svg(_ diff: PathwayDiff, new: PathwayIndex, names: [StaffGroupID: String]) throws -> String {
            var putBack = PathwayOverlay(pathway: new.id)
            var changes = FlowchartChanges()
            for step in diff.addedSteps { changes.steps[step.id] = .added }
            for change in diff.changedSteps { changes.steps[change.step] = .changed }
            for step in diff.removedSteps {
                putBack.addedSteps.append(.init(step: step, reason: "removed"))
                changes.steps[step.id] = .removed
            }
            for transition in diff.addedTransitions {
                changes.transitions[FlowchartChanges.Link(from: transition.from, to: transition.to)] = .added
            }
            for change in diff.changedTransitions {
                changes.transitions[
                    FlowchartChanges.Link(from: change.transition.from, to: change.transition.to)] = .changed
            }
            for transition in diff.removedTransitions {
                var moved = transition
                moved.from = diff.renames[transition.from] ?? transition.from
                moved.to = diff.renames[transition.to] ?? transition.to
                putBack.addedTransitions.append(.init(transition: moved, reason: "removed"))
                changes.transitions[FlowchartChanges.Link(from: moved.from, to: moved.to)] = .removed
            }
            let drawn = new.applying(putBack).index
            var options = FlowchartOptions(staffGroupNames: names)
            options.changes = changes
            let dot = try Flowchart(index: drawn, options: options).network()
            let rendering = try GraphvizLibrary.render(dot: dot, format: "svg")
            return String(decoding: rendering.bytes, as: UTF8.self)
        }
    }
}
