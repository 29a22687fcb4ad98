import Foundation
import PathgapCLI
import TestSupport
import Testing

@testable import PathwayKit

@Suite struct ProjectsCommandTests {
    @Test("the README's table of bundled projects is what `pathgap projects` prints")
    func readmeTableIsCurrent() throws {
        let console = Console.capturing()
        #expect(Pathgap.run(["projects", Fixtures.path("projects")], console: console) == 0)
        let readme = try String(contentsOf: Fixtures.root.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- projects table: begin -->\n"))
        let end = try #require(readme.range(of: "<!-- projects table: end -->"))
        #expect(String(readme[begin.upperBound..<end.lowerBound]) == console.output)
    }

    @Test("every bundled project has a row with its status and region")
    func rows() {
        let console = Console.capturing()
        #expect(Pathgap.run(["projects", Fixtures.path("projects"), "--format", "json"], console: console) == 0)
        for project in ProjectFolders.bundled { #expect(console.output.contains("\"id\": \"\(project)\"")) }
        #expect(console.output.contains("\"region\": \"national\""))
    }

    @Test("the table is read from the pathways' indexes: no pathway or step value is made")
    func noValues() {
        let probe = ValueProbe()
        var statuses: [Int32] = []
        PathwayIndex.$valueProbe.withValue(probe) {
            for folder in ["projects", "regional", "development"] {
                for format in ["md", "json", "csv", "html"] {
                    let console = Console.capturing()
                    statuses.append(
                        Pathgap.run(["projects", Fixtures.path(folder), "--format", format], console: console))
                }
            }
        }
        #expect(statuses.allSatisfy { $0 == 0 })
        #expect(probe.made.load(ordering: .relaxed) == 0)
        #expect(probe.steps.load(ordering: .relaxed) == 0)
    }

    @Test("a step id defined twice counts once, by its first definition, as the report counts it, with a note")
    func repeatedStepID() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("projects-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = folder.appendingPathComponent("twice")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try "id: twice\ntitle: Twice\npathways: [pathway.yaml]\n".write(
            to: project.appendingPathComponent("project.yaml"), atomically: true, encoding: .utf8)
        // The second `b` differs in every counted way: kind, reading, stage and staff group.
        try """
        id: twice
        steps:
          - {id: a, kind: start, stage: one, staffGroups: [gp]}
          - {id: b, stage: one, staffGroups: [gp], reading: published}
          - {id: b, kind: decision, stage: two, staffGroups: [nurse], reading: project}
          - {id: c, kind: end}
        transitions:
          - {from: a, to: b}
          - {from: b, to: c}
        """.write(to: project.appendingPathComponent("pathway.yaml"), atomically: true, encoding: .utf8)
        let console = Console.capturing()
        #expect(Pathgap.run(["projects", folder.path, "--format", "csv"], console: console) == 0)
        let row = try #require(console.output.split(separator: "\r\n").last)
        // Steps, published, project's reading, decisions, stages, staff groups, sources.
        #expect(row.hasSuffix(",3,1,0,0,1,1,0,"))
        #expect(console.errors.contains("note: project 'twice' defines 1 step id more than once"))
        let report = Console.capturing()
        let out = folder.appendingPathComponent("report").path
        #expect(Pathgap.run(["report", project.path, "--format", "md", "--out", out], console: report) == 0)
        #expect(report.output.contains("1 pathway, 3 steps"))
    }

    @Test("a folder with no projects is bad input")
    func emptyFolder() {
        let console = Console.capturing()
        #expect(Pathgap.run(["projects", Fixtures.path("pathways")], console: console) == 64)
        #expect(console.errors.contains("no project folders"))
    }
}
