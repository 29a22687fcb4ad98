import Foundation
import Graphviz
import PathwayKit
import TestSupport
import Testing

@testable import PathwayGraphviz

/// Graphviz's warnings reach the caller with the result, and never the process's stderr.
@Suite struct GraphvizWarningTests {
    /// An unknown shape and colour (warnings) and a malformed HTML-like label (an error Graphviz carries on from).
    /// Graphviz warns about an unknown shape or colour name once per process, so each test names its own.
    static func warningDOT(_ name: String) -> String {
        """
        digraph {
          a [shape=blob_\(name), color=nocolor_\(name)]
          c [label=<<b>x</i>>]
          a -> c
        }
        """
    }

    static let ambiguous = Fixtures.path("import/dot/ambiguous-id.dot")

    @Test("a render returns the chart and Graphviz's warnings, in order")
    func renderWarnings() throws {
        let rendering = try GraphvizLibrary.render(dot: Self.warningDOT("order"))
        #expect(String(decoding: rendering.bytes, as: UTF8.self).contains("<title>a&#45;&gt;c</title>"))
        let warnings = rendering.warnings
        try #require(warnings.count == 3, "\(warnings)")
        #expect(warnings[0].severity == .warning)
        #expect(warnings[0].text.contains("unknown shape blob_order"))
        #expect(warnings[1].severity == .error)
        #expect(warnings[1].text.contains("in label of node c"))
        #expect(!warnings[1].text.contains("\n"))
        #expect(warnings[1].line == nil)  // the line is the label's, not the text's
        #expect(warnings[2].text.contains("nocolor_order"))
        #expect(warnings[2].description.hasPrefix("Warning: "))
    }

    @Test("a clean graph renders and parses without warnings")
    func cleanGraph() throws {
        let dot = "digraph G { a -> b [label=\"yes\"]; b [shape=box, color=red] }"
        #expect(try GraphvizLibrary.render(dot: dot).warnings.isEmpty)
        #expect(try GraphvizLibrary.parse(dot).warnings.isEmpty)
    }

    @Test("a parse returns the reading warnings with the line they name")
    func parseWarnings() throws {
        let document = try GraphvizLibrary.parse(try Data(contentsOf: URL(fileURLWithPath: Self.ambiguous)))
        let warning = try #require(document.warnings.first)
        #expect(document.warnings.count == 1)
        #expect(warning.text.contains("badly delimited number '2n' in line 8"))
        #expect(warning.line == 8)
        #expect(document.nodes.map(\.name) == ["referred", "review", "done", "2", "nd_review"])
    }

    @Test("each operation reports only its own messages")
    func perOperation() throws {
        #expect(try GraphvizLibrary.render(dot: Self.warningDOT("own")).warnings.count == 3)
        #expect(try GraphvizLibrary.render(dot: "digraph { a -> b }").warnings.isEmpty)
        let error = try #require(throws: GraphvizError.self) { try GraphvizLibrary.parse("digraph { a -> }") }
        #expect(error.warnings.isEmpty)
    }

