import Foundation
import PathgapCLI
import PathwayKit
import TestSupport
import Testing

@Suite struct DecomposeCommandTests {
    static let fixtures = ["linear", "diamond", "loop-back", "branching", "stages"]
    static let strategies = ["chains", "stages", "structure", "routes"]

    static func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
        let console = Console.capturing()
        let status = Pathgap.run(arguments, console: console)
        return (status, console.output, console.errors)
    }

    @Test("text output matches the golden file", arguments: fixtures, strategies)
    func textMatchesGolden(fixture: String, strategy: String) throws {
        let result = Self.run(["decompose", Fixtures.path("pathways/\(fixture).yaml"), "--strategy", strategy])
        #expect(result.status == 0)
        let expected = try String(
            contentsOfFile: Fixtures.path("expected/decomposition/\(fixture).\(strategy).txt"), encoding: .utf8)
        // Golden files name the fixture relative to the repository root.
        #expect(result.output.replacingOccurrences(of: Fixtures.root.path + "/", with: "") == expected)
    }

    @Test("text output shows each sub-pathway's steps, conditions, stages and staff")
    func textOutput() {
        let result = Self.run(["decompose", Fixtures.path("pathways/branching.yaml"), "--strategy", "chains"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("branching: 4 sub-pathways (chains)\n"))
        #expect(result.output.contains("branching/1  Patient referred → Variant found?\n"))
        #expect(result.output.contains("    result → positive  [variant found]\n"))
        #expect(result.output.contains("  staff: genetic-counsellor\n"))
        #expect(!result.output.contains("warning"))
        #expect(result.errors.contains("warning: sub-pathway 'branching/2' has 1 step"))
    }

    @Test("json and yaml carry the same decomposition", arguments: strategies)
    func jsonAndYAML(strategy: String) throws {
        let path = Fixtures.path("pathways/diamond.yaml")
        let json = Self.run(["decompose", path, "--strategy", strategy, "--format", "json"])
        let yaml = Self.run(["decompose", path, "--strategy", strategy, "--format", "yaml"])
        #expect(json.status == 0 && yaml.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        let list = try #require(object?["decompositions"] as? [[String: Any]])
        #expect(list.first?["strategy"] as? String == strategy)
        #expect(list.first?["pathway"] as? String == "diamond")
        #expect(yaml.output.hasPrefix("decompositions:\n- pathway: diamond\n  strategy: \(strategy)\n"))
        // Byte-identical on a second run.
        #expect(Self.run(["decompose", path, "--strategy", strategy, "--format", "json"]).output == json.output)
    }

    @Test("json output is the document tree's JSON, byte for byte", arguments: fixtures, strategies)
    func jsonMatchesTree(fixture: String, strategy: String) throws {
        let path = Fixtures.path("pathways/\(fixture).yaml")
        let result = Self.run(["decompose", path, "--strategy", strategy, "--format", "json"])
        #expect(result.status == 0)
        let pathway = try NativeFormat.pathway(from: SourceFile.text(at: path), file: path)
        var decomposition = PathwayGraph(pathway).decomposition(try #require(DecompositionStrategy(rawValue: strategy)))
        // Size warnings go to standard error, not into the document.
        decomposition.findings.removeAll { $0.rule == "subpathway-size" }
        #expect(result.output == Decomposition.documentTree(for: [decomposition]).json(layout: .compact))
    }

    @Test("--split writes one native pathway per sub-pathway, and each validates", arguments: fixtures, strategies)
    func splitFilesValidate(fixture: String, strategy: String) throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("pathgap-split-\(fixture)-\(strategy)-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = Self.run([
            "decompose", Fixtures.path("pathways/\(fixture).yaml"), "--strategy", strategy, "--split", folder,
        ])
        #expect(result.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }
            .sorted()
        #expect(!files.isEmpty)
        #expect(files.allSatisfy { $0.hasPrefix(fixture + "-") })
        for file in files {
            let path = (folder as NSString).appendingPathComponent(file)
            let validation = Self.run(["validate", path])
            #expect(validation.status == 0, "\(file): \(validation.output)")
            let pathway = try NativeFormat.pathway(from: SourceFile.text(at: path), file: path)
            #expect(pathway.boundary?.parent.rawValue == fixture)
        }
    }

    @Test("a bad --max-routes and a missing file are input errors")
    func badInput() {
        #expect(Self.run(["decompose", Fixtures.path("pathways/linear.yaml"), "--max-routes", "-1"]).status == 64)
        let missing = Self.run(["decompose", "no/such/file.yaml"])
        #expect(missing.status == 64)
        #expect(missing.errors.contains("no/such/file.yaml: error: no such file"))
    }

    @Test("an edge list decomposes like the native pathway it came from")
    func edgeListInput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pathgap-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let csv = (folder as NSString).appendingPathComponent("g.csv")
        let yaml = (folder as NSString).appendingPathComponent("g.yaml")
        #expect(Self.run(["generate", "--steps", "300", "--seed", "5", "--out", csv]).status == 0)
        #expect(Self.run(["generate", "--steps", "300", "--seed", "5", "--out", yaml, "--format", "yaml"]).status == 0)
        // Chains: the edge list carries no stages, which phases would use.
        let fromCSV = Self.run(["decompose", csv, "--format", "json", "--strategy", "chains"])
        let fromYAML = Self.run(["decompose", yaml, "--format", "json", "--strategy", "chains"])
        #expect(fromCSV.status == 0)
        let count = { (text: String) in text.components(separatedBy: "\"id\": \"g/").count }
        #expect(count(fromCSV.output) == count(fromYAML.output))
    }
}

