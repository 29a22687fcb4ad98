import Foundation
import PathgapCLI
import TestSupport
import Testing

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

    @Test("a folder with no projects is bad input")
    func emptyFolder() {
        let console = Console.capturing()
        #expect(Pathgap.run(["projects", Fixtures.path("pathways")], console: console) == 64)
        #expect(console.errors.contains("no project folders"))
    }
}
