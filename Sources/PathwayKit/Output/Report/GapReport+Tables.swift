extension GapReport {
    // The tables (and lists) the Markdown and HTML reports share, each written once for both formats; the text
    // around them is each writer's own.

    /// The gap classes with their severity, count and meaning.
    func appendClassTable(to out: inout TextBuffer, _ format: ReportText.Format) {
        out.appendTableHead(["Gap class", "Severity", "Count", "Meaning"], numeric: [2], format)
        for gapClass in GapClass.allCases {
            out.beginRow(format)
            out.appendCodeCell(gapClass.rawValue, format)
            out.appendCell(gapClass.defaultSeverity.rawValue, format)
            out.appendCell(count(of: gapClass), format, numeric: true)
            out.appendCell(gapClass.summary, format)
            out.endRow(format)
        }
        out.appendTableEnd(format)
    }

    /// The assumptions the patient figures rest on: each `missing-share` finding, with its place, and what the
    /// estimate mark means. Nothing when no figure is estimated.
    func appendAssumptions(to out: inout TextBuffer, _ format: ReportText.Format) {
        let assumptions = self.assumptions
        guard !assumptions.isEmpty else { return }
        out.append(
            format == .markdown ? "\n## Assumptions\n\n" : "<section id=\"assumptions\">\n<h2>Assumptions</h2>\n<p>")
        out.append(ReportText.estimateLegend, prose: format)
        out.append(format == .markdown ? "\n\n" : "</p>\n<ul>\n")
        for finding in assumptions {
            out.append(format == .markdown ? "- " : "<li>")
            if let location = finding.location {
                out.append(location.description, prose: format)
                out.append(": ")
            }
            out.append(finding.message, prose: format)
            out.append(" [missing-share]")
            out.append(format == .markdown ? "\n" : "</li>\n")
        }
        out.append(format == .markdown ? "" : "</ul>\n</section>\n")
    }

    /// The report's ten most important actions: the first ten by score (``GapReport/actions()``).
    static func topActions(_ actions: [DevelopmentAction]) -> ArraySlice<DevelopmentAction> { actions.prefix(10) }

    /// What to do, and for whom: every staff group the action serves, by name.
    static func actionTitle(_ action: DevelopmentAction) -> String {
        let verb =
            action.kind == .extendFramework
            ? "Extend the framework to cover " : "Find, adapt or commission education for "
        let names = action.groups.map(\.name)
        guard let last = names.last, names.count > 1 else { return verb + (names.first ?? "") }
        return verb + names.dropLast().joined(separator: ", ") + " and " + last
    }

    /// An action's reach and score, as a sentence.
    static func reachText(_ action: DevelopmentAction) -> String {
        let patients = ReportText.readablePatients(action.patientsPerYear, estimated: action.patientsEstimated)
        let groups = ReportText.plural(action.groups.count, "staff group")
        let steps = ReportText.plural(action.steps.count, "step")
        let projects = ReportText.plural(action.projects.count, "project")
        let classes = action.classes.map(\.rawValue).joined(separator: ", ")
        let score = ReportText.score(action.score, estimated: action.patientsEstimated)
        return "\(patients) patients/yr, \(groups), \(steps), \(projects); \(classes). Score \(score)."
    }

    /// The projects with their sizes and gap counts.
    func appendProjectTable(to out: inout TextBuffer, _ format: ReportText.Format) {
        out.appendTableHead(
            ["Project", "Title", "Status", "Pathways", "Steps", "Sub-pathways", "Gaps"], numeric: [3, 4, 5, 6], format)
        for analysis in projects {
            let manifest = analysis.project.manifest
            out.beginRow(format)
            out.appendCell(manifest.id, format)
            out.appendCell(manifest.title, format)
            out.appendCell(manifest.status.rawValue, format)
            out.appendCell(analysis.pathways.count, format, numeric: true)
            out.appendCell(analysis.pathways.reduce(0) { $0 + $1.steps.count }, format, numeric: true)
            out.appendCell(
                analysis.pathways.reduce(0) { $0 + $1.decomposition.subpathways.count }, format, numeric: true)
            out.appendCell(analysis.gapCount, format, numeric: true)
            out.endRow(format)
        }
        out.appendTableEnd(format)
    }

    /// Every gap in priority order. Markdown gives the reach in one column; HTML gives steps and projects reached
    /// in two sortable ones.
    ///
    /// - Parameter limit: The most rows to write (the first in priority order).
    func appendGapTable(to out: inout TextBuffer, _ format: ReportText.Format, limit: Int = .max) {
        switch format {
        case .markdown:
            out.appendTableHead(
                [
                    "#", "Severity", "Class", "Where", "Who / what", "Patients/yr",
                    "Reach (steps, sub-pathways, projects)", "Gap", "Suggested action", "Source",
                ], numeric: [0, 5], format)
        case .html:
            out.appendTableHead(
                [
                    "#", "Severity", "Class", "Where", "Who / what", "Patients/yr", "Steps reached", "Projects reached",
                    "Gap", "Suggested action", "Source",
                ], numeric: [0, 5, 6, 7], format, id: "gap-table")
        }
        var scratch = TextBuffer()
        gaps.withUnsafeBufferPointer { gaps in
            for index in gaps.indices.prefix(limit) {
                out.appendGapRow(gaps[index], priority: index + 1, format, scratch: &scratch)
            }
        }
        out.appendTableEnd(format)
    }

    /// A staff group's competencies to develop, highest priority first.
    ///
    /// - Parameter links: In HTML, where the steps link to (their framework tables).
    static func appendNeedTable(
        _ needs: [CompetencyNeed], to out: inout TextBuffer, _ format: ReportText.Format, links: HTMLLinks? = nil
    ) {
        out.appendTableHead(
            [
                "Score (patients × severity × sharing × cost)", "Priority", "Competency", "Level", "Gaps", "Steps",
                "Sub-pathways", "Projects", "Patients/yr", "Candidate resources",
            ], numeric: [0, 1, 6, 8], format)
        for need in needs {
            out.beginRow(format)
            if format == .html {
                out.append("<td class=\"num\" data-sort=\"")
                out.append(Int(need.score.value.rounded()))
                out.append("\">")
                out.appendHTML(ReportText.score(need.score, estimated: need.patientsEstimated))
                out.append("</td>")
            } else {
                out.appendCell(ReportText.score(need.score, estimated: need.patientsEstimated), format)
            }
            out.appendCell(need.priority, format, numeric: true)
            out.appendCell(competencyText(need.competency, need.statement, need.writtenAs), format)
            out.appendCell(need.requiredLevel ?? "", format)
            out.appendCell(need.classes.lazy.map(\.rawValue), separator: ", ", format)
            out.beginCell(format)
            if let links {
                links.appendTableLinks(for: need.steps, to: &out)
            }
            for (index, step) in need.steps.enumerated() {
                // As `StepReference.label` writes them.
                if index > 0 { out.append(", ") }
                out.append(step.project, escaping: format)
                out.append("/")
                out.append(step.pathway.rawValue, escaping: format)
                out.append("/")
                out.append(step.step.rawValue, escaping: format)
            }
            out.endCell(format)
            out.appendCell(need.subpathways, format, numeric: true)
            out.appendCell(need.projects, separator: ", ", format)
            out.appendPatientsCell(need.patientsPerYear, estimated: need.patientsEstimated, format)
            out.appendCell(need.candidates.lazy.map(\.label), separator: "; ", format)
            out.endRow(format)
        }
        out.appendTableEnd(format)
    }

    /// The needs shared by several projects, widest first.
    static func appendSharedTable(_ shared: [SharedNeed], to out: inout TextBuffer, _ format: ReportText.Format) {
        out.appendTableHead(
            ["Competency", "Projects", "Staff groups", "Gaps", "Steps", "Patients/yr", "Candidate resources"],
            numeric: [4, 5], format)
        for need in shared {
            out.beginRow(format)
            out.appendCell(competencyText(need.competency, need.statement, []), format)
            out.appendCell(need.projects, separator: ", ", format)
            out.appendCell(need.staffGroups, separator: ", ", format)
            out.appendCell(need.classes.lazy.map(\.rawValue), separator: ", ", format)
            out.appendCell(need.steps, format, numeric: true)
            out.appendPatientsCell(need.patientsPerYear, estimated: need.patientsEstimated, format)
            out.appendCell(need.candidates.lazy.map(\.label), separator: "; ", format)
            out.endRow(format)
        }
        out.appendTableEnd(format)
    }

    /// The framework table of a sub-pathway: step, who, what they need to know, resources, gaps. Lists are one
    /// item after another in Markdown, bulleted in HTML.
    static func appendFrameworkTable(_ table: FrameworkTable, to out: inout TextBuffer, _ format: ReportText.Format) {
        out.appendTableHead(
            ["Step", "Who", "What they need to know", "Education resources", "Gaps"], numeric: [], format)
        for row in table.rows {
            out.beginRow(format, severity: row.worstSeverity)
            out.beginCell(format)
            out.append(row.label, escaping: format)
            switch format {
            case .markdown:
                out.append(" (")
                out.appendCode(row.step.rawValue, format)
                out.append(")")
            case .html:
                out.append(" ")
                out.appendCode(row.step.rawValue, format)
            }
            out.endCell(format)
            out.appendListCell(row.who, format)
            out.appendListCell(row.knowledge, format)
            out.appendListCell(row.resources, format)
            out.appendCell(row.gaps.lazy.map(\.rawValue), separator: ", ", format)
            out.endRow(format)
        }
        out.appendTableEnd(format)
    }

    /// The heading of a staff group's needs: its name, then its id as code (as written, in Markdown).
    static func appendGroupHeading(_ group: StaffGroupNeeds, to out: inout TextBuffer, _ format: ReportText.Format) {
        out.append(format == .markdown ? "### " : "<h3>")
        out.append(group.name, prose: format)
        if let id = group.staffGroup {
            switch format {
            case .markdown:
                out.append(" (`")
                out.append(id.rawValue)
                out.append("`)")
            case .html:
                out.append(" ")
                out.appendCode(id.rawValue, format)
            }
        }
        out.append(format == .markdown ? "\n\n" : "</h3>\n")
    }

    /// The resources overdue for review, one row each with where it is relied on (``staleResources()``); a
    /// sentence when there are none. In HTML each title links to the resource's web address.
    func appendStaleTable(
        to out: inout TextBuffer, _ format: ReportText.Format, links: HTMLLinks? = nil, limit: Int = .max
    ) {
        let stale = staleResources()
        guard !stale.isEmpty else {
            out.append(
                format == .markdown
                    ? (asOf == nil
                        ? "Review dates not checked (no `--as-of`).\n" : "No resource is overdue for review.\n")
                    : (asOf == nil
                        ? "<p>Review dates not checked (no <code>--as-of</code>).</p>\n"
                        : "<p>No resource is overdue for review.</p>\n"))
            return
        }
        var titles: [ResourceID: String] = [:]
        for analysis in projects {
            for resource in analysis.project.resources where titles[resource.id] == nil {
                titles[resource.id] = resource.title
            }
        }
        out.appendTableHead(
            ["Priority", "Resource", "Relied on for", "Staff groups", "Steps", "Projects"], numeric: [0], format)
        for entry in stale.prefix(limit) {
            out.beginRow(format, severity: .note)
            out.appendCell(entry.priority, format, numeric: true)
            out.beginCell(format)
            let title = titles[entry.resource] ?? entry.resource.rawValue
            if let links {
                links.appendResource(entry.resource, label: title, to: &out)
            } else {
                out.append(title, escaping: format)
            }
            out.append(" ")
            out.appendCode(entry.resource.rawValue, format)
            out.endCell(format)
            out.appendCell(entry.competencies.lazy.map(\.rawValue), separator: ", ", format)
            out.appendCell(entry.staffGroups.lazy.map(\.rawValue), separator: ", ", format)
            out.appendCell(entry.steps.lazy.map(\.label), separator: ", ", format)
            out.appendCell(entry.projects, separator: ", ", format)
            out.endRow(format)
        }
        out.appendTableEnd(format)
    }

    /// A staff group's capacity and training gaps, as a list: class, project, what is missing, what to do.
    static func appendWorkforceList(_ gaps: [Gap], to out: inout TextBuffer, _ format: ReportText.Format) {
        guard !gaps.isEmpty else { return }
        if format == .html { out.append("<ul>\n") }
        for gap in gaps {
            out.append(format == .markdown ? "- " : "<li>")
            out.appendCode(gap.gapClass.rawValue, format)
            out.append(" (")
            out.append(gap.project, prose: format)
            out.append("): ")
            out.append(gap.message, prose: format)
            out.append(" — ")
            out.append(gap.suggestedAction, prose: format)
            out.append(format == .markdown ? "\n" : "</li>\n")
        }
        out.append(format == .markdown ? "\n" : "</ul>\n")
    }

    /// The heading of a framework table, `project / sub-pathway: title`, and the line under it: `12 steps, 30
    /// patients/yr, a loop.`
    static func appendFrameworkHeading(_ table: FrameworkTable, to out: inout TextBuffer, _ format: ReportText.Format) {
        out.append(format == .markdown ? "\n### " : "<h3>")
        out.append(table.project, prose: format)
        out.append(" / ")
        out.append(table.subpathway.id, prose: format)
        out.append(": ")
        out.append(table.subpathway.title, prose: format)
        out.append(format == .markdown ? "\n\n" : "</h3>\n<p>")
        let volume =
            ", \(ReportText.readablePatients(table.patientsPerYear, estimated: table.patientsEstimated)) patients/yr"
        out.append(
            "\(ReportText.plural(table.rows.count, "step"))\(volume)\(table.subpathway.isCyclic ? ", a loop" : "").",
            prose: format)
        out.append(format == .markdown ? "\n\n" : "</p>\n")
    }
}

