import Foundation

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

    /// JSON text, pretty-printed with two-space indent and a final newline (see ``JSONWriter``).
    ///
    /// - Parameter layout: Where containers go: one member per line, or containers of plain values on one line.
    public func json(layout: JSONWriter.Layout = .expanded) -> String {
        var writer = JSONWriter()
        write(to: &writer, layout: layout)
        writer.finish()
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Writes the tree as one JSON value.
    ///
    /// - Parameters:
    ///   - writer: The writer.
    ///   - layout: Where containers go (see ``JSONWriter/Layout``).
    public func write(to writer: inout JSONWriter, layout: JSONWriter.Layout = .expanded) {
        switch self {
        case .string(let text): writer.string(text)
        case .number(let value): writer.number(value)
        case .integer(let value): writer.integer(value)
        case .boolean(let value): writer.boolean(value)
        case .list(let items):
            writer.beginArray(inline: layout == .compact && isInline)
            for item in items { item.write(to: &writer, layout: layout) }
            writer.endArray()
        case .map(let pairs):
            writer.beginObject(inline: layout == .compact && isInline)
            for (key, value) in pairs {
                writer.key(key)
                value.write(to: &writer, layout: layout)
            }
            writer.endObject()
        }
    }

    /// Whether the value holds a list or a map.
    private var isContainer: Bool {
        switch self {
        case .list, .map: return true
        case .string, .number, .integer, .boolean: return false
        }
    }

    /// Whether the ``JSONWriter/Layout/compact`` layout writes this container on one line: it holds no container,
    /// or it is a list of at most ``JSONWriter/compactObjectLimit`` maps that hold none.
    private var isInline: Bool {
        switch self {
        case .list(let items):
            if !items.contains(where: \.isContainer) { return true }
            return items.count <= JSONWriter.compactObjectLimit
                && items.allSatisfy { item in
                    guard case .map(let pairs) = item else { return false }
                    return !pairs.contains { $0.1.isContainer }
                }
        case .map(let pairs):
            return !pairs.contains { $0.1.isContainer }
        case .string, .number, .integer, .boolean:
            return false
        }
    }

    /// A number without a trailing `.0` when it is whole, so `30000` stays `30000` (``NumberText/plain(_:)``).
    static func format(_ value: Double) -> String { NumberText.plain(value) }

    /// A JSON string literal with every control character escaped (``JSONWriter/appendQuoted(_:to:)``).
    public static func jsonString(_ text: String) -> String {
        var out: [UInt8] = []
        JSONWriter.appendQuoted(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
