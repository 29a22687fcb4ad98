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
        var out = TextBuffer(capacity: 64 * 1024 + 700 * gaps.count)
        out.append(Self.head)
        out.append("<ul class=\"meta\">\n")
        for line in header() {
            out.append("<li>")
            out.appendHTML(line)
            out.append("</li>\n")
        }
        out.append("</ul>\n")

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

        out.append("<section id=\"gaps\">\n<h2>Gaps by priority</h2>\n")
        if gaps.isEmpty {
            out.append("<p>No gaps found.</p>\n")
        } else {
            out.append("<p class=\"hint\">Click a column heading to sort.</p>\n")
            appendGapTable(to: &out, .html)
        }
        out.append("</section>\n")

        out.append("<section id=\"needs\">\n<h2>Education and workforce development needs</h2>\n")
        let needs = views.needs
        if needs.isEmpty { out.append("<p>No development needs found.</p>\n") }
        for group in needs {
            Self.appendGroupHeading(group, to: &out, .html)
            if !group.competencies.isEmpty { Self.appendNeedTable(group.competencies, to: &out, .html) }
            Self.appendWorkforceList(group.workforce, to: &out, .html)
        }
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
            Self.appendSharedTable(shared, to: &out, .html)
        }
        out.append("</section>\n")

        out.append("<section id=\"tables\">\n<h2>Framework tables</h2>\n")
        for table in views.frameworkTables {
            Self.appendFrameworkHeading(table, to: &out, .html)
            if let svg = flowchart(table) {
                out.append("<figure class=\"flowchart\">")
                out.append(Self.inlineSVG(svg))
                out.append("</figure>\n")
            }
            Self.appendFrameworkTable(table, to: &out, .html)
        }
        out.append("</section>\n")
        out.append("<script>\(Self.script)</script>\n</body>\n</html>\n")
        return out.takeBytes()
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

    /// The page up to the report's title: doctype, the Content-Security-Policy, the style sheet, the heading.
    static let head = """
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