extension TextBuffer {
    /// Appends the row of a gap in the table of gaps by priority.
    ///
    /// - Parameter scratch: Room for the gap's message and action on their way to the row.
    mutating func appendGapRow(
        _ gap: borrowing Gap, priority: Int, _ format: ReportText.Format, scratch: inout TextBuffer
    ) {
        let reach = gap.reach
        if format == .html {
            // What the page's filters read.
            append("<tr class=\"sev-")
            append(gap.severity.rawValue)
            append("\" data-project=\"")
            appendHTML(gap.project)
            append("\" data-group=\"")
            appendHTML(gap.staffGroup?.rawValue ?? "")
            append("\" data-severity=\"")
            append(gap.severity.rawValue)
            append("\" data-class=\"")
            append(gap.gapClass.rawValue)
            append("\">")
        } else {
            beginRow(format, severity: gap.severity)
        }
        appendCell(priority, format, numeric: true)
        if format == .html {
            // Sorted by rank (error, warning, note), not by name.
            append("<td data-sort=\"")
            append(Int(GapReport.severityRank(gap.severity)))
            append("\">")
            append(gap.severity.rawValue)
            append("</td>")
        } else {
            appendCell(gap.severity.rawValue, format)
        }
        appendCodeCell(gap.gapClass.rawValue, format)
        beginCell(format)
        ReportText.appendPlace(gap, to: &self, escaping: format)
        endCell(format)
        beginCell(format)
        ReportText.appendSubject(gap, to: &self, escaping: format)
        endCell(format)
        appendPatientsCell(gap.patientsPerYear, estimated: gap.patientsEstimated, format)
        switch format {
        case .markdown:
            beginCell(format)
            append(reach.steps)
            append(", ")
            append(reach.subpathways)
            append(", ")
            append(reach.projects)
            endCell(format)
        case .html:
            appendCell(reach.steps, format, numeric: true)
            appendCell(reach.projects, format, numeric: true)
        }
        beginCell(format)
        scratch.removeAll()
        gap.appendMessage(to: &scratch)
        scratch.withBytes { append(utf8: $0, escaping: format) }
        endCell(format)
        beginCell(format)
        scratch.removeAll()
        gap.appendSuggestedAction(to: &scratch)
        scratch.withBytes { append(utf8: $0, escaping: format) }
        endCell(format)
        beginCell(format)
        ReportText.appendLocation(gap.location, to: &self, escaping: format)
        endCell(format)
        endRow(format)
    }

