import Foundation

extension GapReport {
    /// The report as one self-contained HTML page: the summary first, then sortable tables of gaps, development
    /// needs, shared needs and framework tables. No external resources (a Content-Security-Policy forbids them);
    /// every label is HTML-escaped; one small inline script sorts tables when a heading is clicked.
    ///
    /// - Parameter flowchart: The SVG flowchart of a sub-pathway, embedded inline above its framework table, or
    ///   `nil` for none. An XML declaration or doctype at its head is dropped.
    public func html(flowchart: (FrameworkTable) -> String? = { _ in nil }) -> String {
        String(decoding: htmlBytes(flowchart: flowchart), as: UTF8.self)
    }

    /// The text of ``html(flowchart:)`` as UTF-8, written without making a `String` per row or cell.
    ///
    /// - Parameters:
    ///   - views: The report's views, when already built for another format; `nil` to build them.
    ///   - flowchart: As for ``html(flowchart:)``.
    /// - Complexity: O(size of the output), plus building the views.
    public func htmlBytes(views: Views? = nil, flowchart: (FrameworkTable) -> String? = { _ in nil }) -> [UInt8] {
        let views = views ?? self.views()
        let links = HTMLLinks(report: self, tables: views.frameworkTables)
        var out = TextBuffer(capacity: 64 * 1024 + 700 * min(gaps.count, Self.htmlRowLimit))
        appendHead(to: &out)
        out.append("<ul class=\"meta\">\n")
        for line in header() {
            out.append("<li>")
            out.appendHTML(line)
            out.append("</li>\n")
        }
        out.append("</ul>\n")
        appendContents(to: &out)

        out.append("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n")
        for severity in Severity.allCases.reversed() {
            let count = count(of: severity)
            out.append("<div class=\"card sev-\(severity.rawValue)\"><span class=\"n\">")
            out.append(count)
            out.append("</span> \(severity.rawValue)\(count == 1 ? "" : "s")</div>\n")
        }
        out.append("</div>\n")
        appendClassTable(to: &out, .html)
        appendProjectTable(to: &out, .html)
        out.append("</section>\n")
        appendTopActions(views.actions, links: links, to: &out)
        appendAssumptions(to: &out, .html)

        out.append("<section id=\"needs\">\n<h2>Education and workforce development needs</h2>\n")
        let needs = views.needs
        if needs.isEmpty { out.append("<p>No development needs found.</p>\n") }
        for group in needs {
            Self.appendGroupHeading(group, to: &out, .html)
            if !group.competencies.isEmpty {
                let shown = Array(group.competencies.prefix(Self.htmlRowLimit))
                Self.appendNeedTable(shown, to: &out, .html, links: links)
                Self.appendCut(shown: shown.count, of: group.competencies.count, what: "needs", to: &out)
            }
            Self.appendWorkforceList(Array(group.workforce.prefix(Self.htmlRowLimit)), to: &out, .html)
        }
        out.append("</section>\n")

        out.append("<section id=\"stale\">\n<h2>Resources overdue for review</h2>\n")
        appendStaleTable(to: &out, .html, links: links, limit: Self.htmlRowLimit)
        out.append("</section>\n")

        out.append("<section id=\"shared\">\n<h2>Needs shared across projects</h2>\n")
        let shared = projects.count < 2 ? [] : views.sharedNeeds
        if projects.count < 2 {
            out.append(
                "<p>One project in this report; run <code>pathgap report</code> over several projects to find shared needs.</p>\n"
            )
        } else if shared.isEmpty {
            out.append("<p>No need is shared by two or more projects.</p>\n")
        } else {
            Self.appendSharedTable(Array(shared.prefix(Self.htmlRowLimit)), to: &out, .html)
            Self.appendCut(
                shown: min(shared.count, Self.htmlRowLimit), of: shared.count, what: "shared needs", to: &out)
        }
        out.append("</section>\n")

        out.append("<section id=\"gaps\">\n<h2>Gaps by priority</h2>\n")
        if gaps.isEmpty {
            out.append("<p>No gaps found.</p>\n")
        } else {
            appendFilters(to: &out)
            out.append(
                "<p class=\"hint\">Select a column heading (click, or Enter when it has focus) to sort; again to reverse.</p>\n"
            )
            appendGapTable(to: &out, .html, limit: Self.htmlRowLimit)
            Self.appendCut(shown: min(gaps.count, Self.htmlRowLimit), of: gaps.count, what: "gaps", to: &out)
        }
        out.append("</section>\n")

        out.append("<section id=\"tables\">\n<h2>Framework tables</h2>\n")
        var rows = 0
        var tablesShown = 0
        for (index, table) in views.frameworkTables.enumerated() {
            // Past the limit, the tables are left to the JSON.
            guard rows < Self.htmlRowLimit * 4 else { break }
            rows += table.rows.count
            tablesShown += 1
            out.append("<div class=\"framework\" id=\"")
            out.append(HTMLLinks.tableAnchor(index))
            out.append("\">\n")
            Self.appendFrameworkHeading(table, to: &out, .html)
            if let svg = flowchart(table) {
                Self.appendFigure(svg, table: table, to: &out)
            }
            Self.appendFrameworkTable(table, to: &out, .html)
            out.append("</div>\n")
        }
        Self.appendCut(
            shown: tablesShown, of: views.frameworkTables.count, what: "framework tables", to: &out, json: true)
        out.append("</section>\n")
        out.append("<script>\(Self.script)</script>\n</body>\n</html>\n")
        return out.takeBytes()
    }

