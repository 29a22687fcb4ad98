import PathwayKit

extension FlowchartSubpathway {
    /// TEMPORARY: splits a pathway into maximal non-branching chains, so that `--view subpathways` works before
    /// the decomposition engine lands. The lead replaces this with the engine's `chains` strategy.
    ///
    /// A step continues its predecessor's chain when the predecessor has exactly one successor and the step
    /// exactly one predecessor (duplicate transitions counted once); every other step starts a chain. Steps on a
    /// cycle of continuations are chained from the first of them in file order.
    ///
    /// - Parameter pathway: The pathway to split.
    /// - Returns: The chains, in the file order of their first steps; each step is in exactly one.
    /// - Complexity: O(V + E), iterative.
    public static func temporaryChains(of pathway: Pathway) -> [FlowchartSubpathway] {
        var index: [StepID: Int] = [:]
        var ids: [StepID] = []
        for step in pathway.steps where index[step.id] == nil {
            index[step.id] = ids.count
            ids.append(step.id)
        }
        var successors = Array(repeating: [Int](), count: ids.count)
        var predecessors = Array(repeating: 0, count: ids.count)
        var seenPairs: Set<PartPair> = []
        for transition in pathway.transitions {
            guard let from = index[transition.from], let to = index[transition.to],
                seenPairs.insert(PartPair(from: from, to: to)).inserted
            else { continue }
            successors[from].append(to)
            predecessors[to] += 1
        }
        func continues(_ step: Int, from previous: Int) -> Bool {
            successors[previous].count == 1 && predecessors[step] == 1 && step != previous
        }
        var isContinuation = Array(repeating: false, count: ids.count)
        for from in 0..<ids.count where successors[from].count == 1 {
            let to = successors[from][0]
            if continues(to, from: from) { isContinuation[to] = true }
        }
        var visited = Array(repeating: false, count: ids.count)
        var chains: [[Int]] = []
        func walk(from head: Int) {
            var chain: [Int] = []
            var current = head
            while !visited[current] {
                visited[current] = true
                chain.append(current)
                guard successors[current].count == 1, isContinuation[successors[current][0]] else { break }
                current = successors[current][0]
            }
            chains.append(chain)
        }
        for step in 0..<ids.count where !isContinuation[step] { walk(from: step) }
        for step in 0..<ids.count where !visited[step] { walk(from: step) }
        chains.sort { ($0.first ?? 0) < ($1.first ?? 0) }
        return chains.map { FlowchartSubpathway(steps: $0.map { ids[$0] }) }
    }
}
