import Synchronization

/// A pathway's ``PathwayIndex`` (dense node ids over the steps and the ``CompactGraph`` over the transitions whose
/// ends both exist, built once), with the pathway as a value made from it when first asked for.
///
/// Node `n` is the `n`-th distinct step id in file order (`Index<Step>(n)` of ``index``); a duplicated id keeps its
/// first step (validation reports the duplicate). Edge `e` of ``graph`` is the `e`-th transition whose ends are both
/// known (`Index<Transition>(e)`).
public struct PathwayGraph: Sendable {
    /// The pathway's index: side tables by step and transition, and the graph.
    public let index: PathwayIndex
    /// The value, once made (shared by copies of this graph).
    private let value: ValueCache

    /// The graph (the index's).
    public var graph: CompactGraph { index.graph }

    /// The pathway as a value: made from the index the first time it is asked for (by any copy), then kept.
    ///
    /// - Complexity: O(V + E) and a `String` per id the first time; O(1) after.
    public var pathway: Pathway { value.made(from: index).pathway }

    /// Index into `pathway.steps` of each node (made with ``pathway``).
    public var stepIndexOfNode: [Int] { value.made(from: index).stepIndexOfNode }

    /// Index into `pathway.transitions` of each edge (made with ``pathway``).
    public var transitionIndexOfEdge: [Int] { value.made(from: index).transitionIndexOfEdge }

    /// Builds the index and graph of a pathway.
    ///
    /// - Complexity: O(V + E) expected (hashing each id once).
    public init(_ pathway: Pathway) {
        index = PathwayIndex(pathway)
        value = ValueCache(Self.made(pathway, index: index))
    }

    /// A graph over an index; the pathway value is made from it only when asked for.
    ///
    /// - Complexity: O(1).
    public init(index: PathwayIndex) {
        self.index = index
        value = ValueCache(nil)
    }

    /// Whether the pathway value has been made (by any copy): a probe for tests that check a command works from
    /// the index alone.
    var hasMadeValue: Bool { value.isMade }

    /// The value of a pathway with the positions of its nodes and edges among its steps and transitions.
    fileprivate static func made(_ pathway: Pathway, index: PathwayIndex) -> Made {
        Made(
            pathway: pathway,
            stepIndexOfNode: positions(count: pathway.steps.count, skipping: index.duplicateSteps.map { $0.position }),
            transitionIndexOfEdge: positions(
                count: pathway.transitions.count, skipping: index.danglingTransitions.map { $0.position }))
    }

    /// `0..<count` without the positions in `skipped` (ascending).
    private static func positions(count: Int, skipping skipped: [Int]) -> [Int] {
        guard !skipped.isEmpty else { return Array(0..<count) }
        var result: [Int] = []
        result.reserveCapacity(count - skipped.count)
        var next = skipped[...]
        for position in 0..<count {
            if next.first == position {
                next = next.dropFirst()
            } else {
                result.append(position)
            }
        }
        return result
    }

    /// The step of a node: the pathway value's where it has been made, else made from the index alone (the same
    /// value; no pathway value is made).
    ///
    /// - Complexity: O(1) once the value is made; O(size of the step's lists) otherwise.
    public func step(_ node: Int32) -> Step {
        guard let made = value.madeIfAny else { return index.stepValue(Index(raw: node)) }
        return made.pathway.steps[made.stepIndexOfNode[Int(node)]]
    }

    /// The transition of an edge: the pathway value's where it has been made, else made from the index alone.
    ///
    /// - Complexity: O(1) once the value is made; O(length of its ids and condition) otherwise.
    public func transition(_ edge: Int32) -> Transition {
        guard let made = value.madeIfAny else { return index.transitionValue(Index(raw: edge)) }
        return made.pathway.transitions[made.transitionIndexOfEdge[Int(edge)]]
    }

    /// The node of a step id, if the step exists.
    ///
    /// - Complexity: O(length of the id) expected.
    public func node(_ id: StepID) -> Int32? { index.step(named: id)?.raw }

    /// The nodes of a kind, in step order.
    ///
    /// - Complexity: O(V).
    public func nodes(ofKind kind: StepKind) -> [Int32] {
        (0..<Int32(graph.nodeCount)).filter { index.kinds.values[Int($0)] == kind }
    }

    /// The transitions leaving a node, in file order.
    public func outgoingTransitions(of node: Int32) -> [Transition] {
        let graph = index.graph
        return (Int(graph.successorOffsets[Int(node)])..<Int(graph.successorOffsets[Int(node) + 1])).map {
            transition(graph.successorEdges[$0])
        }
    }

    /// A pathway value with the positions of its nodes and edges.
    fileprivate struct Made: Sendable {
        var pathway: Pathway
        var stepIndexOfNode: [Int]
        var transitionIndexOfEdge: [Int]
    }

    /// The value of a graph, made at most once and shared by its copies.
    private final class ValueCache: Sendable {
        private let state: Mutex<Made?>

        init(_ made: Made?) { state = Mutex(made) }

        var isMade: Bool { state.withLock { $0 != nil } }

        /// The value, if it has been made.
        var madeIfAny: Made? { state.withLock { $0 } }

        func made(from index: PathwayIndex) -> Made {
            state.withLock { state in
                if let state { return state }
                let made = PathwayGraph.made(index.pathway(), index: index)
                state = made
                return made
            }
        }
    }
}

extension PathwayGraph: Hashable {
    /// Two graphs are equal when their pathways are: the index and graph are made from the pathway (or it from them)
    /// one way only.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.pathway == rhs.pathway }

    public func hash(into hasher: inout Hasher) { hasher.combine(pathway) }
}
