import Foundation
import PathgapCLI
import PathwayKit
import TestSupport
import Testing

@Suite struct DiffCommandTests {
    static let old = "versions/dpyd-v1"
    static let new = "versions/dpyd-v2"

    /// Runs `pathgap diff` on the two versions (no path appears in its output).
    static func diff(_ extra: [String]) -> (status: Int32, output: String, errors: String) {
        let console = Console.capturing()
        let status = Pathgap.run(["diff", Fixtures.path(old), Fixtures.path(new)] + extra, console: console)
        return (status, console.output, console.errors)
    }

    @Test(
        "diff of two versions of the DPYD pilot matches its golden file in every format",
        arguments: [("text", "dpyd.txt"), ("json", "dpyd.json"), ("svg", "dpyd.svg")])
    func golden(format: String, file: String) throws {
        let result = Self.diff(["--format", format])
        #expect(result.status == 0, "\(result.errors)")
        let path = Fixtures.path("expected/diff/\(file)")
        if ProcessInfo.processInfo.environment["PATHGAP_UPDATE_GOLDENS"] != nil {
            try Data(result.output.utf8).write(to: URL(fileURLWithPath: path))
        }
        #expect(result.output == (try String(contentsOfFile: path, encoding: .utf8)))
    }

    @Test("the JSON names the rename, the changed fields with old and new values, and the needs opened and closed")
    func jsonContents() throws {
        let result = Self.diff(["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        for key in [
            "addedSteps", "removedSteps", "changedSteps", "addedTransitions", "removedTransitions",
            "changedTransitions", "openedNeeds", "closedNeeds",
        ] {
            #expect(object[key] is [Any], "\(key)")
        }
        let changed = try #require(object["changedSteps"] as? [[String: Any]])
        let renamed = try #require(changed.first { $0["step"] as? String == "DPYD-SCREEN" })
        #expect(renamed["renamedFrom"] as? String == "DPYD-08")
        let label = try #require(changed.first { $0["step"] as? String == "DPYD-10" }?["fields"] as? [[String: Any]])
        #expect(label.first?["field"] as? String == "label")
        #expect(label.first?["old"] as? String == "Plan the standard starting dose")
        let removed = try #require(object["removedSteps"] as? [[String: Any]])
        #expect(removed.map { $0["step"] as? String } == ["DPYD-12"])
        let transitions = try #require(object["changedTransitions"] as? [[String: Any]])
        #expect(transitions.contains { $0["from"] as? String == "DPYD-06" && $0["to"] as? String == "DPYD-SCREEN" })
        let opened = try #require(object["openedNeeds"] as? [[String: Any]])
        #expect(
            opened.contains {
                $0["staffGroup"] as? String == "pharmacy-technician" && $0["competency"] as? String == "PGX-05"
            })
    }

    @Test("the same file twice has no differences; pathway files give no needs")
    func identical() {
        let console = Console.capturing()
        let path = Fixtures.path("versions/dpyd-v1/pathway.yaml")
        #expect(Pathgap.run(["diff", path, path], console: console) == 0)
        #expect(console.output.hasSuffix("No differences.\n"))
        #expect(!console.output.contains("Needs"))
    }

    @Test("a missing version is bad input")
    func missing() {
        let console = Console.capturing()
        #expect(
            Pathgap.run(
                ["diff", Fixtures.path("versions/nowhere.yaml"), Fixtures.path("versions/dpyd-v2")], console: console)
                == 64)
        #expect(console.errors.contains("nowhere.yaml"))
    }
}
