import CYAML

/// Builds a ``DocumentNode`` tree from libyaml's events, with the rules the native readers have always applied: one
/// document per file, a key written twice in a mapping refused when the mapping ends, an alias to an anchor not yet
/// complete refused, and (once the whole document has been read) every alias refused before anything is copied.
///
/// This is the general reader: every native document that is not a pathway, and a pathway that the streaming
/// reader (``NativePathwayStream``) gave up on, so that messages and their order stay what they were. A tree is kept
/// here on purpose: an error found early in a file (an unknown key) must not hide one libyaml finds later (a syntax
/// error), so nothing is checked against the schema until the whole file has been read.
struct YAMLDocumentComposer {
    private let reader: YAMLEventReader
    private let file: String
    /// The text libyaml reads, and the text as written (where a key written twice is looked for).
    private let text: String
    private let written: String
    /// The node and key of each anchor, registered when its node is complete (a later anchor of the same name
    /// replaces it).
    private var anchors: [String: (node: DocumentNode, key: YAMLKey?)] = [:]

    private init(reader: YAMLEventReader, file: String, text: String, written: String) {
        self.reader = reader
        self.file = file
        self.text = text
        self.written = written
    }

    /// The document of a YAML (or JSON) text; `written` is the text as written when `text` was rewritten for libyaml
    /// (JSON's surrogate escapes joined).
    ///
    /// - Throws: ``InputError``: libyaml's message at its line and column, a key written twice, an alias, an empty
    ///   file.
    /// - Complexity: O(n) in the length of the text; an alias shares the anchored node instead of copying it.
    static func document(_ text: String, file: String, written: String? = nil) throws -> DocumentNode {
        let root = try YAMLEventReader.withEvents(of: text) { reader -> DocumentNode? in
            var composer = YAMLDocumentComposer(reader: reader, file: file, text: text, written: written ?? text)
            return try composer.singleDocument()
        }
        guard let root else {
            throw InputError("the file is empty", at: SourceLocation(file: file, line: 1, column: 1))
        }
        try root.checkOrder()
        return root
    }

    private func next() throws -> yaml_event_type_t {
        do {
            return try reader.next()
        } catch let error {
            throw error.inputError(file: file, text: text)
        }
    }

    private var location: SourceLocation {
        let start = reader.start
        return SourceLocation(file: file, line: start.line, column: start.column)
    }

    /// The root of the only document, or `nil` for a stream with none.
    private mutating func singleDocument() throws -> DocumentNode? {
        _ = try next()  // the stream's start
        guard try next() != YAML_STREAM_END_EVENT else { return nil }
        let root = try rootNode()
        _ = try next()  // the document's end
        if try next() != YAML_STREAM_END_EVENT {
            throw InputError(
                "not valid YAML or JSON: but found another document expected a single document in the stream",
                at: location)
        }
        return root
    }

    /// A collection being read: where it starts, its anchor, whether its nodes' key forms are kept (it is a key,
    /// inside one, or anchored: an alias of it may be a key), and what it holds so far.
    private struct Open {
        var location: SourceLocation
        var anchor: String?
        var keyed: Bool
        var tag: String?
        var isMapping: Bool
        var items: [DocumentNode] = []
        var pairs: [(key: DocumentNode, value: DocumentNode)] = []
        /// The key forms of the items, or of the keys and values of the pairs.
        var itemKeys: [YAMLKey] = []
        var valueKeys: [YAMLKey] = []
        /// A mapping's key whose value comes next.
        var pendingKey: (node: DocumentNode, key: YAMLKey?)?
    }

