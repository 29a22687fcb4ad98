import Foundation
import PathwayKit
import Testing
import TestSupport

/// Golden reports for the bundled projects, in all four formats, under `Fixtures/expected/reports/`.
///
/// Regenerate on purpose with `PATHGAP_UPDATE_GOLDENS=1 swift test --filter ReportGoldenTests`. The files equal
/// what `pathgap report Fixtures/projects/<name> --out Fixtures/expected/reports/<name> --as-of 2026-11-25
/// --no-flowcharts` writes when run from the repository root (and `Fixtures/projects` for `all`).
@Suite struct ReportGoldenTests {
    static let asOf = AsOfDate("2026-11-25")
    static let isUpdating = ProcessInfo.processInfo.environment["PATHGAP_UPDATE_GOLDENS"] == "1"
    static let formats = ["md", "csv", "json", "html"]

    /// The bundled project folders, and `all` for every one of them together.
    static let cases: [String] = {
        let folders = ProjectLoader.projects(under: Fixtures.path("projects")).map { ($0 as NSString).lastPathComponent }
        return folders + (folders.isEmpty ? [] : ["all"])
    }()

    /// The report files, with paths made relative to the repository root, as the CLI prints them when run there.
    static func render(_ name: String) throws -> [String: String] {
        let paths =
            name == "all" ? ProjectLoader.projects(under: Fixtures.path("projects")) : [Fixtures.path("projects/\(name)")]
        let projects = try paths.map { try ProjectLoader().loadProject(at: $0).project }
        let report = GapReport(analysing: projects, asOf: asOf)
        let root = Fixtures.root.path + "/"
        func relative(_ text: String) -> String { text.replacingOccurrences(of: root, with: "") }
        return [
            "md": relative(report.markdown()), "csv": relative(report.csv()), "json": relative(report.json()),
            "html": relative(report.html()),
        ]
    }

    @Test("bundled projects' reports match the golden files", arguments: cases)
    func matchesGoldens(name: String) throws {
        let rendered = try Self.render(name)
        let again = try Self.render(name)
        for format in Self.formats {
            let text = try #require(rendered[format])
            #expect(text == again[format], "\(name).\(format) differs between two runs")
            #expect(!text.contains(Fixtures.root.path), "\(name).\(format) holds an absolute path")
            let path = Fixtures.path("expected/reports/\(name)/report.\(format)")
            if Self.isUpdating {
                try AtomicFile.write(text, to: path)
                continue
            }
            let expected = try? String(contentsOfFile: path, encoding: .utf8)
            #expect(
                expected == text,
                "\(path) is missing or stale; regenerate with PATHGAP_UPDATE_GOLDENS=1 swift test --filter ReportGoldenTests")
        }
    }
}
