import Foundation
import TestSupport
import Testing

@testable import PathwayKit

@Suite struct PhasesTests {
    static func pilot(_ folder: String) throws -> PathwayGraph {
        let project = try ProjectLoader().loadProject(at: Fixtures.path("projects/\(folder)")).project
        return PathwayGraph(try #require(project.pathways.first))
    }

    /// The checks every `phases` result must pass: every step in exactly one sub-pathway; each sub-pathway one
    /// connected run of steps, listed in pathway order; entries and exits exactly the transitions crossing its
    /// edge; a sub-pathway of one step only where advice says why.
    static func checkPhases(_ graph: PathwayGraph, target: ClosedRange<Int> = 3...5) {
        let decomposition = graph.decomposition(.phases, options: DecompositionOptions(preferredSize: target))
        let subpathways = decomposition.subpathways
        let all = subpathways.flatMap(\.steps)
        #expect(all.count == graph.graph.nodeCount)
        #expect(Set(all).count == all.count)
        let rank = graph.graph.pathwayRanks()
        var pieceOfNode = [Int](repeating: -1, count: graph.graph.nodeCount)
        for (index, subpathway) in subpathways.enumerated() {
            for id in subpathway.steps { if let node = graph.node(id) { pieceOfNode[Int(node)] = index } }
        }
        for (index, subpathway) in subpathways.enumerated() {
            let nodes = subpathway.steps.compactMap { graph.node($0) }
            #expect(zip(nodes, nodes.dropFirst()).allSatisfy { rank[Int($0)] < rank[Int($1)] })
            // Connected along its own transitions (either direction).
            var seen: Set<Int32> = [nodes[0]]
            var stack = [nodes[0]]
            while let node = stack.popLast() {
                for next in graph.graph.successors(of: node) + graph.graph.predecessors(of: node)
                where pieceOfNode[Int(next)] == index && seen.insert(next).inserted {
                    stack.append(next)
                }
            }
            #expect(seen.count == nodes.count, "\(subpathway.id) is not one connected run")
            var entries: [BoundaryLink] = []
            var exits: [BoundaryLink] = []
            for transition in graph.pathway.transitions {
                guard let from = graph.node(transition.from), let to = graph.node(transition.to) else { continue }
                let link = BoundaryLink(from: transition.from, to: transition.to, condition: transition.condition)
                if pieceOfNode[Int(from)] != index && pieceOfNode[Int(to)] == index { entries.append(link) }
                if pieceOfNode[Int(from)] == index && pieceOfNode[Int(to)] != index { exits.append(link) }
            }
            #expect(Set(subpathway.entries) == Set(entries) && subpathway.entries.count == entries.count)
            #expect(Set(subpathway.exits) == Set(exits) && subpathway.exits.count == exits.count)
            if subpathway.steps.count == 1 {
                #expect(
                    decomposition.findings.contains {
                        $0.rule == "subpathway-alone" && $0.message.contains("'\(subpathway.steps[0])'")
                    }, "\(subpathway.id) has one step and no advice saying why")
            }
        }
    }

