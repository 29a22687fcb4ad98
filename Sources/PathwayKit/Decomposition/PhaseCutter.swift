/// The working state of the `phases` decomposition of one pathway (see ``PathwayIndex/phaseGroups(target:)`` for
/// the rules): flags per step and per transition in a byte each, the pieces as they join, and scratch lists reused
/// from one decision to the next, so that no step, transition or piece gets an array of its own.
///
/// The steps run in the order of the rules: ``scanForward(starts:)`` (back edges, loop rounds, tails,
/// post-dominators in one depth-first search), ``markSplitters()``,
/// ``markBoundaries(stageOfNode:isHandOff:exceptions:)``, ``markLoops(_:)``, then the joins (``joinBlocks(doesWork:)``,
/// ``joinLoops()``, ``joinRounds()``, ``markLengthCuts()``, ``joinAlong(_:)``), ``fold(_:)`` and ``groups(_:)``.
struct PhaseCutter {
    /// Flags of a step.
    struct NodeFlags: OptionSet {
        let rawValue: UInt16
        /// An end step.
        static let end = NodeFlags(rawValue: 1 << 0)
        /// A start step (by kind, or no way in).
        static let start = NodeFlags(rawValue: 1 << 1)
        /// A step whose whole future, ends aside, is the step itself.
        static let tail = NodeFlags(rawValue: 1 << 2)
        /// A decision whose branches do not meet again soon.
        static let splitter = NodeFlags(rawValue: 1 << 3)
        /// At least one, and more than one, forward transition enters the step.
        static let forwardIn = NodeFlags(rawValue: 1 << 4)
        static let forwardInMany = NodeFlags(rawValue: 1 << 5)
        /// Walked by ``markLengthCuts()``.
        static let chainSeen = NodeFlags(rawValue: 1 << 6)
        /// Two or more ways forward into steps that are not tails (parallel transitions counted).
        static let decision = NodeFlags(rawValue: 1 << 7)
        /// A parallel split: every patient takes every branch.
        static let parallel = NodeFlags(rawValue: 1 << 8)
        /// At either end of a loop-back transition.
        static let onLoop = NodeFlags(rawValue: 1 << 9)
        /// The step where the branches of a block joined by ``joinBlocks(doesWork:)`` meet, inside the block.
        static let closesBlock = NodeFlags(rawValue: 1 << 10)
        /// Two or more ways forward, every one into a tail, and no end step reached from two of them: an outcome
        /// decision whose outcomes each end the pathway apart (carries the variant / does not).
        static let finalOutcomes = NodeFlags(rawValue: 1 << 11)
        /// The parallel split of a block joined by ``joinBlocks(doesWork:)``: it begins the block's phase.
        static let opensBlock = NodeFlags(rawValue: 1 << 12)
        /// Scratch for ``endsApart(_:)`` (a tail, or an end step reached from one, looked at before), for
        /// ``markLoops(_:)`` (the head of a round) and for ``joinRounds()`` (a step whose ways out were looked at).
        static let seen = NodeFlags(rawValue: 1 << 13)
        /// A branch of an outcome decision, or an exception path, enters the step, or the step is a second way in
        /// that meets the rest only at an end (set by ``markBoundaries(stageOfNode:isHandOff:exceptions:)``).
        static let outcomeIn = NodeFlags(rawValue: 1 << 14)
        /// A step of a loop that is one phase (set by ``markLoops(_:)``): the transitions ``joinLoops()`` looks at
        /// leave such steps.
        static let inPhaseLoop = NodeFlags(rawValue: 1 << 15)
    }

    /// Flags of a transition; the low three bits hold its ``PathwayIndex/PhaseBoundary``.
    struct EdgeFlags: OptionSet {
        let rawValue: UInt8
        static let boundaryBits = EdgeFlags(rawValue: 0b111)
        /// A branch of an outcome decision.
        static let outcome = EdgeFlags(rawValue: 1 << 3)
        /// A loop-back transition (a back edge of the depth-first search).
        static let back = EdgeFlags(rawValue: 1 << 4)
        /// Cut to keep a straight run within the upper bound.
        static let lengthCut = EdgeFlags(rawValue: 1 << 5)
        /// Between two steps of a loop that is one phase (see ``markLoops(_:)``).
        static let inLoop = EdgeFlags(rawValue: 1 << 6)
        /// Into a step that begins a phase, so that ``joinAlong(_:)`` does not cross it (folding may): a way out of
        /// a loop kept whole as one phase, a way into the head of a long loop (see ``joinRounds()``), or a way from
        /// a block into the step where everyone continues after a detour that is a phase of its own.
        static let beginsPhase = EdgeFlags(rawValue: 1 << 7)
    }

    typealias PhaseBoundary = PathwayIndex.PhaseBoundary

    let graph: CompactGraph
    let lower: Int
    let upper: Int
    /// Twice the upper bound: what a piece may grow to by joining.
    let limit: Int
    /// The virtual sink of the post-dominator tree.
    let sink: Int32
    var nodeFlags: [NodeFlags]
    var edgeFlags: [EdgeFlags]
    /// The forward structure of each step (its immediate post-dominator and the longest way to it, see
    /// ``ForwardNode``), index `sink` the sink; set by ``scanForward(starts:)``, let go by ``markSplitters()``.
    var forward: [ForwardNode] = []
    /// The decisions whose branches meet again soon, ascending, each followed by the step where they meet (set by
    /// ``markSplitters()``, let go by ``joinBlocks(doesWork:)``).
    var blocks: [Int32] = []
    /// The rounds of loops that may be a phase of their own, found by ``scanForward(starts:)``: for each loop-back
    /// transition whose round (the search's path from the step it returns to, the round's *head*, to the step it
    /// leaves, then the transition) has two steps up to twice the upper bound, the number of transitions, then the
    /// successor slots of the round's transitions from the head on, the loop-back last. ``markLoops(_:)`` keeps
    /// the rounds that are a phase of their own, ``joinRounds()`` joins them and lets them go.
    var rounds: [Int32] = []
    /// The heads of loop-back transitions whose round is longer than twice the upper bound (a cascade, through
    /// several phases), in the order found, each once (see ``joinRounds()``).
    var longLoopHeads: [Int32] = []
    /// The cap of ``ForwardNode/route``: one past the upper bound (a route is only ever compared with it), at most
    /// `UInt16.max`; a route at the cap is longer than the upper bound. (At the upper bound itself, a way longer than
    /// it into a merge, which is no step of any one way and is taken off, looked short: a block of eight steps.)
    let routeCap: Int
    /// The stage of each piece, at its root (`nil`: the pathway has no stages).
    var pieceStage: [Int32]?
    /// The effective stage of each step and the number of steps of each stage (`nil`: no stages), for
    /// ``isWholeStage(_:)``.
    private let stageOfStep: [Int32]?
    private let stageSizes: [Int32]
    var pieces: PieceUnion
    /// Each step's position in pathway order, while ``fold(_:)`` runs: the pathway order's own memory, inverted in
    /// place, so that the order and the ranks are never both held beside the whole union (``groups(_:)`` makes the
    /// order again).
    var rank: [Int32] = []
    /// Scratch for the bounded block searches: a stamp per step, only for upper bounds above
    /// ``queueSearchLimit`` (up to it, the short queue itself tells which steps were seen).
    private var visitMark: [Int32] = []
    private var visitStamp: Int32 = 0
    private var queue: [Int32] = []
    private var linkFrom: [Int32] = []
    private var linkTo: [Int32] = []
    private var touched: [Int32] = []
    /// Whether a step is a bare merge (a gateway where ways meet, no work): see ``finish(_:finished:)`` and
    /// ``isPassThrough(_:)``.
    private let isMerge: (Int32) -> Bool

    /// - Parameters:
    ///   - graph: The pathway's graph.
    ///   - target: The preferred sub-pathway sizes.
    ///   - isEnd: Whether each step is an end step.
    ///   - isStart: Whether each step is a start step.
    ///   - isParallel: Whether each step is a parallel split.
    ///   - stageOfNode: The effective stage of each step, or `nil` when no step has one.
    ///   - isMerge: Whether each step is a bare merge.
    /// - Complexity: O(V + E).
    init(
        graph: CompactGraph, target: ClosedRange<Int>, isEnd: (Int32) -> Bool, isStart: (Int32) -> Bool,
        isParallel: (Int32) -> Bool, stageOfNode: [Int32]?, isMerge: @escaping (Int32) -> Bool
    ) {
        self.graph = graph
        self.isMerge = isMerge
        lower = max(1, target.lowerBound)
        upper = max(lower, target.upperBound)
        limit = 2 * upper
        routeCap = min(upper + 1, Int(UInt16.max))
        let n = graph.nodeCount
        sink = Int32(n)
        nodeFlags = [NodeFlags](unsafeUninitializedCapacity: n) { buffer, initialised in
            for node in 0..<n {
                var flags: NodeFlags = []
                if isEnd(Int32(node)) { flags.insert(.end) }
                if isStart(Int32(node)) { flags.insert(.start) }
                if isParallel(Int32(node)) { flags.insert(.parallel) }
                buffer[node] = flags
            }
            initialised = n
        }
        edgeFlags = [EdgeFlags](repeating: [], count: graph.edgeCount)
        pieceStage = stageOfNode
        stageOfStep = stageOfNode
        stageSizes = Self.stageSizes(stageOfNode)
        pieces = PieceUnion(count: 0) { _ in true }
    }

    /// The number of steps of each stage.
    private static func stageSizes(_ stageOfNode: [Int32]?) -> [Int32] {
        guard let stageOfNode else { return [] }
        var sizes: [Int32] = []
        for stage in stageOfNode where stage >= 0 {
            if Int(stage) >= sizes.count { sizes += [Int32](repeating: 0, count: Int(stage) + 1 - sizes.count) }
            sizes[Int(stage)] += 1
        }
        return sizes
    }

    @inline(__always)
    func has(_ node: Int32, _ flag: NodeFlags) -> Bool { nodeFlags[Int(node)].contains(flag) }

    @inline(__always)
    func boundary(_ edge: Int32) -> PhaseBoundary {
        PhaseBoundary(rawValue: edgeFlags[Int(edge)].intersection(.boundaryBits).rawValue) ?? .none
    }

