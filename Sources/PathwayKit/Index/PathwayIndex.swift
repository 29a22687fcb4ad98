/// Tags for ``Index`` over names that are not model types of their own.
public enum IndexTag {
    /// A stage name (`stage:` of a step).
    public enum Stage {}
    /// A care setting (`setting:` of a step).
    public enum Setting {}
    /// A file values were read from.
    public enum File {}
}

/// Where an element was written, in 12 bytes: the file (an index into the index's file table), line and column
/// (0 where unknown). A line of -1 marks an element written nowhere (made in memory); ``PathwayIndex`` hands
/// such a location out as `nil`.
public struct CompactLocation: Hashable, Sendable {
    public var file: Index<IndexTag.File>
    public var line: Int32
    public var column: Int32

    public init(file: Index<IndexTag.File>, line: Int32, column: Int32 = 0) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// One pathway as the engine holds it: every step and transition numbered densely once, when it is read, names and
/// attributes in side tables, and the ``CompactGraph`` built once over those numbers.
///
/// - Step `Index<Step>(n)` is the `n`-th distinct step id in input order; its id is ``stepIDs```[n]`, its kind
///   ``kinds```[n]`, and so on. A step written twice keeps its first definition; the later ones are kept aside in
///   ``duplicateSteps`` (validation reports them, ``pathway()`` gives them back).
/// - Transition `Index<Transition>(e)` is the `e`-th transition whose two ends are steps; it is edge `e` of
///   ``graph``. A transition naming a step that does not exist is kept aside in ``danglingTransitions``.
/// - Staff groups, competencies, stages and settings are numbered per pathway in the order first met
///   (``staffGroupIDs``, ``competencyIDs``, ``stageNames``, ``settingNames``); each step lists its own.
/// - Attributes only a few steps have (notes, test codes, sources, patients per year, references, the reason no
///   competency is needed, `fixed`, XML element names) live in ``details``, keyed by step; those only a few
///   transitions have (a cited source, `fixed`, an element name) in ``transitionDetails``.
///
/// Readers build it through ``PathwayIndex/Builder`` (an edge list goes from bytes to the index with one hash per
/// id); ``init(_:)`` builds it from a ``Pathway`` value; ``pathway()`` gives the value back. Commands work on the
/// index and make `String`s only where they write text.
public struct PathwayIndex: Sendable {
    /// The pathway's id, title and description.
    public internal(set) var id: PathwayID
    public internal(set) var title: String
    public internal(set) var description: String?
    /// For a sub-pathway written out on its own: where it sits in its parent.
    public internal(set) var boundary: PathwayBoundary?
    /// Where the pathway was written.
    public internal(set) var location: SourceLocation?

    /// The files locations point into.
    public internal(set) var files: IndexedColumn<IndexTag.File, String>

    // MARK: Steps

    /// The id of each step.
    public internal(set) var stepIDs: NameTable<Step>
    /// The kind of each step.
    public internal(set) var kinds: IndexedColumn<Step, StepKind>
    /// The label of each step, where it has one other than its id.
    public internal(set) var labels: TextColumn<Step>
    /// Where each step was written; a line of ``firstNamedLine`` stands for where a transition first names it.
    var stepLocations: LocationColumn
    /// The stage of each step (`-1`: none).
    var stageOfStep: LazyColumn<Int32>
    /// The setting of each step (`-1`: none).
    var settingOfStep: LazyColumn<Int32>
    /// The distinct stage names, in order first met.
    public internal(set) var stageNames: NameTable<IndexTag.Stage>
    /// The distinct settings, in order first met.
    public internal(set) var settingNames: NameTable<IndexTag.Setting>
    /// `staffOffsets[s] ..< staffOffsets[s + 1]` is step `s`'s range in ``staffMembers``.
    var staffOffsets: LazyColumn<Int32>
    /// The staff groups of every step, step after step, in written order.
    public internal(set) var staffMembers: [Index<StaffGroup>]
    /// The distinct staff group ids, in order first met.
    public internal(set) var staffGroupIDs: NameTable<StaffGroup>
    /// `competencyOffsets[s] ..< competencyOffsets[s + 1]` is step `s`'s range in ``competencyMembers``.
    var competencyOffsets: LazyColumn<Int32>
    /// The competencies of every step, step after step, in written order.
    public internal(set) var competencyMembers: [Index<Competency>]
    /// The level asked for each entry of ``competencyMembers``.
    public internal(set) var competencyLevels: TextColumn<Competency>
    /// The distinct competency ids, in order first met.
    public internal(set) var competencyIDs: NameTable<Competency>
    /// What few steps have, by step.
    public internal(set) var details: [Index<Step>: StepDetails]
    /// Later definitions of an id already defined, with their position among the written steps.
    public internal(set) var duplicateSteps: [(position: Int, step: Step)]

