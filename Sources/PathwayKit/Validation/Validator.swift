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
        for pathway in project.pathways {
            if let first = seenPathways[pathway.id] {
                findings.append(
                    Finding(
                        .error, rule: "duplicate-id",
                        "pathway id '\(pathway.id)' is used twice\(first.map { " (first at \($0))" } ?? "")",
                        at: pathway.location))
            } else {
                seenPathways[pathway.id] = pathway.location
            }
            findings += Self.findings(for: pathway)
            findings += references.findings(for: pathway, sources: Set(project.manifest.sources.map(\.id)))
        }
        return findings.sortedForOutput()
    }

    /// Checks the structure of one pathway: ids, transitions, starts and ends, reachability, decisions, shares and
    /// cycles. Cross-file references are not checked (see ``findings(for:)-(Project)``).
    ///
    /// - Complexity: O(V + E).
    public static func findings(for pathway: Pathway) -> [Finding] {
        var findings: [Finding] = []
        let graph = PathwayGraph(pathway)

        var firstStep: [StepID: Step] = [:]
        for step in pathway.steps {
            if let first = firstStep[step.id] {
                findings.append(
                    Finding(
                        .error, rule: "duplicate-id",
                        "step id '\(step.id)' is used twice\(first.location.map { " (first at line \($0.line ?? 0))" } ?? "")",
                        at: step.location))
            } else {
                firstStep[step.id] = step
            }
        }
        for transition in pathway.transitions {
            for (end, id) in [("from", transition.from), ("to", transition.to)] where graph.node(id) == nil {
                findings.append(
                    Finding(
                        .error, rule: "unknown-step",
                        "transition \(end) '\(id)' refers to a step that does not exist"
                            + (StepID.closest(to: id, in: firstStep.keys).map { "; did you mean '\($0)'?" } ?? ""),
                        at: transition.location))
            }
        }

        // A sub-pathway written out on its own (it has a boundary) is entered and left through its boundary links:
        // their inner ends count as starts and ends.
        var starts = graph.nodes(ofKind: .start)
        var ends = graph.nodes(ofKind: .end)
        if let boundary = pathway.boundary {
            starts += boundary.entries.compactMap { graph.node($0.to) }
            ends += boundary.exits.compactMap { graph.node($0.from) }
        }
        if starts.isEmpty, !pathway.steps.isEmpty {
            findings.append(
                Finding(.error, rule: "no-start", "pathway '\(pathway.id)' has no start step", at: pathway.location))
        }
        if ends.isEmpty, !pathway.steps.isEmpty {
            findings.append(
                Finding(.error, rule: "no-end", "pathway '\(pathway.id)' has no end step", at: pathway.location))
        }

        let core = graph.graph
        var boundaryExits: [StepID: Int] = [:]
        for link in pathway.boundary?.exits ?? [] { boundaryExits[link.from, default: 0] += 1 }
        if !starts.isEmpty {
            let reached = core.reachable(from: starts)
            for node in 0..<Int32(core.nodeCount) where !reached[Int(node)] {
                let step = graph.step(node)
                findings.append(
                    Finding(
                        .error, rule: "unreachable-step", "step '\(step.id)' cannot be reached from any start",
                        at: step.location))
            }
        }

        // Cycles with no way out: strongly connected components with no edge leaving them and no end inside.
        let components = core.stronglyConnectedComponents()
        var hasExit = [Bool](repeating: false, count: components.componentCount)
        var isCyclic = [Bool](repeating: false, count: components.componentCount)
        for (index, size) in components.sizes().enumerated() where size > 1 { isCyclic[index] = true }
        for node in 0..<Int32(core.nodeCount) {
            let component = Int(components.componentOfNode[Int(node)])
            if graph.step(node).kind == .end || boundaryExits[graph.step(node).id, default: 0] > 0 {
                hasExit[component] = true
            }
            for next in core.successors(of: node) {
                if components.componentOfNode[Int(next)] != Int32(component) {
                    hasExit[component] = true
                } else if next == node {
                    isCyclic[component] = true
                }
            }
        }
        var inClosedCycle = [Bool](repeating: false, count: core.nodeCount)
        for (component, members) in components.members().enumerated()
        where isCyclic[component] && !hasExit[component] {
            for node in members { inClosedCycle[Int(node)] = true }
            let steps = members.map { graph.step($0) }
            findings.append(
                Finding(
                    .error, rule: "closed-cycle",
                    "steps \(steps.map { "'\($0.id)'" }.joined(separator: ", ")) form a cycle with no way out",
                    at: steps.first?.location))
        }

        if !ends.isEmpty {
            let canEnd = core.reachable(from: ends, direction: .backward)
            for node in 0..<Int32(core.nodeCount) where !canEnd[Int(node)] && !inClosedCycle[Int(node)] {
                let step = graph.step(node)
                findings.append(
                    Finding(
                        .error, rule: "no-way-to-end", "no end can be reached from step '\(step.id)'", at: step.location
                    ))
            }
        }

        for node in 0..<Int32(core.nodeCount) {
            findings += branchFindings(graph: graph, node: node, boundaryExits: boundaryExits[graph.step(node).id] ?? 0)
        }
        findings += missingShareFindings(graph: graph, boundaryExits: boundaryExits)
        return findings.sortedForOutput()
    }

    /// `missing-share`: where a pathway gives volumes, each step whose patients are split evenly because none of
    /// its transitions gives a share (``PathwayGraph/evenlySplitNodes()``), so that every figure after it is an
    /// estimate. Steps with links out of a sub-pathway's boundary are left out (their other shares lie outside).
    ///
    /// - Complexity: O(V + E).
    public static func missingShareFindings(graph: PathwayGraph, boundaryExits: [StepID: Int] = [:]) -> [Finding] {
        guard graph.pathway.steps.contains(where: { $0.patientsPerYear != nil }) else { return [] }
        return graph.evenlySplitNodes().compactMap { node in
            let step = graph.step(node)
            guard boundaryExits[step.id] == nil else { return nil }
            let branches = graph.graph.outDegree(of: node)
            return Finding(
                .warning, rule: "missing-share",
                "\(step.kind.rawValue) '\(step.id)' gives no share for any of its \(branches) branches, so patients are "
                    + "assumed to split evenly (1/\(branches) each) and every patient figure after it is an estimate; "
                    + "give each transition a sourced 'share'",
                at: step.location)
        }
    }

    /// Decision arity, implicit branches, shares and the edges of ends.
    /// `boundaryExits` counts the step's links out of a sub-pathway's boundary, which count as outgoing.
    static func branchFindings(graph: PathwayGraph, node: Int32, boundaryExits: Int = 0) -> [Finding] {
        let step = graph.step(node)
        let outgoing = graph.outgoingTransitions(of: node)
        let outgoingCount = outgoing.count + boundaryExits
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
        let shares = outgoing.compactMap(\.share)
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
                            "shares of the transitions leaving '\(step.id)' sum to \(OrderedTree.format((total * 1000).rounded() / 1000)), not 1",
                            at: step.location))
                }
            }
        }
        return findings
    }
}

extension Identifier {
    /// The known id nearest to a misspelt one, when it is close enough to suggest.
    static func closest(to id: Identifier, in candidates: some Sequence<Identifier>) -> Identifier? {
        let best = candidates.min {
            ($0.rawValue.editDistance(to: id.rawValue), $0.rawValue) < (
                $1.rawValue.editDistance(to: id.rawValue), $1.rawValue
            )
        }
        guard id.rawValue.count >= 3, let best,
            best.rawValue.editDistance(to: id.rawValue) <= (id.rawValue.count >= 4 ? 2 : 1)
        else { return nil }
        return best
    }
}
