import ArgumentParser
import PathwayKit

/// The `pathgap` command.
public struct Pathgap: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "pathgap",
        abstract: "Find workforce and education gaps along patient pathways.",
        discussion: """
            pathgap reads pathway networks (its own YAML/JSON, Graphviz DOT, BPMN 2.0, GraphML, CSV), competency \
            frameworks and education resource catalogues, divides pathways into linear sub-pathways, and reports \
            the workforce and education gaps along them.

            Exit codes: 0 success, 1 errors found or failure, 2 gaps found with --fail-on-gaps, 64 unreadable input.
            """,
        version: PathgapRelease.version,
        subcommands: [
            Validate.self,
            Decompose.self,
            Convert.self,
            Render.self,
            Projects.self,
            Diff.self,
            Generate.self,
            RenderBench.self,
            Report.self,
            ReportBench.self,
        ]
    )

    public init() {}
}
