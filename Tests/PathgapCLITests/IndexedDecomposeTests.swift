import Foundation
import PathwayKit
import TestSupport
import Testing

@testable import PathgapCLI

@Suite struct IndexedDecomposeTests {
    /// A pathway with what the writers print: conditions, stages, staff, labels, a loop, quotes and non-ASCII ids.
    static func pathway(steps count: Int, seed: UInt64) -> Pathway {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let ids = (0..<count).map { $0 % 17 == 5 ? "ß\($0)" : "s\($0)" }
        var transitions: [Transition] = []
        for position in 0..<(count - 1) {
            transitions.append(Transition(from: StepID(ids[position]), to: StepID(ids[position + 1])))
            if next(4) == 0 {
                let target = min(count - 1, max(0, position - next(6) + next(9)))
                transitions.append(
                    Transition(
                        from: StepID(ids[position]), to: StepID(ids[target]),
                        condition: next(2) == 0 ? "say \"yes\"" : nil, share: next(3) == 0 ? 0.25 : nil))
            }
        }
        let steps = (0..<count).map { position in
            Step(
                id: StepID(ids[position]), label: next(3) == 0 ? "Step \(position) → ✓" : nil,
                kind: position == 0 ? .start : position == count - 1 ? .end : .activity,
                staffGroups: next(2) == 0 ? ["nurse", StaffGroupID("g\(next(4))")] : [],
                stage: next(5) == 0 ? nil : "stage \(position / 40)",
                location: SourceLocation(file: "p.yaml", line: position + 2, column: 3))
        }
        return Pathway(id: "p", steps: steps, transitions: transitions, location: SourceLocation(file: "p.yaml"))
    }

    @Test("chains written from the index are byte for byte the value model's JSON and text", arguments: [1, 2, 3])
    func indexWritersMatchValueWriters(seed: UInt64) {
        let pathway = Self.pathway(steps: 2_000, seed: seed)
        var decomposition = PathwayGraph(pathway).decomposition(.chains)
        let sizeFindings = decomposition.findings
        decomposition.findings = []
        let partition = PathwayIndex(pathway).chainPartition()
        var json: [UInt8] = []
        IndexedPartition.writeJSON(for: [partition], chunkSize: 512) { json += $0 }
        #expect(json == Decomposition.json(for: [decomposition]))
        var text: [UInt8] = []
        IndexedPartition.writeText(for: [partition], chunkSize: 512) { text += $0 }
        #expect(String(decoding: text, as: UTF8.self) == DecompositionFormat.text([decomposition], pathways: [pathway]))
        let sizes = partition.sizeFindings(preferred: 3...5, limit: 5)
        #expect(sizes.count == sizeFindings.count)
        #expect(sizes.first == Array(sizeFindings.prefix(5)))
    }

    @Test("size warnings go to standard error: counted, the first --max-warnings listed, none under --quiet")
    func sizeWarningsSummarised() throws {
        let path = Fixtures.path("pathways/branching.yaml")
        for strategy in ["chains", "stages"] {
            let all = DecomposeCommandTests.run(["decompose", path, "--strategy", strategy])
            #expect(all.status == 0)
            #expect(!all.output.contains("warning"))
            let lines = all.errors.split(separator: "\n")
            #expect(lines.count >= 3 && lines.allSatisfy { $0.contains("[subpathway-size]") }, "\(all.errors)")
            let capped = DecomposeCommandTests.run(["decompose", path, "--strategy", strategy, "--max-warnings", "1"])
            #expect(capped.errors.hasPrefix("warning: \(lines.count) sub-pathways outside 3–5 steps; the first 1:\n"))
            #expect(
                capped.errors.split(separator: "\n") == [
                    "warning: \(lines.count) sub-pathways outside 3–5 steps; the first 1:"
                ] + lines.prefix(1))
            #expect(capped.output == all.output)
            let quiet = DecomposeCommandTests.run(["decompose", path, "--strategy", strategy, "--quiet"])
            #expect(quiet.errors.isEmpty)
            #expect(quiet.output == all.output)
        }
        #expect(MessageOptions.grouped(350_386) == "350,386")
        #expect(MessageOptions.grouped(1_000) == "1,000")
        #expect(MessageOptions.grouped(999) == "999")
    }

    @Test("an edge list is decomposed and validated from its index as the values would be")
    func edgeListFromIndex() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pathgap-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let csv = (folder as NSString).appendingPathComponent("g.csv")
        #expect(DecomposeCommandTests.run(["generate", "--steps", "2000", "--seed", "3", "--out", csv]).status == 0)
        let pathway = try #require(try PathwayReaders.standard.read(csv).pathways.first)
        var decomposition = PathwayGraph(pathway).decomposition(.chains)
        decomposition.findings.removeAll { $0.rule == "subpathway-size" }
        let json = DecomposeCommandTests.run(["decompose", csv, "--strategy", "chains", "--format", "json", "--quiet"])
        #expect(json.output == String(decoding: Decomposition.json(for: [decomposition]), as: UTF8.self))
        let text = DecomposeCommandTests.run(["decompose", csv, "--strategy", "chains", "--quiet"])
        #expect(text.output == DecompositionFormat.text([decomposition], pathways: [pathway]))
        let validation = DecomposeCommandTests.run(["validate", csv])
        let expected = Validator.findings(for: pathway).map(\.description)
        #expect(validation.output.split(separator: "\n").dropLast().map(String.init) == expected)
        let errors = expected.count { $0.contains(": error: ") }
        let warnings = expected.count { $0.contains(": warning: ") }
        #expect(
            validation.output.hasSuffix(
                "\(csv): 1 pathway, \(pathway.steps.count) steps, \(pathway.transitions.count) transitions: "
                    + "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"))
    }
}
