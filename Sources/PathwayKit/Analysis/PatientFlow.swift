/// The patient flow of one pathway: how many patients a year pass through each step, which of those figures rest
/// on an assumed even split, and how many patients pass through at least one step of a set.
///
/// The rule (also in the README, "Patients per year"):
/// - patients enter at every step with `patientsPerYear` (normally the starts);
/// - patients leaving a step split over its transitions by their shares; where some shares are missing, the rest
///   of 1 is split evenly between them (all missing: an even split); after a parallel step every branch carries
///   everyone;
/// - a loop (a strongly connected component) is passed once: everyone who enters it goes through each of its steps
///   once, and all of them leave by its exits, in proportion to the exits' shares.
///
/// Flow is pushed over the condensation (the loops, each taken as one step) in topological order, so it never
/// diverges. A figure is *estimated* when some patients reach it through a step whose split was assumed (a step
/// other than a parallel one with several outgoing transitions, one of which gives no share).
public struct PatientFlow: Sendable {
    /// The loop (strongly connected component) of each node. Components are numbered in reverse topological
    /// order: every exit goes to a lower number.
    let componentOfNode: [Int32]
    /// Patients per year through each component (through each of its steps).
    let through: [Double]
    /// Whether each component's figure rests on an assumed split.
    let estimatedComponent: [Bool]
    /// The exits of component `c` are `exitTarget[exitStart[c]..<exitEnd[c]]`, each carrying `exitShare` of the
    /// component's patients (1 after a parallel step).
    let exitStart: [Int32]
    let exitEnd: [Int32]
    let exitTarget: [Int32]
    let exitShare: [Double]
    /// Patients per year entering the pathway (the sum of its steps' `patientsPerYear`).
    public let entering: Double

    /// The flow of a pathway, or `nil` when no step gives `patientsPerYear`.
    ///
    /// - Complexity: O(V + E).
    public init?(_ graph: PathwayGraph) {
        let core = graph.graph
        let count = core.nodeCount
        let components = core.stronglyConnectedComponents()
        let componentCount = components.componentCount
        var inflow = [Double](repeating: 0, count: componentCount)
        var hasVolume = false
        var entering = 0.0
        let index = graph.index
        for node in 0..<count {
            if let volume = index.details[Index(node)]?.patientsPerYear {
                hasVolume = true
                entering += volume
                inflow[Int(components.componentOfNode[node])] += volume
            }
        }
        guard hasVolume else { return nil }

        // Each adjacency slot's share of its source's patients, and whether the source's split is assumed.
        let probability = graph.edgeProbabilities()
        var weight = [Double](repeating: 0, count: core.edgeCount)
        var assumesSplit = [Bool](repeating: false, count: count)
        for node in 0..<Int32(count) {
            let slots = Int(core.successorOffsets[Int(node)])..<Int(core.successorOffsets[Int(node) + 1])
            let isParallel = index.kinds[Index(raw: node)] == .parallel
            for slot in slots {
                weight[slot] = isParallel ? 1 : probability[Int(core.successorEdges[slot])]
                if !isParallel, slots.count > 1, index.share(Index(raw: core.successorEdges[slot])) == nil {
                    assumesSplit[Int(node)] = true
                }
            }
        }

        // Members of each component (counting sort).
        var memberStart = [Int](repeating: 0, count: componentCount + 1)
        for component in components.componentOfNode { memberStart[Int(component) + 1] += 1 }
        for index in 0..<componentCount { memberStart[index + 1] += memberStart[index] }
        var cursor = memberStart
        var members = [Int32](repeating: 0, count: count)
        for node in 0..<count {
            let component = Int(components.componentOfNode[node])
            members[cursor[component]] = Int32(node)
            cursor[component] += 1
        }

        var exitStart = [Int32](repeating: 0, count: componentCount)
        var exitEnd = [Int32](repeating: 0, count: componentCount)
        var exitTarget: [Int32] = []
        var exitShare: [Double] = []
        var estimated = [Bool](repeating: false, count: componentCount)
        var slots: [(slot: Int, target: Int32)] = []
        // Components are numbered in reverse topological order: the highest first.
        for component in stride(from: componentCount - 1, through: 0, by: -1) {
            slots.removeAll(keepingCapacity: true)
            var isLoop = memberStart[component + 1] - memberStart[component] > 1
            var total = 0.0
            var assumes = false
            for index in memberStart[component]..<memberStart[component + 1] {
                let node = members[index]
                if assumesSplit[Int(node)] { assumes = true }
                for slot in Int(core.successorOffsets[Int(node)])..<Int(core.successorOffsets[Int(node) + 1]) {
                    let target = components.componentOfNode[Int(core.successorTargets[slot])]
                    if Int(target) == component {
                        isLoop = true
                    } else {
                        slots.append((slot, target))
                        total += weight[slot]
                    }
                }
            }
            let isParallel = !isLoop && index.kinds[Index(raw: members[memberStart[component]])] == .parallel
            let flow = inflow[component]
            exitStart[component] = Int32(exitTarget.count)
            for exit in slots {
                let share = isParallel ? 1 : total > 0 ? weight[exit.slot] / total : 1 / Double(slots.count)
                exitTarget.append(exit.target)
                exitShare.append(share)
                inflow[Int(exit.target)] += flow * share
                if flow > 0, share > 0, assumes || estimated[component] { estimated[Int(exit.target)] = true }
            }
            exitEnd[component] = Int32(exitTarget.count)
        }
        componentOfNode = components.componentOfNode
        through = inflow
        estimatedComponent = estimated
        self.exitStart = exitStart
        self.exitEnd = exitEnd
        self.exitTarget = exitTarget
        self.exitShare = exitShare
        self.entering = entering
    }

