/// The maximal non-branching paths of a graph, as flat arrays: the fast result of the `chains` strategy.
///
/// Chain `c` holds the nodes `nodes[offsets[c] ..< offsets[c + 1]]`, in order along the chain. Every node is in
/// exactly one chain.
public struct ChainDecomposition: Sendable, Hashable {
    /// The chain of each node.
    public let chainOfNode: [Int32]
    /// The nodes of all chains, chain after chain, each in order along its chain.
    public let nodes: [Int32]
    /// `offsets[c] ..< offsets[c + 1]` is chain `c`'s range in ``nodes``; `chainCount + 1` entries.
    public let offsets: [Int32]
    /// Whether each chain is a loop of plain steps (its last node leads back to its first).
    public let isCyclic: [Bool]

    /// The number of chains.
    public var chainCount: Int { offsets.count - 1 }

    /// The nodes of one chain, in order.
    public func chain(_ index: Int) -> ArraySlice<Int32> { nodes[Int(offsets[index])..<Int(offsets[index + 1])] }
}

extension CompactGraph {
    /// The maximal non-branching paths (node-centric): a link `u → v` joins `u` and `v` in one chain when it is the
    /// only way out of `u` and the only way into `v` (and `u ≠ v`), unless a boundary mask cuts it. Chains start at
    /// nodes with no such link in (sources, merges, nodes after a decision) and end at nodes with none out (sinks,
    /// decisions, nodes before a merge). A loop of such links with no way in or out of the loop's run is one
    /// cyclic chain, starting at its lowest node id.
    ///
    /// Chains are numbered by their first node id (a chain's head), then the remaining cycles by lowest id, so the
    /// result depends only on the graph.
    ///
    /// - Parameters:
    ///   - cutBefore: Optional flag per node: never join the node to its predecessor (a start step).
    ///   - cutAfter: Optional flag per node: never join the node to its successor (an end or decision step).
    /// - Returns: The chains as flat arrays.
    /// - Complexity: O(V + E) time (only a node's first successor is looked at), O(V) extra memory; no recursion.
    public func chains(cutBefore: [Bool]? = nil, cutAfter: [Bool]? = nil) -> ChainDecomposition {
        let count = nodeCount
        var next = [Int32](repeating: -1, count: count)
        var hasPrevious = [Bool](repeating: false, count: count)
        successorOffsets.withUnsafeBufferPointer { succOffsets in
            predecessorOffsets.withUnsafeBufferPointer { predOffsets in
                successorTargets.withUnsafeBufferPointer { targets in
                    next.withUnsafeMutableBufferPointer { next in
                        hasPrevious.withUnsafeMutableBufferPointer { hasPrevious in
                            for node in 0..<count where succOffsets[node + 1] &- succOffsets[node] == 1 {
                                let target = Int(targets[Int(succOffsets[node])])
                                guard target != node, predOffsets[target + 1] &- predOffsets[target] == 1 else {
                                    continue
                                }
                                if let cutAfter, cutAfter[node] { continue }
                                if let cutBefore, cutBefore[target] { continue }
                                next[node] = Int32(target)
                                hasPrevious[target] = true
                            }
                        }
                    }
                }
            }
        }
        // Read at random by writers (the part of each link's other end).
        var chainOfNode = HugePages.array(repeating: Int32(-1), count: count)
        var nodes = [Int32]()
        nodes.reserveCapacity(count)
        var offsets: [Int32] = [0]
        var isCyclic: [Bool] = []
        next.withUnsafeBufferPointer { next in
            hasPrevious.withUnsafeBufferPointer { hasPrevious in
                chainOfNode.withUnsafeMutableBufferPointer { chainOfNode in
                    var chain: Int32 = 0
                    // Paths first, from their heads; then what is left is pure cycles.
                    for pass in 0..<2 {
                        for head in 0..<count where chainOfNode[head] < 0 && (pass == 1 || !hasPrevious[head]) {
                            var node = Int32(head)
                            repeat {
                                chainOfNode[Int(node)] = chain
                                nodes.append(node)
                                node = next[Int(node)]
                            } while node >= 0 && chainOfNode[Int(node)] < 0
                            offsets.append(Int32(nodes.count))
                            isCyclic.append(pass == 1)
                            chain += 1
                        }
                    }
                }
            }
        }
        return ChainDecomposition(chainOfNode: chainOfNode, nodes: nodes, offsets: offsets, isCyclic: isCyclic)
    }
}

extension PathwayGraph {
    /// The masks that make step kinds boundaries: a start begins a chain, an end or a decision (or parallel
    /// gateway) closes one, a merge begins one, whatever the degrees say.
    ///
    /// - Complexity: O(V).
    func chainCuts() -> (before: [Bool], after: [Bool]) {
        var before = [Bool](repeating: false, count: graph.nodeCount)
        var after = [Bool](repeating: false, count: graph.nodeCount)
        for node in 0..<graph.nodeCount {
            switch index.kinds.values[node] {
            case .start, .merge: before[node] = true
            case .end, .decision, .parallel: after[node] = true
            case .activity, .reference: break
            }
        }
        return (before, after)
    }

    /// The `chains` decomposition: maximal non-branching runs of steps, cut at starts, ends, decisions and
    /// merges (by kind, and by degree: more than one way out or in); a loop of plain steps is its own cyclic
    /// sub-pathway.
    ///
    /// - Complexity: O(V + E).
    func chainSubpathways() -> (groups: [[Int32]], cyclic: [Bool]) {
        let cuts = chainCuts()
        let chains = graph.chains(cutBefore: cuts.before, cutAfter: cuts.after)
        return ((0..<chains.chainCount).map { Array(chains.chain($0)) }, chains.isCyclic)
    }
}
