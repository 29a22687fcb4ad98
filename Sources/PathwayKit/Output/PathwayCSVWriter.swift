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
    public static func text(for pathway: Pathway) -> String { text(for: PathwayIndex(pathway)) }

    /// The CSV text of an indexed pathway, row after row from its side tables.
    ///
    /// - Complexity: O(steps + transitions).
    public static func text(for index: PathwayIndex) -> String {
        func row(_ fields: [String]) -> String { fields.map(CSVTokenizer.escape).joined(separator: ",") + "\r\n" }
        var out = row(["pathway", "title", "description"])
        out += row([index.id.rawValue, index.title, index.description ?? ""])
        out += "\r\n" + row(stepHeader)
        func addStep(_ step: some StepRecord) {
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
        index.forEachWrittenStep { written in
            switch written {
            case .indexed(let step): addStep(PathwayIndex.StepView(index: index, step: step))
            case .duplicate(let step): addStep(step)
            }
        }
        out += "\r\n" + row(transitionHeader)
        func addTransition(_ transition: some TransitionRecord) {
            out += row([
                transition.from.rawValue, transition.to.rawValue, transition.condition ?? "",
                transition.share.map(OrderedTree.format) ?? "", transition.source ?? "",
            ])
        }
        index.forEachWrittenTransition { written in
            switch written {
            case .indexed(let transition):
                addTransition(PathwayIndex.TransitionView(index: index, transition: transition))
            case .dangling(let transition): addTransition(transition)
            }
        }
        return out
    }
}
