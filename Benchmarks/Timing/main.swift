// Headline timings: for each edge-list file, load (streamed from disk) + SCC + chains, end to end, best of N runs,
// and the process's peak resident memory. Usage: pathgap-timing [--runs N] FILE...
import Foundation
import PathwayKit

func seconds(_ start: ContinuousClock.Instant) -> Double {
    let duration = ContinuousClock.now - start
    return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

#if canImport(Glibc)
    let rusageSelf = __rusage_who_t(RUSAGE_SELF.rawValue)
#else
    let rusageSelf = RUSAGE_SELF
#endif

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(rusageSelf, &usage)
    return Double(usage.ru_maxrss) / 1024  // Linux reports kilobytes.
}

var arguments = Array(CommandLine.arguments.dropFirst())
var runs = 3
if let index = arguments.firstIndex(of: "--runs"), index + 1 < arguments.count, let value = Int(arguments[index + 1]) {
    runs = value
    arguments.removeSubrange(index...index + 1)
}
print("file\tsteps\ttransitions\tcomponents\tchains\tload_s\tscc_s\tchains_s\ttotal_s\tpeak_rss_mb")
for path in arguments {
    var best = (
        load: Double.infinity, scc: Double.infinity, chains: Double.infinity,
        total: Double.infinity
    )
    var facts = (steps: 0, transitions: 0, components: 0, chains: 0)
    for _ in 0..<runs {
        let start = ContinuousClock.now
        // Streaming: the file is read in 4 MiB chunks straight into the graph.
        let (graph, _) =
            ProcessInfo.processInfo.environment["PATHGAP_TIMING_WHOLE"] == "1"
            ? try EdgeListReader.graph(data: FileManager.default.contents(atPath: path) ?? Data(), path: path)
            : try EdgeListReader.graph(contentsOf: path)
        let load = seconds(start)
        let sccStart = ContinuousClock.now
        let components = graph.stronglyConnectedComponents()
        let scc = seconds(sccStart)
        let chainsStart = ContinuousClock.now
        let chains = graph.chains()
        let chainTime = seconds(chainsStart)
        let total = seconds(start)
        if total < best.total { best = (load, scc, chainTime, total) }
        facts = (graph.nodeCount, graph.edgeCount, components.componentCount, chains.chainCount)
    }
    print(
        [
            path, "\(facts.steps)", "\(facts.transitions)", "\(facts.components)", "\(facts.chains)",
            String(format: "%.3f", best.load), String(format: "%.3f", best.scc),
            String(format: "%.3f", best.chains), String(format: "%.3f", best.total),
            String(format: "%.1f", peakResidentMegabytes()),
        ].joined(separator: "\t"))
}
