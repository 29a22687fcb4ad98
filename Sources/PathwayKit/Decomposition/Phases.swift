import Foundation

/// The `phases` decomposition: the sub-pathways an analyst would publish, found from every signal a pathway
/// carries. See ``PathwayIndex/phaseGroups(target:)`` for the rules and their order.
struct PhaseCut {
    /// The steps of every group, group after group: the groups in pathway order, each in pathway order; every node
    /// is in exactly one.
    var members: [Int32]
    /// `offsets[g] ..< offsets[g + 1]` is group `g`'s range in `members`.
    var offsets: [Int32]
    /// The group of each node.
    var groupOfNode: [Int32]
    /// A title per group.
    var titles: [PartTitle]
    /// The steps left alone in a sub-pathway of their own, in the order of the groups: advice says why (see
    /// ``PathwayIndex/aloneFinding(_:)``).
    var aloneSteps: [Int32]

    /// The groups as one array each (for the value model, on small pathways).
    var groups: [[Int32]] { (0..<(offsets.count - 1)).map { Array(members[Int(offsets[$0])..<Int(offsets[$0 + 1])]) } }
}

extension PathwayIndex {
    /// How strongly a transition separates its two steps, weakest first.
    enum PhaseBoundary: UInt8, Comparable {
        /// Nothing separates them.
        case none = 0
        /// A hand-off: both steps name staff groups and share none.
        case handOff = 1
        /// The way on from a choice with a way out (declined, not eligible) after a straight run of at least the
        /// lower bound of steps: the choice closes the phase it concludes (see ``PhaseCutter``).
        case choice = 2
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
    ///    never crossed except to fold a piece of one or two steps, and not then by a piece that holds a whole stage
    ///    of two or more steps (a phase the author named) other than a decision with its ends, unless the piece
    ///    across is short too (two short stages make one phase). DOT clusters and BPMN lanes whose label names no
    ///    staff group arrive as stages.
    /// 2. **Outcome decisions.** A step with two or more branches that do not meet again soon (the longest way from the
    ///    step to where they meet, both counted, is longer than the target's upper bound, since a patient takes one way
    ///    through, a merge of one way in and one out, such as a sub-process's own start or end event, not counted, nor
    ///    a merge where they meet; or the block holds more than twice the upper bound; or an alternative holds a loop,
    ///    such as a yearly review, so that patients may stay on it) starts one sub-pathway per branch (variant found /
    ///    not found). A parallel split is never an outcome decision: every patient takes every branch. Ends and
    ///    loop-back transitions are left out, and so are *tails*, steps whose whole future (ends aside) is the step
    ///    itself: a short way out ("refer and end") does not tell whether the others meet. But a step whose every way
    ///    forward is a tail, two tails or more each into an end of its own (the relative carries the variant:
    ///    surveillance; does not: discharge), is an outcome decision too: its outcomes end the pathway apart, and each
    ///    tail with its end stays a sub-pathway of its own. Tails that meet at one end (continues the pregnancy or not,
    ///    then one follow-up) are one block, and so are a decision and tails that the stages put in one stage. An
    ///    *exception path* is an outcome too: a way out of a step of work on a condition, beside a way on without one,
    ///    into a tail that then only ends (an error caught on a task, as a BPMN boundary event is imported, and its
    ///    handler) starts a sub-pathway of its own even when it is one step (see
    ///    ``PhaseCutter/markBoundaries(stageOfNode:isHandOff:exceptions:)``); so does a gateway's way into a tail that
    ///    only ends, beside a way on (a decision block's, a choice's, or an outcome decision's branches: no genetic
    ///    cause found, explain, and usual care).
    /// 3. **Decision blocks and loops.** A decision whose branches do meet again soon is one phase with its
    ///    alternatives and the step where they meet (its immediate post-dominator, as in the program structure
    ///    tree; a bare merge that two ways enter is where they meet even when only an end follows it, and so is a
    ///    step whose only ways on loop back or end, where a round's branches meet); where one branch goes straight to that step, the others are a detour some patients take, and the
    ///    step where everyone continues is left to begin what follows (it joins the block only by length); where the
    ///    block holds the step where its branches meet, that step closes it (a merge is one of the method's natural
    ///    cut points): what follows begins the next phase and joins the block only by folding. But a meeting step
    ///    that does work and whose only ways on are tails (it lists a carrier's relatives, then "any not yet offered
    ///    testing?" loops back or ends) begins the last phase with them: closing the block, it would leave nothing
    ///    after it that can be a phase. A parallel split that
    ///    is one block (every patient takes every branch: a relative's genetic and clinical assessment together)
    ///    begins the phase: what comes before it joins it only by folding, and not a piece of two steps or more
    ///    (ends aside), unless the stages put both in one stage. A parallel block of more steps than the upper bound,
    ///    split and meeting step counted (every patient goes through every branch: the gene test beside the family's
    ///    ECGs), is no phase: each branch begins one, and the step where they meet begins the next. A loop (strongly
    ///    connected component) of at most
    ///    twice the upper bound is one phase, unless an outcome branch lies on it (a reanalysis that returns to the
    ///    review): the outcome is the stronger boundary. Inside a loop that is not one phase (a cascade), each
    ///    innermost round of at most twice the upper bound steps (a reminder loop, time to think; see
    ///    ``PhaseCutter/markLoops(_:)``) is one phase in the same way. A loop kept whole ends where the pathway
    ///    leaves it: its ways out, other than into an end or a tail, begin the next phase and are crossed only by
    ///    folding; and it begins a phase where the pathway enters it after a straight run of at least the lower
    ///    bound (a phase of its own: a result explained, then the review loop), not after a shorter one, or where
    ///    two ways or more enter it at one step (a parallel block met at the first review ends before it); where
    ///    those ways are a decision's branches, each with the decision at least the lower bound (targeted treatment
    ///    or immunotherapy, then the cycles of treatment), the decision is an outcome decision. The head
    ///    of a loop whose round is longer than twice the upper bound (a cascade, going round through several phases
    ///    for each new carrier's relatives) begins a phase: each round starts there, so what comes before it joins
    ///    it only by folding.
    /// 4. **Choices with a way out.** A step with one way forward into a step that is not a tail, and another way
    ///    out into an end or a tail (declined, not eligible), closes the phase it concludes when the straight run
    ///    ending at it holds at least the lower bound of steps (the scan, the referral, the detailed scan, then "do
    ///    the parents want testing?"): its way forward is a boundary between a hand-off and an outcome, crossed only
    ///    by folding. After a shorter run (a start, then an eligibility check) the choice is a step on the way into
    ///    the next phase and no boundary.
    /// 5. **Hand-offs** between staff groups: joined only after every other transition, and only within the target
    ///    size; first where both pieces are below the lower bound, so that two short pieces become one rather than
    ///    one filling up to the upper bound and leaving a short remainder.
    /// 6. **Length.** A straight run of steps (a chain, see ``CompactGraph/chains(cutBefore:cutAfter:)``) longer
    ///    than the target's upper bound is cut into equal parts within it; remaining transitions join steps into
    ///    pieces up to the upper bound (end steps do not count, but no piece grows past twice the bound this way),
    ///    in pathway order, except a branch into a step other branches also reach (a reclassified result joining
    ///    the positive branch), a way into the pathway of two steps or more into a step another way enters
    ///    (admitted with pancreatitis, beside found by a GP), and a loop-back (one of the method's natural cut
    ///    points: the decision that sends patients round again stays with the work before it, not with the step it
    ///    returns to), and never so that a piece holds two stages (a step without a stage does not bridge them). An
    ///    end step that already ends a piece with work never joins a branch of an outcome decision to it, here or in
    ///    folding: ways that stop at one end meet only there (a boundary event's handler and the normal flow it left).
    /// 7. **Folding.** A piece below the target's lower bound joins the neighbour it belongs to: the one across the
    ///    weakest boundary; a decision joins the piece before it rather than one of its branches, a branch joins
    ///    the steps after it rather than the decision it starts from, a start joins what follows it. Only pieces
    ///    of one or two steps cross a stage boundary. An outcome branch of two or more steps (ends aside) whose
    ///    only neighbours are decisions it is a branch of stays apart (a timeout path): joined back, one
    ///    sub-pathway would hold two outcomes; so do one outcome of a decision whose outcomes end apart, its step and
    ///    its end, and an exception path (alone where its end is another piece's); nor does such a branch fold into the
    ///    phase that begins where it meets another way (a yearly review, beside the gene therapy it may lead to), nor a
    ///    way into the pathway of two steps or more (a baby, beside an adult diagnosed in infancy, both into the
    ///    testing), which joins no step where another way meets it, along or by folding (admitted with pancreatitis,
    ///    beside found by a GP, both into the lipid clinic). A piece of two steps or more ending at an outcome decision
    ///    whose branches go their own ways into two pieces or more does not fold into one of them (the offer of a
    ///    prenatal test and the couple's choice). A
    ///    branch of a long parallel block, of two steps or more, stays whole too. A piece of two steps or more
    ///    (ends aside) between the step that closes a block and the branches of an outcome decision stays whole, as
    ///    between two decisions (a baseline endoscopy and the choice of surgery or surveillance, after a parallel
    ///    block): the block is a phase complete where its branches meet.
    ///
    /// Every step ends in exactly one piece. A piece of one step remains only where no transition joins the step
    /// to any other piece; advice says so.
    ///
    /// - Parameters:
    ///   - target: The preferred sub-pathway sizes (the method's 3 to 5 steps).
    ///   - twoThreadsFrom: The number of transitions from which the components are found on a second thread while
    ///     the flow is marked (the same result either way).
    /// - Complexity: O(V + E) for stages, back edges, post-dominators (see
    ///   ``CompactGraph/immediateDominators(root:order:direction:)``), components and unions; O(k · (V + E)) with
    ///   k = twice the upper bound for the bounded searches that tell whether a decision's branches meet again, for
    ///   the runs before choices with a way out and before the ways into a loop kept whole (at most the lower
    ///   bound each), for the loop rounds (each loop-back's round is read off the search's path and never followed
    ///   past k steps) and for folding; the tails of a step whose ways forward are all tails, the ways out of a
    ///   round, the ways into a long loop's head and each step's ways out for an exception path are looked at once
    ///   each. No recursion.
    func phaseGroups(
        target: ClosedRange<Int>, twoThreadsFrom: Int = CompactGraph.parallelRowsThreshold
    ) -> PhaseCut {
        let n = graph.nodeCount
        let stageOfNode = stageOfStep.isUniform ? nil : effectiveStages().stageOfNode
        var starts: [Int32] = []
        let isStart: (Int32) -> Bool = { kinds.values[Int($0)] == .start || graph.inDegree(of: $0) == 0 }
        for node in 0..<Int32(n) where isStart(node) { starts.append(node) }
        var cutter = PhaseCutter(
            graph: graph, target: target, isEnd: { kinds.values[Int($0)] == .end }, isStart: isStart,
            isParallel: { kinds.values[Int($0)] == .parallel }, stageOfNode: stageOfNode,
            isMerge: { kinds.values[Int($0)] == .merge })
        let handOff: ((Int32, Int32) -> Bool)? = staffMembers.isEmpty ? nil : { isHandOff($0, $1) }
        // A way out of a step of work on a condition, into a way that never meets the flow again, is an exception.
        let exceptions =
            conditions.isEmpty
            ? nil
            : PhaseCutter.Exceptions(
                doesWork: { kinds.values[Int($0)] == .activity || kinds.values[Int($0)] == .reference },
                hasCondition: { conditions.hasText(Index(raw: $0)) })
        let markFlow = {
            // Loop-backs, tails, and where branches meet again (post-dominators over the steps that are not tails).
            cutter.scanForward(starts: starts)
            // Decisions whose branches do not meet again soon are outcome decisions.
            cutter.markSplitters()
            // The boundary of every transition.
            cutter.markBoundaries(
                stageOfNode: stageOfNode, isHandOff: handOff, exceptions: exceptions,
                isGateway: { kinds.values[Int($0)] != .activity && kinds.values[Int($0)] != .reference })
        }
        // The components read only the graph: on a large one they are found on a second thread while the first
        // marks the flow. (The pathway order is made after, on one thread: made beside the forward search too, its
        // working memory would add to the search's at the peak.)
        var components: StronglyConnectedComponents?
        if graph.edgeCount >= twoThreadsFrom {
            components = bothAtOnce(markFlow, { [graph] in graph.stronglyConnectedComponents() }).1
        } else {
            markFlow()
            components = graph.stronglyConnectedComponents()
        }
        // The components are let go before the pieces are made: only the loops that are one phase are kept.
        var pathOrder = graph.pathwayOrder(components)
        cutter.markLoops(components!)
        components = nil
        cutter.startPieces()
        // Decision blocks and small loops are one phase each (never across a stage or an outcome).
        cutter.joinBlocks { kinds.values[Int($0)] == .activity || kinds.values[Int($0)] == .reference }
        cutter.joinLoops()
        cutter.joinRounds()
        // A straight run longer than the upper bound is cut into equal parts within it.
        cutter.markLengthCuts()
        // Length: plain transitions first, then hand-offs, in pathway order, within the upper bound.
        cutter.joinAlong(pathOrder)
        // Folding pieces below the lower bound.
        cutter.fold(&pathOrder)
        let (members, offsets, groupOfNode) = cutter.groups(&pathOrder)
        var aloneSteps: [Int32] = []
        for group in 0..<(offsets.count - 1) where offsets[group + 1] - offsets[group] == 1 {
            aloneSteps.append(members[Int(offsets[group])])
        }
        let titles = phaseTitles(
            members: members, offsets: offsets, groupOfNode: groupOfNode, stageOfNode: stageOfNode, cutter: cutter)
        return PhaseCut(
            members: members, offsets: offsets, groupOfNode: groupOfNode, titles: titles, aloneSteps: aloneSteps)
    }

