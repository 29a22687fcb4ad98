import Foundation
import PathgapCLI
import PathwayKit
import TestSupport
import Testing

/// `render`, `convert` and `validate` report Graphviz's warnings about a DOT file on the console, one line each.
@Suite struct GraphvizWarningCommandTests {
    static let ambiguous = Fixtures.path("import/dot/ambiguous-id.dot")
    static let warning =
        "\(ambiguous):8: warning: syntax ambiguity - badly delimited number '2n' in line 8 of input splits into two "
        + "tokens [graphviz]\n"

    @Test("render prints the warning on standard error, writes the chart and exits 0")
    func render() throws {
        let out = try temporaryFolder()
        let console = Console.capturing()
        let (status, written) = try StandardError.capturing {
            Pathgap.run(["render", Self.ambiguous, "--out", out], console: console)
        }
        #expect(status == 0)
        #expect(console.errors == Self.warning)
        #expect(console.output == out + "/follow_up.svg\n" + out + "/follow_up.txt\n")
        let svg = try String(contentsOfFile: out + "/follow_up.svg", encoding: .utf8)
        #expect(svg.contains("<title>review&#45;&gt;2</title>"))
        #expect(svg.contains("<title>nd_review&#45;&gt;done</title>"))
        #expect(!written.contains("badly delimited"))
    }

    @Test("convert prints the warning on standard error and the pathway on standard output")
    func convert() throws {
        let console = Console.capturing()
        #expect(Pathgap.run(["convert", Self.ambiguous, "--to", "yaml"], console: console) == 0)
        #expect(console.errors == Self.warning)
        let pathway = try NativeFormat.pathway(from: console.output, file: "converted.yaml")
        #expect(pathway.steps.map(\.id.rawValue) == ["referred", "review", "done", "2", "nd_review"])
    }

    @Test("validate lists the warning with the other findings")
    func validate() {
        let console = Console.capturing()
        #expect(Pathgap.run(["validate", Self.ambiguous], console: console) == 0)
        #expect(console.output.contains(Self.warning))
        #expect(console.output.hasSuffix("0 errors, 2 warnings\n"))
        #expect(console.errors.isEmpty)
    }

    @Test("a clean DOT file renders and converts without warnings")
    func cleanFile() throws {
        let path = Fixtures.path("import/dot/pathway.dot")
        let render = Console.capturing()
        #expect(Pathgap.run(["render", path, "--out", try temporaryFolder()], console: render) == 0)
        #expect(render.errors.isEmpty)
        let convert = Console.capturing()
        #expect(Pathgap.run(["convert", path, "--to", "yaml"], console: convert) == 0)
        #expect(!convert.errors.contains("warning:"))
    }
}
