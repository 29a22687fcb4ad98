import Foundation
import PathwayKit
import TestSupport
import Testing

@Suite struct DecompositionDocumentTests {
    static let fixtures = ["linear", "diamond", "loop-back", "branching", "stages"]

    /// The document as the general writer gives it: the ordered tree, then its JSON.
    static func treeJSON(_ decompositions: [Decomposition]) -> [UInt8] {
        Array(Decomposition.documentTree(for: decompositions).json(layout: .compact).utf8)
    }

    /// `nil` when the two texts are equal; otherwise where they first differ, with a little of each from there, so
    /// that a failure reads better than two dumps of a whole document.
    static func difference(_ streamed: [UInt8], _ expected: [UInt8]) -> String? {
        guard streamed != expected else { return nil }
        let shorter = min(streamed.count, expected.count)
        let offset = (0..<shorter).first { streamed[$0] != expected[$0] } ?? shorter
        func excerpt(_ text: [UInt8]) -> String {
            String(decoding: text[offset..<min(text.count, offset + 80)], as: UTF8.self).debugDescription
        }
        return "byte \(offset): streamed \(excerpt(streamed)), tree \(excerpt(expected))"
    }

    static func fixture(_ name: String) throws -> Pathway {
        let path = Fixtures.path("pathways/\(name).yaml")
        return try NativeFormat.pathway(from: SourceFile.text(at: path), file: path)
    }

    /// Characters a JSON writer could get wrong: what must be escaped, what looks as if it might (other E2 lead
    /// bytes, DEL, a CR LF pair, which Swift counts as one character), and multi-byte text.
    static let awkwardMarks = [
        "\"", "\\", "\u{0}", "\u{1}", "\u{1F}", "\n", "\r\n", "\t", "\u{7F}", "é", "→", "\u{2027}", "\u{2028}",
        "\u{2029}", "\u{202A}", "😀", "/", " ", "",
    ]

    /// A generated network with every id, label, condition, stage and staff group made awkward, and source
    /// locations on some steps so that findings name a file and line.
    static func awkwardNetwork(steps: Int, seed: UInt64) -> Pathway {
        let generator = PathwayGenerator(
            PathwayGenerator.Options(steps: steps, seed: seed, staffGroups: ["nurse \"lead\"", "doc\\tor", "é→\t"]))
        var pathway = generator.pathway(id: PathwayID("net \"1\"\\é"))
        func mark(_ number: Int) -> String { awkwardMarks[number % awkwardMarks.count] }
        func rename(_ id: StepID) -> StepID {
            let number = Int(id.rawValue.dropFirst()) ?? 0
            return StepID("\(mark(number))s\(number)\(mark(number / awkwardMarks.count + 3))")
        }
        pathway.steps = pathway.steps.enumerated().map { index, step in
            var step = step
            step.id = rename(step.id)
            step.label = "label \(mark(index + 1)) \(index)"
            step.stage = step.stage.map { $0 + mark(index / 50) }
            if index % 3 == 0 {
                step.location = SourceLocation(file: "in \"dir\"\\\(mark(index)).csv", line: index + 2)
            }
            return step
        }
        pathway.transitions = pathway.transitions.enumerated().map { index, transition in
            var transition = transition
            transition.from = rename(transition.from)
            transition.to = rename(transition.to)
            transition.condition = transition.condition.map { $0 + mark(index) }
            return transition
        }
        pathway.location = SourceLocation(file: "net\u{2028}\"1\".csv", line: 1)
        return pathway
    }

    @Test(
        "streamed JSON is the document tree's JSON, byte for byte, for every fixture and strategy",
        arguments: fixtures, DecompositionStrategy.allCases)
    func fixturesMatchTree(fixture: String, strategy: DecompositionStrategy) throws {
        let decomposition = PathwayGraph(try Self.fixture(fixture)).decomposition(strategy)
        #expect(Self.difference(Decomposition.json(for: [decomposition]), Self.treeJSON([decomposition])) == nil)
    }

    @Test("no decompositions, and all fixtures in one document, stream as the tree writes them")
    func documentsOfSeveralPathways() throws {
        #expect(Self.difference(Decomposition.json(for: []), Self.treeJSON([])) == nil)
        #expect(String(decoding: Decomposition.json(for: []), as: UTF8.self) == "{\n  \"decompositions\": []\n}\n")
        var all: [Decomposition] = []
        for name in Self.fixtures {
            let graph = PathwayGraph(try Self.fixture(name))
            all += DecompositionStrategy.allCases.map { graph.decomposition($0) }
        }
        #expect(Self.difference(Decomposition.json(for: all), Self.treeJSON(all)) == nil)
    }

    @Test("every member, present and absent, streams as the tree writes it")
    func everyMember() {
        let link = BoundaryLink(from: "a\"", to: "b", condition: "c\u{1}")
        let leaf = Subpathway(id: "p/1.1.1", title: "", steps: [], kind: "sequence")
        let middle = Subpathway(
            id: "p/1.1", title: "t", steps: ["x"], isCyclic: true, entries: [link], children: [leaf], kind: "loop")
        let top = Subpathway(
            id: "p/1", title: "top", steps: ["a\"", "b"], exits: [link, BoundaryLink(from: "b", to: "c")],
            stages: ["s1", "s2"], staffGroups: ["g"], children: [middle, leaf], probability: 0.125, links: [link],
            kind: "block")
        let findings = [
            Finding(.warning, rule: "r", "m", at: nil),
            Finding(.note, rule: "r", "m", at: SourceLocation(file: "f")),
            Finding(.error, rule: "r", "m", at: SourceLocation(file: "f", line: 7, column: 2)),
        ]
        let decompositions = [
            Decomposition(
                pathway: "p", strategy: .routes, subpathways: [top, leaf], routeCount: .infinity, findings: findings),
            Decomposition(pathway: "q", strategy: .routes, subpathways: [], routeCount: 1e300),
            Decomposition(pathway: "r", strategy: .structure, subpathways: [middle]),
        ]
        #expect(Self.difference(Decomposition.json(for: decompositions), Self.treeJSON(decompositions)) == nil)
    }

    @Test(
        "a generated network with awkward ids streams byte for byte as the tree writes it, in whole-UTF-8 pieces",
        arguments: DecompositionStrategy.allCases)
    func awkwardNetworkMatchesTree(strategy: DecompositionStrategy) throws {
        let pathway = Self.awkwardNetwork(steps: 3000, seed: 11)
        let decomposition = PathwayGraph(pathway).decomposition(strategy, options: DecompositionOptions(maxRoutes: 40))
        let expected = Self.treeJSON([decomposition])
        #expect(Self.difference(Decomposition.json(for: [decomposition]), expected) == nil)

        var pieces: [[UInt8]] = []
        Decomposition.writeJSON(for: [decomposition], chunkSize: 97) { pieces.append($0) }
        #expect(pieces.count > 10)
        #expect(pieces.allSatisfy { String(validating: $0, as: UTF8.self) != nil })
        #expect(Self.difference(Array(pieces.joined()), expected) == nil)

        // And it is JSON that reads back to the same ids.
        let object = try JSONSerialization.jsonObject(with: Data(expected)) as? [String: Any]
        let document = try #require((object?["decompositions"] as? [[String: Any]])?.first)
        #expect(document["pathway"] as? String == pathway.id.rawValue)
        let first = try #require((document["subpathways"] as? [[String: Any]])?.first)
        let subpathway = try #require(decomposition.subpathways.first)
        #expect(first["steps"] as? [String] == subpathway.steps.map(\.rawValue))
        #expect(first["title"] as? String == subpathway.title)
    }
}
