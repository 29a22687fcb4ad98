import Foundation

@testable import PathwayKit

// The report writers, development needs and framework tables as first written (building a `String` per row and
// cell, and the JSON as an `OrderedTree`), kept as the reference that the byte writers must match byte for byte
// (`ReportWriterTests`). Only what those writers print is here; what they share unchanged with the library (the
// header lines, competency text, CSS, script, the shared needs) is the library's.

/// Small formatting rules shared by the report writers, so that every format prints the same value the same way.
enum ReferenceText {
    /// Patients per year, rounded to one decimal place, without a trailing `.0`.
    static func patients(_ value: Double?) -> String {
        guard let value else { return "" }
        return OrderedTree.format((value * 10).rounded() / 10)
    }

    /// The JSON value for patients per year (rounded as ``patients(_:)``).
    static func patientsTree(_ value: Double?) -> OrderedTree? {
        value.map { .number(($0 * 10).rounded() / 10) }
    }

    /// `file:line:col`, or empty.
    static func location(_ location: SourceLocation?) -> String { location?.description ?? "" }

    /// Where a gap is: `project / pathway / step`, or the staff group and setting for workforce gaps.
    static func place(_ gap: Gap) -> String {
        var parts = [gap.project]
        if let pathway = gap.pathway { parts.append(pathway.rawValue) }
        if let step = gap.step { parts.append(step.rawValue) }
        return parts.joined(separator: " / ")
    }

    /// The subject of a gap: staff group, competency (with level), resource, setting.
    static func subject(_ gap: Gap) -> String {
        var parts: [String] = []
        if let group = gap.staffGroup { parts.append(group.rawValue) }
        if let setting = gap.setting { parts.append(setting) }
        if let competency = gap.competency {
            parts.append(competency.rawValue + (gap.requiredLevel.map { " @\($0)" } ?? ""))
        }
        if let resource = gap.resource { parts.append(resource.rawValue) }
        return parts.joined(separator: " · ")
    }

    /// Whether a byte needs escaping in Markdown text (backslash, ampersand, angle brackets, line breaks, tab).
    static func isMarkdownSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<")
            || byte == UInt8(ascii: ">")
            || byte == 10 || byte == 13 || byte == 9
    }

}

extension GapReport {
    /// The report as CSV: a header, then one row per gap in priority order.
    ///
    /// RFC 4180: fields holding a comma, a quote, CR or LF are quoted, quotes doubled, and lines end with CRLF.
    /// Cells are Excel-safe: a cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
    /// `'` so that a spreadsheet never runs it as a formula.
    func referenceCSV() -> String {
        var out = Self.referenceCSVRow(Self.csvColumns)
        for (index, gap) in gaps.enumerated() {
            out += Self.referenceCSVRow([
                String(index + 1), gap.severity.rawValue, gap.gapClass.rawValue, gap.project,
                gap.pathway?.rawValue ?? "", gap.subpathways.joined(separator: " "), gap.step?.rawValue ?? "",
                gap.stepLabel ?? "", gap.staffGroup?.rawValue ?? "", gap.setting ?? "", gap.competency?.rawValue ?? "",
                gap.statement ?? "", gap.requiredLevel ?? "", gap.framework?.rawValue ?? "",
                gap.resource?.rawValue ?? "",
                ReferenceText.patients(gap.patientsPerYear), String(gap.reach.steps), String(gap.reach.subpathways),
                String(gap.reach.projects), ReferenceText.patients(gap.reach.patientsPerYear), gap.message,
                gap.suggestedAction, gap.location?.file ?? "", gap.location?.line.map(String.init) ?? "",
                gap.location?.column.map(String.init) ?? "",
            ])
        }
        return out
    }

    /// One CSV record, neutralised and quoted, ending in CRLF.
    static func referenceCSVRow(_ cells: [String]) -> String {
        cells.map { referenceCSVField($0) }.joined(separator: ",") + "\r\n"
    }

    /// One field: neutralised against formula injection, then quoted where RFC 4180 needs it.
    static func referenceCSVField(_ text: String) -> String {
        var cell = text
        if let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            cell = "'" + cell
        }
        if cell.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) {
            return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return cell
    }
}

