/// The program structure tree of a graph: its canonical single-entry single-exit regions and how they nest
/// (Johnson, Pearson and Pingali, PLDI 1994), over the node-expanded graph so that regions are sets of whole nodes.
///
/// Each node `v` is split into `v_in → v_out` (its *node edge*, edge id `v`); input edge `k` from `u` to `w` becomes
/// `u_out → w_in` (edge id `nodeCount + k`). A virtual start joins every entry, every exit joins a virtual end, and
/// an edge from the end back to the start makes the expanded graph strongly connected. A canonical region is a pair
/// of cycle-equivalent edges `(a, b)` consecutive in the order a depth-first search meets their class: `a`
/// dominates `b`, `b` post-dominates `a`, so every path into the region crosses `a` and every path out crosses `b`.
/// Loops are not collapsed: a loop body is split like any other code.
public struct ProgramStructureTree: Sendable, Hashable {
    /// For each region, its entry edge in the expanded graph.
    public let regionEntry: [Int32]
    /// For each region, its exit edge in the expanded graph.
    public let regionExit: [Int32]
    /// For each region, the region it lies inside, or `-1` for the top level.
    public let regionParent: [Int32]
    /// For each node of the input graph, the innermost region holding it whole (both halves), or `-1`.
    public let regionOfNode: [Int32]
    /// The nodes in the order the depth-first search of the expanded graph first reached them (`v_in`).
    public let nodeOrder: [Int32]
    /// For each region, the position in the search at which its entry edge was crossed (orders siblings).
    public let regionRank: [Int32]

    /// For each region, the node its entry edge leaves (for a node edge, that node), or `-1` for the virtual start.
    public let regionEntrySource: [Int32]
    /// For each region, the node its entry edge enters (for a node edge, that node), or `-1`.
    public let regionEntryTarget: [Int32]
    /// For each region, the node its exit edge enters (for a node edge, that node), or `-1` for the virtual end.
    public let regionExitTarget: [Int32]
    /// For each region, whether its entry edge is a node edge (the region starts after a whole node).
    public let isNodeEdgeEntry: [Bool]

    /// The number of regions.
    public var regionCount: Int { regionEntry.count }
}

