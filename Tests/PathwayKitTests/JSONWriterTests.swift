import PathwayKit
import Testing

@Suite struct JSONWriterTests {
    @Test("strings escape quotes, backslashes, control characters, U+2028 and U+2029, and nothing else")
    func escaping() {
        #expect(OrderedTree.jsonString("") == "\"\"")
        #expect(OrderedTree.jsonString("plain s12/3") == "\"plain s12/3\"")
        #expect(OrderedTree.jsonString("a\"b\\c") == "\"a\\\"b\\\\c\"")
        #expect(
            OrderedTree.jsonString("\n\r\t\r\n\u{0}\u{1}\u{1F}\u{7F}")
                == "\"\\n\\r\\t\\r\\n\\u0000\\u0001\\u001f\u{7F}\"")
        #expect(OrderedTree.jsonString("x\u{2028}y\u{2029}") == "\"x\\u2028y\\u2029\"")
        #expect(OrderedTree.jsonString("é → \u{2027}\u{202A} 😀") == "\"é → \u{2027}\u{202A} 😀\"")
    }

    @Test("trees print with two-space indent, one member per line, and [] and {} when empty")
    func layout() {
        let tree = OrderedTree.map([
            ("a", .list([])), ("b", .map([])),
            ("c", .list([.integer(1), .map([("d", .boolean(true)), ("e", .number(2.5))]), .list([.string("x")])])),
            ("f", .number(30000)),
        ])
        #expect(
            tree.json() == """
                {
                  "a": [],
                  "b": {},
                  "c": [
                    1,
                    {
                      "d": true,
                      "e": 2.5
                    },
                    [
                      "x"
                    ]
                  ],
                  "f": 30000
                }

                """)
        #expect(OrderedTree.string("x").json() == "\"x\"\n")
        #expect(OrderedTree.list([]).json() == "[]\n")
    }

    @Test(
        "the compact layout puts containers of plain values on one line, and lists of up to four such objects; the rest as before"
    )
    func compactLayout() {
        let flat = OrderedTree.map([("from", .string("a")), ("to", .string("b"))])
        let tree = OrderedTree.map([
            ("a", .list([])), ("b", .map([])),
            ("names", .list([.string("x"), .integer(1), .boolean(false)])),
            ("short", .list([flat, .map([("only", .number(0.5))])])),
            ("long", .list(Array(repeating: flat, count: 5))),
            ("mixed", .list([flat, .list([.string("y")])])),
            ("nested", .map([("inner", .map([("deep", .list([.string("z")]))]))])),
        ])
        #expect(
            tree.json(layout: .compact) == """
                {
                  "a": [],
                  "b": {},
                  "names": ["x", 1, false],
                  "short": [{"from": "a", "to": "b"}, {"only": 0.5}],
                  "long": [
                    {"from": "a", "to": "b"},
                    {"from": "a", "to": "b"},
                    {"from": "a", "to": "b"},
                    {"from": "a", "to": "b"},
                    {"from": "a", "to": "b"}
                  ],
                  "mixed": [
                    {"from": "a", "to": "b"},
                    ["y"]
                  ],
                  "nested": {
                    "inner": {
                      "deep": ["z"]
                    }
                  }
                }

                """)
        #expect(OrderedTree.list([flat]).json(layout: .compact) == "[{\"from\": \"a\", \"to\": \"b\"}]\n")
        #expect(OrderedTree.list([]).json(layout: .compact) == "[]\n")
        // Keys that need escaping and long keys take the writer's general path, inline too.
        let awkward = String(repeating: "k", count: 70)
        #expect(
            OrderedTree.map([("q\"", .integer(1)), (awkward, .integer(2))]).json(layout: .compact)
                == "{\"q\\\"\": 1, \"\(awkward)\": 2}\n")
    }

    @Test("flushing hands over what was written and starts afresh")
    func flushing() {
        var writer = JSONWriter()
        writer.beginArray()
        writer.string("a")
        var pieces: [[UInt8]] = []
        writer.flush(atLeast: 100) { pieces.append($0) }
        #expect(pieces.isEmpty)
        writer.flush { pieces.append($0) }
        writer.string("b")
        writer.endArray()
        writer.finish()
        writer.flush { pieces.append($0) }
        #expect(pieces.map { String(decoding: $0, as: UTF8.self) } == ["[\n  \"a\"", ",\n  \"b\"\n]\n"])
        #expect(writer.bytes.isEmpty)
    }
}
