/// Checks pathways and projects and reports what is wrong as ``Finding``s.
///
/// The rules are listed in the README ("Validation rules"); each finding names its rule.
public enum Validator {
    /// The tolerance when checking that shares leaving a step sum to 1.
    static let shareTolerance = 0.001

    /// Checks a loaded project: every pathway's structure and every cross-file reference.
    ///
    /// - Complexity: O(V + E) per pathway plus O(total size) for the references.
    public static func findings(for project: Project) -> [Finding] {
        var findings: [Finding] = []
        let references = ReferenceIndex(project: project, findings: &findings)
        var seenPathways: [PathwayID: SourceLocation?] = [:]
        for graph in project.graphs {
            let index = graph.index
            if let first = seenPathways[index.id] {
                findings.append(
                    Finding(
                        .error, rule: "duplicate-id",
                        "pathway id '\(index.id)' is used twice\(first.map { " (first at \($0))" } ?? "")",
                        at: index.location))
            } else {
                seenPathways[index.id] = index.location
            }
            findings += Self.findings(for: index)
            findings += references.findings(for: index, sources: Set(project.manifest.sources.map(\.id)))
        }
        findings += StatusHistory.findings(for: project.manifest)
        return findings.sortedForOutput()
    }

    /// Checks the structure of one pathway: ids, transitions, starts and ends, reachability, decisions, shares and
    /// cycles. Cross-file references are not checked (see ``findings(for:)-(Project)``).
    ///
    /// - Complexity: O(V + E).
    public static func findings(for pathway: Pathway) -> [Finding] {
        findings(for: PathwayIndex(pathway))
    }

