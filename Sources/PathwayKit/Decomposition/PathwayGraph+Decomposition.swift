/// Settings of a decomposition.
public struct DecompositionOptions: Hashable, Sendable {
    /// For `routes`: how many of the most likely routes to list.
    public var maxRoutes: Int
    /// The sub-pathway sizes the method recommends (3 to 5 steps); others get a warning, and `phases` aims
    /// for them.
    public var preferredSize: ClosedRange<Int>

    public init(maxRoutes: Int = 20, preferredSize: ClosedRange<Int> = 3...5) {
        self.maxRoutes = maxRoutes
        self.preferredSize = preferredSize
    }
}

extension PathwayGraph {
    /// Divides the pathway into sub-pathways.
    ///
    /// - Parameters:
    ///   - strategy: How to divide it (see ``DecompositionStrategy``).
    ///   - options: Route cap and preferred sizes.
    /// - Returns: The sub-pathways, numbered `<pathway>/<n>` in pathway order, with a warning finding
    ///   (`subpathway-size`) for each whose step count is outside the preferred size.
    /// - Complexity: O(V + E) for `chains` and `stages`, see ``PathwayIndex/phaseGroups(target:)`` for `phases`; see ``programStructureFragments()`` and ``routes(limit:)``.
    public func decomposition(
        _ strategy: DecompositionStrategy = .phases, options: DecompositionOptions = DecompositionOptions()
    ) -> Decomposition {
        decompositionAndNodes(strategy, options: options).decomposition
    }

    /// The decomposition, and for strategies that partition the steps (`chains`, `stages`) the nodes of each
    /// sub-pathway, so that callers need not look steps up by id again.
    func decompositionAndNodes(
        _ strategy: DecompositionStrategy, options: DecompositionOptions = DecompositionOptions()
    ) -> (decomposition: Decomposition, nodes: [[Int32]]?) {
        var result: Decomposition
        var nodes: [[Int32]]?
        switch strategy {
        case .phases:
            let cut = index.phaseGroups(target: options.preferredSize)
            let groups = cut.groups
            nodes = groups
            var subpathways = partitionSubpathways(groups, cyclic: nil)
            for part in subpathways.indices {
                subpathways[part].title = index.titleText(cut.titles[part], steps: groups[part])
            }
            result = Decomposition(pathway: index.id, strategy: strategy, subpathways: subpathways)
            result.findings = cut.aloneSteps.map(index.aloneFinding)
        case .chains:
            let (groups, cyclic) = chainSubpathways()
            nodes = groups
            result = Decomposition(
                pathway: index.id, strategy: strategy, subpathways: partitionSubpathways(groups, cyclic: cyclic))
        case .stages:
            let (groups, names) = stageGroups()
            nodes = groups
            var subpathways = partitionSubpathways(groups, cyclic: nil)
            for index in subpathways.indices {
                subpathways[index].title = names[index] + ": " + subpathways[index].title
            }
            result = Decomposition(pathway: index.id, strategy: strategy, subpathways: subpathways)
        case .structure:
            result = Decomposition(pathway: index.id, strategy: strategy, subpathways: programStructureFragments())
        case .routes:
            let (count, routes) = routes(limit: options.maxRoutes)
            result = Decomposition(pathway: index.id, strategy: strategy, subpathways: routes, routeCount: count)
        }
        result.findings =
            sizeFindings(result.subpathways, strategy: strategy, preferred: options.preferredSize, nodes: nodes)
            + result.findings
        return (result, nodes)
    }

    /// Warnings for sub-pathways outside the preferred size (fragments of `structure` at every level).
    ///
    /// - Parameter nodes: The nodes of each top-level sub-pathway, where known (saves looking the first step up).
    func sizeFindings(
        _ subpathways: [Subpathway], strategy: DecompositionStrategy, preferred: ClosedRange<Int>,
        nodes: [[Int32]]? = nil
    ) -> [Finding] {
        var findings: [Finding] = []
        // Each sub-pathway with its index among the top level (-1 for nested fragments).
        var stack = subpathways.indices.reversed().map { (subpathways[$0], $0) }
        while let (subpathway, index) = stack.popLast() {
            stack += subpathway.children.reversed().map { ($0, -1) }
            let size = strategy == .structure ? subpathway.allSteps.count : subpathway.steps.count
            guard !preferred.contains(size) else { continue }
            let first =
                index >= 0 && nodes != nil
                ? nodes?[index].first : (subpathway.steps.first ?? subpathway.allSteps.first).flatMap { node($0) }
            findings.append(
                Finding(
                    .warning, rule: "subpathway-size",
                    "sub-pathway '\(subpathway.id)' has \(size) step\(size == 1 ? "" : "s"); the method suggests "
                        + "\(preferred.lowerBound) to \(preferred.upperBound)",
                    at: first.flatMap { self.index.location(Index<Step>(raw: $0)) } ?? self.index.location))
        }
        return findings
    }

