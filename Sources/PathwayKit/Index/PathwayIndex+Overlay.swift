extension PathwayIndex {
    /// The pathway with a regional overlay applied, built as a new index from this one's side tables (no
    /// ``Pathway`` value is made), and what could not be applied.
    ///
    /// The merged pathway lists the national steps and transitions in the order written, less those removed, then the
    /// steps and transitions the overlay adds; it is the index ``init(_:)`` would build from the merged value. A step
    /// or transition the overlay leaves alone is copied from the side tables; one it changes is made as a value,
    /// changed and added.
    ///
    /// Findings (errors, at the overlay's line): `overlay-fixed` for a change or removal of a fixed step or
    /// transition (removing a step that a fixed transition joins counts), `overlay-unknown` for a step or transition
    /// the national pathway does not have, `overlay-duplicate` for an added step whose id the national pathway
    /// already uses. The offending change is left out.
    ///
    /// - Parameter overlay: The overlay.
    /// - Complexity: O(V + E + C) expected for C changes (each step or transition named is found by one hash).
    public func applying(_ overlay: PathwayOverlay) -> (index: PathwayIndex, findings: [Finding]) {
        var application = OverlayApplication(national: self, overlay: overlay)
        application.resolve()
        return (application.merged(), application.findings)
    }
}

extension PathwayOverlay {
    /// The national pathway with the overlay applied, and what could not be applied: a convenience over
    /// ``PathwayIndex/applying(_:)`` (the pathway is indexed, the overlay applied to the index, and the merged value
    /// made from it).
    ///
    /// - Parameter national: The national pathway.
    /// - Complexity: O(V + E + C) for C changes.
    public func applied(to national: Pathway) -> (pathway: Pathway, findings: [Finding]) {
        let (merged, findings) = PathwayIndex(national).applying(self)
        return (merged.pathway(), findings)
    }
}

/// One overlay applied to one index: first every change is checked against the national pathway (in the order
/// findings are reported: step changes, transition changes, step removals, transition removals, additions), then the
/// merged index is built in one pass over the national one.
private struct OverlayApplication {
    let national: PathwayIndex
    let overlay: PathwayOverlay
    var findings: [Finding] = []

    /// The fields changed of each step changed (later changes of a step override earlier ones, field by field).
    var stepChanges: [Index<Step>: PathwayOverlay.ChangedStep] = [:]
    /// The condition and share changed of each transition changed, by its written position.
    var transitionChanges: [Int: PathwayOverlay.ChangedTransition] = [:]
    /// Whether each national step is removed (empty while none is).
    var removedSteps: [Bool] = []
    /// The transitions removed by their ends: as step numbers (for transitions between steps) and as ids (for those
    /// naming a step that does not exist).
    var removedEdges: Set<EdgeEnds> = []
    var removedLinks: Set<Link> = []

    /// The first transition written between two step numbers, by its ends; made when first needed.
    private var firstEdge: [EdgeEnds: Index<Transition>]?
    /// The first transition naming a missing step written with two ids (its place in
    /// ``PathwayIndex/danglingTransitions``); made when first needed.
    private var firstDangling: [Link: Int]?
    /// The first fixed transition naming a missing step, by each id it names; made when first needed.
    private var firstFixedDangling: [StepID: Int]?

    struct EdgeEnds: Hashable {
        var from: Int32
        var to: Int32
    }

    struct Link: Hashable {
        var from: StepID
        var to: StepID
    }

    /// A transition of the national pathway as written.
    enum Written {
        case edge(Index<Transition>)
        /// The place in ``PathwayIndex/danglingTransitions``.
        case dangling(Int)
    }

    init(national: PathwayIndex, overlay: PathwayOverlay) {
        self.national = national
        self.overlay = overlay
    }

    // MARK: Findings

    /// An error about what the overlay asks, at the change's line (or the overlay's).
    private mutating func error(_ rule: String, _ message: String, at location: SourceLocation?) {
        findings.append(Finding(.error, rule: rule, message, at: location ?? overlay.location))
    }

