import Foundation

/// The `phases` decomposition: the sub-pathways an analyst would publish, found from every signal a pathway
/// carries. See ``PathwayIndex/phaseGroups(target:)`` for the rules and their order.
struct PhaseCut {
    /// The node groups, in pathway order, each in pathway order; every node is in exactly one.
    var groups: [[Int32]]
    /// A title per group.
    var titles: [String]
    /// Advice beyond the size warnings: why a one-step sub-pathway was left alone.
    var advice: [Finding]
}

extension PathwayIndex {
    /// How strongly a transition separates its two steps, weakest first.
    enum PhaseBoundary: UInt8, Comparable {
        /// Nothing separates them.
        case none = 0
        /// A hand-off: both steps name staff groups and share none.
        case handOff = 1
        /// A branch of an outcome decision whose branches do not rejoin soon: each branch starts a sub-pathway.
        case outcome = 3
        /// The stage changes (stage annotations, or DOT clusters and BPMN lanes read as stages).
        case stage = 4

        static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The `phases` decomposition.
    ///
    /// Signals, strongest first:
    /// 1. **Stages.** A transition between two steps of different (effective, see ``effectiveStages()``) stages is
    ///    never crossed except to fold a piece of one or two steps. DOT clusters and BPMN lanes whose label names no
    ///    staff group arrive as stages.
    /// 2. **Outcome decisions.** A step with two or more branches that do not meet again soon (the step, its
    ///    alternatives and the step where they meet do not fit in the target's upper bound, or an alternative holds
    ///    a loop, such as a yearly review, so that patients may stay on it) starts one sub-pathway per branch
    ///    (variant found / not found). A parallel split is never an outcome decision: every patient takes every
    ///    branch. Ends and
    ///    loop-back transitions are left out, and so are *tails*, steps whose whole future (ends aside) is the step
    ///    itself: a short way out ("refer and end") is not a branch of its own.
    /// 3. **Decision blocks and loops.** A decision whose branches do meet again soon is one phase with its
    ///    alternatives and the step where they meet (its immediate post-dominator, as in the program structure
    ///    tree); where one branch goes straight to that step, the others are a detour some patients take, and the
    ///    step where everyone continues is left to begin what follows (it joins the block only by length); a loop (strongly connected component) of at most twice the upper bound is one phase, unless an
    ///    outcome branch lies on it (a reanalysis that returns to the review): the outcome is the stronger boundary.
    /// 4. **Hand-offs** between staff groups: joined only after every other transition, and only within the target
    ///    size; first where both pieces are below the lower bound, so that two short pieces become one rather than
    ///    one filling up to the upper bound and leaving a short remainder.
    /// 5. **Length.** A straight run of steps (a chain, see ``CompactGraph/chains(cutBefore:cutAfter:)``) longer
    ///    than the target's upper bound is cut into equal parts within it; remaining transitions join steps into
    ///    pieces up to the upper bound (end steps do not count, but no piece grows past twice the bound this way),
    ///    in pathway order, except a branch into a step other branches also reach (a reclassified result joining
    ///    the positive branch), and never so that a piece holds two stages (a step without a stage does not
    ///    bridge them).
    /// 6. **Folding.** A piece below the target's lower bound joins the neighbour it belongs to: the one across the
    ///    weakest boundary; a decision joins the piece before it rather than one of its branches, a branch joins
    ///    the steps after it rather than the decision it starts from, a start joins what follows it. Only pieces
    ///    of one or two steps cross a stage boundary.
    ///
    /// Every step ends in exactly one piece. A piece of one step remains only where no transition joins the step
    /// to any other piece; advice says so.
    ///
    /// - Parameter target: The preferred sub-pathway sizes (the method's 3 to 5 steps).
    /// - Complexity: O(V + E) for stages, back edges, post-dominators (see
    ///   ``CompactGraph/immediateDominators(root:order:direction:)``), components and unions; O(k · (V + E)) with
    ///   k = twice the upper bound for the bounded searches that tell whether a decision's branches meet again and
    ///   for folding. No recursion.
    func phaseGroups(target: ClosedRange<Int>) -> PhaseCut {
        let n = graph.nodeCount
        let lower = max(1, target.lowerBound)
        let upper = max(lower, target.upperBound)
        let limit = 2 * upper
        let stageOfNode = effectiveStages().stageOfNode
        var isEnd = [Bool](repeating: false, count: n)
        var isStart = [Bool](repeating: false, count: n)
        var starts: [Int32] = []
        for node in 0..<Int32(n) {
            let kind = kinds.values[Int(node)]
            isEnd[Int(node)] = kind == .end
            isStart[Int(node)] = kind == .start || graph.inDegree(of: node) == 0
            if isStart[Int(node)] { starts.append(node) }
        }
        let backSlot = graph.backEdgeSlots(roots: starts)
        var isBackEdge = [Bool](repeating: false, count: graph.edgeCount)
        for slot in 0..<graph.edgeCount where backSlot[slot] { isBackEdge[Int(graph.successorEdges[slot])] = true }

        // The forward graph: no loop-back transitions, no transitions into end steps.
        var sources: [Int32] = []
        var targets: [Int32] = []
        for node in 0..<Int32(n) {
            for slot in graph.successorOffsets[Int(node)]..<graph.successorOffsets[Int(node) + 1]
            where !backSlot[Int(slot)] {
                let next = graph.successorTargets[Int(slot)]
                guard !isEnd[Int(next)], next != node else { continue }
                sources.append(node)
                targets.append(next)
            }
        }
        let forward = CompactGraph(nodeCount: n, sources: sources, targets: targets)
        // A tail is a step whose whole future, ends aside, is that step alone (or, for a target below two steps,
        // shorter than the lower bound): a short way out such as "refer and end", never a branch of its own.
        var height = [Int32](repeating: 1, count: n)
        for node in (forward.topologicalOrder() ?? []).reversed() {
            for next in forward.successors(of: node) {
                height[Int(node)] = max(height[Int(node)], height[Int(next)] + 1)
            }
        }
        let isTail = height.map { Int($0) < min(lower, 2) }
        // Where branches meet again: post-dominators over the steps that are not tails, with a virtual sink after
        // every such step that has no way forward except into tails.
        let sink = Int32(n)
        var coreSources: [Int32] = []
        var coreTargets: [Int32] = []
        var branches = [Int32](repeating: 0, count: n)
        for node in 0..<Int32(n) where !isTail[Int(node)] {
            for next in forward.successors(of: node) where !isTail[Int(next)] {
                coreSources.append(node)
                coreTargets.append(next)
                branches[Int(node)] += 1
            }
            if branches[Int(node)] == 0 {
                coreSources.append(node)
                coreTargets.append(sink)
            }
        }
        let core = CompactGraph(nodeCount: n + 1, sources: coreSources, targets: coreTargets)
        let order = core.topologicalOrder() ?? Array(0...sink)
        let postDominator = core.immediateDominators(root: sink, order: order.reversed(), direction: .backward)

        // Decisions whose branches meet again soon: the decision, the steps between and the step where they meet
        // fit in the upper bound (with room for one more); with the steps of that block.
        var blockLinks: [(Int32, Int32)] = []
        var blockEnds: [Int] = [0]
        var isSplitter = [Bool](repeating: false, count: n)
        var visitMark = [Int32](repeating: -1, count: n + 1)
        // Steps at either end of a loop-back transition: an alternative holding one may keep patients on it.
        var onLoop = [Bool](repeating: false, count: n)
        for node in 0..<Int32(n) {
            for slot in graph.successorOffsets[Int(node)]..<graph.successorOffsets[Int(node) + 1]
            where backSlot[Int(slot)] {
                onLoop[Int(node)] = true
                onLoop[Int(graph.successorTargets[Int(slot)])] = true
            }
        }
        for node in 0..<Int32(n) where branches[Int(node)] >= 2 {
            // Every patient takes every branch of a parallel split, so it never starts one sub-pathway per branch.
            let isParallel = kinds.values[Int(node)] == .parallel
            let meet = postDominator[Int(node)]
            guard meet >= 0, meet != sink else {
                isSplitter[Int(node)] = !isParallel
                continue
            }
            // A branch straight to the meeting step makes the others a detour; that step then begins what follows.
            let isDetour = core.successors(of: node).contains(meet)
            var queue: [Int32] = [node]
            var links: [(Int32, Int32)] = []
            visitMark[Int(node)] = node
            var head = 0
            var small = true
            search: while head < queue.count {
                let current = queue[head]
                head += 1
                for next in core.successors(of: current) {
                    if !(isDetour && next == meet) { links.append((current, next)) }
                    guard next != meet, visitMark[Int(next)] != node else { continue }
                    // An alternative with a loop on it (a yearly review) does not meet the others again soon.
                    if onLoop[Int(next)] {
                        small = false
                        break search
                    }
                    visitMark[Int(next)] = node
                    queue.append(next)
                    if queue.count > max(2, upper - 1) {
                        small = false
                        break search
                    }
                }
            }
            if small {
                blockLinks += links
                blockEnds.append(blockLinks.count)
            } else {
                isSplitter[Int(node)] = !isParallel
            }
        }

        // The boundary of every transition.
        var boundary = [PhaseBoundary](repeating: .none, count: graph.edgeCount)
        var isOutcome = [Bool](repeating: false, count: graph.edgeCount)
        for node in 0..<Int32(n) {
            for slot in graph.successorOffsets[Int(node)]..<graph.successorOffsets[Int(node) + 1] {
                let next = graph.successorTargets[Int(slot)]
                let edge = Int(graph.successorEdges[Int(slot)])
                let (from, to) = (stageOfNode[Int(node)], stageOfNode[Int(next)])
                isOutcome[edge] =
                    isSplitter[Int(node)] && !isEnd[Int(next)] && !isTail[Int(next)] && !backSlot[Int(slot)]
                    && next != node
                if from >= 0 && to >= 0 && from != to {
                    boundary[edge] = .stage
                } else if isOutcome[edge] {
                    boundary[edge] = .outcome
                } else if isHandOff(node, next) {
                    boundary[edge] = .handOff
                }
            }
        }
        func boundaryBetween(_ from: Int32, _ to: Int32) -> PhaseBoundary {
            var result = PhaseBoundary.stage
            for slot in graph.successorOffsets[Int(from)]..<graph.successorOffsets[Int(from) + 1]
            where graph.successorTargets[Int(slot)] == to {
                result = min(result, boundary[Int(graph.successorEdges[Int(slot)])])
            }
            return result
        }

        var pieces = PieceUnion(weights: isEnd.map { $0 ? 0 : 1 })
        // A piece holds at most one stage (but for folding): a step without a stage never bridges two.
        var pieceStage = stageOfNode
        func compatible(_ a: Int32, _ b: Int32) -> Bool {
            let (x, y) = (pieceStage[Int(pieces.root(a))], pieceStage[Int(pieces.root(b))])
            return x < 0 || y < 0 || x == y
        }
        func joinPieces(_ a: Int32, _ b: Int32) {
            let (x, y) = (pieceStage[Int(pieces.root(a))], pieceStage[Int(pieces.root(b))])
            let root = pieces.join(a, b)
            pieceStage[Int(root)] = x >= 0 ? x : y
        }
        // Decision blocks and small loops are one phase each (never across a stage or an outcome), as long as
        // the pieces a block touches stay within twice the upper bound together.
        for block in 0..<(blockEnds.count - 1) {
            let links = blockLinks[blockEnds[block]..<blockEnds[block + 1]].filter {
                $0.1 != sink && boundaryBetween($0.0, $0.1) <= .handOff
            }
            var touched: [Int32] = []
            for (from, to) in links {
                for node in [from, to] {
                    let root = pieces.root(node)
                    if !touched.contains(root) { touched.append(root) }
                }
            }
            guard touched.reduce(0, { $0 + Int(pieces.size[Int($1)]) }) <= limit else { continue }
            guard Set(touched.map { pieceStage[Int($0)] }.filter { $0 >= 0 }).count <= 1 else { continue }
            for (from, to) in links { joinPieces(from, to) }
        }
        let components = graph.stronglyConnectedComponents()
        let componentSizes = components.sizes()
        // A loop that passes through an outcome branch (a reanalysis that goes back to the review, a rejected
        // invoice sent back to its approver) is not a round of one phase: the outcome decision it passes is the
        // stronger boundary, so its steps are joined by the other rules.
        var loopHasOutcome = [Bool](repeating: false, count: componentSizes.count)
        for node in 0..<Int32(n) {
            let component = components.componentOfNode[Int(node)]
            for slot in graph.successorOffsets[Int(node)]..<graph.successorOffsets[Int(node) + 1]
            where isOutcome[Int(graph.successorEdges[Int(slot)])]
                && components.componentOfNode[Int(graph.successorTargets[Int(slot)])] == component
            {
                loopHasOutcome[Int(component)] = true
            }
        }
        for node in 0..<Int32(n) {
            let component = components.componentOfNode[Int(node)]
            guard componentSizes[Int(component)] > 1, componentSizes[Int(component)] <= limit,
                !loopHasOutcome[Int(component)]
            else { continue }
            for slot in graph.successorOffsets[Int(node)]..<graph.successorOffsets[Int(node) + 1] {
                let next = graph.successorTargets[Int(slot)]
                if components.componentOfNode[Int(next)] == component,
                    boundary[Int(graph.successorEdges[Int(slot)])] <= .handOff, compatible(node, next)
                {
                    joinPieces(node, next)
                }
            }
        }
        // A straight run (a chain) longer than the upper bound is cut into equal parts within it.
        var isLengthCut = [Bool](repeating: false, count: graph.edgeCount)
        let chains = graph.chains()
        for chain in 0..<chains.chainCount {
            let run = chains.chain(chain)
            guard run.count > upper else { continue }
            let parts = (run.count + upper - 1) / upper
            for part in 1..<parts {
                let position = run.startIndex + part * run.count / parts
                let (from, to) = (run[position - 1], run[position])
                for slot in graph.successorOffsets[Int(from)]..<graph.successorOffsets[Int(from) + 1]
                where graph.successorTargets[Int(slot)] == to {
                    isLengthCut[Int(graph.successorEdges[Int(slot)])] = true
                }
            }
        }
        // Length: plain transitions first, then hand-offs, in pathway order, within the upper bound; hand-offs first
        // only between two pieces below the lower bound, so that two short pieces become one rather than one piece
        // filling up to the upper bound across a hand-off and leaving a short remainder.
        let pathOrder = graph.pathwayOrder(components)
        var rank = [Int32](repeating: 0, count: n)
        for (position, node) in pathOrder.enumerated() { rank[Int(node)] = Int32(position) }
        for (level, shortOnly) in [(PhaseBoundary.none, false), (.handOff, true), (.handOff, false)] {
            for node in pathOrder {
                for slot in graph.successorOffsets[Int(node)]..<graph.successorOffsets[Int(node) + 1]
                where boundary[Int(graph.successorEdges[Int(slot)])] == level
                    && !isLengthCut[Int(graph.successorEdges[Int(slot)])]
                {
                    // A branch that runs into a step other branches also reach (a reclassified result joining the
                    // positive branch) is where an analyst cuts: such links join only through blocks and folding.
                    let target = graph.successorTargets[Int(slot)]
                    if graph.outDegree(of: node) > 1 && forward.inDegree(of: target) > 1 { continue }
                    let a = pieces.root(node)
                    let b = pieces.root(target)
                    if shortOnly && max(pieces.weight[Int(a)], pieces.weight[Int(b)]) >= lower { continue }
                    if a != b && Int(pieces.weight[Int(a)] + pieces.weight[Int(b)]) <= upper
                        && Int(pieces.size[Int(a)] + pieces.size[Int(b)]) <= limit && compatible(a, b)
                    {
                        joinPieces(a, b)
                    }
                }
            }
        }
        // Folding: pieces of one step first, then larger ones below the lower bound, each in pathway order; a
        // piece that is only a decision (with its ends) after the others, so that it joins what they became.
        let context = FoldContext(
            boundary: boundary, isOutcome: isOutcome, isBackEdge: isBackEdge, isSplitter: isSplitter,
            isStart: isStart, isEnd: isEnd, rank: rank, limit: limit)
        var alone: [Int32] = []
        for decisionsOnly in [false, true] {
            for size in 1..<Int32(lower) {
                for node in pathOrder {
                    var root = pieces.root(node)
                    guard root == node || pieces.members(ofRoot: root).first == node else { continue }
                    guard pieces.size[Int(root)] == size,
                        isDecisionPiece(root, pieces: pieces, isSplitter: isSplitter, isEnd: isEnd) == decisionsOnly
                    else { continue }
                    while Int(pieces.size[Int(root)]) < lower {
                        guard let neighbour = foldTarget(root, pieces: &pieces, context: context) else {
                            alone.append(root)
                            break
                        }
                        let (x, y) = (pieceStage[Int(root)], pieceStage[Int(neighbour)])
                        root = pieces.join(root, neighbour)
                        pieceStage[Int(root)] = y >= 0 ? y : x
                    }
                }
            }
        }

        // Groups in pathway order.
        var groupOfRoot: [Int32: Int] = [:]
        var groups: [[Int32]] = []
        for node in pathOrder {
            let root = pieces.root(node)
            if let group = groupOfRoot[root] {
                groups[group].append(node)
            } else {
                groupOfRoot[root] = groups.count
                groups.append([node])
            }
        }
        var advice: [Finding] = []
        for group in groups where group.count == 1 {
            let node = group[0]
            let why =
                graph.inDegree(of: node) + graph.outDegree(of: node) == 0
                ? "no transition joins it to another step"
                : "it stands alone between two decisions (it starts a branch of one and every way out of it is a "
                    + "branch of another), so there is nothing to join it to"
            advice.append(
                Finding(
                    .note, rule: "subpathway-alone",
                    "step '\(stepIDs[Index(raw: node)])' is a sub-pathway of its own: \(why)",
                    at: location(Index<Step>(raw: node)) ?? location))
        }
        return PhaseCut(
            groups: groups, titles: phaseTitles(groups, stageOfNode: stageOfNode, boundary: boundary), advice: advice)
    }

