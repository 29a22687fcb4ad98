/// A pathway network: steps joined by transitions.
///
/// A pathway is a plain value as read from a file. Structural questions (reachability, cycles, decomposition)
/// are answered by ``PathwayGraph``, built from it once.
public struct Pathway: Hashable, Sendable {
    public var id: PathwayID
    public var title: String
    public var description: String?
    public var steps: [Step]
    public var transitions: [Transition]
    /// For a sub-pathway written out on its own: where it sits in its parent.
    public var boundary: PathwayBoundary?
    /// The file the pathway was read from (line and column of its top-level mapping).
    public var location: SourceLocation?

    public init(
        id: PathwayID, title: String? = nil, description: String? = nil, steps: [Step] = [],
        transitions: [Transition] = [], boundary: PathwayBoundary? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title ?? id.rawValue
        self.description = description
        self.steps = steps
        self.transitions = transitions
        self.boundary = boundary
        self.location = location
    }

    /// The step with an id, if there is one (the first, when ids are duplicated).
    ///
    /// - Complexity: O(n); build a ``PathwayGraph`` for repeated look-ups.
    public func step(_ id: StepID) -> Step? { steps.first { $0.id == id } }
}

/// Where a sub-pathway, written out as a pathway file of its own, joins the pathway it was cut from.
public struct PathwayBoundary: Hashable, Sendable {
    /// The pathway it was cut from.
    public var parent: PathwayID
    /// Links into the sub-pathway from steps outside it.
    public var entries: [BoundaryLink]
    /// Links out of the sub-pathway to steps outside it.
    public var exits: [BoundaryLink]

    public init(parent: PathwayID, entries: [BoundaryLink] = [], exits: [BoundaryLink] = []) {
        self.parent = parent
        self.entries = entries
        self.exits = exits
    }
}

/// One link across a sub-pathway's boundary.
public struct BoundaryLink: Hashable, Sendable {
    public var from: StepID
    public var to: StepID
    public var condition: String?

    public init(from: StepID, to: StepID, condition: String? = nil) {
        self.from = from
        self.to = to
        self.condition = condition
    }
}
