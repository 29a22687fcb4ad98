import Foundation
import PathgapCLI
import TestSupport
import Testing

@Suite struct ReportCommandTests {
    /// A fresh, empty output folder for one test.
    static func outputFolder() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pathgap-report-\(UUID().uuidString)")
            .path
        try? FileManager.default.removeItem(atPath: path)
        return path
    }

    static func files(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test("writes all four formats and prints the counts")
    func writesReports() throws {
        let out = Self.outputFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let console = Console.capturing()
        let status = Pathgap.run(
            ["report", Fixtures.path("gaps/no-resource"), "--out", out, "--as-of", "2026-11-25", "--no-flowcharts"],
            console: console)
        #expect(status == 0)
        #expect(Self.files(in: out) == ["report.csv", "report.html", "report.json", "report.md"])
        #expect(
            console.output.hasPrefix(
                "project 'gaps-no-resource': 1 pathway, 3 steps, 1 sub-pathway (phases): 1 gap (1 error, 0 warnings, 0 notes)\n  no-resource: 1\n"
            ))
        #expect(console.errors.isEmpty)
    }

    @Test("without --as-of the summary says review dates were not checked; with it, it does not")
    func asOfHint() throws {
        let out = Self.outputFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let hint = "  review dates not checked: give --as-of YYYY-MM-DD to report overdue resources\n"
        let without = Console.capturing()
        let stale = Fixtures.path("gaps/stale-resource")
        #expect(Pathgap.run(["report", stale, "--out", out, "--no-flowcharts"], console: without) == 0)
        #expect(without.output.contains(hint))
        #expect(!without.output.contains("  stale-resource:"))
        let with = Console.capturing()
        #expect(
            Pathgap.run(["report", stale, "--out", out, "--no-flowcharts", "--as-of", "2026-11-25"], console: with) == 0
        )
        #expect(!with.output.contains(hint))
        #expect(with.output.contains("  stale-resource: 1\n"))
    }

    @Test("--format picks formats; --fail-on-gaps exits 2 when gaps are found and 0 when none are")
    func failOnGaps() throws {
        let out = Self.outputFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(
            Pathgap.run(
                [
                    "report", Fixtures.path("gaps/uncovered-step"), "--out", out, "--format", "csv,json",
                    "--fail-on-gaps",
                ], console: .capturing())
                == 2)
        #expect(Self.files(in: out) == ["report.csv", "report.json"])
        #expect(
            Pathgap.run(
                ["report", Fixtures.path("gaps/none"), "--out", out, "--format", "md", "--fail-on-gaps"],
                console: .capturing()) == 0)
    }

    @Test(
        "bad input exits 64 with one message and writes nothing",
        arguments: [
            (["--format", "pdf"], "unknown format 'pdf'"),
            (["--as-of", "25/11/2026"], "--as-of must be a date written YYYY-MM-DD"),
            (["--strategy", "zigzag"], "unknown strategy 'zigzag'"),
            (["--review-months", "0"], "--review-months must be a positive whole number of months, found '0'"),
            (["--review-months=-3"], "--review-months must be a positive whole number of months, found '-3'"),
            (["--review-months", "1.5"], "--review-months must be a positive whole number of months, found '1.5'"),
            (["--review-months", "two"], "--review-months must be a positive whole number of months, found 'two'"),
        ])
    func badOptions(extra: [String], message: String) {
        let out = Self.outputFolder()
        let console = Console.capturing()
        #expect(Pathgap.run(["report", Fixtures.path("gaps/none"), "--out", out] + extra, console: console) == 64)
        #expect(console.errors.contains(message))
        #expect(console.errors.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("a malformed or missing project exits 64 and writes nothing, even after good projects")
    func badProject() {
        let out = Self.outputFolder()
        for bad in [Fixtures.path("invalid/malformed"), Fixtures.path("no-such-project")] {
            let console = Console.capturing()
            #expect(Pathgap.run(["report", Fixtures.path("gaps/none"), bad, "--out", out], console: console) == 64)
            #expect(console.errors.split(separator: "\n").count == 1)
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    @Test("a folder of projects is expanded, and needs shared across projects are counted")
    func folderOfProjects() throws {
        let out = Self.outputFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let console = Console.capturing()
        #expect(
            Pathgap.run(
                [
                    "report", Fixtures.path("gaps"), "--out", out, "--as-of", "2026-11-25", "--format", "json",
                    "--no-flowcharts",
                ], console: console) == 0)
        #expect(console.output.hasPrefix("16 projects:"))
        #expect(console.output.contains("needs shared by several projects: 1\n"))
        let json = try String(contentsOfFile: out + "/report.json", encoding: .utf8)
        #expect(json.contains("\"sharedNeeds\": [\n    {\n      \"competency\": \"C1\""))
    }

    @Test("--review-months sets how long after its last review a resource with no next review date falls due")
    func reviewMonths() {
        let project = Fixtures.path("gaps/stale-resource-last-reviewed")
        func run(_ extra: [String]) -> String {
            let out = Self.outputFolder()
            defer { try? FileManager.default.removeItem(atPath: out) }
            let console = Console.capturing()
            let status = Pathgap.run(
                ["report", project, "--out", out, "--as-of", "2026-11-25", "--format", "csv"] + extra, console: console)
            #expect(status == 0)
            return console.output
        }
        // Last reviewed 2023-08-02: due 2025-08-02 after 24 months (the default), 2026-12-02 after 40.
        #expect(run([]).contains("1 gap (0 errors, 0 warnings, 1 note)\n  stale-resource: 1\n"))
        #expect(run(["--review-months", "24"]).contains("stale-resource: 1\n"))
        #expect(run(["--review-months", "40"]).contains("0 gaps (0 errors, 0 warnings, 0 notes)\n"))
    }

    @Test("the same project given twice is bad input")
    func duplicateProject() {
        let console = Console.capturing()
        let path = Fixtures.path("gaps/none")
        #expect(Pathgap.run(["report", path, path, "--out", Self.outputFolder()], console: console) == 64)
        #expect(console.errors.contains("project id 'gaps-none' is given twice"))
    }

    @Test("the HTML report embeds one flowchart per sub-pathway, coloured by gap severity")
    func flowcharts() throws {
        let out = Self.outputFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(
            Pathgap.run(
                ["report", Fixtures.path("gaps/no-resource"), "--out", out, "--format", "html"], console: .capturing())
                == 0)
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        // Each chart sits in a labelled image role, with its steps in order as the text alternative.
        #expect(html.components(separatedBy: "<figure class=\"flowchart\"><div role=\"img\" aria-label=\"").count == 2)
        #expect(html.components(separatedBy: "\"><svg").count == 2)
        #expect(html.contains("<figcaption><details><summary>The steps in order</summary><ol>"))
        #expect(!html.contains("<?xml"))
    }
}