    /// Appends the head of a table, up to its first row: in Markdown the heading row and the alignment row
    /// (numeric columns right-aligned); in HTML a sortable table's head, headings escaped and numeric columns
    /// marked for the sorter, and its open body.
    mutating func appendTableHead(
        _ headings: [String], numeric: Set<Int>, _ format: ReportText.Format, id: String? = nil
    ) {
        switch format {
        case .markdown:
            append("|")
            for heading in headings {
                append(" ")
                append(heading)
                append(" |")
            }
            append("\n|")
            for index in headings.indices { append(numeric.contains(index) ? "---:|" : "---|") }
            append("\n")
        case .html:
            append(
                id.map { "<table class=\"sortable\" id=\"\($0)\">\n<thead><tr>" }
                    ?? "<table class=\"sortable\">\n<thead><tr>")
            for (index, heading) in headings.enumerated() {
                append(numeric.contains(index) ? "<th scope=\"col\" data-type=\"number\">" : "<th scope=\"col\">")
                appendHTML(heading)
                append("</th>")
            }
            append("</tr></thead>\n<tbody>\n")
        }
    }

    /// Closes a table opened by ``appendTableHead(_:numeric:_:)`` (nothing in Markdown).
    mutating func appendTableEnd(_ format: ReportText.Format) {
        if format == .html { append("</tbody>\n</table>\n") }
    }

