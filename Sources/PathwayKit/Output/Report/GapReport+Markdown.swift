import Foundation

extension GapReport {
    /// The report as Markdown: summary, gaps by priority, development needs per staff group, needs shared across
    /// projects, and the framework table of every sub-pathway.
    public func markdown() -> String {
        var out = "# Gap report\n\n"
        out += header().map { "- \(Self.mdText($0))\n" }.joined() + "\n"

        out += "## Summary\n\n"
        out += "| Gap class | Severity | Count | Meaning |\n|---|---|---:|---|\n"
        for gapClass in GapClass.allCases {
            out += Self.mdRow([
                "`\(gapClass.rawValue)`", gapClass.defaultSeverity.rawValue, String(count(of: gapClass)),
                gapClass.summary,
            ])
        }
        out +=
            "\n| Project | Title | Status | Pathways | Steps | Sub-pathways | Gaps |\n|---|---|---|---:|---:|---:|---:|\n"
        for analysis in projects {
            let manifest = analysis.project.manifest
            out += Self.mdRow([
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
                out += Self.mdRow([
                    String(index + 1), gap.severity.rawValue, "`\(gap.gapClass.rawValue)`", ReportText.place(gap),
                    ReportText.subject(gap), ReportText.patients(gap.patientsPerYear),
                    "\(gap.reach.steps), \(gap.reach.subpathways), \(gap.reach.projects)", gap.message,
                    gap.suggestedAction, ReportText.location(gap.location),
                ])
            }
        }

        out += "\n## Education and workforce development needs\n\n"
        let needs = self.needs()
        if needs.isEmpty { out += "No development needs found.\n" }
        for group in needs {
            out += "### \(Self.mdText(group.name))\(group.staffGroup.map { " (`\($0)`)" } ?? "")\n\n"
            if !group.competencies.isEmpty {
                out +=
                    "| Priority | Competency | Level | Gaps | Steps | Sub-pathways | Projects | Patients/yr | Candidate resources |\n"
                out += "|---:|---|---|---|---|---:|---|---:|---|\n"
                for need in group.competencies {
                    out += Self.mdRow([
                        String(need.priority), Self.competencyText(need.competency, need.statement, need.writtenAs),
                        need.requiredLevel ?? "", need.classes.map(\.rawValue).joined(separator: ", "),
                        need.steps.map(\.label).joined(separator: ", "), String(need.subpathways),
                        need.projects.joined(separator: ", "), ReportText.patients(need.patientsPerYear),
                        need.candidates.map(\.label).joined(separator: "; "),
                    ])
                }
                out += "\n"
            }
            for gap in group.workforce {
                out +=
                    "- `\(gap.gapClass.rawValue)` (\(Self.mdText(gap.project))): \(Self.mdText(gap.message)) — \(Self.mdText(gap.suggestedAction))\n"
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
                out += Self.mdRow([
                    Self.competencyText(need.competency, need.statement, []), need.projects.joined(separator: ", "),
                    need.staffGroups.joined(separator: ", "), need.classes.map(\.rawValue).joined(separator: ", "),
                    String(need.steps), ReportText.patients(need.patientsPerYear),
                    need.candidates.map(\.label).joined(separator: "; "),
                ])
            }
        }

        out += "\n## Framework tables\n"
        for table in frameworkTables() {
            let volume = table.patientsPerYear.map { ", \(ReportText.patients($0)) patients/yr" } ?? ""
            out +=
                "\n### \(Self.mdText(table.project)) / \(Self.mdText(table.subpathway.id)): \(Self.mdText(table.subpathway.title))\n\n"
            out +=
                "\(ReportText.plural(table.rows.count, "step"))\(volume)\(table.subpathway.isCyclic ? ", a loop" : "").\n\n"
            out += "| Step | Who | What they need to know | Education resources | Gaps |\n|---|---|---|---|---|\n"
            for row in table.rows {
                out += Self.mdRow([
                    "\(row.label) (`\(row.step)`)", row.who.joined(separator: "; "),
                    row.knowledge.joined(separator: "; "),
                    row.resources.joined(separator: "; "), row.gaps.map(\.rawValue).joined(separator: ", "),
                ])
            }
        }
        return out
    }

    /// The lines under the title (plain text): date, strategy, projects, totals.
    func header() -> [String] {
        let totals = self.totals
        return [
            "Schema: \(Self.schema)",
            "As of: \(asOf?.rawValue ?? "not given (review dates not checked)")",
            "Decomposition: \(strategy.rawValue)",
            "Projects: \(projects.map(\.project.manifest.id).joined(separator: ", "))",
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

    /// A table row, every cell escaped.
    static func mdRow(_ cells: [String]) -> String {
        "| " + cells.map(mdCell).joined(separator: " | ") + " |\n"
    }

    /// Text escaped for a Markdown table cell: pipes and backslashes escaped, angle brackets and ampersands as
    /// entities (so no label can open raw HTML), line breaks as spaces. Backticks written by the writer are kept.
    static func mdCell(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "|") || ReportText.isMarkdownSpecial($0) }) { return text }
        return mdText(text).replacingOccurrences(of: "|", with: "\\|")
    }

    /// Text escaped for Markdown prose.
    static func mdText(_ text: String) -> String {
        if !text.utf8.contains(where: ReportText.isMarkdownSpecial) { return text }
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
