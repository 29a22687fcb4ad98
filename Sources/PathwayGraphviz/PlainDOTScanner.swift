import Foundation
import Graphviz

/// A fast reader for plain DOT files: one `digraph` of node, edge and attribute statements, as generators write
/// them (`"a" -> "b" [label="x"];`), without going through cgraph.
///
/// cgraph builds a full attributed graph and took 12.8 s and 530 MB for 1.1 million edges; this scanner reads the
/// bytes once into the same ``GraphvizDocument`` cgraph's reader gives, for the subset it understands, and returns
/// `nil` for anything else (subgraphs and `{…}` groups, ports, undirected or strict graphs, HTML labels, `+`
/// concatenation, `charset`, text that is not UTF-8, a second graph), so that the caller falls back to cgraph. It
/// follows cgraph's semantics for what it accepts: `node [...]` and `edge [...]` defaults apply to the nodes and
/// edges created after them; nodes are listed in creation order; edges grouped by tail in node order, then by
/// head in node order, then in creation order; empty attribute values are left out; `\"` in a quoted string is a
/// quote and a backslash before a line break joins lines, other escapes are kept for the importer. The corpus
/// tests check that it gives the same pathways as cgraph on every corpus file it accepts.
///
/// - Complexity: O(n) in the size of the file, with one dictionary look-up per node mention.
enum PlainDOTScanner {
    enum Token: Equatable {
        case id(String)
        case arrow, equals, semicolon, comma, open, close, openBrace, closeBrace
    }

    /// Scans DOT bytes, or returns `nil` when the file uses anything outside the plain subset.
    static func document(_ data: Data) -> GraphvizDocument? {
        guard let tokens = tokens(data) else { return nil }
        var index = 0
        func next() -> Token? {
            guard index < tokens.count else { return nil }
            defer { index += 1 }
            return tokens[index]
        }
        func peek() -> Token? { index < tokens.count ? tokens[index] : nil }
        // Header: digraph [name] {
        guard case .id(let keyword) = next(), keyword.lowercased() == "digraph" else { return nil }
        var name = ""
        if case .id(let written) = peek() {
            name = written
            index += 1
        }
        guard next() == .openBrace else { return nil }

        var document = GraphvizDocument(name: name, isDirected: true)
        var nodeIndex: [String: Int] = [:]
        var nodeDefaults: [String: String] = [:]
        var edgeDefaults: [String: String] = [:]
        var edges: [(tail: Int, head: Int, attributes: [String: String])] = []

        func node(_ name: String) -> Int {
            if let existing = nodeIndex[name] { return existing }
            nodeIndex[name] = document.nodes.count
            document.nodes.append(GraphvizDocument.Node(name: name, attributes: nodeDefaults))
            return document.nodes.count - 1
        }
        func attributeList() -> [(String, String)]? {
            var result: [(String, String)] = []
            while peek() == .open {
                index += 1
                while true {
                    guard let token = next() else { return nil }
                    if token == .close { break }
                    if token == .comma || token == .semicolon { continue }
                    guard case .id(let key) = token, next() == .equals, case .id(let value) = next() else { return nil }
                    if key.lowercased() == "charset" { return nil }
                    result.append((key, value))
                }
            }
            return result
        }
        func apply(_ list: [(String, String)], to attributes: inout [String: String]) {
            for (key, value) in list {
                if value.isEmpty { attributes.removeValue(forKey: key) } else { attributes[key] = value }
            }
        }

        while let token = next() {
            switch token {
            case .closeBrace:
                // Only comments and white space may follow (cgraph reads only the first graph).
                return index == tokens.count ? finish(document, edges: edges) : nil
            case .semicolon:
                continue
            case .id(let first):
                let lowered = first.lowercased()
                if ["node", "edge", "graph"].contains(lowered), peek() == .open {
                    guard let list = attributeList() else { return nil }
                    switch lowered {
                    case "node": apply(list, to: &nodeDefaults)
                    case "edge": apply(list, to: &edgeDefaults)
                    default: apply(list, to: &document.attributes)
                    }
                    continue
                }
                if ["subgraph", "strict", "digraph", "graph", "node", "edge"].contains(lowered) { return nil }
                if peek() == .equals {
                    index += 1
                    guard case .id(let value) = next() else { return nil }
                    if first.lowercased() == "charset" { return nil }
                    apply([(first, value)], to: &document.attributes)
                    continue
                }
                var chain = [first]
                while peek() == .arrow {
                    index += 1
                    guard case .id(let head) = next() else { return nil }
                    chain.append(head)
                }
                guard let list = attributeList() else { return nil }
                if chain.count == 1 {
                    let position = node(first)
                    apply(list, to: &document.nodes[position].attributes)
                } else {
                    var attributes = edgeDefaults
                    apply(list, to: &attributes)
                    var tail = node(chain[0])
                    for name in chain.dropFirst() {
                        let head = node(name)
                        edges.append((tail, head, attributes))
                        tail = head
                    }
                }
            default:
                return nil
            }
        }
        return nil  // no closing brace
    }