    private mutating func unknownStep(_ id: StepID, _ verb: String, at location: SourceLocation?) {
        error(
            "overlay-unknown",
            "the overlay \(verb) step '\(id)', which national pathway '\(national.id)' does not have",
            at: location)
    }

    private mutating func unknownTransition(_ from: StepID, _ to: StepID, _ verb: String, at location: SourceLocation?)
    {
        error(
            "overlay-unknown",
            "the overlay \(verb) the transition from '\(from)' to '\(to)', which national pathway '\(national.id)' "
                + "does not have", at: location)
    }

    private mutating func fixed(_ what: String, _ verb: String, at location: SourceLocation?) {
        error(
            "overlay-fixed",
            "the overlay \(verb) \(what), which national pathway '\(national.id)' marks fixed (it must not change "
                + "locally)", at: location)
    }

    // MARK: Finding what the overlay names

    /// Whether `edge` was written before the dangling transition at place `place` of the list kept aside.
    private func isWritten(_ edge: Index<Transition>, before place: Int) -> Bool {
        // Of the transitions written before it, `place` were kept aside and the rest are edges 0, 1, ...
        edge.position < national.danglingTransitions[place].position - place
    }

    /// The first transition written from one step id to another.
    ///
    /// - Complexity: O(1) expected after O(E) once.
    private mutating func transition(from: StepID, to: StepID) -> Written? {
        var edge: Index<Transition>?
        if let source = national.step(named: from), let target = national.step(named: to) {
            if firstEdge == nil {
                var first: [EdgeEnds: Index<Transition>] = [:]
                for transition in national.transitions {
                    let ends = EdgeEnds(
                        from: national.transitionSources[transition].raw,
                        to: national.transitionTargets[transition].raw)
                    if first[ends] == nil { first[ends] = transition }
                }
                firstEdge = first
            }
            edge = firstEdge?[EdgeEnds(from: source.raw, to: target.raw)]
        }
        var dangling: Int?
        if !national.danglingTransitions.isEmpty {
            if firstDangling == nil {
                var first: [Link: Int] = [:]
                for (place, entry) in national.danglingTransitions.enumerated() {
                    let link = Link(from: entry.transition.from, to: entry.transition.to)
                    if first[link] == nil { first[link] = place }
                }
                firstDangling = first
            }
            dangling = firstDangling?[Link(from: from, to: to)]
        }
        return earlier(edge, dangling)
    }

    /// Of an edge and a dangling transition (either may be missing), the one written first.
    private func earlier(_ edge: Index<Transition>?, _ place: Int?) -> Written? {
        switch (edge, place) {
        case (let edge?, let place?): return isWritten(edge, before: place) ? .edge(edge) : .dangling(place)
        case (let edge?, nil): return .edge(edge)
        case (nil, let place?): return .dangling(place)
        case (nil, nil): return nil
        }
    }

    /// The written position of a transition.
    private func position(_ written: Written) -> Int {
        switch written {
        case .edge(let edge):
            // Edges and dangling transitions interleave; count those kept aside before the edge.
            var low = 0
            var high = national.danglingTransitions.count
            while low < high {
                let middle = (low + high) / 2
                if isWritten(edge, before: middle) { high = middle } else { low = middle + 1 }
            }
            return edge.position + low
        case .dangling(let place): return national.danglingTransitions[place].position
        }
    }

    private func isFixed(_ written: Written) -> Bool {
        switch written {
        case .edge(let edge): return national.isFixed(edge)
        case .dangling(let place): return national.danglingTransitions[place].transition.isFixed
        }
    }

    private func ends(_ written: Written) -> Link {
        switch written {
        case .edge(let edge):
            return Link(
                from: StepID(national.stepIDs[national.transitionSources[edge]]),
                to: StepID(national.stepIDs[national.transitionTargets[edge]]))
        case .dangling(let place):
            let transition = national.danglingTransitions[place].transition
            return Link(from: transition.from, to: transition.to)
        }
    }

