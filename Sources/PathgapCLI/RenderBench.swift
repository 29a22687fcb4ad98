import ArgumentParser
import Foundation
import Graphviz

extension Pathgap {
    /// `pathgap render-bench` (hidden, for benchmarks): renders every `.dot` file of a folder in process and reports
    /// the time taken and the resident memory before and after.
    public struct RenderBench: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "render-bench",
            abstract: "Benchmark in-process rendering of a folder of DOT files (development only).",
            shouldDisplay: false
        )

        @Argument(help: "A folder of .dot files.")
        var folder: String

        @Option(help: "How many times to render the whole folder.")
        var repeats: Int = 1

        @Option(help: "The output format.")
        var format: String = "svg"

        public init() {}

        public func run() throws {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".dot") }
                    .sorted()
            } catch {
                FileHandle.standardError.write(Data("Error: cannot list '\(folder)'\n".utf8))
                throw ExitCode(64)
            }
            var charts: [String] = []
            for name in names {
                charts.append(try String(contentsOfFile: folder + "/" + name, encoding: .utf8))
            }
            // One warm-up render, so that plugin loading is not counted.
            if let first = charts.first { _ = try GraphvizLibrary.render(dot: first, format: format) }
            let rssBefore = Self.residentKilobytes()
            var bytes = 0
            let clock = ContinuousClock()
            var firstRound: Duration = .zero
            var rssAfterFirstRound = 0
            let total = try clock.measure {
                for round in 0..<max(repeats, 1) {
                    let elapsed = try clock.measure {
                        for chart in charts {
                            bytes += try GraphvizLibrary.render(dot: chart, format: format).bytes.count
                        }
                    }
                    if round == 0 {
                        firstRound = elapsed
                        rssAfterFirstRound = Self.residentKilobytes()
                    }
                }
            }
            let rssAfter = Self.residentKilobytes()
            let renders = charts.count * max(repeats, 1)
            print("charts: \(charts.count), renders: \(renders), output bytes: \(bytes)")
            print("first round: \(Self.seconds(firstRound)) s; all rounds: \(Self.seconds(total)) s")
            print(
                "rss before: \(rssBefore) kB, after first round: \(rssAfterFirstRound) kB, after all rounds: "
                    + "\(rssAfter) kB (growth after the first round: \(rssAfter - rssAfterFirstRound) kB)")
        }

        /// VmRSS from /proc/self/status, in kB (0 where there is no /proc).
        static func residentKilobytes() -> Int {
            guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
            for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
                return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
            }
            return 0
        }

        static func seconds(_ duration: Duration) -> String {
            let (seconds, attoseconds) = duration.components
            return String(format: "%.3f", Double(seconds) + Double(attoseconds) / 1e18)
        }
    }
}
