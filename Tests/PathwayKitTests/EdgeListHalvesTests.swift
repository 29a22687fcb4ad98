import Foundation
import TestSupport
import Testing

@testable import PathwayKit

/// A large edge list is read in two halves on two threads (``EdgeListReader/SecondHalf``); these tests cut small
/// files at every byte and check that the halves read as one pass does.
@Suite struct EdgeListHalvesTests {
    /// Files with what a cut can fall into: quoted fields with separators and line breaks, CRLF, comments and blank
    /// lines, a header, conditions and shares, numbered and named ids, tabs and blanks as separators.
    static let files: [(name: String, text: String)] = [
        (
            "quoted.csv",
            "# a pathway\r\nfrom,to,condition,share\r\nstart,\"check, twice\"\r\n"
                + "\"check, twice\",yes,\"say \"\"yes\"\"\nor \"\"maybe\"\"\",0.25\r\n\r\n# between\r\n"
                + "\"check, twice\",no,,0.75\r\nyes,end\r\nno,\"end\"\r\n\"multi\nline\",start,\"a\nb\",\r\nend,\"multi\nline\"\r\n"
        ),
        ("numbered.csv", (0..<40).map { "s\($0 * 7 % 23),s\($0 * 5 % 19)" }.joined(separator: "\n") + "\ns3,x9\nx9,s4"),
        ("numbers.tsv", (0..<40).map { "\($0 * 11 % 31)\t\($0 * 3 % 29)\tc\($0 % 3)" }.joined(separator: "\n") + "\n"),
        (
            "blanks.edges",
            "a b\n  b c\n\n# c d\nc\td\nd a\n" + (0..<20).map { "n\($0) n\($0 + 1)" }.joined(separator: "\n")
        ),
    ]

    /// What a read gave, as text to compare: the ids in order, each transition with its ends, condition, share and
    /// line, and the steps' kinds and lines.
    static func summary(_ index: PathwayIndex) -> [String] {
        index.steps.map { "\(index.stepIDs[$0]) \(index.kinds[$0]) \(index.line($0))" }
            + index.transitions.map { transition in
                let from = index.stepIDs[index.transitionSources[transition]]
                let to = index.stepIDs[index.transitionTargets[transition]]
                let share = index.share(transition).map { "\($0)" } ?? "-"
                return "\(from) → \(to) \(index.conditions[transition] ?? "-") \(share) "
                    + "\(index.location(transition)?.line ?? 0)"
            }
    }

    /// Writes a file into a fresh folder (with a node table beside it, when given) and reads it with `body`.
    static func withFile<Result>(
        _ name: String, _ text: String, nodeTable: String? = nil, _ body: (String) throws -> Result
    ) throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("halves-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        if let nodeTable {
            let stem = (name as NSString).deletingPathExtension
            try Data(nodeTable.utf8).write(to: folder.appendingPathComponent("\(stem).nodes.csv"))
        }
        return try body(path)
    }

    @Test("cut at every byte, a file reads in two halves as in one pass", arguments: 0..<4)
    func everyCut(file: Int) throws {
        let (name, text) = Self.files[file]
        try Self.withFile(name, text) { path in
            let onePass = Self.summary(try EdgeListReader.index(contentsOf: path, chunkSize: 16, halves: .never))
            let graph = try EdgeListReader.graph(contentsOf: path, chunkSize: 16, halves: .never)
            // Where the second half really starts: a cut inside a quoted field is found out and read in one pass.
            var starts = Set<Int>()
            for middle in 0...text.utf8.count {
                let edges = try EdgeListReader.scanFile(
                    path, chunkSize: 16, builder: nil, full: false, halves: .at(middle))
                if let start = edges.secondHalfStart { starts.insert(start) }
                let halves = try EdgeListReader.index(contentsOf: path, chunkSize: 16, halves: .at(middle))
                #expect(Self.summary(halves) == onePass, "cut at \(middle)")
                let halvesGraph = try EdgeListReader.graph(contentsOf: path, chunkSize: 16, halves: .at(middle))
                #expect(halvesGraph.graph == graph.graph, "cut at \(middle)")
                #expect(halvesGraph.names == graph.names, "cut at \(middle)")
            }
            // Every line break but those of the first chunk, the last line and quoted fields starts a second half.
            #expect(starts.count >= text.utf8.count { $0 == 0x0A } / 2, "\(starts.sorted())")
        }
    }

    @Test("with a node table, ids the table declares keep their steps in both halves")
    func nodeTable() throws {
        let edges = (0..<30).map { "s\($0 % 9),s\(($0 * 4) % 13)" }.joined(separator: "\n") + "\n"
        let table = "id,kind,label\ns12,end,Twelve\ns5,decision,Five\nlone,activity,Lone\n"
        try Self.withFile("g.csv", edges, nodeTable: table) { path in
            let onePass = Self.summary(try EdgeListReader.index(contentsOf: path, chunkSize: 8, halves: .never))
            #expect(onePass.first == "s12 end 2")
            for middle in 0...edges.utf8.count {
                let halves = try EdgeListReader.index(contentsOf: path, chunkSize: 8, halves: .at(middle))
                #expect(Self.summary(halves) == onePass, "cut at \(middle)")
            }
        }
    }

    @Test("a malformed row names its line wherever the cut falls; the first one in the file is the one reported")
    func errorLines() throws {
        var rows = (0..<30).map { "a\($0),a\($0 + 1)" }
        rows[21] = "lonely"
        var earlier = rows
        earlier[6] = "a6,"
        var unclosed = rows
        unclosed[12] = "\"never closed,a13"
        let texts = [rows, earlier, unclosed].map { $0.joined(separator: "\r\n") + "\r\n" }
        var lines: [Int?] = []
        for text in texts {
            try Self.withFile("bad.csv", text) { path in
                func failure(_ read: () throws -> Void) -> InputError? {
                    do {
                        try read()
                        return nil
                    } catch {
                        return error as? InputError
                    }
                }
                let expected = failure { _ = try EdgeListReader.index(contentsOf: path, chunkSize: 8, halves: .never) }
                lines.append(expected?.location.line)
                for middle in 0...text.utf8.count {
                    let index = failure {
                        _ = try EdgeListReader.index(contentsOf: path, chunkSize: 8, halves: .at(middle))
                    }
                    #expect(index == expected, "cut at \(middle)")
                    let graph = failure {
                        _ = try EdgeListReader.graph(contentsOf: path, chunkSize: 8, halves: .at(middle))
                    }
                    #expect(graph?.location == expected?.location, "cut at \(middle)")
                }
            }
        }
        #expect(lines[0] == 22 && lines[1] == 7 && lines[2] != nil)
    }

    @Test("a generated network read in halves is the network read in one pass", arguments: [UInt64(1), 2])
    func generated(seed: UInt64) throws {
        let generator = PathwayGenerator(PathwayGenerator.Options(steps: 5_000, seed: seed))
        let text = String(decoding: generator.edgeListBytes(), as: UTF8.self)
        try Self.withFile("g.csv", text) { path in
            let onePass = Self.summary(try EdgeListReader.index(contentsOf: path, chunkSize: 1 << 20, halves: .never))
            let size = text.utf8.count
            for middle in [size / 3, size / 2, size - 40] {
                #expect(
                    Self.summary(try EdgeListReader.index(contentsOf: path, chunkSize: 4096, halves: .at(middle)))
                        == onePass)
            }
        }
    }
}
