import ArgumentParser
import PathwayKit

extension Pathgap {
    /// `pathgap validate`: checks a project or pathway file and prints findings compiler-style.
    struct Validate: PathgapCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a project or pathway file, compiler-style.",
            discussion: "Exit status: 0 no errors (warnings allowed), 1 errors found, 64 the input could not be read."
        )

        @OptionGroup var input: InputOptions

        @Option(help: "Output format: text (file:line:col: severity: message) or json.")
        var format: FindingFormat = .text

        @Flag(help: "Treat warnings as errors for the exit status.")
        var strict = false

        func execute(console: Console) throws -> Int32 {
            let workspace = try input.load(console: console)
            var findings = workspace.importFindings
            var pathwayCount = 0
            var steps = 0
            var transitions = 0
            if let project = workspace.project {
                findings += Validator.findings(for: project)
                pathwayCount = project.graphs.count
                steps = project.graphs.reduce(0) { $0 + $1.index.writtenStepCount }
                transitions = project.graphs.reduce(0) { $0 + $1.index.writtenTransitionCount }
            } else {
                // A lone file is checked on its index, as read (an edge list never becomes values).
                for index in workspace.indexes {
                    findings += Validator.findings(for: index)
                    pathwayCount += 1
                    steps += index.writtenStepCount
                    transitions += index.writtenTransitionCount
                }
            }
            findings = findings.sortedForOutput()
            let errors = findings.count { $0.severity == .error }
            let warnings = findings.count { $0.severity == .warning }
            switch format {
            case .text:
                var text = ""
                for finding in findings {
                    text += finding.description
                    text += "\n"
                }
                let subject = workspace.project.map { "project '\($0.manifest.id)'" } ?? input.displayName
                text +=
                    "\(subject): \(counted(pathwayCount, "pathway")), \(counted(steps, "step")), "
                    + "\(counted(transitions, "transition")): "
                    + "\(counted(errors, "error")), \(counted(warnings, "warning"))\n"
                console.write(text)
            case .json:
                console.write(FindingFormat.json(findings, errors: errors, warnings: warnings))
            }
            return errors > 0 || (strict && warnings > 0) ? ExitStatus.failure : ExitStatus.success
        }
    }
}

/// How findings are printed.
enum FindingFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json

    /// Findings as a JSON document: `{"errors": n, "warnings": n, "findings": [{severity, rule, message, file,
    /// line, column, element}]}`.
    static func json(_ findings: [Finding], errors: Int, warnings: Int) -> String {
        OrderedTree.map([
            ("errors", .integer(errors)),
            ("warnings", .integer(warnings)),
            (
                "findings",
                .list(
                    findings.map { finding in
                        .compactMap([
                            ("severity", .string(finding.severity.rawValue)),
                            ("rule", .string(finding.rule)),
                            ("message", .string(finding.message)),
                            ("file", finding.location.map { .string($0.file) }),
                            ("line", finding.location?.line.map(OrderedTree.integer)),
                            ("column", finding.location?.column.map(OrderedTree.integer)),
                            ("element", finding.location?.element.map(OrderedTree.string)),
                        ])
                    })
            ),
        ]).json()
    }
}
