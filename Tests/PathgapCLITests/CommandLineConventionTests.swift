import Foundation
import PathgapCLI
import TestSupport
import Testing

/// Standard input, pipes, and the wording of command-line errors.
@Suite struct CommandLineConventionTests {
    static let branching = Fixtures.path("pathways/branching.yaml")

    static func run(_ arguments: [String], input: String = "") -> (status: Int32, console: Console) {
        let console = Console.capturing(input: input)
        return (Pathgap.run(arguments, console: console), console)
    }

    @Test(
        "- reads the pathway from standard input in the --from format", arguments: ["validate", "decompose", "convert"])
    func standardInput(command: String) throws {
        let text = try String(contentsOfFile: Self.branching, encoding: .utf8)
        let extra = command == "convert" ? ["--to", "json"] : []
        let (status, console) = Self.run([command, "-", "--from", "yaml"] + extra, input: text)
        #expect(status == 0)
        let fromFile = Self.run([command, Self.branching] + extra)
        #expect(fromFile.status == 0)
        if command == "validate" {
            #expect(console.output == "<stdin>: 1 pathway, 7 steps, 7 transitions: 0 errors, 0 warnings\n")
        } else {
            #expect(console.output == fromFile.console.output.replacingOccurrences(of: Self.branching, with: "<stdin>"))
        }
    }

    @Test("- without --from says what to add, listing the formats as --help does")
    func standardInputNeedsFormat() throws {
        let (status, console) = Self.run(["validate", "-"], input: "id: x\n")
        #expect(status == 64)
        let formats = "yaml, json, edgelist, bpmn, graphml, csv, dot"
        #expect(
            console.errors
                == "<stdin>: error: standard input has no extension to tell its format; name it with --from (\(formats))\n"
        )
        let unknown = Self.run(["validate", Self.branching, "--from", "xlsx"])
        #expect(unknown.console.errors.contains("unknown format 'xlsx' for --from (known: \(formats))"))
        let help = Self.run(["validate", "--help"]).console.output.split(separator: "\n").joined(separator: " ")
            .split(separator: " ").joined(separator: " ")
        #expect(help.contains(formats))
    }

    @Test("a FIFO is read to its end like a file")
    func fifo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pathgap-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pathway").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.branching))
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: fifo)
            handle?.write(data)
            try? handle?.close()
        }
        writer.start()
        let (status, console) = Self.run(["validate", fifo, "--from", "yaml"])
        #expect(status == 0)
        #expect(console.output.hasSuffix("1 pathway, 7 steps, 7 transitions: 0 errors, 0 warnings\n"))
    }

    @Test("the hidden benchmark commands run instead of printing their help; --help still prints it")
    func benchmarkCommandsRun() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pathgap-report-bench-\(UUID().uuidString)"
        ).path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (status, console) = Self.run([
            "report-bench", "--steps", "300", "--competencies", "20", "--repeats", "1", "--formats", "--out", folder,
        ])
        #expect(status == 0)
        #expect(!console.output.contains("OVERVIEW"))
        let written = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(written.contains { $0.hasSuffix(".html") })
        let (helpStatus, help) = Self.run(["report-bench", "--help"])
        #expect(helpStatus == 0)
        #expect(help.output.contains("OVERVIEW: Benchmark gap analysis"))
    }

    @Test("no arguments: the help on standard error, exit 64")
    func noArguments() {
        let (status, console) = Self.run([])
        #expect(status == 64)
        #expect(console.output.isEmpty)
        #expect(console.errors.contains("USAGE: pathgap <subcommand>"))
    }

    @Test(
        "usage errors read 'error:' in lower case and say what is wrong",
        arguments: [
            (["generate", "--steps", "-5", "--out", "x.csv"], "error: --steps must be at least 2, found -5"),
            (
                ["generate", "--steps", "5", "--output", "x"],
                "hint: '--output' is not an option of 'pathgap generate'; did you mean '--out'?"
            ),
            (
                ["decompose", Fixtures.path("pathways/branching.yaml"), "--max-routes", "-1"],
                "error: --max-routes must not be negative, found -1"
            ),
            (
                ["render", Fixtures.path("pathways/branching.yaml"), "--strategy", "routes"],
                "found 'routes' (routes overlap)"
            ),
            (["validate", Fixtures.path("pathways/branching.yaml"), "--colour"], "error: Unknown option '--colour'"),
        ])
    func usageErrors(arguments: [String], message: String) {
        let (status, console) = Self.run(arguments)
        #expect(status == 64)
        #expect(console.errors.contains(message))
        #expect(!console.errors.contains("Error:"))
    }

    @Test(
        "--as-of names the month or day that does not exist",
        arguments: [
            ("2026-13-45", "error: --as-of '2026-13-45': there is no month 13 (months are 01 to 12)"),
            ("2026-02-29", "error: --as-of '2026-02-29': there is no day 29 in February 2026 (it has 28 days)"),
            ("25/11/2026", "error: --as-of must be a date written YYYY-MM-DD, found '25/11/2026'"),
        ])
    func asOf(date: String, message: String) {
        let (status, console) = Self.run([
            "report", Fixtures.path("projects/dpyd"), "--out", "/nonexistent", "--as-of", date,
        ])
        #expect(status == 64)
        #expect(console.errors == message + "\n")
    }

    @Test("render's help offers only the strategies it draws")
    func renderStrategies() {
        let help = Self.run(["render", "--help"]).console.output
        let strategy = help.components(separatedBy: "--strategy <strategy>").dropFirst().joined()
        #expect(strategy.contains("chains, stages, structure"))
        #expect(!help.contains("routes"))
    }

    @Test("a file that cannot be written is named with the system's reason")
    func unwritable() {
        let (status, console) = Self.run(["generate", "--steps", "5", "--out", "/dev/null/x.csv"])
        #expect(status == 1)
        #expect(console.errors.hasPrefix("error: cannot write '/dev/null"))
        #expect(!console.errors.contains("could not be completed"))
    }

    @Test("one step is '1 step'")
    func singular() throws {
        let (status, console) = Self.run(
            ["validate", "-", "--from", "yaml"],
            input: """
                id: one
                steps:
                  - {id: a, kind: start}
                transitions: []

                """)
        #expect(status == 1)
        #expect(console.output.contains("<stdin>: 1 pathway, 1 step, 0 transitions: "))
    }

    @Test("pathgap projects FOLDER that holds no project says so")
    func projectsWithoutProjects() {
        let (status, console) = Self.run(["projects", Fixtures.path("pathways")])
        #expect(status == 64)
        #expect(console.errors.contains("no project folders"))
    }
}
