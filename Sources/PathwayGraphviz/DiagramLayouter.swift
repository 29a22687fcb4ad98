import Foundation
import Graphviz
import PathwayKit

/// Lays a pathway out for the diagram interchange of other tools' formats (BPMN, GraphML) through Graphviz's C
/// library: `dot`, left to right, with polyline edges, each step a box of its BPMN size, and, when asked, one
/// cluster per lane (a step's first staff group; steps with none share a last lane).
///
/// Lanes are made to stack as horizontal bands: each lane's cluster holds two invisible anchors, ranked with the
/// leftmost and rightmost step of a first layout, so every cluster spans the whole width and Graphviz, which never
/// lets clusters overlap, puts them one above the other. The bands are then stretched to the pool's width and
/// made to meet halfway between clusters.
public enum DiagramLayouter {
    /// The room on the left of a pool for its title, as BPMN modellers draw horizontal pools.
    public static let poolHeader = 30.0
    /// The margin around the drawing inside the pool.
    static let margin = 20.0

    /// Lays out a pathway.
    ///
    /// - Parameters:
    ///   - pathway: The pathway; transitions to steps it lacks are left out.
    ///   - lanes: Whether to group steps into one lane per staff group.
    /// - Returns: The layout, in points, origin top left.
    /// - Throws: ``Graphviz/GraphvizError`` when Graphviz fails, or ``FlowchartError/tooLarge(pathway:steps:limit:)``
    ///   above ``FlowchartOptions/defaultMaxSteps`` steps.
    /// - Complexity: That of `dot` on the pathway (run twice when there are lanes).
    public static func layout(_ pathway: some PathwayRecord, lanes: Bool) throws -> DiagramLayout {
        let steps = Self.uniqueSteps(pathway)
        guard steps.count <= FlowchartOptions.defaultMaxSteps else {
            throw FlowchartError.tooLarge(
                pathway: pathway.id, steps: steps.count, limit: FlowchartOptions.defaultMaxSteps)
        }
        let groups = lanes ? laneOrder(steps) : []
        var ends: (first: StepID, last: StepID)?
        if groups.count > 1 {
            let first = try run(dot(pathway, steps: steps, groups: groups, anchors: nil))
            let placed = steps.compactMap { step in first.centers[step.id].map { (step.id, $0.x) } }
            if let left = placed.min(by: { $0.1 < $1.1 }), let right = placed.max(by: { $0.1 < $1.1 }) {
                ends = (left.0, right.0)
            }
        }
        let result = try run(dot(pathway, steps: steps, groups: groups, anchors: ends))
        return result.layout(groups: groups)
    }

    /// Lanes in the order their first step is written; `nil` stands for steps with no staff group.
    static func laneOrder<S: StepRecord>(_ steps: [S]) -> [StaffGroupID?] {
        var order: [StaffGroupID?] = []
        for step in steps where !order.contains(DiagramLayout.lane(of: step)) {
            order.append(DiagramLayout.lane(of: step))
        }
        return order.count == 1 && order[0] == nil ? [] : order
    }

    static func uniqueSteps<P: PathwayRecord>(_ pathway: P) -> [P.Steps.Element] {
        var seen: Set<StepID> = []
        return pathway.steps.filter { seen.insert($0.id).inserted }
    }

    /// The DOT text Graphviz lays out.
    static func dot<P: PathwayRecord>(
        _ pathway: P, steps: [P.Steps.Element], groups: [StaffGroupID?], anchors: (first: StepID, last: StepID)?
    ) -> String {
        let quote = PathwayDOTWriter.quote
        var out = "digraph layout {\n  rankdir=LR; newrank=true; splines=polyline; nodesep=0.4; ranksep=0.5;\n"
        out += "  node [shape=box, fixedsize=true, label=\"\"];\n"
        func node(_ step: P.Steps.Element) -> String {
            let size = DiagramLayout.size(of: step.kind)
            return "  \(quote(step.id.rawValue)) [width=\(size.width / 72), height=\(size.height / 72)];\n"
        }
        if groups.isEmpty {
            for step in steps { out += node(step) }
        } else {
            for (number, group) in groups.enumerated() {
                out += "  subgraph \"cluster_\(number)\" {\n  margin=12;\n"
                for step in steps where DiagramLayout.lane(of: step) == group { out += "  " + node(step) }
                if anchors != nil {
                    for side in ["first", "last"] {
                        out += "    \"pathgap:anchor:\(side)\(number)\" [style=invis, width=0.01, height=0.01];\n"
                    }
                }
                out += "  }\n"
            }
            if let anchors {
                for (side, step) in [("first", anchors.first), ("last", anchors.last)] {
                    out += "  {rank=same; \(quote(step.rawValue));"
                    for number in groups.indices { out += " \"pathgap:anchor:\(side)\(number)\";" }
                    out += "}\n"
                }
            }
        }
        let known = Set(steps.map(\.id))
        for (index, transition) in pathway.transitions.enumerated()
        where known.contains(transition.from) && known.contains(transition.to) {
            var attributes = "id=\"t\(index)\""
            if let condition = transition.condition, !condition.isEmpty {
                attributes += ", label=\(quote(condition))"
            }
            out += "  \(quote(transition.from.rawValue)) -> \(quote(transition.to.rawValue)) [\(attributes)];\n"
        }
        return out + "}\n"
    }

