import PathwayKit

extension FlowchartSubpathway {
    /// A sub-pathway of the decomposition engine, to chart: its steps (with those of nested fragments, depth first)
    /// and its title.
    ///
    /// - Parameter subpathway: A sub-pathway from `PathwayGraph.decomposition(_:options:)`.
    public init(_ subpathway: Subpathway) {
        self.init(steps: subpathway.allSteps, title: subpathway.title)
    }
}