    /// Checks the structure of one indexed pathway (``findings(for:)-(Pathway)`` on the index the readers build):
    /// strings are made only for the findings.
    ///
    /// - Complexity: O(V + E).
    public static func findings(for index: PathwayIndex) -> [Finding] {
        var findings: [Finding] = []
        for (_, step) in index.duplicateSteps {
            let first = index.step(named: step.id).flatMap { index.location($0) }
            findings.append(
                Finding(
                    .error, rule: "duplicate-id",
                    "step id '\(step.id)' is used twice\(first.map { " (first at line \($0.line ?? 0))" } ?? "")",
                    at: step.location))
        }
        if !index.danglingTransitions.isEmpty {
            let known = index.stepIDs.names.map { StepID($0) }
            for (_, transition) in index.danglingTransitions {
                for (end, id) in [("from", transition.from), ("to", transition.to)] where index.step(named: id) == nil {
                    findings.append(
                        Finding(
                            .error, rule: "unknown-step",
                            "transition \(end) '\(id)' refers to a step that does not exist"
                                + (StepID.closest(to: id, in: known).map { "; did you mean '\($0)'?" } ?? ""),
                            at: transition.location))
                }
            }
        }

        // A sub-pathway written out on its own (it has a boundary) is entered and left through its boundary links:
        // their inner ends count as starts and ends.
        let core = index.graph
        let kinds = index.kinds.values
        var starts = (0..<Int32(core.nodeCount)).filter { kinds[Int($0)] == .start }
        var ends = (0..<Int32(core.nodeCount)).filter { kinds[Int($0)] == .end }
        var boundaryExits = [Int](repeating: 0, count: core.nodeCount)
        if let boundary = index.boundary {
            starts += boundary.entries.compactMap { index.step(named: $0.to)?.raw }
            ends += boundary.exits.compactMap { index.step(named: $0.from)?.raw }
            for link in boundary.exits {
                if let node = index.step(named: link.from) { boundaryExits[node.position] += 1 }
            }
        }
        let stepCount = index.stepCount + index.duplicateSteps.count
        if starts.isEmpty, stepCount > 0 {
            findings.append(
                Finding(.error, rule: "no-start", "pathway '\(index.id)' has no start step", at: index.location))
        }
        if ends.isEmpty, stepCount > 0 {
            findings.append(
                Finding(.error, rule: "no-end", "pathway '\(index.id)' has no end step", at: index.location))
        }

        if !starts.isEmpty {
            let reached = core.reachable(from: starts)
            for node in 0..<Int32(core.nodeCount) where !reached[Int(node)] {
                let step = Index<Step>(raw: node)
                findings.append(
                    Finding(
                        .error, rule: "unreachable-step",
                        "step '\(index.stepIDs[step])' cannot be reached from any start", at: index.location(step)))
            }
        }

        // Cycles with no way out: strongly connected components with no edge leaving them and no end inside.
        let components = core.stronglyConnectedComponents()
        var hasExit = [Bool](repeating: false, count: components.componentCount)
        var isCyclic = [Bool](repeating: false, count: components.componentCount)
        for (component, size) in components.sizes().enumerated() where size > 1 { isCyclic[component] = true }
        for node in 0..<Int32(core.nodeCount) {
            let component = Int(components.componentOfNode[Int(node)])
            if kinds[Int(node)] == .end || boundaryExits[Int(node)] > 0 { hasExit[component] = true }
            for next in core.successors(of: node) {
                if components.componentOfNode[Int(next)] != Int32(component) {
                    hasExit[component] = true
                } else if next == node {
                    isCyclic[component] = true
                }
            }
        }
        var inClosedCycle = [Bool](repeating: false, count: core.nodeCount)
        // Flat member lists: a million components cost no array each.
        let (memberOffsets, memberNodes) = components.flatMembers()
        for component in 0..<components.componentCount where isCyclic[component] && !hasExit[component] {
            let members = memberNodes[Int(memberOffsets[component])..<Int(memberOffsets[component + 1])]
            for node in members { inClosedCycle[Int(node)] = true }
            findings.append(
                Finding(
                    .error, rule: "closed-cycle",
                    "steps \(members.map { "'\(index.stepIDs[Index(raw: $0)])'" }.joined(separator: ", ")) form a cycle "
                        + "with no way out",
                    at: members.first.flatMap { index.location(Index<Step>(raw: $0)) }))
        }

        if !ends.isEmpty {
            let canEnd = core.reachable(from: ends, direction: .backward)
            for node in 0..<Int32(core.nodeCount) where !canEnd[Int(node)] && !inClosedCycle[Int(node)] {
                let step = Index<Step>(raw: node)
                findings.append(
                    Finding(
                        .error, rule: "no-way-to-end", "no end can be reached from step '\(index.stepIDs[step])'",
                        at: index.location(step)))
            }
        }

        for node in 0..<Int32(core.nodeCount) {
            findings += branchFindings(index: index, step: Index(raw: node), boundaryExits: boundaryExits[Int(node)])
        }
        if index.details.values.contains(where: { $0.patientsPerYear != nil }) {
            // Volumes are given (a pilot, not a bulk network): the patient flow works on the values.
            var exits: [StepID: Int] = [:]
            for node in 0..<core.nodeCount where boundaryExits[node] > 0 {
                exits[StepID(index.stepIDs[Index(node)])] = boundaryExits[node]
            }
            findings += missingShareFindings(graph: PathwayGraph(index: index), boundaryExits: exits)
        }
        return findings.sortedForOutput()
    }

    /// `missing-share`: where a pathway gives volumes, each step whose patients are split evenly because none of
    /// its transitions gives a share (``PathwayGraph/evenlySplitNodes()``), so that every figure after it is an
    /// estimate. Steps with links out of a sub-pathway's boundary are left out (their other shares lie outside).
    ///
    /// - Complexity: O(V + E).
    public static func missingShareFindings(graph: PathwayGraph, boundaryExits: [StepID: Int] = [:]) -> [Finding] {
        guard graph.index.hasVolumes else { return [] }
        let index = graph.index
        return graph.evenlySplitNodes().compactMap { node in
            let step = Index<Step>(raw: node)
            let id = index.stepIDs[step]
            guard boundaryExits[StepID(id)] == nil else { return nil }
            let branches = graph.graph.outDegree(of: node)
            return Finding(
                .warning, rule: "missing-share",
                "\(index.kinds[step].rawValue) '\(id)' gives no share for any of its \(branches) branches, so patients "
                    + "are assumed to split evenly (1/\(branches) each) and every patient figure after it is an "
                    + "estimate; give each transition a sourced 'share'",
                at: index.location(step))
        }
    }

