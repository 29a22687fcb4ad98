extension NativeFormat {
    /// The text form a native file is written in.
    public enum Syntax: String, Sendable, CaseIterable {
        case yaml, json
    }

    /// Writes a pathway in the native format, keys in schema order, so that it reads back to an equal pathway
    /// (source locations aside).
    ///
    /// - Parameters:
    ///   - pathway: The pathway to write.
    ///   - syntax: YAML or JSON.
    /// - Returns: The file's text, ending with a newline.
    public static func text(for pathway: Pathway, syntax: Syntax = .yaml) -> String {
        text(for: PathwayIndex(pathway), syntax: syntax)
    }

    /// Writes an indexed pathway in the native format, step after step from its side tables (no ``Pathway`` value
    /// and no tree of the whole pathway is made): the text ``text(for:syntax:)`` writes for its value.
    ///
    /// - Parameters:
    ///   - index: The pathway, as indexed.
    ///   - syntax: YAML or JSON.
    /// - Returns: The file's text, ending with a newline.
    /// - Complexity: O(V + E) in the pathway's size.
    public static func text(for index: PathwayIndex, syntax: Syntax = .yaml) -> String {
        let header: OrderedTree = .compactMap(
            headerPairs(id: index.id, title: index.title, description: index.description, boundary: index.boundary))
        guard case .map(let pairs) = header else { return "" }
        func stepTree(_ written: PathwayIndex.WrittenStep) -> OrderedTree {
            switch written {
            case .indexed(let step): tree(for: PathwayIndex.StepView(index: index, step: step))
            case .duplicate(let step): tree(for: step)
            }
        }
        func transitionTree(_ written: PathwayIndex.WrittenTransition) -> OrderedTree {
            switch written {
            case .indexed(let transition): tree(for: PathwayIndex.TransitionView(index: index, transition: transition))
            case .dangling(let transition): tree(for: transition)
            }
        }
        switch syntax {
        case .yaml:
            var out = ""
            OrderedTree.appendYAMLEntries(pairs, to: &out)
            if index.writtenStepCount > 0 {
                out += "steps:\n"
                index.forEachWrittenStep { OrderedTree.appendYAMLListItem(stepTree($0), to: &out) }
            }
            if index.writtenTransitionCount > 0 {
                out += "transitions:\n"
                index.forEachWrittenTransition { OrderedTree.appendYAMLListItem(transitionTree($0), to: &out) }
            }
            return out
        case .json:
            var writer = JSONWriter()
            writer.beginObject(inline: false)
            for (key, value) in pairs {
                writer.key(key)
                value.write(to: &writer)
            }
            if index.writtenStepCount > 0 {
                writer.key("steps")
                writer.beginArray(inline: false)
                index.forEachWrittenStep { stepTree($0).write(to: &writer) }
                writer.endArray()
            }
            if index.writtenTransitionCount > 0 {
                writer.key("transitions")
                writer.beginArray(inline: false)
                index.forEachWrittenTransition { transitionTree($0).write(to: &writer) }
                writer.endArray()
            }
            writer.endObject()
            writer.finish()
            return String(decoding: writer.bytes, as: UTF8.self)
        }
    }

    /// The keys before the steps: id, title, description and boundary.
    private static func headerPairs(
        id: PathwayID, title: String, description: String?, boundary: PathwayBoundary?
    ) -> [(String, OrderedTree?)] {
        [
            ("id", .string(id.rawValue)),
            ("title", .string(title)),
            ("description", description.map(OrderedTree.string)),
            ("boundary", boundary.map(tree(for:))),
        ]
    }

    /// The ordered tree of a pathway, as written by ``text(for:syntax:)``.
    public static func tree(for pathway: Pathway) -> OrderedTree {
        .compactMap(
            headerPairs(
                id: pathway.id, title: pathway.title, description: pathway.description, boundary: pathway.boundary)
                + [
                    ("steps", .list(pathway.steps.map { tree(for: $0) })),
                    ("transitions", .list(pathway.transitions.map { tree(for: $0) })),
                ])
    }

    static func tree(for step: some StepRecord) -> OrderedTree {
        .compactMap([
            ("id", .string(step.id.rawValue)),
            ("label", .string(step.label)),
            ("kind", .string(step.kind.rawValue)),
            ("stage", step.stage.map(OrderedTree.string)),
            ("setting", step.setting.map(OrderedTree.string)),
            ("staffGroups", .list(step.staffGroups.map { .string($0.rawValue) })),
            (
                "competencies",
                .list(
                    step.competencies.map { requirement in
                        requirement.level.map {
                            .map([("id", .string(requirement.competency.rawValue)), ("level", .string($0))])
                        } ?? .string(requirement.competency.rawValue)
                    })
            ),
            ("noCompetencyReason", step.noCompetencyReason.map(OrderedTree.string)),
            ("testCodes", .list(step.testCodes.map(OrderedTree.string))),
            ("testDirectory", step.testDirectory.map(OrderedTree.string)),
            ("patientsPerYear", step.patientsPerYear.map(OrderedTree.number)),
            ("reference", step.reference.map(OrderedTree.string)),
            ("notes", step.notes.map(OrderedTree.string)),
            ("sources", .list(step.sources.map(OrderedTree.string))),
            ("reading", step.reading.map { .string($0.rawValue) }),
            ("readingNote", step.readingNote.map(OrderedTree.string)),
            ("fixed", step.isFixed ? .boolean(true) : nil),
        ])
    }

    static func tree(for transition: some TransitionRecord) -> OrderedTree {
        .compactMap([
            ("from", .string(transition.from.rawValue)),
            ("to", .string(transition.to.rawValue)),
            ("condition", transition.condition.map(OrderedTree.string)),
            ("share", transition.share.map(OrderedTree.number)),
            ("source", transition.source.map(OrderedTree.string)),
            ("fixed", transition.isFixed ? .boolean(true) : nil),
        ])
    }

    /// Boundary links as a list of `{from, to, condition}` mappings.
    public static func tree(for links: [BoundaryLink]) -> OrderedTree {
        .list(
            links.map {
                .compactMap([
                    ("from", .string($0.from.rawValue)), ("to", .string($0.to.rawValue)),
                    ("condition", $0.condition.map(OrderedTree.string)),
                ])
            })
    }

    static func tree(for boundary: PathwayBoundary) -> OrderedTree {
        let links = { (links: [BoundaryLink]) in tree(for: links) }
        return .compactMap([
            ("parent", .string(boundary.parent.rawValue)), ("entries", links(boundary.entries)),
            ("exits", links(boundary.exits)),
        ])
    }
}
