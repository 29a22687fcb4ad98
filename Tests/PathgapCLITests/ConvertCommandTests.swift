import Foundation
import PathgapCLI
import PathwayKit
import TestSupport
import Testing

@Suite struct ConvertCommandTests {
    /// A fresh empty folder for one test.
    static func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pathgap-convert-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test(
        "every import format converts to the native format, which reads back",
        arguments: [
            "import/bpmn/plain-doctype.bpmn", "import/graphml/pathway.graphml", "import/csv/pathway.csv",
            "import/dot/pathway.dot",
        ])
    func toNative(fixture: String) throws {
        let console = Console.capturing()
        #expect(Pathgap.run(["convert", Fixtures.path(fixture), "--to", "yaml"], console: console) == 0)
        let pathway = try NativeFormat.pathway(from: console.output, file: "converted.yaml")
        #expect(!pathway.steps.isEmpty)
    }

    @Test("--out writes the file; findings go to standard error")
    func outFile() throws {
        let folder = try Self.scratch()
        let out = folder + "/clinic.yaml"
        let console = Console.capturing()
        let status = Pathgap.run(
            ["convert", Fixtures.path("import/bpmn/clinic.bpmn"), "--to", "yaml", "--pathway", "Clinic", "--out", out],
            console: console)
        #expect(status == 0)
        #expect(console.output.isEmpty)
        #expect(console.errors.contains("message flow 'Sample'"))
        let pathway = try NativeFormat.pathway(from: SourceFile.text(at: out), file: out)
        #expect(pathway.id == "Clinic")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["clinic.yaml"])
    }

    @Test("several pathways: --out writes one file each; standard output needs --pathway")
    func severalPathways() throws {
        let folder = try Self.scratch()
        let path = Fixtures.path("import/bpmn/clinic.bpmn")
        let refused = Console.capturing()
        #expect(Pathgap.run(["convert", path, "--to", "json"], console: refused) == 64)
        #expect(refused.errors.contains("holds 2 pathways (Clinic, Folded); choose one with --pathway"))
        let written = Console.capturing()
        #expect(Pathgap.run(["convert", path, "--to", "json", "--out", folder + "/c.json"], console: written) == 0)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["c-clinic.json", "c-folded.json"])
        #expect(written.errors.contains("holds 2 pathways; wrote one file each"))
        #expect(written.errors.contains("wrote \(folder)/c-folded.json (pathway 'Folded')"))
        // A pathway whose id is the stem takes the --out name; a folder gets the ids.
        #expect(
            Pathgap.run(["convert", path, "--to", "yaml", "--out", folder + "/clinic.yaml"], console: .capturing())
                == 0)
        #expect(FileManager.default.fileExists(atPath: folder + "/clinic.yaml"))
        #expect(FileManager.default.fileExists(atPath: folder + "/clinic-folded.yaml"))
        #expect(
            Pathgap.run(["convert", path, "--to", "yaml", "--out", folder + "/each/"], console: .capturing()) == 0)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder + "/each").sorted() == [
                "clinic.yaml", "folded.yaml",
            ])
    }

    @Test("dot and csv exports read back to the same pathway through the CLI")
    func exportsRoundTrip() throws {
        let folder = try Self.scratch()
        let source = Fixtures.path("import/native/roundtrip.yaml")
        let original = try NativeFormat.pathway(from: SourceFile.text(at: source), file: source)
        for format in ["dot", "csv"] {
            let out = folder + "/roundtrip.\(format)"
            #expect(Pathgap.run(["convert", source, "--to", format, "--out", out], console: .capturing()) == 0)
            let console = Console.capturing()
            #expect(Pathgap.run(["convert", out, "--to", "yaml"], console: console) == 0)
            let back = try NativeFormat.pathway(from: console.output, file: "back.yaml")
            #expect(back.withoutLocations == original.withoutLocations)
        }
    }

    @Test("mermaid export prints a flowchart")
    func mermaid() {
        let console = Console.capturing()
        #expect(
            Pathgap.run(["convert", Fixtures.path("import/graphml/yed.graphml"), "--to", "mermaid"], console: console)
                == 0)
        #expect(console.output.contains("flowchart TD"))
        #expect(console.output.contains("n2{\"Eligible?\"}"))
    }

    @Test("unreadable input exits 64 and writes nothing")
    func unreadable() throws {
        let folder = try Self.scratch()
        let console = Console.capturing()
        let status = Pathgap.run(
            ["convert", Fixtures.path("import/bpmn/billion-laughs.bpmn"), "--to", "yaml", "--out", folder + "/x.yaml"],
            console: console)
        #expect(status == 64)
        #expect(console.errors.contains("refusing a document type declaration"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test("--from names the format when the extension does not")
    func fromOption() throws {
        let folder = try Self.scratch()
        let copy = folder + "/pathway.txt"
        try FileManager.default.copyItem(atPath: Fixtures.path("import/dot/pathway.dot"), toPath: copy)
        let console = Console.capturing()
        #expect(Pathgap.run(["convert", copy, "--from", "dot", "--to", "yaml"], console: console) == 0)
        #expect(console.output.hasPrefix("id: dpyd\n"))
    }

    @Test("validate reads DOT clusters as lanes on request")
    func validateClusters() {
        let console = Console.capturing()
        let status = Pathgap.run(
            ["validate", Fixtures.path("import/dot/pathway.dot"), "--clusters", "lanes"], console: console)
        #expect(status == 0)
        #expect(console.output.hasSuffix("1 pathway, 5 steps, 5 transitions: 0 errors, 0 warnings\n"))
    }

    @Test(
        "validate accepts every importer's files directly",
        arguments: [
            ("import/bpmn/clinic.bpmn", "2 pathways, 17 steps, 18 transitions: 0 errors"),
            ("import/graphml/yed.graphml", "1 pathway, 4 steps, 4 transitions"),
            ("import/csv/dpyd-steps.csv", "1 pathway, 3 steps, 2 transitions"),
        ])
    func validateImports(fixture: String, summary: String) {
        let console = Console.capturing()
        _ = Pathgap.run(["validate", Fixtures.path(fixture)], console: console)
        #expect(console.output.contains(summary))
    }

    @Test("a project manifest can list imported pathways and CASE frameworks")
    func projectWithImports() throws {
        let folder = try Self.scratch()
        let manifest = """
            id: import-demo
            pathways:
              - \(Fixtures.path("import/bpmn/clinic.bpmn"))
              - \(Fixtures.path("import/dot/pathway.dot"))
              - \(Fixtures.path("import/graphml/pathway.graphml"))
              - \(Fixtures.path("import/csv/pathway.csv"))
            frameworks:
              - \(Fixtures.path("import/case/framework.json"))
            """
        try AtomicFile.write(manifest, to: folder + "/project.yaml")
        let console = Console.capturing()
        #expect(Pathgap.run(["validate", folder], console: console) == 0)
        #expect(console.output.contains("project 'import-demo': 5 pathways, 31 steps, 33 transitions: 0 errors"))
    }
}

