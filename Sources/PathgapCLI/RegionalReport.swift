import Foundation
import PathwayKit

/// What a regional variant's report adds beside its gaps: the changes its overlays make to the national pathway
/// (with their reasons) and how its development needs differ from the national report's — needs the region adds,
/// needs it closes, needs it shares.
enum RegionalReport {
    /// One file per regional project: `regional-<project id>.md`.
    struct File {
        var path: String
        var data: Data
        /// A line for standard output.
        var summary: String
    }

    /// The files for the regional projects among some projects (none for national ones).
    ///
    /// - Throws: ``InputError`` when a national project cannot be read again.
    static func files(for projects: [Project], out: String, strategy: DecompositionStrategy, asOf: AsOfDate?) throws
        -> [File]
    {
        try projects.compactMap { project -> File? in
            guard let path = project.national else { return nil }
            let national = try ProjectLoader(pathwayReaders: Workspace.readers).loadProject(at: path).project
            let diff = VersionDiff(old: national, new: project, strategy: strategy, asOf: asOf)
            let text = markdown(project: project, national: national, diff: diff)
            let name = "regional-\(project.manifest.id.fileNameSafe).md"
            return File(
                path: (out as NSString).appendingPathComponent(name), data: Data(text.utf8),
                summary:
                    "  regional variant of '\(national.manifest.id)': needs the region adds \(diff.openedNeeds.count), "
                    + "closes \(diff.closedNeeds.count), shares \(diff.sharedNeeds.count) (\(name))")
        }
    }

    static func markdown(project: Project, national: Project, diff: VersionDiff) -> String {
        func cell(_ text: String) -> String { MarkdownText.cell(text) }
        var lines = [
            "# \(cell(project.manifest.title)): differences from the national project",
            "",
            "Regional variant `\(cell(project.manifest.id))` (\(cell(project.manifest.region))) of national project "
                + "`\(cell(national.manifest.id))`.",
            "",
            "## Changes to the national pathway",
            "",
            "| Change | Element | Reason |",
            "|---|---|---|",
        ]
        for overlay in project.overlays {
            for change in overlay.changedSteps {
                var fields: [String] = []
                if change.label != nil { fields.append("label") }
                if change.staffGroups != nil { fields.append("staff groups") }
                if change.competencies != nil { fields.append("competencies") }
                if change.setting != nil { fields.append("setting") }
                lines.append(
                    "| changed (\(fields.joined(separator: ", "))) | step `\(cell(change.step.rawValue))` | \(cell(change.reason)) |"
                )
            }
            for added in overlay.addedSteps {
                lines.append("| added | step `\(cell(added.step.id.rawValue))` | \(cell(added.reason)) |")
            }
            for removed in overlay.removedSteps {
                lines.append("| removed | step `\(cell(removed.step.rawValue))` | \(cell(removed.reason)) |")
            }
            for change in overlay.changedTransitions {
                lines.append(
                    "| changed | `\(cell(change.from.rawValue))` → `\(cell(change.to.rawValue))` | \(cell(change.reason)) |"
                )
            }
            for added in overlay.addedTransitions {
                lines.append(
                    "| added | `\(cell(added.transition.from.rawValue))` → `\(cell(added.transition.to.rawValue))` | \(cell(added.reason)) |"
                )
            }
            for removed in overlay.removedTransitions {
                lines.append(
                    "| removed | `\(cell(removed.from.rawValue))` → `\(cell(removed.to.rawValue))` | \(cell(removed.reason)) |"
                )
            }
        }
        func section(_ title: String, _ needs: [VersionDiff.Need]) {
            lines += ["", "## \(title) (\(needs.count))", ""]
            guard !needs.isEmpty else {
                lines.append("None.")
                return
            }
            lines += ["| Staff group | Competency | Classes | Steps |", "|---|---|---|---:|"]
            for need in needs {
                lines.append(
                    "| \(cell(need.staffGroup?.rawValue ?? "(no staff group)")) | \(cell(need.competency.rawValue)) | "
                        + "\(need.classes.map(\.rawValue).joined(separator: ", ")) | \(need.steps.count) |")
            }
        }
        section("Needs the region adds", diff.openedNeeds)
        section("Needs the region closes", diff.closedNeeds)
        section("Needs the region shares with the national project", diff.sharedNeeds)
        return lines.joined(separator: "\n") + "\n"
    }
}
