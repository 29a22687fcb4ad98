import PathwayKit
import TestSupport
import Testing

/// Sub-pathway charts are drawn from `Pathway.restricted(to:)`: the steps kept, the links between them, and the
/// links across the boundary (drawn as stubs).
@Suite struct SubpathwayChartInputTests {
    @Test("restricting a pathway keeps inner links and records the boundary")
    func restrictedKeepsBoundary() throws {
        let path = Fixtures.path("pathways/branching.yaml")
        let pathway = try #require(try PathwayReaders.standard.read(path).pathways.first)
        let part = pathway.restricted(to: ["test", "result", "positive"], id: "branching/2")
        #expect(part.steps.map(\.id) == ["test", "result", "positive"])
        #expect(part.transitions.map { "\($0.from)>\($0.to)" } == ["test>result", "result>positive"])
        #expect(part.boundary?.entries == [BoundaryLink(from: "consent", to: "test")])
        #expect(
            part.boundary?.exits == [
                BoundaryLink(from: "result", to: "negative", condition: "no variant"),
                BoundaryLink(from: "positive", to: "discharge"),
            ])
    }
}
