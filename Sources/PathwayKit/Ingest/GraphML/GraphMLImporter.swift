import Foundation

/// Reads GraphML (plain, Boost, TinkerPop, yEd/yFiles) into pathways: one pathway per top-level `graph`, nested
/// graphs flattened into it.
///
/// Attribute convention (also in the README): `key` elements are matched by `attr.name` (or by `id` when there is
/// no `attr.name`), case-insensitively:
///
/// - nodes: `label` or `name` → label; `kind` → kind (as the native format writes it); `stage`; `setting`;
///   `staffGroups` (or `staff_groups`) and `competencies` as lists separated by `;` (a competency's level after
///   `@`); `notes` or
///   `description` → notes;
/// - edges: `condition` or `label` → condition; `share` → share (a number from 0 to 1);
/// - graphs: `label`, `name` or `title` → title; `description` → description.
///
/// A key's `<default>` applies wherever the key is not given. yEd files keep names in `y:NodeLabel`/`y:EdgeLabel`
/// text, used when no label key is given. A node with no `kind` takes it from its yEd shape: `diamond` →
/// decision; otherwise (any shape, or none) a node with no incoming edge is a start, one with no outgoing edge an
/// end, and the rest activities (an isolated node is an activity). Self-loops are kept. Other data keys, ports and
/// hyperedges are reported as findings.
public enum GraphMLImporter {
    /// The GraphML namespace.
    public static let namespace = "http://graphml.graphdrawing.org/xmlns"

    /// Whether bytes look like a GraphML document (the root element is `graphml`), for `.xml` files.
    public static func isGraphML(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(4096), as: UTF8.self)
        return head.range(of: "<graphml[\\s>]", options: .regularExpression) != nil
    }

    /// Reads the pathways of a GraphML file.
    ///
    /// - Throws: ``InputError`` when the XML is malformed or hostile, the root is not `graphml`, a graph is
    ///   undirected, or an edge names a node that does not exist.
    /// - Complexity: O(n) in the size of the file.
    public static func pathways(from data: Data, file: String) throws -> PathwayImport {
        let root = try MarkupReader.parse(data, file: file)
        guard root.name == "graphml" else {
            throw InputError(
                "not a GraphML file: the root element is '\(root.name)', expected 'graphml'",
                at: SourceLocation(file: file, line: root.line))
        }
        var conversion = GraphMLConversion(file: file)
        return try conversion.run(root)
    }
}

extension PathwayReader {
    /// GraphML (`.graphml`, and `.xml` files whose root element is `graphml`; an `.xml` file in the BPMN namespace
    /// is read as BPMN).
    public static let graphML = PathwayReader(name: "graphml", extensions: ["graphml", "xml"]) { data, path in
        if path.fileExtension == "xml", !GraphMLImporter.isGraphML(data),
            String(decoding: data.prefix(8192), as: UTF8.self).contains(BPMNImporter.modelNamespace)
        {
            return try BPMNImporter.pathways(from: data, file: path)
        }
        return try GraphMLImporter.pathways(from: data, file: path)
    }
}

/// The work of turning a `graphml` element into pathways.
struct GraphMLConversion {
    let file: String
    var findings: [Finding] = []
    var reportedKeys: Set<String> = []

    struct Key {
        var name: String
        var domain: String
        var defaultValue: String?
    }

    init(file: String) { self.file = file }

    func location(_ element: MarkupElement, id: String? = nil) -> SourceLocation {
        SourceLocation(file: file, line: element.line, element: id ?? element.attributes["id"])
    }

    mutating func run(_ root: MarkupElement) throws -> PathwayImport {
        var keys: [String: Key] = [:]
        for key in root.children where key.name == "key" {
            guard let id = key.attributes["id"] else { continue }
            let name = key.attributes["attr.name"] ?? key.attribute("yfiles.type").map { "yfiles:" + $0 } ?? id
            let defaultValue = key.children.first { $0.name == "default" }?.allText
            keys[id] = Key(name: name, domain: key.attributes["for"] ?? "all", defaultValue: defaultValue)
        }
        let graphs = root.children.filter { $0.name == "graph" }
        guard !graphs.isEmpty else {
            throw InputError("the GraphML file holds no graph", at: SourceLocation(file: file, line: root.line))
        }
        var pathways: [Pathway] = []
        for (index, graph) in graphs.enumerated() {
            pathways.append(try pathway(from: graph, keys: keys, index: index, count: graphs.count))
        }
        return PathwayImport(pathways: pathways, findings: findings)
    }