extension CompactGraph {
    /// The program structure tree (see ``ProgramStructureTree``), by cycle equivalence.
    ///
    /// Entries are the given nodes plus one node (the lowest id) of every strongly connected component nothing else
    /// enters; exits are the given nodes plus one node of every component nothing else leaves, so every node lies on
    /// a route from the virtual start to the virtual end.
    ///
    /// - Parameters:
    ///   - entries: Nodes to join to the virtual start (start steps).
    ///   - exits: Nodes to join to the virtual end (end steps).
    /// - Returns: The canonical regions with their nesting, and each node's innermost region.
    /// - Complexity: O(V + E) time and memory: components, ``cycleEquivalence(root:)`` on a graph of 2V + 2 nodes
    ///   and V + E + O(V) edges, and two depth-first searches; no recursion.
    public func programStructureTree(entries: [Int32] = [], exits: [Int32] = []) -> ProgramStructureTree {
        let n = nodeCount
        let none = Int32(-1)
        let components = stronglyConnectedComponents()
        var hasIn = [Bool](repeating: false, count: components.componentCount)
        var hasOut = [Bool](repeating: false, count: components.componentCount)
        var representative = [Int32](repeating: none, count: components.componentCount)
        for node in 0..<Int32(n) {
            let from = components.componentOfNode[Int(node)]
            if representative[Int(from)] == none { representative[Int(from)] = node }
            for next in successors(of: node) where components.componentOfNode[Int(next)] != from {
                hasOut[Int(from)] = true
                hasIn[Int(components.componentOfNode[Int(next)])] = true
            }
        }
        var isEntry = [Bool](repeating: false, count: n)
        var isExit = [Bool](repeating: false, count: n)
        for node in entries { isEntry[Int(node)] = true }
        for node in exits { isExit[Int(node)] = true }
        for component in 0..<components.componentCount {
            if !hasIn[component] { isEntry[Int(representative[component])] = true }
            if !hasOut[component] { isExit[Int(representative[component])] = true }
        }
        // The expanded graph.
        let start = Int32(2 * n)
        let end = start + 1
        var sources: [Int32] = []
        var targets: [Int32] = []
        sources.reserveCapacity(2 * n + edgeCount + 1)
        targets.reserveCapacity(2 * n + edgeCount + 1)
        for node in 0..<Int32(n) {
            sources.append(2 * node)
            targets.append(2 * node + 1)
        }
        // Input edges in input order (edge k becomes expanded edge n + k).
        var edgeSource = [Int32](repeating: 0, count: edgeCount)
        var edgeTarget = [Int32](repeating: 0, count: edgeCount)
        for node in 0..<Int32(n) {
            for slot in Int(successorOffsets[Int(node)])..<Int(successorOffsets[Int(node) + 1]) {
                edgeSource[Int(successorEdges[slot])] = node
                edgeTarget[Int(successorEdges[slot])] = successorTargets[slot]
            }
        }
        for edge in 0..<edgeCount {
            sources.append(2 * edgeSource[edge] + 1)
            targets.append(2 * edgeTarget[edge])
        }
        for node in 0..<Int32(n) where isEntry[Int(node)] {
            sources.append(start)
            targets.append(2 * node)
        }
        for node in 0..<Int32(n) where isExit[Int(node)] {
            sources.append(2 * node + 1)
            targets.append(end)
        }
        sources.append(end)
        targets.append(start)
        let expanded = CompactGraph(nodeCount: 2 * n + 2, sources: sources, targets: targets)
        let classes = expanded.cycleEquivalence(root: start).classOfEdge

        // A directed depth-first search from the start meets each class's edges in dominance order; consecutive
        // edges of a class bound a canonical region. `regionEntered`/`regionExited` index regions by edge.
        let expandedEdges = expanded.edgeCount
        var regionEntered = [Int32](repeating: none, count: expandedEdges)
        var regionExited = [Int32](repeating: none, count: expandedEdges)
        var lastOfClass = [Int32](repeating: none, count: expandedEdges)
        var regionEntry: [Int32] = []
        var regionExit: [Int32] = []
        var visited = [Bool](repeating: false, count: expanded.nodeCount)
        var edgeOrder: [Int32] = []
        edgeOrder.reserveCapacity(expandedEdges)
        var stack: [(node: Int32, next: Int32)] = [(start, expanded.successorOffsets[Int(start)])]
        visited[Int(start)] = true
        while let top = stack.last {
            if top.next == expanded.successorOffsets[Int(top.node) + 1] {
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].next += 1
            let slot = Int(top.next)
            let edge = expanded.successorEdges[slot]
            edgeOrder.append(edge)
            let equivalence = Int(classes[Int(edge)])
            let previous = lastOfClass[equivalence]
            if previous != none {
                regionEntered[Int(previous)] = Int32(regionEntry.count)
                regionExited[Int(edge)] = Int32(regionEntry.count)
                regionEntry.append(previous)
                regionExit.append(edge)
            }
            lastOfClass[equivalence] = edge
            let next = expanded.successorTargets[slot]
            if !visited[Int(next)] {
                visited[Int(next)] = true
                stack.append((next, expanded.successorOffsets[Int(next)]))
            }
        }

        // Nesting: walk the same search again carrying the innermost open region along tree edges. An entry edge
        // dominates its region, so it is always the tree edge into its target.
        var rankOfEdge = [Int32](repeating: 0, count: expandedEdges)
        for (position, edge) in edgeOrder.enumerated() { rankOfEdge[Int(edge)] = Int32(position) }
        let regionRank = regionEntry.map { rankOfEdge[Int($0)] }
        var regionParent = [Int32](repeating: none, count: regionEntry.count)
        var parentKnown = [Bool](repeating: false, count: regionEntry.count)
        var regionAt = [Int32](repeating: none, count: expanded.nodeCount)
        var regionOfEdge = [Int32](repeating: none, count: expandedEdges)
        var nodeOrder: [Int32] = []
        nodeOrder.reserveCapacity(n)
        for index in visited.indices { visited[index] = false }
        visited[Int(start)] = true
        stack = [(start, expanded.successorOffsets[Int(start)])]
        while let top = stack.last {
            if top.next == expanded.successorOffsets[Int(top.node) + 1] {
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].next += 1
            let slot = Int(top.next)
            let edge = expanded.successorEdges[slot]
            var current = regionAt[Int(top.node)]
            if regionExited[Int(edge)] != none { current = regionParent[Int(regionExited[Int(edge)])] }
            regionOfEdge[Int(edge)] = current
            let entered = regionEntered[Int(edge)]
            if entered != none {
                if !parentKnown[Int(entered)] {
                    parentKnown[Int(entered)] = true
                    regionParent[Int(entered)] = current
                }
                current = entered
            }
            let next = expanded.successorTargets[slot]
            if !visited[Int(next)] {
                visited[Int(next)] = true
                regionAt[Int(next)] = current
                if next < start && next % 2 == 0 { nodeOrder.append(next / 2) }
                stack.append((next, expanded.successorOffsets[Int(next)]))
            }
        }
        // A node belongs to the region holding its node edge.
        let regionOfNode = (0..<n).map { regionOfEdge[$0] }
        func step(_ expandedNode: Int32) -> Int32 { expandedNode < start ? expandedNode / 2 : none }
        return ProgramStructureTree(
            regionEntry: regionEntry, regionExit: regionExit, regionParent: regionParent, regionOfNode: regionOfNode,
            nodeOrder: nodeOrder, regionRank: regionRank,
            regionEntrySource: regionEntry.map { step(sources[Int($0)]) },
            regionEntryTarget: regionEntry.map { step(targets[Int($0)]) },
            regionExitTarget: regionExit.map { step(targets[Int($0)]) },
            isNodeEdgeEntry: regionEntry.map { Int($0) < n })
    }
}
