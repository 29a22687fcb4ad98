import Foundation

extension GapReport {
    /// The report as one self-contained HTML page: the summary first, then sortable tables of gaps, development
    /// needs, shared needs and framework tables. No external resources (a Content-Security-Policy forbids them);
    /// every label is HTML-escaped; one small inline script sorts tables when a heading is clicked.
    ///
    /// - Parameter flowchart: The SVG flowchart of a sub-pathway, embedded inline above its framework table, or
    ///   `nil` for none. An XML declaration or doctype at its head is dropped.
    public func html(flowchart: (FrameworkTable) -> String? = { _ in nil }) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>pathgap gap report</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            <h1>Gap report</h1>

            """
        out += "<ul class=\"meta\">\n" + header().map { "<li>\(Self.escape($0))</li>\n" }.joined() + "</ul>\n"

        out += "<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n"
        for severity in Severity.allCases.reversed() {
            out +=
                "<div class=\"card sev-\(severity.rawValue)\"><span class=\"n\">\(count(of: severity))</span> \(severity.rawValue)\(count(of: severity) == 1 ? "" : "s")</div>\n"
        }
        out += "</div>\n"
        out += Self.table(
            ["Gap class", "Severity", "Count", "Meaning"],
            GapClass.allCases.map { gapClass in
                [
                    Self.code(gapClass.rawValue), Self.escape(gapClass.defaultSeverity.rawValue),
                    Self.number(count(of: gapClass)), Self.escape(gapClass.summary),
                ]
            }, numeric: [2])
        out += Self.table(
            ["Project", "Title", "Status", "Pathways", "Steps", "Sub-pathways", "Gaps"],
            projects.map { analysis in
                let manifest = analysis.project.manifest
                return [
                    Self.escape(manifest.id), Self.escape(manifest.title), Self.escape(manifest.status.rawValue),
                    Self.number(analysis.pathways.count),
                    Self.number(analysis.pathways.reduce(0) { $0 + $1.steps.count }),
                    Self.number(analysis.pathways.reduce(0) { $0 + $1.decomposition.subpathways.count }),
                    Self.number(analysis.gapCount),
                ]
            }, numeric: [3, 4, 5, 6])
        out += "</section>\n"

        out += "<section id=\"gaps\">\n<h2>Gaps by priority</h2>\n"
        if gaps.isEmpty {
            out += "<p>No gaps found.</p>\n"
        } else {
            out += "<p class=\"hint\">Click a column heading to sort.</p>\n"
            out += Self.table(
                [
                    "#", "Severity", "Class", "Where", "Who / what", "Patients/yr", "Steps reached", "Projects reached",
                    "Gap", "Suggested action", "Source",
                ],
                gaps.enumerated().map { index, gap in
                    [
                        Self.number(index + 1), Self.escape(gap.severity.rawValue), Self.code(gap.gapClass.rawValue),
                        Self.escape(ReportText.place(gap)), Self.escape(ReportText.subject(gap)),
                        Self.patients(gap.patientsPerYear), Self.number(gap.reach.steps),
                        Self.number(gap.reach.projects),
                        Self.escape(gap.message), Self.escape(gap.suggestedAction),
                        Self.escape(ReportText.location(gap.location)),
                    ]
                }, numeric: [0, 5, 6, 7], rowClasses: gaps.map { "sev-\($0.severity.rawValue)" })
        }
        out += "</section>\n"

        out += "<section id=\"needs\">\n<h2>Education and workforce development needs</h2>\n"
        let needs = self.needs()
        if needs.isEmpty { out += "<p>No development needs found.</p>\n" }
        for group in needs {
            out += "<h3>\(Self.escape(group.name))\(group.staffGroup.map { " " + Self.code($0.rawValue) } ?? "")</h3>\n"
            if !group.competencies.isEmpty {
                out += Self.table(
                    [
                        "Priority", "Competency", "Level", "Gaps", "Steps", "Sub-pathways", "Projects", "Patients/yr",
                        "Candidate resources",
                    ],
                    group.competencies.map { need in
                        [
                            Self.number(need.priority),
                            Self.escape(Self.competencyText(need.competency, need.statement, need.writtenAs)),
                            Self.escape(need.requiredLevel ?? ""),
                            Self.escape(need.classes.map(\.rawValue).joined(separator: ", ")),
                            Self.escape(need.steps.map(\.label).joined(separator: ", ")), Self.number(need.subpathways),
                            Self.escape(need.projects.joined(separator: ", ")), Self.patients(need.patientsPerYear),
                            Self.escape(need.candidates.map(\.label).joined(separator: "; ")),
                        ]
                    }, numeric: [0, 5, 7])
            }
            if !group.workforce.isEmpty {
                out += "<ul>\n"
                for gap in group.workforce {
                    out +=
                        "<li>\(Self.code(gap.gapClass.rawValue)) (\(Self.escape(gap.project))): \(Self.escape(gap.message)) — \(Self.escape(gap.suggestedAction))</li>\n"
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
            out += Self.table(
                ["Competency", "Projects", "Staff groups", "Gaps", "Steps", "Patients/yr", "Candidate resources"],
                shared.map { need in
                    [
                        Self.escape(Self.competencyText(need.competency, need.statement, [])),
                        Self.escape(need.projects.joined(separator: ", ")),
                        Self.escape(need.staffGroups.joined(separator: ", ")),
                        Self.escape(need.classes.map(\.rawValue).joined(separator: ", ")), Self.number(need.steps),
                        Self.patients(need.patientsPerYear),
                        Self.escape(need.candidates.map(\.label).joined(separator: "; ")),
                    ]
                }, numeric: [4, 5])
        }
        out += "</section>\n"

        out += "<section id=\"tables\">\n<h2>Framework tables</h2>\n"
        for table in frameworkTables() {
            let volume = table.patientsPerYear.map { ", \(ReportText.patients($0)) patients/yr" } ?? ""
            out += "<h3>\(Self.escape("\(table.project) / \(table.subpathway.id): \(table.subpathway.title)"))</h3>\n"
            out +=
                "<p>\(Self.escape("\(ReportText.plural(table.rows.count, "step"))\(volume)\(table.subpathway.isCyclic ? ", a loop" : "")."))</p>\n"
            if let svg = flowchart(table) {
                out += "<figure class=\"flowchart\">\(Self.inlineSVG(svg))</figure>\n"
            }
            out += Self.table(
                ["Step", "Who", "What they need to know", "Education resources", "Gaps"],
                table.rows.map { row in
                    [
                        "\(Self.escape(row.label)) \(Self.code(row.step.rawValue))", Self.list(row.who),
                        Self.list(row.knowledge),
                        Self.list(row.resources), Self.escape(row.gaps.map(\.rawValue).joined(separator: ", ")),
                    ]
                }, rowClasses: table.rows.map { $0.worstSeverity.map { "sev-\($0.rawValue)" } ?? "" })
        }
        out += "</section>\n"
        out += "<script>\(Self.script)</script>\n</body>\n</html>\n"
        return out
    }

    // MARK: Pieces

    /// Text escaped for HTML content and attribute values.
    public static func escape(_ text: String) -> String {
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

    static func code(_ text: String) -> String { "<code>\(escape(text))</code>" }

    static func number(_ value: Int) -> String { String(value) }

    static func patients(_ value: Double?) -> String { ReportText.patients(value) }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: escape(items[0])
        default: "<ul>" + items.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
        }
    }

    /// A sortable table; cells are HTML already.
    static func table(_ headings: [String], _ rows: [[String]], numeric: Set<Int> = [], rowClasses: [String] = [])
        -> String
    {
        var out = "<table class=\"sortable\">\n<thead><tr>"
        for (index, heading) in headings.enumerated() {
            out += "<th scope=\"col\"\(numeric.contains(index) ? " data-type=\"number\"" : "")>\(escape(heading))</th>"
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

    /// An SVG document made ready to sit inside HTML: anything before the `<svg` element (XML declaration,
    /// doctype, comments) dropped.
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return escape(svg) }
        return String(svg[start.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static let css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1b1b1b;line-height:1.4}\
        h1{margin-top:0}table{border-collapse:collapse;margin:0.5rem 0 1.5rem;font-size:0.9rem}\
        th,td{border:1px solid #ccc;padding:0.25rem 0.5rem;text-align:left;vertical-align:top}\
        th{background:#eef;cursor:pointer;user-select:none}th[aria-sort=ascending]::after{content:" \\25B2"}\
        th[aria-sort=descending]::after{content:" \\25BC"}td.num{text-align:right}td ul{margin:0;padding-left:1.1rem}\
        tr.sev-error td:first-child{border-left:4px solid #b71c1c}tr.sev-warning td:first-child{border-left:4px solid #e6a700}\
        tr.sev-note td:first-child{border-left:4px solid #1565c0}.cards{display:flex;gap:1rem;margin:1rem 0}\
        .card{padding:0.5rem 1rem;border-radius:4px;background:#f4f4f4}.card .n{font-size:1.5rem;font-weight:bold}\
        .card.sev-error{background:#fde7e7}.card.sev-warning{background:#fff4d6}.card.sev-note{background:#e3effc}\
        .hint,.meta{color:#555}figure.flowchart{overflow:auto;margin:0.5rem 0}figure.flowchart svg{max-width:100%;height:auto}
        """

