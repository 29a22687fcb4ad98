import TestSupport
import Testing

@testable import PathwayKit

@Suite struct ProgramStructureTreeTests {
    /// A random graph with a virtual start and end (start → nodes nothing enters, nodes that leave nothing → end,
    /// end → start), or `nil` if that is not strongly connected. Includes parallel edges and self-loops.
    static func augmentedGraph(nodes: Int, density: Double, seed: UInt64) -> CompactGraph? {
        var generator = SeededGenerator(seed: seed)
        var sources: [Int32] = []
        var targets: [Int32] = []
        for _ in 0..<Int(Double(nodes) * density) {
            sources.append(Int32.random(in: 0..<Int32(nodes), using: &generator))
            targets.append(Int32.random(in: 0..<Int32(nodes), using: &generator))
        }
        let start = Int32(nodes)
        let end = start + 1
        var hasIn = [Bool](repeating: false, count: nodes)
        var hasOut = [Bool](repeating: false, count: nodes)
        for (a, b) in zip(sources, targets) where a != b {
            hasOut[Int(a)] = true
            hasIn[Int(b)] = true
        }
        var extraSources: [Int32] = [start, Int32(nodes - 1)]
        var extraTargets: [Int32] = [0, end]
        for node in 0..<Int32(nodes) {
            if !hasIn[Int(node)] {
                extraSources.append(start)
                extraTargets.append(node)
            }
            if !hasOut[Int(node)] {
                extraSources.append(node)
                extraTargets.append(end)
            }
        }
        let graph = CompactGraph(
            nodeCount: nodes + 2, sources: sources + extraSources + [end], targets: targets + extraTargets + [start])
        return graph.stronglyConnectedComponents().componentCount == 1 ? graph : nil
    }

    /// Whether `kept` lies on no directed cycle once `removed` is taken out of the graph.
    static func isAcyclicEdge(_ graph: CompactGraph, _ kept: Int, without removed: Int, edges: [(Int32, Int32)]) -> Bool
    {
        let (from, to) = edges[kept]
        if from == to { return false }
        var sources: [Int32] = []
        var targets: [Int32] = []
        for (index, edge) in edges.enumerated() where index != removed {
            sources.append(edge.0)
            targets.append(edge.1)
        }
        let components = CompactGraph(nodeCount: graph.nodeCount, sources: sources, targets: targets)
            .stronglyConnectedComponents()
        return components.componentOfNode[Int(from)] != components.componentOfNode[Int(to)]
    }

    static func edgeList(_ graph: CompactGraph) -> [(Int32, Int32)] {
        var edges = [(Int32, Int32)](repeating: (0, 0), count: graph.edgeCount)
        for node in 0..<Int32(graph.nodeCount) {
            for slot in Int(graph.successorOffsets[Int(node)])..<Int(graph.successorOffsets[Int(node) + 1]) {
                edges[Int(graph.successorEdges[slot])] = (node, graph.successorTargets[slot])
            }
        }
        return edges
    }

    @Test("cycle equivalence matches brute force on small strongly connected graphs", arguments: 1...120)
    func cycleEquivalenceMatchesBruteForce(seed: UInt64) throws {
        let nodes = 3 + Int(seed % 9)
        let density = [0.8, 1.2, 1.6, 2.2][Int(seed % 4)]
        guard let graph = Self.augmentedGraph(nodes: nodes, density: density, seed: seed) else { return }
        let edges = Self.edgeList(graph)
        let classes = graph.cycleEquivalence(root: Int32(nodes)).classOfEdge
        for a in 0..<edges.count {
            for b in (a + 1)..<edges.count {
                let equivalent =
                    Self.isAcyclicEdge(graph, b, without: a, edges: edges)
                    && Self.isAcyclicEdge(graph, a, without: b, edges: edges)
                #expect((classes[a] == classes[b]) == equivalent, "seed \(seed): edges \(edges[a]) and \(edges[b])")
            }
        }
    }

    /// The whole nodes of each region (its own and its descendants').
    static func regionNodes(_ tree: ProgramStructureTree) -> [Set<Int32>] {
        var result = [Set<Int32>](repeating: [], count: tree.regionCount)
        for (node, region) in tree.regionOfNode.enumerated() {
            var current = region
            while current >= 0 {
                result[Int(current)].insert(Int32(node))
                current = tree.regionParent[Int(current)]
            }
        }
        return result
    }

