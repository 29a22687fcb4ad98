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
        chains(isCutBefore: { cutBefore?[$0] ?? false }, isCutAfter: { cutAfter?[$0] ?? false })
    }

    /// Graphs with at least this many nodes find their chains on two threads, each over half of the node ids
    /// (below, starting a thread costs more than it saves).
    static let parallelChainsThreshold = 1 << 16

    /// ``chains(cutBefore:cutAfter:)`` with the boundaries asked of two functions (the caller's masks or the step
    /// kinds), on two threads from ``parallelChainsThreshold`` nodes (or as `isSplit` says), with the same result.
    ///
    /// The links are found over each half of the node ids at once (a node's link out is written by its own half, the
    /// mark of a node's link in by the half of the one node before it). Then each half walks the paths whose heads it
    /// holds: the second numbers its chains from the count of heads in the first half, into nodes of its own that are
    /// moved after the first half's. What is left, the pure cycles, is walked on one thread.
    ///
    /// - Complexity: O(V + E) time, O(V) extra memory; no recursion.
    func chains(
        isCutBefore: (Int) -> Bool, isCutAfter: (Int) -> Bool, isSplit: Bool? = nil
    ) -> ChainDecomposition {
        let count = nodeCount
        let middle = (isSplit ?? (count >= Self.parallelChainsThreshold)) && count >= 2 ? count / 2 : count
        var hasPrevious = [Bool](repeating: false, count: count)
        // Every entry is written by the half that holds the node: the link out, or -1.
        let next = [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Plain values, read by both threads (the buffers' memory is what they write).
            let links = buffer
            successorOffsets.withUnsafeBufferPointer { succOffsets in
                predecessorOffsets.withUnsafeBufferPointer { predOffsets in
                    successorTargets.withUnsafeBufferPointer { targets in
                        hasPrevious.withUnsafeMutableBufferPointer { marks in
                            let hasPrevious = marks
                            /// Finds the links out of the nodes of `range`.
                            func link(_ range: Range<Int>) {
                                for node in range {
                                    links[node] = -1
                                    guard succOffsets[node + 1] &- succOffsets[node] == 1 else { continue }
                                    let target = Int(targets[Int(succOffsets[node])])
                                    guard target != node, predOffsets[target + 1] &- predOffsets[target] == 1,
                                        !isCutAfter(node), !isCutBefore(target)
                                    else { continue }
                                    links[node] = Int32(target)
                                    hasPrevious[target] = true
                                }
                            }
                            if middle < count {
                                _ = bothAtOnce({ link(0..<middle) }, { link(middle..<count) })
                            } else {
                                link(0..<count)
                            }
                        }
                    }
                }
            }
            initialized = count
        }
        // Read at random by writers (the part of each link's other end).
        var chainOfNode = HugePages.array(repeating: Int32(-1), count: count)
        var pathEnds: [Int32] = []
        var cycleEnds: [Int32] = []
        // Every node is in exactly one chain: the walks below write every slot.
        let nodes = [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = buffer
            next.withUnsafeBufferPointer { next in
                hasPrevious.withUnsafeBufferPointer { hasPrevious in
                    chainOfNode.withUnsafeMutableBufferPointer { chains in
                        let chainOfNode = chains
                        /// Walks one chain from `head` along the links, numbering it `chain`, its nodes into
                        /// `nodes` from `slot`, until the links end or come back to a node walked before; returns the
                        /// slot after its last node.
                        func walk(
                            from head: Int, number chain: Int32, into nodes: UnsafeMutableBufferPointer<Int32>,
                            at slot: Int
                        ) -> Int {
                            var slot = slot
                            var node = Int32(head)
                            repeat {
                                chainOfNode[Int(node)] = chain
                                nodes[slot] = node
                                slot += 1
                                node = next[Int(node)]
                            } while node >= 0 && chainOfNode[Int(node)] < 0
                            return slot
                        }
                        /// Walks the paths from the heads in `range` (nodes with no link in), numbering them from
                        /// `firstChain`, their nodes into `nodes` from its start; returns where each path ends there.
                        /// A path never reaches another path's node (a node has at most one link in, a head none), so
                        /// the two halves' walks never meet: a node's chain is written and read by one thread only.
                        func walkPaths(
                            _ range: Range<Int>, from firstChain: Int32, into nodes: UnsafeMutableBufferPointer<Int32>
                        ) -> [Int32] {
                            var ends: [Int32] = []
                            var chain = firstChain
                            var slot = 0
                            for head in range where !hasPrevious[head] {
                                slot = walk(from: head, number: chain, into: nodes, at: slot)
                                ends.append(Int32(slot))
                                chain += 1
                            }
                            return ends
                        }
                        if middle < count {
                            // The second half's nodes go to memory of their own (where they go in `nodes` is known
                            // only once the first half is walked); pages it does not write are never touched.
                            let secondNodes = UnsafeMutableBufferPointer<Int32>.allocate(capacity: count)
                            defer { secondNodes.deallocate() }
                            let (firstEnds, secondEnds) = bothAtOnce(
                                { walkPaths(0..<middle, from: 0, into: slots) },
                                {
                                    var firstHeads: Int32 = 0
                                    for node in 0..<middle where !hasPrevious[node] { firstHeads &+= 1 }
                                    return walkPaths(middle..<count, from: firstHeads, into: secondNodes)
                                })
                            let firstLength = Int(firstEnds.last ?? 0)
                            let secondLength = Int(secondEnds.last ?? 0)
                            _ = UnsafeMutableBufferPointer(rebasing: slots[firstLength..<(firstLength + secondLength)])
                                .update(fromContentsOf: secondNodes[0..<secondLength])
                            pathEnds = firstEnds
                            pathEnds.reserveCapacity(firstEnds.count + secondEnds.count + 1)
                            pathEnds.append(contentsOf: secondEnds.lazy.map { $0 &+ Int32(firstLength) })
                        } else {
                            pathEnds = walkPaths(0..<count, from: 0, into: slots)
                        }
                        // What is left is pure cycles, each from its lowest node id.
                        var chain = Int32(pathEnds.count)
                        var slot = Int(pathEnds.last ?? 0)
                        for head in 0..<count where chainOfNode[head] < 0 {
                            slot = walk(from: head, number: chain, into: slots, at: slot)
                            cycleEnds.append(Int32(slot))
                            chain += 1
                        }
                    }
                }
            }
            initialized = count
        }
        var offsets = [Int32]()
        offsets.reserveCapacity(pathEnds.count + cycleEnds.count + 1)
        offsets.append(0)
        offsets += pathEnds
        offsets += cycleEnds
        var isCyclic = [Bool](repeating: false, count: pathEnds.count)
        isCyclic.append(contentsOf: repeatElement(true, count: cycleEnds.count))
        return ChainDecomposition(chainOfNode: chainOfNode, nodes: nodes, offsets: offsets, isCyclic: isCyclic)
    }
}