    /// The most rows of one table the HTML page shows (and a quarter of the framework tables' rows); the rest are
    /// in the CSV and JSON reports, so that a 10^5-step network's page stays a few megabytes.
    static let htmlRowLimit = 500

    /// The page up to the report's heading: doctype, the Content-Security-Policy, a title naming the projects, the
    /// style sheet.
    func appendHead(to out: inout TextBuffer) {
        out.append(Self.headStart)
        out.append("<title>Gap report: ")
        let ids = projects.map(\.project.manifest.id)
        out.appendHTML(ids.prefix(6).joined(separator: ", ") + (ids.count > 6 ? " and \(ids.count - 6) more" : ""))
        out.append(" (pathgap)</title>\n<style>")
        out.append(Self.css)
        out.append("</style>\n</head>\n<body>\n<h1>Gap report</h1>\n")
    }

    /// The table of contents.
    func appendContents(to out: inout TextBuffer) {
        out.append("<nav aria-label=\"Contents\" class=\"toc\"><h2>Contents</h2><ol>")
        var sections = [("summary", "Summary"), ("actions", "Ten most important actions")]
        if hasEstimates { sections.append(("assumptions", "Assumptions")) }
        sections += [
            ("needs", "Development needs per staff group"), ("stale", "Resources overdue for review"),
            ("shared", "Needs shared across projects"), ("gaps", "Gaps by priority (every gap, per step)"),
            ("tables", "Framework tables"),
        ]
        for (id, title) in sections {
            out.append("<li><a href=\"#\(id)\">\(title)</a></li>")
        }
        out.append("</ol></nav>\n")
    }

    /// The ten most important actions (``GapReport/actions()``): each names every staff group it serves, with its
    /// score and parts, its reach, the framework tables where it arises and the candidate resources (linked where
    /// they have a URL).
    func appendTopActions(_ actions: [DevelopmentAction], links: HTMLLinks, to out: inout TextBuffer) {
        out.append("<section id=\"actions\">\n<h2>Ten most important actions</h2>\n")
        let top = Self.topActions(actions)
        if top.isEmpty {
            out.append("<p>No development needs found.</p>\n</section>\n")
            return
        }
        out.append("<ol class=\"actions\">\n")
        for action in top {
            out.append("<li><strong>")
            out.appendHTML(Self.actionTitle(action))
            out.append("</strong>: ")
            out.appendHTML(Self.competencyText(action.competency, action.statement, action.writtenAs))
            if let level = action.requiredLevel {
                out.append(" (level ")
                out.appendHTML(level)
                out.append(")")
            }
            out.append(". <span class=\"reach\">")
            out.appendHTML(Self.reachText(action))
            out.append("</span> ")
            links.appendTableLinks(for: action.steps, to: &out)
            links.appendResourceLinks(action.candidates, to: &out)
            out.append("</li>\n")
        }
        out.append("</ol>\n</section>\n")
    }

