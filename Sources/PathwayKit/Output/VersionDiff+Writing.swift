extension VersionDiff {
    /// The JSON schema name of ``json()``.
    public static let schema = "pathgap-diff/1"

    // MARK: Text

    /// The differences as plain text, one line per change, pathway by pathway, then the needs (for projects).
    ///
    /// - Returns: The text, ending with a newline.
    public func text() -> String {
        var lines: [String] = []
        for pathway in addedPathwayIndexes {
            lines.append("+ pathway \(pathway.id) (\(pathway.writtenStepCount) steps)")
        }
        for pathway in removedPathwayIndexes {
            lines.append("- pathway \(pathway.id) (\(pathway.writtenStepCount) steps)")
        }
        for diff in pathways {
            lines.append(
                "Pathway \(diff.pathway): steps \(diff.addedSteps.count) added, \(diff.removedSteps.count) removed, "
                    + "\(diff.changedSteps.count) changed; transitions \(diff.addedTransitions.count) added, "
                    + "\(diff.removedTransitions.count) removed, \(diff.changedTransitions.count) changed")
            for step in diff.addedSteps { lines.append("  + step \(Self.describe(step))") }
            for step in diff.removedSteps { lines.append("  - step \(Self.describe(step))") }
            for change in diff.changedSteps {
                let fields = change.fields.filter { $0.field != "id" }
                var line = "  ~ step \(change.step)"
                if let old = change.renamedFrom { line += " (renamed from \(old))" }
                if !fields.isEmpty { line += ": " + fields.map(Self.describe).joined(separator: "; ") }
                lines.append(line)
            }
            for transition in diff.addedTransitions { lines.append("  + transition \(Self.describe(transition))") }
            for transition in diff.removedTransitions { lines.append("  - transition \(Self.describe(transition))") }
            for change in diff.changedTransitions {
                lines.append(
                    "  ~ transition \(change.transition.from) -> \(change.transition.to): "
                        + change.fields.map(Self.describe).joined(separator: "; "))
            }
        }
        if comparesProjects {
            lines.append("Needs opened: \(openedNeeds.count)")
            for need in openedNeeds { lines.append("  + \(Self.describe(need))") }
            lines.append("Needs closed: \(closedNeeds.count)")
            for need in closedNeeds { lines.append("  - \(Self.describe(need))") }
            lines.append("Needs whose reach changed: \(changedNeeds.count)")
            for change in changedNeeds {
                var parts: [String] = []
                if change.old.steps != change.new.steps {
                    let gained = change.new.steps.filter { !change.old.steps.contains($0) }
                    let lost = change.old.steps.filter { !change.new.steps.contains($0) }
                    parts.append(
                        "steps \(change.old.steps.count) → \(change.new.steps.count)"
                            + (gained.isEmpty ? "" : " (+ " + gained.joined(separator: ", ") + ")")
                            + (lost.isEmpty ? "" : " (- " + lost.joined(separator: ", ") + ")"))
                }
                if change.old.patientsPerYear != change.new.patientsPerYear {
                    parts.append(
                        "patients/year \(Self.patients(change.old.patientsPerYear)) → "
                            + Self.patients(change.new.patientsPerYear))
                }
                if change.old.classes != change.new.classes {
                    parts.append(
                        "classes \(change.old.classes.map(\.rawValue).joined(separator: ", ")) → "
                            + change.new.classes.map(\.rawValue).joined(separator: ", "))
                }
                lines.append(
                    "  ~ \(change.new.staffGroup?.rawValue ?? "(no staff group)"): \(change.new.competency): "
                        + parts.joined(separator: "; "))
            }
        }
        if isEmpty { lines.append("No differences.") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func quoted(_ text: String?) -> String {
        guard let text else { return "(none)" }
        return "\"" + text.split(whereSeparator: \.isNewline).joined(separator: " ") + "\""
    }

    static func describe(_ step: Step) -> String { "\(step.id) \(quoted(step.label)) (\(step.kind.rawValue))" }

    static func describe(_ field: PathwayDiff.FieldChange) -> String {
        "\(field.field) \(quoted(field.old)) → \(quoted(field.new))"
    }

    static func describe(_ transition: Transition) -> String {
        var text = "\(transition.from) -> \(transition.to)"
        if let condition = transition.condition { text += " [\(condition)]" }
        if let share = transition.share { text += " share \(PathwayDiff.number(share))" }
        return text
    }

    static func describe(_ need: Need) -> String {
        "\(need.staffGroup?.rawValue ?? "(no staff group)"): \(need.competency) ("
            + need.classes.map(\.rawValue).joined(separator: ", ")
            + "), \(need.steps.count) step\(need.steps.count == 1 ? "" : "s"), "
            + "patients/year \(patients(need.patientsPerYear))"
    }

    static func patients(_ value: Double?) -> String {
        guard let value else { return "unknown" }
        return PathwayDiff.number((value * 10).rounded() / 10)
    }

    // MARK: JSON

    /// The differences as JSON (schema `pathgap-diff/1`): the top-level arrays `addedSteps`, `removedSteps`,
    /// `changedSteps`, `addedTransitions`, `removedTransitions`, `changedTransitions` (always present), and
    /// `openedNeeds`, `closedNeeds`, `changedNeeds` when projects were compared.
    public func json() -> String { jsonTree().json() }

    /// The ordered tree ``json()`` writes.
    public func jsonTree() -> OrderedTree {
        func field(_ change: PathwayDiff.FieldChange) -> OrderedTree {
            .compactMap([
                ("field", .string(change.field)), ("old", change.old.map(OrderedTree.string)),
                ("new", change.new.map(OrderedTree.string)),
            ])
        }
        func step(_ pathway: PathwayID, _ step: Step) -> OrderedTree {
            .map([
                ("pathway", .string(pathway.rawValue)), ("step", .string(step.id.rawValue)),
                ("label", .string(step.label)), ("kind", .string(step.kind.rawValue)),
            ])
        }
        func transition(_ pathway: PathwayID, _ transition: Transition) -> OrderedTree {
            .compactMap([
                ("pathway", .string(pathway.rawValue)), ("from", .string(transition.from.rawValue)),
                ("to", .string(transition.to.rawValue)), ("condition", transition.condition.map(OrderedTree.string)),
                ("share", transition.share.map(OrderedTree.number)),
            ])
        }
        func need(_ need: Need) -> OrderedTree {
            .compactMap([
                ("staffGroup", need.staffGroup.map { .string($0.rawValue) }),
                ("competency", .string(need.competency.rawValue)),
                ("statement", need.statement.map(OrderedTree.string)),
                ("classes", .list(need.classes.map { .string($0.rawValue) })),
                ("steps", .list(need.steps.map(OrderedTree.string))),
                ("patientsPerYear", need.patientsPerYear.map { .number(($0 * 10).rounded() / 10) }),
            ])
        }
        var pairs: [(String, OrderedTree)] = [
            ("schema", .string(Self.schema)),
            ("addedPathways", .list(addedPathwayIndexes.map { .string($0.id.rawValue) })),
            ("removedPathways", .list(removedPathwayIndexes.map { .string($0.id.rawValue) })),
            ("addedSteps", .list(pathways.flatMap { diff in diff.addedSteps.map { step(diff.pathway, $0) } })),
            ("removedSteps", .list(pathways.flatMap { diff in diff.removedSteps.map { step(diff.pathway, $0) } })),
            (
                "changedSteps",
                .list(
                    pathways.flatMap { diff in
                        diff.changedSteps.map { change in
                            .compactMap([
                                ("pathway", .string(diff.pathway.rawValue)), ("step", .string(change.step.rawValue)),
                                ("renamedFrom", change.renamedFrom.map { .string($0.rawValue) }),
                                ("fields", .list(change.fields.map(field))),
                            ])
                        }
                    })
            ),
            (
                "addedTransitions",
                .list(pathways.flatMap { diff in diff.addedTransitions.map { transition(diff.pathway, $0) } })
            ),
            (
                "removedTransitions",
                .list(pathways.flatMap { diff in diff.removedTransitions.map { transition(diff.pathway, $0) } })
            ),
            (
                "changedTransitions",
                .list(
                    pathways.flatMap { diff in
                        diff.changedTransitions.map { change in
                            .map([
                                ("pathway", .string(diff.pathway.rawValue)),
                                ("from", .string(change.transition.from.rawValue)),
                                ("to", .string(change.transition.to.rawValue)),
                                ("fields", .list(change.fields.map(field))),
                            ])
                        }
                    })
            ),
        ]
        if comparesProjects {
            pairs.append(("openedNeeds", .list(openedNeeds.map(need))))
            pairs.append(("closedNeeds", .list(closedNeeds.map(need))))
            pairs.append(
                (
                    "changedNeeds",
                    .list(changedNeeds.map { .map([("old", need($0.old)), ("new", need($0.new))]) })
                ))
        }
        return .map(pairs)
    }
}
