import Foundation
import TestSupport
import Testing

@testable import PathwayKit

/// Large graphs find their chains (``CompactGraph/chains(isCutBefore:isCutAfter:isSplit:)``) and infer their steps'
/// kinds (``PathwayIndex/Builder/inferKinds(isSplit:)``) over each half of the node ids on a thread of its own; these
/// tests check that the halves give what one pass gives, and what the definition says.
@Suite struct ChainsOnTwoThreadsTests {
    /// The chains as the definition gives them, one node at a time: a link `u → v` joins when it is `u`'s only way
    /// out and `v`'s only way in (`u ≠ v`) and no kind cuts it; paths from their heads in id order, then the cycles
    /// left from their lowest id.
    static func definedChains(_ graph: CompactGraph, kinds: [StepKind]) -> (parts: [[Int32]], cyclic: [Bool]) {
        let count = graph.nodeCount
        var next = [Int32](repeating: -1, count: count)
        var hasPrevious = [Bool](repeating: false, count: count)
        for node in 0..<Int32(count) where graph.outDegree(of: node) == 1 {
            let target = graph.successors(of: node).first!
            if target != node, graph.inDegree(of: target) == 1, !kinds[Int(node)].endsChain,
                !kinds[Int(target)].beginsChain
            {
                next[Int(node)] = target
                hasPrevious[Int(target)] = true
            }
        }
        var seen = [Bool](repeating: false, count: count)
        var parts: [[Int32]] = []
        var cyclic: [Bool] = []
        for pass in 0..<2 {
            for head in 0..<count where !seen[head] && (pass == 1 || !hasPrevious[head]) {
                var part: [Int32] = []
                var node = Int32(head)
                while node >= 0 && !seen[Int(node)] {
                    seen[Int(node)] = true
                    part.append(node)
                    node = next[Int(node)]
                }
                parts.append(part)
                cyclic.append(pass == 1)
            }
        }
        return (parts, cyclic)
    }

    /// A graph of runs, branches and merges, with kinds that cut some runs, and two loops of plain steps with no way
    /// in or out (one across the middle id).
    static func mixedGraph(nodes: Int, seed: UInt64) -> (graph: CompactGraph, kinds: [StepKind]) {
        var generator = SplitMix64(seed: seed)
        let loops = [nodes / 2 - 3, nodes / 5].map { $0..<($0 + 5) }
        func isInLoop(_ node: Int) -> Bool { loops.contains { $0.contains(node) } }
        var sources: [Int32] = []
        var targets: [Int32] = []
        for node in 0..<(nodes - 1) where !isInLoop(node) && !isInLoop(node + 1) {
            let branch = Int.random(in: 0..<nodes, using: &generator)
            switch Int.random(in: 0..<10, using: &generator) {
            case 0: break  // a break in the run
            case 1 where !isInLoop(branch):  // a branch as well
                sources += [Int32(node), Int32(node)]
                targets += [Int32(node + 1), Int32(branch)]
            default:
                sources.append(Int32(node))
                targets.append(Int32(node + 1))
            }
        }
        for loop in loops {
            for node in loop {
                sources.append(Int32(node))
                targets.append(Int32(node + 1 == loop.upperBound ? loop.lowerBound : node + 1))
            }
        }
        let kinds = (0..<nodes).map { node -> StepKind in
            Int.random(in: 0..<8, using: &generator) == 0 && !isInLoop(node)
                ? StepKind.allCases.randomElement(using: &generator)! : .activity
        }
        return (CompactGraph(nodeCount: nodes, sources: sources, targets: targets), kinds)
    }

    static let fixtures = ["branching", "diamond", "flowchart-example", "linear", "loop-back", "stages"]

    static func parts(_ chains: ChainDecomposition) -> [[Int32]] {
        (0..<chains.chainCount).map { Array(chains.chain($0)) }
    }

    @Test("chains found over two halves of the ids are those of one pass and of the definition", arguments: 1...3)
    func halvesAgree(seed: UInt64) {
        for nodes in [40, 257, CompactGraph.parallelChainsThreshold + 1_001] {
            let (graph, kinds) = Self.mixedGraph(nodes: nodes, seed: seed)
            let one = graph.chains(cutByKinds: kinds, isSplit: false)
            let two = graph.chains(cutByKinds: kinds, isSplit: true)
            let defined = Self.definedChains(graph, kinds: kinds)
            #expect(one == two)
            #expect(Self.parts(two) == defined.parts)
            #expect(two.isCyclic == defined.cyclic)
            #expect(two.isCyclic.contains(true))
            for (chain, part) in defined.parts.enumerated() {
                #expect(part.allSatisfy { two.chainOfNode[Int($0)] == Int32(chain) })
            }
        }
    }

    @Test("a generated network large enough for two threads has the chains of one pass and of the definition")
    func generatedNetwork() {
        let graph = PathwayGenerator(
            PathwayGenerator.Options(steps: CompactGraph.parallelChainsThreshold + 3_000, seed: 2)
        ).graph
        let kinds = (0..<Int32(graph.nodeCount)).map { graph.inferredKind($0) }
        let two = graph.chains(cutByKinds: kinds)
        #expect(two == graph.chains(cutByKinds: kinds, isSplit: false))
        #expect(Self.parts(two) == Self.definedChains(graph, kinds: kinds).parts)
        #expect(two == graph.chains())
    }

    @Test("a fixture's chains are the same over two halves of its ids as in one pass", arguments: Self.fixtures)
    func fixtureHalves(name: String) throws {
        let graph = try DecompositionTests.load(name)
        let kinds = graph.index.kinds.values
        #expect(graph.graph.chains(cutByKinds: kinds, isSplit: true) == graph.graph.chains(cutByKinds: kinds))
    }

    @Test("kinds inferred over two halves of the steps are the kinds the degrees give, where none was written")
    func inferredKinds() throws {
        let generator = PathwayGenerator(
            PathwayGenerator.Options(steps: CompactGraph.parallelRowsThreshold + 2_000, seed: 3))
        let bytes = generator.edgeListBytes()
        let last = CompactGraph.parallelRowsThreshold + 1_999
        let table = "id,kind\ns0,decision\ns1,end\ns\(last),merge\n"
        let index = try EdgeListReader.index(
            data: Data(bytes), path: "g.csv", nodeTable: Data(table.utf8), nodeTablePath: "g.nodes.csv")
        let graph = index.graph
        #expect(graph.nodeCount == last + 1)
        // The node table's steps come first.
        let written: [Int: StepKind] = [0: .decision, 1: .end, 2: .merge]
        var mismatches = 0
        for node in 0..<graph.nodeCount
        where index.kinds.values[node] != (written[node] ?? graph.inferredKind(Int32(node))) {
            mismatches += 1
        }
        #expect(mismatches == 0)
    }
}
