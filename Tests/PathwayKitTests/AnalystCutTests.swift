import Foundation
import TestSupport
import Testing

@testable import PathwayKit

@Suite struct AnalystCutTests {
    static let pilots: [(folder: String, pathway: String)] = [
        ("lynch-syndrome", "lynch-syndrome"), ("familial-hypercholesterolaemia", "familial-hypercholesterolaemia"),
        ("monogenic-diabetes", "monogenic-diabetes"), ("sudden-cardiac-death", "sudden-cardiac-death"),
        ("dpyd", "dpyd-testing"),
    ]

    @Test(
        "the adjusted Rand index has its published values",
        arguments: [
            ([0, 0, 1, 1], [0, 0, 1, 1], 1.0),
            ([0, 0, 1, 1], [1, 1, 0, 0], 1.0),
            ([0, 0, 1, 1], [0, 0, 1, 2], 0.5714285714285715),
            ([0, 0, 1, 2], [0, 0, 1, 1], 0.5714285714285715),
            ([0, 0, 1, 1], [0, 1, 0, 1], -0.5),
            ([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2], 0.24242424242424246),
            ([0, 0, 0, 0], [0, 1, 2, 3], 0.0),
            ([0, 1, 2, 3], [5, 6, 7, 8], 1.0),
            ([4], [9], 1.0),
        ])
    func adjustedRandIndex(first: [Int], second: [Int], expected: Double) {
        #expect(abs(CutAgreement.adjustedRandIndex(first, second) - expected) < 1e-12)
    }

    @Test("a cut reads the same from text and from YAML")
    func textAndYAMLAgree() throws {
        let text = try AnalystCut.cuts(at: Fixtures.path("cuts/lynch-syndrome.txt"))
        let yaml = try AnalystCut.cuts(at: Fixtures.path("cuts/lynch-syndrome.yaml"))
        #expect(text.count == 1 && yaml.count == 1)
        #expect(text.first?.pathway == "lynch-syndrome" && yaml.first?.pathway == "lynch-syndrome")
        #expect(text.first?.parts.map(\.steps) == yaml.first?.parts.map(\.steps))
        #expect(text.first?.parts.map(\.title) == yaml.first?.parts.map(\.title))
        #expect(text.first?.parts.first?.title == "Colorectal tumour triage")
    }

    @Test("text cuts take comments, titles, commas and pathway sections; lists of lists read as YAML")
    func textForms() throws {
        let cuts = try AnalystCut.cuts(
            fromText: "# a comment\na b  # trailing\nTitle here: c, d\n[other]\ne\n", file: "cut.txt")
        #expect(cuts.count == 2)
        #expect(cuts[0].pathway == nil && cuts[0].parts.map(\.steps) == [["a", "b"], ["c", "d"]])
        #expect(cuts[0].parts.map(\.title) == [nil, "Title here"])
        #expect(cuts[0].parts[1].location.line == 3)
        #expect(cuts[1].pathway == "other" && cuts[1].parts.map(\.steps) == [["e"]])
        // A title may hold ": " itself: the ids are what follows the last one (an id holds no space).
        let colons = try AnalystCut.cuts(fromText: "Post-test, FAP: surgery: x y\nz\n", file: "cut.txt")
        #expect(colons[0].parts.map(\.title) == ["Post-test, FAP: surgery", nil])
        #expect(colons[0].parts.map(\.steps) == [["x", "y"], ["z"]])
        let lists = try AnalystCut.cuts(fromDocument: "- [a, b]\n- [c]\n", file: "cut.yaml")
        #expect(lists.count == 1 && lists[0].parts.map(\.steps) == [["a", "b"], ["c"]])
        let several = try AnalystCut.cuts(
            fromDocument: "- pathway: p\n  subpathways: [[a]]\n- pathway: q\n  subpathways: [[b, c]]\n", file: "c.yaml")
        #expect(several.map(\.pathway) == ["p", "q"])
    }

