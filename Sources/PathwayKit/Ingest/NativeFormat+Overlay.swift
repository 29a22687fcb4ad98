extension NativeFormat {
    /// Reads a regional overlay file: `overlay` (the national pathway's id), an optional `title`, and `steps` and
    /// `transitions`, each with `add`, `change` and `remove` lists; every entry gives a `reason`. Added steps and
    /// transitions use the pathway schema; a step change may give `label`, `staffGroups`, `competencies` and
    /// `setting`, a transition change `condition` and `share`.
    ///
    /// - Throws: ``InputError`` naming the line of the first problem (an entry with no reason, an unknown key).
    public static func overlay(from text: String, file: String) throws -> PathwayOverlay {
        let root = try document(text, file: file, expecting: .overlay)
        let map = try root.mapping("the overlay", allowed: ["overlay", "title", "steps", "transitions"])
        var overlay = PathwayOverlay(
            pathway: PathwayID(try map.string("overlay")), title: try map.optionalString("title"),
            location: root.location)
        func reason(_ entry: MappingReader, _ node: DocumentNode) throws -> String {
            guard let reason = try entry.optionalString("reason"), !reason.isEmpty else {
                throw InputError("each change of an overlay needs a 'reason'", at: node.location)
            }
            return reason
        }
        if let steps = map["steps"] {
            let lists = try steps.mapping("'steps'", allowed: ["add", "change", "remove"])
            for node in try lists.sequence("add") {
                let entry = try node.mapping("an added step", allowed: stepKeys + ["reason"])
                overlay.addedSteps.append(
                    .init(step: try step(node, extraKeys: ["reason"]), reason: try reason(entry, node)))
            }
            for node in try lists.sequence("change") {
                let entry = try node.mapping(
                    "a step change", allowed: ["id", "reason", "label", "staffGroups", "competencies", "setting"])
                var change = PathwayOverlay.ChangedStep(
                    step: StepID(try entry.string("id")), reason: try reason(entry, node),
                    label: try entry.optionalString("label"), setting: try entry.optionalString("setting"),
                    location: node.location)
                if entry["staffGroups"] != nil {
                    change.staffGroups = try entry.strings("staffGroups").map { StaffGroupID($0) }
                }
                if entry["competencies"] != nil {
                    change.competencies = try entry.sequence("competencies").map { item in
                        if case .scalar = item.value {
                            return CompetencyRequirement(
                                competency: CompetencyID(try item.nonEmptyString("a competency")),
                                location: item.location)
                        }
                        let requirement = try item.mapping("a competency requirement", allowed: ["id", "level"])
                        return CompetencyRequirement(
                            competency: CompetencyID(try requirement.string("id")),
                            level: try requirement.optionalString("level"), location: item.location)
                    }
                }
                overlay.changedSteps.append(change)
            }
            for node in try lists.sequence("remove") {
                let entry = try node.mapping("a step removal", allowed: ["id", "reason"])
                overlay.removedSteps.append(
                    .init(
                        step: StepID(try entry.string("id")), reason: try reason(entry, node), location: node.location))
            }
        }
        if let transitions = map["transitions"] {
            let lists = try transitions.mapping("'transitions'", allowed: ["add", "change", "remove"])
            for node in try lists.sequence("add") {
                let entry = try node.mapping("an added transition", allowed: transitionKeys + ["reason"])
                overlay.addedTransitions.append(
                    .init(transition: try transition(node, extraKeys: ["reason"]), reason: try reason(entry, node)))
            }
            for node in try lists.sequence("change") {
                let entry = try node.mapping(
                    "a transition change", allowed: ["from", "to", "reason", "condition", "share"])
                let share = try entry.optionalDouble("share")
                if let share, !(0...1).contains(share) {
                    throw InputError(
                        "'share' must be between 0 and 1, found \(share)", at: entry["share"]?.location ?? node.location
                    )
                }
                overlay.changedTransitions.append(
                    .init(
                        from: StepID(try entry.string("from")), to: StepID(try entry.string("to")),
                        reason: try reason(entry, node), condition: try entry.optionalString("condition"), share: share,
                        location: node.location))
            }
            for node in try lists.sequence("remove") {
                let entry = try node.mapping("a transition removal", allowed: ["from", "to", "reason"])
                overlay.removedTransitions.append(
                    .init(
                        from: StepID(try entry.string("from")), to: StepID(try entry.string("to")),
                        reason: try reason(entry, node), location: node.location))
            }
        }
        return overlay
    }

    /// Whether a native file's text is an overlay (its top level names `overlay`).
    static func isOverlay(_ text: String, file: String) -> Bool {
        guard let root = try? DocumentNode.parse(text, file: file) else { return false }
        return kind(of: root) == .overlay
    }
}
