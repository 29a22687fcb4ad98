import Foundation
import Synchronization
import TestSupport
import Testing

@testable import PathwayKit

@Suite struct PathwayIndexTests {
    /// Every file under `Fixtures/` (goldens aside) that a core reader reads as pathways: the native pathway
    /// fixtures, the pilots, regional and version fixtures, and the imported BPMN, GraphML and CSV examples.
    static let pathwayFiles: [String] = {
        let base = Fixtures.directory.path
        let found = FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? []
        return found.filter { file in
            guard !file.hasPrefix("expected/"), !file.hasSuffix("project.yaml"),
                (try? PathwayReaders.standard.reader(for: file)) != nil
            else { return false }
            return (try? PathwayReaders.standard.read(Fixtures.path(file)).pathways.isEmpty) == false
        }.sorted()
    }()

    @Test("the fixtures and pilots read are many, of every kind")
    func pathwayFilesFound() {
        #expect(Self.pathwayFiles.count > 40)
        for pilot in ["dpyd", "familial-hypercholesterolaemia", "lynch-syndrome", "monogenic-diabetes"] {
            #expect(Self.pathwayFiles.contains("projects/\(pilot)/pathway.yaml"))
        }
        #expect(Self.pathwayFiles.contains { $0.hasSuffix(".bpmn") })
        #expect(Self.pathwayFiles.contains { $0.hasPrefix("regional/") })
    }