    @Test(
        "a bad cuts file is refused with its file and line",
        arguments: [
            ("a b\nc a\n", "cut.txt:2:1: error: step 'a' is already in the sub-pathway on line 1"),
            ("# nothing\n", "cut.txt: error: holds no sub-pathway"),
            ("[unclosed\n", "cut.txt:1:1: error: a pathway line is written '[pathway-id]'"),
            ("Title only: \n", "cut.txt:1:1: error: sub-pathway 'Title only' names no step"),
        ])
    func badText(text: String, message: String) {
        #expect {
            _ = try AnalystCut.cuts(fromText: text, file: "cut.txt")
        } throws: { error in
            "\(error)".hasPrefix(message)
        }
    }

    @Test("a YAML cut of the wrong shape is refused with its line")
    func badYAML() {
        #expect {
            _ = try AnalystCut.cuts(fromDocument: "pathway: p\nsubpathways: [{title: x}]\n", file: "c.yaml")
        } throws: { error in
            "\(error)".hasPrefix("c.yaml:2:")
        }
    }

    @Test("every pilot's analyst cut names only steps of its pilot", arguments: pilots.map(\.folder))
    func pilotCutsNameRealSteps(folder: String) throws {
        let project = try ProjectLoader().loadProject(at: Fixtures.path("projects/\(folder)")).project
        let graph = PathwayGraph(try #require(project.pathways.first))
        let cuts = try AnalystCut.cuts(at: Fixtures.path("cuts/\(folder).txt"))
        #expect(cuts.count == 1)
        let cut = try #require(cuts.first)
        #expect(cut.applies(to: graph))
        let unknown = cut.parts.flatMap(\.steps).filter { graph.node($0) == nil }
        #expect(unknown.isEmpty, "steps not in the pilot: \(unknown)")
    }

    @Test("boundaries, precision, recall and differences on a small pathway")
    func boundaryScores() throws {
        // a → b → c → d → e; the analyst cuts [a b] [c d e], the decomposition [a] [b c] [d e].
        let steps = ["a", "b", "c", "d", "e"].map { Step(id: StepID($0), label: $0) }
        let transitions = zip(steps, steps.dropFirst()).map { Transition(from: $0.id, to: $1.id) }
        let graph = PathwayGraph(Pathway(id: "p", steps: steps, transitions: transitions))
        let location = SourceLocation(file: "cut.txt")
        let cut = AnalystCut(parts: [
            .init(title: "first", steps: ["a", "b"], location: location),
            .init(title: "second", steps: ["c", "d", "e", "zz"], location: location),
        ])
        let decomposition = Decomposition(
            pathway: "p", strategy: .chains,
            subpathways: [
                Subpathway(id: "p/1", title: "", steps: ["a"]), Subpathway(id: "p/2", title: "", steps: ["b", "c"]),
                Subpathway(id: "p/3", title: "", steps: ["d", "e"]),
            ])
        let agreement = CutAgreement(cut: cut, decomposition: decomposition, graph: graph)
        #expect(agreement.stepCount == 5)
        #expect(agreement.unknownSteps == ["zz"])
        #expect(agreement.cutBoundaryCount == 1)  // b → c
        #expect(agreement.decompositionBoundaryCount == 2)  // a → b, c → d
        #expect(agreement.boundaryPrecision == 0)
        #expect(agreement.boundaryRecall == 0)
        let expected = CutAgreement.adjustedRandIndex([0, 0, 1, 1, 1], [0, 1, 1, 2, 2])
        #expect(agreement.adjustedRandIndex == expected)
        // "first" matches p/1 or p/2 (one step each; the earliest wins) with Jaccard 1/2; "second" matches p/3
        // (2 of 3, and p/3 holds nothing else): 2/3.
        #expect(agreement.differences.map(\.part.title) == ["first", "second"])
        #expect(agreement.differences.first?.match == "p/1")
        #expect(agreement.differences.first?.missing.map(\.step) == ["b"])
        #expect(agreement.differences.last?.match == "p/3")
        #expect(agreement.differences.last?.extra == [])
        #expect(abs((agreement.differences.last?.jaccard ?? 0) - 2.0 / 3.0) < 1e-12)
    }
}