    // MARK: Transitions

    /// The two ends of each transition as a reader appends them. Empty once ``Builder/build()`` has made the graph,
    /// which holds the same numbers (see ``transitionSources``), until ``restoreTransitionEnds()``.
    var sourceColumn: IndexedColumn<Transition, Index<Step>>
    var targetColumn: IndexedColumn<Transition, Index<Step>>
    /// The condition of each transition, where it has one.
    public internal(set) var conditions: CodedTextColumn<Transition>
    /// The share of each transition, where given.
    var shareValues: ShareColumn
    /// Where each transition was written.
    var transitionLocations: LocationColumn
    /// What few transitions have (the source cited for a share, `fixed`, an element name), by transition.
    public internal(set) var transitionDetails: [Index<Transition>: TransitionDetails]
    /// Transitions that name a step that does not exist, with their position among the written transitions.
    public internal(set) var danglingTransitions: [(position: Int, transition: Transition)]

    /// The graph over the steps: node `n` is `Index<Step>(n)`, edge `e` is `Index<Transition>(e)`.
    public internal(set) var graph: CompactGraph
    /// The two ends of each transition made again from ``graph`` when first asked for, once the columns were let
    /// go (``releaseTransitionEnds()``); shared by the copies of the index.
    var lateEnds: LateValue<TransitionEnds>? = nil

    /// The number of steps (distinct ids).
    public var stepCount: Int { stepIDs.count }
    /// The number of transitions between existing steps.
    public var transitionCount: Int { lateEnds == nil ? sourceColumn.count : graph.edgeCount }

    /// The source of each transition.
    ///
    /// The graph holds every transition's ends in its rows, so a built index does not keep these columns as well
    /// (at 10^6 steps they are 10 MB): the first read after ``Builder/build()`` makes them from the graph, once, for
    /// this index and its copies. Read them into a local before a loop over many transitions.
    ///
    /// - Complexity: O(1), or O(V + E) the first time after the build.
    public var transitionSources: IndexedColumn<Transition, Index<Step>> {
        lateEnds?.value { Self.transitionEnds(of: graph) }.sources ?? sourceColumn
    }

    /// The target of each transition (see ``transitionSources``).
    public var transitionTargets: IndexedColumn<Transition, Index<Step>> {
        lateEnds?.value { Self.transitionEnds(of: graph) }.targets ?? targetColumn
    }

    /// Lets the transition columns go: the graph holds the same numbers, and ``transitionSources`` and
    /// ``transitionTargets`` make them from it when first asked for.
    mutating func releaseTransitionEnds() {
        guard lateEnds == nil else { return }
        sourceColumn = IndexedColumn()
        targetColumn = IndexedColumn()
        lateEnds = LateValue()
    }

    /// The two ends of every transition, in transition order.
    typealias TransitionEnds = (
        sources: IndexedColumn<Transition, Index<Step>>, targets: IndexedColumn<Transition, Index<Step>>
    )

    /// Every transition's two ends, read off a graph's successor rows.
    ///
    /// - Complexity: O(V + E).
    static func transitionEnds(of graph: CompactGraph) -> TransitionEnds {
        var sources = [Index<Step>](repeating: Index(raw: 0), count: graph.edgeCount)
        var targets = [Index<Step>](repeating: Index(raw: 0), count: graph.edgeCount)
        for node in 0..<graph.nodeCount {
            for slot in Int(graph.successorOffsets[node])..<Int(graph.successorOffsets[node + 1]) {
                let edge = Int(graph.successorEdges[slot])
                sources[edge] = Index(raw: Int32(node))
                targets[edge] = Index(raw: graph.successorTargets[slot])
            }
        }
        return (IndexedColumn(sources), IndexedColumn(targets))
    }

    /// Brings the transition columns back, for code that appends to them.
    mutating func restoreTransitionEnds() {
        guard let lateEnds else { return }
        (sourceColumn, targetColumn) = lateEnds.value { Self.transitionEnds(of: graph) }
        self.lateEnds = nil
    }

