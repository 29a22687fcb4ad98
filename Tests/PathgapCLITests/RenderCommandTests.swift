import ArgumentParser
import Foundation
import PathgapCLI
import TestSupport
import Testing

/// A fresh empty folder under the temporary directory.
func temporaryFolder() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("pathgap-render-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

/// Runs `pathgap render` in process; returns the exit status.
func runRender(_ arguments: [String]) -> Int32 {
    Pathgap.run(["render"] + arguments, console: .capturing())
}

@Suite struct RenderCommandTests {
    let example = Fixtures.path("pathways/flowchart-example.yaml")

    func files(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test("renders the network as <pathway-id>.svg")
    func network() throws {
        let out = try temporaryFolder()
        #expect(runRender([example, "--out", out]) == 0)
        #expect(try files(in: out) == ["flowchart-example.svg", "flowchart-example.txt"])
        let svg = try String(contentsOfFile: out + "/flowchart-example.svg", encoding: .utf8)
        #expect(svg.contains("<title>request&#45;test</title>"))
    }

    @Test("renders one numbered file per sub-pathway, and an overview")
    func subpathwaysAndOverview() throws {
        let out = try temporaryFolder()
        #expect(runRender([example, "--view", "subpathways", "--out", out, "--lanes", "--rankdir", "LR"]) == 0)
        #expect(runRender([example, "--view", "overview", "--out", out]) == 0)
        #expect(
            try files(in: out).filter { $0.hasSuffix(".svg") }
                == (1...2).map { "flowchart-example.\($0).svg" } + ["flowchart-example.overview.svg"])
    }

    @Test("writes PNG, PDF and the DOT text itself")
    func formats() throws {
        let out = try temporaryFolder()
        for format in ["png", "pdf", "dot"] { #expect(runRender([example, "--format", format, "--out", out]) == 0) }
        let png = try Data(contentsOf: URL(fileURLWithPath: out + "/flowchart-example.png"))
        #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        let pdf = try Data(contentsOf: URL(fileURLWithPath: out + "/flowchart-example.pdf"))
        #expect(Array(pdf.prefix(5)) == Array("%PDF-".utf8))
        let dot = try String(contentsOfFile: out + "/flowchart-example.dot", encoding: .utf8)
        #expect(dot.hasPrefix("digraph \"Flowchart example (DPYD testing before fluoropyrimidines)\" {"))
        #expect(!dot.contains("pos="))
    }

    @Test("the same input writes byte-identical files")
    func deterministic() throws {
        let first = try temporaryFolder()
        let second = try temporaryFolder()
        #expect(runRender([example, "--lanes", "--out", first]) == 0)
        #expect(runRender([example, "--lanes", "--out", second]) == 0)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: first + "/flowchart-example.svg"))
                == Data(contentsOf: URL(fileURLWithPath: second + "/flowchart-example.svg")))
    }

    @Test("a network above --max-steps is refused with exit 64 and nothing written")
    func tooLarge() throws {
        let out = try temporaryFolder()
        #expect(runRender([example, "--max-steps", "5", "--out", out]) == 64)
        #expect(try files(in: out).isEmpty)
    }

    @Test(
        "bad input exits 64 and writes nothing",
        arguments: [
            ["--format", "no-such-format"], ["--rankdir", "XY"], ["--max-steps", "0"],
        ])
    func badInput(arguments: [String]) throws {
        let out = try temporaryFolder()
        #expect(runRender([example, "--out", out] + arguments) == 64)
        #expect(try files(in: out).isEmpty)
    }

    @Test("a missing or malformed pathway file exits 64")
    func badFile() throws {
        let out = try temporaryFolder()
        #expect(runRender([out + "/missing.yaml", "--out", out]) == 64)
        let broken = out + "/broken.yaml"
        try "id: x\nsteps: [ { id: a, kind: wobble } ]\n".write(toFile: broken, atomically: true, encoding: .utf8)
        #expect(runRender([broken, "--out", out]) == 64)
        #expect(try files(in: out) == ["broken.yaml"])
        #expect(runRender([]) == 64)
    }

    @Test("an output folder that cannot be created is a runtime failure (exit 1)")
    func unwritable() throws {
        let out = try temporaryFolder()
        let file = out + "/plain-file"
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(runRender([example, "--out", file + "/charts"]) == 1)
    }

    @Test("--list-formats succeeds without a path")
    func listFormats() {
        #expect(runRender(["--list-formats"]) == 0)
    }
}

@Suite struct RenderInputTests {
    @Test("a project folder draws every pathway it names, cut by the chosen strategy")
    func projectByStages() throws {
        let out = try temporaryFolder()
        let status = runRender([
            Fixtures.path("projects/dpyd"), "--view", "subpathways", "--strategy", "stages", "--out", out,
        ])
        #expect(status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files.first == "dpyd-testing.1.svg")
        #expect(files.allSatisfy { $0.hasPrefix("dpyd-testing.") && ($0.hasSuffix(".svg") || $0.hasSuffix(".txt")) })
        #expect(files.count > 1)
    }

    @Test("a BPMN file from another tool is drawn directly", .needsCorpus)
    func bpmnFile() throws {
        let out = try temporaryFolder()
        #expect(runRender([Fixtures.corpusPath("bpmn/bpmn-miwg/A.2.0.bpmn"), "--out", out, "--format", "dot"]) == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(files.count == 1)
        let dot = try String(contentsOfFile: out + "/" + files[0], encoding: .utf8)
        #expect(dot.contains("shape=\"diamond\""), "the exclusive gateways are drawn as decisions")
    }

    @Test("routes are refused for charts: they overlap")
    func routesRefused() {
        #expect(runRender([Fixtures.path("projects/dpyd"), "--view", "overview", "--strategy", "routes"]) == 64)
    }
}

@Suite struct ReadmeFlowchartTests {
    @Test(
        "the charts the README shows are what its documented commands write",
        arguments: [
            (["--lanes"], "dpyd-testing.svg"), (["--view", "overview"], "dpyd-testing.overview.svg"),
        ])
    func readmeChartIsCurrent(arguments: [String], file: String) throws {
        let out = try temporaryFolder()
        #expect(runRender([Fixtures.path("projects/dpyd"), "--out", out] + arguments) == 0)
        let written = try Data(contentsOf: URL(fileURLWithPath: out + "/" + file))
        let committed = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("expected/flowcharts/" + file)))
        #expect(
            written == committed,
            """
            regenerate with: swift run pathgap render Fixtures/projects/dpyd \(arguments.joined(separator: " ")) \
            --out Fixtures/expected/flowcharts
            """)
    }

    @Test("the README names both commands")
    func readmeNamesCommands() throws {
        let readme = try String(contentsOf: Fixtures.root.appendingPathComponent("README.md"), encoding: .utf8)
            .replacingOccurrences(of: "\n", with: " ")
        #expect(readme.contains("render Fixtures/projects/dpyd --lanes --out Fixtures/expected/flowcharts"))
        #expect(readme.contains("render Fixtures/projects/dpyd --view overview --out Fixtures/expected/flowcharts"))
    }
}
