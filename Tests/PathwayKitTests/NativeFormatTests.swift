import Foundation
import PathwayKit
import TestSupport
import Testing

@Suite struct NativeFormatTests {
    @Test("reads steps, transitions and the place each was written")
    func readsPathway() throws {
        let path = Fixtures.path("pathways/branching.yaml")
        let pathway = try NativeFormat.pathway(from: SourceFile.text(at: path), file: path)
        #expect(pathway.id == "branching")
        #expect(
            pathway.steps.map(\.id.rawValue) == [
                "referred", "consent", "test", "result", "positive", "negative", "discharge",
            ])
        #expect(pathway.steps[0].kind == .start)
        #expect(pathway.steps[0].patientsPerYear == 1000)
        #expect(pathway.steps[1].staffGroups == ["genetic-counsellor"])
        #expect(pathway.steps[3].kind == .decision)
        #expect(pathway.steps[3].stage == "interpreting and feeding back results")
        #expect(pathway.steps[1].location == SourceLocation(file: path, line: 10, column: 5))
        let branch = try #require(pathway.transitions.first { $0.to == "positive" })
        #expect(branch.condition == "variant found")
        #expect(branch.share == 0.2)
        #expect(branch.location?.line == 34)
    }

    @Test("writing and reading back gives the same pathway", arguments: NativeFormat.Syntax.allCases)
    func roundTrips(syntax: NativeFormat.Syntax) throws {
        let path = Fixtures.path("pathways/branching.yaml")
        var original = try NativeFormat.pathway(from: SourceFile.text(at: path), file: path)
        original.steps[1].competencies = [
            CompetencyRequirement(competency: "C1", level: "B"), CompetencyRequirement(competency: "C2"),
        ]
        original.steps[1].notes = "Line one\nline two: with \"quotes\" and a # hash"
        original.steps[2].label = "yes"  // would read back as a boolean if written plain
        original.steps[2].testCodes = ["M1.7", "R210"]
        original.description = "  leading spaces"
        let text = NativeFormat.text(for: original, syntax: syntax)
        let reread = try NativeFormat.pathway(from: text, file: "written.\(syntax.rawValue)")
        #expect(reread.withoutLocations == original.withoutLocations)
        #expect(NativeFormat.text(for: reread, syntax: syntax) == text, "writing is deterministic")
    }

    @Test("JSON and YAML of the same pathway read alike")
    func jsonMatchesYAML() throws {
        let yaml =
            "id: p\nsteps:\n  - {id: a, kind: start}\n  - {id: b, kind: end}\ntransitions:\n  - {from: a, to: b, share: 1}\n"
        let json =
            "{\n\t\"id\": \"p\",\n\t\"steps\": [{\"id\":\"a\",\"kind\":\"start\"}, {\"id\": \"b\", \"kind\": \"end\"}],\n\t\"transitions\": [{\"from\": \"a\", \"to\": \"b\", \"share\": 1}]\n}\n"
        let fromYAML = try NativeFormat.pathway(from: yaml, file: "p.yaml")
        let fromJSON = try NativeFormat.pathway(from: json, file: "p.json")
        #expect(fromYAML.withoutLocations == fromJSON.withoutLocations)
        #expect(fromJSON.steps[1].location == SourceLocation(file: "p.json", line: 3, column: 39))
    }

    struct MalformedCase: Sendable, CustomTestStringConvertible {
        let file: String
        let line: Int
        let column: Int
        let message: String
        var testDescription: String { file }
    }

    @Test(
        "a malformed file gives one error naming the line, column and problem",
        arguments: [
            MalformedCase(file: "alias-bomb.yaml", line: 2, column: 4, message: "aliases are not supported"),
            MalformedCase(file: "bad-indent.yaml", line: 5, column: 4, message: "not valid YAML or JSON"),
            MalformedCase(file: "duplicate-key.yaml", line: 2, column: 1, message: "key 'id' is written twice"),
            MalformedCase(file: "empty.yaml", line: 1, column: 1, message: "the file is empty"),
            MalformedCase(file: "latin1.yaml", line: 4, column: 15, message: "not valid UTF-8"),
            MalformedCase(file: "missing-id.yaml", line: 3, column: 5, message: "a step has no 'id'"),
            MalformedCase(
                file: "share-out-of-range.yaml", line: 6, column: 29, message: "'share' must be between 0 and 1"),
            MalformedCase(file: "steps-not-a-list.yaml", line: 2, column: 8, message: "'steps' must be a list"),
            MalformedCase(file: "trailing-comma.json", line: 6, column: 3, message: "not valid YAML or JSON"),
            MalformedCase(
                file: "unknown-key.yaml", line: 4, column: 5,
                message: "unknown key 'knd' in a step; did you mean 'kind'?"),
            MalformedCase(file: "unknown-kind.yaml", line: 4, column: 11, message: "unknown kind 'beginning'"),
        ])
    func reportsMalformedFile(_ malformed: MalformedCase) throws {
        let path = Fixtures.path("invalid/malformed/\(malformed.file)")
        let error = try #require(throws: InputError.self) {
            try PathwayReaders.standard.read(path)
        }
        #expect(error.location.file == path)
        #expect(error.location.line == malformed.line)
        #expect(error.location.column == malformed.column)
        #expect(error.message.contains(malformed.message), "\(error.message)")
    }

    @Test("a framework keeps its level order, areas and equivalences")
    func readsFramework() throws {
        let text = """
            id: fw
            title: Framework
            levels: [D, C, B, A]
            areas:
              - id: a1
                competencies:
                  - {id: C1, statement: S, levels: [C, A], staffGroups: [gp]}
                areas:
                  - id: a2
                    competencies: [{id: C2, levels: [D]}]
            equivalences:
              - {competency: C1, equivalent: other:X}
            """
        let framework = try NativeFormat.framework(from: text, file: "fw.yaml")
        #expect(framework.allCompetencies.map(\.id) == ["C1", "C2"])
        #expect(framework.rank(ofLevel: "A") == 3)
        #expect(framework.equivalences.first?.equivalent == "other:X")
        let error = try #require(throws: InputError.self) {
            try NativeFormat.framework(
                from: text.replacingOccurrences(of: "levels: [D]", with: "levels: [E]"), file: "fw.yaml")
        }
        #expect(error.message.contains("level 'E' is not in the framework's levels"))
        #expect(error.location.line == 10)
    }

    @Test("a resource with a date that is not YYYY-MM-DD is refused at its line")
    func refusesBadDate() throws {
        let text = "resources:\n  - id: r\n    nextReviewDue: 02/08/2024\n"
        let error = try #require(throws: InputError.self) { try NativeFormat.resources(from: text, file: "r.yaml") }
        #expect(error.location.line == 3)
        #expect(error.message.contains("YYYY-MM-DD"))
    }

    @Test("a file of one kind given where another is expected is named as such")
    func refusesWrongKind() throws {
        let error = try #require(throws: InputError.self) {
            try NativeFormat.pathway(from: "resources: []\n", file: "r.yaml")
        }
        #expect(error.message == "expected a pathway file, but this looks like a resources file")
    }
}

@Suite struct NativeJSONEscapeTests {
    @Test("JSON surrogate-pair escapes read as the character they stand for")
    func surrogatePairs() throws {
        let json = #"{"id": "p", "title": "\uD835\uDC51 and \\uD835 kept", "steps": [{"id": "a", "kind": "start"}]}"#
        let pathway = try NativeFormat.pathway(from: json, file: "p.json")
        #expect(pathway.title == "\u{1D451} and \\uD835 kept")
    }
}