    /// The first fixed transition written into or out of a step, if any.
    ///
    /// - Complexity: O(degree of the step) expected, after O(transitions naming a missing step) once.
    private mutating func firstFixedTransition(joining step: Index<Step>) -> Written? {
        let graph = national.graph
        let node = step.position
        var first: Index<Transition>?
        for slot in Int(graph.successorOffsets[node])..<Int(graph.successorOffsets[node + 1]) {
            let edge = Index<Transition>(raw: graph.successorEdges[slot])
            if national.isFixed(edge), first.map({ edge < $0 }) ?? true { first = edge }
        }
        for slot in Int(graph.predecessorOffsets[node])..<Int(graph.predecessorOffsets[node + 1]) {
            let edge = Index<Transition>(raw: graph.predecessorEdges[slot])
            if national.isFixed(edge), first.map({ edge < $0 }) ?? true { first = edge }
        }
        let id = StepID(national.stepIDs[step])
        if firstFixedDangling == nil {
            // The first fixed transition naming a missing step, by each id it names.
            var first: [StepID: Int] = [:]
            for (place, entry) in national.danglingTransitions.enumerated() where entry.transition.isFixed {
                if first[entry.transition.from] == nil { first[entry.transition.from] = place }
                if first[entry.transition.to] == nil { first[entry.transition.to] = place }
            }
            firstFixedDangling = first
        }
        return earlier(first, firstFixedDangling?[id])
    }

    // MARK: Checking the changes

    /// Checks every change against the national pathway, in the order findings are reported, and keeps those that
    /// apply.
    mutating func resolve() {
        for change in overlay.changedSteps {
            guard let step = changeableStep(change.step, "changes", at: change.location) else { continue }
            var merged = stepChanges[step] ?? PathwayOverlay.ChangedStep(step: change.step, reason: change.reason)
            if let label = change.label { merged.label = label }
            if let groups = change.staffGroups { merged.staffGroups = groups }
            if let competencies = change.competencies { merged.competencies = competencies }
            if let setting = change.setting { merged.setting = setting }
            stepChanges[step] = merged
        }
        // Changes to transitions (before removals, so that they name the national transitions).
        for change in overlay.changedTransitions {
            guard let written = changeableTransition(change.from, change.to, "changes", at: change.location) else {
                continue
            }
            let place = position(written)
            var merged =
                transitionChanges[place]
                ?? PathwayOverlay.ChangedTransition(from: change.from, to: change.to, reason: change.reason)
            if let condition = change.condition { merged.condition = condition }
            if let share = change.share { merged.share = share }
            transitionChanges[place] = merged
        }
        for removal in overlay.removedSteps {
            guard let step = changeableStep(removal.step, "removes", at: removal.location) else { continue }
            if let joined = firstFixedTransition(joining: step) {
                let link = ends(joined)
                fixed(
                    "step '\(removal.step)' and with it the transition from '\(link.from)' to '\(link.to)'",
                    "removes", at: removal.location)
                continue
            }
            if removedSteps.isEmpty { removedSteps = [Bool](repeating: false, count: national.stepCount) }
            removedSteps[step.position] = true
        }
        for removal in overlay.removedTransitions {
            guard changeableTransition(removal.from, removal.to, "removes", at: removal.location) != nil else {
                continue
            }
            // Every transition with these ends goes, whether between steps or naming a missing one.
            removedLinks.insert(Link(from: removal.from, to: removal.to))
            if let source = national.step(named: removal.from), let target = national.step(named: removal.to) {
                removedEdges.insert(EdgeEnds(from: source.raw, to: target.raw))
            }
        }
        for addition in overlay.addedSteps {
            if let step = national.step(named: addition.step.id), !isRemoved(step) {
                findings.append(
                    Finding(
                        .error, rule: "overlay-duplicate",
                        "the overlay adds step '\(addition.step.id)', which national pathway '\(national.id)' already has; change it instead",
                        at: addition.step.location ?? overlay.location))
            }
        }
    }

