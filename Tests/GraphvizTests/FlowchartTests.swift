import Foundation
import Graphviz
import PathwayGraphviz
import PathwayKit
import TestSupport
import Testing

/// The fixture pathway: one step of each kind.
func examplePathway() throws -> Pathway {
    let path = Fixtures.path("pathways/flowchart-example.yaml")
    return try NativeFormat.pathway(from: try String(contentsOfFile: path, encoding: .utf8), file: path)
}

/// Renders DOT to SVG and reads it back; pathgap's charts never make Graphviz warn.
func svgChart(_ dot: String) throws -> SVGChart {
    let rendering = try GraphvizLibrary.render(dot: dot)
    #expect(rendering.warnings.isEmpty, "\(rendering.warnings)")
    return try #require(SVGChart(rendering.bytes))
}

/// Whether a polygon is a diamond: no two consecutive corners share an x or a y.
func isDiamond(_ points: [(Double, Double)]) -> Bool {
    guard points.count >= 4 else { return false }
    return zip(points, points.dropFirst()).allSatisfy { abs($0.0 - $1.0) > 0.01 && abs($0.1 - $1.1) > 0.01 }
}

@Suite struct FlowchartTests {
    @Test("the network chart has one node per step, titled by step id, with the kind's shape")
    func networkShapes() throws {
        let pathway = try examplePathway()
        let svg = try svgChart(try Flowchart(pathway: pathway).network())
        #expect(svg.nodes.count == pathway.steps.count)
        #expect(svg.edges.count == pathway.transitions.count)
        #expect(svg.nodes.map(\.title) == pathway.steps.map(\.id.rawValue))
        #expect(svg.nodes.map(\.id) == pathway.steps.map { "step-\($0.id.rawValue)" })
        #expect(svg.edges.first?.title == "referral->request-test")
        // Terminals are rounded (a path), decisions diamonds, references doubled, activities plain boxes.
        let start = try #require(svg.node("referral"))
        #expect(start.shapes.map(\.element) == ["path"])
        #expect(start.label == "Patient referred for\nchemotherapy")
        let decision = try #require(svg.node("result"))
        #expect(decision.polygons.count == 1 && isDiamond(decision.polygons[0]))
        #expect(try #require(svg.node("lab")).polygons.count == 2)
        let activity = try #require(svg.node("treat"))
        #expect(activity.polygons.count == 1 && !isDiamond(activity.polygons[0]))
        #expect(isDiamond(try #require(svg.node("join")?.polygons.first)))
        // Conditions and shares label the decision's outgoing edges.
        let labels = svg.edges.map(\.label).filter { !$0.isEmpty }
        #expect(labels == ["variant found (7%)", "no variant (93%)"])
        // Tooltips list staff groups and competencies.
        let tooltip = try #require(svg.node("reduce-dose")?.tooltips.first)
        #expect(tooltip.contains("Staff groups: oncologist"))
        #expect(tooltip.contains("Competencies: gms-prescribe-by-genotype (level A)"))
    }

    @Test("steps with gaps are coloured by severity, with a legend and links")
    func gapColours() throws {
        let annotations: [StepID: StepAnnotation] = [
            "result": StepAnnotation(
                severity: .error, lines: ["No clinical scientist trained"], gapClasses: [.noResource, .unstaffedStep]),
            "inform": StepAnnotation(
                severity: .warning, lines: ["GP letter template missing"], url: "https://example.org/course?a=1&b=2"),
        ]
        let svg = try svgChart(try Flowchart(pathway: try examplePathway(), annotations: annotations).network())
        let decision = try #require(svg.node("result"))
        #expect(decision.fills == ["#fde7e7"])
        #expect(decision.strokes == ["#b71c1c"])
        #expect(decision.tooltips.first?.contains("Gaps (error):\n- No clinical scientist trained") == true)
        let inform = try #require(svg.node("inform"))
        #expect(inform.fills == ["#fff4d6"])
        #expect(inform.strokes == ["#e6a700"])
        #expect(inform.links == ["https://example.org/course?a=1&b=2"])
        #expect(try #require(svg.node("treat")).fills == ["#ffffff"])
        #expect(svg.clusters.map(\.title) == ["cluster_legend"])
        #expect(svg.node("legend: error")?.fills == ["#fde7e7"])
        #expect(svg.node("legend: error")?.label == "Error\nunstaffed-step, no-resource")
        #expect(svg.node("legend: warning")?.fills == ["#fff4d6"])
        #expect(svg.node("legend: warning")?.label == "Warning")
        #expect(svg.node("legend: note") == nil)
    }

    @Test("no legend when no step has gaps")
    func noLegend() throws {
        let svg = try svgChart(try Flowchart(pathway: try examplePathway()).network())
        #expect(svg.clusters.isEmpty)
    }

