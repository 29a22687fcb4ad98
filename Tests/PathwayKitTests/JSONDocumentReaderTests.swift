import Foundation
import TestSupport
import Testing

@testable import PathwayKit

@Suite struct JSONDocumentReaderTests {
    /// Every node of a document, depth first, as "line:column kind text" lines.
    static func outline(_ node: DocumentNode) -> [String] {
        var lines: [String] = []
        var stack = [node]
        while let node = stack.popLast() {
            let place = "\(node.location.line ?? 0):\(node.location.column ?? 0)"
            switch node.value {
            case .scalar(let text, let isPlain):
                lines.append("\(place) \(isPlain ? "plain" : "quoted") \(text.debugDescription)")
            case .sequence(let items):
                lines.append("\(place) sequence \(items.count)")
                stack += items.reversed()
            case .mapping(let pairs):
                lines.append("\(place) mapping \(pairs.count)")
                stack += pairs.reversed().flatMap { [$0.value, $0.key] }
            }
        }
        return lines
    }

    /// JSON texts that exercise what the reader must give exactly as libyaml does: positions after tabs, CR LF and
    /// multi-byte characters, escapes, numbers, literals, empty containers and trailing commas.
    static let texts: [String] = [
        "{\n\t\"id\": \"p\",\n\t\"steps\": [{\"id\":\"a\",\"kind\":\"start\"}, {\"id\": \"b\", \"kind\": \"end\"}]\n}\n",
        "{\"a\": [1, -2.5e3, 0, true, false, null, \"\", [], {}],\r\n \"é→\": \"ß \\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00e9 \\uD835\\uDC51\",\r\n \"x\": \"✓ après\"}",
        "[\n  {\"id\": \"s1\", \"label\": \"Ünïcode — label\", \"share\": 0.25},\n  {\"id\": \"s2\"},\n]\n",
        "  \"just a string\"  ",
        "{\"nested\": {\"deeper\": {\"list\": [[1, 2], [3], []]}}, \"last\": 1e-9}",
    ]

    @Test("plain JSON reads to the nodes and positions libyaml gives", arguments: 0..<texts.count)
    func matchesLibyaml(case number: Int) throws {
        let text = Self.texts[number]
        let fast = try #require(JSONDocumentReader.parse(text, file: "t.json"))
        let slow = try DocumentNode.parseWithLibyaml(DocumentNode.joiningSurrogateEscapes(text), file: "t.json")
        #expect(Self.outline(fast) == Self.outline(slow))
    }

    @Test("the bundled pilots written as JSON read to the same nodes as through libyaml")
    func pilotsMatchLibyaml() throws {
        #expect(!ProjectFolders.bundled.isEmpty)
        for folder in ProjectFolders.bundled {
            let project = try ProjectLoader().loadProject(at: Fixtures.path("projects/\(folder)")).project
            for pathway in project.pathways {
                let text = NativeFormat.text(for: pathway, syntax: .json)
                let fast = try #require(JSONDocumentReader.parse(text, file: "p.json"))
                let slow = try DocumentNode.parseWithLibyaml(text, file: "p.json")
                #expect(Self.outline(fast) == Self.outline(slow), "\(folder)/\(pathway.id)")
                #expect(
                    try NativeFormat.pathway(from: text, file: "p.json").withoutLocations == pathway.withoutLocations)
            }
        }
    }

    @Test(
        "what is not plain JSON is left to libyaml",
        arguments: [
            "{\"a\": 1,, \"b\": 2}", "{\"a\": 1 \"b\": 2}", "{\"a\": \"\\uD835 lone\"}", "{\"a\": \"\\q\"}",
            "{\"a\": \"raw\ttab\"}", "{\"a\": \"del \u{7F}\"}", "{\"a\": \"c1 \u{85}\"}", "{\"a\": 1} # comment",
            "{\"a\": 1, \"a\": 2}", "{a: 1}", "{\"a\": yes}", "{\"a\": 1 2}", "", "   \n", "{\"a\": [1, 2}",
            String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
        ])
    func leavesTheRestToLibyaml(text: String) {
        #expect(JSONDocumentReader.parse(text, file: "t.json") == nil)
    }

    @Test("a duplicated key in a JSON file is refused with libyaml's message and place")
    func duplicateKey() throws {
        let error = try #require(throws: InputError.self) {
            try NativeFormat.pathway(
                from: "{\n  \"id\": \"p\",\n  \"id\": \"q\",\n  \"steps\": []\n}\n", file: "p.json")
        }
        #expect(error.message.contains("key 'id' is written twice"))
        #expect(error.location.line == 3)
    }
}