    /// Whether a successor slot is a forward transition: not a loop-back, not into an end step, not a self-loop.
    @inline(__always)
    private func isForward(slot: Int, from node: Int32) -> Bool {
        let target = graph.successorTargets[slot]
        return target != node && !nodeFlags[Int(target)].contains(.end)
            && !edgeFlags[Int(graph.successorEdges[slot])].contains(.back)
    }

    /// Whether a successor slot leads to another step of the post-dominator graph (a forward transition into a
    /// step that is not a tail).
    @inline(__always)
    private func isCore(slot: Int, from node: Int32) -> Bool {
        isForward(slot: slot, from: node) && !nodeFlags[Int(graph.successorTargets[slot])].contains(.tail)
    }

    // MARK: The forward structure

    /// One depth-first search from the starts (in order), then from every step not reached (by number): marks the
    /// back edges (loop-backs), and as each step finishes, which steps enter it by forward transitions, whether it
    /// is a tail (for a lower bound of two or more: no forward transition out), and its immediate post-dominator
    /// over the steps that are not tails, with a virtual sink after every step that has no way forward but into
    /// tails.
    ///
    /// A step finishes after every step a forward transition leads to, so the finishing order is a topological
    /// order of the forward graph read backwards: each step's successors are settled when it is, and Cooper,
    /// Harvey and Kennedy's intersection (see ``CompactGraph/immediateDominators(root:order:direction:)``) gives
    /// the post-dominator in the same pass.
    ///
    /// - Complexity: O(V + E · (h + k)), h the length of the post-dominator tree walks (small for pathway-like
    ///   graphs), k twice the upper bound (``longestRoute(from:to:)``); no recursion and no stack: while a step is
    ///   open, its post-dominator slot holds the step the search came from and its position the next successor slot
    ///   to look at.
    mutating func scanForward(starts: [Int32]) {
        let n = graph.nodeCount
        forward = [ForwardNode](repeating: ForwardNode(), count: n + 1)
        forward[Int(sink)].postDominator = sink
        var finished: Int32 = 1
        for start in starts where forward[Int(start)].state == ForwardNode.new {
            searchForward(from: start, finished: &finished)
        }
        for node in 0..<Int32(n) where forward[Int(node)].state == ForwardNode.new {
            searchForward(from: node, finished: &finished)
        }
    }

    /// What ``scanForward(starts:)`` keeps of a step, in one place, so that a step the search reaches costs one
    /// cache line rather than one per array (a random graph's steps are far apart in memory).
    struct ForwardNode {
        static let new: UInt8 = 0
        static let open: UInt8 = 1
        static let done: UInt8 = 2
        /// While the step is open, the next successor slot to look at; once finished, its position in finishing
        /// order, counted from 1 (0: the sink, and tails).
        var position: Int32 = 0
        /// While the step is open, the step the search came from (`-1` at a start of the search); once finished,
        /// its immediate post-dominator over the steps that are not tails (`sink` for a step with no way forward
        /// but into tails; `-1` for tails).
        var postDominator: Int32 = -1
        /// The transitions on the longest way forward from the step to its immediate post-dominator, capped at
        /// ``routeCap`` (see ``longestRoute(from:to:)``).
        var route: UInt16 = 0
        /// New, open (on the search's path) or done.
        var state: UInt8 = ForwardNode.new
    }

    /// The depth-first search of ``scanForward(starts:)`` from one step.
    private mutating func searchForward(from start: Int32, finished: inout Int32) {
        forward[Int(start)].state = ForwardNode.open
        forward[Int(start)].position = graph.successorOffsets[Int(start)]
        forward[Int(start)].postDominator = -1
        var node = start
        while true {
            let slot = forward[Int(node)].position
            if slot < graph.successorOffsets[Int(node) + 1] {
                forward[Int(node)].position = slot + 1
                let target = graph.successorTargets[Int(slot)]
                switch forward[Int(target)].state {
                case ForwardNode.new:
                    forward[Int(target)].state = ForwardNode.open
                    forward[Int(target)].position = graph.successorOffsets[Int(target)]
                    forward[Int(target)].postDominator = node
                    node = target
                case ForwardNode.open:
                    edgeFlags[Int(graph.successorEdges[Int(slot)])].insert(.back)
                    nodeFlags[Int(node)].insert(.onLoop)
                    nodeFlags[Int(target)].insert(.onLoop)
                    if target != node { noteRound(back: slot, from: node, to: target) }
                default: break
                }
                continue
            }
            forward[Int(node)].state = ForwardNode.done
            let parent = forward[Int(node)].postDominator
            finish(node, finished: &finished)
            guard parent >= 0 else { return }
            node = parent
        }
    }

    /// Notes the round of a loop-back transition (successor slot `back`) from `node` to `head`, a step on the search's
    /// path: the path from `head` to `node` and the transition. While a step is open, its post-dominator slot holds
    /// the step the search came from, and its position is one past the successor slot it went on by, so the
    /// round's transitions are read off the path. A round of at most twice the upper bound steps is kept in
    /// ``rounds``; the head of a longer one goes to ``longLoopHeads``.
    ///
    /// - Complexity: O(k), k twice the upper bound: the path is walked at most twice, and never past k steps.
    private mutating func noteRound(back: Int32, from node: Int32, to head: Int32) {
        var length = 1
        var step = node
        while step != head {
            guard length < limit else {
                if longLoopHeads.last != head { longLoopHeads.append(head) }
                return
            }
            step = forward[Int(step)].postDominator
            length += 1
        }
        let at = rounds.count
        rounds.append(Int32(length))
        rounds.append(contentsOf: repeatElement(back, count: length))
        // From the loop-back's source up to the head, each step's transition in is its parent's last slot taken.
        step = node
        for position in stride(from: at + length - 1, to: at, by: -1) {
            let parent = forward[Int(step)].postDominator
            rounds[position] = forward[Int(parent)].position - 1
            step = parent
        }
    }

    /// Whether a successor slot of a step being finished by ``scanForward(starts:)`` is a forward transition, as
    /// ``isForward(slot:from:)`` tells later: a transition of the step is a loop-back exactly when its target is
    /// still open (the target was on the search's path when the transition was looked at, and the steps on the
    /// path stay open until the step finishes, and only they), so the search's own state answers without the
    /// transition's flags, which lie elsewhere in memory.
    @inline(__always)
    private func isForwardWhileFinishing(slot: Int, from node: Int32) -> Bool {
        let target = graph.successorTargets[slot]
        return target != node && !nodeFlags[Int(target)].contains(.end)
            && forward[Int(target)].state != ForwardNode.open
    }

    /// What ``scanForward(starts:)`` settles when a step finishes.
    @inline(__always)
    private mutating func finish(_ node: Int32, finished: inout Int32) {
        let slots = graph.successorSlots(of: node)
        var hasForward = false
        var best: Int32 = -1
        var branches = 0
        // Each forward transition marks its target as entered; one into a step that is not a tail is a way forward
        // of the post-dominator graph, and its target's post-dominator chain meets the others' at the step's.
        for slot in slots where isForwardWhileFinishing(slot: slot, from: node) {
            hasForward = true
            let next = graph.successorTargets[slot]
            let flags = nodeFlags[Int(next)]
            nodeFlags[Int(next)].insert(flags.contains(.forwardIn) ? .forwardInMany : .forwardIn)
            guard !flags.contains(.tail) else { continue }
            branches += 1
            if best < 0 {
                best = next
                continue
            }
            var a = next
            var b = best
            while a != b {
                while forward[Int(a)].position > forward[Int(b)].position { a = forward[Int(a)].postDominator }
                while forward[Int(b)].position > forward[Int(a)].position { b = forward[Int(b)].postDominator }
            }
            best = a
        }
        if lower >= 2 && !hasForward && !isMeetingWithoutWayOn(node, slots: slots) {
            nodeFlags[Int(node)].insert(.tail)
            forward[Int(node)].postDominator = -1
            forward[Int(node)].position = 0
            return
        }
        if branches >= 2 { nodeFlags[Int(node)].insert(.decision) }
        if branches == 0 && hasForward && lower >= 2 && endsApart(node) { nodeFlags[Int(node)].insert(.finalOutcomes) }
        forward[Int(node)].postDominator = best < 0 ? sink : best
        forward[Int(node)].route = longestRoute(from: node, to: best)
        forward[Int(node)].position = finished
        finished += 1
    }

    /// Whether a step with no way forward is still where two ways or more meet, so no tail: a bare merge, even when
    /// only an end follows it (each lane's choice rejoins, then the lane ends), or a step that sends patients round
    /// again or ends the loop ("any more relatives at risk?": the next relative, or the family's results kept), where
    /// the branches of a round meet before it starts again. A tail is a way out ("refer and end"); these close the
    /// block their branches make.
    ///
    /// - Complexity: O(edges of the step).
    private func isMeetingWithoutWayOn(_ node: Int32, slots: Range<Int>) -> Bool {
        guard graph.inDegree(of: node) >= 2 else { return false }
        if isMerge(node) { return true }
        return has(node, .onLoop) && slots.contains { has(graph.successorTargets[$0], .end) }
    }

    /// Whether a step whose every way forward is into a tail has two such tails or more, each with a way into an
    /// end step, and no end step is reached from two of them: its outcomes end the pathway apart ("under
    /// surveillance", "discharged"), where tails that meet at one end step ("continues", "ends the pregnancy", then
    /// one follow-up) are the branches of one block, and a tail with no end (a step that only loops back) ends
    /// nothing. Where the step and all its tails have one stage, the pathway's author named them one phase, and the
    /// stage stands.
    ///
    /// - Complexity: O(edges of the step and of its tails); the scratch flags are cleared again.
    private mutating func endsApart(_ node: Int32) -> Bool {
        let slots = graph.successorSlots(of: node)
        var tails = 0
        var apart = true
        var oneStage = stageOfStep.map { $0[Int(node)] >= 0 } ?? false
        for slot in slots where isForward(slot: slot, from: node) {
            let tail = Int(graph.successorTargets[slot])
            if let stageOfStep, stageOfStep[tail] != stageOfStep[Int(node)] { oneStage = false }
            // A second transition into the same tail is not another outcome.
            guard !nodeFlags[tail].contains(.seen) else { continue }
            nodeFlags[tail].insert(.seen)
            tails += 1
            let ways = Int(graph.successorOffsets[tail])..<Int(graph.successorOffsets[tail + 1])
            var reachesEnd = false
            for inner in ways where has(graph.successorTargets[inner], .end) {
                reachesEnd = true
                if has(graph.successorTargets[inner], .seen) { apart = false }
            }
            if !reachesEnd { apart = false }
            for inner in ways where has(graph.successorTargets[inner], .end) {
                nodeFlags[Int(graph.successorTargets[inner])].insert(.seen)
            }
        }
        for slot in slots where isForward(slot: slot, from: node) {
            let tail = Int(graph.successorTargets[slot])
            nodeFlags[tail].remove(.seen)
            for inner in Int(graph.successorOffsets[tail])..<Int(graph.successorOffsets[tail + 1]) {
                nodeFlags[Int(graph.successorTargets[inner])].remove(.seen)
            }
        }
        return tails >= 2 && apart && !oneStage
    }

