import Foundation
import PathwayKit
import TestSupport
import Testing

/// The native YAML writer (`OrderedTree.yaml()`): libyaml's block layout, and strings that read back as written.
@Suite struct YAMLWriterTests {
    @Test("a tree is laid out in block style: lists under a key at the key's indent, empty ones in flow style")
    func layout() {
        let tree = OrderedTree.map([
            ("id", .string("p")),
            ("steps", .list([.map([("id", .string("a")), ("staffGroups", .list([.string("gp")]))])])),
            ("nested", .list([.list([.string("x"), .string("z")])])),
            ("share", .number(0.5)), ("count", .integer(3)), ("flag", .boolean(true)),
            ("empty", .list([])), ("none", .map([])),
        ])
        #expect(
            tree.yaml() == """
                id: p
                steps:
                - id: a
                  staffGroups:
                  - gp
                nested:
                - - x
                  - z
                share: 0.5
                count: 3
                flag: true
                empty: []
                none: {}

                """)
    }

    @Test(
        "labels that look like other types, hold YAML syntax or characters YAML cannot print read back unchanged",
        arguments: [
            "yes", "No", "null", "~", "123", "-5", "1.5e3", ".inf", "0x1F", "2026-01-01", "1:30", "1st visit",
            "a: b", "Foo:", "- item", "? what", "#hash", "a #comment", "'quoted'", "\"double\"", "it's", "[list]",
            "{map}", "&anchor", "*alias", "!tag", "|block", ">folded", "%percent", "@at", "`tick`", "---", "...",
            " leading", "trailing ", "line\nbreak", "tab\there", "bell\u{7}", "esc\u{1B}[31m", "nel\u{85}",
            "sep\u{2028}x", "bom\u{FEFF}", "bidi\u{202E}x", "é ü 中文 😀", "back\\slash", "",
        ])
    func roundTrips(label: String) throws {
        var pathway = Pathway(id: "p", title: label.isEmpty ? "t" : label)
        pathway.steps = [
            Step(id: "a", label: label.isEmpty ? "a" : label, kind: .start), Step(id: "b", label: "B", kind: .end),
        ]
        pathway.steps[0].notes = label.isEmpty ? nil : label
        pathway.transitions = [Transition(from: "a", to: "b", condition: label.isEmpty ? nil : label)]
        let text = NativeFormat.text(for: pathway)
        let reread = try NativeFormat.pathway(from: text, file: "written.yaml")
        #expect(reread.withoutLocations == pathway.withoutLocations, "\(text)")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "control characters are escaped")
    }
}
