import Foundation
import Graphviz
import PathwayKit

/// Reads Graphviz DOT into a pathway, through Graphviz's own parser (cgraph), so that every file Graphviz reads is
/// read the same way here.
///
/// Convention (also in the README, "Importing other formats"):
///
/// - the graph must be directed (`digraph`); an undirected graph is refused, it is not a pathway;
/// - a node's `kind` attribute (`start`, `activity`, `decision`, `merge`, `parallel`, `end`, `reference`) wins;
///   otherwise its `shape` decides: `diamond` → decision; `Mdiamond` → start; `Msquare` and `doublecircle` → end;
///   `box`, `rect`, `rectangle`, `square` and the other box-like shapes → activity; any other shape (the default
///   `ellipse`, `oval`, `circle`, `record`, `plaintext`, …) → start when the node has no incoming edge, end when it
///   has no outgoing edge, activity otherwise (an isolated node is an activity);
/// - `label` → the step's label (`\n`, `\l`, `\r` line breaks become spaces, `\N` the node name; record fields
///   and HTML-like markup are reduced to their text); the node name is the step id;
/// - `stage`, `setting`, `notes`, `reference`, `no_competency_reason`, `patients_per_year`, `test_directory`,
///   `reading` (`published`, `sourced` or `project`) and `reading_note` as written;
///   `staff_groups`, `competencies` (a level after `@`), `sources` and `test_codes` as `;`-separated lists
///   (camelCase spellings such as `staffGroups` are read too; `staff`, `role`, `actor` and `lane` name staff
///   groups as well); any other attribute that is not one of Graphviz's drawing attributes is reported once per
///   name (rule `dot-unread-attribute`);
/// - an edge's `label` → the transition's condition, `share` → its share, `share_source` → the key of the
///   source the share comes from;
/// - clusters (`subgraph cluster_…`) are read by their label (else their name without `cluster`): by default
///   (``ClusterMapping/auto``) a cluster whose label names a staff group — by id, name or alias of the staff
///   groups given, or one that a node of the file names — is a lane (the staff group of the nodes in it) and any
///   other cluster is a stage; ``ClusterMapping/lanes`` and ``ClusterMapping/stages`` read every cluster one way,
///   ``ClusterMapping/none`` ignores them; a node's own attribute wins, and the innermost cluster wins;
/// - the graph's name is the pathway id (the file name for an anonymous graph), its `label` the title;
/// - what Graphviz warns about while reading (`syntax ambiguity - badly delimited number '2n' …`) becomes a
///   warning finding (rule `graphviz`) at the line it names.
public enum DOTImporter {
    /// What clusters mean.
    public enum ClusterMapping: String, Sendable, CaseIterable {
        /// A cluster naming a staff group is a lane, any other a stage (the default).
        case auto
        /// Clusters carry no meaning.
        case none
        /// A cluster is a lane: its label is the staff group of its nodes.
        case lanes
        /// A cluster is a stage of the pathway.
        case stages
    }

    static let boxShapes: Set<String> = [
        "box", "rect", "rectangle", "square", "component", "note", "tab", "folder", "box3d", "cds", "parallelogram",
        "promoter", "underline", "larrow", "rarrow", "lpromoter", "rpromoter",
    ]

    /// Reads the pathway in a DOT file: through ``PlainDOTScanner`` when the file is plain node and edge
    /// statements (the same result, much faster on large generated files), else through cgraph.
    ///
    /// - Parameters:
    ///   - data: The file's bytes, passed to Graphviz as they are (a `charset=latin1` file is decoded as Latin-1).
    ///   - file: The path for locations and messages.
    ///   - clusters: What clusters mean.
    ///   - staffGroups: The staff groups a cluster's label is matched against under ``ClusterMapping/auto``.
    /// - Returns: The pathway, and what was not carried over and what Graphviz warned about as findings.
    /// - Throws: ``InputError`` for a syntax error (with Graphviz's line, and what Graphviz warned about before
    ///   it), an undirected graph or a bad value.
    /// - Complexity: O(n + e + a) beyond Graphviz's parse.
    public static func pathways(
        from data: Data, file: String, clusters: ClusterMapping = .auto, staffGroups: [StaffGroup] = []
    ) throws -> PathwayImport {
        if let document = PlainDOTScanner.document(data) {
            return try pathways(from: document, file: file, clusters: clusters, staffGroups: staffGroups)
        }
        let document: GraphvizDocument
        do {
            document = try GraphvizLibrary.parse(data)
        } catch {
            // A warning before the error often explains it: `12pt` is read as `12` and a stray `pt`.
            let warnings = error.warnings.map { "; Graphviz warned first: \($0.text)" }.joined()
            throw InputError(
                "Graphviz cannot read this file: \(error.message)\(warnings)",
                at: SourceLocation(file: file, line: error.line))
        }
        return try pathways(from: document, file: file, clusters: clusters, staffGroups: staffGroups)
    }

