import Foundation
import PathgapCLI
import PathwayKit
import TestSupport
import Testing

@Suite struct RegionalVariantTests {
    static let variant = Fixtures.path("regional/fh-north-east-yorkshire")

    @Test("the regional variant validates, and every command sees the merged pathway")
    func validates() throws {
        let console = Console.capturing()
        #expect(Pathgap.run(["validate", Self.variant], console: console) == 0, "\(console.output)")
        let project = try ProjectLoader().loadProject(at: Self.variant).project
        let pathway = try #require(project.pathways.first)
        #expect(
            pathway.title
                == "Familial hypercholesterolaemia case finding and cascade testing (North East and Yorkshire)")
        #expect(pathway.step("FH-05")?.staffGroups == ["pcn-pharmacist"])
        #expect(pathway.step("FH-NEY-01") != nil)
        #expect(!pathway.transitions.contains { $0.from == "FH-05" && $0.to == "FH-06" })
        // The fixed step comes through unchanged, with the national frameworks and catalogue.
        let national = try ProjectLoader().loadProject(at: Fixtures.path("regional/fh-national")).project
        #expect(pathway.step("FH-09") == national.pathways.first?.step("FH-09"))
        #expect(pathway.step("FH-09")?.isFixed == true)
        #expect(project.frameworks.count == national.frameworks.count && !project.resources.isEmpty)
        #expect(project.overlays.first?.changedSteps.allSatisfy { !$0.reason.isEmpty } == true)
    }

    @Test(
        "an overlay that changes a fixed step, or names a step the national pathway lacks, fails validate at its line")
    func brokenFixed() {
        let console = Console.capturing()
        let folder = Fixtures.path("regional/fh-broken-fixed")
        #expect(Pathgap.run(["validate", folder], console: console) == 1)
        #expect(console.output.contains("\(folder)/overlay.yaml:4:7: error: "))
        #expect(console.output.contains("[overlay-fixed]"))
        #expect(console.output.contains("\(folder)/overlay.yaml:7:7: error: "))
        #expect(console.output.contains("[overlay-unknown]"))
    }

    @Test("report on the variant writes its differences from the national report beside its gaps")
    func report() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("pathgap-regional-\(UUID().uuidString)")
            .path
        let console = Console.capturing()
        #expect(
            Pathgap.run(["report", Self.variant, "--out", out, "--format", "md", "--no-flowcharts"], console: console)
                == 0)
        #expect(console.output.contains("regional variant of 'familial-hypercholesterolaemia': needs the region adds"))
        let text = try String(
            contentsOfFile: out + "/regional-familial-hypercholesterolaemia-ney.md", encoding: .utf8)
        #expect(text.contains("## Needs the region adds"))
        #expect(text.contains("## Needs the region closes"))
        #expect(text.contains("## Needs the region shares with the national project"))
        #expect(text.contains("| added | step `FH-NEY-01` |"))
        #expect(text.contains("pcn-pharmacist"))
    }

    @Test("a region's report names the needs it adds, closes and shares, and its own resource in development")
    func exampleRegion() throws {
        let folder = Fixtures.path("regional/example-region")
        let project = try ProjectLoader().loadProject(at: folder).project
        // The region's catalogue adds to the national one.
        #expect(project.resources.map(\.id) == ["explaining-for-nurses", "national-follow-up", "regional-follow-up"])
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("pathgap-regional-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let console = Console.capturing()
        #expect(
            Pathgap.run(["report", folder, "--out", out, "--format", "md", "--no-flowcharts"], console: console) == 0,
            "\(console.output)")
        #expect(
            console.output.contains(
                "regional variant of 'example-national': needs the region adds 1, closes 1, shares 1 "
                    + "(regional-example-region.md)"))
        let text = try String(contentsOfFile: out + "/regional-example-region.md", encoding: .utf8)
        func section(_ title: String) -> String {
            guard let start = text.range(of: "## \(title)") else { return "" }
            let rest = text[start.upperBound...]
            return String(rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)])
        }
        #expect(section("Needs the region adds").contains("| counsellor | C3 | in-hand | 1 |"))
        #expect(section("Needs the region closes").contains("| counsellor | C1 | no-resource | 1 |"))
        #expect(section("Needs the region shares").contains("| counsellor | C4 | no-resource | 1 |"))
        #expect(
            text.contains(
                "| changed (staff groups) | step `explain` | The region has no genetic counsellors in its clinics; "
                    + "its specialist nurses explain the test. |"))
        // The national team and the region both develop a resource for C3: one warning naming both.
        let report = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        let warning = try #require(
            report.components(separatedBy: "\n").first { $0.contains("`duplicate-development`") && $0.contains("C3") })
        #expect(warning.contains("Example national team") && warning.contains("Example regional team"))
    }
}
