import PathwayKit
import Testing

@Suite struct AnalysisPatientFlowTests {
    static func flow(_ steps: [Step], _ transitions: [Transition]) -> [String: Double]? {
        let graph = PathwayGraph(Pathway(id: "p", steps: steps, transitions: transitions))
        guard let flow = graph.patientFlow() else { return nil }
        var result: [String: Double] = [:]
        for (node, value) in flow.enumerated() { result[graph.step(Int32(node)).id.rawValue] = value }
        return result
    }

    @Test("shares split the flow; missing shares share the rest evenly")
    func shares() throws {
        let flow = try #require(
            Self.flow(
                [
                    Step(id: "s", kind: .start, patientsPerYear: 1000), Step(id: "d", kind: .decision),
                    Step(id: "a"), Step(id: "b"), Step(id: "c"), Step(id: "e", kind: .end),
                ],
                [
                    Transition(from: "s", to: "d"), Transition(from: "d", to: "a", share: 0.5),
                    Transition(from: "d", to: "b"), Transition(from: "d", to: "c"),
                    Transition(from: "a", to: "e"), Transition(from: "b", to: "e"), Transition(from: "c", to: "e"),
                ]))
        #expect(flow["d"] == 1000)
        #expect(flow["a"] == 500)
        #expect(flow["b"] == 250)
        #expect(flow["c"] == 250)
        #expect(flow["e"] == 1000)
    }

    @Test("no shares at all: an even split")
    func evenSplit() throws {
        let flow = try #require(
            Self.flow(
                [Step(id: "s", kind: .start, patientsPerYear: 90), Step(id: "a"), Step(id: "b"), Step(id: "c")],
                [Transition(from: "s", to: "a"), Transition(from: "s", to: "b"), Transition(from: "s", to: "c")]))
        #expect(flow["a"] == 30 && flow["b"] == 30 && flow["c"] == 30)
    }

    @Test("a loop is passed once and everyone leaves by its exits")
    func loopPassedOnce() throws {
        // s → a → b → (0.3 back to a, 0.7 on to e): everyone entering reaches e exactly once.
        let flow = try #require(
            Self.flow(
                [Step(id: "s", kind: .start, patientsPerYear: 100), Step(id: "a"), Step(id: "b", kind: .decision), Step(id: "e", kind: .end)],
                [
                    Transition(from: "s", to: "a"), Transition(from: "a", to: "b"),
                    Transition(from: "b", to: "a", share: 0.3), Transition(from: "b", to: "e", share: 0.7),
                ]))
        #expect(flow["a"] == 100)
        #expect(flow["b"] == 100)
        #expect(flow["e"] == 100)
    }

    @Test("parallel steps send everyone down every branch; several starts add up")
    func parallelAndStarts() throws {
        let flow = try #require(
            Self.flow(
                [
                    Step(id: "s1", kind: .start, patientsPerYear: 10), Step(id: "s2", kind: .start, patientsPerYear: 5),
                    Step(id: "p", kind: .parallel), Step(id: "a"), Step(id: "b"),
                ],
                [
                    Transition(from: "s1", to: "p"), Transition(from: "s2", to: "p"), Transition(from: "p", to: "a"),
                    Transition(from: "p", to: "b"),
                ]))
        #expect(flow["p"] == 15 && flow["a"] == 15 && flow["b"] == 15)
    }

    @Test("without volumes the flow is unknown")
    func unknown() {
        #expect(Self.flow([Step(id: "s", kind: .start), Step(id: "a")], [Transition(from: "s", to: "a")]) == nil)
    }

    @Test("a long chain with a loop does not overflow or diverge")
    func longChain() throws {
        let count = 200_000
        var steps = [Step(id: "n0", kind: .start, patientsPerYear: 7)]
        var transitions: [Transition] = []
        for index in 1..<count {
            steps.append(Step(id: StepID("n\(index)")))
            transitions.append(Transition(from: StepID("n\(index - 1)"), to: StepID("n\(index)")))
        }
        transitions.append(Transition(from: StepID("n\(count - 1)"), to: "n1"))
        let flow = try #require(PathwayGraph(Pathway(id: "p", steps: steps, transitions: transitions)).patientFlow())
        #expect(flow.allSatisfy { $0 == 7 })
    }
}
