import Foundation

extension CompactGraph {
    /// The number of patient routes from an entry to an exit, counted without listing them.
    ///
    /// Counting rule: a route is a path in the condensation, so each loop (strongly connected component) counts as
    /// one pass whatever the number of times round it; routes that enter or leave a component by different
    /// transitions are different routes (parallel transitions count separately). Entries are the components
    /// nothing enters plus those holding an `entries` node; exits are the components nothing leaves plus those
    /// holding an `exits` node (a route may end at such a component or go on through it).
    ///
    /// - Parameters:
    ///   - entries: Extra entry nodes (start steps).
    ///   - exits: Extra exit nodes (end steps).
    ///   - components: The components, if already computed.
    /// - Returns: The count as a `Double` (it can be astronomically large; `infinity` beyond about 1.8 × 10^308).
    /// - Complexity: O(V + E): dynamic programming over the condensation in topological order.
    public func routeCount(
        entries: [Int32] = [], exits: [Int32] = [], components: StronglyConnectedComponents? = nil
    ) -> Double {
        let components = components ?? stronglyConnectedComponents()
        let (offsets, members) = components.flatMembers()
        let count = components.componentCount
        var hasIn = [Bool](repeating: false, count: count)
        var hasOut = [Bool](repeating: false, count: count)
        var isEntry = [Bool](repeating: false, count: count)
        var isExit = [Bool](repeating: false, count: count)
        for node in entries { isEntry[Int(components.componentOfNode[Int(node)])] = true }
        for node in exits { isExit[Int(components.componentOfNode[Int(node)])] = true }
        for node in 0..<nodeCount {
            let from = components.componentOfNode[node]
            for next in successors(of: Int32(node)) where components.componentOfNode[Int(next)] != from {
                hasOut[Int(from)] = true
                hasIn[Int(components.componentOfNode[Int(next)])] = true
            }
        }
        var ways = [Double](repeating: 0, count: count)
        var total = 0.0
        // Descending component numbers are a topological order (Tarjan's numbering).
        for component in stride(from: count - 1, through: 0, by: -1) {
            if !hasIn[component] || isEntry[component] { ways[component] += 1 }
            let here = ways[component]
            if !hasOut[component] || isExit[component] { total += here }
            for member in members[Int(offsets[component])..<Int(offsets[component + 1])] {
                for next in successors(of: member) {
                    let target = Int(components.componentOfNode[Int(next)])
                    if target != component { ways[target] += here }
                }
            }
        }
        return total
    }
}

extension PathwayGraph {
    /// The probability of each edge: its transition's share where given; otherwise the share left over by the
    /// given ones, split evenly among the transitions without one (so `1 / out-degree` when none is given). Route
    /// ranking and patient flow share this rule.
    ///
    /// - Complexity: O(V + E).
    func edgeProbabilities() -> [Double] {
        var probability = [Double](repeating: 0, count: graph.edgeCount)
        for node in 0..<graph.nodeCount {
            let slots = Int(graph.successorOffsets[node])..<Int(graph.successorOffsets[node + 1])
            var known = 0.0
            var unknown = 0
            for slot in slots {
                if let share = transition(graph.successorEdges[slot]).share { known += share } else { unknown += 1 }
            }
            let rest = unknown > 0 ? max(0, 1 - known) / Double(unknown) : 0
            for slot in slots {
                let edge = Int(graph.successorEdges[slot])
                probability[edge] = transition(Int32(edge)).share ?? rest
            }
        }
        return probability
    }

    /// Where routes begin (start steps, and steps nothing leads to) and end (end steps, and steps that lead
    /// nowhere).
    func routeTerminals() -> (entries: [Int32], exits: [Int32]) {
        var entries: [Int32] = []
        var exits: [Int32] = []
        for node in 0..<Int32(graph.nodeCount) {
            let kind = index.kinds[Index(raw: node)]
            if kind == .start || graph.inDegree(of: node) == 0 { entries.append(node) }
            if kind == .end || graph.outDegree(of: node) == 0 { exits.append(node) }
        }
        return (entries, exits)
    }

