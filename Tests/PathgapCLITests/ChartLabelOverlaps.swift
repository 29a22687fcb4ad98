import Foundation

/// Edge labels that lie on a node, found in Graphviz's `json` output (the layout with its xdot drawing operations).
///
/// A node is in the way where anything of it is drawn: each polygon it draws (a box, a diamond) as that polygon,
/// each curve or ellipse as its bounding box, and each line of its label or `xlabel` as a text box. An edge label
/// (its `label`/`xlabel`, `headlabel` or `taillabel`) is made of one text box per line. A text box is as wide as
/// Graphviz measured the line and reaches from 0.2 of the font size below the baseline (descenders) to 0.8 above
/// it (capitals); boxes that only touch (within half a point) do not count. Invisible nodes draw nothing and so are
/// never in the way.
struct ChartLabelOverlaps {
    /// A convex polygon, corners in order.
    typealias Polygon = [(x: Double, y: Double)]

    /// The number of edge labels on the chart.
    private(set) var labels = 0
    /// The texts of the edge labels that lie on a node, lines joined by spaces, in the order of the edges.
    private(set) var overlapping: [String] = []

    /// Reads a chart laid out by Graphviz; `nil` when the bytes are not Graphviz's JSON.
    ///
    /// - Complexity: O(e × n) for e edge labels and n drawn parts of nodes.
    init?(json: Data) {
        guard let root = try? JSONSerialization.jsonObject(with: json) as? [String: Any] else { return nil }
        var obstacles: [Polygon] = []
        for object in root["objects"] as? [[String: Any]] ?? [] where object["pos"] != nil {
            // Clusters have no position; nodes do.
            obstacles += Self.shapes(object["_draw_"]) + Self.textBoxes(object["_ldraw_"])
        }
        for edge in root["edges"] as? [[String: Any]] ?? [] {
            for key in ["_ldraw_", "_hldraw_", "_tldraw_"] {
                let boxes = Self.textBoxes(edge[key])
                guard !boxes.isEmpty else { continue }
                labels += 1
                if boxes.contains(where: { box in obstacles.contains { Self.intersect(Self.shrunk(box), $0) } }) {
                    overlapping.append(Self.texts(edge[key]).joined(separator: " "))
                }
            }
        }
    }

    /// The text boxes of the lines an xdot operation list draws.
    static func textBoxes(_ operations: Any?) -> [Polygon] {
        var size = 14.0
        var boxes: [Polygon] = []
        for operation in operations as? [[String: Any]] ?? [] {
            switch operation["op"] as? String {
            case "F": size = (operation["size"] as? Double) ?? size
            case "T":
                guard let point = operation["pt"] as? [Double], point.count == 2,
                    let width = operation["width"] as? Double
                else { continue }
                let left =
                    switch operation["align"] as? String {
                    case "l": point[0]
                    case "r": point[0] - width
                    default: point[0] - width / 2
                    }
                boxes.append(rectangle(left, point[1] - 0.2 * size, left + width, point[1] + 0.8 * size))
            default: continue
            }
        }
        return boxes
    }

    /// The texts an xdot operation list draws.
    static func texts(_ operations: Any?) -> [String] {
        (operations as? [[String: Any]] ?? []).compactMap { $0["op"] as? String == "T" ? $0["text"] as? String : nil }
    }

    /// The polygons, curves and ellipses an xdot operation list draws, as convex polygons.
    static func shapes(_ operations: Any?) -> [Polygon] {
        var result: [Polygon] = []
        for operation in operations as? [[String: Any]] ?? [] {
            switch operation["op"] as? String {
            case "p", "P":
                let points = (operation["points"] as? [[Double]] ?? []).filter { $0.count == 2 }
                if points.count >= 3 { result.append(points.map { ($0[0], $0[1]) }) }
            case "b", "B", "L":
                let points = (operation["points"] as? [[Double]] ?? []).filter { $0.count == 2 }
                guard let minX = points.map({ $0[0] }).min(), let maxX = points.map({ $0[0] }).max(),
                    let minY = points.map({ $0[1] }).min(), let maxY = points.map({ $0[1] }).max()
                else { continue }
                result.append(rectangle(minX, minY, maxX, maxY))
            case "e", "E":
                guard let box = operation["rect"] as? [Double], box.count == 4 else { continue }
                result.append(rectangle(box[0] - box[2], box[1] - box[3], box[0] + box[2], box[1] + box[3]))
            default: continue
            }
        }
        return result
    }

    static func rectangle(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Polygon {
        [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    }

    /// A text box made half a point smaller on every side, so that boxes which only touch do not overlap.
    static func shrunk(_ box: Polygon) -> Polygon {
        let xs = box.map(\.x)
        let ys = box.map(\.y)
        let tolerance = 0.5
        return rectangle(
            (xs.min() ?? 0) + tolerance, (ys.min() ?? 0) + tolerance, (xs.max() ?? 0) - tolerance,
            (ys.max() ?? 0) - tolerance)
    }

    /// Whether two convex polygons overlap: no edge of either separates them (the separating axis theorem).
    ///
    /// - Complexity: O((a + b)²) in their numbers of corners.
    static func intersect(_ a: Polygon, _ b: Polygon) -> Bool {
        for polygon in [a, b] {
            for index in polygon.indices {
                let p = polygon[index]
                let q = polygon[(index + 1) % polygon.count]
                let axis = (x: q.y - p.y, y: p.x - q.x)
                if axis.x == 0 && axis.y == 0 { continue }
                let first = a.map { axis.x * $0.x + axis.y * $0.y }
                let second = b.map { axis.x * $0.x + axis.y * $0.y }
                if let maxA = first.max(), let minA = first.min(), let maxB = second.max(), let minB = second.min(),
                    maxA <= minB || maxB <= minA
                {
                    return false
                }
            }
        }
        return true
    }
}
