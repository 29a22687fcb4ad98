/// Writes a pathway as plain Graphviz DOT, with every step field in the attribute convention the DOT importer
/// reads back, so that native → DOT → native keeps the pathway (source locations aside).
///
/// Convention: the graph's `label` is the title and `description` its description; each node carries `label`,
/// `kind`, a `shape` for the kind (start and end `ellipse`, activity `box`, decision `diamond`, merge `circle`,
/// parallel `box` with `peripheries=2`, reference `box3d`), and, where set, `stage`, `setting`,
/// `staff_groups` and `competencies` (`;`-separated; a competency's level after `@`), `notes`, `sources`,
/// `test_codes`, `patients_per_year`, `reference`, `no_competency_reason`, `test_directory`, `reading`,
/// `reading_note`; each edge carries `label` (the condition), `share` and `share_source`. (The styled flowchart for reading is the Graphviz module's; this one is for exchange.)
public enum PathwayDOTWriter {
    /// The DOT text of a pathway.
    ///
    /// - Complexity: O(steps + transitions).
    public static func text(for pathway: Pathway) -> String { text(for: PathwayIndex(pathway)) }

    /// The DOT text of an indexed pathway, statement after statement from its side tables.
    ///
    /// - Complexity: O(steps + transitions).
    public static func text(for index: PathwayIndex) -> String {
        var out = "digraph \(quote(index.id.rawValue)) {\n"
        out += "  label=\(quote(index.title));\n"
        if let description = index.description { out += "  description=\(quote(description));\n" }
        func addStep(_ step: some StepRecord) {
            var attributes: [(String, String)] = [("label", step.label), ("kind", step.kind.rawValue)]
            attributes += shape(for: step.kind)
            if let stage = step.stage { attributes.append(("stage", stage)) }
            if let setting = step.setting { attributes.append(("setting", setting)) }
            if !step.staffGroups.isEmpty {
                attributes.append(("staff_groups", step.staffGroups.map(\.rawValue).joined(separator: ";")))
            }
            if !step.competencies.isEmpty {
                attributes.append(
                    (
                        "competencies",
                        step.competencies.map(\.written)
                            .joined(separator: ";")
                    ))
            }
            if let notes = step.notes { attributes.append(("notes", notes)) }
            if !step.sources.isEmpty { attributes.append(("sources", step.sources.joined(separator: ";"))) }
            if !step.testCodes.isEmpty { attributes.append(("test_codes", step.testCodes.joined(separator: ";"))) }
            if let patients = step.patientsPerYear {
                attributes.append(("patients_per_year", OrderedTree.format(patients)))
            }
            if let reference = step.reference { attributes.append(("reference", reference)) }
            if let reason = step.noCompetencyReason { attributes.append(("no_competency_reason", reason)) }
            if let directory = step.testDirectory { attributes.append(("test_directory", directory)) }
            if let reading = step.reading { attributes.append(("reading", reading.rawValue)) }
            if let note = step.readingNote { attributes.append(("reading_note", note)) }
            out += "  \(quote(step.id.rawValue)) [\(list(attributes))];\n"
        }
        index.forEachWrittenStep { written in
            switch written {
            case .indexed(let step): addStep(PathwayIndex.StepView(index: index, step: step))
            case .duplicate(let step): addStep(step)
            }
        }
        func addTransition(_ transition: some TransitionRecord) {
            var attributes: [(String, String)] = []
            if let condition = transition.condition { attributes.append(("label", condition)) }
            if let share = transition.share { attributes.append(("share", OrderedTree.format(share))) }
            if let source = transition.source { attributes.append(("share_source", source)) }
            out += "  \(quote(transition.from.rawValue)) -> \(quote(transition.to.rawValue))"
            out += attributes.isEmpty ? ";\n" : " [\(list(attributes))];\n"
        }
        index.forEachWrittenTransition { written in
            switch written {
            case .indexed(let transition):
                addTransition(PathwayIndex.TransitionView(index: index, transition: transition))
            case .dangling(let transition): addTransition(transition)
            }
        }
        return out + "}\n"
    }

    static func shape(for kind: StepKind) -> [(String, String)] {
        switch kind {
        case .start, .end: [("shape", "ellipse")]
        case .activity: [("shape", "box")]
        case .decision: [("shape", "diamond")]
        case .merge: [("shape", "circle")]
        case .parallel: [("shape", "box"), ("peripheries", "2")]
        case .reference: [("shape", "box3d")]
        }
    }

    static func list(_ attributes: [(String, String)]) -> String {
        attributes.map { "\($0.0)=\(quote($0.1))" }.joined(separator: ", ")
    }

    /// A DOT double-quoted string: `"` and `\` escaped, line breaks as `\n` (read back by the importer).
    public static func quote(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r\n": out += "\\n"
            case "\r": out += "\\n"
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
