import PathwayKit

/// What every chart of one pathway looks up, built once from its ``PathwayKit/PathwayIndex``: the transitions in
/// the order they were written (those between steps are the index's, those naming a missing step kept aside), the
/// ones naming a missing step by the step they touch, and the main route, so that a sub-pathway's chart visits only
/// its own steps' transitions instead of the whole pathway's.
struct FlowchartIndex: Sendable {
    /// The pathway.
    let pathway: PathwayIndex
    /// For each transition between steps, its position among the written transitions; empty when every written
    /// transition is between steps (the position is then the transition's index).
    private let writtenPosition: [Int32]
    /// For each step, the transitions naming a missing step that start or end at it, as positions in
    /// ``PathwayKit/PathwayIndex/danglingTransitions``; empty for most pathways.
    private let danglingAt: [Int32: [Int]]
    /// The position of each step on the main route (`-1`: off it): from the first start step, always the most
    /// likely branch (the largest share, else the first written), until an end or a step already passed.
    let mainRoute: [Int32]

    /// Indexes a pathway's charts.
    ///
    /// - Complexity: O(V + E).
    init(_ pathway: PathwayIndex) {
        self.pathway = pathway
        var writtenPosition: [Int32] = []
        var danglingAt: [Int32: [Int]] = [:]
        if !pathway.danglingTransitions.isEmpty {
            writtenPosition.reserveCapacity(pathway.transitionCount)
            var dangling = pathway.danglingTransitions[...]
            var position = 0
            for _ in 0..<pathway.transitionCount {
                while let next = dangling.first, next.position == position {
                    dangling = dangling.dropFirst()
                    position += 1
                }
                writtenPosition.append(Int32(position))
                position += 1
            }
            for (slot, entry) in pathway.danglingTransitions.enumerated() {
                let from = pathway.step(named: entry.transition.from)
                let to = pathway.step(named: entry.transition.to)
                if let from { danglingAt[from.raw, default: []].append(slot) }
                if let to, to != from { danglingAt[to.raw, default: []].append(slot) }
            }
        }
        self.writtenPosition = writtenPosition
        self.danglingAt = danglingAt
        mainRoute = Self.mainRoute(pathway, danglingAt: danglingAt, writtenPosition: writtenPosition)
    }

    /// One written transition: between two steps (an index), or naming a missing step (kept as written).
    enum Written {
        case between(Index<Transition>)
        case dangling(Transition)
    }

    /// The position among the written transitions of a transition between steps.
    func position(of transition: Index<Transition>) -> Int {
        writtenPosition.isEmpty ? transition.position : Int(writtenPosition[transition.position])
    }

    /// Every transition, in written order.
    ///
    /// - Complexity: O(E).
    var written: [(position: Int, transition: Written)] {
        var result: [(position: Int, transition: Written)] = []
        result.reserveCapacity(pathway.transitionCount + pathway.danglingTransitions.count)
        var dangling = pathway.danglingTransitions[...]
        for transition in pathway.transitions {
            let position = self.position(of: transition)
            while let next = dangling.first, next.position < position {
                result.append((next.position, .dangling(next.transition)))
                dangling = dangling.dropFirst()
            }
            result.append((position, .between(transition)))
        }
        result += dangling.map { ($0.position, .dangling($0.transition)) }
        return result
    }

    /// The transitions touching any of `steps`, in written order and without repeats.
    ///
    /// - Complexity: O(k log k) for k transitions touching the steps.
    func transitions(touching steps: some Sequence<Index<Step>>) -> [(position: Int, transition: Written)] {
        var seen: Set<Int> = []
        var found: [(position: Int, transition: Written)] = []
        let graph = pathway.graph
        for step in steps {
            let node = step.position
            for slot in Int(graph.successorOffsets[node])..<Int(graph.successorOffsets[node + 1]) {
                let edge = Index<Transition>(raw: graph.successorEdges[slot])
                let position = self.position(of: edge)
                if seen.insert(position).inserted { found.append((position, .between(edge))) }
            }
            for slot in Int(graph.predecessorOffsets[node])..<Int(graph.predecessorOffsets[node + 1]) {
                let edge = Index<Transition>(raw: graph.predecessorEdges[slot])
                let position = self.position(of: edge)
                if seen.insert(position).inserted { found.append((position, .between(edge))) }
            }
            for slot in danglingAt[step.raw] ?? [] {
                let entry = pathway.danglingTransitions[slot]
                if seen.insert(entry.position).inserted { found.append((entry.position, .dangling(entry.transition))) }
            }
        }
        found.sort { $0.position < $1.position }
        return found
    }

