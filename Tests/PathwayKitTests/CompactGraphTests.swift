import TestSupport
import Testing

@testable import PathwayKit

@Suite struct CompactGraphTests {
    /// A random graph with `nodes` nodes and about `density × nodes` edges.
    static func randomGraph(nodes: Int, density: Double, seed: UInt64) -> CompactGraph {
        var generator = SeededGenerator(seed: seed)
        var sources: [Int32] = []
        var targets: [Int32] = []
        for _ in 0..<Int(Double(nodes) * density) {
            sources.append(Int32.random(in: 0..<Int32(nodes), using: &generator))
            targets.append(Int32.random(in: 0..<Int32(nodes), using: &generator))
        }
        return CompactGraph(nodeCount: nodes, sources: sources, targets: targets)
    }

    @Test("adjacency keeps input order in both directions")
    func adjacency() {
        let graph = CompactGraph(nodeCount: 4, sources: [0, 2, 0, 1, 3], targets: [1, 3, 2, 3, 0])
        #expect(Array(graph.successors(of: 0)) == [1, 2])
        #expect(Array(graph.predecessors(of: 3)) == [2, 1])
        #expect(graph.outDegree(of: 3) == 1)
        #expect(graph.inDegree(of: 0) == 1)
        #expect(graph.edgeCount == 5)
    }

    @Test("strongly connected components agree with mutual reachability", arguments: 1...25)
    func componentsMatchReachability(seed: UInt64) {
        let graph = Self.randomGraph(nodes: 30, density: 1.4, seed: seed)
        let components = graph.stronglyConnectedComponents()
        let reach = (0..<Int32(graph.nodeCount)).map { graph.reachable(from: [$0]) }
        for a in 0..<graph.nodeCount {
            for b in 0..<graph.nodeCount {
                let same = components.componentOfNode[a] == components.componentOfNode[b]
                #expect(same == (reach[a][b] && reach[b][a]))
            }
        }
        // Components are numbered in reverse topological order: edges never go to a higher number.
        for node in 0..<Int32(graph.nodeCount) {
            for next in graph.successors(of: node) {
                #expect(components.componentOfNode[Int(node)] >= components.componentOfNode[Int(next)])
            }
        }
        #expect(graph.condensation(components).isAcyclic)
    }

    @Test("components are numbered in the order Tarjan's algorithm completes them", arguments: 1...40)
    func componentsInTarjanOrder(seed: UInt64) {
        // Many orders downstream (routes, structure, pathway order) follow the numbering, so it must not change
        // with the algorithm that finds the components.
        let graph = Self.randomGraph(nodes: 40, density: Double(seed % 4) * 0.5 + 0.5, seed: seed)
        let components = graph.stronglyConnectedComponents()
        let reference = Self.tarjan(graph)
        #expect(components.componentOfNode == reference.componentOfNode)
        #expect(components.componentCount == reference.count)
    }

    /// Tarjan's algorithm as written in the textbook (recursive; small graphs only), numbering components from 0 as
    /// they complete.
    static func tarjan(_ graph: CompactGraph) -> (componentOfNode: [Int32], count: Int) {
        var index = [Int32](repeating: -1, count: graph.nodeCount)
        var lowLink = [Int32](repeating: 0, count: graph.nodeCount)
        var onStack = [Bool](repeating: false, count: graph.nodeCount)
        var component = [Int32](repeating: -1, count: graph.nodeCount)
        var stack: [Int32] = []
        var next: Int32 = 0
        var count: Int32 = 0
        func visit(_ node: Int32) {
            index[Int(node)] = next
            lowLink[Int(node)] = next
            next += 1
            stack.append(node)
            onStack[Int(node)] = true
            for successor in graph.successors(of: node) {
                if index[Int(successor)] < 0 {
                    visit(successor)
                    lowLink[Int(node)] = min(lowLink[Int(node)], lowLink[Int(successor)])
                } else if onStack[Int(successor)] {
                    lowLink[Int(node)] = min(lowLink[Int(node)], index[Int(successor)])
                }
            }
            guard lowLink[Int(node)] == index[Int(node)] else { return }
            while let member = stack.popLast() {
                onStack[Int(member)] = false
                component[Int(member)] = count
                if member == node { break }
            }
            count += 1
        }
        for node in 0..<Int32(graph.nodeCount) where index[Int(node)] < 0 { visit(node) }
        return (component, Int(count))
    }

    @Test("a graph large enough to build its two directions on two threads has the rows of a plain grouping")
    func rowsOfALargeGraph() {
        var generator = SplitMix64(seed: 7)
        let nodeCount = 30_000
        let edgeCount = CompactGraph.parallelRowsThreshold + 12_345
        let sources = (0..<edgeCount).map { _ in Int32.random(in: 0..<Int32(nodeCount), using: &generator) }
        let targets = (0..<edgeCount).map { _ in Int32.random(in: 0..<Int32(nodeCount), using: &generator) }
        let graph = CompactGraph(nodeCount: nodeCount, sources: sources, targets: targets)
        var out = [[Int32]](repeating: [], count: nodeCount)
        var into = [[Int32]](repeating: [], count: nodeCount)
        for edge in 0..<edgeCount {
            out[Int(sources[edge])].append(Int32(edge))
            into[Int(targets[edge])].append(Int32(edge))
        }
        #expect(graph.edgeCount == edgeCount)
        var mismatches = 0
        for node in 0..<nodeCount {
            let outSlots = Int(graph.successorOffsets[node])..<Int(graph.successorOffsets[node + 1])
            let inSlots = Int(graph.predecessorOffsets[node])..<Int(graph.predecessorOffsets[node + 1])
            if Array(graph.successorEdges[outSlots]) != out[node]
                || Array(graph.successorTargets[outSlots]) != out[node].map({ targets[Int($0)] })
                || Array(graph.predecessorEdges[inSlots]) != into[node]
                || Array(graph.predecessorSources[inSlots]) != into[node].map({ sources[Int($0)] })
            {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
        #expect(graph.successorOffsets.last == Int32(edgeCount) && graph.predecessorOffsets.last == Int32(edgeCount))
    }

    @Test("a chain of a million steps needs no deep recursion", .tags(.scale), .scaleTest)
    func longChain() {
        let count = ScaleGraphs.stepCount
        let graph = ScaleGraphs.chain
        let components = graph.stronglyConnectedComponents()
        #expect(components.componentCount == count)
        #expect(graph.reachable(from: [0]).allSatisfy { $0 })
        #expect(graph.reachable(from: [Int32(count - 1)], direction: .backward).allSatisfy { $0 })
        #expect(graph.topologicalOrder()?.first == 0)
    }

    @Test("topological order exists exactly when there is no cycle")
    func topologicalOrder() throws {
        let dag = CompactGraph(nodeCount: 4, sources: [0, 0, 1, 2], targets: [1, 2, 3, 3])
        let order = try #require(dag.topologicalOrder())
        #expect(order == [0, 1, 2, 3])
        let cyclic = CompactGraph(nodeCount: 3, sources: [0, 1, 2], targets: [1, 2, 1])
        #expect(cyclic.topologicalOrder() == nil)
        #expect(!cyclic.isAcyclic)
    }
}