    /// The transitions on the longest way forward from a step to where its ways forward meet (`meet`, its
    /// immediate post-dominator; `-1` or the sink: the cap), capped at ``routeCap``: one plus the longest from a
    /// successor, which is the sum along the post-dominator chain from it to `meet` (every way from the successor to
    /// `meet` passes each step of that chain in turn, since each post-dominates the one before). A patient takes one
    /// way through a decision block, so its length is what makes the block short or long.
    ///
    /// - Complexity: O(k) per way forward, k = the upper bound (the sum stops at the cap).
    private func longestRoute(from node: Int32, to meet: Int32) -> UInt16 {
        let cap = routeCap
        guard meet >= 0, meet != sink else { return UInt16(cap) }
        var longest = 0
        for slot in graph.successorSlots(of: node)
        where isForwardWhileFinishing(slot: slot, from: node) && !has(graph.successorTargets[slot], .tail) {
            var step = graph.successorTargets[slot]
            var length = isPassThrough(step) ? 0 : 1
            // A step adds nothing when its way on is only pass-through gateways: the walk stops after twice the upper
            // bound of steps of the chain whatever their length, as the sum alone would not stop it.
            var walked = 0
            while step != meet && step != sink && length <= cap {
                walked += 1
                if walked > limit {
                    length = cap + 1
                    break
                }
                length += Int(forward[Int(step)].route)
                step = forward[Int(step)].postDominator
            }
            longest = max(longest, length)
        }
        return UInt16(min(longest, cap))
    }

    /// Whether a step is a bare merge that neither splits nor joins (one way in, one way out: a sub-process's start
    /// or end event as imported): no step of a patient's way through a block, so it does not count towards the
    /// block's length (see ``longestRoute(from:to:)``). A way through "Collapsed Sub-Process, Abstract Task 6" is
    /// two steps of work, whatever events the drawing puts around the task.
    @inline(__always)
    private func isPassThrough(_ node: Int32) -> Bool {
        graph.inDegree(of: node) == 1 && graph.outDegree(of: node) == 1 && isMerge(node)
    }

    // MARK: Decisions

    /// The bounded breadth-first search from a decision over the post-dominator graph (each step's ways forward
    /// into steps that are not tails, or the sink for a step that has none), not past `meet`: whether the block is
    /// short (its longest way through within the upper bound, `route`, see ``ForwardNode/route``; its steps within
    /// twice it). `route` is `nil` for a block that passed that test before (``joinBlocks(doesWork:)``). With
    /// `keepLinks`, the links it follows are in `linkFrom` and `linkTo`, those into `meet` only where it closes the
    /// block: not where a branch goes straight to it (a detour), nor where `meetBegins` says it begins what follows.
    private mutating func searchBlock(
        from node: Int32, meet: Int32, route: Int?, keepLinks: Bool, meetBegins: Bool = false
    ) -> Bool {
        if visitMark.isEmpty && upper > Self.queueSearchLimit {
            visitMark = [Int32](repeating: -1, count: graph.nodeCount + 1)
        }
        visitStamp += 1
        let stamp = visitStamp
        queue.removeAll(keepingCapacity: true)
        linkFrom.removeAll(keepingCapacity: true)
        linkTo.removeAll(keepingCapacity: true)
        queue.append(node)
        if !visitMark.isEmpty { visitMark[Int(node)] = stamp }
        // A patient takes one way through: the longest, decision and meeting step counted (a merge where the ways meet
        // is no step of either), is within the upper bound; and the block, meeting step counted, holds at most twice
        // it.
        if let route, route + 1 - (isMerge(meet) ? 1 : 0) > upper || route == Int(UInt16.max) { return false }
        let bound = limit - 1
        // A branch straight to the meeting step makes the others a detour; that step then begins what follows, so
        // links into it are not the block's.
        var isDetour = meetBegins
        for slot in graph.successorSlots(of: node)
        where isCore(slot: slot, from: node) && graph.successorTargets[slot] == meet {
            isDetour = true
        }
        var head = 0
        while head < queue.count {
            let current = queue[head]
            head += 1
            guard current != sink else { continue }
            var any = false
            let slots = graph.successorSlots(of: current)
            for slot in slots where isCore(slot: slot, from: current) {
                any = true
                if !visit(
                    current, graph.successorTargets[slot], meet: meet, stamp: stamp,
                    keepLinks: keepLinks && !(isDetour && graph.successorTargets[slot] == meet))
                {
                    return false
                }
                if queue.count > bound { return false }
            }
            if !any {
                if !visit(current, sink, meet: meet, stamp: stamp, keepLinks: keepLinks) { return false }
                if queue.count > bound { return false }
            }
        }
        return true
    }

    /// Whether every forward transition out of a step leads into a tail, and there is one.
    ///
    /// - Complexity: O(edges of the step) (the caller's test of the step's kind comes first).
    private func leadsOnlyIntoTails(_ node: Int32) -> Bool {
        var any = false
        for slot in graph.successorSlots(of: node)
        where isForward(slot: slot, from: node) {
            guard has(graph.successorTargets[slot], .tail) else { return false }
            any = true
        }
        return any
    }

    /// One link of a block search: recorded, and its target queued unless it is where the branches meet or was
    /// seen. `false` when the target is on a loop: an alternative with a loop on it (a yearly review) does not
    /// meet the others again soon. (The caller checks the queue's length.)
    @inline(__always)
    private mutating func visit(_ from: Int32, _ next: Int32, meet: Int32, stamp: Int32, keepLinks: Bool) -> Bool {
        if keepLinks {
            linkFrom.append(from)
            linkTo.append(next)
        }
        guard next != meet, !wasQueued(next, stamp: stamp) else { return true }
        if next != sink && has(next, .onLoop) { return false }
        if !visitMark.isEmpty { visitMark[Int(next)] = stamp }
        queue.append(next)
        return true
    }

    /// The upper bound up to which a block search looks through its queue (at most twice this long) rather than
    /// keep a stamp per step.
    static let queueSearchLimit = 32

    /// Whether the block search with this stamp has queued a step.
    @inline(__always)
    private func wasQueued(_ node: Int32, stamp: Int32) -> Bool {
        visitMark.isEmpty ? queue.contains(node) : visitMark[Int(node)] == stamp
    }

    /// Marks the outcome decisions (*splitters*): steps with two or more branches whose branches do not meet again
    /// soon, that is meet only at the sink, or whose block (the decision, the steps between and the step where
    /// they meet) is not short (see ``searchBlock(from:meet:route:keepLinks:)``) or holds a step on a loop. A parallel
    /// split is never one (every patient takes every branch). The other decisions are the decision blocks, kept in
    /// ``blocks`` with the steps where their branches meet; the post-dominators are let go.
    ///
    /// - Complexity: O(k · D) for D decisions, k = twice the upper bound.
    mutating func markSplitters() {
        for node in 0..<Int32(graph.nodeCount) where has(node, .finalOutcomes) && !has(node, .parallel) {
            nodeFlags[Int(node)].insert(.splitter)
        }
        for node in 0..<Int32(graph.nodeCount) where has(node, .decision) {
            let meet = forward[Int(node)].postDominator
            if meet >= 0 && meet != sink
                && searchBlock(from: node, meet: meet, route: Int(forward[Int(node)].route), keepLinks: false)
            {
                blocks.append(node)
                blocks.append(meet)
                continue
            }
            if !has(node, .parallel) { nodeFlags[Int(node)].insert(.splitter) }
        }
        forward = []
    }

    /// Sets the boundary of every transition: a stage change, a branch of an outcome decision (or an exception
    /// path, see ``leavesOnException(_:exceptions:)``, or a way into a tail that only ends beside a way on), or a
    /// hand-off.
    ///
    /// - Parameters:
    ///   - stageOfNode: The effective stage of each step, or `nil` when no step has one.
    ///   - isHandOff: Whether a transition between two steps hands over between staff groups.
    ///   - exceptions: Whether a step does work (not a gateway) and whether a transition carries a condition, or
    ///     `nil` when no transition has one.
    ///   - isGateway: Whether a step does no work (a decision, a merge, a start or an end as drawn).
    /// - Complexity: O(V + E) plus the hand-off tests.
    mutating func markBoundaries(
        stageOfNode: [Int32]?, isHandOff: ((Int32, Int32) -> Bool)?, exceptions: Exceptions? = nil,
        isGateway: (Int32) -> Bool = { _ in true }
    ) {
        // For the ends a second way in reaches: how many of the steps before them have a way in themselves.
        var workBeforeEnd: [Int32: Int32] = [:]
        for node in 0..<Int32(graph.nodeCount) {
            // A second way in whose way meets the rest only at an end starts a sub-pathway of its own.
            if has(node, .start) && startMeetsOthersOnlyAtEnd(node, workBeforeEnd: &workBeforeEnd) {
                nodeFlags[Int(node)].insert(.outcomeIn)
            }
            let isSplitter = has(node, .splitter)
            // Into the tails of a decision whose outcomes end apart, the branches are outcomes too.
            let intoTails = has(node, .finalOutcomes)
            let isGate = isChoiceWithWayOut(node)
            let hasExceptions = exceptions.map { leavesOnException(node, exceptions: $0) } ?? false
            // Beside a gateway's way on (a decision block's branches, which meet at a step before the end, a choice's
            // one way on, or an outcome decision's branches), a way into a tail that only ends the pathway meets the
            // others nowhere but at an end, so it is an outcome of its own ("no genetic cause found": explain, and
            // usual care). (A step of work leaves on an exception path only.)
            let slots = graph.successorSlots(of: node)
            let leavesBeside =
                !has(node, .parallel) && slots.count >= 2 && isGateway(node)
                && slots.contains { isCore(slot: $0, from: node) }
            for slot in slots {
                let next = graph.successorTargets[slot]
                let edge = Int(graph.successorEdges[slot])
                var flags = edgeFlags[edge]
                let isOutcome =
                    isSplitter && next != node && !nodeFlags[Int(next)].contains(.end)
                    && (intoTails || !nodeFlags[Int(next)].contains(.tail)) && !flags.contains(.back)
                    || hasExceptions && isException(slot: slot, from: node, exceptions: exceptions)
                    || leavesBeside && isForward(slot: slot, from: node) && endsAway(next)
                if isOutcome {
                    flags.insert(.outcome)
                    nodeFlags[Int(next)].insert(.outcomeIn)
                }
                var boundary = PhaseBoundary.none
                if let stageOfNode, stageOfNode[Int(node)] >= 0, stageOfNode[Int(next)] >= 0,
                    stageOfNode[Int(node)] != stageOfNode[Int(next)]
                {
                    boundary = .stage
                } else if isOutcome {
                    boundary = .outcome
                } else if isGate && isCore(slot: slot, from: node) {
                    boundary = .choice
                } else if let isHandOff, isHandOff(node, next) {
                    boundary = .handOff
                }
                flags.insert(EdgeFlags(rawValue: boundary.rawValue))
                edgeFlags[edge] = flags
            }
        }
    }

