import Foundation
import PathgapCLI
import TestSupport
import Testing

@Suite struct GenerateOutputTests {
    static func scratch() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pathgap-generate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.path
    }

    @Test("--annotate writes the node table beside the edge list, and says what it wrote")
    func nodeTableBeside() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let console = Console.capturing()
        #expect(
            Pathgap.run(["generate", "--steps", "40", "--annotate", "--out", folder + "/net.csv"], console: console)
                == 0)
        let nodes = try String(contentsOfFile: folder + "/net.nodes.csv", encoding: .utf8)
        #expect(nodes.hasPrefix("id,kind,label,stage,staffGroups,competencies\ns0,start,Step 0,"))
        #expect(
            console.errors.hasPrefix(
                "wrote \(folder)/net.csv (edge list), \(folder)/net.nodes.csv (node table): 40 steps, "))
        // Read back, the steps carry the annotations from the node table.
        let validated = Console.capturing()
        #expect(Pathgap.run(["decompose", folder + "/net.csv"], console: validated) == 0)
        #expect(validated.output.contains("staff: "))
    }

    @Test(".tsv writes tabs, and the tab-separated files read back to the same network")
    func tabs() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(
            Pathgap.run(
                ["generate", "--steps", "30", "--annotate", "--out", folder + "/net.tsv"], console: .capturing()) == 0)
        #expect(
            Pathgap.run(
                ["generate", "--steps", "30", "--annotate", "--out", folder + "/net.csv"], console: .capturing()) == 0)
        let tsv = try String(contentsOfFile: folder + "/net.tsv", encoding: .utf8)
        #expect(tsv.hasPrefix("from\tto\tcondition\tshare\ns0\ts1"))
        #expect(!tsv.contains(","))
        #expect(FileManager.default.fileExists(atPath: folder + "/net.nodes.tsv"))
        let fromTabs = Console.capturing()
        let fromCommas = Console.capturing()
        #expect(Pathgap.run(["convert", folder + "/net.tsv", "--to", "yaml"], console: fromTabs) == 0)
        #expect(Pathgap.run(["convert", folder + "/net.csv", "--to", "yaml"], console: fromCommas) == 0)
        #expect(
            fromTabs.output.replacingOccurrences(of: "net.tsv", with: "")
                == fromCommas.output.replacingOccurrences(of: "net.csv", with: ""))
    }

    @Test(
        "--out's extension gives the format unless --format does; every form reads back to the same network",
        arguments: ["net.yaml", "net.yml", "net.json", "net.csv", "net.edges"])
    func formatFromExtension(name: String) throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + name
        #expect(Pathgap.run(["generate", "--steps", "60", "--seed", "4", "--out", path], console: .capturing()) == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        switch (name as NSString).pathExtension {
        case "yaml", "yml": #expect(text.hasPrefix("id: net\n"))
        case "json": #expect(text.hasPrefix("{\n  \"id\": \"net\""))
        default: #expect(text.hasPrefix("from,to,condition,share\ns0,s1"))
        }
        // The same network as the edge list of the same seed, whatever the form.
        let reference = folder + "/reference.csv"
        #expect(
            Pathgap.run(
                ["generate", "--steps", "60", "--seed", "4", "--out", reference, "--format", "edgelist"],
                console: .capturing()) == 0)
        let read = Console.capturing()
        let expected = Console.capturing()
        #expect(Pathgap.run(["decompose", path, "--strategy", "chains", "--format", "json"], console: read) == 0)
        #expect(
            Pathgap.run(["decompose", reference, "--strategy", "chains", "--format", "json"], console: expected) == 0)
        let steps = { (text: String) in text.split(separator: "\n").filter { $0.contains("\"steps\"") }.count }
        #expect(steps(read.output) == steps(expected.output))
        #expect(steps(read.output) > 0)
        // --format wins over the extension.
        let forced = folder + "/forced.yaml"
        #expect(
            Pathgap.run(
                ["generate", "--steps", "60", "--out", forced, "--format", "edgelist"], console: .capturing()) == 0)
        #expect(try String(contentsOfFile: forced, encoding: .utf8).hasPrefix("from,to"))
    }

    @Test("--project writes a ready project that validates and reports")
    func project() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let project = folder + "/big"
        let console = Console.capturing()
        #expect(Pathgap.run(["generate", "--steps", "200", "--project", project], console: console) == 0)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: project).sorted() == [
                "framework.yaml", "pathway.csv", "pathway.nodes.csv", "project.yaml", "resources.yaml",
                "staff-groups.yaml",
            ])
        #expect(console.errors.contains("\(project)/project.yaml (manifest)"))
        let validated = Console.capturing()
        #expect(Pathgap.run(["validate", project], console: validated) == 0)
        #expect(!validated.output.contains("unknown-staff-group"))
        #expect(!validated.output.contains("unknown-competency"))
        let reported = Console.capturing()
        #expect(
            Pathgap.run(["report", project, "--out", folder + "/report", "--as-of", "2026-11-25"], console: reported)
                == 0)
        #expect(reported.output.contains("project 'big': 1 pathway, 200 steps"))
        #expect(reported.output.contains("no-resource: "))
    }

    @Test("--project with --ids-from names that project's catalogue files")
    func projectFromIDs() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(
            Pathgap.run(
                [
                    "generate", "--steps", "50", "--project", folder + "/p", "--ids-from",
                    Fixtures.path("projects/dpyd"),
                ],
                console: .capturing()) == 0)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder + "/p").sorted() == [
                "pathway.csv", "pathway.nodes.csv", "project.yaml",
            ])
        let validated = Console.capturing()
        #expect(Pathgap.run(["validate", folder + "/p"], console: validated) == 0)
    }

    @Test("--out and --project: exactly one")
    func outOrProject() {
        let console = Console.capturing()
        #expect(Pathgap.run(["generate", "--steps", "5"], console: console) == 64)
        #expect(console.errors.contains("error: give --out FILE (a network) or --project FOLDER (a project)"))
    }
}
