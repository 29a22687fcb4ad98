import PathwayKit
import TestSupport
import Testing

/// Gaps and needs carry typed indices into the report's analyses, which name the same steps as their ids.
@Suite struct StepPlaceTests {
    @Test("every gap at a step is placed at that step, its sub-pathway indices name its sub-pathways")
    func gapsArePlaced() throws {
        let projects = try ProjectFolders.bundled.map {
            try ProjectLoader().loadProject(at: Fixtures.path("projects/\($0)")).project
        }
        let report = GapReport(analysing: projects, asOf: AsOfDate("2026-11-25"))
        var placed = 0
        for gap in report.gaps {
            guard let place = gap.place else {
                #expect(gap.step == nil || gap.gapClass.isWorkforce, "\(gap.gapClass) at \(gap.step?.rawValue ?? "-")")
                #expect(gap.subpathwayIndices.isEmpty)
                continue
            }
            placed += 1
            let project = try #require(place.project)
            let analysis = report.projects[project.position]
            #expect(analysis.project.manifest.id == gap.project)
            let pathway = analysis.pathways[place.pathway.position]
            #expect(pathway.pathway.id == gap.pathway)
            #expect(pathway.steps[place.step.position].step.id == gap.step)
            let subpathways = pathway.decomposition.subpathways
            #expect(gap.subpathwayIndices.map { subpathways[$0.position].id } == gap.subpathways)
        }
        #expect(placed > 100)
        // The needs' steps carry the same places.
        for group in report.needs() {
            for need in group.competencies {
                for step in need.steps {
                    let place = try #require(step.place)
                    let analysis = report.projects[try #require(place.project).position]
                    #expect(analysis.project.manifest.id == step.project)
                    #expect(analysis.pathways[place.pathway.position].steps[place.step.position].step.id == step.step)
                }
            }
        }
    }
}
