/// The structural differences between two versions of one pathway: steps and transitions added, removed and
/// changed, and steps renamed (a new id, but the same label and the same neighbours).
public struct PathwayDiff: Hashable, Sendable {
    /// One field of a step or transition that differs, with its old and new values as text (lists joined with
    /// `, `; a missing value is `nil`).
    public struct FieldChange: Hashable, Sendable {
        public var field: String
        public var old: String?
        public var new: String?

        public init(field: String, old: String?, new: String?) {
            self.field = field
            self.old = old
            self.new = new
        }
    }

    /// A step present in both versions whose fields differ, or whose id changed.
    public struct StepChange: Hashable, Sendable {
        /// The step's id in the new version.
        public var step: StepID
        /// The step's id in the old version, when it was renamed.
        public var renamedFrom: StepID?
        /// The fields that differ (a rename lists `id` first).
        public var fields: [FieldChange]
    }

    /// A transition present in both versions whose condition, share or source of its share differs.
    public struct TransitionChange: Hashable, Sendable {
        /// The transition in the new version.
        public var transition: Transition
        public var fields: [FieldChange]
    }

    /// The pathway's id (in the new version).
    public var pathway: PathwayID
    public var addedSteps: [Step] = []
    public var removedSteps: [Step] = []
    public var changedSteps: [StepChange] = []
    public var addedTransitions: [Transition] = []
    public var removedTransitions: [Transition] = []
    public var changedTransitions: [TransitionChange] = []
    /// Old id → new id of every renamed step.
    public var renames: [StepID: StepID] = [:]

    /// Whether the two versions are the same in structure and fields.
    public var isEmpty: Bool {
        addedSteps.isEmpty && removedSteps.isEmpty && changedSteps.isEmpty && addedTransitions.isEmpty
            && removedTransitions.isEmpty && changedTransitions.isEmpty
    }

