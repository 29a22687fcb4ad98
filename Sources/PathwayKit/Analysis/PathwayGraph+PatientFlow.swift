extension PathwayGraph {
    /// Patients per year through each node, propagated from the steps that give `patientsPerYear` (the rule is
    /// ``PatientFlow``'s).
    ///
    /// - Returns: The flow through each node, or `nil` when no step gives a volume.
    /// - Complexity: O(V + E).
    public func patientFlow() -> [Double]? { PatientFlow(self)?.perNode }
}

extension PathwayGraph {
    /// The steps whose patients are split evenly by assumption: a step other than a parallel one with two or more
    /// transitions leaving it, none of which gives a share. The patient flow after such a step is an estimate.
    ///
    /// - Complexity: O(V + E).
    public func evenlySplitNodes() -> [Int32] {
        var nodes: [Int32] = []
        for node in 0..<Int32(graph.nodeCount) where index.kinds[Index(raw: node)] != .parallel {
            let slots = Int(graph.successorOffsets[Int(node)])..<Int(graph.successorOffsets[Int(node) + 1])
            guard slots.count > 1, slots.allSatisfy({ index.share(Index(raw: graph.successorEdges[$0])) == nil })
            else {
                continue
            }
            nodes.append(node)
        }
        return nodes
    }
}

extension PathwayIndex {
    /// Whether any step gives `patientsPerYear`, a later definition of a duplicated id included.
    ///
    /// - Complexity: O(steps with details + duplicates).
    var hasVolumes: Bool {
        details.values.contains { $0.patientsPerYear != nil }
            || duplicateSteps.contains { $0.step.patientsPerYear != nil }
    }
}
