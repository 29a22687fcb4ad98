import ArgumentParser
import Foundation
import PathwayKit

extension Pathgap {
    /// `pathgap report-bench` (hidden, for benchmarks): generates a large annotated network and times the gap
    /// analysis and each report format.
    public struct ReportBench: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "report-bench",
            abstract: "Benchmark gap analysis on a generated network (development only).",
            shouldDisplay: false
        )

        @Option(help: "Steps in the generated pathway.")
        var steps: Int = 100_000

        @Option(help: "Competencies in the generated frameworks.")
        var competencies: Int = 1_000

        @Option(help: "How many times to run the analysis (the best time is reported).")
        var repeats: Int = 3

        @Flag(help: "Also time writing each report format.")
        var formats = false

        public init() {}

        public func run() throws {
            let project = AnnotatedProjectGenerator(steps: steps, competencies: competencies).project()
            let clock = ContinuousClock()
            var best: Duration?
            var bestAnalysis: Duration?
            var bestCPU = Double.infinity
            var report: GapReport?
            for _ in 0..<max(repeats, 1) {
                report = nil
                let cpu = Self.cpuSeconds()
                var analysis: ProjectAnalysis?
                let analysed = clock.measure {
                    analysis = GapAnalyzer().analysis(of: project, asOf: AsOfDate("2026-11-25"))
                }
                let elapsed = clock.measure {
                    report = analysis.map { GapReport(projects: [$0], strategy: .chains, asOf: AsOfDate("2026-11-25")) }
                }
                bestCPU = min(bestCPU, Self.cpuSeconds() - cpu)
                bestAnalysis = bestAnalysis.map { min($0, analysed) } ?? analysed
                best = best.map { min($0, analysed + elapsed) } ?? analysed + elapsed
            }
            guard let report, let best, let bestAnalysis else { return }
            let totals = report.totals
            print(
                "steps: \(totals.steps), transitions: \(project.pathways[0].transitions.count), competencies: \(competencies), "
                    + "resources: \(project.resources.count), sub-pathways: \(totals.subpathways), gaps: \(report.gaps.count)"
            )
            print(
                "analysis: \(RenderBench.seconds(bestAnalysis)) s; analysis + report (reach, priority order): "
                    + "\(RenderBench.seconds(best)) s wall, \(String(format: "%.3f", bestCPU)) s CPU (best of \(max(repeats, 1)))"
            )
            if formats {
                for (name, build) in [
                    ("needs", { report.needs().count }), ("shared needs", { report.sharedNeeds().count }),
                    ("framework tables", { report.frameworkTables().count }),
                ] as [(String, () -> Int)] {
                    var count = 0
                    let elapsed = clock.measure { count = build() }
                    print("\(name): \(RenderBench.seconds(elapsed)) s, \(count) entries")
                }
                for (name, render) in [
                    ("md", { report.markdown() }), ("csv", { report.csv() }), ("json", { report.json() }),
                    ("html", { report.html() }),
                ] as [(String, () -> String)] {
                    var size = 0
                    let elapsed = clock.measure { size = render().utf8.count }
                    print("\(name): \(RenderBench.seconds(elapsed)) s, \(size) bytes")
                }
            }
        }

        /// CPU time used by the process so far, in seconds.
        static func cpuSeconds() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
    }
}