    /// What Graphviz placed, in its own coordinates (points, origin bottom left).
    struct Placement {
        var bounds: (width: Double, height: Double) = (0, 0)
        var centers: [StepID: DiagramLayout.Point] = [:]
        var sizes: [StepID: (width: Double, height: Double)] = [:]
        var clusters: [Int: (x1: Double, y1: Double, x2: Double, y2: Double)] = [:]
        var edges: [Int: [DiagramLayout.Point]] = [:]

        /// The layout in diagram coordinates: y downwards, shifted right for the pool's header.
        func layout(groups: [StaffGroupID?]) -> DiagramLayout {
            let dx = DiagramLayouter.poolHeader + DiagramLayouter.margin
            let top = bounds.height + DiagramLayouter.margin
            func point(_ p: DiagramLayout.Point) -> DiagramLayout.Point {
                DiagramLayout.Point(x: p.x + dx, y: top - p.y)
            }
            var result = DiagramLayout()
            for (id, center) in centers {
                let size = sizes[id] ?? (0, 0)
                let c = point(center)
                result.steps[id] = DiagramLayout.Box(
                    x: c.x - size.width / 2, y: c.y - size.height / 2, width: size.width, height: size.height)
            }
            for (index, points) in edges { result.transitions[index] = points.map(point) }
            let pool = DiagramLayout.Box(
                x: 0, y: 0, width: bounds.width + dx + DiagramLayouter.margin,
                height: bounds.height + 2 * DiagramLayouter.margin)
            result.bounds = pool
            // Lanes: bands in the order Graphviz stacked them, meeting halfway between clusters.
            var spans: [(group: StaffGroupID?, top: Double, bottom: Double)] = []
            for (number, group) in groups.enumerated() {
                guard let box = clusters[number] else { continue }
                spans.append((group, top - box.y2, top - box.y1))
            }
            spans.sort { $0.top < $1.top }
            for (index, span) in spans.enumerated() {
                let upper = index == 0 ? pool.y : (spans[index - 1].bottom + span.top) / 2
                let lower = index == spans.count - 1 ? pool.y + pool.height : (span.bottom + spans[index + 1].top) / 2
                let x = pool.x + DiagramLayouter.poolHeader
                result.lanes.append(
                    DiagramLayout.Lane(
                        group: span.group ?? StaffGroupID(""),
                        box: DiagramLayout.Box(x: x, y: upper, width: pool.width - x, height: lower - upper)
                    ))
            }
            return result
        }
    }

    /// Lays DOT out and reads Graphviz's `json0` output.
    static func run(_ dot: String) throws -> Placement {
        let rendering = try GraphvizLibrary.render(dot: dot, format: "json0")
        guard let root = try? JSONSerialization.jsonObject(with: Data(rendering.bytes)) as? [String: Any] else {
            throw GraphvizError(stage: .render, message: "Graphviz's json0 output could not be read")
        }
        var placement = Placement()
        let bb = numbers(root["bb"] as? String)
        if bb.count == 4 { placement.bounds = (bb[2] - bb[0], bb[3] - bb[1]) }
        var names: [Int: String] = [:]
        for object in root["objects"] as? [[String: Any]] ?? [] {
            guard let name = object["name"] as? String else { continue }
            if name.hasPrefix("cluster_"), let number = Int(name.dropFirst("cluster_".count)) {
                let box = numbers(object["bb"] as? String)
                if box.count == 4 { placement.clusters[number] = (box[0], box[1], box[2], box[3]) }
                continue
            }
            if let gvid = object["_gvid"] as? Int { names[gvid] = name }
            let pos = numbers(object["pos"] as? String)
            guard pos.count == 2, !name.hasPrefix("pathgap:anchor:") else { continue }
            let id = StepID(name)
            placement.centers[id] = DiagramLayout.Point(x: pos[0], y: pos[1])
            placement.sizes[id] = (
                (Double(object["width"] as? String ?? "") ?? 0) * 72,
                (Double(object["height"] as? String ?? "") ?? 0) * 72
            )
        }
        for edge in root["edges"] as? [[String: Any]] ?? [] {
            guard let id = edge["id"] as? String, id.hasPrefix("t"), let index = Int(id.dropFirst()),
                let pos = edge["pos"] as? String
            else { continue }
            placement.edges[index] = waypoints(pos)
        }
        return placement
    }

    /// The waypoints of a polyline edge from Graphviz's `pos` (`[s,x,y] [e,x,y] p0 p1 … p3n`, a piecewise Bézier
    /// whose every third point is a corner): the corners, with the arrow's tip as the last.
    static func waypoints(_ pos: String) -> [DiagramLayout.Point] {
        var end: DiagramLayout.Point?
        var start: DiagramLayout.Point?
        var points: [DiagramLayout.Point] = []
        for part in pos.split(separator: " ") {
            let values = part.split(separator: ",")
            if values.count == 3, let x = Double(values[1]), let y = Double(values[2]) {
                if values[0] == "e" { end = DiagramLayout.Point(x: x, y: y) }
                if values[0] == "s" { start = DiagramLayout.Point(x: x, y: y) }
            } else if values.count == 2, let x = Double(values[0]), let y = Double(values[1]) {
                points.append(DiagramLayout.Point(x: x, y: y))
            }
        }
        var corners = stride(from: 0, to: points.count, by: 3).map { points[$0] }
        if let start, !corners.isEmpty { corners[0] = start }
        if let end { corners.append(end) }
        return corners
    }

    static func numbers(_ text: String?) -> [Double] {
        (text ?? "").split(separator: ",").compactMap { Double($0) }
    }
}
