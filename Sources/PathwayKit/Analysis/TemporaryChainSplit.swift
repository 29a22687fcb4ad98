// TEMPORARY(decomp): a chain split of the gap analyzer's own, used for every strategy until the decomposition
// engine (`PathwayGraph.decomposition(_:)`, branch `decomp`) lands on main. Delete this file and switch
// `GapAnalyzer.decomposition(of:strategy:)` over when it does.

/// Maximal non-branching runs of steps, cut at starts, decisions, merges and ends.
enum TemporaryChainSplit {
    /// Splits a pathway into chains; every step is in exactly one.
    ///
    /// - Complexity: O(V + E).
    static func decomposition(of graph: PathwayGraph, strategy: DecompositionStrategy) -> Decomposition {
        let core = graph.graph
        let count = core.nodeCount
        func continues(_ node: Int32) -> Int32? {
            guard core.outDegree(of: node) == 1, let next = core.successors(of: node).first, next != node,
                core.inDegree(of: next) == 1
            else { return nil }
            let kind = graph.step(node).kind, nextKind = graph.step(next).kind
            if kind == .end || kind == .decision || kind == .parallel { return nil }
            if nextKind == .start || nextKind == .merge { return nil }
            return next
        }
        var hasPredecessorInChain = [Bool](repeating: false, count: count)
        for node in 0..<Int32(count) {
            if let next = continues(node) { hasPredecessorInChain[Int(next)] = true }
        }
        var seen = [Bool](repeating: false, count: count)
        var chains: [[Int32]] = []
        func follow(from head: Int32) {
            var chain: [Int32] = []
            var node: Int32? = head
            while let current = node, !seen[Int(current)] {
                seen[Int(current)] = true
                chain.append(current)
                node = continues(current)
            }
            chains.append(chain)
        }
        for node in 0..<Int32(count) where !hasPredecessorInChain[Int(node)] { follow(from: node) }
        // What is left is a ring of plain steps: start it at its lowest node.
        for node in 0..<Int32(count) where !seen[Int(node)] { follow(from: node) }
        chains.sort { $0[0] < $1[0] }

        let pathwayID = graph.pathway.id.rawValue
        let subpathways = chains.enumerated().map { index, chain -> Subpathway in
            let steps = chain.map { graph.step($0) }
            let first = steps[0].label, last = steps[steps.count - 1].label
            var stages: [String] = [], groups: [StaffGroupID] = []
            for step in steps {
                if let stage = step.stage, !stages.contains(stage) { stages.append(stage) }
                for group in step.staffGroups where !groups.contains(group) { groups.append(group) }
            }
            let isCyclic = chain.count > 1 && core.successors(of: chain[chain.count - 1]).contains(chain[0])
            return Subpathway(
                id: "\(pathwayID)/\(index + 1)", title: steps.count == 1 ? first : "\(first) → \(last)",
                steps: steps.map(\.id), isCyclic: isCyclic, stages: stages, staffGroups: groups)
        }
        return Decomposition(pathway: graph.pathway.id, strategy: strategy, subpathways: subpathways)
    }
}
