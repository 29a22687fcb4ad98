import PathwayKit

/// The million-step graphs the scale tests share, built once per test process.
public enum ScaleGraphs {
    /// The number of steps in each.
    public static let stepCount = 1_000_000

    /// A chain `0 → 1 → … → n-1`.
    public static let chain = CompactGraph(
        nodeCount: stepCount, sources: Array(0..<Int32(stepCount - 1)), targets: Array(1..<Int32(stepCount)))

    /// The chain closed into one loop by `n-1 → 0`, so that a depth-first search is as deep as the graph.
    public static let loop = CompactGraph(
        nodeCount: stepCount, sources: Array(0..<Int32(stepCount)),
        targets: Array(1..<Int32(stepCount)) + [0])
}