    /// Whether both steps name staff groups and share none.
    private func isHandOff(_ from: Int32, _ to: Int32) -> Bool {
        let first = staffGroups(Index(raw: from))
        let second = staffGroups(Index(raw: to))
        guard !first.isEmpty, !second.isEmpty else { return false }
        return !first.contains { second.contains($0) }
    }

    /// What folding needs to know about the transitions and steps.
    struct FoldContext {
        var boundary: [PhaseBoundary]
        var isOutcome: [Bool]
        var isBackEdge: [Bool]
        var isSplitter: [Bool]
        var isStart: [Bool]
        var isEnd: [Bool]
        var rank: [Int32]
        /// Twice the target's upper bound: folding prefers neighbours that stay within it.
        var limit: Int
    }

    /// Whether a piece holds nothing but outcome decisions and end steps.
    private func isDecisionPiece(_ root: Int32, pieces: PieceUnion, isSplitter: [Bool], isEnd: [Bool]) -> Bool {
        pieces.members(ofRoot: root).allSatisfy { isSplitter[Int($0)] || isEnd[Int($0)] }
    }

    /// The neighbour a small piece folds into, or `nil` when it has none or stands alone between decisions (every
    /// transition into it starts a branch of an outcome decision, and every transition out of it is such a branch
    /// too).
    ///
    /// Candidates are ordered by cost (the boundary crossed; 5 for a branch joining back into the decision that
    /// starts it, and for a decision joining one of its own branches unless the decision itself starts a branch;
    /// stage boundaries only for pieces of one or two steps), then loop-back transitions last, then neighbours the
    /// piece can join without passing twice the upper bound, then direction
    /// (forward for a piece holding a start or started by an outcome, backward otherwise), then the smaller
    /// neighbour, then pathway order.
    ///
    /// - Complexity: O(edges of the piece's steps).
    private func foldTarget(_ root: Int32, pieces: inout PieceUnion, context: FoldContext) -> Int32? {
        let members = pieces.members(ofRoot: root)
        let mayCrossStage = pieces.size[Int(root)] <= 2
        var startedByOutcome = false
        var onlyOutcomesIn = true
        var onlyOutcomesOut = true
        var holdsStart = false
        var hasIn = false
        var hasOut = false
        for member in members {
            if context.isStart[Int(member)] { holdsStart = true }
            for slot in graph.predecessorOffsets[Int(member)]..<graph.predecessorOffsets[Int(member) + 1]
            where pieces.root(graph.predecessorSources[Int(slot)]) != root {
                hasIn = true
                if context.isOutcome[Int(graph.predecessorEdges[Int(slot)])] {
                    startedByOutcome = true
                } else {
                    onlyOutcomesIn = false
                }
            }
            for slot in graph.successorOffsets[Int(member)]..<graph.successorOffsets[Int(member) + 1]
            where pieces.root(graph.successorTargets[Int(slot)]) != root {
                hasOut = true
                if !context.isOutcome[Int(graph.successorEdges[Int(slot)])] { onlyOutcomesOut = false }
            }
        }
        if hasIn && hasOut && onlyOutcomesIn && onlyOutcomesOut { return nil }
        let forwardFirst = holdsStart || startedByOutcome
        var best: (key: [Int32], root: Int32)?
        func consider(_ other: Int32, edge: Int32, cost: Int32, isForward: Bool) {
            guard context.boundary[Int(edge)] != .stage || mayCrossStage else { return }
            let otherRoot = pieces.root(other)
            guard otherRoot != root else { return }
            let overflows = Int(pieces.size[Int(otherRoot)] + pieces.size[Int(root)]) > context.limit
            let key: [Int32] = [
                cost, context.isBackEdge[Int(edge)] ? 1 : 0, overflows ? 1 : 0, isForward == forwardFirst ? 0 : 1,
                pieces.size[Int(otherRoot)], context.rank[Int(other)],
            ]
            if best == nil || key.lexicographicallyPrecedes(best?.key ?? []) { best = (key, otherRoot) }
        }
        for member in members {
            for slot in graph.predecessorOffsets[Int(member)]..<graph.predecessorOffsets[Int(member) + 1] {
                let edge = graph.predecessorEdges[Int(slot)]
                let cost = context.isOutcome[Int(edge)] ? 5 : Int32(context.boundary[Int(edge)].rawValue)
                consider(graph.predecessorSources[Int(slot)], edge: edge, cost: cost, isForward: false)
            }
            for slot in graph.successorOffsets[Int(member)]..<graph.successorOffsets[Int(member) + 1] {
                let edge = graph.successorEdges[Int(slot)]
                let cost =
                    context.isOutcome[Int(edge)] && !startedByOutcome
                    ? 5 : Int32(context.boundary[Int(edge)].rawValue)
                consider(graph.successorTargets[Int(slot)], edge: edge, cost: cost, isForward: true)
            }
        }
        return best?.root
    }

