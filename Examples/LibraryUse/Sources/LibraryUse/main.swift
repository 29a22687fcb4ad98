// Loads a project, validates it, divides its pathways into sub-pathways and counts its gaps, through PathwayKit
// alone: what a program of your own would do with the library.
import Foundation
import PathwayKit

let path = CommandLine.arguments.dropFirst().first ?? "Fixtures/projects/dpyd"
do {
    let (project, importFindings) = try ProjectLoader().loadProject(at: path)
    let findings = importFindings + Validator.findings(for: project)
    let errors = findings.filter { $0.severity == .error }
    for finding in errors { print(finding) }

    // Each pathway as its reader indexed it, with its value: decomposed without indexing it again.
    let subpathways = project.graphs.reduce(0) { $0 + $1.decomposition(.chains).subpathways.count }
    let report = GapReport(analysing: [project], strategy: .chains, asOf: AsOfDate("2026-11-25"))
    print(
        "\(project.manifest.id): \(project.pathways.count) pathway(s), \(subpathways) sub-pathway(s), "
            + "\(errors.count) error(s), \(report.gaps.count) gap(s)")
} catch let error as InputError {
    print(error)
    exit(64)
}
