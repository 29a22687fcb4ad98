import PathwayKit

/// A part of a pathway to chart on its own: an ordered list of steps with a title.
///
/// A stand-in for the decomposition engine's `Subpathway` until it lands; the lead maps one onto the other.
public struct FlowchartSubpathway: Hashable, Sendable {
    /// A title for the overview node and the chart's heading; `nil` to derive one from the first and last steps.
    public var title: String?
    /// The steps, in order.
    public var steps: [StepID]
    /// The same steps as positions in the pathway's ``PathwayKit/PathwayIndex``, when the part came from it (an
    /// ``PathwayKit/IndexedPartition``), so that a chart need not look its steps up by id; `nil` otherwise.
    public var stepIndices: [Index<Step>]?

    /// Creates a sub-pathway.
    ///
    /// - Parameters:
    ///   - steps: The steps, in order.
    ///   - title: A title, or `nil` to derive one from the first and last steps.
    public init(steps: [StepID], title: String? = nil) {
        self.steps = steps
        self.title = title
    }
}