    @Test("an error keeps Graphviz's message and line, and the warnings before it")
    func errorWithWarnings() throws {
        let error = try #require(throws: GraphvizError.self) {
            try GraphvizLibrary.parse("digraph {\n  a [fontsize=12pt]\n}\n")
        }
        #expect(error.stage == .parse)
        #expect(error.message.contains("syntax error in line 2"))
        #expect(error.line == 2)
        #expect(error.warnings.map(\.text).first?.contains("badly delimited number '12p'") == true)
    }

    @Test("a message longer than Graphviz 2.x's 1,024-byte buffer arrives whole (it used to crash the process)")
    func longMessage() throws {
        let port = String(repeating: "p", count: 5000)
        let rendering = try GraphvizLibrary.render(dot: "digraph { a:\(port) -> b }")
        let warning = try #require(rendering.warnings.first)
        #expect(warning.text.contains(port))
        #expect(warning.text.contains("unrecognized"))
    }

    @Test("warnings past the limit are counted, not kept")
    func warningLimit() throws {
        let dot = "digraph { " + (0..<1010).map { "n\($0) [shape=limit_\($0)]" }.joined(separator: "; ") + " }"
        let warnings = try GraphvizLibrary.render(dot: dot).warnings
        #expect(warnings.count == 1001)
        #expect(warnings.last?.text == "10 more warnings not shown")
    }

    @Test("nothing is written on the process's stderr, whatever Graphviz reports")
    func nothingOnStandardError() throws {
        let (_, written) = try StandardError.capturing {
            _ = try GraphvizLibrary.render(dot: Self.warningDOT("stderr"))
            _ = try GraphvizLibrary.parse(try Data(contentsOf: URL(fileURLWithPath: Self.ambiguous)))
            _ = try? GraphvizLibrary.parse("digraph {\n  a [fontsize=12pt]\n}\n")
            _ = try? GraphvizLibrary.render(dot: "digraph { a }", format: "no-such-format")
            _ = try DOTImporter.pathways(
                from: try Data(contentsOf: URL(fileURLWithPath: Self.ambiguous)), file: Self.ambiguous)
        }
        // Swift Testing reports other tests on stderr meanwhile: look for Graphviz's own lines, not an empty file.
        let lines = written.split(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix("Warning: ") || $0.hasPrefix("Error: ") }, "\(written)")
        #expect(!written.contains("unknown shape blob_stderr"), "\(written)")
        #expect(!written.contains("badly delimited number"), "\(written)")
    }

    @Test("Graphviz warns about an unknown shape once per process: the first render that meets it reports it")
    func oncePerProcess() throws {
        let dot = "digraph { a [shape=blob_once] }"
        let first = try GraphvizLibrary.render(dot: dot).warnings
        #expect(first.count == 1 && first[0].text.contains("unknown shape blob_once"), "\(first)")
        #expect(try GraphvizLibrary.render(dot: dot).warnings.isEmpty)
    }
}

@Suite struct DOTImporterWarningTests {
    @Test("Graphviz's reading warnings become warning findings at the line they name")
    func findings() throws {
        let path = GraphvizWarningTests.ambiguous
        let imported = try DOTImporter.pathways(from: try Data(contentsOf: URL(fileURLWithPath: path)), file: path)
        let finding = try #require(imported.findings.first { $0.rule == "graphviz" })
        #expect(finding.severity == .warning)
        #expect(finding.location == SourceLocation(file: path, line: 8))
        #expect(finding.description.hasPrefix("\(path):8: warning: syntax ambiguity - badly delimited number '2n'"))
        #expect(imported.pathways.first?.steps.map(\.id.rawValue) == ["referred", "review", "done", "2", "nd_review"])
    }

    @Test("a clean file gives no Graphviz findings")
    func cleanFile() throws {
        let path = Fixtures.path("import/dot/pathway.dot")
        let imported = try DOTImporter.pathways(from: try Data(contentsOf: URL(fileURLWithPath: path)), file: path)
        #expect(!imported.findings.contains { $0.rule == "graphviz" })
    }

    @Test("a syntax error names the line and quotes the warning that explains it")
    func errorExplained() throws {
        let error = #expect(throws: InputError.self) {
            try DOTImporter.pathways(from: Data("digraph {\n  a [fontsize=12pt]\n}\n".utf8), file: "x.dot")
        }
        #expect(error?.location.line == 2)
        #expect(error?.message.contains("syntax error in line 2") == true)
        #expect(error?.message.contains("Graphviz warned first: syntax ambiguity") == true)
    }

    @Test(
        "the plain-DOT scanner leaves numerals cgraph splits (with a warning) to cgraph",
        arguments: ["a -> -1a", "a -> -1.2.3", "a -> -1_x", "a -> 2nd"])
    func scannerDeclinesAmbiguousNumerals(statement: String) throws {
        let data = Data("digraph {\n  \(statement)\n}\n".utf8)
        #expect(PlainDOTScanner.document(data) == nil)
        let imported = try DOTImporter.pathways(from: data, file: "x.dot")
        #expect(imported.findings.contains { $0.rule == "graphviz" && $0.location?.line == 2 })
    }

    @Test("the scanner still reads negative numerals", arguments: ["a -> -1", "a -> -1.5", "a -> -.5"])
    func scannerReadsNegativeNumerals(statement: String) throws {
        let data = Data("digraph {\n  \(statement)\n}\n".utf8)
        let document = try #require(PlainDOTScanner.document(data))
        let viaScanner = try DOTImporter.pathways(from: document, file: "x.dot")
        let viaCgraph = try DOTImporter.pathways(from: GraphvizLibrary.parse(data), file: "x.dot")
        #expect(viaScanner.pathways == viaCgraph.pathways)
        #expect(viaScanner.findings.isEmpty && viaCgraph.findings.isEmpty)
    }
}