    /// Whether a start with no way in leads, by a straight run (each step one way on, into a step no other way
    /// enters), to a tail that only ends the pathway, at an end where other work stops too (a step before it, not
    /// this run's, that has a way in itself): a way into the pathway (other patients arriving) that shares no work
    /// with the rest and meets it only at an end (peter, who created lop, which josh, whom marko knows, created too).
    /// Its start is then marked as an outcome branch enters it, so that no piece joins it to other work through that
    /// end (see ``endBridgesOutcome(_:_:)``). A second start that meets the rest at a step of work (another entry
    /// into a review of the record) is joined as any other step, and starts that each go straight to an end no work
    /// reaches (attackers of one host) are no ways into a flow.
    ///
    /// - Parameter workBeforeEnd: For each end looked at, the number of steps before it that have a way in.
    /// - Complexity: O(length of the run) and, once per end reached, O(ways into it); each step is on the run of at
    ///   most one start (one way enters it).
    private func startMeetsOthersOnlyAtEnd(_ start: Int32, workBeforeEnd: inout [Int32: Int32]) -> Bool {
        guard graph.inDegree(of: start) == 0 else { return false }
        var step = start
        while !endsAway(step) {
            guard graph.outDegree(of: step) == 1 else { return false }
            let next = graph.successorTargets[graph.successorSlots(of: step).lowerBound]
            guard next != step, !has(next, .end), graph.inDegree(of: next) == 1 else { return false }
            step = next
        }
        let own: Int32 = graph.inDegree(of: step) > 0 ? 1 : 0
        for slot in graph.successorSlots(of: step) {
            let end = graph.successorTargets[slot]
            let work =
                workBeforeEnd[end]
                ?? {
                    var count: Int32 = 0
                    for way in graph.predecessorSlots(of: end)
                    where graph.inDegree(of: graph.predecessorSources[way]) > 0 {
                        count += 1
                    }
                    workBeforeEnd[end] = count
                    return count
                }()
            if work > own { return true }
        }
        return false
    }

    /// What tells an exception path from the normal flow (see ``leavesOnException(_:exceptions:)``).
    struct Exceptions {
        /// Whether a step does work (an activity or a reference), rather than being a gateway, a start or an end.
        var doesWork: (Int32) -> Bool
        /// Whether a transition carries a condition.
        var hasCondition: (Int32) -> Bool
    }

    /// Whether a step of work leaves its normal flow on a condition into a way that never meets it again: it has a
    /// way on without a condition into a step that is not a tail, and another way out, on a condition, into a tail
    /// that then only ends (an error, a timeout or a message caught on the step, as a BPMN boundary event is
    /// imported, and its handler). Such a way out is an exception path, a branch of an outcome of its own even when
    /// it is one step (see ``isException(slot:from:exceptions:)``): joined to the normal flow, one
    /// sub-pathway would hold two outcomes. A decision's branches are not looked at (its ways out are all choices),
    /// nor a step whose every way on carries a condition (every transition of a state machine names its event).
    ///
    /// - Complexity: O(edges of the step); the conditions are read only for a step with a way into a tail.
    private func leavesOnException(_ node: Int32, exceptions: Exceptions) -> Bool {
        guard graph.outDegree(of: node) >= 2 else { return false }
        let slots = graph.successorSlots(of: node)
        guard slots.contains(where: { isForward(slot: $0, from: node) && endsAway(graph.successorTargets[$0]) }),
            exceptions.doesWork(node)
        else { return false }
        return slots.contains { isCore(slot: $0, from: node) && !exceptions.hasCondition(graph.successorEdges[$0]) }
    }

    /// Whether a transition out of a step that ``leavesOnException(_:exceptions:)`` is an exception path: on a
    /// condition, forward into a tail that then only ends.
    @inline(__always)
    private func isException(slot: Int, from node: Int32, exceptions: Exceptions?) -> Bool {
        guard let exceptions, isForward(slot: slot, from: node), endsAway(graph.successorTargets[slot]) else {
            return false
        }
        return exceptions.hasCondition(graph.successorEdges[slot])
    }

    /// Whether a step is a tail that ends the pathway: it has ways on, and all of them are into end steps (a tail's
    /// only other ways out are loop-backs, which put it on a loop). A step with no way on at all ends nothing: a
    /// compensation event hung on a task waits to undo the task, it is no way out of it.
    @inline(__always)
    private func endsAway(_ node: Int32) -> Bool {
        has(node, .tail) && !has(node, .onLoop) && graph.outDegree(of: node) > 0
    }

    /// Whether a step is a choice with a way out that closes a phase: a step that is no decision block or outcome
    /// decision (one way forward into a step that is not a tail) but has another way out, into an end or a tail
    /// (declined, not eligible), after a straight run of at least the lower bound of steps ending at it (the scan,
    /// the referral, the detailed scan, then "do the parents want testing?"). After a shorter run (a start and an
    /// eligibility check) the choice is a step on the way into the next phase, not the end of one.
    ///
    /// - Complexity: O(edges of the step) plus O(k) for the run, k the lower bound.
    private func isChoiceWithWayOut(_ node: Int32) -> Bool {
        // One way forward and another out need two transitions out (a test on the step's offsets alone).
        guard graph.outDegree(of: node) >= 2 else { return false }
        guard !has(node, .decision), !has(node, .finalOutcomes), !has(node, .tail) else { return false }
        var core = 0
        var out = 0
        for slot in graph.successorSlots(of: node) {
            let next = graph.successorTargets[slot]
            guard next != node, !edgeFlags[Int(graph.successorEdges[slot])].contains(.back) else { continue }
            if has(next, .end) || has(next, .tail) { out += 1 } else { core += 1 }
        }
        return core == 1 && out >= 1 && closesRun(node)
    }

    /// Whether the straight run ending at a step (the step and those before it along a chain, see
    /// ``hasChainPrevious(_:)``) holds at least the lower bound of steps: the work it concludes is a phase of its own.
    ///
    /// - Complexity: O(k), k the lower bound.
    private func closesRun(_ node: Int32) -> Bool {
        var run = 1
        var step = node
        while run < lower && hasChainPrevious(step) {
            step = graph.predecessorSources[Int(graph.predecessorOffsets[Int(step)])]
            run += 1
        }
        return run >= lower
    }

    /// One piece per step, ready to join (end steps do not count towards a piece's weight).
    ///
    /// - Complexity: O(V).
    mutating func startPieces() {
        pieces = PieceUnion(count: graph.nodeCount) { !nodeFlags[Int($0)].contains(.end) }
    }

    /// The weakest boundary of the transitions from one step to another (`.stage` when there is none).
    private func boundaryBetween(_ from: Int32, _ to: Int32) -> PhaseBoundary {
        var result = PhaseBoundary.stage
        for slot in graph.successorSlots(of: from)
        where graph.successorTargets[slot] == to {
            result = min(result, boundary(graph.successorEdges[slot]))
        }
        return result
    }

    /// Whether a transition from one step to another begins a phase.
    private func beginsPhase(_ from: Int32, _ to: Int32) -> Bool {
        for slot in graph.successorSlots(of: from)
        where graph.successorTargets[slot] == to && edgeFlags[Int(graph.successorEdges[slot])].contains(.beginsPhase) {
            return true
        }
        return false
    }

    // MARK: Joining

    /// Whether the stages put two steps in one stage: both have the same stage (the first as a piece's root: the
    /// piece's stage).
    @inline(__always)
    private func inOneStage(_ piece: Int32, _ step: Int32) -> Bool {
        guard let pieceStage, let stageOfStep else { return false }
        let stage = pieceStage[Int(pieces.root(piece))]
        return stage >= 0 && stage == stageOfStep[Int(step)]
    }

    /// Whether two pieces may join: they do not hold two different stages.
    @inline(__always)
    mutating func compatible(_ a: Int32, _ b: Int32) -> Bool {
        guard let pieceStage else { return true }
        let (x, y) = (pieceStage[Int(pieces.root(a))], pieceStage[Int(pieces.root(b))])
        return x < 0 || y < 0 || x == y
    }

    /// Joins two pieces; the joined piece keeps the first one's stage, or else the second's.
    @inline(__always)
    mutating func joinPieces(_ a: Int32, _ b: Int32) {
        guard pieceStage != nil else {
            pieces.join(a, b)
            return
        }
        let (x, y) = (pieceStage?[Int(pieces.root(a))] ?? -1, pieceStage?[Int(pieces.root(b))] ?? -1)
        let root = pieces.join(a, b)
        pieceStage?[Int(root)] = x >= 0 ? x : y
    }

