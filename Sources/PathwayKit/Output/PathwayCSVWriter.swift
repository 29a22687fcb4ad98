/// Writes a pathway as CSV in the one-file spreadsheet form ``SpreadsheetPathwayReader`` reads: a pathway table
/// (`pathway,title,description`), a blank line, the step table, a blank line, the transition table. Fields are
/// quoted as RFC 4180 requires; lists are `;`-separated; lines end with CRLF, as RFC 4180 writes them.
public enum PathwayCSVWriter {
    static let stepHeader = [
        "id", "label", "kind", "stage", "setting", "staffGroups", "competencies", "sources", "notes", "testCodes",
        "patientsPerYear", "reference", "noCompetencyReason", "testDirectory", "reading", "readingNote",
    ]
    static let transitionHeader = ["from", "to", "condition", "share", "shareSource"]

    /// The CSV text of a pathway.
    ///
    /// - Complexity: O(steps + transitions).
    public static func text(for pathway: Pathway) -> String {
        func row(_ fields: [String]) -> String { fields.map(CSVTokenizer.escape).joined(separator: ",") + "\r\n" }
        var out = row(["pathway", "title", "description"])
        out += row([pathway.id.rawValue, pathway.title, pathway.description ?? ""])
        out += "\r\n" + row(stepHeader)
        for step in pathway.steps {
            out += row([
                step.id.rawValue, step.label, step.kind.rawValue, step.stage ?? "", step.setting ?? "",
                step.staffGroups.map(\.rawValue).joined(separator: ";"),
                step.competencies.map(\.written)
                    .joined(separator: ";"),
                step.sources.joined(separator: ";"), step.notes ?? "", step.testCodes.joined(separator: ";"),
                step.patientsPerYear.map(OrderedTree.format) ?? "", step.reference ?? "", step.noCompetencyReason ?? "",
                step.testDirectory ?? "", step.reading?.rawValue ?? "", step.readingNote ?? "",
            ])
        }
        out += "\r\n" + row(transitionHeader)
        for transition in pathway.transitions {
            out += row([
                transition.from.rawValue, transition.to.rawValue, transition.condition ?? "",
                transition.share.map(OrderedTree.format) ?? "", transition.source ?? "",
            ])
        }
        return out
    }
}
