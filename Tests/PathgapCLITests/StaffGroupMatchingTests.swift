import Foundation
import PathgapCLI
import PathwayKit
import TestSupport
import Testing

/// Staff groups written as names or aliases in BPMN lanes, DOT attributes and CSV cells (`Fixtures/aliases/`).
@Suite struct StaffGroupMatchingTests {
    static let project = Fixtures.path("aliases")

    static func validate(_ arguments: [String]) -> (status: Int32, output: String) {
        let console = Console.capturing()
        let status = Pathgap.run(["validate"] + arguments, console: console)
        return (status, console.output)
    }

    @Test("lanes, DOT attributes and CSV cells match staff groups by name or alias, and each match is a note")
    func matchedAndNoted() {
        let (_, output) = Self.validate([Self.project])
        let notes = output.split(separator: "\n").filter { $0.contains("[staff-group-matched]") }
        #expect(notes.count == 5)
        #expect(notes.allSatisfy { $0.contains(": note: ") })
        #expect(
            output.contains("'general-practitioner' is taken as staff group 'gp', whose name is 'General practitioner'")
        )
        #expect(
            output.contains(
                "'practice-pharmacist' is taken as staff group 'pcn-pharmacist', whose alias is 'practice pharmacist'"))
        #expect(
            output.contains("'General practitioner' is taken as staff group 'gp', whose name is 'General practitioner'")
        )
        #expect(output.contains("'GP' is taken as staff group 'gp', whose id is 'gp'"))
        #expect(
            output.contains("'PCN pharmacist' is taken as staff group 'pcn-pharmacist', whose id is 'pcn-pharmacist'"))
        // The lane that names no group is still an error.
        #expect(output.contains("practice-receptionist"))
        #expect(output.split(separator: "\n").filter { $0.contains("[unknown-staff-group]") }.count == 2)
    }

    @Test("matched steps carry the group's id")
    func stepsCarryIDs() throws {
        let loader = ProjectLoader(pathwayReaders: .standard)
        let (project, _) = try loader.loadProject(
            manifest: ProjectManifest(
                id: "t", pathways: ["lanes.bpmn", "steps.csv"], staffGroups: ["../staff-groups.yaml"]),
            directory: Self.project, location: SourceLocation(file: Self.project))
        let groups = project.pathways.flatMap(\.steps).flatMap(\.staffGroups).map(\.rawValue)
        #expect(groups == ["gp", "gp", "pcn-pharmacist", "practice-receptionist", "practice-receptionist", "gp"])
    }

    @Test("an exact id is never rematched, and a name matches whatever its case and punctuation")
    func matcher() {
        let matcher = StaffGroupMatcher([
            StaffGroup(id: "gp", name: "General practitioner", aliases: ["GP"]),
            StaffGroup(id: "general-practitioner", name: "Another group"),
        ])
        #expect(matcher.match("gp") == nil)
        #expect(matcher.match("general-practitioner") == nil)
        #expect(matcher.match("GENERAL_PRACTITIONER")?.group == "general-practitioner")
        #expect(matcher.match("Gp")?.group == "gp")
        #expect(matcher.match("general  practitioner")?.group == "general-practitioner")
        #expect(matcher.match("nurse") == nil)
    }

    @Test("a DOT attribute pathgap does not read is reported once, with how many nodes carry it")
    func unreadDOTAttribute() {
        let (_, output) = Self.validate([Fixtures.path("aliases/pathway.dot")])
        let unread = output.split(separator: "\n").filter { $0.contains("[dot-unread-attribute]") }
        #expect(unread.count == 1)
        #expect(
            unread.first?.contains("node attribute 'responsible' is not read (on 2 nodes, first 'explain')") == true)
        #expect(!output.contains("attribute 'staff'"))
        #expect(!output.contains("attribute 'role'"))
    }
}