    /// The exits of a component, as positions in ``exitTarget`` and ``exitShare``.
    func exits(of component: Int) -> Range<Int> { Int(exitStart[component])..<Int(exitEnd[component]) }

    /// Patients per year through each node.
    public var perNode: [Double] { componentOfNode.map { through[Int($0)] } }

    /// Patients per year through a node.
    public func patients(at node: Int32) -> Double { through[Int(componentOfNode[Int(node)])] }

    /// Whether the figure of a node rests on an assumed split.
    public func isEstimated(_ node: Int32) -> Bool { estimatedComponent[Int(componentOfNode[Int(node)])] }

    /// The expected number of patients a year who pass through at least one of the given nodes, and whether it
    /// rests on an assumed split (see ``patientsReaching(_:scratch:)``).
    ///
    /// - Complexity: Linear in the pathway at worst.
    public func patientsReaching(_ nodes: [Int32]) -> (patients: Double, estimated: Bool) {
        var scratch = Scratch()
        return patientsReaching(nodes, scratch: &scratch)
    }

    /// The expected number of patients a year who pass through at least one of the given nodes, and whether it
    /// rests on an assumed split.
    ///
    /// Patients are followed over the condensation in topological order from the first of the nodes' components
    /// to the last: `reached[c]` is how many of the patients through component `c` have passed through one of the
    /// nodes before it. A component holding one of the nodes adds the patients through it not yet reached, and
    /// everyone leaving it has been reached. After a parallel step every branch carries everyone, so a patient may
    /// meet the nodes on two branches; such patients would be counted twice, so the count is capped at the patients
    /// entering the pathway.
    ///
    /// - Parameters:
    ///   - nodes: Nodes of the pathway, in any order, repeats allowed.
    ///   - scratch: Working space, reused across calls on the same flow (left as found).
    /// - Complexity: O(k log k + C + X) for k nodes, where C and X are the components and exits between the first
    ///   and the last of the nodes' components in topological order: linear in the pathway at worst.
    func patientsReaching(_ nodes: some Sequence<Int32>, scratch: inout Scratch) -> (patients: Double, estimated: Bool)
    {
        if scratch.reached.count != through.count {
            scratch.reached = [Double](repeating: 0, count: through.count)
            scratch.isTarget = [Bool](repeating: false, count: through.count)
        }
        var low = Int.max
        var high = -1
        var estimated = false
        for node in nodes {
            let component = Int(componentOfNode[Int(node)])
            scratch.isTarget[component] = true
            low = min(low, component)
            high = max(high, component)
        }
        guard high >= 0 else { return (0, false) }
        var total = 0.0
        for component in stride(from: high, through: low, by: -1) {
            let before = scratch.reached[component]
            scratch.reached[component] = 0
            let leaving: Double
            if scratch.isTarget[component] {
                scratch.isTarget[component] = false
                let fresh = max(0, through[component] - before)
                total += fresh
                if fresh > 0, estimatedComponent[component] { estimated = true }
                leaving = through[component]
            } else {
                leaving = before
            }
            guard leaving > 0 else { continue }
            for exit in exits(of: component) where Int(exitTarget[exit]) >= low {
                scratch.reached[Int(exitTarget[exit])] += leaving * exitShare[exit]
            }
        }
        return (min(total, entering), estimated)
    }