    /// Sub-pathways from a partition of the nodes: ids, titles, boundary links, stages and staff groups.
    ///
    /// - Parameters:
    ///   - groups: Disjoint node lists covering the graph, each in order, already in output order.
    ///   - cyclic: Which groups are loops of plain steps, if any are.
    /// - Complexity: O(V + E).
    func partitionSubpathways(_ groups: [[Int32]], cyclic: [Bool]?) -> [Subpathway] {
        var groupOfNode = [Int32](repeating: -1, count: graph.nodeCount)
        for (index, group) in groups.enumerated() {
            for node in group { groupOfNode[Int(node)] = Int32(index) }
        }
        var entries = [[BoundaryLink]](repeating: [], count: groups.count)
        var exits = [[BoundaryLink]](repeating: [], count: groups.count)
        for node in 0..<Int32(graph.nodeCount) {
            let group = groupOfNode[Int(node)]
            for slot in graph.successorSlots(of: node) {
                let target = graph.successorTargets[slot]
                if groupOfNode[Int(target)] != group { exits[Int(group)].append(link(graph.successorEdges[slot])) }
            }
            for slot in graph.predecessorSlots(of: node) {
                let source = graph.predecessorSources[slot]
                if groupOfNode[Int(source)] != group { entries[Int(group)].append(link(graph.predecessorEdges[slot])) }
            }
        }
        return groups.enumerated().map { index, group in
            var subpathway = subpathway(number: index + 1, nodes: group)
            subpathway.entries = entries[index]
            subpathway.exits = exits[index]
            subpathway.isCyclic = cyclic?[index] ?? false
            return subpathway
        }
    }

    /// A sub-pathway over some nodes: id, title, steps, stages and staff groups (no boundary links).
    func subpathway(number: Int, nodes: [Int32]) -> Subpathway {
        var stages = FirstSeen<String>()
        var staff = FirstSeen<StaffGroupID>()
        for node in nodes {
            let step = Index<Step>(raw: node)
            if let stage = index.stage(step) { stages.add(index.stageNames[stage]) }
            for group in index.staffGroups(step) { staff.add(StaffGroupID(index.staffGroupIDs[group])) }
        }
        return Subpathway(
            id: "\(index.id.rawValue)/\(number)", title: title(of: nodes),
            steps: nodes.map { StepID(index.stepIDs[Index(raw: $0)]) },
            stages: stages.values, staffGroups: staff.values)
    }

    /// "first label → last label", or the one label.
    func title(of nodes: [Int32]) -> String { index.title(of: nodes) }

    /// The boundary link of an edge.
    func link(_ edge: Int32) -> BoundaryLink {
        let transition = Index<Transition>(raw: edge)
        return BoundaryLink(
            from: StepID(index.stepIDs[index.transitionSources[transition]]),
            to: StepID(index.stepIDs[index.transitionTargets[transition]]), condition: index.conditions[transition])
    }
}

extension PathwayIndex {
    /// "first label → last label", or the one label, of some steps (by node number).
    func title(of nodes: some BidirectionalCollection<Int32>) -> String {
        guard let first = nodes.first, let last = nodes.last else { return "" }
        return first == last
            ? label(Index(raw: first)) : "\(label(Index(raw: first))) → \(label(Index(raw: last)))"
    }
}

/// Distinct values in the order first seen: a scan of the few seen so far, and a set once there are many.
struct FirstSeen<Value: Hashable> {
    private(set) var values: [Value] = []
    private var seen: Set<Value>?

    mutating func add(_ value: Value) {
        if seen != nil {
            if seen!.insert(value).inserted { values.append(value) }
        } else if !values.contains(value) {
            values.append(value)
            if values.count > 16 { seen = Set(values) }
        }
    }
}
