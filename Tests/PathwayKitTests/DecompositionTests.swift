import TestSupport
import Testing

@testable import PathwayKit

/// Graphs and pathways for property tests.
enum Generated {
    /// A random graph; with `acyclic`, every edge goes from a lower to a higher node id.
    static func graph(nodes: Int, density: Double, seed: UInt64, acyclic: Bool = false) -> CompactGraph {
        var generator = SeededGenerator(seed: seed)
        var sources: [Int32] = []
        var targets: [Int32] = []
        for _ in 0..<Int(Double(nodes) * density) {
            var a = Int32.random(in: 0..<Int32(nodes), using: &generator)
            var b = Int32.random(in: 0..<Int32(nodes), using: &generator)
            if acyclic {
                if a == b { continue }
                if a > b { swap(&a, &b) }
            }
            sources.append(a)
            targets.append(b)
        }
        return CompactGraph(nodeCount: nodes, sources: sources, targets: targets)
    }

    /// A pathway over a graph: steps `n<i>` with kinds from degrees, transitions in edge order.
    static func pathway(_ graph: CompactGraph, id: PathwayID = "random") -> Pathway {
        let steps = (0..<Int32(graph.nodeCount)).map {
            Step(id: StepID("n\($0)"), kind: graph.inferredKind($0), stage: "stage \($0 / 4)")
        }
        var transitions: [Transition] = []
        for node in 0..<Int32(graph.nodeCount) {
            for next in graph.successors(of: node) {
                transitions.append(Transition(from: steps[Int(node)].id, to: steps[Int(next)].id))
            }
        }
        return Pathway(id: id, steps: steps, transitions: transitions)
    }
}

@Suite struct DecompositionTests {
    static let fixtures = ["linear", "diamond", "loop-back", "branching", "stages"]

    static func load(_ name: String) throws -> PathwayGraph {
        let pathway = try NativeFormat.pathway(
            from: SourceFile.text(at: Fixtures.path("pathways/\(name).yaml")), file: "\(name).yaml")
        return PathwayGraph(pathway)
    }

    @Test(
        "chains split at every start, end, decision and merge",
        arguments: [
            ("linear", [["referral", "triage", "clinic", "letter", "done"]]),
            ("diamond", [["start", "assess", "eligible"], ["test"], ["explain"], ["join", "review", "end"]]),
            ("loop-back", [["start"], ["sample", "send", "qc"], ["report", "end"]]),
            ("branching", [["referred", "consent", "test", "result"], ["positive"], ["negative"], ["discharge"]]),
        ])
    func chainsOfFixtures(fixture: String, expected: [[String]]) throws {
        let decomposition = try Self.load(fixture).decomposition(.chains)
        #expect(decomposition.subpathways.map { $0.steps.map(\.rawValue) } == expected)
        #expect(decomposition.subpathways.map(\.id) == expected.indices.map { "\(fixture)/\($0 + 1)" })
    }

    @Test("a decision's exits carry their conditions")
    func exitsCarryConditions() throws {
        let first = try #require(try Self.load("diamond").decomposition(.chains).subpathways.first)
        #expect(first.exits.map(\.condition) == ["eligible", "not eligible"])
        #expect(first.entries.isEmpty)
    }

