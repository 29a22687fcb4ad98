import ArgumentParser
import Foundation
import PathwayKit

extension Pathgap {
    /// `pathgap generate`: writes a seeded synthetic pathway network, for tests and benchmarks.
    struct Generate: PathgapCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a reproducible synthetic pathway network of a given size.",
            discussion: """
                Long chains with decision points, merges and loops back, stages in runs, ~1.3 transitions per \
                step. The same --steps and --seed always give byte-identical files. The edge list is read back by \
                any command (its node table is picked up when it is named <name>.nodes.csv beside it).
                """
        )

        @Option(help: "The number of steps.")
        var steps: Int

        @Option(help: "The random seed.")
        var seed: UInt64 = 1

        @Option(help: "Where to write the network (an edge list, or a native pathway with --format yaml).")
        var out: String

        @Option(help: "Where to write the node table (id,kind,label,stage,staffGroups,competencies) for an edge list.")
        var nodesOut: String?

        @Option(help: "The output format: edgelist or yaml.")
        var format: GeneratedFormat = .edgelist

        @Flag(help: "Annotate steps with staff groups and competencies.")
        var annotate = false

        @Option(help: "Comma-separated staff group ids to draw from (implies --annotate).")
        var staffGroups: String?

        @Option(help: "Comma-separated competency ids to draw from (implies --annotate).")
        var competencies: String?

        @Option(
            help: "A project folder whose staff groups and framework competencies to draw from (implies --annotate).")
        var idsFrom: String?

        func validate() throws {
            guard steps >= 2 else { throw ValidationError("--steps must be at least 2, found \(steps)") }
            guard steps < Int(Int32.max) else { throw ValidationError("--steps must be below 2^31") }
        }

        func execute(console: Console) throws -> Int32 {
            var staffFallback = PathwayGenerator.defaultStaffGroups
            var competencyFallback = PathwayGenerator.defaultCompetencies
            let annotate = self.annotate || idsFrom != nil
            if let idsFrom {
                let (project, _) = try ProjectLoader().loadProject(at: idsFrom)
                staffFallback = project.staffGroups.map(\.id.rawValue)
                competencyFallback = project.frameworks.flatMap(\.allCompetencies).map(\.id.rawValue)
                guard !staffFallback.isEmpty || !competencyFallback.isEmpty else {
                    throw CommandError(
                        message: "project '\(idsFrom)' defines no staff groups or competencies to draw from",
                        status: ExitStatus.badInput)
                }
            }
            func list(_ text: String?, default fallback: [String]) -> [String] {
                if let text { return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
                return annotate ? fallback : []
            }
            let generator = PathwayGenerator(
                PathwayGenerator.Options(
                    steps: steps, seed: seed,
                    staffGroups: list(staffGroups, default: staffFallback),
                    competencies: list(competencies, default: competencyFallback)))
            do {
                switch format {
                case .edgelist:
                    try AtomicFile.write(Data(generator.edgeListBytes()), to: out)
                    if let nodesOut { try AtomicFile.write(Data(generator.nodeTableBytes()), to: nodesOut) }
                case .yaml:
                    let stem = URL(fileURLWithPath: out).deletingPathExtension().lastPathComponent
                    try AtomicFile.write(NativeFormat.text(for: generator.pathway(id: PathwayID(stem))), to: out)
                }
            } catch {
                throw CommandError(message: "cannot write '\(out)': \(AtomicFile.reason(error))")
            }
            console.printError(
                "wrote \(out): \(generator.stepCount) steps, \(generator.sources.count) transitions (seed \(seed))")
            return ExitStatus.success
        }
    }
}

/// What `pathgap generate` writes.
enum GeneratedFormat: String, ExpressibleByArgument, CaseIterable {
    case edgelist, yaml
}