    /// The advice for a step that `phases` leaves in a sub-pathway of its own: why it stands alone.
    func aloneFinding(_ node: Int32) -> Finding {
        let ways = graph.successorSlots(of: node)
        let why =
            if graph.inDegree(of: node) + graph.outDegree(of: node) == 0 {
                "no transition joins it to another step"
            } else if graph.inDegree(of: node) == 0 && !ways.isEmpty
                && ways.allSatisfy({ kinds.values[Int(graph.successorTargets[$0])] == .end })
            {
                "it is a second way into the pathway that meets the rest only at an end it shares with other work: "
                    + "joined to that work through the end, one sub-pathway would hold two ways in"
            } else if !ways.isEmpty && ways.allSatisfy({ kinds.values[Int(graph.successorTargets[$0])] == .end }) {
                "it is an outcome of its own that only ends the pathway (an exception path, such as an error's "
                    + "handler, or one outcome of a last decision), and its end is shared with other work: joined to "
                    + "that work, one sub-pathway would hold two outcomes"
            } else {
                "it stands alone between two decisions (it starts a branch of one and every way out of it is a "
                    + "branch of another), so there is nothing to join it to"
            }
        return Finding(
            .note, rule: "subpathway-alone", "step '\(stepIDs[Index(raw: node)])' is a sub-pathway of its own: \(why)",
            at: location(Index<Step>(raw: node)) ?? location)
    }

