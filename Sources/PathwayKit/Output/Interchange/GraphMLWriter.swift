/// Writes a pathway as GraphML for yEd and other graph editors: every step a node and every transition an edge,
/// with pathgap's data keys (label, kind, stage, setting, staff groups, competencies, notes; condition and share)
/// that ``GraphMLImporter`` reads back, and yEd's graphics (a shape per kind — decisions diamonds, starts and ends
/// ellipses — its geometry, its label, and each edge's bends and label) so that yEd opens the drawing as laid out.
public enum GraphMLWriter {
    /// The data keys written, in order: (id, domain, name, type).
    static let keys: [(id: String, domain: String, name: String, type: String)] = [
        ("g_title", "graph", "title", "string"), ("g_description", "graph", "description", "string"),
        ("n_label", "node", "label", "string"), ("n_kind", "node", "kind", "string"),
        ("n_stage", "node", "stage", "string"), ("n_setting", "node", "setting", "string"),
        ("n_staffGroups", "node", "staffGroups", "string"), ("n_competencies", "node", "competencies", "string"),
        ("n_notes", "node", "notes", "string"), ("e_condition", "edge", "condition", "string"),
        ("e_share", "edge", "share", "double"),
    ]

    /// Writes a pathway.
    ///
    /// - Parameters:
    ///   - pathway: The pathway; transitions to steps it lacks are left out.
    ///   - layout: Where each node and bend goes.
    /// - Returns: The XML text, ending with a newline.
    /// - Complexity: O(V + E).
    public static func text(for pathway: some PathwayRecord, layout: DiagramLayout) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns \
            http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">

            """
        for key in keys {
            out += "  <key id=\"\(key.id)\" for=\"\(key.domain)\" attr.name=\"\(key.name)\" "
            out += "attr.type=\"\(key.type)\" />\n"
        }
        out += "  <key id=\"n_graphics\" for=\"node\" yfiles.type=\"nodegraphics\" />\n"
        out += "  <key id=\"e_graphics\" for=\"edge\" yfiles.type=\"edgegraphics\" />\n"
        out += "  <graph id=\"\(XMLText.escaped(pathway.id.rawValue))\" edgedefault=\"directed\">\n"
        out += data("g_title", pathway.title, indent: 4)
        out += data("g_description", pathway.description, indent: 4)
        var seen: Set<StepID> = []
        var centers: [StepID: DiagramLayout.Point] = [:]
        for step in pathway.steps where seen.insert(step.id).inserted {
            out += "    <node id=\"\(XMLText.escaped(step.id.rawValue))\">\n"
            out += data("n_label", step.label, indent: 6)
            out += data("n_kind", step.kind.rawValue, indent: 6)
            out += data("n_stage", step.stage, indent: 6)
            out += data("n_setting", step.setting, indent: 6)
            out += data("n_staffGroups", list(step.staffGroups.map(\.rawValue)), indent: 6)
            out += data("n_competencies", list(step.competencies.map(\.written)), indent: 6)
            out += data("n_notes", step.notes, indent: 6)
            let size = DiagramLayout.size(of: step.kind)
            let box =
                layout.steps[step.id] ?? DiagramLayout.Box(x: 0, y: 0, width: size.width, height: size.height)
            centers[step.id] = box.center
            let style = shape(for: step.kind)
            out += "      <data key=\"n_graphics\"><y:ShapeNode>"
            out += "<y:Geometry x=\"\(XMLText.number(box.x))\" y=\"\(XMLText.number(box.y))\" "
            out += "width=\"\(XMLText.number(box.width))\" height=\"\(XMLText.number(box.height))\" />"
            out += "<y:Fill color=\"\(style.fill)\" transparent=\"false\" />"
            out += "<y:BorderStyle color=\"#000000\" type=\"line\" width=\"\(style.border)\" />"
            out += "<y:NodeLabel alignment=\"center\" autoSizePolicy=\"content\" fontSize=\"11\" "
            out += "modelName=\"\(step.kind == .activity || step.kind == .reference ? "internal" : "sandwich")\" "
            out += "modelPosition=\"\(step.kind == .activity || step.kind == .reference ? "c" : "s")\">"
            out += "\(XMLText.escaped(step.label))</y:NodeLabel>"
            out += "<y:Shape type=\"\(style.shape)\" /></y:ShapeNode></data>\n"
            out += "    </node>\n"
        }
        for (index, transition) in pathway.transitions.enumerated()
        where seen.contains(transition.from) && seen.contains(transition.to) {
            out += "    <edge id=\"e\(index + 1)\" source=\"\(XMLText.escaped(transition.from.rawValue))\" "
            out += "target=\"\(XMLText.escaped(transition.to.rawValue))\">\n"
            out += data("e_condition", transition.condition, indent: 6)
            out += data("e_share", transition.share.map { "\($0)" }, indent: 6)
            out += "      <data key=\"e_graphics\"><y:PolyLineEdge>"
            let points = layout.transitions[index] ?? []
            let source = centers[transition.from] ?? DiagramLayout.Point(x: 0, y: 0)
            let target = centers[transition.to] ?? DiagramLayout.Point(x: 0, y: 0)
            if points.count >= 2, let first = points.first, let last = points.last {
                out +=
                    "<y:Path sx=\"\(XMLText.number(first.x - source.x))\" sy=\"\(XMLText.number(first.y - source.y))\" "
                out += "tx=\"\(XMLText.number(last.x - target.x))\" ty=\"\(XMLText.number(last.y - target.y))\">"
                for point in points.dropFirst().dropLast() {
                    out += "<y:Point x=\"\(XMLText.number(point.x))\" y=\"\(XMLText.number(point.y))\" />"
                }
                out += "</y:Path>"
            } else {
                out += "<y:Path sx=\"0\" sy=\"0\" tx=\"0\" ty=\"0\" />"
            }
            out += "<y:LineStyle color=\"#000000\" type=\"line\" width=\"1.0\" />"
            out += "<y:Arrows source=\"none\" target=\"standard\" />"
            if let condition = transition.condition, !condition.isEmpty {
                out += "<y:EdgeLabel fontSize=\"10\">\(XMLText.escaped(condition))</y:EdgeLabel>"
            }
            out += "</y:PolyLineEdge></data>\n"
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    static func data(_ key: String, _ value: String?, indent: Int) -> String {
        guard let value, !value.isEmpty else { return "" }
        return String(repeating: " ", count: indent) + "<data key=\"\(key)\">\(XMLText.escaped(value))</data>\n"
    }

    static func list(_ items: [String]) -> String? { items.isEmpty ? nil : items.joined(separator: ";") }

    /// yEd's shape, fill and border width for a kind of step.
    static func shape(for kind: StepKind) -> (shape: String, fill: String, border: String) {
        switch kind {
        case .start: ("ellipse", "#E8F5E9", "2.0")
        case .end: ("ellipse", "#FFEBEE", "3.0")
        case .activity: ("roundrectangle", "#FFFFFF", "1.0")
        case .decision: ("diamond", "#FFF8E1", "1.0")
        case .merge: ("diamond", "#FFFFFF", "1.0")
        case .parallel: ("hexagon", "#FFFFFF", "1.0")
        case .reference: ("rectangle3d", "#FFFFFF", "1.0")
        }
    }
}