@Suite struct GenerateCommandTests {
    @Test("the same seed gives byte-identical files; another seed does not", arguments: ["edgelist", "yaml"])
    func reproducible(format: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pathgap-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ext = format == "yaml" ? "yaml" : "csv"
        var contents: [Data] = []
        for (name, seed) in [("a", "7"), ("b", "7"), ("c", "8")] {
            // The same file name in three folders (the YAML pathway's id is the file name).
            let path = (folder as NSString).appendingPathComponent("\(name)/net.\(ext)")
            let console = Console.capturing()
            let status = Pathgap.run(
                ["generate", "--steps", "2000", "--seed", seed, "--out", path, "--format", format, "--annotate"],
                console: console)
            #expect(status == 0)
            contents.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(contents[0] == contents[1])
        #expect(contents[0] != contents[2])
    }

    @Test("a generated network with its node table validates, with about 1.3 transitions per step")
    func generatedValidates() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pathgap-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = (folder as NSString).appendingPathComponent("net.csv")
        let nodes = (folder as NSString).appendingPathComponent("net.nodes.csv")
        let console = Console.capturing()
        #expect(
            Pathgap.run(
                [
                    "generate", "--steps", "10000", "--seed", "1", "--out", path, "--nodes-out", nodes,
                    "--staff-groups", "nurse,doctor",
                ], console: console) == 0)
        let pathway = try #require(try PathwayReaders.standard.read(path).pathways.first)
        #expect(pathway.steps.count == 10000)
        let ratio = Double(pathway.transitions.count) / Double(pathway.steps.count)
        #expect(ratio > 1.2 && ratio < 1.4)
        #expect(pathway.steps.allSatisfy { $0.stage != nil && !$0.staffGroups.isEmpty })
        #expect(Validator.findings(for: pathway).filter { $0.severity == .error }.isEmpty)
        let validate = Console.capturing()
        #expect(Pathgap.run(["validate", path], console: validate) == 0)
    }

    @Test("--ids-from draws staff groups and competencies from a project's own ids")
    func idsFromProject() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pathgap-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = (folder as NSString).appendingPathComponent("net.yaml")
        let projectPath = Fixtures.path("projects/dpyd")
        let status = Pathgap.run(
            ["generate", "--steps", "200", "--out", path, "--format", "yaml", "--ids-from", projectPath],
            console: .capturing())
        #expect(status == 0)
        let (project, _) = try ProjectLoader().loadProject(at: projectPath)
        let staff = Set(project.staffGroups.map(\.id))
        let competencies = Set(project.frameworks.flatMap(\.allCompetencies).map(\.id))
        let pathway = try NativeFormat.pathway(from: SourceFile.text(at: path), file: path)
        #expect(pathway.steps.allSatisfy { !$0.staffGroups.isEmpty && Set($0.staffGroups).isSubset(of: staff) })
        #expect(pathway.steps.allSatisfy { Set($0.competencies.map(\.competency)).isSubset(of: competencies) })
    }

    @Test("--steps below 2 is an input error")
    func tooSmall() {
        #expect(Pathgap.run(["generate", "--steps", "1", "--out", "/tmp/x.csv"], console: .capturing()) == 64)
    }
}