    /// Values of the key-mapped data of an element (defaults first), by lower-cased key name.
    mutating func data(of element: MarkupElement, domain: String, keys: [String: Key], known: Set<String>)
        -> [String: String]
    {
        var values: [String: String] = [:]
        for key in keys.values where key.domain == domain || key.domain == "all" {
            if let value = key.defaultValue { values[key.name.lowercased()] = value }
        }
        for data in element.children where data.name == "data" {
            guard let id = data.attributes["key"] else { continue }
            let name = (keys[id]?.name ?? id).lowercased()
            if name.hasPrefix("yfiles:") { continue }
            values[name] = data.allText
            if !known.contains(name), !reportedKeys.contains(domain + ":" + name) {
                reportedKeys.insert(domain + ":" + name)
                findings.append(
                    Finding(
                        .note, rule: "graphml-unused-key",
                        "\(domain) data key '\(keys[id]?.name ?? id)' has no counterpart in a pathway and is not carried over",
                        at: location(data, id: id)))
            }
        }
        return values
    }

    static let nodeKeys: Set<String> = [
        "label", "name", "kind", "stage", "setting", "staffgroups", "staff_groups", "competencies", "notes",
        "description",
    ]
    static let edgeKeys: Set<String> = ["condition", "label", "share"]
    static let graphKeys: Set<String> = ["label", "name", "title", "description"]

    /// A yEd label or shape inside an element's data: the text of the first non-empty element with a local name.
    static func yEdText(_ element: MarkupElement, _ name: String) -> String? {
        var stack = element.children.filter { $0.name == "data" }.reversed() as [MarkupElement]
        while let next = stack.popLast() {
            if next.name == name {
                let text = next.allText.trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { return text }
            }
            stack += next.children.reversed()
        }
        return nil
    }

    static func yEdShape(_ element: MarkupElement) -> String? {
        var stack = element.children.filter { $0.name == "data" }.reversed() as [MarkupElement]
        while let next = stack.popLast() {
            if next.name == "Shape", let type = next.attributes["type"] { return type }
            stack += next.children.reversed()
        }
        return nil
    }

    /// The name of a group node: its label key or yEd label, else its id.
    static func groupName(_ group: MarkupElement) -> String? {
        yEdText(group, "NodeLabel").map(clean) ?? group.attributes["id"]
    }

