import PathgapCLI
import PathwayKit
import TestSupport
import Testing

@Suite struct ValidateCommandTests {
    @Test("a clean pathway prints only the summary and exits 0")
    func cleanPathway() {
        let console = Console.capturing()
        let status = Pathgap.run(["validate", Fixtures.path("pathways/branching.yaml")], console: console)
        #expect(status == 0)
        #expect(console.output.hasSuffix("1 pathway, 7 steps, 7 transitions: 0 errors, 0 warnings\n"))
        #expect(console.output.split(separator: "\n").count == 1)
        #expect(console.errors.isEmpty)
    }

    @Test(
        "findings print compiler-style with the exit status of their severity",
        arguments: [
            ("unknown-step", Int32(1), ":8:5: error: transition to 'ednn' refers to a step that does not exist"),
            ("implicit-branch", 0, ":4:5: warning: activity 'review' has 2 outgoing transitions"),
        ])
    func findingsPrinted(fixture: String, status: Int32, expected: String) {
        let path = Fixtures.path("invalid/pathways/\(fixture).yaml")
        let console = Console.capturing()
        #expect(Pathgap.run(["validate", path], console: console) == status)
        #expect(console.output.hasPrefix(path + expected))
    }

    @Test("--strict turns warnings into a failing status")
    func strict() {
        let path = Fixtures.path("invalid/pathways/implicit-branch.yaml")
        #expect(Pathgap.run(["validate", path, "--strict"], console: .capturing()) == 1)
    }

    @Test("unreadable input exits 64 with one message naming the place")
    func unreadable() {
        let path = Fixtures.path("invalid/malformed/unknown-kind.yaml")
        let console = Console.capturing()
        #expect(Pathgap.run(["validate", path], console: console) == 64)
        #expect(console.output.isEmpty)
        #expect(
            console.errors
                == "\(path):4:11: error: step 'a' has unknown kind 'beginning' (expected one of: start, activity, decision, merge, parallel, end, reference)\n"
        )
        let missing = Console.capturing()
        #expect(Pathgap.run(["validate", "/no/such/file.yaml"], console: missing) == 64)
        #expect(missing.errors == "/no/such/file.yaml: error: no such file\n")
    }

    @Test("--format json lists findings for machines")
    func json() {
        let console = Console.capturing()
        let path = Fixtures.path("invalid/projects/unknown-staff-group")
        #expect(Pathgap.run(["validate", path, "--format", "json"], console: console) == 1)
        #expect(console.output.contains("\"rule\": \"unknown-staff-group\""))
        #expect(console.output.contains("\"line\": 4"))
        #expect(console.output.hasPrefix("{\n  \"errors\": 1,\n  \"warnings\": 0,"))
    }

    @Test("unknown options exit 64; --version prints the version")
    func arguments() {
        let console = Console.capturing()
        #expect(Pathgap.run(["validate", "--colour"], console: console) == 64)
        #expect(!console.errors.isEmpty)
        let version = Console.capturing()
        #expect(Pathgap.run(["--version"], console: version) == 0)
        #expect(version.output == PathgapRelease.version + "\n")
    }
}

@Suite struct BundledProjectValidationTests {
    static let projects = ProjectFolders.bundled

    @Test("the DPYD example validates with no error, and its only warnings are decisions that give no shares")
    func dpydIsClean() {
        let console = Console.capturing()
        #expect(Pathgap.run(["validate", Fixtures.path("projects/dpyd")], console: console) == 0)
        let lines = console.output.split(separator: "\n")
        #expect(lines.last?.hasPrefix("project 'dpyd': 1 pathway, ") == true)
        #expect(lines.last?.contains(": 0 errors, ") == true)
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("[missing-share]") }, "\(console.output)")
        #expect(console.errors.isEmpty)
    }

    @Test("every bundled project validates with no errors", arguments: projects)
    func bundledProjectHasNoErrors(project: String) {
        let console = Console.capturing()
        #expect(Pathgap.run(["validate", Fixtures.path("projects/\(project)")], console: console) == 0)
        #expect(console.output.contains(": 0 errors, "), "\(console.output)")
    }
}
