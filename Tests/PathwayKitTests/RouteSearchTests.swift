import Testing

@testable import PathwayKit

@Suite struct RouteSearchTests {
    /// start → n1 → … → nL → decision → end, with the decision leading back to n1 as well.
    static func loop(length: Int) -> Pathway {
        var steps = [Step(id: "start", kind: .start)]
        steps += (1...length).map { Step(id: StepID("n\($0)")) }
        steps += [Step(id: "decide", kind: .decision), Step(id: "end", kind: .end)]
        var transitions = [Transition(from: "start", to: "n1")]
        transitions += (1..<length).map { Transition(from: StepID("n\($0)"), to: StepID("n\($0 + 1)")) }
        transitions += [
            Transition(from: StepID("n\(length)"), to: "decide"),
            Transition(from: "decide", to: "n1", condition: "again", share: 0.5),
            Transition(from: "decide", to: "end", condition: "done", share: 0.5),
        ]
        return Pathway(id: "loop", steps: steps, transitions: transitions)
    }

    @Test("the no-step-twice check of the route search is linear in the length of a loop", arguments: [1_000, 20_000])
    func linearInLoopLength(length: Int) {
        let search = PathwayGraph(Self.loop(length: length)).routeSearch(limit: 20)
        // One route: round the loop once; going round again would repeat n1.
        #expect(search.routes.count == 1)
        #expect(search.routes.first?.steps.count == length + 3)
        #expect(search.routes.first?.probability == 0.5)
        // Each step is marked and unmarked a bounded number of times (a walk back per step would be length² / 2).
        #expect(search.pathMoves <= 2 * (length + 3))
    }
}
