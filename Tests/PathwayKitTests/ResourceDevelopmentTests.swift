import Foundation
import PathwayKit
import TestSupport
import Testing

@Suite struct ResourceDevelopmentTests {
    static func project(_ name: String) throws -> Project {
        try ProjectLoader().loadProject(at: Fixtures.path(name)).project
    }

    @Test("a project developing a resource for a need sees it in hand, naming the owner and the expected date")
    func inHandAlone() throws {
        let north = try Self.project("development/north")
        let gaps = GapAnalyzer().gaps(in: north)
        #expect(gaps.map(\.gapClass) == [.inHand])
        let gap = try #require(gaps.first)
        #expect(gap.resource == "north-explaining-tests")
        #expect(gap.staffGroup == "counsellor")
        #expect(gap.message.contains("North region education team"))
        #expect(gap.message.contains("expected 2027-03"))
        #expect(gap.gapClass.isEducationNeed && gap.severity == .note)
    }

    @Test("two projects with catalogues of their own developing for one need: a warning naming both owners")
    func duplicateAcrossProjects() throws {
        let report = GapReport(
            analysing: [try Self.project("development/north"), try Self.project("development/south")])
        let duplicates = report.gaps.filter { $0.gapClass == .duplicateDevelopment }
        #expect(duplicates.map(\.project).sorted() == ["north-region", "south-region"])
        for gap in duplicates {
            #expect(gap.severity == .warning)
            #expect(gap.message.contains("North region education team"))
            #expect(gap.message.contains("South region project"))
            #expect(gap.competency == "C1")
        }
        // Each project's need is in hand with its own resource first, and the in-hand need is one the two share.
        let inHand = report.gaps.filter { $0.gapClass == .inHand }
        #expect(
            inHand.compactMap(\.resource).map(\.rawValue).sorted() == [
                "north-explaining-tests", "south-explaining-tests",
            ])
        #expect(
            report.sharedNeeds().contains { $0.competency == "C1" && $0.classes == [.inHand] && $0.projects.count == 2 }
        )
    }

    @Test("only projects developing for the same competencies see each other's; theirs come after their own")
    func sharing() throws {
        let north = try Self.project("development/north")
        let south = try Self.project("development/south")
        #expect(Project.sharingDevelopment([north]) == [north])
        let shared = Project.sharingDevelopment([north, south])
        #expect(shared[0].resources.map(\.id) == ["north-explaining-tests", "south-explaining-tests"])
        #expect(shared[1].resources.map(\.id) == ["south-explaining-tests", "north-explaining-tests"])
        // A project developing nothing keeps its catalogue (its need for C1 stays no-resource, not in hand).
        let unmet = try Self.project("gaps/no-resource")
        #expect(Project.sharingDevelopment([north, unmet])[1] == unmet)
        let pilots = try ["dpyd", "lynch-syndrome"].map { try Self.project("projects/\($0)") }
        #expect(Project.sharingDevelopment(pilots) == pilots)
    }

    @Test(
        "a resource in development must name its owner, and its expected date must be a date",
        arguments: [
            ("status: in-development\n    expected: 2027", "names no 'owner'", 7),
            ("status: in-development\n    owner: North\n    expected: soon", "YYYY, YYYY-MM or YYYY-MM-DD", 9),
            ("status: drafted", "status", 7),
        ])
    func developmentFields(fields: String, message: String, line: Int) {
        let text = """
            resources:
              - id: r
                title: R
                kind: workshop
                develops: [{competency: C1}]
                audience: [counsellor]
                \(fields)

            """
        let error = #expect(throws: InputError.self) { try NativeFormat.resources(from: text, file: "resources.yaml") }
        #expect(error?.location.line == line)
        #expect(error?.description.contains(message) == true, "\(String(describing: error))")
    }
}