extension GapReport {
    /// The report as Markdown: summary, gaps by priority, development needs per staff group, needs shared across
    /// projects, and the framework table of every sub-pathway.
    func referenceMarkdown() -> String {
        var out = "# Gap report\n\n"
        out += header().map { "- \(Self.referenceMDText($0))\n" }.joined() + "\n"

        out += "## Summary\n\n"
        out += "| Gap class | Severity | Count | Meaning |\n|---|---|---:|---|\n"
        for gapClass in GapClass.allCases {
            out += Self.referenceMDRow([
                "`\(gapClass.rawValue)`", gapClass.defaultSeverity.rawValue, String(count(of: gapClass)),
                gapClass.summary,
            ])
        }
        out +=
            "\n| Project | Title | Status | Pathways | Steps | Sub-pathways | Gaps |\n|---|---|---|---:|---:|---:|---:|\n"
        for analysis in projects {
            let manifest = analysis.project.manifest
            out += Self.referenceMDRow([
                manifest.id, manifest.title, manifest.status.rawValue, String(analysis.pathways.count),
                String(analysis.pathways.reduce(0) { $0 + $1.steps.count }),
                String(analysis.pathways.reduce(0) { $0 + $1.decomposition.subpathways.count }),
                String(analysis.gapCount),
            ])
        }

        out += "\n## Gaps by priority\n\n"
        if gaps.isEmpty {
            out += "No gaps found.\n"
        } else {
            out +=
                "| # | Severity | Class | Where | Who / what | Patients/yr | Reach (steps, sub-pathways, projects) | Gap | Suggested action | Source |\n"
            out += "|---:|---|---|---|---|---:|---|---|---|---|\n"
            for (index, gap) in gaps.enumerated() {
                out += Self.referenceMDRow([
                    String(index + 1), gap.severity.rawValue, "`\(gap.gapClass.rawValue)`", ReferenceText.place(gap),
                    ReferenceText.subject(gap), ReferenceText.patients(gap.patientsPerYear),
                    "\(gap.reach.steps), \(gap.reach.subpathways), \(gap.reach.projects)", gap.message,
                    gap.suggestedAction, ReferenceText.location(gap.location),
                ])
            }
        }

        out += "\n## Education and workforce development needs\n\n"
        let needs = referenceNeeds()
        if needs.isEmpty { out += "No development needs found.\n" }
        for group in needs {
            out += "### \(Self.referenceMDText(group.name))\(group.staffGroup.map { " (`\($0)`)" } ?? "")\n\n"
            if !group.competencies.isEmpty {
                out +=
                    "| Priority | Competency | Level | Gaps | Steps | Sub-pathways | Projects | Patients/yr | Candidate resources |\n"
                out += "|---:|---|---|---|---|---:|---|---:|---|\n"
                for need in group.competencies {
                    out += Self.referenceMDRow([
                        String(need.priority), Self.competencyText(need.competency, need.statement, need.writtenAs),
                        need.requiredLevel ?? "", need.classes.map(\.rawValue).joined(separator: ", "),
                        need.steps.map(\.label).joined(separator: ", "), String(need.subpathways),
                        need.projects.joined(separator: ", "), ReferenceText.patients(need.patientsPerYear),
                        need.candidates.map(\.label).joined(separator: "; "),
                    ])
                }
                out += "\n"
            }
            for gap in group.workforce {
                out +=
                    "- `\(gap.gapClass.rawValue)` (\(Self.referenceMDText(gap.project))): \(Self.referenceMDText(gap.message)) — \(Self.referenceMDText(gap.suggestedAction))\n"
            }
            if !group.workforce.isEmpty { out += "\n" }
        }

        out += "## Needs shared across projects\n\n"
        let shared = projects.count < 2 ? [] : sharedNeeds()
        if projects.count < 2 {
            out += "One project in this report; run `pathgap report` over several projects to find shared needs.\n"
        } else if shared.isEmpty {
            out += "No need is shared by two or more projects.\n"
        } else {
            out += "| Competency | Projects | Staff groups | Gaps | Steps | Patients/yr | Candidate resources |\n"
            out += "|---|---|---|---|---:|---:|---|\n"
            for need in shared {
                out += Self.referenceMDRow([
                    Self.competencyText(need.competency, need.statement, []), need.projects.joined(separator: ", "),
                    need.staffGroups.joined(separator: ", "), need.classes.map(\.rawValue).joined(separator: ", "),
                    String(need.steps), ReferenceText.patients(need.patientsPerYear),
                    need.candidates.map(\.label).joined(separator: "; "),
                ])
            }
        }

        out += "\n## Framework tables\n"
        for table in referenceFrameworkTables() {
            let volume = table.patientsPerYear.map { ", \(ReferenceText.patients($0)) patients/yr" } ?? ""
            out +=
                "\n### \(Self.referenceMDText(table.project)) / \(Self.referenceMDText(table.subpathway.id)): \(Self.referenceMDText(table.subpathway.title))\n\n"
            out +=
                "\(ReportText.plural(table.rows.count, "step"))\(volume)\(table.subpathway.isCyclic ? ", a loop" : "").\n\n"
            out += "| Step | Who | What they need to know | Education resources | Gaps |\n|---|---|---|---|---|\n"
            for row in table.rows {
                out += Self.referenceMDRow([
                    "\(row.label) (`\(row.step)`)", row.who.joined(separator: "; "),
                    row.knowledge.joined(separator: "; "),
                    row.resources.joined(separator: "; "), row.gaps.map(\.rawValue).joined(separator: ", "),
                ])
            }
        }
        return out
    }