    @Test("a pathway value comes back whole from its index, every attribute and location", arguments: pathwayFiles)
    func roundTrip(file: String) throws {
        let path = Fixtures.path(file)
        for pathway in try PathwayReaders.standard.read(path).pathways {
            let index = PathwayIndex(pathway)
            #expect(index.pathway() == pathway)
            // What `==` on values could miss: the written form, and the flags and places of each element.
            #expect(
                NativeFormat.text(for: index.pathway(), syntax: .yaml) == NativeFormat.text(for: pathway, syntax: .yaml)
            )
            #expect(index.pathway().steps.map(\.isFixed) == pathway.steps.map(\.isFixed))
            #expect(index.pathway().transitions.map(\.isFixed) == pathway.transitions.map(\.isFixed))
            #expect(index.pathway().transitions.map(\.location) == pathway.transitions.map(\.location))
            #expect(index.pathway().steps.map(\.location) == pathway.steps.map(\.location))
            #expect(index.stepCount + index.duplicateSteps.count == pathway.steps.count)
            #expect(index.transitionCount + index.danglingTransitions.count == pathway.transitions.count)
            for step in index.steps {
                let value = index.stepValue(step)
                #expect(index.stepIDs[step] == value.id.rawValue)
                #expect(index.kinds[step] == value.kind)
                #expect(index.label(step) == value.label)
                #expect(index.isFixed(step) == value.isFixed)
                #expect(index.staffGroups(step).map { index.staffGroupIDs[$0] } == value.staffGroups.map(\.rawValue))
                #expect(index.stage(step).map { index.stageNames[$0] } == value.stage)
                #expect(index.step(named: value.id) == step)
            }
        }
    }

    @Test("fixed steps and transitions, and transitions' elements, are kept by the index")
    func fixedAndElements() {
        var fixedStep = Step(id: "a", kind: .start)
        fixedStep.isFixed = true
        var fixedTransition = Transition(
            from: "a", to: "b", source: "DG27", location: SourceLocation(file: "p.dot", element: "a -> b"))
        fixedTransition.isFixed = true
        let pathway = Pathway(
            id: "p", steps: [fixedStep, Step(id: "b", kind: .end)],
            transitions: [fixedTransition, Transition(from: "b", to: "a")])
        let index = PathwayIndex(pathway)
        #expect(index.isFixed(Index<Step>(0)))
        #expect(!index.isFixed(Index<Step>(1)))
        #expect(index.isFixed(Index<Transition>(0)))
        #expect(!index.isFixed(Index<Transition>(1)))
        #expect(index.location(Index<Transition>(0))?.element == "a -> b")
        #expect(index.transitionDetails.count == 1)
        #expect(index.pathway() == pathway)
    }

    @Test("duplicate steps and transitions to unknown steps are kept aside and given back in place")
    func duplicatesAndDangling() {
        let location = SourceLocation(file: "p.yaml", line: 3, column: 5)
        let pathway = Pathway(
            id: "p",
            steps: [
                Step(id: "a", kind: .start, location: location), Step(id: "b", label: "Bee", staffGroups: ["nurse"]),
                Step(id: "a", label: "again"), Step(id: "c", kind: .end),
            ],
            transitions: [
                Transition(from: "a", to: "b", condition: "yes", share: 0.5), Transition(from: "b", to: "x"),
                Transition(from: "b", to: "c"),
            ])
        let index = PathwayIndex(pathway)
        #expect(index.stepCount == 3)
        #expect(index.duplicateSteps.map { $0.position } == [2])
        #expect(index.danglingTransitions.map { $0.position } == [1])
        #expect(index.transitionCount == 2)
        #expect(index.graph.successors(of: 1) == [2])
        #expect(index.conditions[Index<Transition>(0)] == "yes")
        #expect(index.share(Index<Transition>(0)) == 0.5)
        #expect(index.share(Index<Transition>(1)) == nil)
        #expect(index.location(Index<Step>(0)) == location)
        #expect(index.location(Index<Step>(1)) == nil)
        #expect(index.pathway() == pathway)
        let graph = PathwayGraph(pathway)
        #expect(graph.stepIndexOfNode == [0, 1, 3])
        #expect(graph.transitionIndexOfEdge == [0, 2])
        #expect(graph.node("c") == 2)
        #expect(graph.node("x") == nil)
    }

    @Test("an edge list streams into the index: kinds from degrees, lines, conditions and shares, node table first")
    func edgeListIndex() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let edges = folder.appendingPathComponent("g.csv").path
        let text = "from,to,condition,share\n# a comment\ns,d\nd,x,\"say \"\"yes\"\"\",0.25\nd,y,no,\nx,e\ny,e\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: edges))
        try Data("id,kind,label,stage\nd,decision,Decide,triage\n".utf8).write(
            to: folder.appendingPathComponent("g.nodes.csv"))
        // Small chunks, so rows and a quoted field cross chunk ends.
        let index = try EdgeListReader.index(contentsOf: edges, chunkSize: 7)
        #expect(index.stepIDs.names == ["d", "s", "x", "y", "e"])
        #expect(index.steps.map { index.kinds[$0] } == [.decision, .start, .activity, .activity, .end])
        #expect(index.label(Index(0)) == "Decide")
        #expect(index.stage(Index(0)).map { index.stageNames[$0] } == "triage")
        #expect(index.transitionCount == 5)
        #expect(index.conditions[Index<Transition>(1)] == "say \"yes\"")
        #expect(index.share(Index<Transition>(1)) == 0.25)
        #expect(index.conditions[Index<Transition>(2)] == "no")
        #expect(index.share(Index<Transition>(2)) == nil)
        #expect(index.location(Index<Transition>(0)) == SourceLocation(file: edges, line: 3))
        #expect(index.location(Index<Step>(1)) == SourceLocation(file: edges, line: 3))
        #expect(index.location(Index<Step>(0))?.file.hasSuffix("g.nodes.csv") == true)
        // The same as reading the bytes whole, and as the pathway value the reader gives.
        let whole = try EdgeListReader.index(
            data: SourceFile.data(at: edges), path: edges, nodeTable: SourceFile.data(at: folder.path + "/g.nodes.csv"),
            nodeTablePath: folder.path + "/g.nodes.csv")
        #expect(whole.pathway() == index.pathway())
        #expect(try PathwayReaders.standard.read(edges).pathways == [index.pathway()])
    }

    @Test(
        "a built index keeps a transition's ends only in its graph, and makes the columns once when read",
        arguments: [
            "projects/lynch-syndrome/pathway.yaml", "pathways/loop-back.yaml", "import/bpmn/clinic.bpmn",
            "invalid/pathways/unknown-step.yaml",
        ])
    func transitionEndsFromGraph(file: String) throws {
        for pathway in try PathwayReaders.standard.read(Fixtures.path(file)).pathways {
            let index = PathwayIndex(pathway)
            // Built: no columns beside the graph, and nothing made yet.
            #expect(index.sourceColumn.count == 0 && index.targetColumn.count == 0)
            #expect(index.lateEnds?.isBuilt == false)
            #expect(index.transitionCount == pathway.transitions.count - index.danglingTransitions.count)
            let copy = index
            let sources = index.transitionSources
            let targets = index.transitionTargets
            // Made once, from the graph's rows, shared by the copy: each transition's ends as written.
            #expect(copy.lateEnds?.isBuilt == true)
            #expect(sources.count == index.transitionCount && targets.count == index.transitionCount)
            let written = pathway.transitions.filter {
                index.stepIDs.index(of: $0.from.rawValue) != nil
                    && index.stepIDs.index(of: $0.to.rawValue) != nil
            }
            for (position, transition) in written.enumerated() {
                let edge = Index<Transition>(position)
                #expect(index.stepIDs[sources[edge]] == transition.from.rawValue)
                #expect(index.stepIDs[targets[edge]] == transition.to.rawValue)
            }
            // Brought back for appending: the same numbers as stored columns.
            var restored = index
            restored.restoreTransitionEnds()
            #expect(restored.lateEnds == nil)
            #expect(restored.sourceColumn.values == sources.values && restored.targetColumn.values == targets.values)
            #expect(restored.transitionCount == index.transitionCount)
        }
    }

    @Test("name tables intern once and look names up after the lookup table is dropped")
    func nameTable() {
        var table = NameTable<Step>()
        #expect(table.intern("a") == (Index(0), true))
        #expect(table.intern("bb") == (Index(1), true))
        #expect(table.intern("a") == (Index(0), false))
        table.interner.releaseTable()
        #expect(table.index(of: "bb") == Index(1))
        #expect(table.index(of: "c") == nil)
        #expect(table.intern("c") == (Index(2), true))
        #expect(table.index(of: "c") == Index(2))
        #expect(table.names == ["a", "bb", "c"])
    }

    @Test("a dropped lookup table is built again once, on the first lookup, shared by copies until one changes")
    func lateLookupTable() {
        var table = NameTable<Step>()
        for name in ["a", "bb", "c"] { table.intern(name) }
        table.interner.releaseTable()
        #expect(!table.interner.scansOnLookUp)
        #expect(!table.interner.hasBuiltLateTable)
        let copy = table
        #expect(copy.index(of: "bb") == Index(1))
        // The copy's lookup built the table the original uses too.
        #expect(table.interner.hasBuiltLateTable)
        #expect(table.index(of: "c") == Index(2))
        var changed = table
        #expect(changed.intern("d") == (Index(3), true))
        #expect(changed.index(of: "d") == Index(3))
        #expect(table.index(of: "d") == nil)
        #expect(table.index(of: "a") == Index(0))
    }

    @Test("an edge list's ids are looked up through a table built once, from any thread")
    func edgeListLookup() throws {
        let steps = 5_000
        let text = "from,to\n" + (1..<steps).map { "s\($0 - 1),s\($0)" }.joined(separator: "\n") + "\n"
        let index = try EdgeListReader.index(data: Data(text.utf8), path: "chain.csv")
        #expect(index.stepCount == steps)
        // The reader dropped the table to save memory; lookups never scan the ids.
        #expect(!index.stepIDs.interner.scansOnLookUp)
        #expect(!index.stepIDs.interner.hasBuiltLateTable)
        let found = Mutex([Int32](repeating: -1, count: steps))
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for step in stride(from: worker, to: steps, by: 4) {
                let position = index.step(named: StepID("s\(step)"))?.raw ?? -2
                found.withLock { $0[step] = position }
            }
        }
        #expect(found.withLock { $0 } == (0..<Int32(steps)).map { $0 })
        #expect(index.stepIDs.interner.hasBuiltLateTable)
        #expect(index.step(named: StepID("s\(steps)")) == nil)
    }
}