    /// Opens a row; in HTML, classed by a severity where there is one (for colouring).
    mutating func beginRow(_ format: ReportText.Format, severity: Severity? = nil) {
        switch format {
        case .markdown:
            append("|")
        case .html:
            guard let severity else {
                append("<tr>")
                return
            }
            append("<tr class=\"sev-")
            append(severity.rawValue)
            append("\">")
        }
    }

    /// Closes a row and the line.
    mutating func endRow(_ format: ReportText.Format) {
        append(format == .markdown ? "\n" : "</tr>\n")
        drainIfFull()
    }

    /// Opens a cell; in HTML, right-aligned in a numeric column.
    mutating func beginCell(_ format: ReportText.Format, numeric: Bool = false) {
        append(format == .markdown ? " " : numeric ? "<td class=\"num\">" : "<td>")
    }

    /// Closes a cell.
    mutating func endCell(_ format: ReportText.Format) {
        append(format == .markdown ? " |" : "</td>")
    }

    /// Appends a cell of text, escaped.
    mutating func appendCell(_ text: String, _ format: ReportText.Format, numeric: Bool = false) {
        beginCell(format, numeric: numeric)
        append(text, escaping: format)
        endCell(format)
    }

    /// Appends a cell holding an integer.
    mutating func appendCell(_ value: Int, _ format: ReportText.Format, numeric: Bool = false) {
        beginCell(format, numeric: numeric)
        append(value)
        endCell(format)
    }

