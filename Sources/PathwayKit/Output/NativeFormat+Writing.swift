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
        let tree = tree(for: pathway)
        return syntax == .yaml ? tree.yaml() : tree.json()
    }

    /// The ordered tree of a pathway, as written by ``text(for:syntax:)``.
    public static func tree(for pathway: Pathway) -> OrderedTree {
        .compactMap([
            ("id", .string(pathway.id.rawValue)),
            ("title", .string(pathway.title)),
            ("description", pathway.description.map(OrderedTree.string)),
            ("boundary", pathway.boundary.map(tree(for:))),
            ("steps", .list(pathway.steps.map(tree(for:)))),
            ("transitions", .list(pathway.transitions.map(tree(for:)))),
        ])
    }

    static func tree(for step: Step) -> OrderedTree {
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

    static func tree(for transition: Transition) -> OrderedTree {
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
