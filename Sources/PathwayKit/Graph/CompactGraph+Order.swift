extension CompactGraph {
    /// The nodes in pathway order: strongly connected components in a topological order of the condensation
    /// (Kahn's algorithm, a first-in first-out queue seeded with the source components by lowest node id), and
    /// the nodes of each component by ascending id. Every edge between components goes forward in this order.
    ///
    /// - Parameter components: The graph's components, if already computed.
    /// - Returns: Every node once.
    /// - Complexity: O(V + E), no recursion.
    public func pathwayOrder(_ components: StronglyConnectedComponents? = nil) -> [Int32] {
        let components = components ?? stronglyConnectedComponents()
        let condensed = condensation(components)
        let componentCount = components.componentCount
        var lowest = [Int32](repeating: Int32.max, count: componentCount)
        for node in 0..<nodeCount {
            let component = Int(components.componentOfNode[node])
            if lowest[component] == Int32.max { lowest[component] = Int32(node) }
        }
        var remaining = (0..<componentCount).map { condensed.inDegree(of: Int32($0)) }
        var queue = (0..<Int32(componentCount)).filter { remaining[Int($0)] == 0 }
        queue.sort { lowest[Int($0)] < lowest[Int($1)] }
        queue.reserveCapacity(componentCount)
        var head = 0
        while head < queue.count {
            let component = queue[head]
            head += 1
            for next in condensed.successors(of: component) {
                remaining[Int(next)] -= 1
                if remaining[Int(next)] == 0 { queue.append(next) }
            }
        }
        // Members of each component, ascending, as flat arrays.
        var memberOffsets = [Int](repeating: 0, count: componentCount + 1)
        for component in components.componentOfNode { memberOffsets[Int(component) + 1] += 1 }
        for index in 0..<componentCount { memberOffsets[index + 1] += memberOffsets[index] }
        var cursor = memberOffsets
        var members = [Int32](repeating: 0, count: nodeCount)
        for node in 0..<nodeCount {
            let component = Int(components.componentOfNode[node])
            members[cursor[component]] = Int32(node)
            cursor[component] += 1
        }
        var order: [Int32] = []
        order.reserveCapacity(nodeCount)
        for component in queue {
            order += members[memberOffsets[Int(component)]..<memberOffsets[Int(component) + 1]]
        }
        return order
    }

    /// The position of each node in ``pathwayOrder(_:)``.
    ///
    /// - Complexity: O(V + E).
    public func pathwayRanks(_ components: StronglyConnectedComponents? = nil) -> [Int32] {
        var rank = [Int32](repeating: 0, count: nodeCount)
        for (position, node) in pathwayOrder(components).enumerated() { rank[Int(node)] = Int32(position) }
        return rank
    }
}