    /// Every step index, in order.
    public var steps: some RandomAccessCollection<Index<Step>> { (0..<Int32(stepCount)).lazy.map(Index.init(raw:)) }
    /// Every transition index, in order.
    public var transitions: some RandomAccessCollection<Index<Transition>> {
        (0..<Int32(transitionCount)).lazy.map(Index.init(raw:))
    }

    // MARK: Reading side tables

    /// The label of a step: its own, or its id.
    public func label(_ step: Index<Step>) -> String { labels[step] ?? stepIDs[step] }

    /// The stage of a step, if it has one.
    public func stage(_ step: Index<Step>) -> Index<IndexTag.Stage>? {
        let raw = stageOfStep[step.position]
        return raw < 0 ? nil : Index(raw: raw)
    }

    /// The care setting of a step, if it has one.
    public func setting(_ step: Index<Step>) -> Index<IndexTag.Setting>? {
        let raw = settingOfStep[step.position]
        return raw < 0 ? nil : Index(raw: raw)
    }

    /// The staff groups of a step, in written order.
    public func staffGroups(_ step: Index<Step>) -> ArraySlice<Index<StaffGroup>> {
        staffMembers[Int(staffOffsets[step.position])..<Int(staffOffsets[step.position + 1])]
    }

    /// The positions in ``competencyMembers`` (and ``competencyLevels``) of a step's competencies.
    public func competencySlots(_ step: Index<Step>) -> Range<Int> {
        Int(competencyOffsets[step.position])..<Int(competencyOffsets[step.position + 1])
    }

    /// The share of patients leaving by a transition, where given.
    public func share(_ transition: Index<Transition>) -> Double? {
        shareValues[transition.position]
    }

    /// A location as a ``SourceLocation`` (for messages); `nil` for one written nowhere.
    public func sourceLocation(_ location: CompactLocation) -> SourceLocation? {
        guard location.line >= 0 else { return nil }
        return SourceLocation(
            file: files[location.file], line: location.line > 0 ? Int(location.line) : nil,
            column: location.column > 0 ? Int(location.column) : nil)
    }

    /// The line that marks a step located where a transition first names it (a step an edge list only names).
    static let firstNamedLine: Int32 = -2

    /// Where a step was written, as stored: for a step only named by transitions, the file and line (not the
    /// column) of the first transition naming it, found from the graph (its first edge out or in, whichever was
    /// written first), so that no location is stored per step.
    ///
    /// - Complexity: O(1).
    func compactLocation(_ step: Index<Step>) -> CompactLocation {
        let stored = stepLocations[step.position]
        guard stored.line == Self.firstNamedLine else { return stored }
        var first = Int32.max
        let node = step.position
        if graph.successorOffsets[node] < graph.successorOffsets[node + 1] {
            first = graph.successorEdges[Int(graph.successorOffsets[node])]
        }
        if graph.predecessorOffsets[node] < graph.predecessorOffsets[node + 1] {
            first = min(first, graph.predecessorEdges[Int(graph.predecessorOffsets[node])])
        }
        guard first != Int32.max else { return CompactLocation(file: Index(raw: 0), line: -1) }
        let transition = transitionLocations[Int(first)]
        return CompactLocation(file: transition.file, line: transition.line)
    }

    /// Where a step was written.
    public func location(_ step: Index<Step>) -> SourceLocation? {
        guard var location = sourceLocation(compactLocation(step)) else { return nil }
        location.element = details[step]?.element
        return location
    }

    /// The line a step was written on (0 where unknown), without making a ``SourceLocation``.
    public func line(_ step: Index<Step>) -> Int { max(0, Int(compactLocation(step).line)) }

    /// Where a transition was written.
    public func location(_ transition: Index<Transition>) -> SourceLocation? {
        guard var location = sourceLocation(transitionLocations[transition.position]) else { return nil }
        location.element = transitionDetails[transition]?.element
        return location
    }

    /// Whether a national pathway marks a step as one regional variants must not change or remove.
    public func isFixed(_ step: Index<Step>) -> Bool { details[step]?.isFixed ?? false }

    /// Whether a national pathway marks a transition as one regional variants must not change or remove.
    public func isFixed(_ transition: Index<Transition>) -> Bool { transitionDetails[transition]?.isFixed ?? false }

    /// The step with an id, if there is one.
    ///
    /// - Complexity: O(length of the id) expected. Where the reader dropped the ids' lookup table to save memory
    ///   (an edge list's does), the first lookup builds it again, in O(total length of the ids), once for the index
    ///   and its copies, whichever thread asks first.
    public func step(named id: StepID) -> Index<Step>? { stepIDs.index(of: id.rawValue) }
}