extension PathwayGraph {
    /// The `chains` decomposition: maximal non-branching runs of steps, cut at starts, ends, decisions and
    /// merges (by kind, and by degree: more than one way out or in); a loop of plain steps is its own cyclic
    /// sub-pathway.
    ///
    /// - Complexity: O(V + E).
    func chainSubpathways() -> (groups: [[Int32]], cyclic: [Bool]) {
        let chains = graph.chains(cutByKinds: index.kinds.values)
        return ((0..<chains.chainCount).map { Array(chains.chain($0)) }, chains.isCyclic)
    }
}

extension CompactGraph {
    /// The chains cut where the step kinds make boundaries, whatever the degrees say: a start or a merge begins a
    /// chain, an end, a decision or a parallel gateway closes one. The kinds are read where the links are found (no
    /// masks made first).
    ///
    /// - Parameter kinds: The kind of each node.
    /// - Complexity: O(V + E).
    func chains(cutByKinds kinds: [StepKind], isSplit: Bool? = nil) -> ChainDecomposition {
        kinds.withUnsafeBufferPointer { kinds in
            chains(isCutBefore: { kinds[$0].beginsChain }, isCutAfter: { kinds[$0].endsChain }, isSplit: isSplit)
        }
    }
}

extension StepKind {
    /// Whether a step of this kind begins a chain whatever its degrees: a start or a merge.
    var beginsChain: Bool {
        switch self {
        case .start, .merge: true
        case .end, .decision, .parallel, .activity, .reference: false
        }
    }

    /// Whether a step of this kind ends a chain whatever its degrees: an end, a decision or a parallel gateway.
    var endsChain: Bool {
        switch self {
        case .end, .decision, .parallel: true
        case .start, .merge, .activity, .reference: false
        }
    }
}
