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

    /// Compares two versions of a pathway given as values: a convenience that indexes each and compares the
    /// indexes (``init(old:new:)-(PathwayIndex,PathwayIndex)``).
    ///
    /// - Complexity: as comparing the indexes, plus O(V + E) to index each version.
    public init(old: Pathway, new: Pathway) {
        self.init(old: PathwayIndex(old), new: PathwayIndex(new))
    }

    /// Compares two versions of a pathway.
    ///
    /// Steps are matched by id. Of the steps only in the old version and those only in the new one, an old and a
    /// new step with the same label, kind and neighbours (the ids before and after them, with other renames
    /// applied) are one step renamed; matching repeats until no more renames are found, so that a renamed chain is
    /// found step by step. Transitions are matched by their ends (old ends renamed), in order where several join
    /// the same two steps. Both versions are read from their side tables; ``Step`` and ``Transition`` values are
    /// made only for what was added, removed or changed.
    ///
    /// - Parameters:
    ///   - old: The old version.
    ///   - new: The new version.
    /// - Complexity: O(V + E) expected to match by id, plus O(R² · d) for R unmatched steps of degree d while
    ///   finding renames.
    public init(old: PathwayIndex, new: PathwayIndex) {
        pathway = new.id
        let oldIDs = Array(old.steps).map { StepID(old.stepIDs[$0]) }
        let newIDs = Array(new.steps).map { StepID(new.stepIDs[$0]) }
        // Each step's number in the other version, where it has the same id there.
        let newOfOld = oldIDs.map { new.step(named: $0) }
        var oldOfNew = [Index<Step>?](repeating: nil, count: new.stepCount)
        for (position, match) in newOfOld.enumerated() {
            if let match { oldOfNew[match.position] = Index(position) }
        }
        var onlyOld = Array(old.steps).filter { newOfOld[$0.position] == nil }
        var onlyNew = Array(new.steps).filter { oldOfNew[$0.position] == nil }
        renames = Self.renames(old: old, new: new, onlyOld: onlyOld, onlyNew: onlyNew)
        let renamedTo = Set(renames.values)
        onlyOld.removeAll { renames[oldIDs[$0.position]] != nil }
        onlyNew.removeAll { renamedTo.contains(newIDs[$0.position]) }
        removedSteps = onlyOld.map { old.stepValue($0) }
        addedSteps = onlyNew.map { new.stepValue($0) }
        let oldIDOf = Dictionary(renames.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        for step in new.steps {
            let id = newIDs[step.position]
            let oldID = oldIDOf[id] ?? id
            guard let before = oldID == id ? oldOfNew[step.position] : old.step(named: oldID) else { continue }
            var fields = Self.fieldChanges(
                PathwayIndex.StepView(index: old, step: before), PathwayIndex.StepView(index: new, step: step))
            if oldID != id {
                fields.insert(FieldChange(field: "id", old: oldID.rawValue, new: id.rawValue), at: 0)
            }
            if !fields.isEmpty {
                changedSteps.append(StepChange(step: id, renamedFrom: oldID == id ? nil : oldID, fields: fields))
            }
        }
        // Transitions, by their ends with old ids renamed: each end a step of the new version where there is one.
        let oldEnds = Array(old.steps).map { step -> End in
            let id = oldIDs[step.position]
            guard let renamed = renames[id] else { return newOfOld[step.position].map(End.step) ?? .name(id) }
            return End(renamed, in: new)
        }
        var unmatched: [Ends: (transitions: [PathwayIndex.WrittenTransition], next: Int)] = [:]
        var order: [Ends] = []
        old.forEachWrittenTransition { written in
            let ends: Ends
            switch written {
            case .indexed(let edge):
                ends = Ends(
                    from: oldEnds[old.transitionSources[edge].position],
                    to: oldEnds[old.transitionTargets[edge].position])
            case .dangling(let transition):
                ends = Ends(
                    from: End(renames[transition.from] ?? transition.from, in: new),
                    to: End(renames[transition.to] ?? transition.to, in: new))
            }
            if unmatched[ends] == nil {
                order.append(ends)
                unmatched[ends] = ([], 0)
            }
            unmatched[ends]?.transitions.append(written)
        }
        new.forEachWrittenTransition { written in
            let ends: Ends
            switch written {
            case .indexed(let edge):
                ends = Ends(from: .step(new.transitionSources[edge]), to: .step(new.transitionTargets[edge]))
            case .dangling(let transition):
                ends = Ends(from: End(transition.from, in: new), to: End(transition.to, in: new))
            }
            let after = written
            guard let candidates = unmatched[ends], candidates.next < candidates.transitions.count else {
                addedTransitions.append(after.value(in: new))
                return
            }
            let before = candidates.transitions[candidates.next]
            unmatched[ends]?.next += 1
            var fields: [FieldChange] = []
            let (oldCondition, newCondition) = (before.condition(in: old), after.condition(in: new))
            if oldCondition != newCondition {
                fields.append(FieldChange(field: "condition", old: oldCondition, new: newCondition))
            }
            let (oldShare, newShare) = (before.share(in: old), after.share(in: new))
            if oldShare != newShare {
                fields.append(
                    FieldChange(field: "share", old: oldShare.map(Self.number), new: newShare.map(Self.number)))
            }
            let (oldSource, newSource) = (before.source(in: old), after.source(in: new))
            if oldSource != newSource { fields.append(FieldChange(field: "source", old: oldSource, new: newSource)) }
            if !fields.isEmpty {
                changedTransitions.append(TransitionChange(transition: after.value(in: new), fields: fields))
            }
        }
        for ends in order {
            guard let left = unmatched[ends] else { continue }
            removedTransitions += left.transitions[left.next...].map { $0.value(in: old) }
        }
    }

    /// One end of a transition as the new version numbers it: a step of the new version, or an id it has no step
    /// for (a removed step, or one a transition names that does not exist).
    enum End: Hashable {
        case step(Index<Step>)
        case name(StepID)

        /// The end for an id (in the new version's ids).
        init(_ id: StepID, in new: PathwayIndex) {
            self = new.step(named: id).map(End.step) ?? .name(id)
        }
    }

    /// The two ends of a transition.
    struct Ends: Hashable {
        var from: End
        var to: End
    }

    /// The ids of the steps before and after a step: those its transitions join (one per transition, a transition
    /// naming a step that does not exist included).
    ///
    /// - Complexity: O(degree of the step), after O(transitions naming a missing step) once per version.
    struct Neighbours {
        let index: PathwayIndex
        /// The ends of the transitions naming a missing step, by the id of their other end.
        private var dangling: [StepID: (before: [StepID], after: [StepID])] = [:]

        init(_ index: PathwayIndex) {
            self.index = index
            for (_, transition) in index.danglingTransitions {
                dangling[transition.to, default: ([], [])].before.append(transition.from)
                dangling[transition.from, default: ([], [])].after.append(transition.to)
            }
        }

        func of(_ step: Index<Step>, id: StepID) -> (before: [StepID], after: [StepID]) {
            let graph = index.graph
            let node = step.position
            var before = (Int(graph.predecessorOffsets[node])..<Int(graph.predecessorOffsets[node + 1])).map {
                StepID(index.stepIDs[index.transitionSources[Index(raw: graph.predecessorEdges[$0])]])
            }
            var after = (Int(graph.successorOffsets[node])..<Int(graph.successorOffsets[node + 1])).map {
                StepID(index.stepIDs[index.transitionTargets[Index(raw: graph.successorEdges[$0])]])
            }
            if let kept = dangling[id] {
                before += kept.before
                after += kept.after
            }
            return (before, after)
        }
    }

    /// A step only one version has, as rename matching reads it.
    private struct Candidate {
        var id: StepID
        var label: String
        var kind: StepKind
        var before: [StepID]
        var after: [StepID]
    }

    /// Pairs old-only and new-only steps that are one step renamed.
    static func renames(old: PathwayIndex, new: PathwayIndex, onlyOld: [Index<Step>], onlyNew: [Index<Step>])
        -> [StepID: StepID]
    {
        guard !onlyOld.isEmpty, !onlyNew.isEmpty else { return [:] }
        func candidates(_ steps: [Index<Step>], of index: PathwayIndex) -> [Candidate] {
            let neighbours = Neighbours(index)
            return steps.map { step in
                let id = StepID(index.stepIDs[step])
                let (before, after) = neighbours.of(step, id: id)
                return Candidate(
                    id: id, label: index.label(step), kind: index.kinds[step], before: before, after: after)
            }
        }
        let oldCandidates = candidates(onlyOld, of: old)
        let newCandidates = candidates(onlyNew, of: new)
        /// Whether both versions have a step with the id.
        func isKept(_ id: StepID) -> Bool { old.step(named: id) != nil && new.step(named: id) != nil }
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
            for candidate in oldCandidates where renames[candidate.id] == nil {
                let oldMap = { (id: StepID) -> StepID? in isKept(id) ? id : renames[id] }
                let before = signature(candidate.before, self: candidate.id, map: oldMap)
                let after = signature(candidate.after, self: candidate.id, map: oldMap)
                let newMap = { (id: StepID) -> StepID? in isKept(id) || taken.contains(id) ? id : nil }
                let matches = newCandidates.filter { step in
                    guard !taken.contains(step.id), step.label == candidate.label, step.kind == candidate.kind else {
                        return false
                    }
                    return signature(step.before, self: step.id, map: newMap) == before
                        && signature(step.after, self: step.id, map: newMap) == after
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
    static func fieldChanges(_ old: some StepRecord, _ new: some StepRecord) -> [FieldChange] {
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

extension PathwayIndex.WrittenTransition {
    /// The condition, share and source of the transition in the index it was written in, and the transition as a
    /// value (for what a diff reports).
    fileprivate func condition(in index: PathwayIndex) -> String? {
        switch self {
        case .indexed(let edge): return index.conditions[edge]
        case .dangling(let transition): return transition.condition
        }
    }

    fileprivate func share(in index: PathwayIndex) -> Double? {
        switch self {
        case .indexed(let edge): return index.share(edge)
        case .dangling(let transition): return transition.share
        }
    }

    fileprivate func source(in index: PathwayIndex) -> String? {
        switch self {
        case .indexed(let edge): return index.transitionDetails[edge]?.source
        case .dangling(let transition): return transition.source
        }
    }

    fileprivate func value(in index: PathwayIndex) -> Transition {
        switch self {
        case .indexed(let edge): return index.transitionValue(edge)
        case .dangling(let transition): return transition
        }
    }
}
