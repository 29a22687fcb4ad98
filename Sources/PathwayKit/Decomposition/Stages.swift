extension PathwayGraph {
    /// The name given to steps that have no stage and cannot inherit one.
    public static let unstagedName = "unstaged"

    /// The `stages` decomposition: each stage-run (steps joined by transitions that stay within one effective
    /// stage, see ``PathwayIndex/effectiveStages()``) is a sub-pathway. A stage entered twice in different places gives two
    /// sub-pathways. Steps are listed in pathway order (``CompactGraph/pathwayOrder(_:)``), and groups by their
    /// first step.
    ///
    /// - Returns: The node groups and the stage name of each.
    /// - Complexity: O(V + E) (union–find with path halving, no recursion) plus O(V log V) for the ordering.
    func stageGroups() -> (groups: [[Int32]], names: [String]) {
        let (stageOfNode, names) = index.effectiveStages()
        var parent = (0..<Int32(graph.nodeCount)).map { $0 }
        func root(_ node: Int32) -> Int32 {
            var node = node
            while parent[Int(node)] != node {
                parent[Int(node)] = parent[Int(parent[Int(node)])]
                node = parent[Int(node)]
            }
            return node
        }
        for node in 0..<Int32(graph.nodeCount) {
            for next in graph.successors(of: node) where stageOfNode[Int(next)] == stageOfNode[Int(node)] {
                let a = root(node)
                let b = root(next)
                if a != b { parent[Int(max(a, b))] = min(a, b) }
            }
        }
        var groupOfRoot: [Int32: Int] = [:]
        var groups: [[Int32]] = []
        var groupNames: [String] = []
        for node in graph.pathwayOrder() {
            let top = root(node)
            if let group = groupOfRoot[top] {
                groups[group].append(node)
            } else {
                groupOfRoot[top] = groups.count
                groups.append([node])
                let stage = stageOfNode[Int(node)]
                groupNames.append(stage < 0 ? Self.unstagedName : names[Int(stage)])
            }
        }
        return (groups, groupNames)
    }
}

extension PathwayIndex {
    /// The effective stage of each node: its own `stage`, or else, when it has exactly one incoming transition,
    /// its predecessor's effective stage (followed along runs of unstaged steps); `-1` when neither applies
    /// (those steps form `unstaged` groups).
    ///
    /// - Returns: A stage number per node (the index of its name in ``stageNames``), and the stage names by number.
    /// - Complexity: O(V + E), breadth first from the staged steps.
    func effectiveStages() -> (stageOfNode: [Int32], names: [String]) {
        var stageOfNode = stageOfStep.elements
        var queue: [Int32] = []
        for node in 0..<Int32(graph.nodeCount) where stageOfStep[Int(node)] >= 0 { queue.append(node) }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in graph.successors(of: node)
            where stageOfNode[Int(next)] < 0 && graph.inDegree(of: next) == 1 && stageOfStep[Int(next)] < 0 {
                stageOfNode[Int(next)] = stageOfNode[Int(node)]
                queue.append(next)
            }
        }
        return (stageOfNode, stageNames.indices.map { stageNames[$0] })
    }
}
