import Foundation
import Graphviz
import PathwayGraphviz
import PathwayKit
import TestSupport
import Testing

/// Long labels wrap at the set width on every kind of step, decisions included, and the tooltip keeps the whole
/// text (issue 15: "a decision's long label spans the whole chart").
@Suite struct LabelWrapTests {
    static let long =
        "Discuss the germline result with the patient, agree who else in the family should be told, and arrange "
        + "predictive testing for relatives who want it"
    static let question =
        "Does the tumour show loss of MLH1 expression on immunohistochemistry and no BRAF V600E variant?"

    /// A small pathway whose activity, decision, end and merge carry long labels.
    static func pathway() throws -> Pathway {
        let text = """
            id: wrap
            title: Long labels
            steps:
              - {id: start, kind: start, label: "Patient referred after a colorectal cancer diagnosis by the MDT"}
              - {id: ask, kind: decision, label: "\(question)"}
              - {id: talk, label: "\(long)"}
              - {id: other, label: "Reassure and return to routine follow-up in the colorectal clinic"}
              - {id: join, kind: merge, label: "Both routes continue to the surveillance programme meeting"}
              - {id: done, kind: end, label: "Discharged to the bowel cancer screening programme with a plan"}
            transitions:
              - {from: start, to: ask}
              - {from: ask, to: talk, condition: yes}
              - {from: ask, to: other, condition: no}
              - {from: talk, to: join}
              - {from: other, to: join}
              - {from: join, to: done}
            """
        return try NativeFormat.pathway(from: text, file: "wrap.yaml")
    }

    @Test(
        "every label line fits the width, the words are all there, and the tooltip has the full text",
        arguments: [28, 16])
    func wrapsAtWidth(width: Int) throws {
        let pathway = try Self.pathway()
        let svg = try svgChart(try Flowchart(pathway: pathway, options: FlowchartOptions(labelWidth: width)).network())
        for step in pathway.steps {
            let node = try #require(svg.node(step.id.rawValue), "\(step.id)")
            let full = step.label
            // A merge is a small diamond with its label outside (an xlabel, drawn in the same group).
            let lines = node.texts
            #expect(lines.count > 1, "\(step.id): '\(full)' was not wrapped")
            for line in lines { #expect(line.count <= width, "\(step.id): '\(line)' is wider than \(width)") }
            // Nothing lost: the lines hold the label's characters in order (a word longer than the width is cut).
            #expect(
                lines.joined().filter { !$0.isWhitespace } == full.filter { !$0.isWhitespace },
                "\(step.id): text lost or changed")
            if full.split(separator: " ").allSatisfy({ $0.count <= width }) {
                #expect(lines.joined(separator: " ") == full, "\(step.id): not broken at spaces")
            }
            #expect(node.tooltips.first?.hasPrefix(full + "\n") == true, "\(step.id): tooltip lacks the full label")
        }
        // The decision is no wider than the widest box beside it: its label wrapped instead of spanning the chart.
        let decision = try #require(svg.node("ask")?.polygons.first)
        let activity = try #require(svg.node("talk")?.polygons.first)
        func span(_ points: [(Double, Double)]) -> Double {
            (points.map(\.0).max() ?? 0) - (points.map(\.0).min() ?? 0)
        }
        #expect(span(decision) < 2.5 * span(activity), "decision \(span(decision)) vs activity \(span(activity))")
    }
}
