import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An SVG written by Graphviz, read back as XML: its nodes, edges and clusters with what they contain.
struct SVGChart {
    /// A `<g class="node|edge|cluster">` group.
    struct Item {
        var kind: String
        var id: String
        var title = ""
        var texts: [String] = []
        /// Shape elements (`polygon`, `path`, `ellipse`, `polyline`) with their attributes.
        var shapes: [(element: String, attributes: [String: String])] = []
        var tooltips: [String] = []
        var links: [String] = []

        /// The fill colours of the item's shapes.
        var fills: [String] { shapes.compactMap { $0.attributes["fill"] } }
        /// The stroke colours of the item's shapes.
        var strokes: [String] { shapes.compactMap { $0.attributes["stroke"] } }
        /// The polygons' points, as coordinate pairs.
        var polygons: [[(Double, Double)]] {
            shapes.filter { $0.element == "polygon" }.map { shape in
                (shape.attributes["points"] ?? "").split(separator: " ").compactMap { pair in
                    let parts = pair.split(separator: ",").compactMap { Double($0) }
                    return parts.count == 2 ? (parts[0], parts[1]) : nil
                }
            }
        }
        /// The label's lines joined with newlines.
        var label: String { texts.joined(separator: "\n") }
    }

    var items: [Item] = []
    var graphTitle = ""

    var nodes: [Item] { items.filter { $0.kind == "node" } }
    var edges: [Item] { items.filter { $0.kind == "edge" } }
    var clusters: [Item] { items.filter { $0.kind == "cluster" } }

    /// The node whose `<title>` is the given name.
    func node(_ title: String) -> Item? { nodes.first { $0.title == title } }

    /// Parses SVG bytes; `nil` when they are not well-formed XML.
    init?(_ bytes: [UInt8]) {
        let collector = Collector()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = collector
        guard parser.parse() else { return nil }
        items = collector.items
        graphTitle = collector.graphTitle
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var items: [Item] = []
        var graphTitle = ""
        private var current: Item?
        private var depth = 0
        private var itemDepth = 0
        private var text: String?
        private var inTitle = false

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            depth += 1
            if name == "g", let kind = attributes["class"], ["node", "edge", "cluster"].contains(kind) {
                current = Item(kind: kind, id: attributes["id"] ?? "")
                itemDepth = depth
                return
            }
            switch name {
            case "title":
                inTitle = true
                text = ""
            case "text": text = ""
            case "polygon", "path", "ellipse", "polyline": current?.shapes.append((name, attributes))
            case "a":
                if let tooltip = attributes["xlink:title"] { current?.tooltips.append(tooltip) }
                if let link = attributes["xlink:href"] { current?.links.append(link) }
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text? += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            defer { depth -= 1 }
            if name == "title", let value = text {
                if current != nil { current?.title = value } else { graphTitle = value }
                inTitle = false
                text = nil
            } else if name == "text", let value = text {
                current?.texts.append(value)
                text = nil
            } else if name == "g", depth == itemDepth, let item = current {
                items.append(item)
                current = nil
            }
        }
    }
}
