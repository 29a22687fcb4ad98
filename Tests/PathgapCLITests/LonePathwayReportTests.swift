import Foundation
import PathgapCLI
import TestSupport
import Testing

/// `pathgap report` on a pathway file without a project.
@Suite struct LonePathwayReportTests {
    static func scratch() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pathgap-lone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.path
    }

    @Test("a lone pathway file is judged against the bundled catalogue, which the report header names")
    func bundledCatalogue() throws {
        let out = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let console = Console.capturing()
        let pathway = Fixtures.path("aliases/lanes.bpmn")
        #expect(
            Pathgap.run(
                ["report", pathway, "--out", out, "--format", "md,json", "--as-of", "2026-11-25"], console: console)
                == 0)
        #expect(console.output.hasPrefix("project 'lanes': 1 pathway, 5 steps"))
        let note =
            "A lone pathway file (\(pathway)), judged against the bundled catalogue's staff groups, frameworks and "
            + "resources ("
        #expect(console.output.contains("  note: \(note)"))
        let markdown = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(markdown.contains("Catalogue: \(note)"))
        // The lane named like the bundled gp group is that group, named as the catalogue names it.
        let json = try String(contentsOfFile: out + "/report.json", encoding: .utf8)
        #expect(json.contains("\"who\": [\n            \"General practitioner\"\n          ]"))
        #expect(!json.contains("general-practitioner"))
    }

    @Test("files given with --staff-groups, --frameworks and --resources replace the bundled ones")
    func givenCatalogue() throws {
        let out = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let console = Console.capturing()
        let gaps = Fixtures.path("gaps/none")
        #expect(
            Pathgap.run(
                [
                    "report", gaps + "/pathway.yaml", "--out", out, "--format", "md", "--staff-groups",
                    gaps + "/staff-groups.yaml", "--frameworks", gaps + "/framework.yaml", "--resources",
                    gaps + "/resources.yaml", "--as-of", "2026-11-25",
                ], console: console) == 0)
        #expect(console.output.contains(": 0 gaps"))
        #expect(console.output.contains("judged against the staff groups, frameworks and resources given."))
    }

    @Test("standard input works too, and a missing catalogue file is named")
    func standardInputAndMissingFile() throws {
        let out = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let text = try String(contentsOfFile: Fixtures.path("gaps/none/pathway.yaml"), encoding: .utf8)
        let console = Console.capturing(input: text)
        #expect(Pathgap.run(["report", "-", "--from", "yaml", "--out", out, "--format", "md"], console: console) == 0)
        #expect(console.output.hasPrefix("project 'small': 1 pathway, 3 steps"))
        let missing = Console.capturing()
        #expect(
            Pathgap.run(
                ["report", Fixtures.path("gaps/none/pathway.yaml"), "--out", out, "--frameworks", "nope.yaml"],
                console: missing)
                == 64)
        #expect(missing.errors == "nope.yaml: error: --frameworks names a file that does not exist\n")
    }
}
