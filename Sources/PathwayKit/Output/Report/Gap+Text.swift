// The words of a gap: made here, by the writers, from what the analysis found (``GapText``, data only).

extension Gap: CustomStringConvertible {
    /// What is missing, in one sentence.
    public var message: String { text.message(for: self) }

    /// What to do: find or write a resource, train a group, name a group, extend a framework.
    public var suggestedAction: String { text.action(for: self) }

    /// Appends ``message`` to a buffer, without making a `String` of it.
    func appendMessage(to out: inout TextBuffer) { text.appendMessage(for: self, to: &out) }

    /// Appends ``suggestedAction`` to a buffer, without making a `String` of it.
    func appendSuggestedAction(to out: inout TextBuffer) { text.appendAction(for: self, to: &out) }

    /// `file:line:col: severity: message [class]`, as compilers print it.
    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(severity.rawValue): \(message) [\(gapClass.rawValue)]"
    }
}

extension GapText {
    func message(for gap: Gap) -> String {
        if case .written(let message, _) = self { return message }
        var out = TextBuffer()
        appendMessage(for: gap, to: &out)
        return out.text
    }

    func action(for gap: Gap) -> String {
        if case .written(_, let action) = self { return action }
        var out = TextBuffer()
        appendAction(for: gap, to: &out)
        return out.text
    }

    /// Appends the message (what is missing) of a gap, as UTF-8.
    func appendMessage(for gap: borrowing Gap, to out: inout TextBuffer) {
        let step = gap.step?.rawValue ?? "?"
        let id = gap.competency?.rawValue ?? "?"
        switch self {
        case .written(let message, _): out.append(message)
        case .unstaffed: out.append("step '", step, "' (", gap.stepLabel ?? step, ") names no staff group")
        case .uncovered: out.append("step '", step, "' (", gap.stepLabel ?? step, ") has no competency mapped")
        case .undefined:
            out.append(
                "competency '", id, "' needed at step '", step, "' (", gap.stepLabel ?? step,
                ") is not defined in any loaded framework")
        case .roleOutside(let who):
            out.append(
                "framework '", gap.framework?.rawValue ?? "?", "' does not write competency '", id, "' for ", who,
                ", who deliver step '", step, "'")
        case .stale(let review):
            out.append("resource '", gap.resource?.rawValue ?? "?", "' (", review.title, ") for '", id, "'")
            switch review.rule {
            case .due(let due): out.append(" was due for review on ", due, ", before ", review.asOf)
            case .lastReviewed(let date, let months):
                out.append(
                    " was last reviewed on ", date, ", more than ", String(months), " months before ", review.asOf)
            }
        case .noResource(let who, let candidates):
            out.append("no education resource fully develops '", id, "'")
            if let level = gap.requiredLevel { out.append(" at level ", level) }
            out.append(" for ", who, " at step '", step, "'")
            if candidates == 1 {
                out.append("; 1 candidate goes part of the way")
            } else if candidates != 0 {
                out.append("; ", String(candidates), " candidates go part of the way")
            }
        case .placeholder(let who, let title):
            out.append(
                "the only resource for '", id, "' for ", who, " at step '", step, "' is a placeholder ('", title, "')")
        case .belowLevel(let who, let best):
            out.append(
                "resources for '", id, "' for ", who, " reach level ", best ?? "?", " at most; step '", step,
                "' needs level ", gap.requiredLevel ?? "?")
        case .repeated(let repeated):
            out.append("'", id, "' is fully developed by ", String(repeated.entries.count), " resources from ")
            out.append(String(repeated.providers), " providers, to the same level and for a shared audience: ")
            for (index, entry) in repeated.entries.enumerated() {
                if index > 0 { out.append(", ") }
                out.append("'", entry.resource.rawValue, "' (", entry.provider ?? "?")
                if let level = entry.level { out.append(", level ", level) }
                out.append(")")
            }
        case .inHand(let who, let title, let owner, let expected):
            out.append("no available resource develops '", id, "' for ", who, " yet; '", gap.resource?.rawValue ?? "?")
            out.append("' (", title, ") is in development by ", owner ?? "an owner not named")
            if let expected { out.append(", expected ", expected) } else { out.append(", with no expected date") }
        case .developedTwice(let repeated, let owners):
            out.append("'", id, "' is being developed twice: ", owners.joined(separator: " and "))
            out.append(
                " are each developing a resource that will fully develop it, to the same level and for a shared ",
                "audience: ")
            for (index, entry) in repeated.entries.enumerated() {
                if index > 0 { out.append(", ") }
                out.append("'", entry.resource.rawValue, "' (", entry.provider ?? "?")
                if let expected = entry.expected { out.append(", expected ", expected) }
                out.append(")")
            }
        case .capacity(let who, let setting, let inPost, let needed):
            out.append(who)
            if let setting { out.append(" in ", setting) }
            out.append(": ", String(inPost), " in post, ", String(needed), " needed (")
            out.append(String(needed - inPost), " short)")
        case .training(let who, let setting, let trained, let needed, let inPost):
            out.append(who)
            if let setting { out.append(" in ", setting) }
            out.append(": ", String(trained), " trained for the pathway's genomic steps (")
            if let needed { out.append(String(needed), " needed") }
            if let inPost { out.append(needed == nil ? "" : ", ", String(inPost), " in post") }
            out.append(")")
        }
    }

