/// A pathway value together with its ``PathwayIndex``: dense node ids over the steps and the ``CompactGraph`` over
/// the transitions whose ends both exist, built once.
///
/// Node `n` is the `n`-th distinct step id in file order (`Index<Step>(n)` of ``index``); a duplicated id keeps its
/// first step (validation reports the duplicate). Edge `e` of ``graph`` is the `e`-th transition whose ends are both
/// known (`Index<Transition>(e)`).
public struct PathwayGraph: Sendable {
    /// The pathway as a value.
    public let pathway: Pathway
    /// The pathway's index: side tables by step and transition, and the graph.
    public let index: PathwayIndex
    /// The graph (the index's).
    public let graph: CompactGraph
    /// Index into `pathway.steps` of each node.
    public let stepIndexOfNode: [Int]
    /// Index into `pathway.transitions` of each edge.
    public let transitionIndexOfEdge: [Int]

    /// Builds the index and graph of a pathway.
    ///
    /// - Complexity: O(V + E) expected (hashing each id once).
    public init(_ pathway: Pathway) {
        self.init(pathway: pathway, index: PathwayIndex(pathway))
    }

    /// A graph over an index, with the pathway value made from it.
    ///
    /// - Complexity: O(V + E), and a `String` per id for the value.
    public init(index: PathwayIndex) {
        self.init(pathway: index.pathway(), index: index)
    }

    private init(pathway: Pathway, index: PathwayIndex) {
        self.pathway = pathway
        self.index = index
        graph = index.graph
        stepIndexOfNode = Self.positions(count: pathway.steps.count, skipping: index.duplicateSteps.map { $0.position })
        transitionIndexOfEdge = Self.positions(
            count: pathway.transitions.count, skipping: index.danglingTransitions.map { $0.position })
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

    /// The step of a node.
    public func step(_ node: Int32) -> Step { pathway.steps[stepIndexOfNode[Int(node)]] }

    /// The transition of an edge.
    public func transition(_ edge: Int32) -> Transition { pathway.transitions[transitionIndexOfEdge[Int(edge)]] }

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
        (Int(graph.successorOffsets[Int(node)])..<Int(graph.successorOffsets[Int(node) + 1])).map {
            transition(graph.successorEdges[$0])
        }
    }
}

extension PathwayGraph: Hashable {
    /// Two graphs are equal when their pathways are: the index and graph are made from the pathway (or it from them)
    /// one way only.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.pathway == rhs.pathway }

    public func hash(into hasher: inout Hasher) { hasher.combine(pathway) }
}
