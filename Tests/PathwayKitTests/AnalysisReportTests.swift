import Foundation
import PathwayKit
import TestSupport
import Testing

/// A small RFC 4180 reader, for checking that the CSV report reads back.
enum CSVReader {
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if inQuotes {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        field.unicodeScalars.append("\"")
                        scalars.removeFirst()
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": inQuotes = true
            case ",":
                record.append(field)
                field = ""
            case "\r":
                if scalars.first == "\n" { scalars.removeFirst() }
                record.append(field)
                records.append(record)
                record = []
                field = ""
            case "\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}

@Suite struct AnalysisReportTests {
    /// A project whose labels try every trick: formula prefixes, quotes, commas, line breaks, HTML.
    static func hostileProject() -> Project {
        let steps = [
            Step(id: "start", kind: .start, patientsPerYear: 10),
            Step(id: "formula", label: "=HYPERLINK(\"http://x\",\"y\")"),
            Step(id: "plus", label: "+1, \"quoted\"\nnext line"),
            Step(id: "minus", label: "-2"),
            Step(id: "at", label: "@SUM(A1)"),
            Step(id: "tab", label: "\tindented"),
            Step(id: "cr", label: "\rreturn"),
            Step(id: "script", label: "<script>alert('x')</script> & \"more\""),
            Step(id: "end", kind: .end),
        ]
        var transitions: [Transition] = []
        for (from, to) in zip(steps, steps.dropFirst()) { transitions.append(Transition(from: from.id, to: to.id)) }
        return Project(
            manifest: ProjectManifest(id: "hostile<b>", title: "<img src=x onerror=alert(1)>", pathways: ["p.yaml"]),
            directory: ".", pathways: [Pathway(id: "p", steps: steps, transitions: transitions)])
    }

    @Test("the CSV reads back through a CSV parser with neutralised cells intact")
    func csvRoundTrip() throws {
        let report = GapReport(analysing: [Self.hostileProject()])
        let records = CSVReader.records(report.csv())
        #expect(records.first == GapReport.csvColumns)
        #expect(records.count == report.gaps.count + 1)
        #expect(records.allSatisfy { $0.count == GapReport.csvColumns.count })
        let labelColumn = try #require(GapReport.csvColumns.firstIndex(of: "step_label"))
        let labels = Set(records.dropFirst().map { $0[labelColumn] })
        for expected in [
            "'=HYPERLINK(\"http://x\",\"y\")", "'+1, \"quoted\"\nnext line", "'-2", "'@SUM(A1)", "'\tindented",
            "'\rreturn", "<script>alert('x')</script> & \"more\"",
        ] {
            #expect(labels.contains(expected), "missing \(expected.debugDescription)")
        }
        // No cell a spreadsheet would run as a formula.
        for record in records {
            for cell in record {
                #expect(!["=", "+", "-", "@", "\t", "\r"].contains(cell.unicodeScalars.first.map(String.init) ?? ""))
            }
        }
    }

    @Test("CSV fields are quoted only where RFC 4180 needs it")
    func csvFields() {
        #expect(GapReport.csvField("plain") == "plain")
        #expect(GapReport.csvField("a,b") == "\"a,b\"")
        #expect(GapReport.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(GapReport.csvField("=1+1") == "'=1+1")
        #expect(GapReport.csvField("-x, y") == "\"'-x, y\"")
        #expect(GapReport.csvField("\r\n") == "\"'\r\n\"")
    }

    @Test("HTML escapes every label, including <script> labels")
    func htmlEscaping() {
        let html = GapReport(analysing: [Self.hostileProject()]).html()
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        // One script element only: the sorter.
        #expect(html.components(separatedBy: "<script>").count == 2)
        // Nothing fetched from elsewhere.
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("@import"))
    }

    @Test("Markdown escapes labels so that no cell breaks a table or opens HTML")
    func markdownEscaping() {
        let markdown = GapReport(analysing: [Self.hostileProject()]).markdown()
        #expect(!markdown.contains("<script>"))
        for line in markdown.split(separator: "\n") where line.hasPrefix("| ") {
            #expect(line.hasSuffix(" |"))
        }
    }

    @Test("the flowchart hook embeds an SVG inline, without its XML prologue")
    func flowchartHook() throws {
        let project = try ProjectLoader().loadProject(at: Fixtures.path("gaps/no-resource")).project
        let report = GapReport(analysing: [project])
        let html = report.html { table in
            "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg id=\"chart-\(table.subpathway.id)\"></svg>\n"
        }
        #expect(html.contains("<figure class=\"flowchart\"><div role=\"img\" aria-label=\"Flowchart of "))
        #expect(html.contains("\"><svg id=\"chart-small/1\"></svg></div><figcaption>"))
        #expect(!html.contains("<?xml"))
    }

    @Test("reports are byte-identical across runs")
    func deterministic() throws {
        let projects = try ProjectLoader.projects(under: Fixtures.path("gaps")).map {
            try ProjectLoader().loadProject(at: $0).project
        }
        let first = GapReport(analysing: projects, asOf: AsOfDate("2026-11-25"))
        let second = GapReport(analysing: projects.reversed().reversed(), asOf: AsOfDate("2026-11-25"))
        #expect(first.markdown() == second.markdown())
        #expect(first.csv() == second.csv())
        #expect(first.json() == second.json())
        #expect(first.html() == second.html())
    }

    @Test("needs shared by several projects are pooled, so one resource can serve them all")
    func sharedNeeds() throws {
        let projects = try ["no-resource", "level-shortfall", "none"].map {
            try ProjectLoader().loadProject(at: Fixtures.path("gaps/\($0)")).project
        }
        let report = GapReport(analysing: projects, asOf: AsOfDate("2026-11-25"))
        #expect(report.sharedNeeds().map(\.competency) == ["C1"])
        #expect(report.sharedNeeds().first?.projects == ["gaps-level-shortfall", "gaps-no-resource"])
        let counsellors = try #require(report.needs().first { $0.staffGroup == "counsellor" })
        #expect(counsellors.competencies.map(\.competency) == ["C1"])
        #expect(counsellors.competencies.first?.steps.count == 2)
        #expect(counsellors.competencies.first?.classes == [.noResource, .levelShortfall])
        // Both gaps reach two projects, so they rank by that first.
        #expect(report.gaps.allSatisfy { $0.reach.projects == 2 })
    }

    @Test("priority: severity, then projects reached, then patients, then steps")
    func priority() {
        func gap(_ gapClass: GapClass, projects: Int, patients: Double?, steps: Int) -> Gap {
            var gap = Gap(gapClass, project: "p", message: "m", suggestedAction: "a", location: nil)
            gap.reach = GapReach(steps: steps, subpathways: 1, projects: projects, patientsPerYear: patients)
            return gap
        }
        let gaps = [
            gap(.staleResource, projects: 5, patients: 1e6, steps: 9),
            gap(.levelShortfall, projects: 1, patients: 10, steps: 1),
            gap(.noResource, projects: 1, patients: 10, steps: 1),
            gap(.noResource, projects: 1, patients: 10, steps: 3),
            gap(.noResource, projects: 1, patients: 500, steps: 1),
            gap(.noResource, projects: 2, patients: nil, steps: 1),
        ]
        let sorted = gaps.sorted(by: GapReport.priorityOrder)
        #expect(
            sorted.map(\.gapClass) == [
                .noResource, .noResource, .noResource, .noResource, .levelShortfall, .staleResource,
            ])
        #expect(sorted.map(\.reach.projects) == [2, 1, 1, 1, 1, 5])
        #expect(sorted.map(\.reach.patientsPerYear) == [nil, 500, 10, 10, 10, 1e6])
        #expect(sorted[2].reach.steps == 3)
    }

    @Test("the JSON names its schema version")
    func jsonSchema() throws {
        let project = try ProjectLoader().loadProject(at: Fixtures.path("gaps/none")).project
        let json = GapReport(analysing: [project], asOf: AsOfDate("2026-11-25")).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "pathgap-report/1")
        #expect(object["asOf"] as? String == "2026-11-25")
        #expect((object["gaps"] as? [Any])?.isEmpty == true)
    }
}