    /// A table row, every cell escaped.
    static func referenceMDRow(_ cells: [String]) -> String {
        "| " + cells.map(referenceMDCell).joined(separator: " | ") + " |\n"
    }

    /// Text escaped for a Markdown table cell: pipes and backslashes escaped, angle brackets and ampersands as
    /// entities (so no label can open raw HTML), line breaks as spaces. Backticks written by the writer are kept.
    static func referenceMDCell(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "|") || ReferenceText.isMarkdownSpecial($0) }) {
            return text
        }
        return referenceMDText(text).replacingOccurrences(of: "|", with: "\\|")
    }

    /// Text escaped for Markdown prose.
    static func referenceMDText(_ text: String) -> String {
        if !text.utf8.contains(where: ReferenceText.isMarkdownSpecial) { return text }
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n", "\r", "\r\n", "\t": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}

extension GapReport {
    /// The report as one self-contained HTML page: the summary first, then sortable tables of gaps, development
    /// needs, shared needs and framework tables. No external resources (a Content-Security-Policy forbids them);
    /// every label is HTML-escaped; one small inline script sorts tables when a heading is clicked.
    ///
    /// - Parameter flowchart: The SVG flowchart of a sub-pathway, embedded inline above its framework table, or
    ///   `nil` for none. An XML declaration or doctype at its head is dropped.
    func referenceHTML(flowchart: (FrameworkTable) -> String? = { _ in nil }) -> String {
        var out = Self.head
        out += "<ul class=\"meta\">\n" + header().map { "<li>\(Self.referenceEscape($0))</li>\n" }.joined() + "</ul>\n"

        out += "<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n"
        for severity in Severity.allCases.reversed() {
            out +=
                "<div class=\"card sev-\(severity.rawValue)\"><span class=\"n\">\(count(of: severity))</span> \(severity.rawValue)\(count(of: severity) == 1 ? "" : "s")</div>\n"
        }
        out += "</div>\n"
        out += Self.referenceTable(
            ["Gap class", "Severity", "Count", "Meaning"],
            GapClass.allCases.map { gapClass in
                [
                    Self.referenceCode(gapClass.rawValue), Self.referenceEscape(gapClass.defaultSeverity.rawValue),
                    Self.referenceNumber(count(of: gapClass)), Self.referenceEscape(gapClass.summary),
                ]
            }, numeric: [2])
        out += Self.referenceTable(
            ["Project", "Title", "Status", "Pathways", "Steps", "Sub-pathways", "Gaps"],
            projects.map { analysis in
                let manifest = analysis.project.manifest
                return [
                    Self.referenceEscape(manifest.id), Self.referenceEscape(manifest.title),
                    Self.referenceEscape(manifest.status.rawValue),
                    Self.referenceNumber(analysis.pathways.count),
                    Self.referenceNumber(analysis.pathways.reduce(0) { $0 + $1.steps.count }),
                    Self.referenceNumber(analysis.pathways.reduce(0) { $0 + $1.decomposition.subpathways.count }),
                    Self.referenceNumber(analysis.gapCount),
                ]
            }, numeric: [3, 4, 5, 6])
        out += "</section>\n"

        out += "<section id=\"gaps\">\n<h2>Gaps by priority</h2>\n"
        if gaps.isEmpty {
            out += "<p>No gaps found.</p>\n"
        } else {
            out += "<p class=\"hint\">Click a column heading to sort.</p>\n"
            out += Self.referenceTable(
                [
                    "#", "Severity", "Class", "Where", "Who / what", "Patients/yr", "Steps reached", "Projects reached",
                    "Gap", "Suggested action", "Source",
                ],
                gaps.enumerated().map { index, gap in
                    [
                        Self.referenceNumber(index + 1), Self.referenceEscape(gap.severity.rawValue),
                        Self.referenceCode(gap.gapClass.rawValue),
                        Self.referenceEscape(ReferenceText.place(gap)),
                        Self.referenceEscape(ReferenceText.subject(gap)),
                        Self.referencePatients(gap.patientsPerYear), Self.referenceNumber(gap.reach.steps),
                        Self.referenceNumber(gap.reach.projects),
                        Self.referenceEscape(gap.message), Self.referenceEscape(gap.suggestedAction),
                        Self.referenceEscape(ReferenceText.location(gap.location)),
                    ]
                }, numeric: [0, 5, 6, 7], rowClasses: gaps.map { "sev-\($0.severity.rawValue)" })
        }
        out += "</section>\n"

        out += "<section id=\"needs\">\n<h2>Education and workforce development needs</h2>\n"
        let needs = referenceNeeds()
        if needs.isEmpty { out += "<p>No development needs found.</p>\n" }
        for group in needs {
            out +=
                "<h3>\(Self.referenceEscape(group.name))\(group.staffGroup.map { " " + Self.referenceCode($0.rawValue) } ?? "")</h3>\n"
            if !group.competencies.isEmpty {
                out += Self.referenceTable(
                    [
                        "Priority", "Competency", "Level", "Gaps", "Steps", "Sub-pathways", "Projects", "Patients/yr",
                        "Candidate resources",
                    ],
                    group.competencies.map { need in
                        [
                            Self.referenceNumber(need.priority),
                            Self.referenceEscape(Self.competencyText(need.competency, need.statement, need.writtenAs)),
                            Self.referenceEscape(need.requiredLevel ?? ""),
                            Self.referenceEscape(need.classes.map(\.rawValue).joined(separator: ", ")),
                            Self.referenceEscape(need.steps.map(\.label).joined(separator: ", ")),
                            Self.referenceNumber(need.subpathways),
                            Self.referenceEscape(need.projects.joined(separator: ", ")),
                            Self.referencePatients(need.patientsPerYear),
                            Self.referenceEscape(need.candidates.map(\.label).joined(separator: "; ")),
                        ]
                    }, numeric: [0, 5, 7])
            }
            if !group.workforce.isEmpty {
                out += "<ul>\n"
                for gap in group.workforce {
                    out +=
                        "<li>\(Self.referenceCode(gap.gapClass.rawValue)) (\(Self.referenceEscape(gap.project))): \(Self.referenceEscape(gap.message)) — \(Self.referenceEscape(gap.suggestedAction))</li>\n"
                }
                out += "</ul>\n"
            }
        }
        out += "</section>\n"

        out += "<section id=\"shared\">\n<h2>Needs shared across projects</h2>\n"
        let shared = projects.count < 2 ? [] : sharedNeeds()
        if projects.count < 2 {
            out +=
                "<p>One project in this report; run <code>pathgap report</code> over several projects to find shared needs.</p>\n"
        } else if shared.isEmpty {
            out += "<p>No need is shared by two or more projects.</p>\n"
        } else {
            out += Self.referenceTable(
                ["Competency", "Projects", "Staff groups", "Gaps", "Steps", "Patients/yr", "Candidate resources"],
                shared.map { need in
                    [
                        Self.referenceEscape(Self.competencyText(need.competency, need.statement, [])),
                        Self.referenceEscape(need.projects.joined(separator: ", ")),
                        Self.referenceEscape(need.staffGroups.joined(separator: ", ")),
                        Self.referenceEscape(need.classes.map(\.rawValue).joined(separator: ", ")),
                        Self.referenceNumber(need.steps),
                        Self.referencePatients(need.patientsPerYear),
                        Self.referenceEscape(need.candidates.map(\.label).joined(separator: "; ")),
                    ]
                }, numeric: [4, 5])
        }
        out += "</section>\n"

        out += "<section id=\"tables\">\n<h2>Framework tables</h2>\n"
        for table in referenceFrameworkTables() {
            let volume = table.patientsPerYear.map { ", \(ReferenceText.patients($0)) patients/yr" } ?? ""
            out +=
                "<h3>\(Self.referenceEscape("\(table.project) / \(table.subpathway.id): \(table.subpathway.title)"))</h3>\n"
            out +=
                "<p>\(Self.referenceEscape("\(ReportText.plural(table.rows.count, "step"))\(volume)\(table.subpathway.isCyclic ? ", a loop" : "")."))</p>\n"
            if let svg = flowchart(table) {
                out += "<figure class=\"flowchart\">\(Self.inlineSVG(svg))</figure>\n"
            }
            out += Self.referenceTable(
                ["Step", "Who", "What they need to know", "Education resources", "Gaps"],
                table.rows.map { row in
                    [
                        "\(Self.referenceEscape(row.label)) \(Self.referenceCode(row.step.rawValue))",
                        Self.referenceList(row.who),
                        Self.referenceList(row.knowledge),
                        Self.referenceList(row.resources),
                        Self.referenceEscape(row.gaps.map(\.rawValue).joined(separator: ", ")),
                    ]
                }, rowClasses: table.rows.map { $0.worstSeverity.map { "sev-\($0.rawValue)" } ?? "" })
        }
        out += "</section>\n"
        out += "<script>\(Self.script)</script>\n</body>\n</html>\n"
        return out
    }

    // MARK: Pieces

    /// Text escaped for HTML content and attribute values.
    static func referenceEscape(_ text: String) -> String {
        let special: Set<UInt8> = [
            UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"),
        ]
        if !text.utf8.contains(where: special.contains) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    static func referenceCode(_ text: String) -> String { "<code>\(referenceEscape(text))</code>" }

    static func referenceNumber(_ value: Int) -> String { String(value) }

    static func referencePatients(_ value: Double?) -> String { ReferenceText.patients(value) }

    static func referenceList(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: referenceEscape(items[0])
        default: "<ul>" + items.map { "<li>\(referenceEscape($0))</li>" }.joined() + "</ul>"
        }
    }

    /// A sortable table; cells are HTML already.
    static func referenceTable(
        _ headings: [String], _ rows: [[String]], numeric: Set<Int> = [], rowClasses: [String] = []
    )
        -> String
    {
        var out = "<table class=\"sortable\">\n<thead><tr>"
        for (index, heading) in headings.enumerated() {
            out +=
                "<th scope=\"col\"\(numeric.contains(index) ? " data-type=\"number\"" : "")>\(referenceEscape(heading))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for (index, row) in rows.enumerated() {
            let rowClass =
                index < rowClasses.count && !rowClasses[index].isEmpty ? " class=\"\(rowClasses[index])\"" : ""
            out += "<tr\(rowClass)>"
            for (column, cell) in row.enumerated() {
                out += numeric.contains(column) ? "<td class=\"num\">\(cell)</td>" : "<td>\(cell)</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

}

extension GapReport {
    /// The report as JSON, schema `pathgap-report/1` (documented in the README, "Gap reports"): keys in a fixed
    /// order, absent values left out, two-space indent, a final newline.
    func referenceJSON() -> String { referenceJSONTree().json() }

    /// The JSON document as an ordered tree.
    func referenceJSONTree() -> OrderedTree {
        let totals = self.totals
        // Top-level keys are always present (lists may be empty); only `asOf` is left out when not given.
        var pairs: [(String, OrderedTree)] = [("schema", .string(Self.schema))]
        if let asOf { pairs.append(("asOf", .string(asOf.rawValue))) }
        return .map(
            pairs + [
                ("strategy", .string(strategy.rawValue)),
                (
                    "summary",
                    .map([
                        ("projects", .integer(projects.count)),
                        ("pathways", .integer(totals.pathways)),
                        ("subpathways", .integer(totals.subpathways)),
                        ("steps", .integer(totals.steps)),
                        ("gaps", .integer(gaps.count)),
                        (
                            "bySeverity",
                            .map(Severity.allCases.reversed().map { ($0.rawValue, .integer(count(of: $0))) })
                        ),
                        ("byClass", .map(GapClass.allCases.map { ($0.rawValue, .integer(count(of: $0))) })),
                    ])
                ),
                ("projects", .list(projects.map(Self.referenceProjectTree))),
                ("gaps", .list(gaps.enumerated().map { Self.referenceGapTree($1, priority: $0 + 1) })),
                ("needs", .list(referenceNeeds().map(Self.referenceNeedsTree))),
                ("sharedNeeds", .list(sharedNeeds().map(Self.referenceSharedTree))),
                ("frameworkTables", .list(referenceFrameworkTables().map(Self.referenceTableTree))),
            ])
    }

    static func referenceLocationTree(_ location: SourceLocation?) -> OrderedTree? {
        guard let location else { return nil }
        return .compactMap([
            ("file", .string(location.file)),
            ("line", location.line.map(OrderedTree.integer)),
            ("column", location.column.map(OrderedTree.integer)),
            ("element", location.element.map(OrderedTree.string)),
        ])
    }

    static func referenceStrings(_ values: [String]) -> OrderedTree { .list(values.map(OrderedTree.string)) }

    static func referenceProjectTree(_ analysis: ProjectAnalysis) -> OrderedTree {
        let manifest = analysis.project.manifest
        return .compactMap([
            ("id", .string(manifest.id)),
            ("title", .string(manifest.title)),
            ("status", .string(manifest.status.rawValue)),
            ("region", .string(manifest.region)),
            ("gaps", .integer(analysis.gapCount)),
            (
                "pathways",
                .list(
                    analysis.pathways.map { pathway in
                        .compactMap([
                            ("id", .string(pathway.pathway.id.rawValue)),
                            ("title", .string(pathway.pathway.title)),
                            ("steps", .integer(pathway.steps.count)),
                            ("gaps", .integer(pathway.gaps.count)),
                            (
                                "subpathways",
                                .list(
                                    pathway.decomposition.subpathways.map { subpathway in
                                        .compactMap([
                                            ("id", .string(subpathway.id)),
                                            ("title", .string(subpathway.title)),
                                            ("steps", referenceStrings(subpathway.steps.map(\.rawValue))),
                                            ("isCyclic", subpathway.isCyclic ? .boolean(true) : nil),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
        ])
    }

    static func referenceGapTree(_ gap: Gap, priority: Int) -> OrderedTree {
        .compactMap([
            ("priority", .integer(priority)),
            ("class", .string(gap.gapClass.rawValue)),
            ("severity", .string(gap.severity.rawValue)),
            ("project", .string(gap.project)),
            ("pathway", gap.pathway.map { .string($0.rawValue) }),
            ("subpathways", referenceStrings(gap.subpathways)),
            ("step", gap.step.map { .string($0.rawValue) }),
            ("stepLabel", gap.stepLabel.map(OrderedTree.string)),
            ("staffGroup", gap.staffGroup.map { .string($0.rawValue) }),
            ("setting", gap.setting.map(OrderedTree.string)),
            ("competency", gap.competency.map { .string($0.rawValue) }),
            ("statement", gap.statement.map(OrderedTree.string)),
            ("requiredLevel", gap.requiredLevel.map(OrderedTree.string)),
            ("framework", gap.framework.map { .string($0.rawValue) }),
            ("resource", gap.resource.map { .string($0.rawValue) }),
            ("message", .string(gap.message)),
            ("suggestedAction", .string(gap.suggestedAction)),
            ("location", referenceLocationTree(gap.location)),
            ("patientsPerYear", ReferenceText.patientsTree(gap.patientsPerYear)),
            (
                "reach",
                .compactMap([
                    ("steps", .integer(gap.reach.steps)),
                    ("subpathways", .integer(gap.reach.subpathways)),
                    ("projects", .integer(gap.reach.projects)),
                    ("patientsPerYear", ReferenceText.patientsTree(gap.reach.patientsPerYear)),
                ])
            ),
            ("candidates", .list(gap.candidates.map(referenceCandidateTree))),
        ])
    }

    static func referenceCandidateTree(_ candidate: CandidateResource) -> OrderedTree {
        .compactMap([
            ("resource", .string(candidate.resource.rawValue)),
            ("title", .string(candidate.title)),
            ("level", candidate.level.map(OrderedTree.string)),
            ("reasons", referenceStrings(candidate.reasons.map(\.rawValue))),
        ])
    }

    static func referenceNeedsTree(_ needs: StaffGroupNeeds) -> OrderedTree {
        .compactMap([
            ("staffGroup", needs.staffGroup.map { .string($0.rawValue) }),
            ("name", .string(needs.name)),
            (
                "competencies",
                .list(
                    needs.competencies.map { need in
                        .compactMap([
                            ("competency", .string(need.competency.rawValue)),
                            ("writtenAs", referenceStrings(need.writtenAs.map(\.rawValue))),
                            ("statement", need.statement.map(OrderedTree.string)),
                            ("framework", need.framework.map { .string($0.rawValue) }),
                            ("requiredLevel", need.requiredLevel.map(OrderedTree.string)),
                            ("classes", referenceStrings(need.classes.map(\.rawValue))),
                            ("priority", .integer(need.priority)),
                            ("steps", referenceStrings(need.steps.map(\.label))),
                            ("subpathways", .integer(need.subpathways)),
                            ("projects", referenceStrings(need.projects)),
                            ("patientsPerYear", ReferenceText.patientsTree(need.patientsPerYear)),
                            ("candidates", .list(need.candidates.map(referenceCandidateTree))),
                        ])
                    })
            ),
            (
                "workforce",
                .list(
                    needs.workforce.map { gap in
                        .compactMap([
                            ("class", .string(gap.gapClass.rawValue)),
                            ("project", .string(gap.project)),
                            ("setting", gap.setting.map(OrderedTree.string)),
                            ("message", .string(gap.message)),
                            ("location", referenceLocationTree(gap.location)),
                        ])
                    })
            ),
        ])
    }

    static func referenceSharedTree(_ need: SharedNeed) -> OrderedTree {
        .compactMap([
            ("competency", .string(need.competency.rawValue)),
            ("statement", need.statement.map(OrderedTree.string)),
            ("projects", referenceStrings(need.projects)),
            ("staffGroups", referenceStrings(need.staffGroups)),
            ("classes", referenceStrings(need.classes.map(\.rawValue))),
            ("steps", .integer(need.steps)),
            ("patientsPerYear", ReferenceText.patientsTree(need.patientsPerYear)),
            ("candidates", .list(need.candidates.map(referenceCandidateTree))),
        ])
    }

    static func referenceTableTree(_ table: FrameworkTable) -> OrderedTree {
        .compactMap([
            ("project", .string(table.project)),
            ("pathway", .string(table.pathway.rawValue)),
            ("subpathway", .string(table.subpathway.id)),
            ("title", .string(table.subpathway.title)),
            ("patientsPerYear", ReferenceText.patientsTree(table.patientsPerYear)),
            (
                "rows",
                .list(
                    table.rows.map { row in
                        .compactMap([
                            ("step", .string(row.step.rawValue)),
                            ("label", .string(row.label)),
                            ("kind", .string(row.kind.rawValue)),
                            ("who", referenceStrings(row.who)),
                            ("knowledge", referenceStrings(row.knowledge)),
                            ("resources", referenceStrings(row.resources)),
                            ("gaps", referenceStrings(row.gaps.map(\.rawValue))),
                            ("location", referenceLocationTree(row.location)),
                        ])
                    })
            ),
        ])
    }
}

extension GapReport {
    /// ``GapReport/needs()`` as first written.
    func referenceNeeds() -> [StaffGroupNeeds] { Self.referenceNeeds(gaps, names: names) }

    static func referenceNeeds(_ gaps: [Gap], names: [StaffGroupID: String]) -> [StaffGroupNeeds] {
        var byGroup: [String: [(priority: Int, gap: Gap)]] = [:]
        var workforce: [String: [Gap]] = [:]
        for (index, gap) in gaps.enumerated() {
            let key = gap.staffGroup?.rawValue ?? ""
            if gap.gapClass.isWorkforce {
                workforce[key, default: []].append(gap)
            } else if gap.gapClass.isEducationNeed, gap.need != nil {
                byGroup[key, default: []].append((index + 1, gap))
            }
        }
        let keys = Set(byGroup.keys).union(workforce.keys).sorted { lhs, rhs in
            lhs.isEmpty != rhs.isEmpty ? !lhs.isEmpty : lhs < rhs
        }
        return keys.map { key in
            let group = key.isEmpty ? nil : StaffGroupID(key)
            return StaffGroupNeeds(
                staffGroup: group, name: group.map { names[$0] ?? $0.rawValue } ?? "(no staff group named)",
                competencies: referencePooled(byGroup[key] ?? []), workforce: workforce[key] ?? [])
        }
    }

    /// Pools gaps (already in priority order) by competency.
    ///
    /// - Complexity: O(G) expected, plus sorting each need's steps.
    static func referencePooled(_ entries: [(priority: Int, gap: Gap)]) -> [CompetencyNeed] {
        var order: [CompetencyID] = []
        var pools: [CompetencyID: [(priority: Int, gap: Gap)]] = [:]
        for entry in entries {
            guard let need = entry.gap.need else { continue }
            if pools[need] == nil { order.append(need) }
            pools[need, default: []].append(entry)
        }
        return order.map { need in
            let entries = pools[need] ?? []
            var seen: Set<GapOrigin> = []
            var subpathways: Set<SubpathwayKey> = []
            var steps: [StepReference] = []
            var patients: Double?
            var writtenAs: Set<CompetencyID> = []
            var classes: Set<GapClass> = []
            var projects: Set<String> = []
            var statement: String?
            var framework: FrameworkID?
            var candidates: [ResourceID: CandidateResource] = [:]
            for (_, gap) in entries {
                if seen.insert(gap.origin).inserted {
                    if let pathway = gap.pathway, let step = gap.step {
                        steps.append(StepReference(project: gap.project, pathway: pathway, step: step))
                    }
                    if let volume = gap.patientsPerYear { patients = (patients ?? 0) + volume }
                    for id in gap.subpathways {
                        subpathways.insert(
                            SubpathwayKey(project: gap.origin.project, pathway: gap.pathway, id: id))
                    }
                }
                if let competency = gap.competency, competency != need { writtenAs.insert(competency) }
                classes.insert(gap.gapClass)
                projects.insert(gap.project)
                statement = statement ?? gap.statement
                framework = framework ?? gap.framework
                for candidate in gap.candidates {
                    if let known = candidates[candidate.resource], !(candidate < known) { continue }
                    candidates[candidate.resource] = candidate
                }
            }
            return CompetencyNeed(
                competency: need, writtenAs: writtenAs.sorted(), statement: statement, framework: framework,
                requiredLevel: referenceRequiredLevel(of: entries.map(\.gap)), classes: classes.sorted(),
                steps: steps.sorted(),
                subpathways: subpathways.count, projects: projects.sorted(), patientsPerYear: patients,
                candidates: candidates.values.sorted(), priority: entries.first?.priority ?? 0)
        }
    }

    /// The highest level needed: the one whose rank fraction is greatest, ties broken by text.
    static func referenceRequiredLevel(of gaps: [Gap]) -> String? {
        var best: (rank: Double, level: String)?
        for gap in gaps {
            guard let level = gap.requiredLevel else { continue }
            let rank = gap.reach.levelRank ?? -1
            if let current = best, (current.rank, current.level) >= (rank, level) { continue }
            best = (rank, level)
        }
        return best?.level
    }

}

extension GapReport {
    /// ``GapReport/frameworkTables()`` as first written.
    func referenceFrameworkTables() -> [FrameworkTable] {
        projects.flatMap { Self.referenceFrameworkTables($0, names: names) }
    }

    static func referenceFrameworkTables(_ analysis: ProjectAnalysis, names: [StaffGroupID: String]) -> [FrameworkTable]
    {
        var titles: [ResourceID: EducationResource] = [:]
        for resource in analysis.project.resources where titles[resource.id] == nil { titles[resource.id] = resource }
        func resourceLabel(_ id: ResourceID) -> String {
            guard let resource = titles[id] else { return id.rawValue }
            return "\(resource.provider.map { "\($0): " } ?? "")\(resource.title) (\(resource.kind))"
        }
        var tables: [FrameworkTable] = []
        for pathway in analysis.pathways {
            var stepIndex: [StepID: Int] = [:]
            for (index, step) in pathway.steps.enumerated() { stepIndex[step.step.id] = index }
            for subpathway in pathway.decomposition.subpathways {
                let rows = subpathway.steps.compactMap { id -> FrameworkTable.Row? in
                    guard let index = stepIndex[id] else { return nil }
                    let assessed = pathway.steps[index]
                    let step = assessed.step
                    var knowledge = assessed.requirements.map { requirement in
                        let id = requirement.requirement.competency
                        let level = requirement.requirement.level.map { ", level \($0)" } ?? ""
                        let mark = requirement.provenance?.mark.map { " (\($0))" } ?? ""
                        if let statement = requirement.statement, !statement.isEmpty {
                            return "\(statement) [\(id)\(level)]\(mark)"
                        }
                        let undefined = requirement.framework == nil ? " (not in any loaded framework)" : ""
                        return "[\(id)\(level)]\(undefined)\(mark)"
                    }
                    if knowledge.isEmpty, let reason = step.noCompetencyReason {
                        knowledge = ["None needed: \(reason)"]
                    }
                    var resources: [String] = []
                    for requirement in assessed.requirements {
                        for id in requirement.resources where !resources.contains(resourceLabel(id)) {
                            resources.append(resourceLabel(id))
                        }
                    }
                    for requirement in assessed.requirements {
                        for candidate in requirement.candidates {
                            let text =
                                "\(resourceLabel(candidate.resource)) – \(candidate.reasons.map(\.rawValue).joined(separator: ", "))"
                            if !resources.contains(text) { resources.append(text) }
                        }
                    }
                    return FrameworkTable.Row(
                        step: step.id, label: step.label, kind: step.kind,
                        who: step.staffGroups.map { names[$0] ?? $0.rawValue }, knowledge: knowledge,
                        resources: resources, gaps: assessed.gapClasses, worstSeverity: assessed.worstSeverity,
                        patientsPerYear: assessed.patientsPerYear, location: step.location)
                }
                tables.append(
                    FrameworkTable(
                        project: analysis.project.manifest.id, pathway: pathway.pathway.id, subpathway: subpathway,
                        rows: rows))
            }
        }
        return tables
    }
}
