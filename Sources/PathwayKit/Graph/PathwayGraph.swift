/// A pathway with its structure built for queries: dense node ids over the steps, and a ``CompactGraph`` over the
/// transitions whose ends both exist.
///
/// Node `n` is the `n`-th distinct step id in file order; a duplicated id keeps its first step (validation reports
/// the duplicate). Edge `e` of ``graph`` is the `e`-th transition whose ends are both known.
public struct PathwayGraph: Sendable {
    public let pathway: Pathway
    public let graph: CompactGraph
    /// Node id of each step id.
    public let nodeOfStep: [StepID: Int32]
    /// Index into `pathway.steps` of each node.
    public let stepIndexOfNode: [Int]
    /// Index into `pathway.transitions` of each edge.
    public let transitionIndexOfEdge: [Int]

    /// Builds the graph of a pathway.
    ///
    /// - Complexity: O(V + E) expected (hashing each id once).
    public init(_ pathway: Pathway) {
        self.pathway = pathway
        var nodeOfStep: [StepID: Int32] = [:]
        nodeOfStep.reserveCapacity(pathway.steps.count)
        var stepIndexOfNode: [Int] = []
        for (index, step) in pathway.steps.enumerated() where nodeOfStep[step.id] == nil {
            nodeOfStep[step.id] = Int32(stepIndexOfNode.count)
            stepIndexOfNode.append(index)
        }
        var sources: [Int32] = []
        var targets: [Int32] = []
        var transitionIndexOfEdge: [Int] = []
        for (index, transition) in pathway.transitions.enumerated() {
            guard let from = nodeOfStep[transition.from], let to = nodeOfStep[transition.to] else { continue }
            sources.append(from)
            targets.append(to)
            transitionIndexOfEdge.append(index)
        }
        self.nodeOfStep = nodeOfStep
        self.stepIndexOfNode = stepIndexOfNode
        self.transitionIndexOfEdge = transitionIndexOfEdge
        self.graph = CompactGraph(nodeCount: stepIndexOfNode.count, sources: sources, targets: targets)
    }

    /// The step of a node.
    public func step(_ node: Int32) -> Step { pathway.steps[stepIndexOfNode[Int(node)]] }

    /// The transition of an edge.
    public func transition(_ edge: Int32) -> Transition { pathway.transitions[transitionIndexOfEdge[Int(edge)]] }

    /// The node of a step id, if the step exists.
    public func node(_ id: StepID) -> Int32? { nodeOfStep[id] }

    /// The nodes of a kind, in step order.
    ///
    /// - Complexity: O(V).
    public func nodes(ofKind kind: StepKind) -> [Int32] {
        (0..<Int32(graph.nodeCount)).filter { step($0).kind == kind }
    }

    /// The transitions leaving a node, in file order.
    public func outgoingTransitions(of node: Int32) -> [Transition] {
        (Int(graph.successorOffsets[Int(node)])..<Int(graph.successorOffsets[Int(node) + 1])).map {
            transition(graph.successorEdges[$0])
        }
    }
}
