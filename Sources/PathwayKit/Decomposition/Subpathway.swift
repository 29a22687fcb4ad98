/// How a pathway network is divided into sub-pathways.
public enum DecompositionStrategy: String, Hashable, Sendable, CaseIterable, Codable {
    /// The phases an analyst would publish, from stages, outcome decisions, decision blocks, loops, hand-offs and
    /// a target length (see ``PathwayGraph/phaseGroups(target:)``).
    case phases
    /// Maximal non-branching runs of steps, cut at starts, ends, decisions and merges.
    case chains
    /// Runs of steps that share a stage annotation.
    case stages
    /// The hierarchy of single-entry single-exit fragments; its top level is the high-level linear pathway.
    case structure
    /// Patient routes from entry to exit, most likely first.
    case routes
}

/// A linear piece of a pathway: the unit a framework project is built on.
public struct Subpathway: Hashable, Sendable {
    /// A stable id within its decomposition (`<pathway>/<n>`, numbered in pathway order).
    public var id: String
    /// A short title (the first and last step labels, or the stage).
    public var title: String
    /// The steps, in order along the sub-pathway.
    public var steps: [StepID]
    /// Whether the last step leads back to the first (a loop of plain steps).
    public var isCyclic: Bool
    /// Transitions into the sub-pathway from steps outside it.
    public var entries: [BoundaryLink]
    /// Transitions out of the sub-pathway to steps outside it.
    public var exits: [BoundaryLink]
    /// The stages of its steps, in order of first appearance.
    public var stages: [String]
    /// The staff groups of its steps, in order of first appearance.
    public var staffGroups: [StaffGroupID]
    /// Nested fragments (the `structure` strategy); empty for the other strategies.
    public var children: [Subpathway]
    /// For the `routes` strategy: the probability of the route, from transition shares, where known.
    public var probability: Double?
    /// For the `routes` strategy: the transitions taken along the route, with their conditions; empty otherwise.
    public var links: [BoundaryLink]
    /// For the `structure` strategy: what the fragment is (`sequence`, `loop` or `block`); `nil` otherwise.
    public var kind: String?

    public init(
        id: String, title: String, steps: [StepID], isCyclic: Bool = false, entries: [BoundaryLink] = [],
        exits: [BoundaryLink] = [], stages: [String] = [], staffGroups: [StaffGroupID] = [],
        children: [Subpathway] = [], probability: Double? = nil, links: [BoundaryLink] = [], kind: String? = nil
    ) {
        self.id = id
        self.title = title
        self.steps = steps
        self.isCyclic = isCyclic
        self.entries = entries
        self.exits = exits
        self.stages = stages
        self.staffGroups = staffGroups
        self.children = children
        self.probability = probability
        self.links = links
        self.kind = kind
    }

    /// The steps of the sub-pathway and of all its nested fragments, depth first.
    ///
    /// - Complexity: O(size of the fragment tree), iterative.
    public var allSteps: [StepID] {
        var result: [StepID] = []
        var stack: [Subpathway] = [self]
        while let fragment = stack.popLast() {
            result += fragment.steps
            stack += fragment.children.reversed()
        }
        return result
    }
}

/// The sub-pathways of one pathway under one strategy.
public struct Decomposition: Hashable, Sendable {
    public var pathway: PathwayID
    public var strategy: DecompositionStrategy
    /// The sub-pathways, in pathway order. For `phases`, `chains` and `stages` every step is in exactly one.
    public var subpathways: [Subpathway]
    /// For `routes`: the number of distinct routes from entry to exit (which may be far more than are listed).
    public var routeCount: Double?
    /// Advice about the result, such as sub-pathways outside the preferred size (warnings, never errors).
    public var findings: [Finding]

    public init(
        pathway: PathwayID, strategy: DecompositionStrategy, subpathways: [Subpathway], routeCount: Double? = nil,
        findings: [Finding] = []
    ) {
        self.pathway = pathway
        self.strategy = strategy
        self.subpathways = subpathways
        self.routeCount = routeCount
        self.findings = findings
    }
}

extension Pathway {
    /// The part of the pathway made of some of its steps: those steps (in the given order) and the transitions
    /// between them, with the transitions that cross the boundary recorded in ``Pathway/boundary``.
    ///
    /// - Parameters:
    ///   - stepIDs: The steps to keep.
    ///   - id: The new pathway's id.
    ///   - title: The new pathway's title.
    /// - Complexity: O(V + E).
    public func restricted(to stepIDs: [StepID], id: PathwayID, title: String? = nil) -> Pathway {
        let kept = Set(stepIDs)
        var byID: [StepID: Step] = [:]
        for step in steps where byID[step.id] == nil { byID[step.id] = step }
        var boundary = PathwayBoundary(parent: self.id)
        var inner: [Transition] = []
        for transition in transitions {
            let link = BoundaryLink(from: transition.from, to: transition.to, condition: transition.condition)
            switch (kept.contains(transition.from), kept.contains(transition.to)) {
            case (true, true): inner.append(transition)
            case (false, true): boundary.entries.append(link)
            case (true, false): boundary.exits.append(link)
            case (false, false): break
            }
        }
        return Pathway(
            id: id, title: title, description: description, steps: stepIDs.compactMap { byID[$0] },
            transitions: inner, boundary: boundary, location: location)
    }
}
