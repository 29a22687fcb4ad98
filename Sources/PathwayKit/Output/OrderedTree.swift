import Foundation
import Yams

/// An ordered document tree for writing YAML and JSON with keys in a fixed order, so that the same value always
/// gives byte-identical text.
public indirect enum OrderedTree: Hashable, Sendable {
    case string(String)
    case number(Double)
    case integer(Int)
    case boolean(Bool)
    case list([OrderedTree])
    case map([(String, OrderedTree)])

    public static func == (lhs: OrderedTree, rhs: OrderedTree) -> Bool { lhs.json() == rhs.json() }
    public func hash(into hasher: inout Hasher) { hasher.combine(json()) }

    /// A mapping that leaves out absent and empty values.
    public static func compactMap(_ pairs: [(String, OrderedTree?)]) -> OrderedTree {
        .map(
            pairs.compactMap { key, value in
                guard let value else { return nil }
                switch value {
                case .list(let items) where items.isEmpty: return nil
                case .map(let entries) where entries.isEmpty: return nil
                default: return (key, value)
                }
            })
    }

    /// YAML text (block style, two-space indent, quoted where YAML would misread a plain scalar).
    public func yaml() -> String {
        do {
            return try Yams.serialize(node: yamsNode(), indent: 2, width: -1, allowUnicode: true, sortKeys: false)
        } catch {
            // Serialising a tree of strings and numbers cannot fail; fall back to JSON, which YAML reads too.
            return json()
        }
    }

    private func yamsNode() -> Yams.Node {
        switch self {
        case .string(let text):
            let plain = Yams.Node(text)
            // Quote anything that would read back as another type or lose its spacing.
            let needsQuotes =
                text.isEmpty || text != text.trimmingCharacters(in: .whitespaces)
                || plain.bool != nil || plain.float != nil || plain.int != nil || plain.null != nil
            return Yams.Node(text, Tag(.str), needsQuotes ? .doubleQuoted : .any)
        case .number(let value): return Yams.Node(OrderedTree.format(value))
        case .integer(let value): return Yams.Node(String(value))
        case .boolean(let value): return Yams.Node(value ? "true" : "false")
        case .list(let items): return Yams.Node(items.map { $0.yamsNode() })
        case .map(let pairs): return Yams.Node(pairs.map { (Yams.Node($0.0), $0.1.yamsNode()) })
        }
    }

    /// JSON text, pretty-printed with two-space indent and a final newline.
    public func json() -> String {
        var out = ""
        writeJSON(into: &out, indent: 0)
        return out + "\n"
    }

    private func writeJSON(into out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1)
        let closePad = String(repeating: "  ", count: indent)
        switch self {
        case .string(let text): out += OrderedTree.jsonString(text)
        case .number(let value): out += OrderedTree.format(value)
        case .integer(let value): out += String(value)
        case .boolean(let value): out += value ? "true" : "false"
        case .list(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += pad
                item.writeJSON(into: &out, indent: indent + 1)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += closePad + "]"
        case .map(let pairs):
            if pairs.isEmpty {
                out += "{}"
                return
            }
            out += "{\n"
            for (index, (key, value)) in pairs.enumerated() {
                out += pad + OrderedTree.jsonString(key) + ": "
                value.writeJSON(into: &out, indent: indent + 1)
                out += index == pairs.count - 1 ? "\n" : ",\n"
            }
            out += closePad + "}"
        }
    }

    /// A number without a trailing `.0` when it is whole, so `30000` stays `30000`.
    static func format(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// A JSON string literal with every control character escaped.
    public static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
