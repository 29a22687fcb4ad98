extension CompactGraph {
    /// The direction in which to follow edges.
    public enum Direction: Sendable {
        case forward, backward
    }

    /// The nodes reachable from a set of roots (the roots included), by breadth-first search with an explicit
    /// queue.
    ///
    /// - Parameters:
    ///   - roots: Where to start.
    ///   - direction: `.forward` follows edges, `.backward` follows them in reverse ("can reach").
    /// - Returns: A flag per node.
    /// - Complexity: O(V + E).
    public func reachable(from roots: some Sequence<Int32>, direction: Direction = .forward) -> [Bool] {
        var seen = [Bool](repeating: false, count: nodeCount)
        var queue: [Int32] = []
        queue.reserveCapacity(nodeCount)
        for root in roots where !seen[Int(root)] {
            seen[Int(root)] = true
            queue.append(root)
        }
        let offsets = direction == .forward ? successorOffsets : predecessorOffsets
        let neighbours = direction == .forward ? successorTargets : predecessorSources
        var head = 0
        while head < queue.count {
            let node = Int(queue[head])
            head += 1
            for slot in Int(offsets[node])..<Int(offsets[node + 1]) {
                let next = neighbours[slot]
                if !seen[Int(next)] {
                    seen[Int(next)] = true
                    queue.append(next)
                }
            }
        }
        return seen
    }

    /// A topological order of the nodes (Kahn's algorithm; ties broken by node id), or `nil` if the graph has a
    /// cycle.
    ///
    /// - Complexity: O(V + E).
    public func topologicalOrder() -> [Int32]? {
        var remaining = (0..<nodeCount).map { inDegree(of: Int32($0)) }
        var order: [Int32] = []
        order.reserveCapacity(nodeCount)
        for node in 0..<nodeCount where remaining[node] == 0 { order.append(Int32(node)) }
        var head = 0
        while head < order.count {
            let node = order[head]
            head += 1
            for next in successors(of: node) {
                remaining[Int(next)] -= 1
                if remaining[Int(next)] == 0 { order.append(next) }
            }
        }
        return order.count == nodeCount ? order : nil
    }

    /// Whether the graph has no directed cycle (self-loops count as cycles).
    ///
    /// - Complexity: O(V + E).
    public var isAcyclic: Bool { topologicalOrder() != nil }
}