    /// ``patientsReaching(_:scratch:)`` for many sets of nodes at once, each result what that function gives for
    /// its set, bit for bit.
    ///
    /// Sets are swept together, ``lanes`` at a time: each component's figures for the sets of a batch lie side by
    /// side, so the components and exits are read once per batch instead of once per set. A report with thousands
    /// of needs spanning a long pathway makes thousands of such sweeps; batched, they cost a few.
    ///
    /// - Parameter sets: Nodes of the pathway, each set in any order, repeats allowed.
    /// - Complexity: O(n + (C + X) · ⌈s / lanes⌉ · lanes) for n nodes in all and s sets, where C and X are the
    ///   components and exits between the first and last of a batch's components; memory O(C · lanes).
    func patientsReaching(sets: [[Int32]]) -> [(patients: Double, estimated: Bool)] {
        let lanes = Self.lanes
        var results: [(patients: Double, estimated: Bool)] = []
        results.reserveCapacity(sets.count)
        guard !sets.isEmpty else { return results }
        var reached = [Double](repeating: 0, count: through.count * lanes)
        var targets = [UInt16](repeating: 0, count: through.count)
        var total = [Double](repeating: 0, count: lanes)
        var estimated = [Bool](repeating: false, count: lanes)
        var leaving = [Double](repeating: 0, count: lanes)
        for first in stride(from: 0, to: sets.count, by: lanes) {
            let batch = sets[first..<min(first + lanes, sets.count)]
            var low = Int.max
            var high = -1
            for (lane, nodes) in batch.enumerated() {
                for node in nodes {
                    let component = Int(componentOfNode[Int(node)])
                    targets[component] |= 1 << UInt16(lane)
                    low = min(low, component)
                    high = max(high, component)
                }
            }
            for lane in 0..<lanes {
                total[lane] = 0
                estimated[lane] = false
            }
            if high >= 0 {
                for component in stride(from: high, through: low, by: -1) {
                    let mask = targets[component]
                    targets[component] = 0
                    let base = component * lanes
                    let flow = through[component]
                    var anyLeaving = false
                    for lane in 0..<lanes {
                        let before = reached[base + lane]
                        reached[base + lane] = 0
                        if mask & 1 << UInt16(lane) != 0 {
                            let fresh = max(0, flow - before)
                            total[lane] += fresh
                            if fresh > 0, estimatedComponent[component] { estimated[lane] = true }
                            leaving[lane] = flow
                        } else {
                            leaving[lane] = before
                        }
                        anyLeaving = anyLeaving || leaving[lane] > 0
                    }
                    guard anyLeaving else { continue }
                    for exit in exits(of: component) where Int(exitTarget[exit]) >= low {
                        let target = Int(exitTarget[exit]) * lanes
                        let share = exitShare[exit]
                        // A lane with nothing leaving adds 0, which changes nothing (the one-set sweep skips it).
                        for lane in 0..<lanes where leaving[lane] > 0 {
                            reached[target + lane] += leaving[lane] * share
                        }
                    }
                }
            }
            for lane in batch.indices.map({ $0 - first }) {
                results.append((min(total[lane], entering), estimated[lane]))
            }
        }
        return results
    }

    /// How many sets ``patientsReaching(sets:)`` sweeps together.
    static let lanes = 16

    /// Working space for ``patientsReaching(_:scratch:)``.
    struct Scratch {
        var reached: [Double] = []
        var isTarget: [Bool] = []
    }
}