    @Test("stages split where the stage changes; an unstaged step joins its only predecessor's stage")
    func stagesOfFixture() throws {
        let decomposition = try Self.load("stages").decomposition(.stages)
        #expect(
            decomposition.subpathways.map { $0.steps.map(\.rawValue) } == [
                ["identify", "consent", "request"], ["analyse"], ["result", "refer", "reassure"], ["done"],
            ])
        #expect(
            decomposition.subpathways.map(\.stages) == [
                ["requesting genomic testing"], ["laboratory analysis"], ["interpreting and feeding back results"], [],
            ])
        #expect(decomposition.subpathways[3].title.hasPrefix("unstaged"))
    }

    @Test("structure collapses a decision block into one phase of the linear pathway")
    func structureOfDiamond() throws {
        let fragments = try Self.load("diamond").decomposition(.structure).subpathways
        #expect(fragments.map(\.kind) == ["sequence", "block", "sequence"])
        #expect(
            fragments.map { $0.steps.map(\.rawValue) } == [
                ["start", "assess", "eligible"], ["test", "explain"], ["join", "review", "end"],
            ])
        #expect(Set(fragments[1].entries.map(\.from)) == ["eligible"])
        #expect(Set(fragments[1].exits.map(\.to)) == ["join"])
    }

    @Test("routes are counted once per pass through a loop and listed most likely first")
    func routesOfFixtures() throws {
        let loop = try Self.load("loop-back").decomposition(.routes)
        #expect(loop.routeCount == 1)
        #expect(
            loop.subpathways.map { $0.steps.map(\.rawValue) } == [["start", "sample", "send", "qc", "report", "end"]])
        let diamond = try Self.load("diamond").decomposition(.routes)
        #expect(diamond.routeCount == 2)
        #expect(diamond.subpathways.compactMap(\.probability).map { ($0 * 1000).rounded() } == [700, 300])
        #expect(diamond.subpathways[0].links.compactMap(\.condition) == ["eligible"])
    }

    @Test("sub-pathways outside 3 to 5 steps get a warning, not an error", arguments: fixtures)
    func sizeWarnings(fixture: String) throws {
        let decomposition = try Self.load(fixture).decomposition(.chains)
        let outside = decomposition.subpathways.filter { !(3...5).contains($0.steps.count) }
        #expect(decomposition.findings.count == outside.count)
        #expect(decomposition.findings.allSatisfy { $0.severity == .warning && $0.rule == "subpathway-size" })
    }

    // MARK: Properties on generated graphs

    @Test("every node is in exactly one chain, and chain links are exactly the non-branching links", arguments: 1...40)
    func chainsAreMaximalNonBranchingPaths(seed: UInt64) {
        let graph = Generated.graph(nodes: 60, density: Double(seed % 4) * 0.3 + 0.8, seed: seed)
        let chains = graph.chains()
        #expect(chains.nodes.sorted() == (0..<Int32(graph.nodeCount)).map { $0 })
        var position = [Int](repeating: -1, count: graph.nodeCount)
        for chain in 0..<chains.chainCount {
            let nodes = Array(chains.chain(chain))
            for (index, node) in nodes.enumerated() {
                position[Int(node)] = index
                #expect(chains.chainOfNode[Int(node)] == Int32(chain))
            }
            for (u, v) in zip(nodes, nodes.dropFirst()) {
                #expect(graph.successors(of: u).contains(v))
                #expect(graph.outDegree(of: u) == 1 && graph.inDegree(of: v) == 1)
            }
            if chains.isCyclic[chain], let first = nodes.first, let last = nodes.last {
                #expect(graph.successors(of: last).contains(first))
            }
        }
        // Maximality: every non-branching link joins consecutive nodes of one chain (or closes a cyclic chain).
        for u in 0..<Int32(graph.nodeCount) where graph.outDegree(of: u) == 1 {
            guard let v = graph.successors(of: u).first, v != u, graph.inDegree(of: v) == 1 else { continue }
            let chain = Int(chains.chainOfNode[Int(u)])
            #expect(chains.chainOfNode[Int(v)] == Int32(chain))
            let consecutive = position[Int(v)] == position[Int(u)] + 1
            let closing = chains.isCyclic[chain] && position[Int(v)] == 0
            #expect(consecutive || closing)
        }
    }

    @Test("chain boundaries are exactly the start, end, decision and merge steps", arguments: 1...15)
    func chainBoundariesAreBranchPoints(seed: UInt64) throws {
        let generator = PathwayGenerator(PathwayGenerator.Options(steps: 300, seed: seed))
        let graph = PathwayGraph(generator.pathway())
        let decomposition = graph.decomposition(.chains)
        var count = 0
        for subpathway in decomposition.subpathways {
            count += subpathway.steps.count
            for (index, id) in subpathway.steps.enumerated() {
                let kind = graph.step(try #require(graph.node(id))).kind
                let isFirst = index == 0
                let isLast = index == subpathway.steps.count - 1
                if kind == .start || kind == .merge { #expect(isFirst) }
                if kind == .end || kind == .decision { #expect(isLast) }
            }
            // A chain that ends in a plain step ends there because its successor is a merge or an end.
            if let last = subpathway.steps.last, let node = graph.node(last), graph.step(node).kind == .activity {
                let next = graph.graph.successors(of: node)
                #expect(next.count == 1)
                #expect(next.allSatisfy { graph.step($0).kind == .merge || graph.graph.inDegree(of: $0) > 1 })
            }
        }
        #expect(count == graph.graph.nodeCount)
    }

    @Test("stages put every step in exactly one sub-pathway of one effective stage", arguments: 1...10)
    func stagesPartition(seed: UInt64) {
        let graph = PathwayGraph(PathwayGenerator(PathwayGenerator.Options(steps: 500, seed: seed)).pathway())
        let subpathways = graph.decomposition(.stages).subpathways
        let all = subpathways.flatMap(\.steps)
        #expect(all.count == graph.graph.nodeCount)
        #expect(Set(all).count == all.count)
        #expect(subpathways.allSatisfy { $0.stages.count <= 1 })
    }

    /// Checks that a fragment tree covers every step once and that every block is single-entry single-exit (at the
    /// level of strongly connected components).
    static func checkStructure(_ graph: PathwayGraph) {
        let fragments = graph.decomposition(.structure).subpathways
        let components = graph.graph.stronglyConnectedComponents()
        func component(_ id: StepID) -> Int32 { graph.node(id).map { components.componentOfNode[Int($0)] } ?? -1 }
        let all = fragments.flatMap(\.allSteps)
        #expect(all.count == graph.graph.nodeCount)
        #expect(Set(all).count == all.count)
        var stack = fragments
        while let fragment = stack.popLast() {
            stack += fragment.children
            guard fragment.kind == "block" || fragment.kind == "loop" else { continue }
            // Single entry, single exit at the level of steps: every way in comes from one step, every way out
            // goes to one step (loops are split too, so components are not needed).
            #expect(Set(fragment.entries.map(\.from)).count <= 1, "\(fragment.id) entered from many steps")
            #expect(Set(fragment.exits.map(\.to)).count <= 1, "\(fragment.id) left to many steps")
            #expect(Set(fragment.entries.map { component($0.from) }).count <= 1)
            #expect(Set(fragment.exits.map { component($0.to) }).count <= 1)
            #expect(!fragment.allSteps.isEmpty)
        }
    }

    @Test("structure fragments are single-entry single-exit on random acyclic graphs", arguments: 1...30)
    func structureOnRandomDAGs(seed: UInt64) {
        Self.checkStructure(
            PathwayGraph(Generated.pathway(Generated.graph(nodes: 40, density: 1.3, seed: seed, acyclic: true))))
    }

    @Test("structure fragments are single-entry single-exit on generated pathways with loops", arguments: 1...15)
    func structureOnGeneratedPathways(seed: UInt64) {
        Self.checkStructure(PathwayGraph(PathwayGenerator(PathwayGenerator.Options(steps: 400, seed: seed)).pathway()))
    }

    @Test("structure fragments are single-entry single-exit on random graphs with loops", arguments: 1...40)
    func structureOnRandomGraphs(seed: UInt64) {
        Self.checkStructure(PathwayGraph(Generated.pathway(Generated.graph(nodes: 40, density: 1.2, seed: seed))))
    }

    @Test("structure splits a loop body: a decision inside a loop is a block nested in the loop")
    func structureSplitsLoopBodies() throws {
        // start → a → b → {c | d} → e → a (again) or → end.
        let names = ["start", "a", "b", "c", "d", "e", "end"]
        let steps = names.map { Step(id: StepID($0)) }
        let links = [
            ("start", "a"), ("a", "b"), ("b", "c"), ("b", "d"), ("c", "e"), ("d", "e"), ("e", "a"), ("e", "end"),
        ]
        let graph = PathwayGraph(
            Pathway(
                id: "nested", steps: steps,
                transitions: links.map { Transition(from: StepID($0.0), to: StepID($0.1)) }))
        let fragments = graph.decomposition(.structure).subpathways
        #expect(fragments.map(\.kind) == ["sequence", "loop", "sequence"])
        let loop = try #require(fragments.count == 3 ? fragments[1] : nil)
        #expect(loop.steps.map(\.rawValue) == ["a", "b", "e"])
        #expect(loop.children.map(\.kind) == ["block"])
        #expect(loop.children.first?.steps.map(\.rawValue) == ["c", "d"])
        #expect(loop.children.first?.title == "b … e")
        Self.checkStructure(graph)
    }

    /// Counts condensation paths from entry components to exit components by enumerating them.
    static func bruteForceRoutes(_ graph: CompactGraph, entries: [Int32], exits: [Int32]) -> Int {
        let components = graph.stronglyConnectedComponents()
        let condensed = graph.condensation(components)
        var isEntry = Set(entries.map { components.componentOfNode[Int($0)] })
        var isExit = Set(exits.map { components.componentOfNode[Int($0)] })
        for c in 0..<Int32(condensed.nodeCount) {
            if condensed.inDegree(of: c) == 0 { isEntry.insert(c) }
            if condensed.outDegree(of: c) == 0 { isExit.insert(c) }
        }
        var count = 0
        var stack = Array(isEntry)
        while let c = stack.popLast() {
            if isExit.contains(c) { count += 1 }
            stack += condensed.successors(of: c)
        }
        return count
    }

    @Test("route counts match brute-force enumeration", arguments: 1...40)
    func routeCountsMatchEnumeration(seed: UInt64) {
        let graph = Generated.graph(nodes: 16, density: 1.5, seed: seed, acyclic: seed % 2 == 0)
        #expect(graph.routeCount() == Double(Self.bruteForceRoutes(graph, entries: [], exits: [])))
        let pathwayGraph = PathwayGraph(Generated.pathway(graph))
        let (entries, exits) = pathwayGraph.routeTerminals()
        #expect(
            pathwayGraph.decomposition(.routes).routeCount
                == Double(Self.bruteForceRoutes(graph, entries: entries, exits: exits)))
    }

    @Test("the most likely routes match brute force on small acyclic graphs", arguments: 1...20)
    func likeliestRoutesMatchEnumeration(seed: UInt64) throws {
        let pathwayGraph = PathwayGraph(
            Generated.pathway(Generated.graph(nodes: 14, density: 1.6, seed: seed, acyclic: true)))
        // The pathway's own graph, whose edge numbers match the edge probabilities.
        let graph = pathwayGraph.graph
        let probabilities = pathwayGraph.edgeProbabilities()
        let (entries, exits) = pathwayGraph.routeTerminals()
        let isExit = Set(exits)
        var all: [Double] = []
        var stack: [(Int32, Double)] = entries.map { ($0, 1) }
        while let (node, p) = stack.popLast() {
            if isExit.contains(node) {
                all.append(p)
                continue
            }
            for slot in Int(graph.successorOffsets[Int(node)])..<Int(graph.successorOffsets[Int(node) + 1]) {
                stack.append((graph.successorTargets[slot], p * probabilities[Int(graph.successorEdges[slot])]))
            }
        }
        all.sort(by: >)
        let listed = pathwayGraph.decomposition(.routes, options: DecompositionOptions(maxRoutes: 5)).subpathways
        #expect(listed.count == min(5, all.count))
        for (route, expected) in zip(listed, all) {
            #expect(abs(try #require(route.probability) - expected) <= 1e-8 * expected)
            for (a, b) in zip(route.steps, route.steps.dropFirst()) {
                #expect(
                    graph.successors(of: try #require(pathwayGraph.node(a))).contains(
                        try #require(pathwayGraph.node(b))))
            }
        }
    }

    @Test("a chain of a million steps decomposes without overflowing the stack", .tags(.scale), .scaleTest)
    func millionStepChain() {
        // Closed into one big loop too, so Tarjan's stack is as deep as the graph.
        let graph = ScaleGraphs.loop
        let chains = graph.chains()
        #expect(chains.chainCount == 1)
        #expect(chains.isCyclic == [true])
        #expect(graph.stronglyConnectedComponents().componentCount == 1)
        let open = ScaleGraphs.chain
        #expect(open.chains().chainCount == 1)
        #expect(open.routeCount() == 1)
        let structure = open.fragmentStructure()
        #expect(structure.blockCount == 0)
    }

    @Test("strongly connected components of generated pathways agree with mutual reachability", arguments: 1...5)
    func componentsOfGeneratedPathways(seed: UInt64) {
        let graph = PathwayGenerator(PathwayGenerator.Options(steps: 60, seed: seed)).graph
        let components = graph.stronglyConnectedComponents()
        let reach = (0..<Int32(graph.nodeCount)).map { graph.reachable(from: [$0]) }
        for a in 0..<graph.nodeCount {
            for b in 0..<graph.nodeCount {
                #expect(
                    (components.componentOfNode[a] == components.componentOfNode[b]) == (reach[a][b] && reach[b][a]))
            }
        }
    }
}