    /// Filters for the table of gaps, by project, staff group, severity and class; the page's script applies them
    /// (no server needed).
    func appendFilters(to out: inout TextBuffer) {
        var groups: Set<String> = []
        for gap in gaps.prefix(Self.htmlRowLimit) { groups.insert(gap.staffGroup?.rawValue ?? "") }
        out.append("<form class=\"filters\" id=\"filters\" aria-label=\"Filter the gaps\">\n")
        func select(_ key: String, _ label: String, _ values: [String]) {
            out.append("<label>\(label) <select data-filter=\"\(key)\"><option value=\"\">all</option>")
            for value in values {
                out.append("<option value=\"")
                out.appendHTML(value)
                out.append("\">")
                out.appendHTML(value.isEmpty ? "(none)" : value)
                out.append("</option>")
            }
            out.append("</select></label>\n")
        }
        select("project", "Project", projects.map(\.project.manifest.id))
        select("group", "Staff group", groups.sorted())
        select("severity", "Severity", Severity.allCases.reversed().map(\.rawValue))
        select("class", "Gap class", GapClass.allCases.map(\.rawValue))
        out.append("<output id=\"filter-count\" aria-live=\"polite\"></output>\n</form>\n")
    }

    /// A flowchart with its text alternative: `role="img"` with a label, and the steps in order in a `<details>`
    /// of its caption.
    static func appendFigure(_ svg: String, table: FrameworkTable, to out: inout TextBuffer) {
        out.append("<figure class=\"flowchart\"><div role=\"img\" aria-label=\"")
        out.appendHTML("Flowchart of \(table.project) / \(table.subpathway.id): \(table.subpathway.title)")
        out.append("\">")
        out.append(inlineSVG(svg))
        out.append("</div><figcaption><details><summary>The steps in order</summary><ol>")
        for row in table.rows {
            out.append("<li>")
            out.appendHTML(row.label)
            out.append(" (")
            out.appendHTML(row.kind.rawValue)
            out.append(")</li>")
        }
        out.append("</ol></details></figcaption></figure>\n")
    }

    /// Says how many rows of a table are shown, when some are left out, and where the rest are.
    static func appendCut(shown: Int, of total: Int, what: String, to out: inout TextBuffer, json: Bool = false) {
        guard shown < total else { return }
        out.append("<p class=\"cut\">Showing the first ")
        out.append(shown)
        out.append(" of ")
        out.append(total)
        out.append(" \(what); all of them are in ")
        out.append(json ? "<code>report.json</code>" : "<code>report.csv</code> and <code>report.json</code>")
        out.append(".</p>\n")
    }

    // MARK: Pieces

    /// Text escaped for HTML content and attribute values.
    public static func escape(_ text: String) -> String {
        var out = TextBuffer()
        out.appendHTML(text)
        return out.text
    }

