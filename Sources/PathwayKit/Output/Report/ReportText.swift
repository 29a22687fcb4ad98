/// Small formatting rules shared by the report writers, so that every format prints the same value the same way.
enum ReportText {
    /// A format whose tables the writers share (`GapReport+Tables.swift`), and so how a cell's text is escaped.
    enum Format {
        /// Pipe tables; cells escaped by ``TextBuffer/appendMarkdownCell(_:)``.
        case markdown
        /// Sortable tables; cells escaped by ``TextBuffer/appendHTML(_:)``.
        case html
    }

    /// Patients per year, rounded to one decimal place, without a trailing `.0`.
    static func patients(_ value: Double?) -> String {
        guard let value else { return "" }
        return OrderedTree.format(rounded(value))
    }

    /// Patients per year rounded to one decimal place, as every format prints them.
    static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    /// Appends `file:line:col [element]` (``SourceLocation/description``), or nothing.
    static func appendLocation(_ location: SourceLocation?, to out: inout TextBuffer, escaping: Format) {
        guard let location else { return }
        out.append(location.file, escaping: escaping)
        if let line = location.line {
            out.append(":")
            out.append(line)
            if let column = location.column {
                out.append(":")
                out.append(column)
            }
        }
        if let element = location.element {
            out.append(" [")
            out.append(element, escaping: escaping)
            out.append("]")
        }
    }

    /// Appends where a gap is: `project / pathway / step`, or the staff group and setting for workforce gaps.
    static func appendPlace(_ gap: Gap, to out: inout TextBuffer, escaping: Format) {
        out.append(gap.project, escaping: escaping)
        if let pathway = gap.pathway {
            out.append(" / ")
            out.append(pathway.rawValue, escaping: escaping)
        }
        if let step = gap.step {
            out.append(" / ")
            out.append(step.rawValue, escaping: escaping)
        }
    }

    /// Appends the subject of a gap: staff group, setting, competency (with level), resource, separated by ` · `.
    static func appendSubject(_ gap: Gap, to out: inout TextBuffer, escaping: Format) {
        var isFirst = true
        func part(_ text: String) {
            if !isFirst { out.append(" · ") }
            isFirst = false
            out.append(text, escaping: escaping)
        }
        if let group = gap.staffGroup { part(group.rawValue) }
        if let setting = gap.setting { part(setting) }
        if let competency = gap.competency {
            part(competency.rawValue)
            if let level = gap.requiredLevel {
                out.append(" @")
                out.append(level, escaping: escaping)
            }
        }
        if let resource = gap.resource { part(resource.rawValue) }
    }

    static func plural(_ count: Int, _ word: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? word : plural ?? word + "s")"
    }
}

extension TextBuffer {
    /// Appends text escaped for a table cell of a format.
    mutating func append(_ text: String, escaping: ReportText.Format) {
        switch escaping {
        case .markdown: appendMarkdownCell(text)
        case .html: appendHTML(text)
        }
    }

    /// Appends UTF-8 text escaped for a table cell of a format.
    mutating func append(utf8: UnsafeBufferPointer<UInt8>, escaping: ReportText.Format) {
        switch escaping {
        case .markdown: appendMarkdownCell(utf8: utf8)
        case .html: appendHTML(utf8: utf8)
        }
    }

    /// Appends text escaped for prose (a heading, a line) in a format: ``appendMarkdown(_:)`` or
    /// ``appendHTML(_:)``.
    mutating func append(_ text: String, prose format: ReportText.Format) {
        switch format {
        case .markdown: appendMarkdown(text)
        case .html: appendHTML(text)
        }
    }

    /// Appends texts with `separator` between them, each escaped for a format.
    mutating func append(_ texts: some Sequence<String>, separator: String, escaping: ReportText.Format) {
        var isFirst = true
        for text in texts {
            if !isFirst { append(separator) }
            isFirst = false
            append(text, escaping: escaping)
        }
    }
}
