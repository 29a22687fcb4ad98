import PathwayKit

/// How a flowchart is drawn.
public struct FlowchartOptions: Hashable, Sendable {
    /// The direction the flow runs in (Graphviz's `rankdir`).
    public enum Direction: String, Hashable, Sendable, CaseIterable {
        /// Top to bottom (`TB`), the default.
        case topToBottom = "TB"
        /// Left to right (`LR`).
        case leftToRight = "LR"
    }

    /// The default ceiling on steps for a whole-network chart: `dot` took 23.5 s for 5,000 branching nodes.
    public static let defaultMaxSteps = 2_000

    /// The direction the flow runs in.
    public var direction: Direction
    /// Whether to draw one swimlane (cluster) per staff group; a step with several groups goes in the lane of its
    /// first group and lists the others in its label.
    public var lanes: Bool
    /// The most steps a whole-network chart may have; larger pathways must be drawn as an overview or as
    /// sub-pathways.
    public var maxSteps: Int
    /// Display names of staff groups, for lane titles and tooltips; ids are shown where a name is missing.
    public var staffGroupNames: [StaffGroupID: String]
    /// Steps and transitions marked as added, changed or removed since an earlier version (`pathgap diff`).
    public var changes = FlowchartChanges()

    /// Creates options.
    ///
    /// - Parameters:
    ///   - direction: The direction the flow runs in (top to bottom by default).
    ///   - lanes: Whether to draw one swimlane per staff group.
    ///   - maxSteps: The most steps a whole-network chart may have.
    ///   - staffGroupNames: Display names of staff groups.
    public init(
        direction: Direction = .topToBottom, lanes: Bool = false, maxSteps: Int = FlowchartOptions.defaultMaxSteps,
        staffGroupNames: [StaffGroupID: String] = [:]
    ) {
        self.direction = direction
        self.lanes = lanes
        self.maxSteps = maxSteps
        self.staffGroupNames = staffGroupNames
    }
}
