import Foundation
import PathwayKit
import TestSupport
import Testing

@Suite struct EdgeListReaderTests {
    @Test(
        "corpus edge lists read with the expected counts",
        .needsCorpus,
        arguments: [
            ("csv/networkx/hartford_drug.edgelist", 212, 337),
            ("csv/networkx/lanl_routes.edgelist", 1358, 1363),
            ("csv/pygraphistry/honeypot.csv", 203, 220),
        ])
    func corpusCounts(file: String, nodes: Int, edges: Int) throws {
        let path = Fixtures.corpusPath(file)
        let data = try SourceFile.data(at: path)
        let (graph, names) = try EdgeListReader.graph(data: data, path: path)
        #expect(graph.nodeCount == nodes)
        #expect(graph.edgeCount == edges)
        #expect(names.count == nodes)
        let pathway = try #require(try EdgeListReader.read(data: data, path: path).pathways.first)
        #expect(pathway.steps.count == nodes)
        #expect(pathway.transitions.count == edges)
        // The registry picks the reader by extension.
        let imported = try PathwayReaders.standard.read(path)
        #expect(imported.pathways.first?.transitions.count == edges)
    }

    @Test("a linked edge list is sized by its target, so it is read in full chunks, and reads the same as the file")
    func symbolicLink() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("link-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("network.csv").path
        let rows = (0..<2_000).map { "s\($0),s\($0 + 1)" }.joined(separator: "\n") + "\n"
        try rows.write(toFile: file, atomically: true, encoding: .utf8)
        let link = folder.appendingPathComponent("linked.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        // The link's own size is the length of its target's name; the reader sizes its buffer by the target's.
        #expect(SourceFile.size(at: link) == rows.utf8.count)
        #expect(SourceFile.size(at: folder.path) == 0)
        let direct = try EdgeListReader.index(contentsOf: file)
        let linked = try EdgeListReader.index(contentsOf: link)
        #expect(linked.stepCount == 2_001)
        #expect(linked.graph.edgeCount == direct.graph.edgeCount)
        #expect(linked.pathway().steps.map(\.id) == direct.pathway().steps.map(\.id))
    }

    @Test("the honeypot header is recognised and the first two columns are the ends", .needsCorpus)
    func honeypotHeader() throws {
        let path = Fixtures.corpusPath("csv/pygraphistry/honeypot.csv")
        let pathway = try #require(try EdgeListReader.read(data: SourceFile.data(at: path), path: path).pathways.first)
        #expect(pathway.transitions.first?.from == "1.235.32.141")
        #expect(pathway.transitions.first?.to == "172.31.14.66")
        #expect(pathway.transitions.first?.location?.line == 2)
        #expect(pathway.transitions.first?.condition == nil)
    }

    @Test(
        "malformed rows are errors naming file and line",
        arguments: [
            ("a,b\nc\n", 2, "row has 1 field"),
            ("# comment\n\na,b\n\"c,d\n", 4, "quoted field is not closed"),
            ("from,to,condition,share\na,b,yes,0.5\na,c,no,lots\n", 3, "share 'lots' is not a number"),
            ("from,to\na,b\n,c\n", 3, "the 'from' id is empty"),
            ("a\tb\tx\t2\n", 1, "share '2' is not a number from 0 to 1"),
        ])
    func malformedRows(text: String, line: Int, message: String) {
        do {
            _ = try EdgeListReader.read(data: Data(text.utf8), path: "bad.csv")
            Issue.record("expected an error")
        } catch let error as InputError {
            #expect(error.location == SourceLocation(file: "bad.csv", line: line))
            #expect(error.message.contains(message))
            #expect(error.description.hasPrefix("bad.csv:\(line): error: "))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("conditions, shares, quotes, comments and CRLF are read; kinds come from degrees")
    func fullRows() throws {
        let text =
            "# a pathway\r\nfrom,to,condition,share\r\nstart,\"check, twice\"\r\n\"check, twice\",yes,\"say \"\"yes\"\"\",0.25\r\n"
            + "\"check, twice\",no,,0.75\r\nyes,end\r\nno,end\r\n"
        let pathway = try #require(try EdgeListReader.read(data: Data(text.utf8), path: "x/flow.csv").pathways.first)
        #expect(pathway.id == "flow")
        #expect(pathway.steps.map(\.id.rawValue) == ["start", "check, twice", "yes", "no", "end"])
        #expect(pathway.steps.map(\.kind) == [.start, .decision, .activity, .activity, .end])
        #expect(pathway.transitions[1].condition == "say \"yes\"")
        #expect(pathway.transitions[1].share == 0.25)
        #expect(pathway.transitions[2].condition == nil)
        #expect(pathway.transitions[4].location?.line == 7)
        #expect(Validator.findings(for: pathway).filter { $0.severity == .error }.isEmpty)
    }

    @Test("a node table gives kinds, labels, stages, staff groups and competencies")
    func nodeTable() throws {
        let edges = "a b\nb c\n"
        let nodes =
            "id,kind,label,stage,staffGroups,competencies\nb,activity,Do B,testing,nurse;doctor,c1|c2\nz,end,Lonely,,,\n"
        let pathway = try #require(
            try EdgeListReader.read(
                data: Data(edges.utf8), path: "e.edges", nodeTable: Data(nodes.utf8), nodeTablePath: "e.nodes.csv"
            ).pathways.first)
        #expect(pathway.steps.map(\.id.rawValue) == ["b", "z", "a", "c"])
        let b = pathway.steps[0]
        #expect(b.label == "Do B" && b.stage == "testing" && b.staffGroups == ["nurse", "doctor"])
        #expect(b.competencies.map(\.competency) == ["c1", "c2"])
        #expect(b.location == SourceLocation(file: "e.nodes.csv", line: 2))
        #expect(pathway.steps[1].kind == .end)
        #expect(pathway.steps[2].kind == .start)
    }

    @Test("an unknown kind in the node table is an error at its line")
    func unknownKind() {
        #expect(throws: InputError.self) {
            try EdgeListReader.read(
                data: Data("a,b\n".utf8), path: "e.csv", nodeTable: Data("id,kind\na,wizard\n".utf8),
                nodeTablePath: "e.nodes.csv")
        }
    }

    @Test("the fast path and the normal path agree on a generated network", arguments: [UInt64(1), 2, 3])
    func fastAndNormalAgree(seed: UInt64) throws {
        let generator = PathwayGenerator(PathwayGenerator.Options(steps: 2000, seed: seed))
        let bytes = generator.edgeListBytes()
        let (graph, names) = try EdgeListReader.graph(bytes: bytes)
        #expect(graph.nodeCount == 2000)
        #expect(graph.edgeCount == generator.sources.count)
        #expect(names[0] == "s0")
        let pathway = try #require(try EdgeListReader.read(data: Data(bytes), path: "g.csv").pathways.first)
        #expect(pathway.transitions.count == graph.edgeCount)
        #expect(pathway.withoutLocations.transitions == generator.pathway().transitions)
    }

    @Test("reading a file in small chunks gives the same graph as reading it whole", arguments: [7, 64, 4096])
    func streamingMatchesWhole(chunkSize: Int) throws {
        let generator = PathwayGenerator(PathwayGenerator.Options(steps: 3000, seed: 4))
        var bytes = Array("# generated\n".utf8) + generator.edgeListBytes()
        bytes += Array("\"quoted, with\nline break\",s1,\"a \"\"quoted\"\" condition\"\n".utf8)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pathgap-stream-\(UUID().uuidString).csv"
        ).path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let whole = try EdgeListReader.graph(bytes: bytes)
        let streamed = try EdgeListReader.graph(contentsOf: path, chunkSize: chunkSize)
        #expect(streamed.graph.nodeCount == whole.graph.nodeCount)
        #expect(streamed.graph.successorTargets == whole.graph.successorTargets)
        #expect(streamed.names.offsets == whole.names.offsets)
        #expect(streamed.names.bytes == whole.names.bytes)
        #expect(streamed.names[Int32(streamed.names.count - 1)] == "quoted, with\nline break")
    }

