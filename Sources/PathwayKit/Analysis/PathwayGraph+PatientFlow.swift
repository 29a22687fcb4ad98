extension PathwayGraph {
    /// Patients per year through each node, propagated from the steps that give `patientsPerYear`.
    ///
    /// The rule (also in the README, "Gap reports"):
    /// - patients enter at every step with `patientsPerYear` (normally the starts);
    /// - patients leaving a step split over its transitions by their shares; where some shares are missing, the
    ///   rest of 1 is split evenly between them (all missing: an even split); after a parallel step every branch
    ///   carries everyone;
    /// - a loop (a strongly connected component) is passed once: everyone who enters it goes through each of its
    ///   steps once, and all of them leave by its exits, in proportion to the exits' shares. Flow is propagated over
    ///   the condensation in topological order, so it never diverges.
    ///
    /// - Returns: The flow through each node, or `nil` when no step gives a volume.
    /// - Complexity: O(V + E).
    public func patientFlow() -> [Double]? {
        let count = graph.nodeCount
        var hasVolume = false
        let components = graph.stronglyConnectedComponents()
        var inflow = [Double](repeating: 0, count: components.componentCount)
        for node in 0..<count {
            if let volume = step(Int32(node)).patientsPerYear {
                hasVolume = true
                inflow[Int(components.componentOfNode[node])] += volume
            }
        }
        guard hasVolume else { return nil }

        // Each adjacency slot's share of its source's patients: the edge's probability, except that every branch
        // after a parallel step carries everyone.
        let probability = edgeProbabilities()
        var weight = [Double](repeating: 0, count: graph.edgeCount)
        for node in 0..<Int32(count) {
            let isParallel = step(node).kind == .parallel
            for slot in Int(graph.successorOffsets[Int(node)])..<Int(graph.successorOffsets[Int(node) + 1]) {
                weight[slot] = isParallel ? 1 : probability[Int(graph.successorEdges[slot])]
            }
        }

        // Members of each component (counting sort), and whether it is a loop.
        var memberOffsets = [Int](repeating: 0, count: components.componentCount + 1)
        for component in components.componentOfNode { memberOffsets[Int(component) + 1] += 1 }
        for index in 0..<components.componentCount { memberOffsets[index + 1] += memberOffsets[index] }
        var cursor = memberOffsets
        var members = [Int32](repeating: 0, count: count)
        for node in 0..<count {
            let component = Int(components.componentOfNode[node])
            members[cursor[component]] = Int32(node)
            cursor[component] += 1
        }

        // Components are numbered in reverse topological order: process from the highest.
        var exits: [(slot: Int, target: Int)] = []
        for component in stride(from: components.componentCount - 1, through: 0, by: -1) {
            let flow = inflow[component]
            if flow == 0 { continue }
            exits.removeAll(keepingCapacity: true)
            var isLoop = memberOffsets[component + 1] - memberOffsets[component] > 1
            var total = 0.0
            for index in memberOffsets[component]..<memberOffsets[component + 1] {
                let node = members[index]
                for slot in Int(graph.successorOffsets[Int(node)])..<Int(graph.successorOffsets[Int(node) + 1]) {
                    let target = Int(components.componentOfNode[Int(graph.successorTargets[slot])])
                    if target == component {
                        isLoop = true
                    } else {
                        exits.append((slot, target))
                        total += weight[slot]
                    }
                }
            }
            if exits.isEmpty { continue }
            let isParallel = !isLoop && step(members[memberOffsets[component]]).kind == .parallel
            for exit in exits {
                let share =
                    isParallel ? 1 : total > 0 ? weight[exit.slot] / total : 1 / Double(exits.count)
                inflow[exit.target] += flow * share
            }
        }
        return (0..<count).map { inflow[Int(components.componentOfNode[$0])] }
    }
}
