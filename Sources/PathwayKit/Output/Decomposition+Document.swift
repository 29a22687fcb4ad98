extension Decomposition {
    /// The document of decompositions, for YAML and JSON: `{decompositions: [{pathway, strategy, routeCount,
    /// subpathways: [...], findings: [...]}]}`, absent and empty values left out.
    ///
    /// - Parameter decompositions: One decomposition per pathway, in output order.
    /// - Returns: The document tree; ``json(for:)`` writes the same document without building it, in the tree's
    ///   ``JSONWriter/Layout/compact`` JSON layout (a sub-pathway's steps and short lists of links on one line).
    public static func documentTree(for decompositions: [Decomposition]) -> OrderedTree {
        .map([("decompositions", .list(decompositions.map(\.documentTree)))])
    }

    /// This decomposition's entry in ``documentTree(for:)``.
    public var documentTree: OrderedTree {
        .compactMap([
            ("pathway", .string(pathway.rawValue)),
            ("strategy", .string(strategy.rawValue)),
            ("routeCount", routeCount.map { $0.isFinite ? OrderedTree.number($0) : .string("infinity") }),
            ("subpathways", .list(subpathways.map(\.documentTree))),
            (
                "findings",
                .list(
                    findings.map { finding in
                        .compactMap([
                            ("severity", .string(finding.severity.rawValue)), ("rule", .string(finding.rule)),
                            ("message", .string(finding.message)),
                            ("file", finding.location.map { .string($0.file) }),
                            ("line", finding.location?.line.map(OrderedTree.integer)),
                        ])
                    })
            ),
        ])
    }

    /// The JSON text of ``documentTree(for:)`` in the ``JSONWriter/Layout/compact`` layout, byte for byte, written
    /// straight from the decompositions.
    ///
    /// - Parameter decompositions: One decomposition per pathway, in output order.
    /// - Returns: The UTF-8 text, ending with a newline.
    /// - Complexity: O(size of the output).
    public static func json(for decompositions: [Decomposition]) -> [UInt8] {
        var text: [UInt8] = []
        writeJSON(for: decompositions) { text += $0 }
        return text
    }

    /// Writes the JSON text of ``documentTree(for:)`` in the ``JSONWriter/Layout/compact`` layout, byte for byte,
    /// straight from the decompositions, handing it
    /// to `sink` in pieces of about `chunkSize` bytes (each whole UTF-8), so that a large document is never held in
    /// memory at once. Sub-pathway fragments are walked with an explicit stack, not recursion.
    ///
    /// - Parameters:
    ///   - decompositions: One decomposition per pathway, in output order.
    ///   - chunkSize: About how many bytes to hand over at a time.
    ///   - sink: Takes the text, piece by piece, in order.
    /// - Complexity: O(size of the output).
    public static func writeJSON(
        for decompositions: [Decomposition], chunkSize: Int = 1 << 20, to sink: ([UInt8]) -> Void
    ) {
        var writer = JSONWriter(capacity: chunkSize + 4096)
        writer.beginObject()
        writer.key("decompositions")
        writer.beginArray(inline: isCompactList(decompositions, isFlat: \.isFlat))
        for decomposition in decompositions {
            writer.beginObject(inline: decomposition.isFlat)
            writer.member("pathway", decomposition.pathway.rawValue)
            writer.member("strategy", decomposition.strategy.rawValue)
            if let routeCount = decomposition.routeCount {
                writer.key("routeCount")
                if routeCount.isFinite { writer.number(routeCount) } else { writer.string("infinity") }
            }
            if !decomposition.subpathways.isEmpty {
                writer.key("subpathways")
                writer.beginArray(inline: isCompactList(decomposition.subpathways, isFlat: \.isFlat))
                // Each frame is a list of fragments being written and the index of the next one.
                var stack: [(fragments: [Subpathway], next: Int)] = [(decomposition.subpathways, 0)]
                while var frame = stack.popLast() {
                    guard frame.next < frame.fragments.count else {
                        writer.endArray()
                        // A finished list of children also finishes the fragment that holds it.
                        if !stack.isEmpty { writer.endObject() }
                        continue
                    }
                    let subpathway = frame.fragments[frame.next]
                    frame.next += 1
                    stack.append(frame)
                    writer.beginObject(inline: subpathway.isFlat)
                    subpathway.writeDocumentMembers(to: &writer, chunkSize: chunkSize, sink: sink)
                    if subpathway.children.isEmpty {
                        writer.endObject()
                    } else {
                        writer.key("children")
                        writer.beginArray(inline: isCompactList(subpathway.children, isFlat: \.isFlat))
                        stack.append((subpathway.children, 0))
                    }
                    writer.flush(atLeast: chunkSize, to: sink)
                }
            }
            writeFindings(decomposition.findings, to: &writer, chunkSize: chunkSize, sink: sink)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        writer.finish()
        writer.flush(to: sink)
    }

    /// Writes a decomposition's findings under `findings` as ``documentTree`` holds them (severity, rule, message,
    /// file, line); nothing when there are none.
    static func writeFindings(
        _ findings: some Collection<Finding>, to writer: inout JSONWriter, chunkSize: Int, sink: ([UInt8]) -> Void
    ) {
        guard !findings.isEmpty else { return }
        writer.key("findings")
        writer.beginArray(inline: findings.count <= JSONWriter.compactObjectLimit)
        for finding in findings {
            writer.beginObject(inline: true)
            writer.member("severity", finding.severity.rawValue)
            writer.member("rule", finding.rule)
            writer.member("message", finding.message)
            writer.member("file", finding.location?.file)
            if let line = finding.location?.line {
                writer.key("line")
                writer.integer(line)
            }
            writer.endObject()
            writer.flush(atLeast: chunkSize, to: sink)
        }
        writer.endArray()
    }

    /// Whether the compact layout writes a list of objects on one line: there are at most
    /// ``JSONWriter/compactObjectLimit`` of them and none holds a list.
    static func isCompactList<Items: Collection>(_ items: Items, isFlat: (Items.Element) -> Bool) -> Bool {
        items.count <= JSONWriter.compactObjectLimit && items.allSatisfy(isFlat)
    }

    /// Whether the decomposition's entry in ``documentTree`` holds no list.
    var isFlat: Bool { subpathways.isEmpty && findings.isEmpty }
}

extension Subpathway {
    /// Whether the sub-pathway's entry in ``Decomposition/documentTree`` holds no list.
    var isFlat: Bool {
        steps.isEmpty && entries.isEmpty && exits.isEmpty && links.isEmpty && stages.isEmpty && staffGroups.isEmpty
            && children.isEmpty
    }

    /// The sub-pathway's entry in ``Decomposition/documentTree(for:)``, with its nested fragments.
    public var documentTree: OrderedTree {
        .compactMap([
            ("id", .string(id)),
            ("title", .string(title)),
            ("kind", kind.map(OrderedTree.string)),
            ("cyclic", isCyclic ? .boolean(true) : nil),
            ("probability", probability.map(OrderedTree.number)),
            ("steps", .list(steps.map { .string($0.rawValue) })),
            ("entries", NativeFormat.tree(for: entries)),
            ("exits", NativeFormat.tree(for: exits)),
            ("links", NativeFormat.tree(for: links)),
            ("stages", .list(stages.map(OrderedTree.string))),
            ("staffGroups", .list(staffGroups.map { .string($0.rawValue) })),
            ("children", .list(children.map(\.documentTree))),
        ])
    }

    /// Writes the members of ``documentTree`` up to, not including, `children`, as ``documentTree`` would: absent
    /// and empty values left out. Long step lists are handed to `sink` as they grow.
    fileprivate func writeDocumentMembers(to writer: inout JSONWriter, chunkSize: Int, sink: ([UInt8]) -> Void) {
        writer.member("id", id)
        writer.member("title", title)
        writer.member("kind", kind)
        if isCyclic {
            writer.key("cyclic")
            writer.boolean(true)
        }
        if let probability {
            writer.key("probability")
            writer.number(probability)
        }
        if !steps.isEmpty {
            writer.key("steps")
            writer.beginArray(inline: true)
            for step in steps {
                writer.string(step.rawValue)
                writer.flush(atLeast: chunkSize, to: sink)
            }
            writer.endArray()
        }
        writeLinks(entries, key: "entries", to: &writer)
        writeLinks(exits, key: "exits", to: &writer)
        writeLinks(links, key: "links", to: &writer)
        if !stages.isEmpty {
            writer.key("stages")
            writer.beginArray(inline: true)
            for stage in stages { writer.string(stage) }
            writer.endArray()
        }
        if !staffGroups.isEmpty {
            writer.key("staffGroups")
            writer.beginArray(inline: true)
            for group in staffGroups { writer.string(group.rawValue) }
            writer.endArray()
        }
    }

    /// Writes boundary links under `key` as the tree of `NativeFormat.tree(for: links)` prints; nothing when there are
    /// none.
    private func writeLinks(_ links: [BoundaryLink], key: String, to writer: inout JSONWriter) {
        guard !links.isEmpty else { return }
        writer.key(key)
        writer.beginArray(inline: links.count <= JSONWriter.compactObjectLimit)
        for link in links {
            writer.beginObject(inline: true)
            writer.member("from", link.from.rawValue)
            writer.member("to", link.to.rawValue)
            writer.member("condition", link.condition)
            writer.endObject()
        }
        writer.endArray()
    }
}