    /// The step ids of an edge list as read, in order of first appearance, and its transitions as id pairs.
    static func read(_ text: String, nodeTable: String? = nil) throws -> (ids: [String], pairs: [[String]]) {
        let pathway = try #require(
            try EdgeListReader.read(
                data: Data(text.utf8), path: "n.csv", nodeTable: nodeTable.map { Data($0.utf8) },
                nodeTablePath: "n.nodes.csv"
            ).pathways.first)
        return (pathway.steps.map(\.id.rawValue), pathway.transitions.map { [$0.from.rawValue, $0.to.rawValue] })
    }

    @Test(
        "ids that are a prefix and a number are told apart from every look-alike, read whole or in chunks",
        arguments: [
            // Numbers without leading zeros, learnt from the first id.
            ["s1", "s2", "s01", "s1", "s", "x1", "1", "s0", "s00", "s1234567890", "S1", "s2", "s 1", "s-1", "s1"],
            // A fixed width, learnt from a first id with a leading zero.
            ["g0001", "g0002", "g1", "g00001", "g0001", "g9999", "g0000", "g0002"],
            // Plain numbers, some beyond the numbering's limit, and a first id with no digits (numbering off).
            ["7", "0", "007", "99999999", "7", "123456789012", "0", "65536", "65535"],
            ["start", "s1", "s2", "s1"],
        ])
    func numberedIDs(ids: [String]) throws {
        var text = ""
        var expectedPairs: [[String]] = []
        for (from, to) in zip(ids, ids.dropFirst()) {
            text += "\(from),\(to)\n"
            expectedPairs.append([from, to].map { $0.trimmingCharacters(in: .whitespaces) })
        }
        var expectedIDs: [String] = []
        for id in expectedPairs.joined() where !expectedIDs.contains(id) { expectedIDs.append(id) }
        let whole = try Self.read(text)
        #expect(whole.ids == expectedIDs)
        #expect(whole.pairs == expectedPairs)
        // Streamed in chunks of a few bytes, ids meet the numbering from every side of a chunk boundary.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pathgap-numbered-\(UUID().uuidString).csv"
        ).path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let index = try EdgeListReader.index(contentsOf: path, chunkSize: 5)
        #expect(index.steps.map { index.stepIDs[$0] } == expectedIDs)
        // Looking an id up by name after the read finds the step the rows named.
        for (position, id) in expectedIDs.enumerated() {
            #expect(index.step(named: StepID(id)) == Index<Step>(position))
        }
    }

    @Test("a node table's numbered ids are the ones the edges name, not new steps")
    func numberedNodeTable() throws {
        let read = try Self.read("s3,s1\ns1,s2\ns2,s4\n", nodeTable: "id,kind\ns1,activity\ns2,end\ns10,start\n")
        #expect(read.ids == ["s1", "s2", "s10", "s3", "s4"])
        #expect(read.pairs == [["s3", "s1"], ["s1", "s2"], ["s2", "s4"]])
    }

    @Test(
        "shares read exactly as Double reads their text",
        arguments: [
            "0", "1", "0.5", "0.7", "0.1", "0.3", "0.333", "00.25", "0.123456789012345", "0.30000000000000004",
            "1.0", "0.0000001", "1e-1", "0.99999999999999999",
        ])
    func plainShares(text: String) throws {
        let pathway = try #require(
            try EdgeListReader.read(data: Data("a,b,,\(text)\na,c,, \(text)\r\n".utf8), path: "s.csv").pathways.first)
        #expect(pathway.transitions.map(\.share) == [Double(text), Double(text)])
        #expect(
            pathway.transitions.map { $0.share?.bitPattern } == [Double(text)?.bitPattern, Double(text)?.bitPattern])
    }

    @Test(
        "plain rows and rows the scanner reads give the same transitions, lines and columns",
        arguments: ["\n", "\r\n"])
    func plainAndScannedRowsAgree(lineBreak: String) throws {
        let rows = [
            "from,to,condition,share", "a,b", " a,c,yes,0.5", "# note", "", "b,d, no ,0.25 ", "\"c\",d", "\td,e",
            "e,f,,", "f,g,x,0.5,extra,fields", "g,\"h\",\"y\"", "h,i,z", "   ", "i,a,w,1",
        ]
        let text = rows.joined(separator: lineBreak) + lineBreak
        let pathway = try #require(try EdgeListReader.read(data: Data(text.utf8), path: "p.csv").pathways.first)
        #expect(
            pathway.transitions.map { "\($0.from)>\($0.to)" } == [
                "a>b", "a>c", "b>d", "c>d", "d>e", "e>f", "f>g", "g>h", "h>i", "i>a",
            ])
        #expect(pathway.transitions.map(\.condition) == [nil, "yes", "no", nil, nil, nil, "x", "y", "z", "w"])
        #expect(pathway.transitions.map(\.share) == [nil, 0.5, 0.25, nil, nil, nil, 0.5, nil, nil, 1])
        #expect(pathway.transitions.map { $0.location?.line } == [2, 3, 6, 7, 8, 9, 10, 11, 12, 14])
    }

    @Test("a malformed row in a streamed file names its line")
    func streamingErrorLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pathgap-stream-\(UUID().uuidString).csv"
        ).path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(("a,b\n" + String(repeating: "c,d\n", count: 100) + "e\n").utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try EdgeListReader.graph(contentsOf: path, chunkSize: 16)
        } throws: { error in
            (error as? InputError)?.location == SourceLocation(file: path, line: 102)
        }
    }
}
