import Foundation
import PathgapCLI
import TestSupport
import Testing

/// `phases` on pathways it has never seen: every BPMN, DOT, GraphML and CSV file of the shared corpus.
@Suite(.enabled(if: Fixtures.hasCorpus, "the shared corpus is not present"))
struct PhasesCorpusTests {
    static let extensions: Set<String> = ["bpmn", "gv", "dot", "graphml", "csv"]

    /// The corpus files in the formats pathgap imports (the CASE folder holds competency frameworks, not pathways).
    static var files: [String] {
        guard let corpus = Fixtures.corpus,
            let walker = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil)
        else { return [] }
        var result: [String] = []
        for case let url as URL in walker where extensions.contains(url.pathExtension.lowercased()) {
            let relative = String(url.path.dropFirst(corpus.path.count + 1))
            if !relative.hasPrefix("case/") { result.append(relative) }
        }
        return result.sorted()
    }

    @Test("every step in exactly one sub-pathway; one-step sub-pathways only with advice saying why", arguments: files)
    func sensibleOnUnseenPathways(file: String) throws {
        let result = DecomposeCommandTests.run([
            "decompose", Fixtures.corpusPath(file), "--strategy", "phases", "--format", "json",
        ])
        // Files the importers refuse (exit 64) are the readers' business, tested elsewhere.
        guard result.status != 64 else { return }
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let decompositions = try #require(object?["decompositions"] as? [[String: Any]])
        for decomposition in decompositions {
            let subpathways = decomposition["subpathways"] as? [[String: Any]] ?? []
            let steps = subpathways.flatMap { $0["steps"] as? [String] ?? [] }
            #expect(Set(steps).count == steps.count, "a step in two sub-pathways")
            let advice = (decomposition["findings"] as? [[String: Any]] ?? []).filter {
                $0["rule"] as? String == "subpathway-alone"
            }.compactMap { $0["message"] as? String }
            for subpathway in subpathways {
                guard let only = subpathway["steps"] as? [String], only.count == 1 else { continue }
                #expect(advice.contains { $0.contains("'\(only[0])'") }, "\(file): '\(only[0])' alone, no advice")
            }
            // No confetti: most steps sit in sub-pathways of two or more.
            let single = subpathways.filter { ($0["steps"] as? [String])?.count == 1 }.count
            let lone = advice.filter { $0.contains("no transition joins it") }.count
            #expect(single - lone <= max(2, steps.count / 10), "\(file): \(single) one-step sub-pathways")
        }
    }
}
