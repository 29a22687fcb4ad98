import Foundation
import PathwayKit
import Testing

@Suite struct PathwayDiffTests {
    static func chain(_ ids: [String], labels: [String]? = nil) -> Pathway {
        let steps = ids.enumerated().map { index, id in
            Step(
                id: StepID(id), label: labels?[index] ?? "step \(index)",
                kind: index == 0 ? .start : index == ids.count - 1 ? .end : .activity)
        }
        let transitions = zip(ids, ids.dropFirst()).map { Transition(from: StepID($0), to: StepID($1)) }
        return Pathway(id: "p", steps: steps, transitions: transitions)
    }

    @Test("a renamed chain of steps is found step by step, with no transitions added or removed")
    func renamedChain() {
        let old = Self.chain(["a", "b", "c", "d"])
        let new = Self.chain(["a", "B", "C", "d"])
        let diff = PathwayDiff(old: old, new: new)
        #expect(diff.renames == ["b": "B", "c": "C"])
        #expect(diff.addedSteps.isEmpty && diff.removedSteps.isEmpty)
        #expect(diff.addedTransitions.isEmpty && diff.removedTransitions.isEmpty)
        #expect(diff.changedSteps.map(\.renamedFrom) == ["b", "c"])
    }

    @Test("a step with a new id and a new label is removed and added, not renamed")
    func notARename() {
        let diff = PathwayDiff(
            old: Self.chain(["a", "b", "c"]), new: Self.chain(["a", "x", "c"], labels: ["step 0", "other", "step 2"]))
        #expect(diff.renames.isEmpty)
        #expect(diff.removedSteps.map(\.id) == ["b"])
        #expect(diff.addedSteps.map(\.id) == ["x"])
        #expect(diff.removedTransitions.count == 2)
        #expect(diff.addedTransitions.count == 2)
    }

    @Test("two equally good candidates are not a rename")
    func ambiguous() {
        var new = Self.chain(["a", "x", "c"])
        new.steps.append(Step(id: "y", label: "step 1"))
        new.transitions += [Transition(from: "a", to: "y"), Transition(from: "y", to: "c")]
        var old = Self.chain(["a", "b", "c"])
        old.steps.append(Step(id: "z", label: "unrelated"))
        let diff = PathwayDiff(old: old, new: new)
        #expect(diff.renames.isEmpty)
    }

    @Test("field changes name the field with old and new values; transitions compare condition and share")
    func fields() {
        var old = Self.chain(["a", "b", "c"])
        var new = old
        new.steps[1].staffGroups = ["gp"]
        new.steps[1].setting = "primary care"
        old.transitions[1].condition = "yes"
        new.transitions[1].share = 0.5
        let diff = PathwayDiff(old: old, new: new)
        #expect(
            diff.changedSteps.first?.fields == [
                .init(field: "setting", old: nil, new: "primary care"),
                .init(field: "staffGroups", old: nil, new: "gp"),
            ])
        #expect(
            diff.changedTransitions.first?.fields == [
                .init(field: "condition", old: "yes", new: nil), .init(field: "share", old: nil, new: "0.5"),
            ])
    }

    @Test("two indexes as readers built them compare as their values do, renames, duplicates and dangling included")
    func indexesCompareAsValues() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = [
            "old.csv": "from,to,condition,share\ns,a,,\na,b,c1,0.5\na,c,,0.5\nb,e,,\nc,e,,\nc,ghost2,,\n",
            "new.yaml": """
            id: p
            steps:
              - {id: s, kind: start}
              - {id: A, kind: decision, label: a}
              - {id: b, label: B now}
              - {id: c}
              - {id: c, label: again}
              - {id: e, kind: end}
            transitions:
              - {from: s, to: A}
              - {from: A, to: b, condition: c2, share: 0.5}
              - {from: A, to: c, share: 0.5}
              - {from: b, to: e}
              - {from: c, to: ghost}
              - {from: c, to: e, source: S}
            """,
        ]
        var indexes: [String: PathwayIndex] = [:]
        for (name, text) in files {
            let path = folder.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            indexes[name] = try #require(try PathwayReaders.standard.readGraphs(path).graphs.first).index
        }
        let old = try #require(indexes["old.csv"])
        let new = try #require(indexes["new.yaml"])
        for (before, after) in [(old, new), (new, old), (new, new)] {
            #expect(PathwayDiff(old: before, new: after) == PathwayDiff(old: before.pathway(), new: after.pathway()))
        }
        let diff = PathwayDiff(old: old, new: new)
        #expect(diff.renames == ["a": "A"])
        #expect(diff.changedTransitions.map(\.transition.from) == ["A", "c"])
    }
}