    /// The step an entry changes or removes, or `nil` (with the finding) when the national pathway has no such step
    /// or marks it fixed.
    private mutating func changeableStep(_ id: StepID, _ verb: String, at location: SourceLocation?) -> Index<Step>? {
        guard let step = national.step(named: id) else {
            unknownStep(id, verb, at: location)
            return nil
        }
        guard !national.isFixed(step) else {
            fixed("step '\(id)'", verb, at: location)
            return nil
        }
        return step
    }

    /// The first transition between two steps that an entry changes or removes, or `nil` (with the finding) when
    /// the national pathway has none or marks it fixed.
    private mutating func changeableTransition(
        _ from: StepID, _ to: StepID, _ verb: String, at location: SourceLocation?
    ) -> Written? {
        guard let written = transition(from: from, to: to) else {
            unknownTransition(from, to, verb, at: location)
            return nil
        }
        guard !isFixed(written) else {
            fixed("the transition from '\(from)' to '\(to)'", verb, at: location)
            return nil
        }
        return written
    }

    private func isRemoved(_ step: Index<Step>) -> Bool { !removedSteps.isEmpty && removedSteps[step.position] }

    /// Whether a step id names a removed step.
    private func isRemoved(_ id: StepID) -> Bool {
        guard !removedSteps.isEmpty, let step = national.step(named: id) else { return false }
        return removedSteps[step.position]
    }

    // MARK: Building the merged index

    /// The merged index: the national steps and transitions kept, changed where changed, then those added.
    ///
    /// - Complexity: O(V + E) expected, plus the size of the changed and added elements.
    func merged() -> PathwayIndex {
        var builder = PathwayIndex.Builder(
            id: national.id, title: overlay.title ?? national.title, file: national.location?.file ?? "",
            capacity: national.stepCount + overlay.addedSteps.count)
        builder.setHeader(description: national.description, boundary: national.boundary, location: national.location)
        // The merged number of each national step kept.
        var mergedStep = [Index<Step>](repeating: Index(raw: -1), count: national.stepCount)
        national.forEachWrittenStep { written in
            switch written {
            case .indexed(let step):
                guard !isRemoved(step) else { return }
                mergedStep[step.position] = builder.addStep(copying: step, of: national, changing: stepChanges[step])
            case .duplicate(let step):
                guard !isRemoved(step.id) else { return }
                builder.addStep(step)
            }
        }
        for addition in overlay.addedSteps {
            if let step = national.step(named: addition.step.id), !isRemoved(step) { continue }
            builder.addStep(addition.step)
        }
        builder.reserveTransitions(national.writtenTransitionCount + overlay.addedTransitions.count)
        var position = 0
        national.forEachWrittenTransition { written in
            defer { position += 1 }
            switch written {
            case .indexed(let edge):
                let source = national.transitionSources[edge]
                let target = national.transitionTargets[edge]
                guard !isRemoved(source), !isRemoved(target),
                    !removedEdges.contains(EdgeEnds(from: source.raw, to: target.raw))
                else { return }
                if let change = transitionChanges[position] {
                    var value = national.transitionValue(edge)
                    if let condition = change.condition { value.condition = condition }
                    if let share = change.share { value.share = share }
                    builder.addTransition(value)
                } else {
                    builder.addTransition(
                        copying: edge, of: national, from: mergedStep[source.position],
                        to: mergedStep[target.position])
                }
            case .dangling(var value):
                guard !isRemoved(value.from), !isRemoved(value.to),
                    !removedLinks.contains(Link(from: value.from, to: value.to))
                else { return }
                if let change = transitionChanges[position] {
                    if let condition = change.condition { value.condition = condition }
                    if let share = change.share { value.share = share }
                }
                builder.addTransition(value)
            }
        }
        for addition in overlay.addedTransitions { builder.addTransition(addition.transition) }
        return builder.build()
    }
}
