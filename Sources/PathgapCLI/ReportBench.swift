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

        @Option(
            help:
                "How many times to run the analysis, and each view and writer with --formats (the best time is reported)."
        )
        var repeats: Int = 3

        @Flag(help: "Also time writing each report format.")
        var formats = false

        @Option(help: "With --formats, also write each report format to this folder, to compare two builds with cmp.")
        var out: String?

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
                // Each view and writer, best of the same number of runs; what a run builds is freed inside it.
                func best(_ run: () -> Int) -> (Duration, Int) {
                    var size = 0
                    let elapsed = (0..<max(repeats, 1)).map { _ in clock.measure { size = run() } }.min() ?? .zero
                    return (elapsed, size)
                }
                for (name, build) in [
                    ("needs", { report.needs().count }), ("shared needs", { report.sharedNeeds().count }),
                    ("framework tables", { report.frameworkTables().count }),
                ] as [(String, () -> Int)] {
                    let (elapsed, count) = best(build)
                    print("\(name): \(RenderBench.seconds(elapsed)) s, \(count) entries")
                }
                // The writers give the bytes `pathgap report` writes (the `String` methods wrap them): on their own,
                // building the views they print, and given views built once, as `pathgap report` does for several
                // formats.
                let (viewsTime, _) = best { report.views().needs.count }
                print("views (needs, shared needs, framework tables together): \(RenderBench.seconds(viewsTime)) s")
                let views = report.views()
                for (name, render) in [
                    ("md", { report.markdownBytes(views: $0) }), ("csv", { _ in report.csvBytes() }),
                    ("json", { report.jsonBytes(views: $0) }), ("html", { report.htmlBytes(views: $0) }),
                ] as [(String, (GapReport.Views?) -> [UInt8])] {
                    let (alone, size) = best { render(nil).count }
                    let (given, _) = best { render(views).count }
                    if let out {
                        try AtomicFile.write(
                            Data(render(nil)), to: (out as NSString).appendingPathComponent("report.\(name)"))
                    }
                    let note = name == "csv" ? "" : ", \(RenderBench.seconds(given)) s given the views"
                    print("\(name): \(RenderBench.seconds(alone)) s\(note), \(size) bytes")
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