    /// An SVG document made ready to sit inside HTML: anything before the `<svg` element (XML declaration,
    /// doctype, comments) dropped.
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return escape(svg) }
        return String(svg[start.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The page up to its title: doctype and the Content-Security-Policy.
    static let headStart = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">

        """

    static let css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1b1b1b;line-height:1.4}\
        h1{margin-top:0}table{border-collapse:collapse;margin:0.5rem 0 1.5rem;font-size:0.9rem}\
        th,td{border:1px solid #ccc;padding:0.25rem 0.5rem;text-align:left;vertical-align:top}\
        th{background:#eef;cursor:pointer;user-select:none}th:focus{outline:2px solid #1565c0}\
        th[aria-sort=ascending]::after{content:" \\25B2"}\
        th[aria-sort=descending]::after{content:" \\25BC"}td.num{text-align:right}td ul{margin:0;padding-left:1.1rem}\
        tr.sev-error td:first-child{border-left:4px solid #b71c1c}tr.sev-warning td:first-child{border-left:4px solid #e6a700}\
        tr.sev-note td:first-child{border-left:4px solid #1565c0}.cards{display:flex;gap:1rem;margin:1rem 0}\
        .card{padding:0.5rem 1rem;border-radius:4px;background:#f4f4f4}.card .n{font-size:1.5rem;font-weight:bold}\
        .card.sev-error{background:#fde7e7}.card.sev-warning{background:#fff4d6}.card.sev-note{background:#e3effc}\
        .hint,.meta,.cut{color:#555}figure.flowchart{overflow:auto;margin:0.5rem 0}\
        figure.flowchart svg{max-width:100%;height:auto}.toc ol{columns:2}.filters{margin:0.5rem 0}\
        .filters label{margin-right:1rem}ol.actions li{margin-bottom:0.5rem}.reach{color:#333}\
        @media print{.toc,.filters,.hint,script{display:none}th{cursor:auto}\
        div.framework{break-before:page;page-break-before:always}figure.flowchart details{display:block}\
        a{color:inherit;text-decoration:none}}
        """

    /// Sorting (click or Enter/Space on a heading; severity by rank through `data-sort`) and the gap filters.
    static let script = """
        (function(){"use strict";\
        function key(row,i,numeric){var cell=row.cells[i];var text=cell?cell.textContent.trim():"";\
        var given=cell?cell.getAttribute("data-sort"):null;if(given!==null){return parseFloat(given);}\
        if(numeric){var n=parseFloat(text.replace(/[^0-9.\\-]/g,""));return isNaN(n)?-Infinity:n;}return text.toLowerCase();}\
        function sort(th){var table=th.closest("table");var body=table.tBodies[0];\
        var index=Array.prototype.indexOf.call(th.parentNode.children,th);\
        var numeric=th.getAttribute("data-type")==="number";var ascending=th.getAttribute("aria-sort")!=="ascending";\
        var rows=Array.prototype.slice.call(body.rows).map(function(row,position){return {row:row,position:position,key:key(row,index,numeric)};});\
        rows.sort(function(a,b){var r=a.key<b.key?-1:a.key>b.key?1:0;if(!ascending){r=-r;}return r!==0?r:a.position-b.position;});\
        rows.forEach(function(item){body.appendChild(item.row);});\
        var all=th.parentNode.children;for(var k=0;k<all.length;k++){all[k].removeAttribute("aria-sort");}\
        th.setAttribute("aria-sort",ascending?"ascending":"descending");}\
        var heads=document.querySelectorAll("table.sortable th");\
        for(var h=0;h<heads.length;h++){heads[h].tabIndex=0;\
        heads[h].addEventListener("click",function(event){sort(event.currentTarget);});\
        heads[h].addEventListener("keydown",function(event){if(event.key==="Enter"||event.key===" "){event.preventDefault();sort(event.currentTarget);}});}\
        var selects=document.querySelectorAll("#filters select");var table=document.getElementById("gap-table");\
        function filter(){if(!table){return;}var want={};for(var s=0;s<selects.length;s++){want[selects[s].getAttribute("data-filter")]=selects[s].value;}\
        var rows=table.tBodies[0].rows;var shown=0;for(var r=0;r<rows.length;r++){var row=rows[r];var keep=true;\
        for(var name in want){if(want[name]!==""&&row.getAttribute("data-"+name)!==want[name]){keep=false;}}\
        row.hidden=!keep;if(keep){shown++;}}\
        var count=document.getElementById("filter-count");if(count){count.textContent=shown+" of "+rows.length+" rows shown";}}\
        for(var s=0;s<selects.length;s++){selects[s].addEventListener("change",filter);}})();
        """
}

extension TextBuffer {
    /// Appends text escaped for HTML content and attribute values (``GapReport/escape(_:)``): `&`, `<`, `>`, `"`
    /// and `'` as entities; control characters other than tab, LF and CR as spaces.
    mutating func appendHTML(_ text: String) {
        Self.withUTF8(text) { appendHTML(utf8: $0) }
    }

    /// ``appendHTML(_:)`` given the text's UTF-8 bytes.
    mutating func appendHTML(utf8: UnsafeBufferPointer<UInt8>) {
        let mayHold = { (word: UInt64) in
            ByteScan.has(word, UInt8(ascii: "&")) | ByteScan.has(word, UInt8(ascii: "<"))
                | ByteScan.has(word, UInt8(ascii: ">")) | ByteScan.has(word, UInt8(ascii: "\""))
                | ByteScan.has(word, UInt8(ascii: "'")) | ByteScan.hasBelow(word, 32) | ByteScan.has(word, 127) != 0
        }
        append(utf8: utf8, skipping: mayHold) { byte, _ in
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "\""): "&quot;"
            case UInt8(ascii: "'"): "&#39;"
            case 9, 10, 13: nil
            case 0..<32, 127: " "
            default: nil
            }
        }
    }
}