    /// The transitions leaving a step, in written order.
    ///
    /// - Complexity: O(k log k) for the k transitions leaving it.
    func transitions(from step: Index<Step>) -> [(position: Int, transition: Written)] {
        let graph = pathway.graph
        let node = step.position
        var found: [(position: Int, transition: Written)] = []
        for slot in Int(graph.successorOffsets[node])..<Int(graph.successorOffsets[node + 1]) {
            let edge = Index<Transition>(raw: graph.successorEdges[slot])
            found.append((position(of: edge), .between(edge)))
        }
        if let slots = danglingAt[step.raw] {
            for slot in slots where pathway.danglingTransitions[slot].transition.from.rawValue == pathway.stepIDs[step]
            {
                let entry = pathway.danglingTransitions[slot]
                found.append((entry.position, .dangling(entry.transition)))
            }
            found.sort { $0.position < $1.position }
        }
        return found
    }

    /// The main route (see ``mainRoute``). The route may pass through a step the pathway lacks, by transitions
    /// naming it, as the pathway's written transitions lead.
    private static func mainRoute(
        _ pathway: PathwayIndex, danglingAt: [Int32: [Int]], writtenPosition: [Int32]
    ) -> [Int32] {
        var route = [Int32](repeating: -1, count: pathway.stepCount)
        guard pathway.stepCount > 0 else { return route }
        var missing: [String: Int32] = [:]
        var length: Int32 = 0
        enum Place {
            case step(Index<Step>)
            case missing(String)
        }
        let start = pathway.steps.first { pathway.kinds[$0] == .start } ?? Index(raw: 0)
        var current: Place? = .step(start)
        // Transitions naming a missing step, by the missing step they start from.
        var danglingFrom: [String: [Int]] = [:]
        for (slot, entry) in pathway.danglingTransitions.enumerated()
        where pathway.step(named: entry.transition.from) == nil {
            danglingFrom[entry.transition.from.rawValue, default: []].append(slot)
        }
        func isPassed(_ id: StepID) -> Bool {
            if let step = pathway.step(named: id) { return route[step.position] >= 0 }
            return missing[id.rawValue] != nil
        }
        while let place = current {
            // Candidates in written order: (share, target).
            var best: (share: Double?, target: Place)?
            func consider(share: Double?, target: Place, passed: Bool) {
                guard !passed else { return }
                if best == nil || (share ?? 0) > (best?.share ?? 0) { best = (share, target) }
            }
            switch place {
            case .step(let step):
                guard route[step.position] < 0 else {
                    current = nil
                    continue
                }
                route[step.position] = length
                length += 1
                let graph = pathway.graph
                let node = step.position
                var candidates: [(position: Int, share: Double?, target: Place, passed: Bool)] = []
                for slot in Int(graph.successorOffsets[node])..<Int(graph.successorOffsets[node + 1]) {
                    let edge = Index<Transition>(raw: graph.successorEdges[slot])
                    let target = Index<Step>(raw: graph.successorTargets[slot])
                    let position = writtenPosition.isEmpty ? edge.position : Int(writtenPosition[edge.position])
                    candidates.append((position, pathway.share(edge), .step(target), route[target.position] >= 0))
                }
                for slot in danglingAt[step.raw] ?? [] {
                    let entry = pathway.danglingTransitions[slot]
                    guard entry.transition.from.rawValue == pathway.stepIDs[step] else { continue }
                    let to = entry.transition.to
                    let target: Place = pathway.step(named: to).map { .step($0) } ?? .missing(to.rawValue)
                    candidates.append((entry.position, entry.transition.share, target, isPassed(to)))
                }
                if !danglingAt.isEmpty { candidates.sort { $0.position < $1.position } }
                for candidate in candidates {
                    consider(share: candidate.share, target: candidate.target, passed: candidate.passed)
                }
            case .missing(let id):
                guard missing[id] == nil else {
                    current = nil
                    continue
                }
                missing[id] = length
                length += 1
                for slot in danglingFrom[id] ?? [] {
                    let transition = pathway.danglingTransitions[slot].transition
                    let target: Place =
                        pathway.step(named: transition.to).map { .step($0) } ?? .missing(transition.to.rawValue)
                    consider(share: transition.share, target: target, passed: isPassed(transition.to))
                }
            }
            current = best?.target
        }
        return route
    }
}
