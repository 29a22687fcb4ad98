import PathwayGraphviz

/// The `index.html` of `render --view all`: the overview and every sub-pathway chart of one pathway on one page,
/// each with its text alternative, the overview's parts and the stubs linking within the page.
struct ChartIndexPage {
    /// The pathway's title.
    var title: String
    /// The charts' file format.
    var format: String
    /// The charts in order (overview first), with their SVG text when the format is SVG.
    var charts: [(chart: Pathgap.Render.Chart, svg: String?)]

    /// The page. SVG charts are inlined, with links to chart files turned into links to their place on the page;
    /// other formats are shown as images (PDF as a link).
    ///
    /// - Complexity: O(n) in the size of the charts.
    func html() -> String {
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(escaped(title)): flowcharts</title>
            <style>
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1b1b1b;line-height:1.4}
            figure{overflow:auto;margin:0.5rem 0}figure svg,figure img{max-width:100%;height:auto}
            nav ol{columns:2}pre{white-space:pre-wrap;background:#f4f4f4;padding:0.5rem}
            section{border-top:1px solid #ccc;margin-top:2rem}
            </style>
            </head>
            <body>
            <h1>\(escaped(title)): flowcharts</h1>
            <nav aria-label="Charts"><ol>

            """
        for (chart, _) in charts {
            // The pathway's title heads the page; the list names the charts without repeating it.
            let short =
                chart.heading.hasPrefix(title + ": ") ? String(chart.heading.dropFirst(title.count + 2)) : chart.heading
            page +=
                "<li><a href=\"#\(anchor(chart.name))\">\(escaped(short.prefix(1).uppercased() + short.dropFirst()))</a></li>\n"
        }
        page += "</ol></nav>\n<main>\n"
        for (chart, svg) in charts {
            let file = "\(chart.name).\(format)"
            page += "<section id=\"\(anchor(chart.name))\" aria-labelledby=\"\(anchor(chart.name))-h\">\n"
            page += "<h2 id=\"\(anchor(chart.name))-h\">\(escaped(chart.heading))</h2>\n"
            page += "<p>\(escaped(chart.summary)) <a href=\"\(escaped(file))\">Open the chart on its own</a>.</p>\n"
            page += "<figure>\n"
            if let svg {
                page += inPageLinks(svgBody(svg))
            } else if format == "pdf" || format == "json" || format == "svgz" {
                page += "<a href=\"\(escaped(file))\">\(escaped(file))</a>"
            } else {
                page += "<img src=\"\(escaped(file))\" alt=\"\(escaped(chart.summary))\">"
            }
            page += "\n</figure>\n"
            page += "<details><summary>Text alternative: the steps in order</summary>\n"
            page += "<pre>\(escaped(chart.text))</pre>\n</details>\n</section>\n"
        }
        page += "</main>\n</body>\n</html>\n"
        return page
    }

    /// The SVG from its `<svg` element on (without the XML declaration, doctype and comments before it).
    private func svgBody(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        return String(svg[start.lowerBound...])
    }

    /// Links to chart files (`xlink:href="<name>.svg"`) turned into links to the chart's section on this page.
    ///
    /// - Complexity: O(n) in the size of the SVG.
    private func inPageLinks(_ svg: String) -> String {
        var targets: [Substring: String] = [:]
        for (chart, _) in charts { targets[Substring("\(chart.name).\(format)")] = "#" + anchor(chart.name) }
        let marker = "xlink:href=\""
        var result = ""
        result.reserveCapacity(svg.utf8.count)
        var rest = svg[...]
        while let found = rest.range(of: marker) {
            result += rest[..<found.upperBound]
            rest = rest[found.upperBound...]
            let end = rest.firstIndex(of: "\"") ?? rest.endIndex
            let value = rest[..<end]
            result += targets[value] ?? String(value)
            rest = rest[end...]
        }
        return result + rest
    }

    /// An HTML id for a chart: its name with anything outside letters, digits, `-`, `_` and `.` as `_`.
    private func anchor(_ name: String) -> String {
        "chart-" + String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "_" })
    }

    private func escaped(_ text: String) -> String { FlowchartSVG.escaped(text) }
}