    /// Decision blocks are one phase each (never across a stage or an outcome), as long as the pieces a block
    /// touches stay within twice the upper bound together and hold at most one stage. The blocks' links are
    /// found again by the same bounded search as in ``markSplitters()``. A meeting step that does work and whose
    /// only ways on are tails (it lists the carrier's relatives, then "any of them not yet offered testing?" sends
    /// them round the cascade or ends) is left out of the block: closing it, the step would leave after the block
    /// nothing that can be a phase (a tail is none), so it begins the last phase with its tails instead.
    ///
    /// - Parameter doesWork: Whether a step is work rather than a gateway (a merge, a parallel split or join, a
    ///   decision): a bare merge closes its block whatever follows.
    /// - Complexity: O(k · D).
    mutating func joinBlocks(doesWork: (Int32) -> Bool) {
        for block in stride(from: 0, to: blocks.count, by: 2) {
            let (node, meet) = (blocks[block], blocks[block + 1])
            let meetBegins = doesWork(meet) && leadsOnlyIntoTails(meet)
            // The same search as in markSplitters(), which this block passed: the flags it reads have not changed.
            guard searchBlock(from: node, meet: meet, route: nil, keepLinks: true, meetBegins: meetBegins) else {
                continue
            }
            // A parallel block longer than the upper bound is no phase: each branch is one.
            if has(node, .parallel) && isLongParallelBlock() {
                markParallelBranches(of: node, meet: meet)
                continue
            }
            // A decision whose branches meet only where a loop kept whole begins its phase (see ``markLoops(_:)``)
            // holds no step where they meet: its alternatives are outcomes, each a phase of its own.
            if meetsOnlyInNextPhase(node, meet: meet) {
                markOutcomeDecision(node)
                continue
            }
            var kept = 0
            // A block joins no link that begins a phase (see ``markLoops(_:)``): its branches meeting at the head of a
            // loop kept whole end before it, and a decision on such a loop does not join the way out of the loop to it.
            for link in linkFrom.indices
            where linkTo[link] != sink && boundaryBetween(linkFrom[link], linkTo[link]) <= .handOff
                && !beginsPhase(linkFrom[link], linkTo[link])
            {
                linkFrom[kept] = linkFrom[link]
                linkTo[kept] = linkTo[link]
                kept += 1
            }
            touched.removeAll(keepingCapacity: true)
            var total = 0
            for link in 0..<kept {
                for end in 0..<2 {
                    let root = pieces.root(end == 0 ? linkFrom[link] : linkTo[link])
                    if !touched.contains(root) {
                        touched.append(root)
                        total += Int(pieces.size(root))
                    }
                }
            }
            guard total <= limit else { continue }
            if let pieceStage {
                var stage: Int32 = -1
                var mixed = false
                for root in touched where pieceStage[Int(root)] >= 0 {
                    if stage >= 0 && stage != pieceStage[Int(root)] { mixed = true }
                    stage = pieceStage[Int(root)]
                }
                guard !mixed else { continue }
            }
            for link in 0..<kept { joinPieces(linkFrom[link], linkTo[link]) }
            markClosingStep(of: node, meet: meet, kept: kept)
            markDetourMeeting(of: node, meet: meet)
            // A parallel split begins its block's phase: every patient takes every branch together.
            if has(node, .parallel) { nodeFlags[Int(node)].insert(.opensBlock) }
        }
        blocks = []
        visitMark = []
    }

    /// Whether a parallel block, just searched, holds more steps than the upper bound, its split and the step where
    /// its branches meet counted: every patient goes through every branch, so the branches add up (the gene test,
    /// consent and sequencing, beside the family's ECGs, invited and read, then the meeting that brings them
    /// together).
    ///
    /// - Complexity: O(steps of the block).
    private func isLongParallelBlock() -> Bool {
        var steps = 1
        for step in queue where step != sink { steps += 1 }
        return steps > upper
    }

    /// The branches of a parallel block that is no phase (see ``isLongParallelBlock()``) begin a phase each,
    /// and so does the step where they meet: the ways out of the split and the ways into that step are crossed only
    /// by folding (the split joins one branch; a branch of two steps or more stays whole, see ``fold(_:)``).
    ///
    /// - Complexity: O(links of the block).
    private mutating func markParallelBranches(of node: Int32, meet: Int32) {
        for slot in graph.successorSlots(of: node) where isCore(slot: slot, from: node) {
            edgeFlags[Int(graph.successorEdges[slot])].insert(.beginsPhase)
        }
        for link in linkFrom.indices where linkTo[link] == meet {
            for slot in graph.successorSlots(of: linkFrom[link]) where graph.successorTargets[slot] == meet {
                edgeFlags[Int(graph.successorEdges[slot])].insert(.beginsPhase)
            }
        }
    }

    /// Whether a decision's block, just searched with its links kept, has its branches meet only where the next
    /// phase begins: every link into the meeting step begins a phase (the head of a loop kept whole, entered by
    /// two ways or more: a BRAF V600 mutation, targeted treatment explained and dispensed; none, immunotherapy
    /// explained and the first cycle prescribed; then treatment, scanned every twelve weeks, entered from both).
    /// A parallel split is never such a decision (every patient takes every branch), nor one with a branch straight
    /// to the meeting step (a detour, see ``markDetourMeeting(of:meet:)``).
    ///
    /// - Complexity: O(links of the block).
    private func meetsOnlyInNextPhase(_ node: Int32, meet: Int32) -> Bool {
        guard !has(node, .parallel) else { return false }
        var any = false
        for link in linkFrom.indices where linkTo[link] == meet {
            guard linkFrom[link] != node, beginsPhase(linkFrom[link], meet) else { return false }
            any = true
        }
        guard any else { return false }
        // Each alternative, with the decision, is at least the lower bound: a phase of its own (a choice of one drug
        // or another, one step each, is one choice, a block).
        for slot in graph.successorSlots(of: node) where isCore(slot: slot, from: node) {
            var step = graph.successorTargets[slot]
            var length = 1
            while length < lower && step != meet {
                length += 1
                guard graph.outDegree(of: step) == 1 else {
                    length = lower
                    break
                }
                step = graph.successorTargets[graph.successorSlots(of: step).lowerBound]
            }
            guard length >= lower else { return false }
        }
        return true
    }

    /// Makes a decision an outcome decision after the boundaries were set (see
    /// ``markBoundaries(stageOfNode:isHandOff:exceptions:isGateway:)``): its forward transitions into steps that are
    /// not tails become outcome branches, a boundary of their own unless a stage boundary is there already.
    ///
    /// - Complexity: O(edges of the decision).
    private mutating func markOutcomeDecision(_ node: Int32) {
        nodeFlags[Int(node)].insert(.splitter)
        for slot in graph.successorSlots(of: node) where isCore(slot: slot, from: node) {
            let edge = Int(graph.successorEdges[slot])
            var flags = edgeFlags[edge]
            flags.insert(.outcome)
            if boundary(Int32(edge)) < .outcome {
                flags.remove(.boundaryBits)
                flags.insert(EdgeFlags(rawValue: PhaseBoundary.outcome.rawValue))
            }
            edgeFlags[edge] = flags
            nodeFlags[Int(graph.successorTargets[slot])].insert(.outcomeIn)
        }
    }

    /// Marks the step where a joined block's branches meet as closing the block, when the block holds it (not a
    /// detour): a merge is one of the method's natural cut points, so what follows it begins the next phase and
    /// joins the block only by folding (see ``joinAlong(_:)``).
    private mutating func markClosingStep(of node: Int32, meet: Int32, kept: Int) {
        for link in 0..<kept where linkTo[link] == meet {
            nodeFlags[Int(meet)].insert(.closesBlock)
            return
        }
    }

    /// Where one branch of a joined block goes straight to the step where the branches meet (the variant is in the
    /// tumour only: straight to the prescription; inherited: genetics first), the others are a detour some patients
    /// take, and that step, where everyone continues, begins what follows: the ways into it from the block are
    /// crossed only by folding (``joinAlong(_:)`` does not join the detour's last step to it).
    ///
    /// - Complexity: O(edges of the decision and into the meeting step).
    private mutating func markDetourMeeting(of node: Int32, meet: Int32) {
        let slots = graph.successorSlots(of: node)
        guard slots.contains(where: { isCore(slot: $0, from: node) && graph.successorTargets[$0] == meet }) else {
            return
        }
        let block = pieces.root(node)
        guard Int(pieces.weight(block)) >= lower else { return }
        for slot in graph.predecessorSlots(of: meet)
        where pieces.root(graph.predecessorSources[slot]) == block {
            edgeFlags[Int(graph.predecessorEdges[slot])].insert(.beginsPhase)
        }
    }

    /// A loop (strongly connected component) of two steps up to twice the upper bound is one phase: its
    /// transitions that cross no boundary stronger than a hand-off join its steps (``joinLoops()``). A loop that
    /// passes through an outcome branch (a reanalysis that goes back to the review, a rejected invoice sent back to
    /// its approver) is not a round of one phase: the outcome decision it passes is the stronger boundary, so its
    /// steps are joined by the other rules. Marks the transitions inside such loops, so that the components need
    /// not be kept until the pieces are joined; and, where no boundary inside cuts the loop, its ways out into a
    /// step that is not an end or a tail: the loop is kept whole, and what follows begins the next phase. Such a
    /// loop begins a phase too where the pathway enters it after a straight run of at least the lower bound (the
    /// loss-of-function result explained, the drug prescribed, the alert coded, then the antiplatelet review):
    /// that run is a phase of its own; and where two ways or more enter it at one step (treatment and the family
    /// letter in parallel, met at the first review), the block they close ends before it. After a shorter run (a result, then the split that starts its follow-up) the
    /// loop is where that work goes on, and the run joins it.
    ///
    /// Inside a loop that is not one phase (a cascade, whose every round passes through several phases), the
    /// innermost rounds are (see ``keepRounds(isInLoopOfOnePhase:)``).
    ///
    /// - Complexity: O(V + E), O(k) per round of ``rounds`` (k twice the upper bound) and O(l) per way into a loop
    ///   kept whole (l the lower bound).
    mutating func markLoops(_ components: StronglyConnectedComponents) {
        // The size of each component; 0 for one with an outcome branch inside it; minus the size for one that a
        // stronger boundary than a hand-off cuts (it is not joined whole).
        var componentSizes = [Int32](repeating: 0, count: components.componentCount)
        for component in components.componentOfNode { componentSizes[Int(component)] += 1 }
        for node in 0..<Int32(graph.nodeCount) {
            let component = components.componentOfNode[Int(node)]
            // A component above twice the upper bound is no phase either way: its transitions are not looked at.
            let size = abs(componentSizes[Int(component)])
            guard size > 1, Int(size) <= limit else { continue }
            for slot in graph.successorSlots(of: node)
            where components.componentOfNode[Int(graph.successorTargets[slot])] == component {
                let edge = graph.successorEdges[slot]
                if edgeFlags[Int(edge)].contains(.outcome) {
                    componentSizes[Int(component)] = 0
                } else if boundary(edge) > .handOff && componentSizes[Int(component)] > 0 {
                    componentSizes[Int(component)] = -componentSizes[Int(component)]
                }
            }
        }
        let limit = self.limit
        keepRounds(isInLoopOfOnePhase: { head in
            let size = Int(abs(componentSizes[Int(components.componentOfNode[Int(head)])]))
            return size > 1 && size <= limit
        })
        for node in 0..<Int32(graph.nodeCount) {
            let component = components.componentOfNode[Int(node)]
            let size = Int(abs(componentSizes[Int(component)]))
            guard size > 1, size <= limit else { continue }
            let isWhole = componentSizes[Int(component)] > 0
            nodeFlags[Int(node)].insert(.inPhaseLoop)
            for slot in graph.successorSlots(of: node) {
                let next = graph.successorTargets[slot]
                if components.componentOfNode[Int(next)] == component {
                    edgeFlags[Int(graph.successorEdges[slot])].insert(.inLoop)
                } else if isWhole && !has(next, .end) && !has(next, .tail) {
                    edgeFlags[Int(graph.successorEdges[slot])].insert(.beginsPhase)
                }
            }
            // A loop kept whole begins a phase where the pathway enters it after a run that is a phase of its own.
            guard isWhole else { continue }
            let ways = graph.predecessorSlots(of: node)
            // Where two ways or more enter the loop at one step (the branches of a block meet at its head), the
            // block they close is a phase of its own too.
            var waysIn = 0
            for slot in ways where components.componentOfNode[Int(graph.predecessorSources[slot])] != component {
                waysIn += 1
            }
            for slot in ways
            where components.componentOfNode[Int(graph.predecessorSources[slot])] != component
                && (waysIn >= 2 || closesRun(graph.predecessorSources[slot]))
            {
                edgeFlags[Int(graph.predecessorEdges[slot])].insert(.beginsPhase)
            }
        }
    }

