/// Small formatting rules shared by the report writers, so that every format prints the same value the same way.
enum ReportText {
    /// A format whose tables the writers share (`GapReport+Tables.swift`), and so how a cell's text is escaped.
    enum Format {
        /// Pipe tables; cells escaped by ``TextBuffer/appendMarkdownCell(_:)``.
        case markdown
        /// Sortable tables; cells escaped by ``TextBuffer/appendHTML(_:)``.
        case html
    }

    /// Patients per year as machines read them (CSV): a whole number, or nothing when unknown.
    static func patients(_ value: Double?) -> String {
        guard let value else { return "" }
        return String(Int(rounded(value)))
    }

    /// Patients per year rounded to a whole number, as every format prints them (the flow model's fractions are
    /// expectations, not a precision the data has).
    static func rounded(_ value: Double) -> Double { value.rounded() }

    /// What marks an estimated figure in Markdown and HTML.
    static let estimateMark = "≈"

    /// Patients per year as people read them (Markdown, HTML): a whole number with thousands separators, marked
    /// ``estimateMark`` when it rests on an assumed split, and `unknown` when the pathway gives no volumes.
    static func readablePatients(_ value: Double?, estimated: Bool) -> String {
        guard let value else { return "unknown" }
        var digits = String(Int(rounded(value)))
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return (estimated ? estimateMark : "") + digits + grouped
    }

    /// A need's score with its parts: `167,297 = 37,177 patients × 3 severity × 1.5 sharing × 1 cost`.
    static func score(_ score: NeedScore, estimated: Bool) -> String {
        func small(_ value: Double) -> String { OrderedTree.format((value * 100).rounded() / 100) }
        let value = readablePatients(score.value, estimated: estimated)
        let patients = readablePatients(score.patients, estimated: estimated)
        return
            "\(value) = \(patients) patients × \(small(score.severity)) severity × \(small(score.sharing)) sharing × "
            + "\(small(score.cost)) cost"
    }

    /// The line that explains ``estimateMark``, for a report some of whose figures are estimates.
    static let estimateLegend =
        "Figures marked ≈ are estimates: patients reach them through a step that gives no share for its branches, "
        + "where an even split is assumed (see Assumptions)."

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
    /// Appends a cell of patients per year (``ReportText/readablePatients(_:estimated:)``); in HTML with the
    /// whole number as its sort key (-1 when unknown).
    mutating func appendPatientsCell(_ value: Double?, estimated: Bool, _ format: ReportText.Format) {
        switch format {
        case .markdown:
            beginCell(format)
        case .html:
            append("<td class=\"num\" data-sort=\"")
            append(value.map { String(Int(ReportText.rounded($0))) } ?? "-1")
            append("\">")
        }
        append(ReportText.readablePatients(value, estimated: estimated))
        endCell(format)
    }

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