    static let script = """
        (function(){"use strict";\
        function key(row,i,numeric){var cell=row.cells[i];var text=cell?cell.textContent.trim():"";\
        if(numeric){var n=parseFloat(text);return isNaN(n)?-Infinity:n;}return text.toLowerCase();}\
        var heads=document.querySelectorAll("table.sortable th");\
        for(var h=0;h<heads.length;h++){heads[h].addEventListener("click",function(event){\
        var th=event.currentTarget;var table=th.closest("table");var body=table.tBodies[0];\
        var index=Array.prototype.indexOf.call(th.parentNode.children,th);\
        var numeric=th.getAttribute("data-type")==="number";var ascending=th.getAttribute("aria-sort")!=="ascending";\
        var rows=Array.prototype.slice.call(body.rows).map(function(row,position){return {row:row,position:position,key:key(row,index,numeric)};});\
        rows.sort(function(a,b){var r=a.key<b.key?-1:a.key>b.key?1:0;if(!ascending){r=-r;}return r!==0?r:a.position-b.position;});\
        rows.forEach(function(item){body.appendChild(item.row);});\
        var all=th.parentNode.children;for(var k=0;k<all.length;k++){all[k].removeAttribute("aria-sort");}\
        th.setAttribute("aria-sort",ascending?"ascending":"descending");});}})();
        """
}