    /// Keeps the rounds (see ``rounds``) that are a phase of their own: the innermost rounds of a loop that is not
    /// one phase itself (a reminder loop or time to think inside a cascade, a retry inside a program's main loop).
    /// A round is innermost when it passes the head of no other round: one that does goes round the loops hung on
    /// it, through their phases. As a loop that is one phase, a round with an outcome branch on it is not one.
    ///
    /// - Parameter isInLoopOfOnePhase: Whether a step is in a loop that is one phase (its rounds are joined with
    ///   it).
    /// - Complexity: O(k · B), B the loop-back transitions, k twice the upper bound.
    private mutating func keepRounds(isInLoopOfOnePhase: (Int32) -> Bool) {
        // The heads, marked (the target of each round's last transition, its loop-back).
        var at = 0
        while at < rounds.count {
            let length = Int(rounds[at])
            nodeFlags[Int(graph.successorTargets[Int(rounds[at + length])])].insert(.seen)
            at += 1 + length
        }
        // A round left out is marked by a negative length, so that its head's flag can be cleared below.
        at = 0
        while at < rounds.count {
            let length = Int(rounds[at])
            var keep = !isInLoopOfOnePhase(graph.successorTargets[Int(rounds[at + length])])
            // Every step but the head is the target of a transition before the last.
            for position in (at + 1)...(at + length) where keep {
                let slot = Int(rounds[position])
                if position < at + length && has(graph.successorTargets[slot], .seen) { keep = false }
                if edgeFlags[Int(graph.successorEdges[slot])].contains(.outcome) { keep = false }
            }
            if !keep { rounds[at] = -rounds[at] }
            at += 1 + length
        }
        var kept = 0
        at = 0
        while at < rounds.count {
            let length = Int(abs(rounds[at]))
            nodeFlags[Int(graph.successorTargets[Int(rounds[at + length])])].remove(.seen)
            if rounds[at] > 0 {
                for offset in 0...length { rounds[kept + offset] = rounds[at + offset] }
                kept += 1 + length
            }
            at += 1 + length
        }
        rounds.removeLast(rounds.count - kept)
    }

    /// Joins the steps of the loops that are one phase (see ``markLoops(_:)``) across their transitions that cross
    /// no boundary stronger than a hand-off.
    ///
    /// - Complexity: O(V) plus the transitions of the loops' steps.
    mutating func joinLoops() {
        for node in 0..<Int32(graph.nodeCount) where has(node, .inPhaseLoop) {
            for slot in graph.successorSlots(of: node) {
                let edge = graph.successorEdges[slot]
                if edgeFlags[Int(edge)].contains(.inLoop), boundary(edge) <= .handOff,
                    compatible(node, graph.successorTargets[slot])
                {
                    joinPieces(node, graph.successorTargets[slot])
                }
            }
        }
    }

    /// Joins the steps of each round kept by ``markLoops(_:)`` across its transitions that cross no boundary stronger
    /// than a hand-off. A round joined whole is kept whole: its ways out into a step of another piece, not an end or
    /// a tail, begin the next phase (as a loop that is one phase). Then the head of each long loop (a loop-back
    /// whose round is longer than twice the upper bound, as a cascade's, which starts again for each new carrier's
    /// relatives) begins a phase: each round starts there, so the forward transitions into it are crossed only by
    /// folding. Lets the rounds go.
    ///
    /// - Complexity: O(k · R) for R rounds, plus the transitions of each step of a round joined whole and into each
    ///   head of a long loop, looked at once per step (the `seen` flag, cleared again).
    mutating func joinRounds() {
        var at = 0
        while at < rounds.count {
            let length = Int(rounds[at])
            // The source of each transition is the target of the one before it, round the round.
            var from = graph.successorTargets[Int(rounds[at + length])]
            for position in (at + 1)...(at + length) {
                let slot = Int(rounds[position])
                let to = graph.successorTargets[slot]
                if boundary(graph.successorEdges[slot]) <= .handOff && compatible(from, to) { joinPieces(from, to) }
                from = to
            }
            at += 1 + length
        }
        at = 0
        while at < rounds.count {
            let length = Int(rounds[at])
            let slots = (at + 1)...(at + length)
            let root = pieces.root(graph.successorTargets[Int(rounds[at + length])])
            var isWhole = true
            for position in slots where pieces.root(graph.successorTargets[Int(rounds[position])]) != root {
                isWhole = false
            }
            for position in slots where isWhole {
                let step = graph.successorTargets[Int(rounds[position])]
                guard !has(step, .seen) else { continue }
                nodeFlags[Int(step)].insert(.seen)
                for slot in graph.successorSlots(of: step) {
                    let next = graph.successorTargets[slot]
                    if !has(next, .end) && !has(next, .tail) && pieces.root(next) != root {
                        edgeFlags[Int(graph.successorEdges[slot])].insert(.beginsPhase)
                    }
                }
            }
            at += 1 + length
        }
        for head in longLoopHeads where !has(head, .seen) {
            nodeFlags[Int(head)].insert(.seen)
            for slot in graph.predecessorSlots(of: head)
            where !edgeFlags[Int(graph.predecessorEdges[slot])].contains(.back) {
                edgeFlags[Int(graph.predecessorEdges[slot])].insert(.beginsPhase)
            }
        }
        // The scratch flags are cleared again.
        at = 0
        while at < rounds.count {
            let length = Int(rounds[at])
            for position in (at + 1)...(at + length) {
                nodeFlags[Int(graph.successorTargets[Int(rounds[position])])].remove(.seen)
            }
            at += 1 + length
        }
        for head in longLoopHeads { nodeFlags[Int(head)].remove(.seen) }
        rounds = []
        longLoopHeads = []
    }

    /// A straight run (a chain, see ``CompactGraph/chains(cutBefore:cutAfter:)``) longer than the upper bound is
    /// cut into equal parts within it. The chains are walked as that method numbers them, without keeping them
    /// (a run longer than the upper bound is walked twice: once to count it, once to cut it).
    ///
    /// - Complexity: O(V + E).
    mutating func markLengthCuts() {
        let n = graph.nodeCount
        var run: [Int32] = []
        for pass in 0..<2 {
            for head in 0..<Int32(n) where !has(head, .chainSeen) && (pass == 1 || !hasChainPrevious(head)) {
                var length = 0
                var node = head
                repeat {
                    nodeFlags[Int(node)].insert(.chainSeen)
                    length += 1
                    node = chainNext(node)
                } while node >= 0 && !has(node, .chainSeen)
                guard length > upper else { continue }
                // Only a long run is kept, walked again from its head: the same steps, as the graph is the same.
                run.removeAll(keepingCapacity: true)
                node = head
                for _ in 0..<length {
                    run.append(node)
                    node = chainNext(node)
                }
                let parts = (run.count + upper - 1) / upper
                for part in 1..<parts {
                    let position = part * run.count / parts
                    let (from, to) = (run[position - 1], run[position])
                    for slot in graph.successorSlots(of: from)
                    where graph.successorTargets[slot] == to {
                        edgeFlags[Int(graph.successorEdges[slot])].insert(.lengthCut)
                    }
                }
            }
        }
    }

    /// The next step along a chain: the only successor, when it has no other predecessor and is another step.
    @inline(__always)
    private func chainNext(_ node: Int32) -> Int32 {
        guard graph.outDegree(of: node) == 1 else { return -1 }
        let target = graph.successorTargets[graph.successorSlots(of: node).lowerBound]
        return target != node && graph.inDegree(of: target) == 1 ? target : -1
    }

    /// Whether a step continues a chain from its only predecessor.
    @inline(__always)
    private func hasChainPrevious(_ node: Int32) -> Bool {
        guard graph.inDegree(of: node) == 1 else { return false }
        let source = graph.predecessorSources[Int(graph.predecessorOffsets[Int(node)])]
        return source != node && graph.outDegree(of: source) == 1
    }

