extension PathwayIndex {
    /// Builds a ``PathwayIndex`` as a reader meets steps and transitions: each step id is interned once, side
    /// tables grow step by step, and the ``CompactGraph`` is built once, by ``build()``.
    ///
    /// Steps can be declared (``addStep(_:)``, a native file or a node table) or only named by transitions (an edge
    /// list, ``addEdge(from:to:condition:share:location:)`` on interned ids): a step never declared gets its kind
    /// from its degrees when the index is built (nothing in: start; nothing out: end; several out: decision;
    /// several in: merge; else activity) and the location where it was first named.
    public struct Builder {
        var index: PathwayIndex
        /// Whether each step's kind was given (not to be inferred).
        var kindGiven: [Bool] = []
        /// The number of steps whose side tables are filled.
        var filled = 0
        /// The number of steps and transitions written so far, duplicates and dangling ones included.
        var writtenSteps = 0
        var writtenTransitions = 0
        /// The file last looked up.
        var lastFile: (path: String, index: Index<IndexTag.File>)?

        /// A builder for a pathway.
        ///
        /// - Parameters:
        ///   - id: The pathway's id.
        ///   - title: Its title (the id when `nil`).
        ///   - file: The file it is read from (file 0 of ``PathwayIndex/files``).
        ///   - capacity: About how many steps to expect.
        public init(id: PathwayID, title: String? = nil, file: String, capacity: Int = 16) {
            index = PathwayIndex(
                id: id, title: title ?? id.rawValue, description: nil, boundary: nil, location: nil,
                files: IndexedColumn([file]), stepIDs: NameTable(capacity: capacity), kinds: IndexedColumn(),
                labels: TextColumn(), stepLocations: LocationColumn(), stageOfStep: LazyColumn(default: -1),
                settingOfStep: LazyColumn(default: -1), stageNames: NameTable(), settingNames: NameTable(),
                staffOffsets: LazyColumn(default: 0, count: 1), staffMembers: [], staffGroupIDs: NameTable(),
                competencyOffsets: LazyColumn(default: 0, count: 1), competencyMembers: [],
                competencyLevels: TextColumn(),
                competencyIDs: NameTable(), details: [:], duplicateSteps: [], sourceColumn: IndexedColumn(),
                targetColumn: IndexedColumn(), conditions: CodedTextColumn(), shareValues: ShareColumn(),
                transitionLocations: LocationColumn(), transitionDetails: [:], danglingTransitions: [],
                graph: CompactGraph(nodeCount: 0, sources: [], targets: []))
        }

        /// Sets the pathway's id and title (the id when `nil`), for a reader that meets them after the steps.
        mutating func setHeader(id: PathwayID, title: String?, description: String?, location: SourceLocation?) {
            index.id = id
            index.title = title ?? id.rawValue
            setHeader(description: description, boundary: nil, location: location)
        }

        /// Sets the pathway's description, boundary and location.
        public mutating func setHeader(
            description: String?, boundary: PathwayBoundary?, location: SourceLocation?
        ) {
            index.description = description
            index.boundary = boundary
            index.location = location
        }

        /// The index of a file, adding it to the file table if new.
        public mutating func file(_ path: String) -> Index<IndexTag.File> {
            if let last = lastFile, last.path == path { return last.index }
            let found = index.files.values.firstIndex(of: path).map { Index<IndexTag.File>($0) }
            let file = found ?? index.files.append(path)
            lastFile = (path, file)
            return file
        }

        /// A location in a file of the table.
        mutating func compact(_ location: SourceLocation?) -> CompactLocation {
            guard let location else { return CompactLocation(file: Index(raw: 0), line: -1) }
            return CompactLocation(
                file: file(location.file), line: Int32(clamping: location.line ?? 0),
                column: Int32(clamping: location.column ?? 0))
        }

        /// The step named by an id, interning it (as a step to be declared or inferred) if new.
        public mutating func step(named id: String) -> Index<Step> { index.stepIDs.intern(id).index }

