import Foundation
import TestSupport
import Testing

@testable import PathwayKit

/// A step assessment holds its step's number in the pathway's index; the analyzer makes no ``Step`` value, and
/// ``StepAssessment/step`` makes one, the same as the pathway value's, only when a caller asks for it.
@Suite struct StepAssessmentTests {
    static let asOf = AsOfDate("2026-11-25")

    @Test(
        "each assessment holds its step's number, and its step value is the pathway value's",
        arguments: [
            "projects/dpyd", "projects/lynch-syndrome", "regional/fh-north-east-yorkshire", "gaps/training-gap",
        ])
    func holdsStepIndex(fixture: String) throws {
        let project = try ProjectLoader().loadProject(at: Fixtures.path(fixture)).project
        let probe = ValueProbe()
        let analysis = PathwayIndex.$valueProbe.withValue(probe) {
            GapAnalyzer().analysis(of: project, strategy: .phases, asOf: Self.asOf)
        }
        // The analysis itself makes no value.
        #expect(probe.made.load(ordering: .relaxed) == 0)
        #expect(probe.steps.load(ordering: .relaxed) == 0)
        for pathway in analysis.pathways {
            let index = pathway.graph.index
            #expect(pathway.steps.count == index.stepCount)
            let values = pathway.pathway.steps
            let positions = pathway.graph.stepIndexOfNode
            for (position, assessed) in pathway.steps.enumerated() {
                #expect(assessed.stepIndex == Index(position))
                #expect(assessed.step == values[positions[position]])
                #expect(assessed.pathwayIndex.stepIDs[assessed.stepIndex] == index.stepIDs[Index(position)])
                #expect(pathway.step(assessed.step.id)?.stepIndex == assessed.stepIndex)
            }
            #expect(pathway.step("no-such-step") == nil)
        }
    }

    @Test("a step value is made each time one is asked for, and only then")
    func stepValueOnDemand() throws {
        let project = try ProjectLoader().loadProject(at: Fixtures.path("projects/dpyd")).project
        let analysis = GapAnalyzer().analysis(of: project)
        let assessed = try #require(analysis.pathways.first?.steps.first)
        let probe = ValueProbe()
        PathwayIndex.$valueProbe.withValue(probe) {
            #expect(assessed.step.id == "DPYD-01")
            #expect(assessed.step.staffGroups == ["oncologist"])
        }
        #expect(probe.steps.load(ordering: .relaxed) == 2)
        #expect(probe.made.load(ordering: .relaxed) == 0)
    }

    @Test("a pathway with a step id written twice is assessed by its first definition, once")
    func duplicateIDs() throws {
        let first = Step(id: "a", label: "First", staffGroups: ["gp"], noCompetencyReason: "none")
        let again = Step(id: "a", label: "Again", kind: .decision, staffGroups: ["nurse"])
        let end = Step(id: "end", kind: .end)
        let project = Project(
            manifest: ProjectManifest(id: "p", pathways: ["p.yaml"]), directory: ".",
            pathways: [
                Pathway(id: "p", steps: [first, again, end], transitions: [Transition(from: "a", to: "end")])
            ], staffGroups: [StaffGroup(id: "gp", name: "GP"), StaffGroup(id: "nurse", name: "Nurse")])
        let pathway = try #require(GapAnalyzer().analysis(of: project).pathways.first)
        #expect(pathway.steps.map(\.step.id) == ["a", "end"])
        #expect(pathway.step("a")?.step == first)
        #expect(pathway.step("end")?.stepIndex == Index(1))
    }
}
