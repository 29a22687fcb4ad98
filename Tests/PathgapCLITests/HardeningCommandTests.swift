import Foundation
import PathgapCLI
import PathwayKit
import TestSupport
import Testing

/// Hostile inputs and failing outputs through the commands: one message with a place, the right exit status, and
/// output written whole or not at all.
@Suite struct HardeningCommandTests {
    static func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pathgap-hardening-\(UUID().uuidString)"
        )
        .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("a label over the limit is refused at read time, naming the step and the limit")
    func longLabel() {
        let console = Console.capturing()
        let path = Fixtures.path("hostile/long-label.yaml")
        #expect(Pathgap.run(["validate", path], console: console) == 64)
        #expect(console.errors.hasPrefix("\(path):3:5: error: the label of step 'a'"))
        #expect(console.errors.contains("step 'a' is 10001 characters long"))
        #expect(console.errors.contains("at most \(InputLimits.labelLength) characters"))
    }

    /// A GraphML file with two pathways, `p/1` and `p-1`, whose ids (and whose sub-pathways' ids, `p/1/1` and
    /// `p-1/1`) clean up to the same file names.
    static func collidingPathways(in folder: String) throws -> String {
        let input = folder + "/two.graphml"
        try """
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <graph id="p/1" edgedefault="directed"><node id="a"/><node id="b"/><edge source="a" target="b"/></graph>
        <graph id="p-1" edgedefault="directed"><node id="c"/><node id="d"/><edge source="c" target="d"/></graph>
        </graphml>
        """.write(toFile: input, atomically: true, encoding: .utf8)
        return input
    }

    @Test(
        "ids that clean up to the same file name are an error naming both, before anything is written",
        arguments: [["decompose", "--split"], ["render", "--format", "dot", "--out"]])
    func collidingIDs(command: [String]) throws {
        let folder = try Self.scratch()
        let input = try Self.collidingPathways(in: folder)
        let out = folder + "/out"
        let console = Console.capturing()
        let status = Pathgap.run([command[0], input] + command.dropFirst() + [out], console: console)
        #expect(status == 64)
        #expect(console.errors.contains("' would both be written to this file"))
        #expect(console.errors.contains("'p/1"))
        #expect(console.errors.contains("'p-1"))
        let written = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        #expect(written.isEmpty)
    }

    @Test("convert --out refuses two pathways whose ids clean up to one file name, naming both, writing nothing")
    func convertCollision() throws {
        let folder = try Self.scratch()
        let input = try Self.collidingPathways(in: folder)
        let console = Console.capturing()
        let status = Pathgap.run(["convert", input, "--to", "yaml", "--out", folder + "/out.yaml"], console: console)
        #expect(status == 64)
        #expect(console.errors.hasPrefix(folder + "/out-p-1.yaml"))
        #expect(console.errors.contains("'p/1' and 'p-1' would both be written to this file"))
        let written = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(written == ["two.graphml"])
    }

    @Test(
        "a label over the limit is refused on the streamed edge-list path too (an id as label, or a node table's)",
        arguments: ["edgelist", "csv"])
    func longLabelStreamed(format: String) throws {
        let folder = try Self.scratch()
        let long = String(repeating: "n", count: InputLimits.labelLength + 1)
        let edges = folder + "/chain.csv"
        try "from,to\na,b\nb,\(long)\n".write(toFile: edges, atomically: true, encoding: .utf8)
        let console = Console.capturing()
        #expect(Pathgap.run(["validate", edges, "--from", format], console: console) == 64)
        #expect(console.errors.hasPrefix("\(edges):3:"))
        #expect(console.errors.contains("is \(InputLimits.labelLength + 1) characters long"))
        // A label of its own, from the node table beside the edge list, within and over the limit.
        let labelled = folder + "/labelled.csv"
        try "from,to\na,b\n".write(toFile: labelled, atomically: true, encoding: .utf8)
        let table = folder + "/labelled.nodes.csv"
        try "id,label\na,\(String(repeating: "é", count: InputLimits.labelLength))\nb,B\n".write(
            toFile: table, atomically: true, encoding: .utf8)
        #expect(Pathgap.run(["validate", labelled, "--from", format], console: Console.capturing()) == 0)
        try "id,label\na,A\nb,\(String(repeating: "é", count: InputLimits.labelLength + 1))\n".write(
            toFile: table, atomically: true, encoding: .utf8)
        let over = Console.capturing()
        #expect(Pathgap.run(["validate", labelled, "--from", format], console: over) == 64)
        #expect(over.errors.contains("the label of step 'b' is \(InputLimits.labelLength + 1) characters long"))
        // The reader's index path itself refuses it, whoever calls it.
        let reader = format == "csv" ? PathwayReader.csv : PathwayReader.edgeList
        #expect(reader.readIndex != nil)
        #expect(throws: InputError.self) { _ = try reader.readIndex?(labelled) }
    }

    @Test("a newline in an id cannot forge a finding line in validate's output")
    func newlineInID() {
        let console = Console.capturing()
        _ = Pathgap.run(["validate", Fixtures.path("hostile/newline-id.yaml")], console: console)
        let lines = (console.output + console.errors).split(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix("fake.yaml") })
        #expect(console.output.contains("\\nfake.yaml:1: error: forged"))
    }

    @Test("the report's Markdown escapes link syntax and its CSV and HTML drop control characters")
    func reportEscaping() throws {
        let folder = try Self.scratch()
        let console = Console.capturing()
        let status = Pathgap.run(
            ["report", Fixtures.path("hostile/markdown-link"), "--out", folder, "--format", "md,csv,html"],
            console: console)
        #expect(status == 0)
        let markdown = try String(contentsOfFile: folder + "/report.md", encoding: .utf8)
        #expect(markdown.contains("[x]\\(javascript:alert(1))"))
        #expect(!markdown.contains("](javascript"))
        for name in ["report.md", "report.csv", "report.html"] {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            #expect(!text.unicodeScalars.contains("\u{7}"), "\(name) holds a BEL")
        }
    }

    @Test("a manifest entry that does not exist is reported at its line in project.yaml")
    func missingEntryLine() {
        let console = Console.capturing()
        let folder = Fixtures.path("hostile/missing-entry")
        #expect(Pathgap.run(["validate", folder], console: console) == 64)
        #expect(console.errors.hasPrefix("\(folder)/project.yaml:6:5: error: the project names 'nowhere.yaml'"))
    }

    @Test("a file without an extension, and a device, get messages that say so")
    func extensionAndDevice() throws {
        let folder = try Self.scratch()
        try "x".write(toFile: folder + "/README", atomically: true, encoding: .utf8)
        let console = Console.capturing()
        #expect(Pathgap.run(["validate", folder + "/README"], console: console) == 64)
        #expect(console.errors.contains("the file has no extension to tell its format"))
        #expect(!console.errors.contains("'.'"))
        // /dev/zero gives bytes for ever: refused by its type before it is opened for reading.
        let second = Console.capturing()
        #expect(Pathgap.run(["validate", "/dev/zero", "--from", "yaml"], console: second) == 64)
        #expect(second.errors.hasPrefix("/dev/zero: error: is a device (pathgap reads files, pipes and terminals)"))
    }

    @Test("a framework file without an extension is named as such, never as a '.' file")
    func frameworkWithoutExtension() throws {
        let folder = try Self.scratch()
        try FileManager.default.copyItem(atPath: Fixtures.path("pathways/linear.yaml"), toPath: folder + "/p.yaml")
        try "x".write(toFile: folder + "/framework", atomically: true, encoding: .utf8)
        try "id: c\ntitle: c\npathways: [p.yaml]\nframeworks: [framework]\n".write(
            toFile: folder + "/project.yaml", atomically: true, encoding: .utf8)
        let console = Console.capturing()
        #expect(Pathgap.run(["validate", folder], console: console) == 64)
        #expect(console.errors.hasPrefix("\(folder)/framework: error: the file has no extension to tell its format"))
        #expect(!console.errors.contains("'.'"))
    }

    @Test(
        "a regional variant based on itself, or two based on each other, is refused (it overflowed the stack)",
        arguments: [".", "../b"])
    func basedOnCycle(base: String) throws {
        let folder = try Self.scratch()
        for name in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: "\(folder)/\(name)", withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                atPath: Fixtures.path("pathways/linear.yaml"), toPath: "\(folder)/\(name)/p.yaml")
            let basedOn = name == "a" ? base : "../a"
            try "id: \(name)\ntitle: \(name)\nbasedOn: \(basedOn)\npathways: [p.yaml]\n".write(
                toFile: "\(folder)/\(name)/project.yaml", atomically: true, encoding: .utf8)
        }
        let console = Console.capturing()
        #expect(Pathgap.run(["validate", folder + "/a"], console: console) == 64)
        #expect(console.errors.contains("which is itself a regional variant"))
    }

    @Test("a label over the limit written in a regional overlay is refused like one in a pathway file")
    func longLabelInOverlay() throws {
        let folder = try Self.scratch()
        let national = Fixtures.path("regional/fh-national")
        let long = String(repeating: "x", count: InputLimits.labelLength + 1)
        try "overlay: familial-hypercholesterolaemia\nsteps:\n  add:\n    - {id: NEW, label: \(long), reason: r}\n"
            .write(toFile: folder + "/overlay.yaml", atomically: true, encoding: .utf8)
        try "id: v\ntitle: v\nbasedOn: \(national)\npathways: [overlay.yaml]\n".write(
            toFile: folder + "/project.yaml", atomically: true, encoding: .utf8)
        let console = Console.capturing()
        #expect(Pathgap.run(["validate", folder], console: console) == 64)
        #expect(console.errors.contains("the label of step 'NEW' is \(InputLimits.labelLength + 1) characters long"))
    }

    @Test("a pathway entry that links to another file, or a 10 MB scalar, gives one bounded line, not the file")
    func boundedMessages() throws {
        let folder = try Self.scratch()
        // A file of many lines that is not a pathway (as /etc/services is), reached through a symbolic link.
        let system = folder + "/services"
        try (0..<5_000).map { "service\($0)   \($0)/tcp   # \u{1B}[31mred\u{1B}[0m" }.joined(separator: "\n")
            .write(toFile: system, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/p.yaml", withDestinationPath: system)
        try "id: s\ntitle: s\npathways: [p.yaml]\n".write(
            toFile: folder + "/project.yaml", atomically: true, encoding: .utf8)
        let linked = Console.capturing()
        #expect(Pathgap.run(["validate", folder], console: linked) == 64)
        #expect(linked.errors.hasPrefix("\(folder)/p.yaml:"))
        #expect(linked.errors.split(separator: "\n").count == 1)
        #expect(linked.errors.count <= Quote.maximumMessageLength + 2)
        #expect(!linked.errors.contains("\u{1B}"))
        // A 10 MB scalar where a list is expected.
        let huge = folder + "/huge.yaml"
        try "id: h\nsteps: \"\(String(repeating: "z", count: 10_000_000))\"\ntransitions: []\n".write(
            toFile: huge, atomically: true, encoding: .utf8)
        let scalar = Console.capturing()
        #expect(Pathgap.run(["validate", huge], console: scalar) == 64)
        #expect(scalar.errors.split(separator: "\n").count == 1)
        #expect(scalar.errors.count <= Quote.maximumMessageLength + 2)
    }

    /// Found by the mutation sweep: a 200,000-character key took 11 s (a debug build) to refuse, spent on "did you
    /// mean" distances to every allowed key; a 10 MB key would have taken hours.
    @Test("an unknown key or step id of any length is refused at once, with a suggestion only when one is close")
    func longUnknownKey() throws {
        let folder = try Self.scratch()
        let key = String(repeating: "x", count: 2_000_000)
        let file = folder + "/key.yaml"
        try "id: m\nsteps:\n  - {id: a, \(key)}\ntransitions: []\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        let console = Console.capturing()
        #expect(Pathgap.run(["validate", file], console: console) == 64)
        #expect(console.errors.hasPrefix("\(file):3:13: error: unknown key 'xxx"))
        #expect(!console.errors.contains("did you mean"))
        let near = folder + "/near.yaml"
        try "id: m\nsteps:\n  - {id: a, lable: A}\ntransitions: []\n".write(
            toFile: near, atomically: true, encoding: .utf8)
        let suggested = Console.capturing()
        #expect(Pathgap.run(["validate", near], console: suggested) == 64)
        #expect(suggested.errors.contains("unknown key 'lable' in a step; did you mean 'label'?"))
        // A transition to a long id that does not exist, among steps with long ids.
        let ids = folder + "/ids.yaml"
        let long = String(repeating: "s", count: 200_000)
        try
            "id: m\nsteps:\n  - {id: \(long)a, label: A, kind: start}\n  - {id: \(long)b, label: B, kind: end}\ntransitions:\n  - {from: \(long)a, to: \(long)c}\n"
            .write(toFile: ids, atomically: true, encoding: .utf8)
        let dangling = Console.capturing()
        #expect(Pathgap.run(["validate", ids], console: dangling) == 1)
        #expect(dangling.output.contains("[unknown-step]"))
    }

    @Test("generate names the file and the system's reason when it cannot write")
    func generateWriteFailure() throws {
        let folder = try Self.scratch()
        try "x".write(toFile: folder + "/file", atomically: true, encoding: .utf8)
        let console = Console.capturing()
        let status = Pathgap.run(["generate", "--steps", "10", "--out", folder + "/file/inside.csv"], console: console)
        #expect(status == 1)
        #expect(console.errors.contains("cannot write '\(folder)/file': a file is in the way of the folder"))
        #expect(!console.errors.contains("PathwayKit.FileWriteError"))
    }
}

extension HardeningCommandTests {
    /// Found by the mutation sweep: a DOT node named by 200,000 characters (its label is its name) was refused with a
    /// message whose place alone filled the whole bounded message, so "error:" and the reason were cut off.
    @Test("a node name over the label limit is refused with a message that keeps its reason")
    func longNodeName() {
        let console = Console.capturing()
        let path = Fixtures.path("hostile/long-node-name.gv")
        #expect(
            Pathgap.run(["render", path, "--format", "dot", "--out", NSTemporaryDirectory()], console: console) == 64)
        #expect(console.errors.contains(": error: the label of step '"))
        #expect(console.errors.split(separator: "\n").count == 1)
        #expect(console.errors.count < Quote.maximumMessageLength + 2)
    }
}
