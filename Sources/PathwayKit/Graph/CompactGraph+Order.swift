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
        let componentCount = components.componentCount
        let componentOfNode = components.componentOfNode
        // Members of each component, ascending, as flat arrays; the lowest member comes first. The offsets serve as
        // cursors while the members are laid out, then move back by one.
        var memberOffsets = [Int32](repeating: 0, count: componentCount + 1)
        for component in componentOfNode { memberOffsets[Int(component) + 1] += 1 }
        for index in 0..<componentCount { memberOffsets[index + 1] += memberOffsets[index] }
        var members = [Int32](repeating: 0, count: nodeCount)
        for node in 0..<nodeCount {
            let component = Int(componentOfNode[node])
            members[Int(memberOffsets[component])] = Int32(node)
            memberOffsets[component] += 1
        }
        for index in stride(from: componentCount, to: 0, by: -1) { memberOffsets[index] = memberOffsets[index - 1] }
        memberOffsets[0] = 0
        // Transitions entering each component from another (the condensation's in-degrees, parallel ones counted).
        var remaining = [Int32](repeating: 0, count: componentCount)
        for node in 0..<nodeCount {
            let from = componentOfNode[node]
            for slot in Int(successorOffsets[node])..<Int(successorOffsets[node + 1]) {
                let to = componentOfNode[Int(successorTargets[slot])]
                if to != from { remaining[Int(to)] += 1 }
            }
        }
        // Kahn's algorithm over the condensation, walked through the members: a component's transitions out are
        // its members' (ascending), each in input order, as the condensation lists them. The queue is the order.
        // The source components by lowest node id: each as its lowest member comes up in a walk by id (its entry in
        // `remaining`, which no transition lowers, is set to -1 once queued): the order a sort by lowest member gave,
        // without the sort's lookups at random (a random graph has hundreds of thousands of source components).
        var queue: [Int32] = []
        // Room for every node: the order is laid out in the queue's own memory at the end.
        queue.reserveCapacity(nodeCount)
        for component in componentOfNode where remaining[Int(component)] == 0 {
            queue.append(component)
            remaining[Int(component)] = -1
        }
        var head = 0
        while head < queue.count {
            let component = queue[head]
            head += 1
            for position in Int(memberOffsets[Int(component)])..<Int(memberOffsets[Int(component) + 1]) {
                let member = members[position]
                for slot in Int(successorOffsets[Int(member)])..<Int(successorOffsets[Int(member) + 1]) {
                    let next = componentOfNode[Int(successorTargets[slot])]
                    guard next != component else { continue }
                    remaining[Int(next)] -= 1
                    if remaining[Int(next)] == 0 { queue.append(next) }
                }
            }
        }
        remaining = []
        if componentCount == nodeCount {
            // One node per component: the order is the queue, each component replaced by its node.
            for position in queue.indices { queue[position] = members[Int(queue[position])] }
            return queue
        }
        // Each component replaced by its members in place, from the last one back: component `q` goes to the
        // positions after the members of the components before it, which number at least `q`, so it is read before
        // anything is written over it, and nothing before it is.
        let componentOrder = queue.count
        queue.append(contentsOf: repeatElement(0, count: nodeCount - componentOrder))
        queue.withUnsafeMutableBufferPointer { order in
            var end = nodeCount
            for position in stride(from: componentOrder - 1, through: 0, by: -1) {
                let component = Int(order[position])
                let first = Int(memberOffsets[component])
                let size = Int(memberOffsets[component + 1]) - first
                end -= size
                for offset in stride(from: size - 1, through: 0, by: -1) {
                    order[end + offset] = members[first + offset]
                }
            }
        }
        return queue
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
