extension CompactGraph {
    /// The immediate dominators of an acyclic graph from one root: `idom[v]` is the last node other than `v` on
    /// every path from `root` to `v`; `idom[root] == root`; `-1` for nodes the root does not reach.
    ///
    /// Cooper, Harvey and Kennedy's intersection over a topological order: on an acyclic graph one pass suffices,
    /// because every predecessor is settled before the node.
    ///
    /// - Parameters:
    ///   - root: The root (every other node should be reachable from it).
    ///   - order: A topological order of the graph (in the direction followed).
    ///   - direction: `.forward` for dominators, `.backward` for post-dominators (then `order` is reversed by the
    ///     caller and `root` is the sink).
    /// - Returns: The immediate dominator of each node.
    /// - Complexity: O(V + E · h), where h is the length of the dominator-tree walks between a node's predecessors
    ///   and their common dominator (small for pathway-like graphs, O(V) in the worst case); no recursion.
    public func immediateDominators(root: Int32, order: [Int32], direction: Direction = .forward) -> [Int32] {
        var position = [Int32](repeating: -1, count: nodeCount)
        for (index, node) in order.enumerated() { position[Int(node)] = Int32(index) }
        var idom = [Int32](repeating: -1, count: nodeCount)
        idom[Int(root)] = root
        let offsets = direction == .forward ? predecessorOffsets : successorOffsets
        let neighbours = direction == .forward ? predecessorSources : successorTargets
        for node in order where node != root {
            var best: Int32 = -1
            for slot in Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1]) {
                let previous = neighbours[slot]
                guard idom[Int(previous)] >= 0 else { continue }
                if best < 0 {
                    best = previous
                    continue
                }
                var a = previous
                var b = best
                while a != b {
                    while position[Int(a)] > position[Int(b)] { a = idom[Int(a)] }
                    while position[Int(b)] > position[Int(a)] { b = idom[Int(b)] }
                }
                best = a
            }
            idom[Int(node)] = best
        }
        return idom
    }
}
