import Foundation
import PathwayKit
import TestSupport
import Testing

/// The bundled pilots say where every figure comes from and what is the project's own work: every share names
/// its source, every listed source is cited, test codes name the directory edition they were read from, steps
/// the sources do not settle are marked `reading: project`, and each pilot's REVIEW.md explains every decision
/// left without shares.
@Suite struct PilotFidelityTests {
    static func project(_ name: String) throws -> Project {
        try ProjectLoader().loadProject(at: Fixtures.path("projects/\(name)")).project
    }

    @Test(
        "every share names a source the project lists, and every listed source is cited",
        arguments: ProjectFolders.bundled)
    func sharesAndSourcesAreCited(name: String) throws {
        let project = try Self.project(name)
        let listed = Set(project.manifest.sources.map(\.id))
        var cited = Set<String>()
        for pathway in project.pathways {
            for step in pathway.steps { cited.formUnion(step.sources) }
            for transition in pathway.transitions where transition.share != nil {
                let source = try #require(
                    transition.source, "\(transition.from) -> \(transition.to) gives a share with no source")
                #expect(listed.contains(source), "\(transition.from) -> \(transition.to) cites '\(source)'")
                cited.insert(source)
            }
        }
        #expect(listed.subtracting(cited).sorted() == [], "listed but never cited")
        #expect(cited.subtracting(listed).sorted() == [], "cited but not listed")
    }

    @Test(
        "test codes give their directory edition; unsourced steps are the project's reading",
        arguments: ProjectFolders.bundled)
    func stepsSayWhatTheyRestOn(name: String) throws {
        let project = try Self.project(name)
        for step in project.pathways.flatMap(\.steps) {
            if !step.testCodes.isEmpty {
                #expect(step.testDirectory?.isEmpty == false, "\(step.id) has test codes but no testDirectory")
            }
            if step.reading == .project {
                #expect(step.readingNote?.isEmpty == false, "\(step.id) is the project's reading but says not why")
            }
            if step.sources.isEmpty {
                #expect(
                    step.reading == .project, "\(step.id) cites no source and is not marked as the project's reading")
            }
        }
    }

    @Test(
        "REVIEW.md names every decision left without shares and every step of the project's reading",
        arguments: ProjectFolders.bundled)
    func reviewExplainsAssumptions(name: String) throws {
        let project = try Self.project(name)
        let review = try String(contentsOfFile: Fixtures.path("projects/\(name)/REVIEW.md"), encoding: .utf8)
        for section in ["## Clinical assumptions", "## Checked against sources", "## Still unverified"] {
            #expect(review.contains(section), "REVIEW.md has no '\(section)'")
        }
        for pathway in project.pathways {
            let shared = Set(pathway.transitions.filter { $0.share != nil }.map(\.from))
            for step in pathway.steps where step.kind == .decision && !shared.contains(step.id) {
                #expect(review.contains("`\(step.id)`"), "REVIEW.md does not explain the missing shares of \(step.id)")
            }
            for step in pathway.steps where step.reading == .project {
                #expect(review.contains("`\(step.id)`"), "REVIEW.md does not list \(step.id), the project's reading")
            }
        }
        // And so every `missing-share` finding validate and report give is explained.
        for finding in Validator.findings(for: project) where finding.rule == "missing-share" {
            let step = try #require(finding.message.split(separator: "'").dropFirst().first)
            #expect(review.contains("`\(step)`"), "REVIEW.md does not explain \(finding.message)")
        }
    }

    @Test("only steps on a published CPI page are marked published, and a project with none is not completed")
    func publishedSteps() throws {
        for name in ProjectFolders.bundled {
            let project = try Self.project(name)
            let published = project.pathways.flatMap(\.steps).filter { $0.reading == .published }
            #expect(published.allSatisfy { $0.sources.contains { $0.hasPrefix("CPI-") } }, "\(name)")
            #expect(project.manifest.status != .completed, "\(name): only some steps are published")
        }
    }

    @Test("frameworks say whether they are published, reconstructed or working; areas may differ")
    func frameworkProvenance() throws {
        let project = try Self.project("lynch-syndrome")
        func provenance(of id: CompetencyID) throws -> Provenance {
            for framework in project.frameworks {
                if let competency = framework.allCompetencies.first(where: { $0.id == id }) {
                    return framework.provenance(of: competency)
                }
            }
            throw InputError("no competency '\(id)'", at: SourceLocation(file: "frameworks"))
        }
        #expect(try provenance(of: "CON-CK-01") == .published)
        #expect(try provenance(of: "CON-PR-01") == .reconstructed)
        #expect(try provenance(of: "RES-02") == .reconstructed)
        #expect(try provenance(of: "LSPOS-S1-A") == .published)
        #expect(try provenance(of: "FHX-01") == .working)
        #expect(try provenance(of: "LAB-01") == .working)
        #expect(try provenance(of: "PGX-03") == .working)
    }

    @Test("framework tables mark competencies of reconstructed and working frameworks")
    func frameworkTablesShowProvenance() throws {
        let project = try Self.project("monogenic-diabetes")
        let analysis = GapAnalyzer().analysis(of: project, strategy: .stages, asOf: AsOfDate("2026-11-25"))
        let rows = GapReport(projects: [analysis], strategy: .stages, asOf: AsOfDate("2026-11-25"))
            .frameworkTables().flatMap(\.rows)
        let knowledge = rows.flatMap(\.knowledge)
        #expect(knowledge.contains { $0.contains("[FHX-01]") && $0.hasSuffix("(working framework)") })
        #expect(knowledge.contains { $0.contains("[RES-02, level 2]") && $0.hasSuffix("(reconstructed)") })
        #expect(knowledge.contains { $0.contains("[CON-CK-01, level C]") && !$0.hasSuffix(")") })
    }

    @Test("reading, test directory, share sources and provenance are read, and written back")
    func nativeRoundTrip() throws {
        let text = """
            id: p
            steps:
              - {id: a, kind: start, testCodes: [R134], testDirectory: rare disease v8.1, reading: published}
              - {id: b, kind: decision, reading: project, readingNote: our order}
              - {id: c, kind: end}
              - {id: d, kind: end}
            transitions:
              - {from: a, to: b}
              - {from: b, to: c, share: 0.25, source: SRC}
              - {from: b, to: d, share: 0.75, source: SRC}
            """
        let pathway = try NativeFormat.pathway(from: text, file: "p.yaml")
        #expect(pathway.steps[0].testDirectory == "rare disease v8.1")
        #expect(pathway.steps[0].reading == .published)
        #expect(pathway.steps[1].reading == .project)
        #expect(pathway.steps[1].readingNote == "our order")
        #expect(pathway.transitions[1].source == "SRC")
        let again = try NativeFormat.pathway(from: NativeFormat.text(for: pathway), file: "p.yaml")
        #expect(again.steps.map(\.reading) == pathway.steps.map(\.reading))
        #expect(again.steps.map(\.readingNote) == pathway.steps.map(\.readingNote))
        #expect(again.steps.map(\.testDirectory) == pathway.steps.map(\.testDirectory))
        #expect(again.transitions.map(\.source) == pathway.transitions.map(\.source))

        #expect(throws: InputError.self) {
            try NativeFormat.pathway(from: "id: p\nsteps:\n  - {id: a, reading: guessed}\n", file: "p.yaml")
        }
        let framework = try NativeFormat.framework(
            from: """
                id: f
                provenance: working
                areas:
                  - {id: x, provenance: reconstructed, competencies: [{id: C1}], areas: [{id: y, competencies: [{id: C2}]}]}
                  - {id: z, competencies: [{id: C3}]}
                """, file: "f.yaml")
        #expect(framework.provenance == .working)
        #expect(
            framework.allCompetencies.map { framework.provenance(of: $0) } == [
                .reconstructed, .reconstructed, .working,
            ])
        #expect(throws: InputError.self) {
            try NativeFormat.framework(from: "id: f\nprovenance: official\nareas: []\n", file: "f.yaml")
        }
    }

    @Test("a share citing a source the project does not list is an unknown-source warning")
    func unknownShareSource() throws {
        var project = try Self.project("monogenic-diabetes")
        let index = try #require(project.pathways[0].transitions.firstIndex { $0.source != nil })
        project.pathways[0].transitions[index].source = "NOT-LISTED"
        let findings = Validator.findings(for: project).filter { $0.rule == "unknown-source" }
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("'NOT-LISTED'") == true)
    }

    @Test("CASE imports are published unless said otherwise")
    func caseIsPublished() throws {
        let path = Fixtures.path("import/case/framework.json")
        let (framework, _) = try CASEImporter.framework(fromJSON: SourceFile.data(at: path), file: path)
        #expect(framework.provenance == .published)
        #expect(framework.allCompetencies.allSatisfy { framework.provenance(of: $0) == .published })
    }

    @Test(
        "a pilot exported to CSV reads back with its readings, test directories and share sources",
        arguments: ProjectFolders.bundled)
    func csvKeepsProvenance(name: String) throws {
        for pathway in try Self.project(name).pathways {
            let text = PathwayCSVWriter.text(for: pathway)
            let back = try #require(try PathwayReader.csv.read(Data(text.utf8), "\(pathway.id).csv").pathways.first)
            #expect(back.withoutLocations == pathway.withoutLocations)
            #expect(back.steps.contains { $0.reading != nil }, "\(pathway.id) lost every reading")
        }
    }
}
