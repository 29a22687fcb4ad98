import PathwayKit

extension FlowchartSubpathway {
    /// A sub-pathway of the decomposition engine, to chart: its steps (with those of nested fragments, depth first)
    /// and its title.
    ///
    /// - Parameter subpathway: A sub-pathway from `PathwayGraph.decomposition(_:options:)`.
    public init(_ subpathway: Subpathway) {
        self.init(steps: subpathway.allSteps, title: subpathway.title)
    }

    /// A part of an indexed partition, to chart: its steps (by id and by index) and its title.
    ///
    /// - Parameters:
    ///   - partition: The partition (`PathwayIndex.phasePartition(target:)`, `chainPartition()`).
    ///   - part: The part.
    /// - Complexity: O(steps of the part).
    public init(_ partition: IndexedPartition, part: Index<Subpathway>) {
        let steps = Array(partition.steps(part))
        self.init(steps: steps.map { StepID(partition.index.stepIDs[$0]) }, title: partition.title(part))
        stepIndices = steps
    }
}
