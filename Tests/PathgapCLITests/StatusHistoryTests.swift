import Foundation
import PathgapCLI
import PathwayKit
import TestSupport
import Testing

@Suite struct StatusHistoryTests {
    @Test(
        "validate reports a broken history at the entry's line",
        arguments: [("history-order", 7, "history-order"), ("ratified-without-body", 8, "ratification-body")])
    func brokenHistory(fixture: String, line: Int, rule: String) {
        let console = Console.capturing()
        let path = Fixtures.path("lifecycle/\(fixture)")
        #expect(Pathgap.run(["validate", path], console: console) == 1)
        #expect(console.output.contains("\(path)/project.yaml:\(line):5: error: "))
        #expect(console.output.contains("[\(rule)]"))
    }

    @Test("a complete life cycle validates with no history finding")
    func validHistory() {
        let console = Console.capturing()
        #expect(Pathgap.run(["validate", Fixtures.path("lifecycle/history-ok")], console: console) == 0)
        for rule in ["history-order", "ratification-body", "status-history", "legacy-status", "published-page"] {
            #expect(!console.output.contains("[\(rule)]"))
        }
    }

    @Test("status and history must agree; the old 'completed' is read with a warning")
    func statusAgreement() throws {
        let manifest = try NativeFormat.manifest(
            from: """
                id: x
                status: published
                pathways: [p.yaml]
                history:
                  - {status: in-development, date: 2021}

                """, file: "project.yaml")
        let rules = StatusHistory.findings(for: manifest).map(\.rule)
        #expect(rules.contains("status-history"))
        #expect(rules.contains("published-page"))
        let legacy = try NativeFormat.manifest(
            from: "id: y\nstatus: completed\npathways: [p.yaml]\n", file: "project.yaml")
        #expect(legacy.status == .completed)
        #expect(StatusHistory.findings(for: legacy).map(\.rule) == ["legacy-status"])
        // Without a status, the last history entry gives it.
        let derived = try NativeFormat.manifest(
            from: "id: z\npathways: [p.yaml]\nhistory:\n  - {status: ratified, date: 2024-05, body: AoMRC}\n",
            file: "project.yaml")
        #expect(derived.status == .ratified)
        #expect(StatusHistory.findings(for: derived).isEmpty)
    }

    @Test("a history date that is not YYYY, YYYY-MM or YYYY-MM-DD is bad input naming its line")
    func badDate() {
        let error = #expect(throws: InputError.self) {
            try NativeFormat.manifest(
                from: "id: x\npathways: [p.yaml]\nhistory:\n  - {status: ratified, date: 2024-02-30, body: AoMRC}\n",
                file: "project.yaml")
        }
        #expect(error?.location.line == 4)
        #expect(error?.description.contains("2024-02-30") == true)
    }

    @Test("partial dates order by what they can mean")
    func partialDates() throws {
        let year = try #require(HistoryDate("2021"))
        let may = try #require(HistoryDate("2021-05"))
        let day = try #require(HistoryDate("2021-05-20"))
        #expect(!may.isBefore(year) && !year.isBefore(may))
        #expect(!day.isBefore(may))
        #expect(try #require(HistoryDate("2020-12-31")).isBefore(year))
        #expect(HistoryDate("21") == nil && HistoryDate("2021-13") == nil)
    }

    @Test("--as-of shows the table as it stood: status then, history up to then, later projects left out")
    func asOf() throws {
        let console = Console.capturing()
        #expect(
            Pathgap.run(
                ["projects", Fixtures.path("lifecycle"), "--as-of", "2023-06-30", "--format", "json"], console: console)
                == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(console.output.utf8)) as? [String: Any])
        let projects = try #require(object["projects"] as? [[String: Any]])
        let ok = try #require(projects.first { $0["id"] as? String == "history-ok" })
        #expect(ok["status"] as? String == "ratified")
        #expect(ok["since"] as? String == "2023-06-20")
        #expect((ok["history"] as? [Any])?.count == 4)
        #expect(projects.first { $0["id"] as? String == "history-order" } == nil)
        #expect(console.errors.contains("1 project has no dated history entry on or before 2023-06-30"))
        let today = Console.capturing()
        #expect(Pathgap.run(["projects", Fixtures.path("lifecycle"), "--format", "csv"], console: today) == 0)
        #expect(today.output.contains("A project through its life cycle (history-ok),under-review,2025-04-01,"))
    }

    @Test("the five pilots carry their public status history")
    func pilots() throws {
        let console = Console.capturing()
        #expect(Pathgap.run(["projects", Fixtures.path("projects"), "--format", "json"], console: console) == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(console.output.utf8)) as? [String: Any])
        let projects = try #require(object["projects"] as? [[String: Any]])
        let status = Dictionary(
            uniqueKeysWithValues: projects.map { ($0["id"] as? String ?? "", $0["status"] as? String) })
        // The pilots' owner (issue 17) keeps every pilot in development: the published CPI pages cover two steps.
        for id in ProjectFolders.bundled { #expect(status[id] == "in-development", "\(id)") }
        let pages = projects.filter { $0["publishedPage"] != nil }.compactMap { $0["id"] as? String }
        #expect(pages == ["dpyd", "familial-hypercholesterolaemia", "lynch-syndrome"])
        for project in projects { #expect(!((project["history"] as? [Any]) ?? []).isEmpty) }
    }

    @Test("HTML escapes labels and links only web addresses")
    func html() {
        let console = Console.capturing()
        #expect(Pathgap.run(["projects", Fixtures.path("lifecycle"), "--format", "html"], console: console) == 0)
        #expect(console.output.contains("<a href=\"https://example.org/cpi/history-ok/\">"))
        #expect(console.output.contains("Ratified, but by whom?"))
        #expect(console.output.contains("Content-Security-Policy"))
    }
}