    /// Decision arity, implicit branches, shares and the edges of ends.
    /// `boundaryExits` counts the step's links out of a sub-pathway's boundary, which count as outgoing.
    static func branchFindings(index: PathwayIndex, step node: Index<Step>, boundaryExits: Int = 0) -> [Finding] {
        let graph = index.graph
        let kind = index.kinds[node]
        let outgoingSlots = Int(graph.successorOffsets[node.position])..<Int(graph.successorOffsets[node.position + 1])
        let outgoingCount = outgoingSlots.count + boundaryExits
        // Most steps have nothing to report: look at the shares only where one is given.
        var shares: [Double] = []
        for slot in outgoingSlots {
            if let share = index.share(Index(raw: graph.successorEdges[slot])) { shares.append(share) }
        }
        let isQuiet: Bool
        switch kind {
        case .decision: isQuiet = outgoingCount >= 2
        case .activity, .start, .merge, .reference: isQuiet = outgoingCount <= 1
        case .end: isQuiet = outgoingSlots.isEmpty
        case .parallel: isQuiet = true
        }
        guard !isQuiet || !shares.isEmpty else { return [] }
        let step = (id: index.stepIDs[node], kind: kind, location: index.location(node))
        let outgoing = outgoingSlots
        var findings: [Finding] = []
        switch step.kind {
        case .decision where outgoingCount < 2:
            findings.append(
                Finding(
                    .error, rule: "decision-branches",
                    "decision '\(step.id)' has \(outgoingCount) outgoing transition\(outgoingCount == 1 ? "" : "s"); a decision needs at least two",
                    at: step.location))
        case .activity, .start, .merge, .reference:
            guard outgoingCount > 1 else { break }
            findings.append(
                Finding(
                    .warning, rule: "implicit-branch",
                    "\(step.kind.rawValue) '\(step.id)' has \(outgoingCount) outgoing transitions but is not a decision; make it a decision (or a parallel step if every branch happens)",
                    at: step.location))
        case .end where !outgoing.isEmpty:
            findings.append(
                Finding(.warning, rule: "end-continues", "end '\(step.id)' has outgoing transitions", at: step.location)
            )
        default:
            break
        }
        // Shares of a step whose other transitions lie outside a sub-pathway cannot be checked here.
        if !shares.isEmpty, step.kind != .parallel, boundaryExits == 0 {
            if shares.count < outgoing.count {
                findings.append(
                    Finding(
                        .warning, rule: "shares-sum",
                        "shares are given for \(shares.count) of the \(outgoing.count) transitions leaving '\(step.id)'",
                        at: step.location))
            } else {
                let total = shares.reduce(0, +)
                if abs(total - 1) > shareTolerance {
                    findings.append(
                        Finding(
                            .warning, rule: "shares-sum",
                            "shares of the transitions leaving '\(step.id)' sum to \(NumberText.plain((total * 1000).rounded() / 1000)), not 1",
                            at: step.location))
                }
            }
        }
        return findings
    }
}

extension Identifier {
    /// The known id nearest to a misspelt one, when it is close enough to suggest.
    ///
    /// - Complexity: O(candidates · length · 2), the distance being bounded (a hostile long id costs no more).
    static func closest(to id: Identifier, in candidates: some Sequence<Identifier>) -> Identifier? {
        let length = id.rawValue.count
        guard length >= 3 else { return nil }
        let limit = length >= 4 ? 2 : 1
        var best: (id: Identifier, distance: Int)?
        for candidate in candidates {
            guard let distance = candidate.rawValue.editDistance(to: id.rawValue, atMost: limit) else { continue }
            if let current = best, (current.distance, current.id.rawValue) <= (distance, candidate.rawValue) {
                continue
            }
            best = (candidate, distance)
        }
        return best?.id
    }
}