    /// Appends the suggested action (what to do) for a gap, as UTF-8.
    func appendAction(for gap: borrowing Gap, to out: inout TextBuffer) {
        let id = gap.competency?.rawValue ?? "?"
        switch self {
        case .written(_, let action): out.append(action)
        case .unstaffed: out.append("Name the staff group that delivers this step (method step 6).")
        case .uncovered:
            out.append(
                "Map the step to the competencies it needs (method step 4), or record why none is needed in 'noCompetencyReason'."
            )
        case .undefined:
            out.append("Add '", id, "' to a competency framework, or declare it equivalent to a framework competency.")
        case .roleOutside(let who):
            out.append(
                "Extend framework '", gap.framework?.rawValue ?? "?", "' to cover ", who, " for '", id,
                "', or map the step to a competency written for them.")
        case .stale(let review):
            out.append(
                "Ask ", review.provider ?? "the provider", " to review '", review.title,
                "', or find a current resource for '", id, "'.")
        case .noResource(let who, let candidates):
            out.append("Find or commission a resource that develops '", id, "'")
            if let level = gap.requiredLevel { out.append(" at level ", level) }
            out.append(" for ", who, candidates == 0 ? "." : ", starting from the candidates.")
        case .placeholder:
            out.append("Replace the placeholder with a named resource that develops '", id, "'")
            if let level = gap.requiredLevel { out.append(" at level ", level) }
            out.append(".")
        case .belowLevel(let who, _):
            out.append(
                "Find or develop a resource that reaches level ", gap.requiredLevel ?? "?", " of '", id, "' for ", who,
                ", building on the lower-level ones.")
        case .repeated:
            out.append(
                "Agree with the providers which of these to keep and maintain for '", id,
                "', or record how they differ (audience, depth, format) so that learners are pointed to the right one.")
        case .inHand(let who, _, let owner, _):
            out.append(
                "Point ", who, " to '", gap.resource?.rawValue ?? "?", "' when ", owner ?? "an owner not named",
                " publishes it; until then the need is in hand, not unmet.")
        case .developedTwice(_, let owners):
            out.append(
                "Bring ", owners.joined(separator: " and "), " together to develop one resource for '", id,
                "' (or agree how theirs will differ) before both are finished.")
        case .capacity(let who, let setting, let inPost, let needed):
            out.append("Plan recruitment, or redesign the steps ", who, " deliver")
            if let setting { out.append(" in ", setting) }
            out.append(", to close a gap of ", String(needed - inPost), ".")
        case .training(let who, let setting, let trained, let needed, let inPost):
            out.append("Train ", String(max(needed ?? 0, inPost ?? 0) - trained), " more ", who)
            if let setting { out.append(" in ", setting) }
            out.append(" in the competencies their steps need.")
        }
    }
}