    /// Titles: the stage's name where the piece has one (with its first and last steps when several pieces share
    /// the stage), prefixed to the condition of the outcome that starts the piece where one does; otherwise the
    /// first and last step labels.
    private func phaseTitles(_ groups: [[Int32]], stageOfNode: [Int32], boundary: [PhaseBoundary]) -> [String] {
        let names = effectiveStageNames()
        var groupOfNode = [Int32](repeating: -1, count: graph.nodeCount)
        for (index, group) in groups.enumerated() { for node in group { groupOfNode[Int(node)] = Int32(index) } }
        var stageOfGroup = [Int32](repeating: -1, count: groups.count)
        var piecesOfStage: [Int32: Int] = [:]
        for (index, group) in groups.enumerated() {
            // The stage most of its steps (ends aside) have; the first seen on a tie.
            var counts: [Int32: Int] = [:]
            var best: Int32 = -1
            for node in group where stageOfNode[Int(node)] >= 0 && kinds.values[Int(node)] != .end {
                let stage = stageOfNode[Int(node)]
                counts[stage, default: 0] += 1
                if best < 0 || counts[stage, default: 0] > counts[best, default: 0] { best = stage }
            }
            stageOfGroup[index] = best
            if best >= 0 { piecesOfStage[best, default: 0] += 1 }
        }
        return groups.enumerated().map { index, group in
            var condition: String?
            search: for node in group {
                for slot in graph.predecessorOffsets[Int(node)]..<graph.predecessorOffsets[Int(node) + 1] {
                    let edge = graph.predecessorEdges[Int(slot)]
                    guard boundary[Int(edge)] == .outcome,
                        groupOfNode[Int(graph.predecessorSources[Int(slot)])] != Int32(index),
                        let text = conditions[Index(raw: edge)], !text.isEmpty
                    else { continue }
                    condition = text
                    break search
                }
            }
            let stage = stageOfGroup[index]
            let stageName = stage >= 0 ? Self.capitalised(names[Int(stage)]) : nil
            switch (stageName, condition) {
            case (let name?, let condition?): return "\(name): \(condition)"
            case (let name?, nil):
                return piecesOfStage[stage, default: 0] > 1 ? "\(name): \(labelledTitle(of: group))" : name
            case (nil, let condition?): return "\(Self.capitalised(condition)): \(labelledTitle(of: group))"
            case (nil, nil): return labelledTitle(of: group)
            }
        }
    }

