import Graphviz
import PathwayKit

extension DOTImporter {
    /// The node attributes that name a step's staff groups, in the order they are looked for: pathgap's own names,
    /// then the names other tools use for the same thing.
    static let staffGroupAttributes = ["staff_groups", "staffGroups", "staffgroups", "staff", "role", "actor", "lane"]

    /// The node attributes pathgap reads (see the convention on ``DOTImporter``).
    static let readNodeAttributes: Set<String> = Set(
        staffGroupAttributes + [
            "kind", "shape", "label", "stage", "setting", "notes", "reference", "no_competency_reason",
            "noCompetencyReason", "competencies", "sources", "test_codes", "testCodes", "patients_per_year",
            "patientsPerYear", "test_directory", "testDirectory", "reading", "reading_note", "readingNote",
        ])

    /// Graphviz's own node attributes, which only change how a chart looks: not reported as unread.
    static let drawingNodeAttributes: Set<String> = [
        "area", "class", "color", "colorscheme", "comment", "distortion", "fillcolor", "fixedsize", "fontcolor",
        "fontname", "fontsize", "gradientangle", "group", "height", "href", "id", "image", "imagepos", "imagescale",
        "labelloc", "layer", "margin", "nojustify", "ordering", "orientation", "penwidth", "peripheries", "pin", "pos",
        "rects", "regular", "root", "samplepoints", "shapefile", "showboxes", "sides", "skew", "sortv", "style",
        "target", "tooltip", "URL", "vertices", "width", "xlabel", "xlp", "z", "labelfontcolor", "labelfontname",
        "labelfontsize", "labelangle", "labeldistance", "nslimit", "rank", "charset",
    ]

    /// One warning per node attribute name that pathgap neither reads nor knows as a Graphviz drawing attribute
    /// (rule `dot-unread-attribute`), at the first node that has it, with how many nodes have it: so that
    /// `staff="paediatrician"` in a tool's convention pathgap does not know is reported instead of lost.
    ///
    /// - Complexity: O(a) for a attribute values, and a sort of the distinct unread names.
    static func unreadAttributeFindings(_ nodes: [GraphvizDocument.Node], file: String) -> [Finding] {
        var unread: [String: (first: String, count: Int)] = [:]
        for node in nodes {
            for (name, value) in node.attributes
            where !readNodeAttributes.contains(name) && !drawingNodeAttributes.contains(name) && !value.isEmpty {
                unread[name, default: (node.name, 0)].count += 1
            }
        }
        return unread.sorted { $0.key < $1.key }.map { name, seen in
            Finding(
                .warning, rule: "dot-unread-attribute",
                "node attribute '\(name)' is not read (on \(seen.count) node\(seen.count == 1 ? "" : "s"), first "
                    + "'\(seen.first)'); pathgap reads staff groups from "
                    + staffGroupAttributes.joined(separator: ", ") + " and the other attributes the README lists",
                at: SourceLocation(file: file, element: seen.first))
        }
    }
}
