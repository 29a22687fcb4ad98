/// The single-entry single-exit structure of a graph, as flat arrays: the fast result of the `structure` strategy.
///
/// Built on the condensation (each strongly connected component is one node, so a loop is never split) with a
/// virtual source before every entry component and a virtual sink after every exit component. A *block* is a
/// canonical SESE region: a pair of condensation nodes `(x, y)` with `y` the immediate post-dominator of `x`, `x`
/// the immediate dominator of `y`, and at least one node strictly between them. Every node strictly between is
/// dominated by `x` and post-dominated by `y`, so every path into the block comes from `x` and every path out of
/// it goes to `y`. Blocks nest or are disjoint; nodes in no block form the trunk, the steps every route passes
/// through in order.
public struct FragmentStructure: Sendable, Hashable {
    /// The components the structure is built on.
    public let components: StronglyConnectedComponents
    /// The virtual source's id in the augmented condensation (`componentCount`); the sink is `source + 1`.
    public let source: Int32
    /// The augmented condensation's nodes (components, then source and sink) in topological order.
    public let order: [Int32]
    /// For each augmented node, the innermost block it lies strictly inside, or `-1` for the trunk.
    public let blockOfNode: [Int32]
    /// For each block, its entry node `x` (a component, or the virtual source).
    public let blockEntry: [Int32]
    /// For each block, its exit node `y` (a component, or the virtual sink).
    public let blockExit: [Int32]
    /// For each block, the block it lies inside, or `-1`.
    public let blockParent: [Int32]

    /// The virtual sink's id.
    public var sink: Int32 { source + 1 }
    /// The number of blocks.
    public var blockCount: Int { blockEntry.count }
}

extension CompactGraph {
    /// The SESE block structure (see ``FragmentStructure``), by dominators and post-dominators on the condensation.
    ///
    /// Limitation: this is the acyclic construction. Cycles are collapsed into their strongly connected component
    /// first, so a loop is one leaf node of the structure and fragments inside a loop are not found; Johnson,
    /// Pearson and Pingali's cycle-equivalence program structure tree would also split loop bodies.
    ///
    /// - Parameters:
    ///   - entries: Nodes to join to the virtual source besides the components nothing enters (start steps).
    ///   - exits: Nodes to join to the virtual sink besides the components nothing leaves (end steps).
    /// - Returns: The blocks, numbered in topological order of their entries.
    /// - Complexity: O(V + E) for the components, condensation and block nesting, plus the dominator
    ///   intersections (see ``immediateDominators(root:order:direction:)``); no recursion.
    public func fragmentStructure(entries: [Int32] = [], exits: [Int32] = []) -> FragmentStructure {
        let components = stronglyConnectedComponents()
        let count = components.componentCount
        let source = Int32(count)
        let sink = Int32(count + 1)
        var sources: [Int32] = []
        var targets: [Int32] = []
        var hasIn = [Bool](repeating: false, count: count)
        var hasOut = [Bool](repeating: false, count: count)
        for node in 0..<Int32(nodeCount) {
            let from = components.componentOfNode[Int(node)]
            for next in successors(of: node) {
                let to = components.componentOfNode[Int(next)]
                guard from != to else { continue }
                sources.append(from)
                targets.append(to)
                hasOut[Int(from)] = true
                hasIn[Int(to)] = true
            }
        }
        var joinedToSource = [Bool](repeating: false, count: count)
        var joinedToSink = [Bool](repeating: false, count: count)
        for node in entries { joinedToSource[Int(components.componentOfNode[Int(node)])] = true }
        for node in exits { joinedToSink[Int(components.componentOfNode[Int(node)])] = true }
        // Tarjan numbers components in reverse topological order, so descending numbers are a topological order.
        for component in stride(from: count - 1, through: 0, by: -1)
        where !hasIn[component] || joinedToSource[component] {
            sources.append(source)
            targets.append(Int32(component))
        }
        for component in stride(from: count - 1, through: 0, by: -1) where !hasOut[component] || joinedToSink[component]
        {
            sources.append(Int32(component))
            targets.append(sink)
        }
        let augmented = CompactGraph(nodeCount: count + 2, sources: sources, targets: targets)
        // Kahn's order from the source (first in, first out), so siblings keep pathway order; the augmented graph
        // is acyclic, so this cannot fail.
        let order = augmented.topologicalOrder() ?? []
        let idom = augmented.immediateDominators(root: source, order: order)
        let ipdom = augmented.immediateDominators(root: sink, order: order.reversed(), direction: .backward)

        // A node x opens a block when x = idom(ipdom(x)) and some node other than ipdom(x) has x as its idom.
        var blockOfEntry = [Int32](repeating: -1, count: count + 2)
        var blockEntry: [Int32] = []
        var blockExit: [Int32] = []
        for node in order where node != source {
            let parent = idom[Int(node)]
            guard parent >= 0, blockOfEntry[Int(parent)] < 0 else { continue }
            let exit = ipdom[Int(parent)]
            guard exit >= 0, exit != node, idom[Int(exit)] == parent else { continue }
            blockOfEntry[Int(parent)] = -2  // Marked; numbered below in topological order.
        }
        for node in order where blockOfEntry[Int(node)] == -2 {
            blockOfEntry[Int(node)] = Int32(blockEntry.count)
            blockEntry.append(node)
            blockExit.append(ipdom[Int(node)])
        }
        var blockOfNode = [Int32](repeating: -1, count: count + 2)
        for node in order where node != source {
            let parent = idom[Int(node)]
            guard parent >= 0 else { continue }
            let block = blockOfEntry[Int(parent)]
            if block >= 0 && blockExit[Int(block)] != node {
                blockOfNode[Int(node)] = block
            } else {
                blockOfNode[Int(node)] = blockOfNode[Int(parent)]
            }
        }
        let blockParent = blockEntry.map { blockOfNode[Int($0)] }
        return FragmentStructure(
            components: components, source: source, order: order, blockOfNode: blockOfNode, blockEntry: blockEntry,
            blockExit: blockExit, blockParent: blockParent)
    }
}