        /// Adds a declared step with all its attributes.
        ///
        /// A step whose id was declared before is kept aside in ``PathwayIndex/duplicateSteps``. Declare steps
        /// before transitions name them (a step named and given default attributes is not declared again).
        ///
        /// - Parameters:
        ///   - step: The step.
        ///   - kindGiven: Whether its kind was written (otherwise it is inferred from its degrees at ``build()``).
        public mutating func addStep(_ step: Step, kindGiven: Bool = true) {
            let position = writtenSteps
            writtenSteps += 1
            let (index, _) = self.index.stepIDs.intern(step.id.rawValue)
            if index.position < filled {
                self.index.duplicateSteps.append((position, step))
                return
            }
            fillDefaults(upTo: index.position)
            self.kindGiven.append(kindGiven)
            self.index.kinds.append(step.kind)
            self.index.labels.append(step.label == step.id.rawValue ? nil : step.label)
            self.index.stepLocations.append(compact(step.location))
            self.index.stageOfStep.append(step.stage.map { self.index.stageNames.intern($0).index.raw } ?? -1)
            self.index.settingOfStep.append(step.setting.map { self.index.settingNames.intern($0).index.raw } ?? -1)
            for group in step.staffGroups {
                self.index.staffMembers.append(self.index.staffGroupIDs.intern(group.rawValue).index)
            }
            self.index.staffOffsets.append(Int32(self.index.staffMembers.count))
            var details = StepDetails()
            for requirement in step.competencies {
                self.index.competencyMembers.append(
                    self.index.competencyIDs.intern(requirement.competency.rawValue).index)
                self.index.competencyLevels.append(requirement.level)
                details.competencyLocations.append(requirement.location)
            }
            if details.competencyLocations.allSatisfy({ $0 == step.location }) { details.competencyLocations = [] }
            self.index.competencyOffsets.append(Int32(self.index.competencyMembers.count))
            details.noCompetencyReason = step.noCompetencyReason
            details.testCodes = step.testCodes
            details.notes = step.notes
            details.sources = step.sources
            details.patientsPerYear = step.patientsPerYear
            details.reference = step.reference
            details.testDirectory = step.testDirectory
            details.reading = step.reading
            details.readingNote = step.readingNote
            details.isFixed = step.isFixed
            details.element = step.location?.element
            if !details.isEmpty { self.index.details[index] = details }
            filled += 1
        }

        /// Adds a step of another index with all its attributes, copied from its side tables (no ``Step`` value
        /// is made), and with what a regional overlay changes in it: what ``addStep(_:kindGiven:)`` would add for
        /// `source.stepValue(step)` so changed.
        ///
        /// - Parameter change: The label, staff groups, competencies and setting an overlay gives the step instead.
        /// - Returns: The step's number in this index.
        /// - Complexity: O(size of the step's lists and names) expected.
        @discardableResult
        mutating func addStep(
            copying step: Index<Step>, of source: PathwayIndex, changing change: PathwayOverlay.ChangedStep? = nil
        ) -> Index<Step> {
            let (index, _) = source.stepIDs.withUTF8(step) { self.index.stepIDs.intern(bytes: $0) }
            if index.position < filled {
                var value = source.stepValue(step)
                if let change {
                    if let label = change.label { value.label = label }
                    if let groups = change.staffGroups { value.staffGroups = groups }
                    if let competencies = change.competencies { value.competencies = competencies }
                    if let setting = change.setting { value.setting = setting }
                }
                self.index.duplicateSteps.append((writtenSteps, value))
                writtenSteps += 1
                return index
            }
            writtenSteps += 1
            fillDefaults(upTo: index.position)
            kindGiven.append(true)
            self.index.kinds.append(source.kinds[step])
            // A label written the same as the id is no label of its own.
            let label = change?.label ?? source.labels[step]
            self.index.labels.append(label.flatMap { $0 == source.stepIDs[step] ? nil : $0 })
            self.index.stepLocations.append(copied(source.compactLocation(step), of: source))
            self.index.stageOfStep.append(
                source.stage(step).map { stage in
                    source.stageNames.withUTF8(stage) { self.index.stageNames.intern(bytes: $0).index.raw }
                } ?? -1)
            if let setting = change?.setting {
                self.index.settingOfStep.append(self.index.settingNames.intern(setting).index.raw)
            } else {
                self.index.settingOfStep.append(
                    source.setting(step).map { setting in
                        source.settingNames.withUTF8(setting) { self.index.settingNames.intern(bytes: $0).index.raw }
                    } ?? -1)
            }
            if let groups = change?.staffGroups {
                for group in groups {
                    self.index.staffMembers.append(self.index.staffGroupIDs.intern(group.rawValue).index)
                }
            } else {
                for group in source.staffGroups(step) {
                    self.index.staffMembers.append(
                        source.staffGroupIDs.withUTF8(group) { self.index.staffGroupIDs.intern(bytes: $0).index })
                }
            }
            self.index.staffOffsets.append(Int32(self.index.staffMembers.count))
            var details = source.details[step] ?? StepDetails()
            if let competencies = change?.competencies {
                // Located as ``addStep(_:kindGiven:)`` locates them: where each was written, unless all were written
                // where the step was.
                let stepLocation = source.location(step)
                details.competencyLocations = competencies.map(\.location)
                if details.competencyLocations.allSatisfy({ $0 == stepLocation }) { details.competencyLocations = [] }
                for requirement in competencies {
                    self.index.competencyMembers.append(
                        self.index.competencyIDs.intern(requirement.competency.rawValue).index)
                    self.index.competencyLevels.append(requirement.level)
                }
            } else {
                for slot in source.competencySlots(step) {
                    self.index.competencyMembers.append(
                        source.competencyIDs.withUTF8(source.competencyMembers[slot]) {
                            self.index.competencyIDs.intern(bytes: $0).index
                        })
                    let level = Index<Competency>(slot)
                    if source.competencyLevels.hasText(level) {
                        source.competencyLevels.withUTF8(level) { self.index.competencyLevels.append(bytes: $0) }
                    } else {
                        self.index.competencyLevels.append(nil)
                    }
                }
            }
            self.index.competencyOffsets.append(Int32(self.index.competencyMembers.count))
            if !details.isEmpty { self.index.details[index] = details }
            filled += 1
            return index
        }