    /// Maps a parsed DOT graph to a pathway; the document's Graphviz warnings become findings.
    ///
    /// - Throws: ``InputError`` when the graph is undirected or a node's kind or an edge's share is not valid.
    /// - Complexity: O(n + e + a) for n nodes, e edges and a attribute values.
    public static func pathways(
        from document: GraphvizDocument, file: String, clusters: ClusterMapping = .auto,
        staffGroups: [StaffGroup] = []
    ) throws -> PathwayImport {
        guard document.isDirected else {
            throw InputError(
                "'\(document.name)' is an undirected graph (graph, --); a pathway needs directed edges "
                    + "(digraph, ->), so this is not a pathway",
                at: SourceLocation(file: file))
        }
        var findings = document.warnings.map {
            Finding(graphviz: $0, at: SourceLocation(file: file, line: $0.line))
        }
        var incoming: [String: Int] = [:]
        var outgoing: [String: Int] = [:]
        var reportedPorts = false
        for edge in document.edges {
            outgoing[edge.tail, default: 0] += 1
            incoming[edge.head, default: 0] += 1
            if !reportedPorts, edge.attributes["tailport"] != nil || edge.attributes["headport"] != nil {
                reportedPorts = true
                findings.append(
                    Finding(
                        .note, rule: "dot-ports", "edge ports (node:port) are not carried over; edges join the nodes",
                        at: SourceLocation(file: file, element: "\(edge.tail) -> \(edge.head)")))
            }
        }
        let clusterNames = clusterAssignments(document.subgraphs, rootLabel: document.attributes["label"])
        if clusters == .none, !clusterNames.isEmpty {
            findings.append(
                Finding(
                    .note, rule: "dot-clusters",
                    "clusters are not carried over; read them as lanes or stages with --clusters lanes|stages",
                    at: SourceLocation(file: file)))
        }
        // Under `auto`, which cluster labels name a staff group (compared as staff group ids).
        var laneLabels: Set<String> = []
        if clusters == .auto, !clusterNames.isEmpty {
            var known: Set<String> = []
            for group in staffGroups {
                known.insert(group.id.rawValue)
                for name in [group.name].compactMap({ $0 }) + group.aliases { known.insert(groupID(name).rawValue) }
            }
            for node in document.nodes {
                for attribute in ["staff_groups", "staffGroups", "staffgroups"] {
                    for name in list(node.attributes[attribute]) {
                        known.insert(name)
                        known.insert(groupID(name).rawValue)
                    }
                }
            }
            let labels = Set(clusterNames.values)
            laneLabels = labels.filter { known.contains(groupID($0).rawValue) || known.contains($0) }
            let stageLabels = labels.subtracting(laneLabels)
            var parts: [String] = []
            if !stageLabels.isEmpty { parts.append("as stages: " + stageLabels.sorted().joined(separator: ", ")) }
            if !laneLabels.isEmpty {
                parts.append("as lanes (they name staff groups): " + laneLabels.sorted().joined(separator: ", "))
            }
            findings.append(
                Finding(
                    .note, rule: "dot-clusters",
                    "clusters read " + parts.joined(separator: "; ") + "; --clusters lanes|stages|none overrides",
                    at: SourceLocation(file: file)))
        }
        var steps: [Step] = []
        for node in document.nodes {
            let attributes = node.attributes
            let location = SourceLocation(file: file, element: node.name)
            func value(_ names: String...) -> String? {
                for name in names {
                    if let text = attributes[name].map({ unescape($0, node: node.name, graph: document.name) }),
                        text.contains(where: { !$0.isWhitespace })
                    {
                        return text
                    }
                }
                return nil
            }
            let shape = attributes["shape"]?.lowercased() ?? "ellipse"
            var label = attributes["label"].map { labelText($0, shape: shape, node: node.name, graph: document.name) }
            if label?.isEmpty ?? true { label = nil }
            var step = Step(id: StepID(node.name), label: label, location: location)
            if let written = value("kind") {
                guard let kind = StepKind(written: written.trimmingCharacters(in: .whitespaces)) else {
                    throw InputError(
                        "node '\(node.name)' has unknown kind '\(written)' (expected one of: "
                            + StepKind.allCases.map(\.rawValue).joined(separator: ", ") + ")",
                        at: location)
                }
                step.kind = kind
            } else {
                step.kind = kind(
                    shape: attributes["shape"] ?? "ellipse", incoming: incoming[node.name, default: 0],
                    outgoing: outgoing[node.name, default: 0])
            }
            step.stage = value("stage")
            step.setting = value("setting")
            step.notes = value("notes")
            step.reference = value("reference")
            step.noCompetencyReason = value("no_competency_reason", "noCompetencyReason")
            step.testDirectory = value("test_directory", "testDirectory")
            step.readingNote = value("reading_note", "readingNote")
            if let written = value("reading") {
                guard let reading = StepReading(rawValue: written) else {
                    throw InputError(
                        "node '\(node.name)' has unknown reading '\(written)' (expected one of: "
                            + StepReading.allCases.map(\.rawValue).joined(separator: ", ") + ")",
                        at: location)
                }
                step.reading = reading
            }
            step.staffGroups = list(staffGroupAttributes.lazy.compactMap { value($0) }.first).map { StaffGroupID($0) }
            step.competencies = list(value("competencies")).map {
                CompetencyRequirement(written: $0, location: location)
            }
            step.sources = list(value("sources"))
            step.testCodes = list(value("test_codes", "testCodes"))
            if let written = value("patients_per_year", "patientsPerYear") {
                guard let number = Double(written.trimmingCharacters(in: .whitespaces)), number.isFinite else {
                    throw InputError(
                        "patients_per_year of '\(node.name)' must be a number, found '\(written)'", at: location)
                }
                step.patientsPerYear = number
            }
            if let cluster = clusterNames[node.name] {
                let asLane = clusters == .lanes || (clusters == .auto && laneLabels.contains(cluster))
                let asStage = clusters == .stages || (clusters == .auto && !laneLabels.contains(cluster))
                if asLane && step.staffGroups.isEmpty { step.staffGroups = [groupID(cluster)] }
                if asStage && step.stage == nil { step.stage = cluster }
            }
            steps.append(step)
        }
        findings += unreadAttributeFindings(document.nodes, file: file)
        var transitions: [Transition] = []
        for edge in document.edges {
            let location = SourceLocation(file: file, element: "\(edge.tail) -> \(edge.head)")
            var share: Double?
            if let written = edge.attributes["share"]?.trimmingCharacters(in: .whitespaces), !written.isEmpty {
                guard let number = Double(written), number.isFinite else {
                    throw InputError(
                        "the share of edge \(edge.tail) -> \(edge.head) must be a number, found '\(written)'",
                        at: location)
                }
                share = number
            }
            let condition = edge.attributes["label"].map {
                labelText($0, shape: "", node: "", graph: document.name)
            }.flatMap { $0.isEmpty ? nil : $0 }
            transitions.append(
                Transition(
                    from: StepID(edge.tail), to: StepID(edge.head), condition: condition, share: share,
                    source: (edge.attributes["share_source"] ?? edge.attributes["shareSource"]).flatMap {
                        $0.isEmpty ? nil : unescape($0, node: "", graph: document.name)
                    },
                    location: location))
        }
        let base = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let id = document.name.hasPrefix("%") || document.name.isEmpty ? base : document.name
        let title = document.attributes["label"].map { labelText($0, shape: "", node: "", graph: document.name) }
        let description = document.attributes["description"].map { unescape($0, node: "", graph: document.name) }
        return PathwayImport(
            pathways: [
                Pathway(
                    id: PathwayID(id), title: title.flatMap { $0.isEmpty ? nil : $0 }, description: description,
                    steps: steps, transitions: transitions, location: SourceLocation(file: file))
            ],
            findings: findings)
    }

