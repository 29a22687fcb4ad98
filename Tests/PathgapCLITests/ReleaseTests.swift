import Foundation
import PathgapCLI
import PathwayKit
import TestSupport
import Testing

@Suite struct ReleaseTests {
    @Test("CHANGELOG's top entry is the version --version prints")
    func changelogMatchesVersion() throws {
        let changelog = try String(
            contentsOf: Fixtures.root.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        let top = try #require(changelog.split(separator: "\n").first { $0.hasPrefix("## [") })
        let version = top.dropFirst("## [".count).prefix { $0 != "]" }
        #expect(version == PathgapRelease.version)
        let console = Console.capturing()
        #expect(Pathgap.run(["--version"], console: console) == 0)
        #expect(console.output == "\(version)\n")
    }

    @Test("the committed man page documents every command")
    func manPage() throws {
        let page = try String(
            contentsOf: Fixtures.root.appendingPathComponent("Documentation/pathgap.1"), encoding: .utf8)
        for command in ["validate", "decompose", "convert", "render", "projects", "generate", "report"] {
            #expect(page.contains(command))
        }
    }
}
