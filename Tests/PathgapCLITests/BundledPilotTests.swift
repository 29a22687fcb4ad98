import Foundation
import PathgapCLI
import PathwayKit
import TestSupport
import Testing

/// The five national pilots, end to end: each decomposes under every strategy (and every split file validates), and
/// each renders as a network, as sub-pathway charts and as an overview.
@Suite struct BundledPilotTests {
    static let strategies = DecompositionStrategy.allCases.map(\.rawValue)

    @Test(
        "every pilot decomposes under every strategy, and every split file validates",
        arguments: ProjectFolders.bundled, strategies)
    func decomposes(project: String, strategy: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let console = Console.capturing()
        #expect(
            Pathgap.run(
                ["decompose", Fixtures.path("projects/\(project)"), "--strategy", strategy, "--split", folder],
                console: console) == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(!files.isEmpty)
        for file in files {
            let check = Console.capturing()
            #expect(Pathgap.run(["validate", folder + "/" + file], console: check) == 0, "\(file): \(check.output)")
        }
    }

    @Test("every pilot renders as a network, sub-pathway charts and an overview", arguments: ProjectFolders.bundled)
    func renders(project: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for view in ["network", "subpathways", "overview"] {
            #expect(runRender([Fixtures.path("projects/\(project)"), "--view", view, "--out", folder]) == 0)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".svg") }
        #expect(files.contains { $0.hasSuffix(".overview.svg") })
        #expect(files.contains { $0.hasSuffix(".1.svg") || $0.hasSuffix(".01.svg") })
        #expect(files.filter { $0.split(separator: ".").count == 2 }.count == 1, "one network chart")
        for file in files {
            let svg = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            #expect(svg.contains("<svg"), "\(file) is an SVG")
        }
    }
}