    /// Whether both steps name staff groups and share none.
    private func isHandOff(_ from: Int32, _ to: Int32) -> Bool {
        let first = staffGroups(Index(raw: from))
        let second = staffGroups(Index(raw: to))
        guard !first.isEmpty, !second.isEmpty else { return false }
        return !first.contains { second.contains($0) }
    }

    /// Titles: the stage's name where the piece has one (with its first and last steps when several pieces share
    /// the stage), prefixed to the condition of the outcome that starts the piece where one does; otherwise the
    /// first and last step labels.
    ///
    /// - Complexity: O(V + E), one count per stage reused from group to group.
    private func phaseTitles(
        members: [Int32], offsets: [Int32], groupOfNode: [Int32], stageOfNode: [Int32]?, cutter: PhaseCutter
    ) -> [PartTitle] {
        let groupCount = offsets.count - 1
        var stageOfGroup = [Int32](repeating: -1, count: groupCount)
        var piecesOfStage = [Int](repeating: 0, count: stageNames.count)
        if let stageOfNode {
            var counts = [Int](repeating: 0, count: stageNames.count)
            for group in 0..<groupCount {
                let range = Int(offsets[group])..<Int(offsets[group + 1])
                // The stage most of its steps (ends aside) have; the first seen on a tie.
                var best: Int32 = -1
                for node in members[range] where stageOfNode[Int(node)] >= 0 && kinds.values[Int(node)] != .end {
                    let stage = Int(stageOfNode[Int(node)])
                    counts[stage] += 1
                    if best < 0 || counts[stage] > counts[Int(best)] { best = Int32(stage) }
                }
                for node in members[range] where stageOfNode[Int(node)] >= 0 { counts[Int(stageOfNode[Int(node)])] = 0 }
                stageOfGroup[group] = best
                if best >= 0 { piecesOfStage[Int(best)] += 1 }
            }
        }
        var titles: [PartTitle] = []
        titles.reserveCapacity(groupCount)
        // Without a condition on any transition (an edge list), no piece is started by one: nothing is looked at.
        let hasConditions = !conditions.isEmpty
        for group in 0..<groupCount {
            var condition: Int32 = -1
            // Only a step an outcome branch enters has one: the other steps' transitions in are not looked at.
            let range = hasConditions ? Int(offsets[group])..<Int(offsets[group + 1]) : 0..<0
            search: for node in members[range] where cutter.has(node, .outcomeIn) {
                for slot in graph.predecessorOffsets[Int(node)]..<graph.predecessorOffsets[Int(node) + 1] {
                    let edge = graph.predecessorEdges[Int(slot)]
                    guard cutter.boundary(edge) == .outcome,
                        groupOfNode[Int(graph.predecessorSources[Int(slot)])] != Int32(group),
                        conditions.withUTF8(Index(raw: edge), { !$0.isEmpty })
                    else { continue }
                    condition = edge
                    break search
                }
            }
            let stage = stageOfGroup[group]
            switch (stage >= 0, condition >= 0) {
            case (true, true): titles.append(PartTitle(lead: .stage(stage), rest: .condition(condition)))
            case (true, false):
                titles.append(PartTitle(lead: .stage(stage), rest: piecesOfStage[Int(stage)] > 1 ? .steps : .nothing))
            case (false, true): titles.append(PartTitle(lead: .condition(condition), rest: .steps))
            case (false, false): titles.append(.steps)
            }
        }
        return titles
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
        return IndexedPartition(
            index: self, strategy: .phases, members: cut.members, offsets: cut.offsets,
            cyclic: [Bool](repeating: false, count: cut.offsets.count - 1), titles: cut.titles,
            advice: PartitionAdvice(index: self, aloneSteps: cut.aloneSteps), partOfNode: cut.groupOfNode)
    }
}