    /// The `routes` decomposition: the number of routes (see ``CompactGraph/routeCount(entries:exits:components:)``)
    /// and the most likely routes, each a linear sequence of steps from an entry to an exit.
    ///
    /// A route's probability is the product of the probabilities of its transitions (``edgeProbabilities()``);
    /// every entry counts as probability 1. Routes are listed by best-first (A*) search over simple paths (no step
    /// twice), guided by the best completion from each step (Dijkstra backwards from the exits on -log p), an upper
    /// bound that ignores the steps already used, so they come out exactly in order of decreasing probability
    /// (among equals, the most recently found first). A route stops at the first end step
    /// or step with no way out. Transitions with probability 0 are not followed. The search stops after
    /// `limit` routes or 4 million expansions, whichever comes first.
    ///
    /// - Parameter limit: How many routes to list.
    /// - Returns: The count and the routes.
    /// - Complexity: O(V + E) for the count, O(E log V) for the bound, plus O(X log X) for X expansions of the
    ///   search (about `limit` × route length × out-degree when the bound is tight); the "no step twice" check is
    ///   O(1) per expansion that goes one step deeper (see ``routeSearch(limit:)``), so a loop of L steps costs O(L),
    ///   not O(L²).
    func routes(limit: Int) -> (count: Double, routes: [Subpathway]) {
        let search = routeSearch(limit: limit)
        return (search.count, search.routes)
    }