@Suite struct ConvertInterchangeCommandTests {
    @Test("convert --to bpmn and --to graphml write files that read back to the project's pathway")
    func bpmnAndGraphML() throws {
        let folder = try ConvertCommandTests.scratch()
        let project = try ProjectLoader().loadProject(at: Fixtures.path("projects/dpyd")).project
        for format in ["bpmn", "graphml"] {
            let out = "\(folder)/dpyd.\(format)"
            let console = Console.capturing()
            #expect(
                Pathgap.run(
                    ["convert", Fixtures.path("projects/dpyd"), "--to", format, "--out", out], console: console)
                    == 0)
            let back = try PathwayReaders.standard.read(out).pathways
            #expect(back.map { $0.steps.map(\.id) } == project.pathways.map { $0.steps.map(\.id) })
            #expect(back.map { $0.steps.map(\.staffGroups) } == project.pathways.map { $0.steps.map(\.staffGroups) })
        }
        // Lanes are titled with the staff groups' names from the project.
        #expect(try SourceFile.text(at: "\(folder)/dpyd.bpmn").contains("<bpmn:lane id=\"Lane_1\" name=\""))
    }

    @Test("a transition to a missing step cannot be exported to BPMN: exit 64 naming the transition's line")
    func danglingTransition() throws {
        let folder = try ConvertCommandTests.scratch()
        let path = folder + "/broken.yaml"
        try Data(
            """
            id: broken
            steps:
              - {id: a, kind: start}
              - {id: b, kind: end}
            transitions:
              - {from: a, to: b}
              - {from: a, to: nowhere}

            """.utf8
        ).write(to: URL(fileURLWithPath: path))
        let console = Console.capturing()
        #expect(Pathgap.run(["convert", path, "--to", "bpmn"], console: console) == 64)
        #expect(console.errors.contains("broken.yaml:7"))
        #expect(console.errors.contains("'nowhere'"))
        #expect(console.output.isEmpty)
    }
}
