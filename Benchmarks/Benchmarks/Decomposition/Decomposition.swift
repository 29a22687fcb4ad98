import Benchmark
import Foundation
import PathwayKit

/// Load, build, SCC and every decomposition strategy on generated networks of 10^4, 10^5 and 10^6 steps (and
/// 10^7 when `PATHGAP_BENCH_SLOW=1`). Inputs are generated once, in memory, with the same generator and seed as
/// `pathgap generate --seed 1`.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
        warmupIterations: 1,
        maxDuration: .seconds(10),
        maxIterations: 20
    )
    var sizes = [10_000, 100_000, 1_000_000]
    if ProcessInfo.processInfo.environment["PATHGAP_BENCH_SLOW"] == "1" { sizes.append(10_000_000) }

    for size in sizes {
        let label = size >= 1_000_000 ? "\(size / 1_000_000)M" : "\(size / 1_000)k"
        let generator = PathwayGenerator(PathwayGenerator.Options(steps: size, seed: 1))
        let bytes = generator.edgeListBytes()
        let sources = generator.sources
        let targets = generator.targets
        // Built lazily (outside the measured region) by the benchmarks that need them.
        let graph = CompactGraph(nodeCount: size, sources: sources, targets: targets)

        Benchmark("load edge list \(label)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try EdgeListReader.graph(bytes: bytes)) }
        }
        Benchmark("build CSR \(label)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(CompactGraph(nodeCount: size, sources: sources, targets: targets))
            }
        }
        Benchmark("SCC \(label)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(graph.stronglyConnectedComponents()) }
        }
        Benchmark("chains \(label)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(graph.chains()) }
        }
        Benchmark("load + SCC + chains \(label)") { benchmark in
            for _ in benchmark.scaledIterations {
                let (loaded, _) = try EdgeListReader.graph(bytes: bytes)
                blackHole(loaded.stronglyConnectedComponents())
                blackHole(loaded.chains())
            }
        }
        Benchmark("structure (program structure tree) \(label)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(graph.programStructureTree()) }
        }
        Benchmark("route count \(label)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(graph.routeCount()) }
        }
        // The full strategies on a pathway (strings, sub-pathway values): the normal, not the fast, path.
        if size <= 100_000 {
            let pathwayGraph = PathwayGraph(generator.pathway())
            for strategy in DecompositionStrategy.allCases {
                Benchmark("pathway \(strategy.rawValue) \(label)") { benchmark in
                    for _ in benchmark.scaledIterations {
                        blackHole(pathwayGraph.decomposition(strategy, options: DecompositionOptions(maxRoutes: 5)))
                    }
                }
            }
        }
    }
}
