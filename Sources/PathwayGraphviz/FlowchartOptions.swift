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

    /// Charts with more steps than this have `dot`'s placement of nodes across the flow cut short: its network
    /// simplex runs over every step plus a virtual node per rank that a transition skips (about 11,900 nodes for a
    /// generated 1,300-step network with loops back), and took 11.6 s of CPU time there, 98 % of the layout.
    public static let boundedLayoutSteps = 300

    /// The network simplex iterations `dot` may spend placing the nodes of a chart above ``boundedLayoutSteps``
    /// steps (Graphviz's `nslimit`, a multiple of the number of nodes, is set to this over the step count): the
    /// chart is still a valid layered drawing, only less compact and with more bends.
    public static let boundedLayoutIterations = 100

    /// The default ceiling on parts in an overview chart, whose parts are joined by many crossing edges.
    public static let defaultMaxParts = 500

    /// The direction the flow runs in.
    public var direction: Direction
    /// Whether to draw one swimlane (cluster) per staff group; a step with several groups goes in the lane of its
    /// first group and lists the others in its label.
    public var lanes: Bool
    /// The most steps a whole-network chart may have; larger pathways must be drawn as an overview or as
    /// sub-pathways.
    public var maxSteps: Int
    /// The most parts an overview chart may have.
    public var maxParts: Int
    /// The width, in characters, at which step labels wrap (decisions included); the full text is in the tooltip.
    public var labelWidth: Int
    /// Display names of staff groups, for lane titles and tooltips; ids are shown where a name is missing.
    public var staffGroupNames: [StaffGroupID: String]
    /// How charts written side by side link to each other; `nil` for charts without links.
    public var links: FlowchartLinks?
    /// The resolution of raster output (Graphviz's `dpi`), or `nil` for Graphviz's 96; leave it `nil` for SVG and
    /// PDF, whose sizes are in points.
    public var dpi: Int?
    /// Steps and transitions marked as added, changed or removed since an earlier version (`pathgap diff`).
    public var changes = FlowchartChanges()

    /// Creates options.
    ///
    /// - Parameters:
    ///   - direction: The direction the flow runs in (top to bottom by default).
    ///   - lanes: Whether to draw one swimlane per staff group.
    ///   - maxSteps: The most steps a whole-network chart (or one sub-pathway's chart) may have.
    ///   - maxParts: The most parts an overview may have.
    ///   - labelWidth: The width, in characters, at which step labels wrap (at least 8).
    ///   - staffGroupNames: Display names of staff groups.
    ///   - links: How charts written side by side link to each other.
    ///   - dpi: The resolution of raster output.
    public init(
        direction: Direction = .topToBottom, lanes: Bool = false, maxSteps: Int = FlowchartOptions.defaultMaxSteps,
        maxParts: Int = FlowchartOptions.defaultMaxParts, labelWidth: Int = 28,
        staffGroupNames: [StaffGroupID: String] = [:], links: FlowchartLinks? = nil, dpi: Int? = nil
    ) {
        self.direction = direction
        self.lanes = lanes
        self.maxSteps = maxSteps
        self.maxParts = maxParts
        self.labelWidth = max(8, labelWidth)
        self.staffGroupNames = staffGroupNames
        self.links = links
        self.dpi = dpi
    }
}
