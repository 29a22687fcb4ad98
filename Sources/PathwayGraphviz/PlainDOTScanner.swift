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
        guard var lexer = Lexer(data) else { return nil }
        func next() -> Token? { lexer.next() }
        func peek() -> Token? { lexer.peek() }
        // Header: digraph [name] {
        guard case .id(let keyword) = next(), keyword.lowercased() == "digraph" else { return nil }
        var name = ""
        if case .id(let written) = peek() {
            name = written
            _ = next()
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
                _ = next()
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
                return next() == nil && !lexer.failed ? finish(document, edges: edges) : nil
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
                    _ = next()
                    guard case .id(let value) = next() else { return nil }
                    if first.lowercased() == "charset" { return nil }
                    apply([(first, value)], to: &document.attributes)
                    continue
                }
                var chain = [first]
                while peek() == .arrow {
                    _ = next()
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

    /// Splits DOT bytes into tokens one at a time (no token array is kept, so memory stays near the size of the
    /// graph), failing at anything outside the plain subset.
    struct Lexer {
        let bytes: [UInt8]
        var index = 0
        var atLineStart = true
        var sawOpenBrace = false
        /// Set when the text leaves the plain subset; scanning then stops.
        private(set) var failed = false
        private var buffered: Token?? = nil

        init?(_ data: Data) {
            // Text that is not UTF-8 (a Latin-1 file) is left to cgraph.
            guard String(validating: data, as: UTF8.self) != nil else { return nil }
            var bytes = [UInt8](data)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            self.bytes = bytes
        }

        /// The next token without consuming it; `nil` at the end of the text or on failure.
        mutating func peek() -> Token? {
            if let buffered { return buffered }
            let token = scan()
            buffered = .some(token)
            return token
        }

        /// The next token; `nil` at the end of the text or on failure.
        mutating func next() -> Token? {
            let token = peek()
            buffered = nil
            return token
        }

        static func isIDByte(_ byte: UInt8) -> Bool {
            byte >= 0x80 || byte == UInt8(ascii: "_") || (byte >= 0x30 && byte <= 0x39)
                || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                || byte == UInt8(ascii: ".")
        }

        private mutating func fail() -> Token? {
            failed = true
            index = bytes.count
            return nil
        }

        private mutating func scan() -> Token? {
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
                    guard index + 1 < bytes.count else { return fail() }
                    index += 2
                    continue
                default:
                    break
                }
                atLineStart = false
                switch byte {
                case UInt8(ascii: "-"):
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") {
                        index += 2
                        return .arrow
                    }
                    // A negative numeral.
                    var end = index + 1
                    while end < bytes.count,
                        (bytes[end] >= 0x30 && bytes[end] <= 0x39) || bytes[end] == UInt8(ascii: ".")
                    {
                        end += 1
                    }
                    // cgraph splits a numeral run into its neighbour (`-1a`, `-1.2.3`) with a warning: left to it.
                    let numeral = bytes[(index + 1)..<end]
                    guard numeral.contains(where: { $0 != UInt8(ascii: ".") }),
                        numeral.count(where: { $0 == UInt8(ascii: ".") }) <= 1,
                        end == bytes.count || !Self.isIDByte(bytes[end])
                    else { return fail() }
                    defer { index = end }
                    return .id(String(decoding: bytes[index..<end], as: UTF8.self))
                case UInt8(ascii: "="):
                    index += 1
                    return .equals
                case UInt8(ascii: ";"):
                    index += 1
                    return .semicolon
                case UInt8(ascii: ","):
                    index += 1
                    return .comma
                case UInt8(ascii: "["):
                    index += 1
                    return .open
                case UInt8(ascii: "]"):
                    index += 1
                    return .close
                case UInt8(ascii: "{"):
                    // Only the graph's own brace; a group or anonymous subgraph is left to cgraph.
                    guard !sawOpenBrace else { return fail() }
                    sawOpenBrace = true
                    index += 1
                    return .openBrace
                case UInt8(ascii: "}"):
                    index += 1
                    return .closeBrace
                case UInt8(ascii: "\""):
                    return quoted()
                default:
                    guard Self.isIDByte(byte) else { return fail() }  // ports, HTML strings, '--', '+', …
                    var end = index
                    while end < bytes.count, Self.isIDByte(bytes[end]) { end += 1 }
                    let word = bytes[index..<end]
                    let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
                    let isNumeral =
                        word.allSatisfy { isDigit($0) || $0 == UInt8(ascii: ".") }
                        && word.count { $0 == UInt8(ascii: ".") } <= 1 && word.contains(where: isDigit)
                    let isName = !word.contains(UInt8(ascii: ".")) && !isDigit(word[word.startIndex])
                    guard isNumeral || isName else { return fail() }
                    index = end
                    return .id(String(decoding: word, as: UTF8.self))
                }
            }
            return nil
        }

        /// A double-quoted string: `\"` is a quote, a backslash before a line break joins lines, other escapes are
        /// kept.
        private mutating func quoted() -> Token? {
            var value: [UInt8] = []
            index += 1
            while index < bytes.count {
                let current = bytes[index]
                if current == UInt8(ascii: "\\"), index + 1 < bytes.count {
                    let following = bytes[index + 1]
                    if following == UInt8(ascii: "\"") {
                        value.append(following)
                        index += 2
                    } else if following == 0x0A {
                        index += 2
                    } else if following == 0x0D, index + 2 < bytes.count, bytes[index + 2] == 0x0A {
                        index += 3
                    } else {
                        value.append(current)
                        value.append(following)
                        index += 2
                    }
                    continue
                }
                index += 1
                if current == UInt8(ascii: "\"") {
                    // "a" + "b" concatenation is left to cgraph.
                    var look = index
                    while look < bytes.count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[look]) { look += 1 }
                    if look < bytes.count, bytes[look] == UInt8(ascii: "+") { return fail() }
                    return .id(String(decoding: value, as: UTF8.self))
                }
                value.append(current)
            }
            return fail()  // never closed
        }
    }
}