    /// The document's root node, read event by event with an explicit stack (no recursion however deep the text
    /// nests, up to libyaml's limit).
    private mutating func rootNode() throws -> DocumentNode {
        var stack: [Open] = []
        var type = try next()
        while true {
            // A node is kept in key form when it is a mapping's key, inside a collection kept so, or anchored.
            let keyedHere = stack.last.map { $0.keyed || ($0.isMapping && $0.pendingKey == nil) } ?? false
            let finished: (node: DocumentNode, key: YAMLKey?)
            switch type {
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let anchor = reader.anchor
                let keyed = keyedHere || anchor != nil
                stack.append(
                    Open(
                        location: location, anchor: anchor, keyed: keyed, tag: keyed ? reader.writtenTag : nil,
                        isMapping: type == YAML_MAPPING_START_EVENT))
                type = try next()
                continue
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let open = stack.removeLast()
                if open.isMapping {
                    try checkDuplicates(open.itemKeys, nodes: open.pairs.map(\.key))
                    let form: YAMLKey? =
                        open.keyed
                        ? YAMLKey.mapping(
                            zip(open.itemKeys, open.valueKeys).map { (key: $0, value: $1) }, tag: open.tag) : nil
                    finished = (DocumentNode(value: .mapping(open.pairs), location: open.location), form)
                } else {
                    let form: YAMLKey? = open.keyed ? YAMLKey.sequence(open.itemKeys, tag: open.tag) : nil
                    finished = (DocumentNode(value: .sequence(open.items), location: open.location), form)
                }
                if let anchor = open.anchor { anchors[anchor] = finished }
            case YAML_ALIAS_EVENT:
                guard let anchor = reader.anchor, let anchored = anchors[anchor] else {
                    throw InputError("not valid YAML or JSON: found undefined alias", at: location)
                }
                finished = anchored
            default:  // YAML_SCALAR_EVENT: the parser gives nothing else here
                let anchor = reader.anchor
                let keyed = keyedHere || anchor != nil
                let text = String(decoding: reader.scalarBytes, as: UTF8.self)
                let form: YAMLKey? = keyed ? YAMLKey.scalar(text, tag: reader.writtenTag) : nil
                finished = (DocumentNode(value: .scalar(text, isPlain: reader.scalarIsPlain), location: location), form)
                if let anchor { anchors[anchor] = finished }
            }
            guard let top = stack.indices.last else { return finished.node }
            if stack[top].isMapping {
                if let pending = stack[top].pendingKey {
                    stack[top].pairs.append((pending.node, finished.node))
                    if let key = pending.key { stack[top].itemKeys.append(key) }
                    if let value = finished.key { stack[top].valueKeys.append(value) }
                    stack[top].pendingKey = nil
                } else {
                    stack[top].pendingKey = finished
                }
            } else {
                stack[top].items.append(finished.node)
                if let key = finished.key { stack[top].itemKeys.append(key) }
            }
            type = try next()
        }
    }

    /// Refuses a mapping with a key written twice, naming the first such key in text order and pointing at its
    /// second occurrence where the text shows it.
    private func checkDuplicates(_ keys: [YAMLKey], nodes: [DocumentNode]) throws {
        var firstOfText: [String: Int] = [:]
        var duplicated: [Int] = []  // the first occurrence of each key written again
        var others: [Int] = []
        for (position, key) in keys.enumerated() {
            if let text = key.text {
                if let earlier = firstOfText[text] {
                    if keys[earlier].isSame(as: key) {
                        if !duplicated.contains(earlier) { duplicated.append(earlier) }
                        continue
                    }
                    // Same text, another type: compare with every earlier key of this text.
                    if let same = keys[..<position].indices.first(where: { keys[$0].isSame(as: key) }) {
                        if !duplicated.contains(same) { duplicated.append(same) }
                    }
                } else {
                    firstOfText[text] = position
                }
            } else if let same = others.first(where: { keys[$0].isSame(as: key) }) {
                if !duplicated.contains(same) { duplicated.append(same) }
            } else {
                others.append(position)
            }
        }
        guard let first = duplicated.min(by: { YAMLKey.namedFirst(keys[$0], keys[$1]) }) else { return }
        let key = keys[first].text ?? "<uncovertable>"
        let mark = nodes[first].location
        let line = mark.line ?? 0
        throw InputError(
            "key '\(key)' is written twice in one mapping (the mapping starts at line \(line))",
            at: InputError.secondOccurrence(of: key, in: written, after: line).map {
                SourceLocation(file: file, line: $0.line, column: $0.column)
            } ?? mark)
    }
}

/// The position of the last node checked. Nodes come in the order they are written, so a node whose position lies
/// before it repeats an anchored node: an alias. Aliases are refused there, before anything is copied, so that a
/// few hundred bytes of nested aliases ("billion laughs") cost no more than their own size.
private struct MarkOrder {
    var line = 0
    var column = 0
    var location: SourceLocation?
}

extension DocumentNode {
    /// Refuses the first node (in written order) that lies before the one checked before it: an alias. The walk
    /// keeps its own stack, so that no nesting can exhaust the thread's.
    fileprivate func checkOrder() throws {
        var order = MarkOrder()
        var pending = [self]
        while let node = pending.popLast() {
            let line = node.location.line ?? 0
            let column = node.location.column ?? 0
            guard (line, column) >= (order.line, order.column) else {
                throw InputError(
                    "aliases are not supported; write the value out (an alias here repeats the value at line "
                        + "\(line), column \(column))",
                    at: order.location ?? node.location, code: .alias)
            }
            (order.line, order.column, order.location) = (line, column, node.location)
            switch node.value {
            case .scalar: break
            case .sequence(let items): pending += items.reversed()
            case .mapping(let pairs):
                for pair in pairs.reversed() {
                    pending.append(pair.value)
                    pending.append(pair.key)
                }
            }
        }
    }
}
