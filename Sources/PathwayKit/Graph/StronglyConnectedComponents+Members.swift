extension StronglyConnectedComponents {
    /// The members of every component as flat arrays: component `c` holds `nodes[offsets[c] ..< offsets[c + 1]]`,
    /// in ascending node id.
    ///
    /// - Complexity: O(V) (a counting sort).
    public func flatMembers() -> (offsets: [Int32], nodes: [Int32]) {
        var offsets = [Int32](repeating: 0, count: componentCount + 1)
        for component in componentOfNode { offsets[Int(component) + 1] &+= 1 }
        for index in 0..<componentCount { offsets[index + 1] &+= offsets[index] }
        var cursor = offsets
        var nodes = [Int32](repeating: 0, count: componentOfNode.count)
        for (node, component) in componentOfNode.enumerated() {
            nodes[Int(cursor[Int(component)])] = Int32(node)
            cursor[Int(component)] &+= 1
        }
        return (offsets, nodes)
    }

    /// Whether each component is a cycle: more than one node, or one node with a link to itself.
    ///
    /// - Complexity: O(V + E).
    public func isCyclic(in graph: CompactGraph) -> [Bool] {
        var result = [Bool](repeating: false, count: componentCount)
        var size = [Int32](repeating: 0, count: componentCount)
        for component in componentOfNode { size[Int(component)] += 1 }
        for node in 0..<Int32(graph.nodeCount) {
            let component = Int(componentOfNode[Int(node)])
            if size[component] > 1 || graph.successors(of: node).contains(node) { result[component] = true }
        }
        return result
    }
}