    /// The kind a node's shape and edges give it (see the convention above).
    static func kind(shape: String, incoming: Int, outgoing: Int) -> StepKind {
        switch shape {
        case "diamond": return .decision
        case "Mdiamond": return .start
        case "Msquare", "doublecircle": return .end
        case _ where boxShapes.contains(shape.lowercased()): return .activity
        default:
            if incoming == 0, outgoing > 0 { return .start }
            if outgoing == 0, incoming > 0 { return .end }
            return .activity
        }
    }

    /// The innermost cluster of every node: the cluster's label, else its name without the `cluster` prefix.
    ///
    /// - Complexity: O(total subgraph membership), with an explicit stack.
    static func clusterAssignments(
        _ subgraphs: [GraphvizDocument.Subgraph], rootLabel: String?
    ) -> [String: String] {
        var result: [String: (name: String, depth: Int)] = [:]
        var stack = subgraphs.map { ($0, 0, rootLabel) }
        while let (subgraph, depth, enclosingLabel) = stack.popLast() {
            // Graphviz gives a subgraph the label of its enclosing graph when it has none of its own.
            let ownLabel = subgraph.attributes["label"].flatMap { $0 == enclosingLabel ? nil : $0 }
            if subgraph.name.lowercased().hasPrefix("cluster") {
                var name = ownLabel.map { labelText($0, shape: "", node: "", graph: "") } ?? ""
                if name.isEmpty {
                    name = String(subgraph.name.dropFirst("cluster".count)).trimmingCharacters(
                        in: CharacterSet(charactersIn: "_- "))
                }
                if name.isEmpty { name = subgraph.name }
                for node in subgraph.nodeNames where (result[node]?.depth ?? -1) < depth {
                    result[node] = (name, depth)
                }
            }
            stack += subgraph.subgraphs.map { ($0, depth + 1, subgraph.attributes["label"]) }
        }
        return result.mapValues(\.name)
    }