    /// "first label → last label" over the steps with a label of their own, so that an unlabelled gateway (whose
    /// label is its id) never names a sub-pathway; over every step when none has one.
    ///
    /// - Complexity: O(steps of the group).
    private func labelledTitle(of group: [Int32]) -> String {
        func isLabelled(_ node: Int32) -> Bool {
            labels[Index(raw: node)] != nil && label(Index(raw: node)) != stepIDs[Index(raw: node)]
        }
        guard let first = group.firstIndex(where: isLabelled), let last = group.lastIndex(where: isLabelled) else {
            return title(of: group)
        }
        return title(of: first == last ? [group[first]] : [group[first], group[last]])
    }

    /// The stage names by effective stage number.
    private func effectiveStageNames() -> [String] { stageNames.indices.map { stageNames[$0] } }

    private static func capitalised(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

extension PathwayIndex {
    /// The `phases` decomposition on the index: the same parts, titles and advice, in the same order, as
    /// ``PathwayGraph/decomposition(_:options:)`` with `.phases`, without a value per step or sub-pathway.
    ///
    /// - Parameter target: The preferred sub-pathway sizes (the method's 3 to 5 steps).
    /// - Complexity: See ``phaseGroups(target:)``.
    public func phasePartition(target: ClosedRange<Int>) -> IndexedPartition {
        let cut = phaseGroups(target: target)
        var members: [Int32] = []
        members.reserveCapacity(stepCount)
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(cut.groups.count + 1)
        for group in cut.groups {
            members += group
            offsets.append(Int32(members.count))
        }
        return IndexedPartition(
            index: self, strategy: .phases, members: members, offsets: offsets,
            cyclic: [Bool](repeating: false, count: cut.groups.count), titles: cut.titles, advice: cut.advice)
    }
}
