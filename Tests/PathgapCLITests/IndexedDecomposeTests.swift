import Foundation
import TestSupport
import Testing

@testable import PathgapCLI
@testable import PathwayKit

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

    @Test(
        "chains and phases written from the index are byte for byte the value model's JSON and text",
        arguments: [DecompositionStrategy.chains, .phases], [1, 2, 3] as [UInt64])
    func indexWritersMatchValueWriters(strategy: DecompositionStrategy, seed: UInt64) {
        expectIndexWritersMatch(Self.pathway(steps: 2_000, seed: seed), strategy: strategy)
    }

    @Test(
        "steps declared against the flow (parts not in step order) list their entries and exits as the value model does",
        arguments: [DecompositionStrategy.chains, .phases])
    func stepsAgainstTheFlow(strategy: DecompositionStrategy) {
        var pathway = Self.pathway(steps: 300, seed: 4)
        pathway.steps.reverse()
        expectIndexWritersMatch(pathway, strategy: strategy)
    }

    @Test(
        "ids and a pathway id that need escaping, and plain ones with plain labels, are written as the value model does",
        arguments: [DecompositionStrategy.chains, .phases])
    func escapedAndPlainNames(strategy: DecompositionStrategy) {
        // Ids with a quote, a backslash, a line separator (U+2028) and an arrow; conditions likewise.
        let odd = ["s\"0", "s\\1", "s\u{2028}2", "s→3", "s4", "s5"].map { StepID($0) }
        let plain = (0..<6).map { StepID("p\($0)") }
        for (id, ids) in [("q\"p", odd), ("p", plain)] {
            var transitions = zip(ids, ids.dropFirst()).map { Transition(from: $0, to: $1) }
            transitions.append(Transition(from: ids[3], to: ids[1], condition: "back \"again\"\u{2029}"))
            transitions.append(Transition(from: ids[1], to: ids[5], condition: "plain"))
            let steps = ids.enumerated().map { position, step in
                Step(
                    id: step, label: position == 2 ? "Label \(position)" : nil,
                    kind: position == 0 ? .start : position == ids.count - 1 ? .end : .activity)
            }
            let pathway = Pathway(id: PathwayID(id), steps: steps, transitions: transitions)
            expectIndexWritersMatch(pathway, strategy: strategy)
        }
    }

    @Test(
        "phases written from the index match the value model on every fixture pathway and bundled pilot",
        arguments: ["branching", "diamond", "flowchart-example", "linear", "loop-back", "stages"])
    func phasesOnFixtures(name: String) throws {
        let pathway = try #require(
            try PathwayReaders.standard.read(Fixtures.path("pathways/\(name).yaml")).pathways.first)
        expectIndexWritersMatch(pathway, strategy: .phases)
        for target in [1...1, 2...3, 4...9] { expectIndexWritersMatch(pathway, strategy: .phases, target: target) }
    }

    @Test("phases from the index match the value model on the bundled pilots, and on a lone step with advice")
    func phasesOnPilots() throws {
        #expect(!ProjectFolders.bundled.isEmpty)
        for folder in ProjectFolders.bundled {
            let project = try ProjectLoader().loadProject(at: Fixtures.path("projects/\(folder)")).project
            for pathway in project.pathways { expectIndexWritersMatch(pathway, strategy: .phases) }
        }
        // The advice (a step no transition joins) is written with the parts, in JSON and in text.
        let lone = Pathway(
            id: "p", steps: ["a", "b", "c", "lone"].map { Step(id: StepID($0), label: $0) },
            transitions: [Transition(from: "a", to: "b"), Transition(from: "b", to: "c")])
        expectIndexWritersMatch(lone, strategy: .phases)
        #expect(PathwayIndex(lone).phasePartition(target: 3...5).advice.map(\.rule) == ["subpathway-alone"])
    }

    /// Checks that the index writers give the value writers' JSON and text, and the same size warnings.
    private func expectIndexWritersMatch(
        _ pathway: Pathway, strategy: DecompositionStrategy, target: ClosedRange<Int> = 3...5,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        var decomposition = PathwayGraph(pathway).decomposition(
            strategy, options: DecompositionOptions(preferredSize: target))
        let sizeFindings = decomposition.findings.filter { $0.rule == "subpathway-size" }
        decomposition.findings.removeAll { $0.rule == "subpathway-size" }
        let index = PathwayIndex(pathway)
        let partition = strategy == .chains ? index.chainPartition() : index.phasePartition(target: target)
        // One block on the calling thread, and blocks of a few parts formatted on two threads: the same bytes.
        for partsPerBlock in [Int.max / 2, 3] {
            var json: [UInt8] = []
            IndexedPartition.writeJSON(for: [partition], chunkSize: 512, partsPerBlock: partsPerBlock) { json += $0 }
            #expect(
                String(decoding: json, as: UTF8.self)
                    == String(decoding: Decomposition.json(for: [decomposition]), as: UTF8.self),
                "\(partsPerBlock) parts per block", sourceLocation: sourceLocation)
            var text: [UInt8] = []
            IndexedPartition.writeText(for: [partition], chunkSize: 512, partsPerBlock: partsPerBlock) { text += $0 }
            #expect(
                String(decoding: text, as: UTF8.self)
                    == DecompositionFormat.text([decomposition], pathways: [pathway]),
                "\(partsPerBlock) parts per block", sourceLocation: sourceLocation)
        }
        let sizes = partition.sizeFindings(preferred: target, limit: 5)
        #expect(sizes.count == sizeFindings.count, sourceLocation: sourceLocation)
        #expect(sizes.first == Array(sizeFindings.prefix(5)), sourceLocation: sourceLocation)
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
        for strategy in [DecompositionStrategy.chains, .phases] {
            var decomposition = PathwayGraph(pathway).decomposition(strategy)
            decomposition.findings.removeAll { $0.rule == "subpathway-size" }
            let json = DecomposeCommandTests.run([
                "decompose", csv, "--strategy", strategy.rawValue, "--format", "json", "--quiet",
            ])
            #expect(json.output == String(decoding: Decomposition.json(for: [decomposition]), as: UTF8.self))
            let text = DecomposeCommandTests.run(["decompose", csv, "--strategy", strategy.rawValue, "--quiet"])
            #expect(text.output == DecompositionFormat.text([decomposition], pathways: [pathway]))
        }
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
