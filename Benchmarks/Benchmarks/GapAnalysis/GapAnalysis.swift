import Benchmark
import PathwayKit

/// Gap analysis on generated annotated projects of 10^4 and 10^5 steps with 10^3 competencies (the target:
/// the 10^5-step analysis in at most a second): the analysis alone, and the analysis with the report's reach and
/// priority order. The project is the one `pathgap report-bench` generates. Malloc counting (the interposer)
/// adds to the times here; `pathgap report-bench` gives them without it.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
        warmupIterations: 1,
        maxDuration: .seconds(10),
        maxIterations: 10
    )
    let asOf = AsOfDate("2026-11-25")
    for steps in [10_000, 100_000] {
        let label = "\(steps / 1_000)k steps, 1k competencies"
        let project = AnnotatedProjectGenerator(steps: steps, competencies: 1_000).project()

        // The results are freed after the measured region: freeing half a million gaps is the caller's cost.
        Benchmark("gap analysis \(label)") { benchmark in
            benchmark.startMeasurement()
            let analysis = GapAnalyzer().analysis(of: project, asOf: asOf)
            benchmark.stopMeasurement()
            blackHole(analysis)
        }
        Benchmark("gap analysis + reach + priority order \(label)") { benchmark in
            benchmark.startMeasurement()
            let report = GapReport(analysing: [project], asOf: asOf)
            benchmark.stopMeasurement()
            blackHole(report)
        }
    }
}
