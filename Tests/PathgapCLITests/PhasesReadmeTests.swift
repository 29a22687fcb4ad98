import Foundation
import PathgapCLI
import PathwayKit
import TestSupport
import Testing

/// The README's agreement table and its picture of `phases`, kept current. Rewrite both on purpose with
/// `PATHGAP_UPDATE_GOLDENS=1 swift test --filter PhasesReadmeTests` and look at the diff.
@Suite struct PhasesReadmeTests {
    static let isUpdating = ProcessInfo.processInfo.environment["PATHGAP_UPDATE_GOLDENS"] == "1"
    static let pilots: [(folder: String, heading: String)] = [
        ("lynch-syndrome", "Lynch syndrome"), ("familial-hypercholesterolaemia", "FH"),
        ("monogenic-diabetes", "Monogenic diabetes"), ("sudden-cardiac-death", "SCD / SUD"), ("dpyd", "DPYD"),
    ]
    static let strategies: [DecompositionStrategy] = [.phases, .chains, .stages, .structure, .routes]

    /// The agreement table as the README shows it.
    static func agreementTable() throws -> String {
        var graphs: [(PathwayGraph, AnalystCut)] = []
        for (folder, _) in pilots {
            let project = try ProjectLoader().loadProject(at: Fixtures.path("projects/\(folder)")).project
            let graph = PathwayGraph(try #require(project.pathways.first))
            let cut = try #require(try AnalystCut.cuts(at: Fixtures.path("cuts/\(folder).txt")).first)
            graphs.append((graph, cut))
        }
        var lines = [
            "| Strategy | " + pilots.map(\.heading).joined(separator: " | ") + " | Mean |",
            "|---|" + String(repeating: "---:|", count: pilots.count + 1),
        ]
        for strategy in strategies {
            let indices = graphs.map { graph, cut in
                CutAgreement(cut: cut, decomposition: graph.decomposition(strategy), graph: graph).adjustedRandIndex
            }
            let mean = indices.reduce(0, +) / Double(indices.count)
            let name = strategy == .phases ? "`phases` (default)" : "`\(strategy.rawValue)`"
            lines.append(
                "| \(name) | " + (indices + [mean]).map { String(format: "%.2f", $0) }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("the README's agreement table is what the strategies give on the pilots' cuts")
    func agreementTableIsCurrent() throws {
        let path = Fixtures.root.appendingPathComponent("README.md").path
        let readme = try String(contentsOfFile: path, encoding: .utf8)
        let begin = "<!-- agreement-table:begin -->\n"
        let end = "<!-- agreement-table:end -->"
        let start = try #require(readme.range(of: begin))
        let stop = try #require(readme.range(of: end, range: start.upperBound..<readme.endIndex))
        let table = try Self.agreementTable()
        if Self.isUpdating {
            try readme.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: table)
                .write(toFile: path, atomically: true, encoding: .utf8)
        } else {
            #expect(
                String(readme[start.upperBound..<stop.lowerBound]) == table,
                "stale; regenerate with PATHGAP_UPDATE_GOLDENS=1 swift test --filter PhasesReadmeTests")
        }
    }

    @Test("the README's picture of phases is what render --view overview writes for the Lynch pilot")
    func overviewPictureIsCurrent() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("phases-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let console = Console.capturing()
        let status = Pathgap.run(
            ["render", Fixtures.path("projects/lynch-syndrome"), "--view", "overview", "--out", out], console: console)
        #expect(status == 0)
        let written = try Data(contentsOf: URL(fileURLWithPath: out + "/lynch-syndrome.overview.svg"))
        let committed = Fixtures.path("expected/flowcharts/lynch-syndrome.overview.svg")
        if Self.isUpdating {
            try written.write(to: URL(fileURLWithPath: committed))
        } else {
            #expect(
                written == (try Data(contentsOf: URL(fileURLWithPath: committed))),
                "stale; regenerate with PATHGAP_UPDATE_GOLDENS=1 swift test --filter PhasesReadmeTests")
        }
    }
}
