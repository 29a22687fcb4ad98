import PathwayKit

/// Finishing touches on the SVG Graphviz writes, for readers who use assistive technology.
public enum FlowchartSVG {
    /// The SVG with `role="img"` and `aria-labelledby` on its root element, and a `<title>` and `<desc>` as its
    /// first children, so that a screen reader announces the chart by its heading and summary rather than by an
    /// id. Anything that is not an SVG document (no `<svg` element) is returned unchanged.
    ///
    /// - Parameters:
    ///   - svg: Graphviz's SVG output.
    ///   - id: A name for the chart that is unique on a page, used for the `id`s of the title and description.
    ///   - title: The chart's title (pathway and part names).
    ///   - description: What the chart shows, in a sentence or two.
    /// - Returns: The SVG bytes.
    /// - Complexity: O(n) in the size of the SVG.
    public static func accessible(_ svg: [UInt8], id: String, title: String, description: String) -> [UInt8] {
        guard let open = range(of: Array("<svg".utf8), in: svg),
            let close = svg[open.upperBound...].firstIndex(of: UInt8(ascii: ">"))
        else { return svg }
        let base = "chart-" + DOTText.identifier(id)
        let attributes = " role=\"img\" aria-labelledby=\"\(base)-title \(base)-desc\""
        let children =
            "\n<title id=\"\(base)-title\">\(escaped(title))</title>\n<desc id=\"\(base)-desc\">\(escaped(description))</desc>"
        var result: [UInt8] = []
        result.reserveCapacity(svg.count + attributes.utf8.count + children.utf8.count)
        result += svg[..<close]
        result += attributes.utf8
        result.append(UInt8(ascii: ">"))
        result += children.utf8
        result += svg[(close + 1)...]
        return result
    }

    /// Text made safe for XML character data and attribute values (``MarkupText``; control characters as spaces).
    public static func escaped(_ text: String) -> String { MarkupText.escaped(text) }

    /// The first occurrence of `needle` in `bytes`.
    private static func range(of needle: [UInt8], in bytes: [UInt8]) -> Range<Int>? {
        guard needle.count <= bytes.count else { return nil }
        var start = 0
        while start + needle.count <= bytes.count {
            if bytes[start] == needle[0], Array(bytes[start..<start + needle.count]) == needle {
                return start..<start + needle.count
            }
            start += 1
        }
        return nil
    }
}