    /// Appends a cell of texts with `separator` between them, each escaped.
    mutating func appendCell(_ texts: some Sequence<String>, separator: String, _ format: ReportText.Format) {
        beginCell(format)
        append(texts, separator: separator, escaping: format)
        endCell(format)
    }

    /// Appends code (a class or id), escaped: in backticks in Markdown, a `<code>` element in HTML.
    mutating func appendCode(_ text: String, _ format: ReportText.Format) {
        append(format == .markdown ? "`" : "<code>")
        append(text, escaping: format)
        append(format == .markdown ? "`" : "</code>")
    }

    /// Appends a cell of code.
    mutating func appendCodeCell(_ text: String, _ format: ReportText.Format) {
        beginCell(format)
        appendCode(text, format)
        endCell(format)
    }

    /// Appends a cell of a list: in Markdown the items separated by `; `; in HTML nothing, one item, or a bulleted
    /// list.
    mutating func appendListCell(_ items: [String], _ format: ReportText.Format) {
        guard format == .html, items.count > 1 else {
            appendCell(items, separator: "; ", format)
            return
        }
        beginCell(format)
        append("<ul>")
        for item in items {
            append("<li>")
            appendHTML(item)
            append("</li>")
        }
        append("</ul>")
        endCell(format)
    }
}
