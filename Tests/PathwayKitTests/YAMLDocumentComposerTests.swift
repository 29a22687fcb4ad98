import Foundation
import TestSupport
import Testing

@testable import PathwayKit

/// The YAML reader over libyaml's events keeps the messages, places and limits the readers had when they went
/// through Yams' node tree: each expected message below is what that reader gave for the same text.
@Suite struct YAMLDocumentComposerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let line: Int?
        let column: Int?
        let message: String
        var testDescription: String { name }
    }

    static let nesting = "Maximum nesting level reached, set with yaml_set_max_nest_level()) while parsing"

    static let cases: [Case] = [
        Case(
            name: "a control character", text: "id: p\nsteps:\n  - id: a\n    label: x\u{1}y\n", line: nil, column: nil,
            message:
                "not valid YAML or JSON: 4:13: error: reader: control characters are not allowed:\n    label: x\u{1}y\n"
                + String(repeating: " ", count: 12) + "^"),
        Case(
            name: "a key written twice", text: "id: p\nsteps:\n  - {id: a, b: 1, b: 2}\n", line: 3, column: 13,
            message: "key 'b' is written twice in one mapping (the mapping starts at line 3)"),
        Case(
            name: "the same text as two types of key", text: "id: p\nsteps:\n  - {id: a, 1: x, \"1\": y}\n",
            line: 3, column: 13,
            message:
                "unknown key '1' in a step; did you mean 'id'? (allowed: "
                + NativeFormat.stepKeys.joined(separator: ", ") + ")"),
        Case(
            name: "two documents", text: "id: p\n---\nid: q\n", line: 2, column: 1,
            message: "not valid YAML or JSON: but found another document expected a single document in the stream"),
        Case(
            name: "an alias to no anchor", text: "id: p\nsteps:\n  - id: *a\n", line: 3, column: 9,
            message: "not valid YAML or JSON: found undefined alias"),
        Case(
            name: "flow collections nested 5,000 deep",
            text: "id: p\nsteps: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n",
            line: 2, column: 9, message: "not valid YAML or JSON: " + nesting),
        Case(
            name: "flow mappings nested 5,000 deep",
            text: "id: p\nsteps: " + String(repeating: "{a: ", count: 5000) + "1" + String(repeating: "}", count: 5000)
                + "\n", line: 2, column: 4000, message: "not valid YAML or JSON: " + nesting),
        Case(
            name: "block sequences nested 1,200 deep",
            text: "id: p\nsteps:\n"
                + (1...1200).map { String(repeating: "  ", count: $0) + "- \n" }.joined(), line: 1001, column: 1999,
            message: "not valid YAML or JSON: " + nesting),
        Case(
            name: "block mappings nested 1,200 deep",
            text: "id: p\nsteps:\n"
                + (1...1200).map { String(repeating: "  ", count: $0) + "k: \n" }.joined(), line: 1001, column: 1999,
            message: "not valid YAML or JSON: " + nesting),
    ]

    @Test("a malformed YAML text gives the message and place it always has", arguments: cases)
    func message(_ malformed: Case) throws {
        for read in [
            { try NativeFormat.pathway(from: malformed.text, file: "c.yaml") },
            { try NativeFormat.pathwayFromTree(malformed.text, file: "c.yaml") },
        ] {
            let error = try #require(throws: InputError.self) { try read() }
            #expect(error.message == malformed.message)
            #expect(error.location.line == malformed.line)
            #expect(error.location.column == malformed.column)
        }
    }

    @Test("JSON nested 3,000 deep is refused at libyaml's nesting limit, not read into a crash")
    func deepJSON() throws {
        let nested = String(repeating: "[", count: 3000) + String(repeating: "]", count: 3000)
        let text = "{\"id\": \"p\", \"steps\": " + nested + "}"
        let error = try #require(throws: InputError.self) { try NativeFormat.pathway(from: text, file: "d.json") }
        #expect(error.message == "not valid YAML or JSON: " + Self.nesting)
        #expect(error.location.line == 1)
        #expect(error.location.column == 1)
    }

    @Test("an alias straight after its anchored text repeats it, as it always did")
    func aliasAtItsAnchor() throws {
        let pathway = try NativeFormat.pathway(
            from: "id: p\nsteps:\n  - id: a\n    staffGroups: [&g gp, *g]\n", file: "a.yaml")
        #expect(pathway.steps.first?.staffGroups == ["gp", "gp"])
    }

    @Test("each node keeps its line and column, and its quoting")
    func positions() throws {
        let root = try YAMLDocumentComposer.document("a:\n  - 'x'\n  - y: [1, é]\n", file: "p.yaml")
        #expect(
            JSONDocumentReaderTests.outline(root) == [
                "1:1 mapping 1", "1:1 plain \"a\"", "2:3 sequence 2", "2:5 quoted \"x\"", "3:5 mapping 1",
                "3:5 plain \"y\"", "3:8 sequence 2", "3:9 plain \"1\"", "3:12 plain \"é\"",
            ])
    }
}