    @Test("lanes are bands along the flow, named, in main-route order, each as long as the chart")
    func lanes() throws {
        let options = FlowchartOptions(
            lanes: true, staffGroupNames: ["oncologist": "Oncologist", "oncology-nurse": "Oncology nurse"])
        let svg = try svgChart(try Flowchart(pathway: try examplePathway(), options: options).network())
        #expect(svg.clusters.map(\.title) == ["cluster_lane_1", "cluster_lane_2", "cluster_lane_3", "cluster_lane_4"])
        #expect(
            ["lane 1", "lane 2", "lane 3", "lane 4"].map { svg.node($0)?.label } == [
                "Oncologist", "clinical-scientist", "Oncology nurse", "No staff group named",
            ])
        // A shared step is drawn once, in its first group's lane, naming the others by name on a second line.
        #expect(svg.node("request-test")?.label == "Request DPYD genotyping\nalso: Oncology nurse")
        #expect(svg.nodes.filter { $0.title == "request-test" }.count == 1)
        // The bands line up: every lane's box reaches from the same top to the same bottom, side by side.
        let boxes = svg.clusters.compactMap(\.polygons.first)
        let tops = Set(boxes.map { $0.map(\.1).min() ?? 0 })
        let bottoms = Set(boxes.map { $0.map(\.1).max() ?? 0 })
        #expect(boxes.count == 4 && tops.count == 1 && bottoms.count == 1)
    }

    @Test("labels with markup, quotes, ampersands and backslashes come out escaped")
    func escaping() throws {
        let label = #"<script>"x" & \y</script>"#
        let pathway = Pathway(
            id: "escape", title: "A & B <i>",
            steps: [
                Step(id: "a\"b", label: label, kind: .start, staffGroups: ["<g>"]),
                Step(id: "c\\d", label: "line one\nline two", kind: .end),
            ],
            transitions: [Transition(from: "a\"b", to: "c\\d", condition: #"if "x" < 3 & y > 2"#)])
        let dot = try Flowchart(pathway: pathway).network()
        let bytes = try GraphvizLibrary.render(dot: dot).bytes
        let raw = String(decoding: bytes, as: UTF8.self)
        #expect(!raw.contains("<script>"))
        #expect(!raw.contains("<i>"))
        #expect(raw.contains("&lt;script&gt;"))
        let svg = try #require(SVGChart(bytes))
        #expect(svg.nodes.map(\.title) == ["a\"b", "c\\\\d"])
        #expect(svg.node("a\"b")?.label == label)
        #expect(svg.node("a\"b")?.tooltips.first?.contains("Staff groups: <g>") == true)
        #expect(svg.node("c\\\\d")?.label == "line one\nline two")
        #expect(svg.edges.first?.label == #"if "x" < 3 & y > 2"#)
        #expect(svg.items.isEmpty == false)
    }

    @Test("the same pathway gives byte-identical DOT and SVG")
    func deterministic() throws {
        let pathway = try examplePathway()
        let annotations: [StepID: StepAnnotation] = [
            "lab": StepAnnotation(severity: .note, lines: ["a"]), "result": StepAnnotation(severity: .error),
            "treat": StepAnnotation(severity: .warning),
        ]
        let options = FlowchartOptions(direction: .leftToRight, lanes: true)
        let first = try Flowchart(pathway: pathway, annotations: annotations, options: options).network()
        let second = try Flowchart(pathway: pathway, annotations: annotations, options: options).network()
        #expect(first == second)
        #expect(first.contains("rankdir=\"LR\""))
        #expect(try GraphvizLibrary.render(dot: first) == GraphvizLibrary.render(dot: second))
    }

    @Test("rankdir is TB by default")
    func defaultDirection() throws {
        #expect(try Flowchart(pathway: try examplePathway()).network().contains("rankdir=\"TB\""))
    }

    @Test("a whole-network chart above the size limit is refused with advice")
    func sizeLimit() throws {
        let steps = (0..<30).map { Step(id: StepID("s\($0)")) }
        let pathway = Pathway(id: "big", steps: steps)
        let flowchart = Flowchart(pathway: pathway, options: FlowchartOptions(maxSteps: 29))
        let error = try #require(throws: FlowchartError.self) { try flowchart.network() }
        #expect(error == .tooLarge(pathway: "big", steps: 30, limit: 29))
        #expect(error.description.contains("--view overview"))
        #expect(error.description.contains("--view subpathways"))
        #expect(FlowchartOptions().maxSteps == 2_000)
    }

    @Test("a sub-pathway chart shows the steps outside it as grey stubs")
    func subpathwayStubs() throws {
        let pathway = try examplePathway()
        let part = FlowchartSubpathway(steps: ["reduce-dose", "join", "split"], title: "Dose and split")
        let svg = try svgChart(Flowchart(pathway: pathway).subpathway(part, number: 2))
        #expect(svg.graphTitle == "Flowchart example (DPYD testing before fluoropyrimidines): part 2: Dose and split")
        // Graphviz writes each node before its first out-edge's head, not in declaration order.
        #expect(
            svg.nodes.map(\.title).sorted() == [
                "from: result", "from: standard-dose", "join", "reduce-dose", "split", "to: inform", "to: treat",
            ])
        let stub = try #require(svg.node("from: result"))
        #expect(stub.fills == ["#eeeeee"])
        #expect(stub.label == "from Variant found?")
        #expect(svg.edges.map(\.title).contains("from: result->reduce-dose"))
        #expect(svg.edges.first { $0.title == "from: result->reduce-dose" }?.label == "variant found (7%)")
    }

    @Test("the overview has one node per sub-pathway and edges labelled with crossing conditions")
    func overview() throws {
        let pathway = try examplePathway()
        let parts = PathwayGraph(pathway).decomposition(.chains).subpathways.map(FlowchartSubpathway.init)
        let annotations: [StepID: StepAnnotation] = ["lab": StepAnnotation(severity: .warning)]
        let svg = try svgChart(Flowchart(pathway: pathway, annotations: annotations).overview(parts))
        #expect(svg.nodes.filter { $0.title.hasPrefix("part ") }.count == parts.count)
        #expect(svg.node("part 1")?.fills == ["#fff4d6"])
        #expect(svg.node("part 1")?.label == "1. Patient referred for\nchemotherapy → Variant\nfound?\n(4 steps)")
        #expect(svg.edges.count == 8)
        #expect(svg.edges.first { $0.title == "part 1->part 2" }?.label == "variant found")
        #expect(svg.edges.first { $0.title == "part 1->part 3" }?.label == "no variant")
    }

    @Test("the engine's sub-pathways chart with their titles and all their steps")
    func engineChains() throws {
        let pathway = try examplePathway()
        let parts = PathwayGraph(pathway).decomposition(.chains).subpathways.map(FlowchartSubpathway.init)
        #expect(
            parts.map { $0.steps.map(\.rawValue) } == [
                ["referral", "request-test", "lab", "result"], ["reduce-dose"], ["standard-dose"], ["join", "split"],
                ["treat"], ["inform"], ["done"],
            ])
        #expect(parts.allSatisfy { $0.title != nil })
        let svg = try svgChart(Flowchart(pathway: pathway).overview(parts))
        #expect(svg.nodes.count == parts.count)
    }

    @Test("a sub-pathway file's boundary links are drawn as stubs in the network view")
    func boundaryStubs() throws {
        var pathway = Pathway(
            id: "part", steps: [Step(id: "a"), Step(id: "b")], transitions: [Transition(from: "a", to: "b")])
        pathway.boundary = PathwayBoundary(
            parent: "whole", entries: [BoundaryLink(from: "before", to: "a", condition: "referred")],
            exits: [BoundaryLink(from: "b", to: "after")])
        let svg = try svgChart(try Flowchart(pathway: pathway).network())
        #expect(svg.nodes.map(\.title).sorted() == ["a", "b", "from: before", "to: after"])
        #expect(svg.edges.first { $0.title == "from: before->a" }?.label == "referred")
    }

    @Test("transitions to undefined steps are drawn as dashed unknown steps")
    func unknownSteps() throws {
        let pathway = Pathway(id: "p", steps: [Step(id: "a")], transitions: [Transition(from: "a", to: "ghost")])
        let svg = try svgChart(try Flowchart(pathway: pathway).network())
        #expect(svg.node("ghost")?.label == "? ghost")
        #expect(svg.node("ghost")?.id == "unknown-ghost")
    }

    @Test("every step chart renders to PNG with the PNG signature")
    func png() throws {
        let dot = try Flowchart(pathway: try examplePathway()).network()
        let png = try GraphvizLibrary.render(dot: dot, format: "png").bytes
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }
}

@Suite struct FlowchartShareLabelTests {
    @Test(
        "shares print as whole percentages, with rare branches never shown as 0%",
        arguments: [(0.4, "(40%)"), (0.001, "(<1%)"), (0.999, "(>99%)"), (1.0, "(100%)"), (0.064, "(6%)")])
    func percentage(share: Double, expected: String) throws {
        let pathway = Pathway(
            id: "p",
            steps: [Step(id: "s", kind: .start), Step(id: "d", kind: .decision), Step(id: "e", kind: .end)],
            transitions: [
                Transition(from: "s", to: "d"), Transition(from: "d", to: "e", condition: "branch", share: share),
            ])
        let dot = try Flowchart(pathway: pathway, options: FlowchartOptions()).network()
        #expect(dot.contains("branch \(expected)"))
    }
}
