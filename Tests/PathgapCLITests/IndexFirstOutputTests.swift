import Foundation
import PathgapCLI
import TestSupport
import Testing

@testable import PathwayKit

/// `render` and `convert` draw and write from the index the reader built: no ``Pathway`` value is made on the way,
/// whatever the view and strategy, and a project drawn with its gaps is analysed from the index too. A regional
/// variant is merged into an index, and `diff` compares two indexes, without a value either.
@Suite struct IndexFirstOutputTests {
    static func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
        let console = Console.capturing()
        let status = Pathgap.run(arguments, console: console)
        return (status, console.output, console.errors)
    }

    /// Inputs of each kind of reader that hands over an index: native YAML and JSON, an edge list, and projects,
    /// drawn plain and coloured by the gap analysis (pilots with patient volumes, stages and competencies).
    static let inputs: [(path: String, extra: [String])] = [
        ("pathways/branching.yaml", []), ("unseen/hboc-mainstream.json", []), ("import/csv/edges.csv", []),
        ("projects/dpyd", ["--no-gaps"]), ("projects/dpyd", []), ("projects/lynch-syndrome", []),
        ("gaps/duplicate-development", []),
    ]

    @Test("render and convert make no pathway value", arguments: 0..<inputs.count)
    func noValues(input: Int) throws {
        let (relative, extra) = Self.inputs[input]
        let path = Fixtures.path(relative)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("index-output-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let probe = ValueProbe()
        var statuses: [String: Int32] = [:]
        var written: [String: Int] = [:]
        PathwayIndex.$valueProbe.withValue(probe) {
            for strategy in ["phases", "chains", "stages", "structure"] {
                for view in ["network", "subpathways", "overview", "all"] {
                    let arguments = ["render", path, "--view", view, "--strategy", strategy, "--format", "dot"]
                    let result = Self.run(arguments + ["--out", folder.path] + extra)
                    statuses["render \(view) \(strategy)"] = result.status
                    written["render \(view) \(strategy)"] = result.output.split(separator: "\n").count
                }
            }
            for format in ["yaml", "json", "dot", "mermaid", "csv", "bpmn", "graphml"] {
                statuses["convert \(format)"] = Self.run(["convert", path, "--to", format]).status
            }
        }
        #expect(statuses.values.allSatisfy { $0 == 0 }, "\(statuses)")
        // Every run wrote its charts.
        #expect(written.values.allSatisfy { $0 > 0 }, "\(written)")
        #expect(probe.made.load(ordering: .relaxed) == 0)
        // A pilot drawn with its gaps has steps coloured by them, with the legend.
        if extra.isEmpty, relative.hasPrefix("projects/") {
            let charts = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
                $0.hasSuffix(".dot")
            }
            let legends = try charts.filter {
                try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8).contains("cluster_legend")
            }
            #expect(!legends.isEmpty)
        }
    }

    /// Projects reported: the pilots alone and together (shared needs), gap fixtures with a workforce file and
    /// shared development, a regional variant, and a lone pathway file with the bundled catalogue.
    static let reported = [
        "projects/dpyd", "projects/lynch-syndrome", "projects", "gaps/duplicate-development", "gaps/training-gap",
        "regional/fh-north-east-yorkshire", "pathways/branching.yaml",
    ]

    @Test("report makes no pathway or step value, in every format and strategy", arguments: reported)
    func reportMakesNoValue(input: String) throws {
        let path = Fixtures.path(input)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("index-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let probe = ValueProbe()
        var runs: [String: (status: Int32, output: String, errors: String)] = [:]
        PathwayIndex.$valueProbe.withValue(probe) {
            let base = ["report", path, "--as-of", "2026-11-25"]
            for format in ["md", "csv", "json", "html"] {
                runs[format] = Self.run(base + ["--format", format, "--out", folder.path + "/" + format])
            }
            runs["html, no flowcharts"] = Self.run(
                base + ["--format", "html", "--no-flowcharts", "--out", folder.path + "/plain"])
            for strategy in ["chains", "stages", "structure", "routes"] {
                runs[strategy] = Self.run(
                    base + ["--format", "md,csv,json", "--strategy", strategy, "--out", folder.path + "/" + strategy])
            }
        }
        #expect(runs.values.allSatisfy { $0.status == 0 }, "\(runs.mapValues(\.errors))")
        #expect(probe.made.load(ordering: .relaxed) == 0)
        // A regional variant's report compares it with its national project, and that diff holds the steps the
        // region adds or removes as values (``PathwayDiff``): those, once a run, are the only step values made.
        var diffSteps = 0
        if input.hasPrefix("regional/") {
            let project = try ProjectLoader().loadProject(at: path).project
            let national = try #require(project.national)
            let old = try ProjectLoader().loadProject(at: national).project.graphs.map(\.index)
            let diff = VersionDiff(old: old, new: project.graphs.map(\.index))
            diffSteps = diff.pathways.reduce(0) { $0 + $1.addedSteps.count + $1.removedSteps.count }
            #expect(diffSteps > 0)
        }
        #expect(probe.steps.load(ordering: .relaxed) == runs.count * diffSteps)
        // Every run wrote its report, with the steps' rows.
        let markdown = try String(contentsOf: folder.appendingPathComponent("md/report.md"), encoding: .utf8)
        #expect(markdown.contains("| Step |"))
        let html = try String(contentsOf: folder.appendingPathComponent("html/report.html"), encoding: .utf8)
        #expect(html.contains("<svg"))
    }

    /// Regional variants: the overlays apply to the national pathway's index.
    static let variants = ["regional/fh-north-east-yorkshire", "regional/example-region"]

    @Test("a regional variant is validated, drawn and reported without a pathway value", arguments: variants)
    func variantMakesNoValue(variant: String) throws {
        let path = Fixtures.path(variant)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("index-variant-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let probe = ValueProbe()
        var statuses: [String: Int32] = [:]
        PathwayIndex.$valueProbe.withValue(probe) {
            statuses["validate"] = Self.run(["validate", path]).status
            for strategy in ["phases", "chains", "stages", "structure"] {
                let arguments = ["render", path, "--view", "all", "--strategy", strategy, "--format", "dot"]
                statuses["render \(strategy)"] = Self.run(arguments + ["--out", folder.path + "/charts"]).status
            }
            statuses["report"] =
                Self.run([
                    "report", path, "--format", "md,csv,json", "--no-flowcharts", "--as-of", "2026-11-25", "--out",
                    folder.path + "/report",
                ]).status
        }
        #expect(statuses.values.allSatisfy { $0 == 0 }, "\(statuses)")
        #expect(probe.made.load(ordering: .relaxed) == 0)
        // The report still compares the region with the national project.
        let regional = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/report").filter {
            $0.hasPrefix("regional-")
        }
        #expect(regional.count == 1)
    }

    /// Two versions of a project, and of one pathway file.
    static let versions = [
        ("versions/dpyd-v1", "versions/dpyd-v2"),
        ("versions/dpyd-v1/pathway.yaml", "versions/dpyd-v2/pathway.yaml"),
        ("regional/fh-national", "regional/fh-north-east-yorkshire"),
    ]

    @Test("diff compares two versions without a pathway value", arguments: 0..<versions.count)
    func diffMakesNoValue(pair: Int) {
        let (old, new) = Self.versions[pair]
        let probe = ValueProbe()
        var results: [(status: Int32, output: String, errors: String)] = []
        PathwayIndex.$valueProbe.withValue(probe) {
            for format in ["text", "json", "svg"] {
                results.append(Self.run(["diff", Fixtures.path(old), Fixtures.path(new), "--format", format]))
            }
        }
        #expect(results.allSatisfy { $0.status == 0 }, "\(results.map(\.errors))")
        // The versions differ, and the text says how.
        #expect(results.first?.output.contains("Pathway ") == true)
        #expect(probe.made.load(ordering: .relaxed) == 0)
    }

    @Test("the probe counts the values made from an index, once per graph however often asked")
    func probeCounts() throws {
        let index = try #require(
            try PathwayReaders.standard.readGraphs(Fixtures.path("pathways/branching.yaml")).graphs.first
        ).index
        let probe = ValueProbe()
        PathwayIndex.$valueProbe.withValue(probe) {
            let graph = PathwayGraph(index: index)
            #expect(!graph.hasMadeValue)
            _ = graph.pathway
            _ = graph.step(0)
            #expect(graph.hasMadeValue)
            _ = PathwayGraph(index: index).pathway
            _ = index.stepValue(Index(raw: 0))
        }
        #expect(probe.made.load(ordering: .relaxed) == 2)
        // A step value for each step of the two pathway values (`graph.step(0)` reads the first), and the one asked
        // for.
        #expect(probe.steps.load(ordering: .relaxed) == 2 * index.stepCount + 1)
    }
}