    @Test("a permutation inverted in place: the ranks of a pathway order and back", arguments: [0, 1, 2, 7, 1000])
    func invertPermutationInPlace(count: Int) {
        var generator = SplitMix64(seed: UInt64(count))
        var order = (0..<Int32(count)).map { $0 }
        order.shuffle(using: &generator)
        var ranks = order
        PhaseCutter.invertPermutation(&ranks)
        for (position, node) in order.enumerated() { #expect(ranks[Int(node)] == Int32(position)) }
        PhaseCutter.invertPermutation(&ranks)
        #expect(ranks == order)
    }

    @Test("the components found on a second thread give the same cut as on one", arguments: [true, false])
    func componentsOnASecondThread(withStages: Bool) {
        var pathway = PathwayGenerator(PathwayGenerator.Options(steps: 2_000, seed: withStages ? 5 : 6)).pathway()
        if !withStages { for index in pathway.steps.indices { pathway.steps[index].stage = nil } }
        let index = PathwayIndex(pathway)
        let oneThread = index.phaseGroups(target: 3...5, twoThreadsFrom: .max)
        let twoThreads = index.phaseGroups(target: 3...5, twoThreadsFrom: 0)
        #expect(oneThread.offsets.count > 100)
        #expect(twoThreads.members == oneThread.members && twoThreads.offsets == oneThread.offsets)
        #expect(twoThreads.titles == oneThread.titles && twoThreads.aloneSteps == oneThread.aloneSteps)
    }

    @Test("generated pathways with stages: every step once, connected runs, boundaries recorded", arguments: 1...12)
    func generatedWithStages(seed: UInt64) {
        let pathway = PathwayGenerator(PathwayGenerator.Options(steps: 400, seed: seed)).pathway()
        Self.checkPhases(PathwayGraph(pathway))
    }

    @Test("generated pathways without stages: the same", arguments: 1...12)
    func generatedWithoutStages(seed: UInt64) {
        var pathway = PathwayGenerator(PathwayGenerator.Options(steps: 400, seed: seed)).pathway()
        for index in pathway.steps.indices { pathway.steps[index].stage = nil }
        Self.checkPhases(PathwayGraph(pathway))
    }

    @Test("random graphs, with any target length: the same", arguments: 1...20)
    func randomGraphs(seed: UInt64) {
        let graph = Generated.graph(nodes: 80, density: Double(seed % 4) * 0.3 + 0.8, seed: seed)
        let target = [3...5, 1...1, 2...3, 4...8][Int(seed % 4)]
        Self.checkPhases(PathwayGraph(Generated.pathway(graph)), target: target)
    }

    @Test("the pilots: every step once, no sub-pathway of one step", arguments: AnalystCutTests.pilots.map(\.folder))
    func pilots(folder: String) throws {
        let graph = try Self.pilot(folder)
        Self.checkPhases(graph)
        let subpathways = graph.decomposition(.phases).subpathways
        #expect(subpathways.allSatisfy { $0.steps.count > 1 })
        // No end step on its own: each shares its sub-pathway with a step that is not an end.
        for subpathway in subpathways {
            #expect(subpathway.steps.contains { graph.node($0).map { graph.step($0).kind != .end } ?? false })
        }
    }

    @Test("agreement with the analysts' cuts: at least 0.6 on each pilot and 0.75 on average")
    func agreementTargets() throws {
        var indices: [Double] = []
        for (folder, _) in AnalystCutTests.pilots {
            let graph = try Self.pilot(folder)
            let cut = try #require(try AnalystCut.cuts(at: Fixtures.path("cuts/\(folder).txt")).first)
            let agreement = CutAgreement(cut: cut, decomposition: graph.decomposition(.phases), graph: graph)
            #expect(agreement.adjustedRandIndex >= 0.6, "\(folder): \(agreement.adjustedRandIndex)")
            indices.append(agreement.adjustedRandIndex)
        }
        let mean = indices.reduce(0, +) / Double(indices.count)
        #expect(mean >= 0.75, "mean \(mean)")
    }

    @Test("an outcome decision whose branches do not rejoin starts one sub-pathway per branch, titled by outcome")
    func outcomeBranchesSplit() throws {
        let graph = try Self.pilot("lynch-syndrome")
        let subpathways = graph.decomposition(.phases).subpathways
        func piece(_ id: StepID) -> Subpathway? { subpathways.first { $0.steps.contains(id) } }
        let found = try #require(piece("LS-15"))
        let notFound = try #require(piece("LS-21"))
        #expect(found.id != notFound.id)
        #expect(found.id != piece("LS-14")?.id && notFound.id != piece("LS-14")?.id)
        #expect(found.title == "Interpreting and feeding back results: pathogenic or likely pathogenic variant")
        #expect(notFound.title == "Interpreting and feeding back results: no causative variant")
        // A decision whose branches do rejoin (the tumour index test, IHC or MSI) stays one phase.
        #expect(piece("LS-03")?.id == piece("LS-04")?.id && piece("LS-04")?.id == piece("LS-05")?.id)
        #expect(piece("LS-05")?.id == piece("LS-06")?.id)
    }

    @Test("a straight run longer than the target is split into pieces within it")
    func longRunsAreSplit() {
        let steps = (0..<12).map { Step(id: StepID("s\($0)"), label: "step \($0)") }
        let transitions = zip(steps, steps.dropFirst()).map { Transition(from: $0.id, to: $1.id) }
        let graph = PathwayGraph(Pathway(id: "run", steps: steps, transitions: transitions))
        let sizes = graph.decomposition(.phases).subpathways.map(\.steps.count)
        #expect(sizes.reduce(0, +) == 12)
        #expect(sizes.allSatisfy { (3...5).contains($0) }, "\(sizes)")
        let wide = graph.decomposition(.phases, options: DecompositionOptions(preferredSize: 6...12))
        #expect(wide.subpathways.count == 1)
    }

    @Test("a step that no transition joins is its own sub-pathway, with advice saying why")
    func isolatedStep() throws {
        let steps = ["a", "b", "c", "lone"].map { Step(id: StepID($0), label: $0) }
        let transitions = [Transition(from: "a", to: "b"), Transition(from: "b", to: "c")]
        let decomposition = PathwayGraph(Pathway(id: "p", steps: steps, transitions: transitions))
            .decomposition(.phases)
        #expect(decomposition.subpathways.map(\.steps) == [["a", "b", "c"], ["lone"]])
        let advice = try #require(decomposition.findings.first { $0.rule == "subpathway-alone" })
        #expect(advice.message.contains("no transition joins it to another step"))
    }
    /// The `phases` sub-pathways of a small pathway written as `from>to[:condition]` links, with the kinds and
    /// stages given.
    static func phases(
        _ links: [String], kinds: [String: StepKind] = [:], stages: [String: String] = [:]
    ) -> Decomposition {
        PathwayGraph(pathway(links, kinds: kinds, stages: stages)).decomposition(.phases)
    }

    /// A small pathway from links written `a>b` or `a>b:condition`, steps in order of first mention (activities
    /// unless `kinds` says otherwise).
    static func pathway(
        _ links: [String], kinds: [String: StepKind] = [:], stages: [String: String] = [:]
    ) -> Pathway {
        var ids: [String] = []
        var transitions: [Transition] = []
        for link in links {
            let parts = link.split(separator: ":", maxSplits: 1).map(String.init)
            let ends = parts[0].split(separator: ">").map(String.init)
            for id in ends where !ids.contains(id) { ids.append(id) }
            transitions.append(
                Transition(from: StepID(ends[0]), to: StepID(ends[1]), condition: parts.count > 1 ? parts[1] : nil))
        }
        let steps = ids.map {
            Step(id: StepID($0), label: "do \($0)", kind: kinds[$0] ?? .activity, stage: stages[$0])
        }
        return Pathway(id: "p", steps: steps, transitions: transitions)
    }

    @Test(
        "a branch straight to where the branches meet makes the others a detour: the meeting step begins what follows")
    func detourBlock() {
        // Two variants go straight to the clinic (m); one variant takes a second test first (x, y).
        let cut = Self.phases(
            ["s>a", "a>d", "d>m:two variants", "d>x:one variant", "x>y", "y>m", "m>n", "n>o", "o>e"],
            kinds: ["s": .start, "d": .decision, "e": .end])
        #expect(cut.subpathways.map(\.steps) == [["s", "a", "d", "x", "y"], ["m", "n", "o", "e"]])
    }

    @Test(
        "an alternative that holds a loop (a yearly review) does not meet the others soon: one sub-pathway per branch")
    func loopOnAlternative() throws {
        let cut = Self.phases(
            [
                "s>a", "a>b", "b>d", "d>c:confirmed", "c>c2", "c2>e1", "d>i:inconclusive", "i>r", "r>q",
                "q>r:not yet", "q>c:now confirmed", "q>e2:discharged",
            ],
            kinds: ["s": .start, "d": .decision, "q": .decision, "e1": .end, "e2": .end])
        func piece(_ id: StepID) -> Subpathway? { cut.subpathways.first { $0.steps.contains(id) } }
        let confirmed = try #require(piece("c"))
        let inconclusive = try #require(piece("i"))
        #expect(confirmed.id != inconclusive.id && confirmed.id != piece("d")?.id)
        #expect(confirmed.title.hasPrefix("Confirmed: ") && inconclusive.title.hasPrefix("Inconclusive: "))
        #expect(inconclusive.steps.contains("r") && inconclusive.steps.contains("q"))
    }

    @Test("a parallel split is never an outcome decision, and an unlabelled gateway never titles a sub-pathway")
    func parallelSplit() {
        // p is an unlabelled gateway, as BPMN gives them; j is the join.
        let steps =
            ["s", "w", "v"].map { Step(id: StepID($0), label: "do \($0)") }
            + [Step(id: "p", kind: .parallel)]
            + ["h", "t", "u"].map { Step(id: StepID($0), label: "do \($0)") }
            + [Step(id: "j", kind: .parallel), Step(id: "e", label: "done", kind: .end)]
        let links = [
            ("s", "w"), ("w", "v"), ("v", "p"), ("p", "h"), ("p", "t"), ("t", "u"), ("h", "j"), ("u", "j"), ("j", "e"),
        ]
        let transitions = links.map { Transition(from: StepID($0.0), to: StepID($0.1)) }
        let cut = PathwayGraph(Pathway(id: "p", steps: steps, transitions: transitions)).decomposition(.phases)
        // An outcome's branch never joins the decision that starts it; a parallel split's branch does.
        let split = cut.subpathways.first { $0.steps.contains("p") }
        #expect(split?.steps.contains("h") == true)
        #expect(cut.subpathways.map(\.title) == ["do s → do h", "do t → done"])
    }
}