    /// ``routes(limit:)``, with how many times the search moved a step onto or off the path it keeps marked (the
    /// work of the "no step twice" check; tests bound it).
    ///
    /// The steps of the partial route being expanded are kept marked; going from one expanded partial route to the
    /// next unmarks and marks only the steps between them in the search tree (one step when the search goes deeper,
    /// as it does along the best route), so checking that a route does not come round to a step again costs O(1)
    /// instead of a walk back through the loop.
    func routeSearch(limit: Int) -> (count: Double, routes: [Subpathway], pathMoves: Int) {
        let (entries, exits) = routeTerminals()
        let components = graph.stronglyConnectedComponents()
        let count = graph.routeCount(entries: entries, exits: exits, components: components)
        guard limit > 0 else { return (count, [], 0) }
        let probability = edgeProbabilities()
        var isExit = [Bool](repeating: false, count: graph.nodeCount)
        for node in exits { isExit[Int(node)] = true }
        let cyclic = components.isCyclic(in: graph)
        // The best log-probability of finishing from each node (0 at an exit): Dijkstra backwards from the exits
        // with weights -log p >= 0. It ignores which steps a partial route has already used, so it never
        // underestimates, and it is exact wherever that does not matter.
        var bound = [Double](repeating: -.infinity, count: graph.nodeCount)
        var settled = [Bool](repeating: false, count: graph.nodeCount)
        var frontier = RouteHeap()
        for node in exits {
            bound[Int(node)] = 0
            frontier.push(priority: 0, entry: node)
        }
        while let node = frontier.pop() {
            guard !settled[Int(node)] else { continue }
            settled[Int(node)] = true
            for slot in graph.predecessorSlots(of: node) {
                let previous = graph.predecessorSources[slot]
                // Routes stop at exits, so nothing is reached through one.
                guard !settled[Int(previous)], !isExit[Int(previous)] else { continue }
                let candidate = log(probability[Int(graph.predecessorEdges[slot])]) + bound[Int(node)]
                if candidate > bound[Int(previous)] {
                    bound[Int(previous)] = candidate
                    frontier.push(priority: candidate, entry: previous)
                }
            }
        }
        func heuristic(_ node: Int32) -> Double { bound[Int(node)] }

        // The search tree: each entry is a partial route (node, parent entry, edge taken, log-probability).
        var nodeOf: [Int32] = []
        var parentOf: [Int32] = []
        var edgeOf: [Int32] = []
        var score: [Double] = []
        var heap = RouteHeap()
        // Priorities are slacks: how far below the best possible route a partial route's best completion is, summed
        // edge by edge as reduced costs h(u) - (log p + h(v)) >= 0. Along the edges Dijkstra chose, the reduced cost
        // is exactly 0 (the same floating-point sum), so the best routes keep slack 0 with no rounding drift; ties
        // go to the newest (deepest) partial route, so among equals the search runs depth first.
        var slack: [Double] = []
        var depthOf: [Int32] = []
        func push(node: Int32, parent: Int32, edge: Int32, logProbability: Double, slack added: Double) {
            guard heuristic(node) > -.infinity else { return }
            let total = (parent >= 0 ? slack[Int(parent)] : 0) + added
            nodeOf.append(node)
            parentOf.append(parent)
            depthOf.append(parent >= 0 ? depthOf[Int(parent)] + 1 : 0)
            edgeOf.append(edge)
            score.append(logProbability)
            slack.append(total)
            heap.push(priority: -total, entry: Int32(nodeOf.count - 1))
        }
        let best = entries.map(heuristic).max() ?? 0
        for node in entries {
            push(node: node, parent: -1, edge: -1, logProbability: 0, slack: best - heuristic(node))
        }
        // The steps on the path of the partial route last expanded (`marked`), kept up to date move by move.
        var onPath = [Bool](repeating: false, count: graph.nodeCount)
        var marked: Int32 = -1
        var pathMoves = 0
        var toMark: [Int32] = []
        func depth(_ entry: Int32) -> Int32 { entry < 0 ? -1 : depthOf[Int(entry)] }
        func markPath(of entry: Int32) {
            var from = marked
            var to = entry
            toMark.removeAll(keepingCapacity: true)
            while depth(from) > depth(to) {
                onPath[Int(nodeOf[Int(from)])] = false
                from = parentOf[Int(from)]
                pathMoves += 1
            }
            while depth(to) > depth(from) {
                toMark.append(nodeOf[Int(to)])
                to = parentOf[Int(to)]
                pathMoves += 1
            }
            while from != to {
                onPath[Int(nodeOf[Int(from)])] = false
                from = parentOf[Int(from)]
                toMark.append(nodeOf[Int(to)])
                to = parentOf[Int(to)]
                pathMoves += 2
            }
            for node in toMark { onPath[Int(node)] = true }
            marked = entry
        }
        var routes: [Subpathway] = []
        var expansions = 0
        while routes.count < limit, expansions < 4_000_000, let entry = heap.pop() {
            expansions += 1
            let node = nodeOf[Int(entry)]
            if isExit[Int(node)] {
                var nodes: [Int32] = []
                var edges: [Int32] = []
                var cursor = entry
                while cursor >= 0 {
                    nodes.append(nodeOf[Int(cursor)])
                    if edgeOf[Int(cursor)] >= 0 { edges.append(edgeOf[Int(cursor)]) }
                    cursor = parentOf[Int(cursor)]
                }
                var route = subpathway(number: routes.count + 1, nodes: nodes.reversed())
                route.probability = exp(score[Int(entry)])
                route.links = edges.reversed().map { link($0) }
                routes.append(route)
                continue
            }
            let component = components.componentOfNode[Int(node)]
            if cyclic[Int(component)] { markPath(of: entry) }
            for slot in graph.successorSlots(of: node) {
                let next = graph.successorTargets[slot]
                let edge = graph.successorEdges[slot]
                guard probability[Int(edge)] > 0 else { continue }
                // A step can only come round again inside its own loop (a route never re-enters a component).
                if cyclic[Int(component)] && components.componentOfNode[Int(next)] == component && onPath[Int(next)] {
                    continue
                }
                let logEdge = log(probability[Int(edge)])
                push(
                    node: next, parent: entry, edge: edge, logProbability: score[Int(entry)] + logEdge,
                    slack: heuristic(node) - (logEdge + heuristic(next)))
            }
        }
        return (count, routes, pathMoves)
    }
}

/// A binary max-heap of search entries by priority, ties to the later entry (depth first among equals), so the
/// search is deterministic.
struct RouteHeap {
    private var priorities: [Double] = []
    private var entries: [Int32] = []

    private func isBefore(_ a: Int, _ b: Int) -> Bool {
        priorities[a] > priorities[b] || (priorities[a] == priorities[b] && entries[a] > entries[b])
    }

    /// Adds an entry. O(log n).
    mutating func push(priority: Double, entry: Int32) {
        priorities.append(priority)
        entries.append(entry)
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard isBefore(child, parent) else { break }
            priorities.swapAt(child, parent)
            entries.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes the entry with the highest priority. O(log n).
    mutating func pop() -> Int32? {
        guard let top = entries.first else { return nil }
        priorities.swapAt(0, priorities.count - 1)
        entries.swapAt(0, entries.count - 1)
        priorities.removeLast()
        entries.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var best = parent
            if left < entries.count && isBefore(left, best) { best = left }
            if right < entries.count && isBefore(right, best) { best = right }
            guard best != parent else { break }
            priorities.swapAt(parent, best)
            entries.swapAt(parent, best)
            parent = best
        }
        return top
    }
}
