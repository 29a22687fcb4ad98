/// The attributes of a step that few steps have, kept out of the dense side tables of ``PathwayIndex``.
public struct StepDetails: Hashable, Sendable {
    public var noCompetencyReason: String?
    public var testCodes: [String] = []
    public var notes: String?
    public var sources: [String] = []
    public var patientsPerYear: Double?
    public var reference: String?
    public var testDirectory: String?
    public var reading: StepReading?
    public var readingNote: String?
    /// Whether a national pathway marks the step as one regional variants must not change or remove.
    public var isFixed = false
    /// The XML element (BPMN, GraphML) the step came from.
    public var element: String?
    /// Where each competency requirement was written, when that differs from the step.
    public var competencyLocations: [SourceLocation?] = []

    public init() {}

    /// Whether nothing is set.
    public var isEmpty: Bool { self == StepDetails() }
}

/// The attributes of a transition that few transitions have, kept out of the dense side tables of ``PathwayIndex``.
public struct TransitionDetails: Hashable, Sendable {
    /// The key of the public source its share comes from.
    public var source: String?
    /// Whether a national pathway marks the transition as one regional variants must not change or remove.
    public var isFixed = false
    /// The element (a DOT edge, a BPMN sequence flow) the transition came from.
    public var element: String?

    public init() {}

    /// Whether nothing is set.
    public var isEmpty: Bool { self == TransitionDetails() }
}
