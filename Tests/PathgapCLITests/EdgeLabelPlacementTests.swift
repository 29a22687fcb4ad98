import Foundation
import TestSupport
import Testing

/// Edge labels stay off nodes on every chart `render` draws for the bundled pilots.
///
/// Measured with ``ChartLabelOverlaps`` (README "Flowcharts" has the table): conditions as the edge's `label`,
/// which `dot` lays out as part of the flow, put none of 292 labels on a node, with or without lanes; the same
/// conditions as `xlabel` (placed after the layout) put 68 on nodes, `labelfloat=true` 15, and as `headlabel` or
/// `taillabel` (drawn where the edge meets its node, whatever is there) 86 or more.
@Suite struct EdgeLabelPlacementTests {
    /// The most edge labels allowed on nodes over all a pilot's charts: the figure measured for the chosen
    /// placement.
    static let allowedOverlaps = 0

    static let pilots = [
        "dpyd", "familial-hypercholesterolaemia", "lynch-syndrome", "monogenic-diabetes", "sudden-cardiac-death",
    ]

    /// The network, the overview and every sub-pathway chart of a project, laid out as Graphviz JSON.
    func charts(of project: String, lanes: Bool) throws -> [(name: String, json: Data)] {
        let out = try temporaryFolder()
        let common = ["--format", "json", "--out", out] + (lanes ? ["--lanes"] : [])
        for view in ["network", "all"] {
            #expect(runRender([Fixtures.path("projects/" + project), "--view", view] + common) == 0)
        }
        return try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".json") }.sorted().map {
            ($0, try Data(contentsOf: URL(fileURLWithPath: out + "/" + $0)))
        }
    }

    @Test("no edge label lies on a node in a pilot's charts", arguments: pilots, [false, true])
    func pilotCharts(project: String, lanes: Bool) throws {
        let charts = try charts(of: project, lanes: lanes)
        #expect(charts.count >= 3, "the network, the overview and the parts")
        var labels = 0
        var overlapping: [String] = []
        for chart in charts {
            let layout = try #require(ChartLabelOverlaps(json: chart.json), "\(chart.name) is Graphviz's JSON")
            labels += layout.labels
            overlapping += layout.overlapping.map { "\(chart.name): \($0)" }
        }
        #expect(labels > 0, "the pilot's conditions are drawn as edge labels")
        #expect(overlapping.count <= Self.allowedOverlaps, "\(overlapping)")
    }

    @Test("the measure finds a label drawn on a node and passes one beside it")
    func measure() throws {
        // A diamond from (0,0) to (40,20); one label inside its corner box but clear of the diamond, one on it.
        let json = """
            {"objects": [{"name": "d", "pos": "20,10",
              "_draw_": [{"op": "p", "points": [[20, 0], [40, 10], [20, 20], [0, 10]]}],
              "_ldraw_": [{"op": "F", "size": 10, "face": "Helvetica"},
                          {"op": "T", "pt": [20, 7], "align": "c", "width": 6, "text": "d"}]},
              {"name": "cluster_x", "bb": "0,0,500,500",
               "_draw_": [{"op": "p", "points": [[0, 0], [500, 0], [500, 500], [0, 500]]}]}],
             "edges": [
              {"_ldraw_": [{"op": "F", "size": 5, "face": "Helvetica"},
                           {"op": "T", "pt": [37, 18], "align": "l", "width": 10, "text": "beside"}]},
              {"_hldraw_": [{"op": "F", "size": 9, "face": "Helvetica"},
                            {"op": "T", "pt": [30, 8], "align": "c", "width": 16, "text": "on"},
                            {"op": "T", "pt": [30, 18], "align": "c", "width": 16, "text": "it"}]},
              {"_draw_": [{"op": "b", "points": [[0, 0], [1, 1], [2, 2], [3, 3]]}]}]}
            """
        let layout = try #require(ChartLabelOverlaps(json: Data(json.utf8)))
        #expect(layout.labels == 2)
        #expect(layout.overlapping == ["on it"])
        #expect(ChartLabelOverlaps(json: Data("not json".utf8)) == nil)
    }
}
