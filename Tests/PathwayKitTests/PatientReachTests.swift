import PathwayKit
import TestSupport
import Testing

/// Patients are counted once: the patients who pass through at least one of a set of steps, from the flow model.
@Suite struct PatientReachTests {
    /// The flow of a pathway and a function from step ids to the patients reaching them.
    static func reach(_ steps: [Step], _ transitions: [Transition]) throws -> ([String]) -> (Double, Bool) {
        let graph = PathwayGraph(Pathway(id: "p", steps: steps, transitions: transitions))
        let flow = try #require(PatientFlow(graph))
        return { ids in
            let reached = flow.patientsReaching(ids.compactMap { graph.node(StepID($0)) })
            return (reached.patients, reached.estimated)
        }
    }

    @Test("steps one after another, and both branches of a decision, reach each patient once")
    func chainAndBranches() throws {
        let reach = try Self.reach(
            [
                Step(id: "s", kind: .start, patientsPerYear: 1000), Step(id: "a"), Step(id: "d", kind: .decision),
                Step(id: "x"), Step(id: "y"), Step(id: "m", kind: .merge), Step(id: "e", kind: .end),
            ],
            [
                Transition(from: "s", to: "a"), Transition(from: "a", to: "d"),
                Transition(from: "d", to: "x", share: 0.3), Transition(from: "d", to: "y", share: 0.7),
                Transition(from: "x", to: "m"), Transition(from: "y", to: "m"), Transition(from: "m", to: "e"),
            ])
        #expect(reach(["a", "m"]).0 == 1000)  // a sum over steps would say 2000
        #expect(abs(reach(["x", "y"]).0 - 1000) < 1e-9)
        #expect(abs(reach(["x"]).0 - 300) < 1e-9)
        #expect(abs(reach(["x", "m"]).0 - 1000) < 1e-9)
        #expect(reach(["x"]).1 == false)
    }

    @Test("a loop is passed once: its steps together reach everyone who enters it")
    func loop() throws {
        let reach = try Self.reach(
            [
                Step(id: "s", kind: .start, patientsPerYear: 100), Step(id: "a"), Step(id: "b", kind: .decision),
                Step(id: "e", kind: .end),
            ],
            [
                Transition(from: "s", to: "a"), Transition(from: "a", to: "b"),
                Transition(from: "b", to: "a", share: 0.5), Transition(from: "b", to: "e", share: 0.5),
            ])
        #expect(reach(["a", "b"]).0 == 100)
        #expect(reach(["a", "b", "e"]).0 == 100)
    }

    @Test("branches of a parallel step carry everyone, and a patient on two of them is counted once")
    func parallel() throws {
        let reach = try Self.reach(
            [
                Step(id: "s", kind: .start, patientsPerYear: 100), Step(id: "p", kind: .parallel), Step(id: "x"),
                Step(id: "y"), Step(id: "j", kind: .merge), Step(id: "e", kind: .end),
            ],
            [
                Transition(from: "s", to: "p"), Transition(from: "p", to: "x"), Transition(from: "p", to: "y"),
                Transition(from: "x", to: "j"), Transition(from: "y", to: "j"), Transition(from: "j", to: "e"),
            ])
        #expect(reach(["x"]).0 == 100)
        #expect(reach(["x", "y"]).0 == 100)
    }

    @Test("figures after a decision that gives no shares are estimates; before it they are not")
    func estimates() throws {
        let steps = [
            Step(id: "s", kind: .start, patientsPerYear: 100), Step(id: "d", kind: .decision), Step(id: "x"),
            Step(id: "e", kind: .end),
        ]
        let transitions = [
            Transition(from: "s", to: "d"), Transition(from: "d", to: "x"), Transition(from: "d", to: "e"),
            Transition(from: "x", to: "e"),
        ]
        let reach = try Self.reach(steps, transitions)
        #expect(reach(["x"]) == (50, true))
        #expect(reach(["d"]) == (100, false))
        let graph = PathwayGraph(Pathway(id: "p", steps: steps, transitions: transitions))
        #expect(graph.evenlySplitNodes() == [try #require(graph.node("d"))])
        let findings = Validator.missingShareFindings(graph: graph)
        #expect(findings.map(\.rule) == ["missing-share"])
        #expect(findings.first?.severity == .warning)
    }

    @Test("on every pilot no need reaches more patients than enter the projects it spans", arguments: [true, false])
    func pilotsCountEachPatientOnce(together: Bool) throws {
        let projects = try ProjectFolders.bundled.map {
            try ProjectLoader().loadProject(at: Fixtures.path("projects/\($0)")).project
        }
        for group in together ? [projects] : projects.map({ [$0] }) {
            let report = GapReport(analysing: group, asOf: AsOfDate("2026-11-25"))
            var entering: [String: Double] = [:]
            for analysis in report.projects {
                entering[analysis.project.manifest.id] = analysis.pathways.compactMap(\.flow).reduce(0) {
                    $0 + $1.entering
                }
            }
            func limit(_ projects: some Sequence<String>) -> Double {
                projects.reduce(0) { $0 + entering[$1, default: 0] }
            }
            for group in report.needs() {
                for need in group.competencies {
                    guard let patients = need.patientsPerYear else { continue }
                    #expect(patients <= limit(need.projects) + 1e-6, "\(need.competency): \(patients)")
                }
            }
            for need in report.sharedNeeds() {
                guard let patients = need.patientsPerYear else { continue }
                #expect(patients <= limit(need.projects) + 1e-6, "\(need.competency): \(patients)")
            }
            for table in report.frameworkTables() {
                guard let patients = table.patientsPerYear else { continue }
                #expect(patients <= limit([table.project]) + 1e-6, "\(table.subpathway.id): \(patients)")
            }
        }
    }

    @Test("DPYD's first need reaches no more patients than enter the pathway (37,200)")
    func dpydTopNeed() throws {
        let project = try ProjectLoader().loadProject(at: Fixtures.path("projects/dpyd")).project
        let report = GapReport(analysing: [project], asOf: AsOfDate("2026-11-25"))
        let top = try #require(report.gaps.first?.reach.patientsPerYear)
        #expect(top <= 37_200)
        let needs = report.needs().flatMap(\.competencies)
        #expect(needs.allSatisfy { ($0.patientsPerYear ?? 0) <= 37_200 })
        // DPYD-06 gives shares now, but a decision without them is reported and its figures marked.
        #expect(report.assumptions.allSatisfy { $0.rule == "missing-share" })
    }
}
