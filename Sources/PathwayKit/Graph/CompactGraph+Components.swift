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
    /// The strongly connected components, by Tarjan's algorithm written with an explicit stack (no recursion, so a
    /// chain of ten million nodes does not overflow the call stack).
    ///
    /// - Complexity: O(V + E) time, O(V) extra memory.
    public func stronglyConnectedComponents() -> StronglyConnectedComponents {
        let unvisited = Int32(-1)
        var index = [Int32](repeating: unvisited, count: nodeCount)
        var lowLink = [Int32](repeating: 0, count: nodeCount)
        var onStack = [Bool](repeating: false, count: nodeCount)
        var component = [Int32](repeating: -1, count: nodeCount)
        var tarjanStack: [Int32] = []
        // The explicit call stack: a node and the next adjacency slot to look at.
        var callStack: [(node: Int32, slot: Int32)] = []
        var nextIndex: Int32 = 0
        var componentCount: Int32 = 0

        successorTargets.withUnsafeBufferPointer { targets in
            successorOffsets.withUnsafeBufferPointer { offsets in
                for root in 0..<Int32(nodeCount) where index[Int(root)] == unvisited {
                    index[Int(root)] = nextIndex
                    lowLink[Int(root)] = nextIndex
                    nextIndex += 1
                    tarjanStack.append(root)
                    onStack[Int(root)] = true
                    callStack.append((root, offsets[Int(root)]))

                    while let frame = callStack.last {
                        let node = Int(frame.node)
                        let end = offsets[node + 1]
                        var slot = frame.slot
                        var descended = false
                        while slot < end {
                            let next = targets[Int(slot)]
                            slot += 1
                            if index[Int(next)] == unvisited {
                                callStack[callStack.count - 1].slot = slot
                                index[Int(next)] = nextIndex
                                lowLink[Int(next)] = nextIndex
                                nextIndex += 1
                                tarjanStack.append(next)
                                onStack[Int(next)] = true
                                callStack.append((next, offsets[Int(next)]))
                                descended = true
                                break
                            } else if onStack[Int(next)] {
                                lowLink[node] = min(lowLink[node], index[Int(next)])
                            }
                        }
                        if descended { continue }
                        callStack.removeLast()
                        if lowLink[node] == index[node] {
                            while let member = tarjanStack.popLast() {
                                onStack[Int(member)] = false
                                component[Int(member)] = componentCount
                                if Int(member) == node { break }
                            }
                            componentCount += 1
                        }
                        if let parent = callStack.last {
                            lowLink[Int(parent.node)] = min(lowLink[Int(parent.node)], lowLink[node])
                        }
                    }
                }
            }
        }
        return StronglyConnectedComponents(componentOfNode: component, componentCount: Int(componentCount))
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
