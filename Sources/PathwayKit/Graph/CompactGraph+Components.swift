/// The strongly connected components of a graph.
public struct StronglyConnectedComponents: Sendable, Hashable {
    /// The component of each node. Components are numbered in reverse topological order of the condensation:
    /// every edge between two components goes from a higher number to a lower one.
    public let componentOfNode: [Int32]
    /// The number of components.
    public let componentCount: Int

    /// The nodes of each component, in ascending node id.
    ///
    /// - Complexity: O(V).
    public func members() -> [[Int32]] {
        var result = [[Int32]](repeating: [], count: componentCount)
        for (node, component) in componentOfNode.enumerated() { result[Int(component)].append(Int32(node)) }
        return result
    }

    /// The size of each component.
    ///
    /// - Complexity: O(V).
    public func sizes() -> [Int] {
        var result = [Int](repeating: 0, count: componentCount)
        for component in componentOfNode { result[Int(component)] += 1 }
        return result
    }
}

extension CompactGraph {
    /// The strongly connected components, by Pearce's space-efficient variant of Tarjan's algorithm ("A
    /// space-efficient algorithm for finding strongly connected components", 2016), written without recursion (so
    /// a chain of ten million nodes does not overflow the call stack): one number per node serves as visit index,
    /// low link and finally component, and the depth-first path and the nodes waiting for their component share one
    /// array of V, as no node is on both. Components are numbered as Tarjan's algorithm completes them.
    ///
    /// - Complexity: O(V + E) time, 13 bytes per node of working memory (the result's 4 included).
    public func stronglyConnectedComponents() -> StronglyConnectedComponents {
        let n = nodeCount
        // 0: not visited; below `nextComponent + 1`: the (low) index of a node on the path or waiting; above it:
        // `n - 1 - component` of a node whose component is known.
        var rank = [Int32](repeating: 0, count: n)
        // The next successor slot of each node on the path; the top bit marks a node that is not a root.
        var cursor = [UInt32](repeating: 0, count: n)
        let notRoot: UInt32 = 1 << 31
        // The path grows up from 0, the waiting nodes down from `n`.
        var stack = [Int32](repeating: 0, count: n)
        var index: Int32 = 1
        var nextComponent = Int32(n) - 1

        rank.withUnsafeMutableBufferPointer { rank in
            cursor.withUnsafeMutableBufferPointer { cursor in
                stack.withUnsafeMutableBufferPointer { stack in
                    successorTargets.withUnsafeBufferPointer { targets in
                        successorOffsets.withUnsafeBufferPointer { offsets in
                            var pathTop = 0
                            var waitingBottom = n
                            for root in 0..<n where rank[root] == 0 {
                                rank[root] = index
                                index += 1
                                cursor[root] = UInt32(offsets[root])
                                stack[pathTop] = Int32(root)
                                pathTop += 1
                                while pathTop > 0 {
                                    let node = Int(stack[pathTop - 1])
                                    let end = UInt32(offsets[node + 1])
                                    var slot = cursor[node] & ~notRoot
                                    var descended = false
                                    while slot < end {
                                        let next = Int(targets[Int(slot)])
                                        slot += 1
                                        if rank[next] == 0 {
                                            cursor[node] = (cursor[node] & notRoot) | slot
                                            rank[next] = index
                                            index += 1
                                            cursor[next] = UInt32(offsets[next])
                                            stack[pathTop] = Int32(next)
                                            pathTop += 1
                                            descended = true
                                            break
                                        }
                                        if rank[next] < rank[node] {
                                            rank[node] = rank[next]
                                            cursor[node] |= notRoot
                                        }
                                    }
                                    if descended { continue }
                                    pathTop -= 1
                                    if cursor[node] & notRoot == 0 {
                                        // A root: it and the waiting nodes visited after it form a component.
                                        index -= 1
                                        while waitingBottom < n && rank[node] <= rank[Int(stack[waitingBottom])] {
                                            rank[Int(stack[waitingBottom])] = nextComponent
                                            waitingBottom += 1
                                            index -= 1
                                        }
                                        rank[node] = nextComponent
                                        nextComponent -= 1
                                    } else {
                                        waitingBottom -= 1
                                        stack[waitingBottom] = Int32(node)
                                    }
                                    if pathTop > 0 {
                                        let parent = Int(stack[pathTop - 1])
                                        if rank[node] < rank[parent] {
                                            rank[parent] = rank[node]
                                            cursor[parent] |= notRoot
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        cursor = []
        stack = []
        // Tarjan's numbering: components in the order they were completed, from 0.
        let last = Int32(n) - 1
        for node in 0..<n { rank[node] = last - rank[node] }
        return StronglyConnectedComponents(componentOfNode: rank, componentCount: Int(last - nextComponent))
    }

    /// The condensation: one node per strongly connected component, an edge wherever an edge joins two different
    /// components (duplicates kept, in input order).
    ///
    /// - Complexity: O(V + E).
    public func condensation(_ components: StronglyConnectedComponents) -> CompactGraph {
        var sources: [Int32] = []
        var targets: [Int32] = []
        for node in 0..<Int32(nodeCount) {
            let from = components.componentOfNode[Int(node)]
            for next in successors(of: node) {
                let to = components.componentOfNode[Int(next)]
                if from != to {
                    sources.append(from)
                    targets.append(to)
                }
            }
        }
        return CompactGraph(nodeCount: components.componentCount, sources: sources, targets: targets)
    }
}
