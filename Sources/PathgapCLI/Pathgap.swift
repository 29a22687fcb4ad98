import ArgumentParser

/// The `pathgap` command.
public struct Pathgap: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "pathgap",
        abstract: "Find workforce and education gaps along patient pathways.",
        version: "0.1.0",
        subcommands: [Render.self, RenderBench.self]
    )

    public init() {}
}