extension PathwayGraph {
    /// Numbers fragments `<pathway>/<n>` at the top level and `<parent>.<m>` below, and fills in their boundary
    /// links (transitions into and out of all their steps, nested ones included).
    func numbered(_ fragments: [Subpathway]) -> [Subpathway] {
        var result = fragments
        // An explicit stack of index paths into `result`.
        var stack: [[Int]] = (0..<result.count).reversed().map { [$0] }
        while let path = stack.popLast() {
            var fragment = fragmentAt(path, in: result)
            fragment.id =
                path.count == 1
                ? "\(index.id.rawValue)/\(path[0] + 1)"
                : fragmentAt(Array(path.dropLast()), in: result).id + ".\(path[path.count - 1] + 1)"
            let inside = Set(fragment.allSteps.compactMap { node($0) })
            fragment.entries = []
            fragment.exits = []
            for member in inside.sorted() {
                for slot in graph.predecessorSlots(of: member)
                where !inside.contains(graph.predecessorSources[slot]) {
                    fragment.entries.append(link(graph.predecessorEdges[slot]))
                }
                for slot in graph.successorSlots(of: member)
                where !inside.contains(graph.successorTargets[slot]) {
                    fragment.exits.append(link(graph.successorEdges[slot]))
                }
            }
            setFragment(fragment, at: path, in: &result)
            for child in (0..<fragment.children.count).reversed() { stack.append(path + [child]) }
        }
        return result
    }

    private func fragmentAt(_ path: [Int], in fragments: [Subpathway]) -> Subpathway {
        var fragment = fragments[path[0]]
        for index in path.dropFirst() { fragment = fragment.children[index] }
        return fragment
    }

    private func setFragment(_ value: Subpathway, at path: [Int], in fragments: inout [Subpathway]) {
        // Rebuild the spine from the leaf up (iterative; depth is the nesting depth).
        var spine: [Subpathway] = [fragments[path[0]]]
        for index in path.dropFirst() { spine.append(spine[spine.count - 1].children[index]) }
        spine[spine.count - 1] = value
        for level in stride(from: spine.count - 1, to: 0, by: -1) {
            spine[level - 1].children[path[level]] = spine[level]
        }
        fragments[path[0]] = spine[0]
    }
}