        /// Adds a transition of another index between two steps of this one, copied from its side tables: what
        /// ``addTransition(_:declaredOnly:)`` would add for `source.transitionValue(transition)`.
        ///
        /// - Complexity: O(length of its condition).
        mutating func addTransition(
            copying transition: Index<Transition>, of source: PathwayIndex, from: Index<Step>, to: Index<Step>
        ) {
            addEdge(
                from: from, to: to, condition: source.conditions[transition], share: source.share(transition),
                location: copied(source.transitionLocations[transition.position], of: source))
            if let details = source.transitionDetails[transition], !details.isEmpty {
                index.transitionDetails[Index(index.sourceColumn.count - 1)] = details
            }
        }

        /// A location of another index in this one's file table, as ``compact(_:)`` would store it after
        /// ``PathwayIndex/sourceLocation(_:)``.
        mutating func copied(_ location: CompactLocation, of source: PathwayIndex) -> CompactLocation {
            guard location.line >= 0 else { return CompactLocation(file: Index(raw: 0), line: -1) }
            return CompactLocation(
                file: file(source.files[location.file]), line: location.line, column: location.column)
        }

        /// Fills the side tables of steps only named so far (by transitions), up to `end`, with defaults.
        ///
        /// - Complexity: O(1) for the columns that hold nothing while all is default, O(end - filled) for the rest.
        mutating func fillDefaults(upTo end: Int) {
            let added = end - filled
            guard added > 0 else { return }
            kindGiven.append(contentsOf: repeatElement(false, count: added))
            index.kinds.values.append(contentsOf: repeatElement(.activity, count: added))
            index.labels.appendAbsent(count: added)
            // Located, like its kind, when the index is built: where a transition first names it.
            index.stepLocations.append(
                CompactLocation(file: Index(raw: 0), line: PathwayIndex.firstNamedLine), count: added)
            index.stageOfStep.append(-1, count: added)
            index.settingOfStep.append(-1, count: added)
            index.staffOffsets.append(Int32(index.staffMembers.count), count: added)
            index.competencyOffsets.append(Int32(index.competencyMembers.count), count: added)
            filled = end
        }

        /// Adds a transition given by step ids; one naming a step that is neither declared nor named before is kept
        /// aside in ``PathwayIndex/danglingTransitions`` when `declaredOnly` is set, and otherwise names a new step.
        public mutating func addTransition(_ transition: Transition, declaredOnly: Bool = true) {
            let position = writtenTransitions
            if declaredOnly {
                guard let from = index.stepIDs.index(of: transition.from.rawValue),
                    let to = index.stepIDs.index(of: transition.to.rawValue), from.position < filled,
                    to.position < filled
                else {
                    writtenTransitions += 1
                    index.danglingTransitions.append((position, transition))
                    return
                }
                addEdge(
                    from: from, to: to, condition: transition.condition, share: transition.share,
                    location: compact(transition.location))
            } else {
                let from = step(named: transition.from.rawValue)
                let to = step(named: transition.to.rawValue)
                addEdge(
                    from: from, to: to, condition: transition.condition, share: transition.share,
                    location: compact(transition.location))
            }
            var details = TransitionDetails()
            details.source = transition.source
            details.isFixed = transition.isFixed
            details.element = transition.location?.element
            if !details.isEmpty { index.transitionDetails[Index(index.sourceColumn.count - 1)] = details }
        }