    /// Compares two versions of a pathway.
    ///
    /// Steps are matched by id. Of the steps only in the old version and those only in the new one, an old and a
    /// new step with the same label, kind and neighbours (the ids before and after them, with other renames
    /// applied) are one step renamed; matching repeats until no more renames are found, so that a renamed chain is
    /// found step by step. Transitions are matched by their ends (old ends renamed), in order where several join
    /// the same two steps.
    ///
    /// - Parameters:
    ///   - old: The old version.
    ///   - new: The new version.
    /// - Complexity: O(V + E) to match by id, plus O(R² · d) for R unmatched steps of degree d while finding
    ///   renames.
    public init(old: Pathway, new: Pathway) {
        pathway = new.id
        let oldSteps = Self.uniqueSteps(old)
        let newSteps = Self.uniqueSteps(new)
        let newIDs = Set(newSteps.map(\.id))
        let oldIDs = Set(oldSteps.map(\.id))
        var onlyOld = oldSteps.filter { !newIDs.contains($0.id) }
        var onlyNew = newSteps.filter { !oldIDs.contains($0.id) }
        renames = Self.renames(old: old, new: new, onlyOld: onlyOld, onlyNew: onlyNew)
        let renamedTo = Set(renames.values)
        onlyOld.removeAll { renames[$0.id] != nil }
        onlyNew.removeAll { renamedTo.contains($0.id) }
        removedSteps = onlyOld
        addedSteps = onlyNew
        let oldByID = Dictionary(oldSteps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let oldIDOf = Dictionary(renames.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        for step in newSteps {
            let oldID = oldIDOf[step.id] ?? step.id
            guard let before = oldByID[oldID] else { continue }
            var fields = Self.fieldChanges(before, step)
            if oldID != step.id {
                fields.insert(FieldChange(field: "id", old: oldID.rawValue, new: step.id.rawValue), at: 0)
            }
            if !fields.isEmpty {
                changedSteps.append(
                    StepChange(step: step.id, renamedFrom: oldID == step.id ? nil : oldID, fields: fields))
            }
        }
        // Transitions, by their ends with old ids renamed.
        var unmatched: [StepPair: [Transition]] = [:]
        var order: [StepPair] = []
        for transition in old.transitions {
            let pair = StepPair(
                from: renames[transition.from] ?? transition.from, to: renames[transition.to] ?? transition.to)
            if unmatched[pair] == nil { order.append(pair) }
            unmatched[pair, default: []].append(transition)
        }
        for transition in new.transitions {
            let pair = StepPair(from: transition.from, to: transition.to)
            guard var candidates = unmatched[pair], !candidates.isEmpty else {
                addedTransitions.append(transition)
                continue
            }
            let before = candidates.removeFirst()
            unmatched[pair] = candidates
            var fields: [FieldChange] = []
            if before.condition != transition.condition {
                fields.append(FieldChange(field: "condition", old: before.condition, new: transition.condition))
            }
            if before.share != transition.share {
                fields.append(
                    FieldChange(
                        field: "share", old: before.share.map(Self.number), new: transition.share.map(Self.number)))
            }
            if before.source != transition.source {
                fields.append(FieldChange(field: "source", old: before.source, new: transition.source))
            }
            if !fields.isEmpty { changedTransitions.append(TransitionChange(transition: transition, fields: fields)) }
        }
        for pair in order { removedTransitions += unmatched[pair] ?? [] }
    }

    /// An ordered pair of step ids.
    struct StepPair: Hashable {
        var from: StepID
        var to: StepID
    }

    static func uniqueSteps(_ pathway: Pathway) -> [Step] {
        var seen: Set<StepID> = []
        return pathway.steps.filter { seen.insert($0.id).inserted }
    }

    /// Pairs old-only and new-only steps that are one step renamed.
    static func renames(old: Pathway, new: Pathway, onlyOld: [Step], onlyNew: [Step]) -> [StepID: StepID] {
        guard !onlyOld.isEmpty, !onlyNew.isEmpty else { return [:] }
        func neighbours(_ pathway: Pathway) -> [StepID: (before: [StepID], after: [StepID])] {
            var result: [StepID: (before: [StepID], after: [StepID])] = [:]
            for transition in pathway.transitions {
                result[transition.to, default: ([], [])].before.append(transition.from)
                result[transition.from, default: ([], [])].after.append(transition.to)
            }
            return result
        }
        let oldNeighbours = neighbours(old)
        let newNeighbours = neighbours(new)
        let kept = Set(old.steps.map(\.id)).intersection(new.steps.map(\.id))
        var renames: [StepID: StepID] = [:]
        var taken: Set<StepID> = []
        // Neighbours in the new version's ids: kept and renamed steps by id, the step itself as "self", and steps
        // not matched yet as "?" (so that a renamed chain can match one step at a time).
        func signature(_ ids: [StepID], self id: StepID, map: (StepID) -> StepID?) -> [String] {
            ids.map { $0 == id ? "\u{0}self" : map($0)?.rawValue ?? "\u{0}?" }.sorted()
        }
        var found = true
        while found {
            found = false
            for candidate in onlyOld where renames[candidate.id] == nil {
                let oldMap = { (id: StepID) -> StepID? in kept.contains(id) ? id : renames[id] }
                let before = signature(oldNeighbours[candidate.id]?.before ?? [], self: candidate.id, map: oldMap)
                let after = signature(oldNeighbours[candidate.id]?.after ?? [], self: candidate.id, map: oldMap)
                let newMap = { (id: StepID) -> StepID? in kept.contains(id) || taken.contains(id) ? id : nil }
                let matches = onlyNew.filter { step in
                    guard !taken.contains(step.id), step.label == candidate.label, step.kind == candidate.kind else {
                        return false
                    }
                    return signature(newNeighbours[step.id]?.before ?? [], self: step.id, map: newMap) == before
                        && signature(newNeighbours[step.id]?.after ?? [], self: step.id, map: newMap) == after
                }
                // Only an unambiguous match is a rename.
                if matches.count == 1, let match = matches.first {
                    renames[candidate.id] = match.id
                    taken.insert(match.id)
                    found = true
                }
            }
        }
        return renames
    }

    /// The fields of a step that differ between two versions, in schema order.
    static func fieldChanges(_ old: Step, _ new: Step) -> [FieldChange] {
        func list(_ items: [String]) -> String? { items.isEmpty ? nil : items.joined(separator: ", ") }
        let fields: [(String, String?, String?)] = [
            ("label", old.label, new.label),
            ("kind", old.kind.rawValue, new.kind.rawValue),
            ("stage", old.stage, new.stage),
            ("setting", old.setting, new.setting),
            ("staffGroups", list(old.staffGroups.map(\.rawValue)), list(new.staffGroups.map(\.rawValue))),
            ("competencies", list(old.competencies.map(\.written)), list(new.competencies.map(\.written))),
            ("noCompetencyReason", old.noCompetencyReason, new.noCompetencyReason),
            ("testCodes", list(old.testCodes), list(new.testCodes)),
            ("testDirectory", old.testDirectory, new.testDirectory),
            ("reading", old.reading?.rawValue, new.reading?.rawValue),
            ("readingNote", old.readingNote, new.readingNote),
            ("patientsPerYear", old.patientsPerYear.map(number), new.patientsPerYear.map(number)),
            ("reference", old.reference, new.reference),
            ("notes", old.notes, new.notes),
            ("sources", list(old.sources), list(new.sources)),
        ]
        return fields.filter { $0.1 != $0.2 }.map { FieldChange(field: $0.0, old: $0.1, new: $0.2) }
    }

    /// A number as the native format writes it (no `.0` on whole numbers).
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