    /// An escString attribute as text: `\\` → `\`, `\n`/`\l`/`\r` → line break, `\N` → node name, `\G` → graph
    /// name.
    static func unescape(_ text: String, node: String, graph: String) -> String {
        guard text.contains("\\") else { return text }
        var result = ""
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            guard character == "\\" else {
                result.append(character)
                continue
            }
            guard let next = iterator.next() else {
                result.append("\\")
                break
            }
            switch next {
            case "n", "l", "r": result.append("\n")
            case "N": result += node
            case "G": result += graph
            case "\\": result.append("\\")
            case "\"": result.append("\"")
            default:
                result.append("\\")
                result.append(next)
            }
        }
        return result
    }

    /// A label as one line of text: escapes resolved, line breaks as spaces, record ports and HTML tags removed.
    static func labelText(_ raw: String, shape: String, node: String, graph: String) -> String {
        if isPlainLabel(raw), shape != "record", shape != "mrecord" { return raw }
        var text = unescape(raw, node: node, graph: graph)
        if text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("<") {
            text = text.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
            for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&amp;", "&")] {
                text = text.replacingOccurrences(of: entity, with: character)
            }
        } else if shape == "record" || shape == "mrecord" {
            text = text.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
            text = String(text.map { "{}|".contains($0) ? " " : $0 })
        }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Whether a label needs no work: ASCII without escapes, markup or control characters, single inner spaces only.
    ///
    /// - Complexity: O(n) over the UTF-8 bytes, without allocating (the common case on large generated files).
    static func isPlainLabel(_ raw: String) -> Bool {
        var previous: UInt8 = 0x20
        for byte in raw.utf8 {
            if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<") || byte < 0x20 || byte >= 0x7F { return false }
            if byte == 0x20, previous == 0x20 { return false }
            previous = byte
        }
        return previous != 0x20
    }

    static func list(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
            !$0.isEmpty
        }
    }

    /// A staff group id from a cluster label (see ``StaffGroupID/init(slugging:)``).
    static func groupID(_ name: String) -> StaffGroupID { StaffGroupID(slugging: name) }
}

extension PathwayReader {
    /// Graphviz DOT (`.dot`, `.gv`), read through cgraph.
    ///
    /// - Parameters:
    ///   - clusters: What clusters mean.
    ///   - staffGroups: The staff groups a cluster's label is matched against under ``DOTImporter/ClusterMapping/auto``.
    public static func dot(
        clusters: DOTImporter.ClusterMapping = .auto, staffGroups: [StaffGroup] = []
    ) -> PathwayReader {
        PathwayReader(name: "dot", extensions: ["dot", "gv"]) { data, path in
            try DOTImporter.pathways(from: data, file: path, clusters: clusters, staffGroups: staffGroups)
        }
    }
}