    /// Checks that regions nest as a tree and that each region's whole nodes are entered from one node and left to
    /// one node.
    static func checkRegions(_ graph: CompactGraph, entries: [Int32] = [], exits: [Int32] = []) {
        let tree = graph.programStructureTree(entries: entries, exits: exits)
        #expect(tree.regionOfNode.count == graph.nodeCount)
        for region in 0..<tree.regionCount {
            // No parent cycles: the chain of parents is shorter than the number of regions.
            var steps = 0
            var current = Int32(region)
            while current >= 0 && steps <= tree.regionCount {
                current = tree.regionParent[Int(current)]
                steps += 1
            }
            #expect(current < 0)
        }
        for (region, members) in regionNodes(tree).enumerated() where !members.isEmpty {
            var entrySources = Set<Int32>()
            var exitTargets = Set<Int32>()
            for node in members {
                for next in graph.successors(of: node) where !members.contains(next) { exitTargets.insert(next) }
                for previous in graph.predecessors(of: node) where !members.contains(previous) {
                    entrySources.insert(previous)
                }
            }
            #expect(entrySources.count <= 1, "region \(region) entered from \(entrySources.sorted())")
            #expect(exitTargets.count <= 1, "region \(region) left to \(exitTargets.sorted())")
        }
    }

    @Test("program structure regions are single-entry single-exit on random graphs with loops", arguments: 1...60)
    func regionsOfRandomGraphs(seed: UInt64) {
        Self.checkRegions(Generated.graph(nodes: 30, density: 1.3, seed: seed))
    }

    @Test("program structure regions are single-entry single-exit on generated pathways", arguments: 1...15)
    func regionsOfGeneratedPathways(seed: UInt64) {
        let graph = PathwayGraph(PathwayGenerator(PathwayGenerator.Options(steps: 300, seed: seed)).pathway())
        Self.checkRegions(graph.graph, entries: graph.nodes(ofKind: .start), exits: graph.nodes(ofKind: .end))
    }

    @Test("on acyclic graphs every dominator block is a program structure region", arguments: 1...30)
    func blocksAreRegions(seed: UInt64) {
        let graph = Generated.graph(nodes: 40, density: 1.3, seed: seed, acyclic: true)
        let structure = graph.fragmentStructure()
        let regions = Set(Self.regionNodes(graph.programStructureTree()))
        // A block's nodes: those whose chain of blocks reaches it.
        var blockNodes = [Set<Int32>](repeating: [], count: structure.blockCount)
        for node in 0..<Int32(graph.nodeCount) {
            var block = structure.blockOfNode[Int(structure.components.componentOfNode[Int(node)])]
            while block >= 0 {
                blockNodes[Int(block)].insert(node)
                block = structure.blockParent[Int(block)]
            }
        }
        // A block spanning every node is the top level, which is not a region of its own.
        for members in blockNodes where members.count < graph.nodeCount {
            #expect(regions.contains(members), "block \(members.sorted())")
        }
    }

    @Test("a loop body splits into regions")
    func loopBodySplits() {
        // 0 → 1 → {2 | 3} → 4 → 1 (loop back), 4 → 5.
        let graph = CompactGraph(
            nodeCount: 6, sources: [0, 1, 1, 2, 3, 4, 4], targets: [1, 2, 3, 4, 4, 1, 5])
        let regions = Self.regionNodes(graph.programStructureTree())
        #expect(regions.contains([2, 3]))
        #expect(regions.contains([1, 2, 3, 4]))
    }

    @Test("the program structure tree is deterministic", arguments: 1...5)
    func deterministic(seed: UInt64) {
        let graph = Generated.graph(nodes: 200, density: 1.4, seed: seed)
        #expect(graph.programStructureTree() == graph.programStructureTree())
        #expect(graph.cycleEquivalence(root: 0) == graph.cycleEquivalence(root: 0))
    }

    @Test(
        "a chain and a loop of a million steps build a structure tree without overflowing the stack", .tags(.scale),
        .scaleTest)
    func millionSteps() {
        let count = ScaleGraphs.stepCount
        let open = ScaleGraphs.chain.programStructureTree()
        #expect(open.regionOfNode.count == count)
        let closed = ScaleGraphs.loop.programStructureTree()
        #expect(closed.regionOfNode.count == count)
    }
}
