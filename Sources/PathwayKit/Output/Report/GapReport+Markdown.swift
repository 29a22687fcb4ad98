import Foundation

extension GapReport {
    /// The report as Markdown: summary, gaps by priority, development needs per staff group, needs shared across
    /// projects, and the framework table of every sub-pathway.
    public func markdown() -> String { String(decoding: markdownBytes(), as: UTF8.self) }

    /// The text of ``markdown()`` as UTF-8, written without making a `String` per row or cell.
    ///
    /// - Parameter views: The report's views, when already built for another format; `nil` to build them.
    /// - Complexity: O(size of the output), plus building the views.
    public func markdownBytes(views: Views? = nil) -> [UInt8] {
        var out = TextBuffer(capacity: 64 * 1024 + 500 * gaps.count)
        writeMarkdown(views ?? self.views(), to: &out)
        return out.takeBytes()
    }

    /// Writes the text of ``markdownBytes(views:)`` in pieces of at least `chunkSize` bytes (the last may be
    /// shorter), each ending at the end of a line, handing each to `sink` as it is made.
    ///
    /// - Parameter views: The report's views, when already built for another format; `nil` to build them.
    /// - Complexity: O(size of the output), plus building the views; memory O(`chunkSize` + one row).
    public func writeMarkdown(
        views: Views? = nil, chunkSize: Int = 1 << 20, to sink: (UnsafeRawBufferPointer) -> Void
    ) {
        let views = views ?? self.views()
        TextBuffer.streaming(chunkSize: chunkSize, to: sink) { writeMarkdown(views, to: &$0) }
    }

    /// Writes the Markdown document.
    func writeMarkdown(_ views: Views, to out: inout TextBuffer) {
        out.append("# Gap report\n\n")
        for line in header() {
            out.append("- ")
            out.appendMarkdown(line)
            out.append("\n")
        }
        out.append("\n")

        out.append("## Summary\n\n")
        appendClassTable(to: &out, .markdown)
        out.append("\n")
        appendProjectTable(to: &out, .markdown)
        appendAssumptions(to: &out, .markdown)

        out.append("\n## Ten most important actions\n\n")
        let top = Self.topActions(views.actions)
        if top.isEmpty { out.append("No development needs found.\n") }
        for (position, action) in top.enumerated() {
            out.append(String(position + 1))
            out.append(". **")
            out.appendMarkdown(Self.actionTitle(action))
            out.append("**: ")
            out.appendMarkdown(Self.competencyText(action.competency, action.statement, action.writtenAs))
            if let level = action.requiredLevel { out.appendMarkdown(" (level \(level))") }
            out.append(". ")
            out.appendMarkdown(Self.reachText(action))
            out.append("\n")
        }

        out.append("\n## Education and workforce development needs\n\n")
        let needs = views.needs
        if needs.isEmpty { out.append("No development needs found.\n") }
        for group in needs {
            Self.appendGroupHeading(group, to: &out, .markdown)
            if !group.competencies.isEmpty {
                Self.appendNeedTable(group.competencies, to: &out, .markdown)
                out.append("\n")
            }
            Self.appendWorkforceList(group.workforce, to: &out, .markdown)
        }

        out.append("## Resources overdue for review\n\n")
        appendStaleTable(to: &out, .markdown)
        out.append("\n## Needs shared across projects\n\n")
        let shared = projects.count < 2 ? [] : views.sharedNeeds
        if projects.count < 2 {
            out.append("One project in this report; run `pathgap report` over several projects to find shared needs.\n")
        } else if shared.isEmpty {
            out.append("No need is shared by two or more projects.\n")
        } else {
            Self.appendSharedTable(shared, to: &out, .markdown)
        }

        out.append("\n## Gaps by priority\n\n")
        if gaps.isEmpty {
            out.append("No gaps found.\n")
        } else {
            appendGapTable(to: &out, .markdown)
        }
        out.append("\n## Framework tables\n")
        for table in views.frameworkTables {
            Self.appendFrameworkHeading(table, to: &out, .markdown)
            Self.appendFrameworkTable(table, to: &out, .markdown)
        }
    }

