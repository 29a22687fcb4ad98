import Foundation
import TestSupport
import Testing

@testable import PathwayKit

@Suite struct NativePathwayStreamTests {
    /// Every YAML and JSON file under `Fixtures/`, relative to it: pathways, projects, frameworks, malformed files.
    static let nativeFiles: [String] = {
        let base = Fixtures.directory.path
        let found = FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? []
        return found.filter { ["yaml", "yml", "json"].contains(URL(fileURLWithPath: $0).pathExtension) }.sorted()
    }()

    /// What the tree reader makes of a text: the pathway, or `nil` when it refuses the text.
    static func throughTree(_ text: String, file: String) -> Pathway? {
        try? NativeFormat.pathwayFromTree(text, file: file)
    }

    /// Checks that the streamed reader agrees with the tree reader on a text: the same pathway, or nothing where the
    /// tree reader refuses it; where the tree reader reads it, the stream may leave it only when `mayLeave` (a JSON
    /// file that is not plain JSON, an anchor, a boundary).
    static func expectAgreement(
        _ text: String, file: String, mayLeave: Bool, _ comment: Comment? = nil,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let streamed = NativeFormat.streamedPathway(text, file: file)
        guard let tree = throughTree(text, file: file) else {
            #expect(streamed == nil, "a text the tree reader refuses is left to it", sourceLocation: sourceLocation)
            return
        }
        if let streamed {
            #expect(streamed == tree, comment, sourceLocation: sourceLocation)
            #expect(
                NativeFormat.text(for: streamed, syntax: .yaml) == NativeFormat.text(for: tree, syntax: .yaml),
                sourceLocation: sourceLocation)
        } else {
            #expect(mayLeave, "the streamed reader left a text to the tree reader", sourceLocation: sourceLocation)
        }
    }

    @Test("the streamed reader gives the tree reader's pathway, or leaves the file to it", arguments: nativeFiles)
    func matchesTheTree(file: String) throws {
        let path = Fixtures.path(file)
        guard let text = try? SourceFile.text(at: path) else { return }  // not UTF-8: refused before any reader
        Self.expectAgreement(text, file: path, mayLeave: file.hasSuffix(".json") || text.contains("boundary:"))
    }

    @Test("the pathways of the fixtures written as JSON stream to what the tree reader reads", arguments: nativeFiles)
    func jsonMatchesTheTree(file: String) throws {
        let path = Fixtures.path(file)
        guard let text = try? SourceFile.text(at: path), let pathway = Self.throughTree(text, file: path) else {
            return
        }
        let json = NativeFormat.text(for: pathway, syntax: .json)
        let leaves = pathway.boundary != nil
        Self.expectAgreement(json, file: "p.json", mayLeave: leaves)
        // The same JSON read through libyaml's events (a file not named .json) gives the same pathway.
        Self.expectAgreement(json, file: "p.txt", mayLeave: leaves)
    }

    /// Small texts on the edge of what the streamed reader follows: each must give the tree reader's pathway or be
    /// left to it.
    static let edgeTexts: [String] = [
        "id: p\nsteps:\n  - {id: a, kind: start}\n  - {id: b, kind: end}\ntransitions:\n  - {from: a, to: b, share: 1}\n",
        "id: p\nsteps: ~\ntransitions: null\ntitle:\ndescription: ''\n",
        "id: ' p '\nsteps:\n  - id: a\n    label:\n    staffGroups: gp\n    competencies: [C1, {id: C2, level: B}, {id: C3}]\n",
        "id: p\nsteps:\n  - id: a\n    patientsPerYear: ' 12.5 '\n    fixed: Yes\n    reading: project\n    testCodes: [M1, ' R2 ']\n",
        "id: p\nsteps:\n  - id: a\n    kind: Gateway\n    notes: |\n      two\n      lines\n    stage: \"s\"\n",
        "id: p\nsteps:\n  - id: a\n    patientsPerYear: -1\n",
        "id: p\nsteps:\n  - id: a\n    id: b\n",
        "id: p\nsteps:\n  - id: a\n    knd: start\n",
        "id: p\nsteps:\n  - &x {id: a}\n",
        "id: p\nsteps:\n  - {id: a}\n  - *x\n",
        "id: p\nsteps: [{id: a}]\n---\nid: q\n",
        "id: p\nboundary: {parent: q}\n",
        "id: p\nsteps:\n  - id: a\n    competencies: [~]\n",
        "id: p\nsteps:\n  - id: a\n    staffGroups: ['']\n",
        "id: p\ntransitions:\n  - {from: a, to: b, share: 2}\n",
        "id: p\ntransitions:\n  - {from: a, to: b, fixed: maybe}\n",
        "id: p\ntransitions:\n  - {from: a, to: b, source: s, condition: c, fixed: off}\n",
        "{\"id\": \"p\", \"steps\": [{\"id\": \"a\", \"label\": \"\\u00e9\\uD835\\uDC51 \\\"q\\\"\"}], \"transitions\": []}",
        "{\"id\": \"p\", \"steps\": [{\"id\": \"a\"},], \"transitions\": [],}",
        "{\"id\": \"p\", \"id\": \"q\"}",
        "[]",
        "",
        "id:\n",
        "? [a]\n: b\n",
        "id: p\nsteps:\n  - id: a\n    label: \u{1}\n",
    ]

    @Test("texts on the edge of the streamed reader give the tree reader's result", arguments: 0..<edgeTexts.count)
    func edgeCases(number: Int) {
        let text = Self.edgeTexts[number]
        let plainJSON = text.hasPrefix("{") || text.hasPrefix("[")
        let leaves = text.contains("&") || text.contains("boundary")
        Self.expectAgreement(text, file: "p.yaml", mayLeave: leaves)
        Self.expectAgreement(text, file: "p.json", mayLeave: leaves || !plainJSON)
    }

    @Test("mutated fixtures: the streamed reader never accepts what the tree reader refuses, nor differs from it")
    func mutations() throws {
        var random = SplitMix64(seed: 13)
        let sources = ["pathways/branching.yaml", "pathways/stages.yaml", "invalid/malformed/trailing-comma.json"]
        let inserts = [
            "", " ", "\n", "- ", ": ", "{", "}", "[", "]", ",", "&a ", "*a", "'", "\"", "#", "~", "null", "\t",
        ]
        for source in sources {
            let original = Array(try SourceFile.text(at: Fixtures.path(source)).utf8)
            for _ in 0..<150 {
                var bytes = original
                let at = Int(random.next() % UInt64(bytes.count))
                let length = Int(random.next() % 4)
                let insert = inserts[Int(random.next() % UInt64(inserts.count))]
                bytes.replaceSubrange(at..<min(bytes.count, at + length), with: Array(insert.utf8))
                let text = String(decoding: bytes, as: UTF8.self)
                for file in ["m.yaml", "m.json"] {
                    Self.expectAgreement(text, file: file, mayLeave: true, "\(source) → \(text.debugDescription)")
                }
            }
        }
    }
}