        /// Adds a transition between interned steps.
        public mutating func addEdge(
            from: Index<Step>, to: Index<Step>, condition: String?, share: Double?, location: CompactLocation
        ) {
            writtenTransitions += 1
            index.sourceColumn.append(from)
            index.targetColumn.append(to)
            index.conditions.append(condition)
            index.shareValues.append(share)
            index.transitionLocations.append(location)
        }

        /// Reserves room for about `count` transitions.
        public mutating func reserveTransitions(_ count: Int) {
            index.sourceColumn.reserveCapacity(count)
            index.targetColumn.reserveCapacity(count)
            index.shareValues.reserveCapacity(count)
            index.conditions.reserveCapacity(count)
            index.transitionLocations.reserveCapacity(count)
        }

        /// Builds the graph once and finishes the index: kinds of undeclared steps from their degrees, their
        /// locations from the first transition naming them (found from the graph when asked for, not stored).
        ///
        /// - Complexity: O(V + E).
        public consuming func build() -> PathwayIndex {
            fillDefaults(upTo: index.stepIDs.count)
            // Ids numbered without the lookup table (an edge list's) are looked up by a table built on first use.
            index.stepIDs.interner.prepareLookup()
            // A reader reserves the transition columns from an estimate; what it over-reserved is given back before
            // the graph is built beside them (at 10^6 steps about 1.6 MB that would stay to the end).
            index.sourceColumn.values.releaseUnusedCapacity()
            index.targetColumn.values.releaseUnusedCapacity()
            index.graph = Self.graph(
                nodeCount: index.stepIDs.count, sources: index.sourceColumn, targets: index.targetColumn)
            // The graph's rows hold the ends of every transition: the columns are made again only if read.
            index.releaseTransitionEnds()
            if kindGiven.contains(false) {
                inferKinds()
                let firstNamed = CompactLocation(file: Index(raw: 0), line: PathwayIndex.firstNamedLine)
                let graph = index.graph
                for node in 0..<index.stepCount where !kindGiven[node] {
                    // Only a step some transition names takes its location from one (a declared one keeps its own).
                    if graph.inDegree(of: Int32(node)) + graph.outDegree(of: Int32(node)) > 0 {
                        index.stepLocations[node] = firstNamed
                    }
                }
            }
            return index
        }

        /// Gives each step whose kind was not written the kind its degrees say (``CompactGraph/inferredKind(_:)``),
        /// over each half of the steps on a thread of its own from ``CompactGraph/parallelRowsThreshold`` steps.
        ///
        /// - Complexity: O(V).
        private mutating func inferKinds() {
            let graph = index.graph
            let count = index.stepCount
            let middle = count >= CompactGraph.parallelRowsThreshold ? count / 2 : count
            let kindGiven = self.kindGiven
            kindGiven.withUnsafeBufferPointer { kindGiven in
                index.kinds.values.withUnsafeMutableBufferPointer { buffer in
                    let kinds = buffer
                    func infer(_ range: Range<Int>) {
                        for node in range where !kindGiven[node] { kinds[node] = graph.inferredKind(Int32(node)) }
                    }
                    guard middle < count else { return infer(0..<count) }
                    _ = bothAtOnce({ infer(0..<middle) }, { infer(middle..<count) })
                }
            }
        }

        /// The graph over the transition columns, read in place as raw step numbers.
        static func graph(
            nodeCount: Int, sources: IndexedColumn<Transition, Index<Step>>,
            targets: IndexedColumn<Transition, Index<Step>>
        ) -> CompactGraph {
            sources.values.withUnsafeBufferPointer { sources in
                targets.values.withUnsafeBufferPointer { targets in
                    sources.withMemoryRebound(to: Int32.self) { sources in
                        targets.withMemoryRebound(to: Int32.self) { targets in
                            CompactGraph(nodeCount: nodeCount, sources: sources, targets: targets)
                        }
                    }
                }
            }
        }
    }
}

extension CompactGraph {
    /// A step kind from degrees: nothing in → start, nothing out → end, several out → decision, several in →
    /// merge, else activity.
    func inferredKind(_ node: Int32) -> StepKind {
        if inDegree(of: node) == 0 { return .start }
        if outDegree(of: node) == 0 { return .end }
        if outDegree(of: node) > 1 { return .decision }
        if inDegree(of: node) > 1 { return .merge }
        return .activity
    }
}