    /// What is left joins along the pathway: plain transitions first, then hand-offs (first only between two pieces
    /// below the lower bound, so that two short pieces become one rather than one piece filling up to the upper
    /// bound across a hand-off and leaving a short remainder), in pathway order, as long as the joined piece stays
    /// within the upper bound (ends aside) and twice it in all, holds one stage, and is not a branch running into a
    /// step other branches also reach.
    ///
    /// - Complexity: O(V + E).
    mutating func joinAlong(_ pathOrder: [Int32]) {
        var hasHandOff = false
        for flags in edgeFlags where PhaseBoundary(rawValue: flags.intersection(.boundaryBits).rawValue) == .handOff {
            hasHandOff = true
            break
        }
        let levels: [(PhaseBoundary, shortOnly: Bool)] = [(.none, false), (.handOff, true), (.handOff, false)]
        for (level, shortOnly) in levels.prefix(hasHandOff ? 3 : 1) {
            // The step where a block's branches meet closes the block: what follows begins the next phase.
            for node in pathOrder where !has(node, .closesBlock) {
                let isBranch = graph.outDegree(of: node) > 1
                let slots = graph.successorSlots(of: node)
                // A step's tails join it before its other ways on: a tail ("refer and end") has no other neighbour,
                // and the order in which a file lists a step's transitions decides nothing.
                for pass in 0..<(isBranch ? 2 : 1) {
                    for slot in slots where !isBranch || has(graph.successorTargets[slot], .tail) == (pass == 0) {
                        let edge = graph.successorEdges[slot]
                        // A loop-back is one of the method's natural cut points, and a step that begins a phase is
                        // joined to what comes before it only by folding.
                        guard boundary(edge) == level,
                            edgeFlags[Int(edge)].isDisjoint(with: [.lengthCut, .back, .beginsPhase])
                        else { continue }
                        // A branch that runs into a step other branches also reach (a reclassified result joining the
                        // positive branch) is where an analyst cuts: such links join only through blocks and folding.
                        let target = graph.successorTargets[slot]
                        if isBranch && has(target, .forwardInMany) { continue }
                        // So does a way into the pathway of two steps or more, where another way meets it: each way
                        // in is a request of its own (admitted with pancreatitis, or found by a GP).
                        if has(target, .forwardInMany) && isWayIn(pieces.root(node)) { continue }
                        // A parallel block's split begins its phase: what comes before it joins it only by folding
                        // (unless the stages put both in one).
                        if has(target, .opensBlock) && !inOneStage(node, target) { continue }
                        let a = pieces.root(node)
                        let b = pieces.root(target)
                        if has(target, .end) && endBridgesOutcome(a, b) { continue }
                        if shortOnly && Int(max(pieces.weight(a), pieces.weight(b))) >= lower { continue }
                        if a != b && Int(pieces.weight(a) + pieces.weight(b)) <= upper
                            && Int(pieces.size(a) + pieces.size(b)) <= limit && compatible(a, b)
                        {
                            joinPieces(a, b)
                        }
                    }
                }
            }
        }
    }

    /// Whether joining piece `a` to an end step in piece `b` would join a branch of an outcome decision to other work
    /// through that end: the end already belongs to a piece with work, and one of the two holds a step an outcome
    /// branch enters. Ways that stop at the same end meet only there (a boundary event's handler and the normal flow
    /// it left, each into "End Event 1"): the end is where the pathway stops, not a step both do, and joined through
    /// it one sub-pathway would hold two outcomes.
    ///
    /// - Complexity: O(k), k twice the upper bound: a piece larger than that (grown by folding) is not looked at.
    private func endBridgesOutcome(_ a: Int32, _ b: Int32) -> Bool {
        a != b && pieces.weight(b) > 0 && (holdsOutcomeStart(a) || holdsOutcomeStart(b))
    }

    /// Whether a piece of at most twice the upper bound steps holds a step that a branch of an outcome decision
    /// enters.
    private func holdsOutcomeStart(_ root: Int32) -> Bool {
        guard Int(pieces.size(root)) <= limit else { return false }
        var member = pieces.firstMember(ofRoot: root)
        while member >= 0 {
            if has(member, .outcomeIn) { return true }
            member = pieces.member(after: member, root: root)
        }
        return false
    }

    /// Whether a piece is a way into the pathway of two steps or more (ends aside): a straight run from a start,
    /// every step of it with at most one way in and one way on (admitted with pancreatitis, then referred).
    ///
    /// - Complexity: O(k), k twice the upper bound: a piece larger than that is not looked at.
    private func isWayIn(_ root: Int32) -> Bool {
        guard pieces.weight(root) >= 2 && Int(pieces.size(root)) <= limit else { return false }
        var holdsStart = false
        var member = pieces.firstMember(ofRoot: root)
        while member >= 0 {
            if graph.outDegree(of: member) > 1 || graph.inDegree(of: member) > 1 { return false }
            if has(member, .start) { holdsStart = true }
            member = pieces.member(after: member, root: root)
        }
        return holdsStart
    }

    // MARK: Folding

    /// Folding: pieces of one step first, then larger ones below the lower bound, each in pathway order; a piece
    /// that is only a decision (with its ends) after the others, so that it joins what they became.
    ///
    /// - Complexity: O(k · (V + E)).
    mutating func fold(_ pathOrder: inout [Int32]) {
        // Pieces only grow, and a step that is not a root now never becomes one, so only the roots of pieces below
        // the lower bound now can be looked at below: counted first (by step number), so that the list is allocated
        // once, at its size.
        var candidates: [Int32] = []
        if lower > 1 {
            var count = 0
            for node in 0..<Int32(graph.nodeCount) where pieces.isRoot(node) && Int(pieces.size(node)) < lower {
                count += 1
            }
            candidates.reserveCapacity(count)
            for node in pathOrder where pieces.isRoot(node) && Int(pieces.size(node)) < lower {
                candidates.append(node)
            }
        }
        // From here on the order is needed only as each step's rank: it becomes the ranks in place (see `rank`),
        // and ``groups(_:)`` turns them back into the order.
        swap(&rank, &pathOrder)
        Self.invertPermutation(&rank)
        guard lower > 1 else { return }
        for decisionsOnly in [false, true] {
            for size in 1..<Int32(lower) {
                for node in candidates {
                    // A candidate that has joined another piece is no root any more, and is not looked at again.
                    guard pieces.isRoot(node), pieces.size(node) == size, isDecisionPiece(node) == decisionsOnly
                    else { continue }
                    var root = node
                    while Int(pieces.size(root)) < lower {
                        guard let neighbour = foldTarget(root) else { break }
                        let x = pieceStage?[Int(root)] ?? -1
                        let y = pieceStage?[Int(neighbour)] ?? -1
                        root = pieces.join(root, neighbour)
                        pieceStage?[Int(root)] = y >= 0 ? y : x
                    }
                }
            }
        }
    }

    /// Whether a piece of two or more steps holds every step of its stage: a stage the pathway's author named, so
    /// a phase of its own even when short; it folds across a stage boundary only into another piece below the lower
    /// bound (two short stages, "testing" and "interpreting", make one phase).
    ///
    /// - Complexity: O(size of the piece).
    private func isWholeStage(_ root: Int32) -> Bool {
        guard let stageOfStep, let stage = pieceStage?[Int(root)], stage >= 0, pieces.size(root) >= 2 else {
            return false
        }
        var count: Int32 = 0
        var member = pieces.firstMember(ofRoot: root)
        while member >= 0 {
            if stageOfStep[Int(member)] == stage { count += 1 }
            member = pieces.member(after: member, root: root)
        }
        return count == stageSizes[Int(stage)]
    }

    /// Whether a piece holds nothing but outcome decisions and end steps.
    private func isDecisionPiece(_ root: Int32) -> Bool {
        var member = pieces.firstMember(ofRoot: root)
        while member >= 0 {
            guard nodeFlags[Int(member)].contains(.splitter) || nodeFlags[Int(member)].contains(.end) else {
                return false
            }
            member = pieces.member(after: member, root: root)
        }
        return true
    }

    /// The cost, in ``foldTarget(_:)``, of folding across an outcome branch: above every ``PhaseBoundary`` (a stage is
    /// 4), so a piece folds across one only where nothing else joins it.
    private static let outcomeFoldCost: Int32 = 5

