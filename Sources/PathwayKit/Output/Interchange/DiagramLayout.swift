/// Where the shapes of a pathway's diagram go: a box per step, a polyline per transition, a box per lane.
///
/// Coordinates are in points with the origin at the top left and y growing downwards, as BPMN diagram interchange
/// and yEd use them. A layout is made by a layout engine (``PathwayGraphviz``'s `DiagramLayouter` lays it out
/// through Graphviz) and read by the writers of other tools' formats (``BPMNWriter``, ``GraphMLWriter``), which
/// know nothing about how it was made.
public struct DiagramLayout: Hashable, Sendable {
    /// A point of the drawing.
    public struct Point: Hashable, Sendable {
        public var x: Double
        public var y: Double

        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// A rectangle: its top-left corner and its size.
    public struct Box: Hashable, Sendable {
        public var x: Double
        public var y: Double
        public var width: Double
        public var height: Double

        public init(x: Double, y: Double, width: Double, height: Double) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }

        /// The centre of the box.
        public var center: Point { Point(x: x + width / 2, y: y + height / 2) }
    }

    /// A lane: the staff group it holds (empty for steps with none) and its band.
    public struct Lane: Hashable, Sendable {
        public var group: StaffGroupID
        public var box: Box

        public init(group: StaffGroupID, box: Box) {
            self.group = group
            self.box = box
        }
    }

    /// The box of each step.
    public var steps: [StepID: Box]
    /// The waypoints of each transition, by its index in the pathway's `transitions`, from its source to its
    /// target.
    public var transitions: [Int: [Point]]
    /// The box of each lane (staff group), in lane order.
    public var lanes: [Lane]
    /// The box holding the whole drawing.
    public var bounds: Box

    public init(
        steps: [StepID: Box] = [:], transitions: [Int: [Point]] = [:], lanes: [Lane] = [],
        bounds: Box = Box(x: 0, y: 0, width: 0, height: 0)
    ) {
        self.steps = steps
        self.transitions = transitions
        self.lanes = lanes
        self.bounds = bounds
    }

    /// The lane a step is drawn in: its first staff group, or none.
    public static func lane(of step: some StepRecord) -> StaffGroupID? { step.staffGroups.first }

    /// The size a step's shape is drawn at, in points, as BPMN modellers draw them: events 36 × 36, gateways
    /// 50 × 50, tasks and call activities 120 × 80.
    public static func size(of kind: StepKind) -> (width: Double, height: Double) {
        switch kind {
        case .start, .end: (36, 36)
        case .decision, .merge, .parallel: (50, 50)
        case .activity, .reference: (120, 80)
        }
    }
}
