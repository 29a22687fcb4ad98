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
}