    /// The lines under the title (plain text): date, strategy, projects, totals.
    func header() -> [String] {
        let totals = self.totals
        return [
            "Schema: \(Self.schema)",
            "As of: \(asOf?.rawValue ?? "not given (review dates not checked)")",
            "Decomposition: \(strategy.rawValue)",
            "Projects: \(projects.map(\.project.manifest.id).joined(separator: ", "))",
        ] + projects.compactMap { $0.project.catalogueNote.map { "Catalogue: \($0)" } } + [
            "\(ReportText.plural(totals.pathways, "pathway")), \(ReportText.plural(totals.steps, "step")), "
                + "\(ReportText.plural(totals.subpathways, "sub-pathway"))",
            "Gaps: \(gaps.count) (\(count(of: .error)) errors, \(count(of: .warning)) warnings, \(count(of: .note)) notes)",
        ]
    }

    static func competencyText(_ id: CompetencyID, _ statement: String?, _ writtenAs: [CompetencyID]) -> String {
        let aka = writtenAs.isEmpty ? "" : " (also \(writtenAs.map(\.rawValue).joined(separator: ", ")))"
        if let statement, !statement.isEmpty { return "\(statement) [\(id)]\(aka)" }
        return "[\(id)]\(aka)"
    }

}

extension TextBuffer {
    /// Appends text escaped for Markdown prose: backslashes escaped, angle brackets and ampersands as entities (so
    /// that no label can open raw HTML), `(` or `[` right after `]` escaped (so that no label can make a link such
    /// as `[x](javascript:…)`), line breaks, tabs and other control characters as spaces (CR LF as one).
    mutating func appendMarkdown(_ text: String) {
        Self.withUTF8(text) {
            append(utf8: $0, skipping: Self.mayHoldMarkdownSpecial, replacing: Self.markdownReplacement)
        }
    }

    /// Appends text escaped for a Markdown table cell: as ``appendMarkdown(_:)``, and pipes escaped. Backticks
    /// written by the writer are kept.
    mutating func appendMarkdownCell(_ text: String) {
        Self.withUTF8(text) { appendMarkdownCell(utf8: $0) }
    }

    /// ``appendMarkdownCell(_:)`` given the text's UTF-8 bytes.
    mutating func appendMarkdownCell(utf8: UnsafeBufferPointer<UInt8>) {
        let isBytewise = appendBytewise(
            utf8: utf8, skipping: { Self.mayHoldMarkdownSpecial($0) || ByteScan.has($0, UInt8(ascii: "|")) != 0 },
            replacing: { byte, previous in
                byte == UInt8(ascii: "|") ? "\\|" : Self.markdownReplacement(byte, previous)
            })
        guard !isBytewise else { return }
        var prose = TextBuffer()
        prose.appendByCharacter(String(decoding: utf8, as: UTF8.self), replacing: Self.markdownReplacement)
        // Foundation's search skips a pipe that begins a larger character, as the first version of this writer did.
        append(prose.text.replacingOccurrences(of: "|", with: "\\|"))
    }

    /// Whether eight bytes may hold one that Markdown prose replaces.
    static func mayHoldMarkdownSpecial(_ word: UInt64) -> Bool {
        ByteScan.has(word, UInt8(ascii: "\\")) | ByteScan.has(word, UInt8(ascii: "&"))
            | ByteScan.has(word, UInt8(ascii: "<")) | ByteScan.has(word, UInt8(ascii: ">"))
            | ByteScan.has(word, UInt8(ascii: "(")) | ByteScan.has(word, UInt8(ascii: "["))
            | ByteScan.hasBelow(word, 32) | ByteScan.has(word, 127) != 0
    }

    /// What Markdown prose writes for an ASCII byte (given the byte before it), or `nil` to copy it.
    static func markdownReplacement(_ byte: UInt8, _ previous: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "\\"): "\\\\"
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "("): previous == UInt8(ascii: "]") ? "\\(" : nil
        case UInt8(ascii: "["): previous == UInt8(ascii: "]") ? "\\[" : nil
        case 10: previous == 13 ? "" : " "
        case 0..<32, 127: " "
        default: nil
        }
    }
}