    /// The neighbour a small piece folds into, or `nil` when it has none or stands alone between decisions (every
    /// transition into it starts a branch of an outcome decision, or, for a piece of two steps or more, leaves the
    /// step that closes a block, and every transition out of it is such a branch too; or, of two steps or more, it
    /// is a branch of a parallel block that is no phase, or it ends at an outcome decision whose branches go their
    /// own ways into two pieces or more, which it would otherwise join only one of).
    ///
    /// Candidates are ordered by cost (the boundary crossed; 5 for a branch joining back into the decision that
    /// starts it, and for a decision joining one of its own branches unless the decision itself starts a branch;
    /// stage boundaries only for pieces of one or two steps), then loop-back transitions last, then neighbours the
    /// piece can join without passing twice the upper bound, then direction
    /// (forward for a piece holding a start or started by an outcome, backward otherwise), then the smaller
    /// neighbour, then pathway order. An outcome branch of two steps or more does not fold into the phase that begins
    /// where it meets another way (a yearly review, beside the gene therapy its way out leads into), nor does a way
    /// into the pathway (a baby diagnosed before six months, beside an adult diagnosed in infancy, both into the
    /// testing); such a way in does not fold into any step where another way meets it, a merge being a natural cut
    /// point (admitted with pancreatitis, beside found by a GP, both into the lipid clinic).
    ///
    /// - Complexity: O(edges of the piece's steps).
    private mutating func foldTarget(_ root: Int32) -> Int32? {
        let mayCrossStage = pieces.size(root) <= 2
        let wholeStage = mayCrossStage && isWholeStage(root) && !isDecisionPiece(root)
        var startedByOutcome = false
        var onlyOutcomesIn = true
        var onlyOutcomesOut = true
        var holdsStart = false
        var hasIn = false
        var hasOut = false
        // Every way in from a parallel split, every way out into a step that begins a phase.
        var onlyFromSplitIn = true
        var onlyBeginningOut = true
        // Outcome branches out of the piece into a step no other way enters: a way of their own.
        var ownBranches = 0
        var firstBranch: Int32 = -1
        // A piece of two steps or more (ends aside) that a block's closing step leads into stands after that block
        // as after a decision: the block is a phase complete where its branches meet.
        let afterBlockIsBranch = pieces.weight(root) >= 2
        var member = pieces.firstMember(ofRoot: root)
        while member >= 0 {
            if has(member, .start) { holdsStart = true }
            for slot in graph.predecessorSlots(of: member)
            where pieces.root(graph.predecessorSources[slot]) != root {
                hasIn = true
                if !has(graph.predecessorSources[slot], .parallel)
                    || !edgeFlags[Int(graph.predecessorEdges[slot])].contains(.beginsPhase)
                {
                    onlyFromSplitIn = false
                }
                if edgeFlags[Int(graph.predecessorEdges[slot])].contains(.outcome) {
                    startedByOutcome = true
                } else if !(afterBlockIsBranch && has(graph.predecessorSources[slot], .closesBlock)) {
                    onlyOutcomesIn = false
                }
            }
            for slot in graph.successorSlots(of: member)
            where pieces.root(graph.successorTargets[slot]) != root {
                hasOut = true
                if !edgeFlags[Int(graph.successorEdges[slot])].contains(.beginsPhase) { onlyBeginningOut = false }
                if !edgeFlags[Int(graph.successorEdges[slot])].contains(.outcome) {
                    onlyOutcomesOut = false
                } else if !has(graph.successorTargets[slot], .forwardInMany) {
                    // Counted once per piece they lie in: joined to one piece, the piece would join them all.
                    let branch = pieces.root(graph.successorTargets[slot])
                    if ownBranches == 0 {
                        firstBranch = branch
                        ownBranches = 1
                    } else if branch != firstBranch {
                        ownBranches = 2
                    }
                }
            }
            member = pieces.member(after: member, root: root)
        }
        if hasIn && hasOut && onlyOutcomesIn && onlyOutcomesOut { return nil }
        // A branch of a parallel block that is no phase, of two steps or more, stays whole.
        if hasIn && hasOut && pieces.weight(root) >= 2 && onlyFromSplitIn && onlyBeginningOut { return nil }
        let forwardFirst = holdsStart || startedByOutcome
        // An outcome branch or a way into the pathway, of two steps or more, is a phase of its own, also beside the
        // phase where it meets other ways.
        let branchApart = (startedByOutcome || holdsStart) && pieces.weight(root) >= 2
        let wayInApart = holdsStart && isWayIn(root)
        typealias Key = (Int32, Int32, Int32, Int32, Int32, Int32)
        var best: (key: Key, root: Int32)?
        member = pieces.firstMember(ofRoot: root)
        while member >= 0 {
            for slot in graph.predecessorSlots(of: member) {
                // An end the piece holds does not fold it into another way that stops there (see
                // ``endBridgesOutcome(_:_:)``).
                if has(member, .end) && endBridgesOutcome(pieces.root(graph.predecessorSources[slot]), root) {
                    continue
                }
                let edge = graph.predecessorEdges[slot]
                let flags = edgeFlags[Int(edge)]
                let cost = flags.contains(.outcome) ? Self.outcomeFoldCost : Int32(boundary(edge).rawValue)
                consider(
                    graph.predecessorSources[slot], root: root, flags: flags, cost: cost, isForward: false,
                    forwardFirst: forwardFirst, mayCrossStage: mayCrossStage, wholeStage: wholeStage,
                    branchApart: branchApart, wayInApart: wayInApart, best: &best)
            }
            for slot in graph.successorSlots(of: member) {
                let next = graph.successorTargets[slot]
                if has(next, .end) && endBridgesOutcome(root, pieces.root(next)) { continue }
                let edge = graph.successorEdges[slot]
                let flags = edgeFlags[Int(edge)]
                let cost =
                    flags.contains(.outcome) && !startedByOutcome
                    ? Self.outcomeFoldCost : Int32(boundary(edge).rawValue)
                consider(
                    graph.successorTargets[slot], root: root, flags: flags, cost: cost, isForward: true,
                    forwardFirst: forwardFirst, mayCrossStage: mayCrossStage, wholeStage: wholeStage,
                    branchApart: branchApart, wayInApart: wayInApart, best: &best)
            }
            member = pieces.member(after: member, root: root)
        }
        if let best, keepsOutcomeBranch(root, cost: best.key.0, startedByOutcome: startedByOutcome) { return nil }
        // A piece of two steps or more ending at an outcome decision whose branches go their own ways, into two pieces
        // or more, stays whole rather than join one of them (the offer of a prenatal test and the couple's choice):
        // the method publishes one sub-pathway per outcome, and the piece would take sides.
        if let best, best.key.0 == Self.outcomeFoldCost, !startedByOutcome, ownBranches >= 2, pieces.weight(root) >= 2 {
            return nil
        }
        return best?.root
    }

    /// Whether a piece started by an outcome branch, of two steps or more (ends aside), stays apart rather than
    /// fold back into a decision it is a branch of, when that is all it could join (the best candidate's `cost` is
    /// 5): joined to the decision, one sub-pathway would hold two outcomes, where the method publishes one per
    /// outcome (found / not found).
    private func keepsOutcomeBranch(_ root: Int32, cost: Int32, startedByOutcome: Bool) -> Bool {
        guard cost == Self.outcomeFoldCost && startedByOutcome else { return false }
        if pieces.weight(root) >= 2 { return true }
        // One outcome of a decision whose outcomes end apart (its step and its end), or an exception path (an error's
        // handler, alone where its end is already another piece's), stays a sub-pathway of its own.
        guard pieces.weight(root) == 1 else { return false }
        var member = pieces.firstMember(ofRoot: root)
        while member >= 0 {
            if has(member, .tail) { return true }
            member = pieces.member(after: member, root: root)
        }
        return false
    }

    /// One candidate of ``foldTarget(_:)``: kept in `best` when its key orders first.
    @inline(__always)
    private mutating func consider(
        _ other: Int32, root: Int32, flags: EdgeFlags, cost: Int32, isForward: Bool, forwardFirst: Bool,
        mayCrossStage: Bool, wholeStage: Bool, branchApart: Bool, wayInApart: Bool,
        best: inout (key: (Int32, Int32, Int32, Int32, Int32, Int32), root: Int32)?
    ) {
        let crossesStage = PhaseBoundary(rawValue: flags.intersection(.boundaryBits).rawValue) == .stage
        guard !crossesStage || mayCrossStage else { return }
        let otherRoot = pieces.root(other)
        guard otherRoot != root else { return }
        let otherSize = pieces.size(otherRoot)
        // A piece of two steps or more (ends aside) does not fold into the phase a parallel split begins, unless the
        // stages put both in one.
        if isForward && has(other, .opensBlock) && pieces.weight(root) >= 2 && !inOneStage(root, other) { return }
        // An outcome branch or a way in, of two steps or more, does not fold into the phase beginning where ways meet.
        if isForward && branchApart && flags.contains(.beginsPhase) && has(other, .forwardInMany) { return }
        // A way in of two steps or more does not fold into a step where another way meets it: a merge is a cut point.
        if isForward && wayInApart && has(other, .forwardInMany) { return }
        // A whole stage crosses into another only to make two short pieces one (ends do not count).
        guard !crossesStage || !wholeStage || Int(pieces.weight(otherRoot)) < lower else { return }
        let overflows = Int(otherSize + pieces.size(root)) > limit
        let key = (
            cost, flags.contains(.back) ? Int32(1) : 0, overflows ? Int32(1) : 0,
            isForward == forwardFirst ? Int32(0) : 1, otherSize, rank[Int(other)]
        )
        if let current = best, !(key < current.key) { return }
        best = (key, otherRoot)
    }

    // MARK: Groups

    /// The pieces as groups in pathway order (by their first step in it), each in pathway order: the steps of
    /// every group, group after group, with offsets, and the group of each step.
    ///
    /// Memory: the union first shrinks to the root of each step (a third of its size) before the ranks ``fold(_:)``
    /// left are turned back into the pathway order; the union is let go before the groups' steps are laid out. So
    /// no more than two arrays of a number per step are held beside the union's roots.
    ///
    /// - Parameter pathOrder: Empty, after ``fold(_:)``: the pathway order, on return.
    /// - Complexity: O(V).
    mutating func groups(_ pathOrder: inout [Int32]) -> (members: [Int32], offsets: [Int32], groupOfNode: [Int32]) {
        let n = graph.nodeCount
        pieces.compactToRoots()
        // The order again from the ranks, now that the union holds a third of what it did: scattered into an array
        // of its own, which is quicker than turning the ranks back in place (independent writes, where following
        // the permutation's cycles waits on one read at a time).
        pathOrder = [Int32](repeating: 0, count: n)
        pathOrder.withUnsafeMutableBufferPointer { order in
            for (node, position) in rank.enumerated() { order[Int(position)] = Int32(node) }
        }
        rank = []
        var groupOfNode = [Int32](repeating: -1, count: n)
        // The size of each group, one ahead (`offsets[g + 1]`); then where each group's next step goes.
        var offsets: [Int32] = [0]
        // A root's entry in the union becomes its group, as `-1 - group`, from the first of its steps in pathway
        // order on: each other step reads its root, then the root's group (a step that is not a root is never read
        // as one).
        for node in pathOrder {
            let root = pieces.compactedRoot(node)
            var group: Int32
            if root < 0 {
                group = -1 - root
            } else {
                let entry = pieces.compactedRoot(root)
                if entry < 0 {
                    group = -1 - entry
                } else {
                    group = Int32(offsets.count - 1)
                    offsets.append(0)
                    pieces.setCompactedRoot(root, -1 - group)
                }
            }
            groupOfNode[Int(node)] = group
            offsets[Int(group) + 1] += 1
        }
        pieces = PieceUnion(count: 0) { _ in true }
        pieceStage = nil
        for group in 1..<offsets.count { offsets[group] += offsets[group - 1] }
        // Laid out one ahead: `cursor[g + 1]` is where group `g`'s next step goes, so that, shifted back by one,
        // the cursors end as the offsets.
        offsets.insert(0, at: 0)
        var members = [Int32](repeating: 0, count: n)
        for node in pathOrder {
            let group = Int(groupOfNode[Int(node)]) + 1
            members[Int(offsets[group])] = node
            offsets[group] += 1
        }
        offsets.removeLast()
        return (members, offsets, groupOfNode)
    }

    /// Inverts a permutation of `0 ..< count` in place: afterwards `permutation[old[i]] == i`. Each cycle is
    /// followed once, entries written so far marked by their complement (no number is negative before).
    ///
    /// - Complexity: O(count), no memory.
    static func invertPermutation(_ permutation: inout [Int32]) {
        permutation.withUnsafeMutableBufferPointer { p in
            for start in 0..<p.count where p[start] >= 0 {
                var from = Int32(start)
                var to = p[start]
                while true {
                    let next = p[Int(to)]
                    p[Int(to)] = ~from
                    if to == Int32(start) { break }
                    from = to
                    to = next
                }
            }
            for index in 0..<p.count { p[index] = ~p[index] }
        }
    }
}