    /// Orders edges as cgraph lists them: by tail, then head (both in node creation order), then creation.
    static func finish(
        _ document: GraphvizDocument, edges: [(tail: Int, head: Int, attributes: [String: String])]
    ) -> GraphvizDocument {
        var document = document
        let order = edges.indices.sorted {
            (edges[$0].tail, edges[$0].head, $0) < (edges[$1].tail, edges[$1].head, $1)
        }
        document.edges = order.map {
            GraphvizDocument.Edge(
                tail: document.nodes[edges[$0].tail].name, head: document.nodes[edges[$0].head].name,
                attributes: edges[$0].attributes)
        }
        return document
    }

    /// Splits DOT bytes into tokens, or returns `nil` at anything outside the plain subset.
    static func tokens(_ data: Data) -> [Token]? {
        guard var text = String(data: data, encoding: .utf8) else { return nil }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let bytes = Array(text.utf8)
        var tokens: [Token] = []
        var index = 0
        var atLineStart = true
        func isIDByte(_ byte: UInt8) -> Bool {
            byte >= 0x80 || byte == UInt8(ascii: "_") || (byte >= 0x30 && byte <= 0x39)
                || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                || byte == UInt8(ascii: ".")
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x0A:
                atLineStart = true
                index += 1
                continue
            case 0x20, 0x09, 0x0D:
                index += 1
                continue
            case UInt8(ascii: "#") where atLineStart:
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                continue
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"):
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                continue
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"):
                index += 2
                while index + 1 < bytes.count,
                    !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/"))
                {
                    index += 1
                }
                guard index + 1 < bytes.count else { return nil }
                index += 2
                continue
            default:
                break
            }
            atLineStart = false
            switch byte {
            case UInt8(ascii: "-"):
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") {
                    tokens.append(.arrow)
                    index += 2
                    continue
                }
                // A negative numeral.
                var end = index + 1
                while end < bytes.count, (bytes[end] >= 0x30 && bytes[end] <= 0x39) || bytes[end] == UInt8(ascii: ".") {
                    end += 1
                }
                guard end > index + 1 else { return nil }
                tokens.append(.id(String(decoding: bytes[index..<end], as: UTF8.self)))
                index = end
            case UInt8(ascii: "="):
                tokens.append(.equals)
                index += 1
            case UInt8(ascii: ";"):
                tokens.append(.semicolon)
                index += 1
            case UInt8(ascii: ","):
                tokens.append(.comma)
                index += 1
            case UInt8(ascii: "["):
                tokens.append(.open)
                index += 1
            case UInt8(ascii: "]"):
                tokens.append(.close)
                index += 1
            case UInt8(ascii: "{"):
                // Only the graph's own brace; a group or anonymous subgraph is left to cgraph.
                guard !tokens.contains(.openBrace) else { return nil }
                tokens.append(.openBrace)
                index += 1
            case UInt8(ascii: "}"):
                tokens.append(.closeBrace)
                index += 1
            case UInt8(ascii: "\""):
                var value: [UInt8] = []
                index += 1
                var closed = false
                while index < bytes.count {
                    let current = bytes[index]
                    if current == UInt8(ascii: "\\"), index + 1 < bytes.count {
                        let following = bytes[index + 1]
                        if following == UInt8(ascii: "\"") {
                            value.append(following)
                            index += 2
                            continue
                        }
                        if following == 0x0A {
                            index += 2
                            continue
                        }
                        if following == 0x0D, index + 2 < bytes.count, bytes[index + 2] == 0x0A {
                            index += 3
                            continue
                        }
                        value.append(current)
                        value.append(following)
                        index += 2
                        continue
                    }
                    if current == UInt8(ascii: "\"") {
                        closed = true
                        index += 1
                        break
                    }
                    value.append(current)
                    index += 1
                }
                guard closed else { return nil }
                // "a" + "b" concatenation is left to cgraph.
                var look = index
                while look < bytes.count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[look]) { look += 1 }
                if look < bytes.count, bytes[look] == UInt8(ascii: "+") { return nil }
                tokens.append(.id(String(decoding: value, as: UTF8.self)))
            default:
                guard isIDByte(byte) else { return nil }  // ports, HTML strings, '--', '+', …
                var end = index
                while end < bytes.count, isIDByte(bytes[end]) { end += 1 }
                let word = bytes[index..<end]
                let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
                let isNumeral =
                    word.allSatisfy { isDigit($0) || $0 == UInt8(ascii: ".") }
                    && word.count { $0 == UInt8(ascii: ".") } <= 1 && word.contains(where: isDigit)
                let isName = !word.contains(UInt8(ascii: ".")) && !isDigit(word[word.startIndex])
                guard isNumeral || isName else { return nil }
                tokens.append(.id(String(decoding: word, as: UTF8.self)))
                index = end
            }
        }
        return tokens
    }
}