    static func list(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.split(separator: ";")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    static func clean(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    mutating func pathway(from graph: MarkupElement, keys: [String: Key], index: Int, count: Int) throws -> Pathway {
        if graph.attributes["edgedefault"] == "undirected" {
            throw InputError(
                "graph '\(graph.attributes["id"] ?? "")' is undirected (edgedefault=\"undirected\"); a pathway needs directed edges",
                at: location(graph))
        }
        // Flatten: every node and edge at any depth, with the group node (if any) each node sits in.
        var nodes: [(element: MarkupElement, group: MarkupElement?)] = []
        var edges: [MarkupElement] = []
        var stack: [(graph: MarkupElement, group: MarkupElement?)] = [(graph, nil)]
        while let (current, group) = stack.popLast() {
            for child in current.children {
                switch child.name {
                case "node":
                    nodes.append((child, group))
                    for nested in child.children where nested.name == "graph" { stack.append((nested, child)) }
                case "edge": edges.append(child)
                case "graph": stack.append((child, group))
                case "hyperedge":
                    findings.append(
                        Finding(
                            .warning, rule: "graphml-unsupported", "a hyperedge is not carried over",
                            at: location(child)))
                default: break
                }
            }
        }
        nodes.sort { $0.element.line < $1.element.line }
        edges.sort { $0.line < $1.line }
        var incoming: [String: Int] = [:]
        var outgoing: [String: Int] = [:]
        for edge in edges {
            if let source = edge.attributes["source"] { outgoing[source, default: 0] += 1 }
            if let target = edge.attributes["target"] { incoming[target, default: 0] += 1 }
            if edge.attributes["sourceport"] != nil || edge.attributes["targetport"] != nil {
                findings.append(
                    Finding(.note, rule: "graphml-unsupported", "edge ports are not carried over", at: location(edge)))
            }
            if edge.attributes["directed"] == "false" {
                findings.append(
                    Finding(
                        .warning, rule: "graphml-undirected-edge",
                        "edge is marked undirected; it is read from source to target", at: location(edge)))
            }
        }
        var known = Set<String>()
        var steps: [Step] = []
        for (element, group) in nodes {
            guard let id = element.attributes["id"] else {
                throw InputError("a node has no id", at: location(element))
            }
            known.insert(id)
            let values = data(of: element, domain: "node", keys: keys, known: Self.nodeKeys)
            let isGroup = element.children.contains { $0.name == "graph" }
            if isGroup, incoming[id] == nil, outgoing[id] == nil { continue }
            let label = (values["label"] ?? values["name"] ?? Self.yEdText(element, "NodeLabel")).map(Self.clean)
            var step = Step(
                id: StepID(id), label: label.flatMap { $0.isEmpty ? nil : $0 },
                staffGroups: Self.list(values["staffgroups"] ?? values["staff_groups"]).map { StaffGroupID($0) },
                competencies: Self.list(values["competencies"]).map {
                    CompetencyRequirement(written: $0, location: location(element))
                },
                setting: values["setting"].map(Self.clean),
                stage: values["stage"].map(Self.clean) ?? group.flatMap(Self.groupName),
                notes: (values["notes"] ?? values["description"]).map {
                    $0.trimmingCharacters(in: .whitespacesAndNewlines)
                }.flatMap { $0.isEmpty ? nil : $0 },
                location: location(element))
            if let written = values["kind"].map(Self.clean), !written.isEmpty {
                guard let kind = StepKind(written: written) else {
                    throw InputError(
                        "node '\(id)' has unknown kind '\(written)' (expected one of: "
                            + StepKind.allCases.map(\.rawValue).joined(separator: ", ") + ")",
                        at: location(element))
                }
                step.kind = kind
            } else if Self.yEdShape(element) == "diamond" {
                step.kind = .decision
            } else {
                let into = incoming[id, default: 0]
                let outOf = outgoing[id, default: 0]
                step.kind = into == 0 && outOf > 0 ? .start : outOf == 0 && into > 0 ? .end : .activity
            }
            steps.append(step)
        }
        var transitions: [Transition] = []
        for edge in edges {
            guard let source = edge.attributes["source"], let target = edge.attributes["target"] else {
                throw InputError("an edge has no source or target", at: location(edge))
            }
            for end in [source, target] where !known.contains(end) {
                throw InputError("edge refers to node '\(end)', which the graph does not declare", at: location(edge))
            }
            let values = data(of: edge, domain: "edge", keys: keys, known: Self.edgeKeys)
            var share: Double?
            if let written = values["share"]?.trimmingCharacters(in: .whitespaces), !written.isEmpty {
                guard let number = Double(written), number.isFinite else {
                    throw InputError("edge share must be a number, found '\(written)'", at: location(edge))
                }
                share = number
            }
            let condition = (values["condition"] ?? values["label"] ?? Self.yEdText(edge, "EdgeLabel")).map(Self.clean)
            transitions.append(
                Transition(
                    from: StepID(source), to: StepID(target), condition: condition.flatMap { $0.isEmpty ? nil : $0 },
                    share: share, location: location(edge, id: edge.attributes["id"] ?? "\(source)->\(target)")))
        }
        let graphValues = data(of: graph, domain: "graph", keys: keys, known: Self.graphKeys)
        let base = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let id = count == 1 ? base : graph.attributes["id"] ?? "\(base)-\(index + 1)"
        return Pathway(
            id: PathwayID(id),
            title: (graphValues["title"] ?? graphValues["label"] ?? graphValues["name"]).map(Self.clean),
            description: graphValues["description"].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) },
            steps: steps, transitions: transitions, location: location(graph))
    }
}
