import Foundation

extension AnalystCut {
    /// Reads a cut file: YAML (`.yaml`, `.yml`) or JSON (`.json`) as described in ``cuts(fromDocument:file:)``,
    /// anything else as text (see ``cuts(fromText:file:)``).
    ///
    /// - Throws: ``InputError`` naming the file and line of the first problem.
    public static func cuts(at path: String) throws -> [AnalystCut] {
        let text = try SourceFile.text(at: path)
        let lower = path.lowercased()
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json") {
            return try cuts(fromDocument: text, file: path)
        }
        return try cuts(fromText: text, file: path)
    }

    /// Reads cuts written as text: one sub-pathway per line, its step ids separated by spaces (or commas), an
    /// optional title before the last `: ` (`Tumour triage: LS-04 LS-06 LS-07`), `#` starting a comment, and an
    /// optional `[pathway-id]` line that starts the cut of that pathway. Lines before any `[…]` line form a cut for
    /// every pathway holding their steps.
    ///
    /// - Throws: ``InputError`` for a step named twice in one cut, an empty `[]`, or a file with no sub-pathway.
    /// - Complexity: O(length of the text).
    public static func cuts(fromText text: String, file: String) throws -> [AnalystCut] {
        var cuts: [AnalystCut] = [AnalystCut(parts: [])]
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            let location = SourceLocation(file: file, line: lineNumber, column: 1)
            if trimmed.hasPrefix("[") {
                guard trimmed.hasSuffix("]"), trimmed.count > 2 else {
                    throw InputError("a pathway line is written '[pathway-id]', found '\(trimmed)'", at: location)
                }
                let id = trimmed.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                cuts.append(AnalystCut(pathway: PathwayID(id), parts: []))
                continue
            }
            var title: String?
            var body = Substring(trimmed)
            // The last `: ` ends the title, which may hold one itself ("Post-test, FAP: surgery: …"): no id holds a
            // space.
            if let colon = trimmed.range(of: ": ", options: .backwards) {
                title = String(trimmed[..<colon.lowerBound]).trimmingCharacters(in: .whitespaces)
                body = trimmed[colon.upperBound...]
            } else if trimmed.hasSuffix(":") {
                title = String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces)
                body = ""
            }
            let ids = body.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map { StepID(String($0)) }
            guard !ids.isEmpty else { throw InputError("sub-pathway '\(title ?? "")' names no step", at: location) }
            cuts[cuts.count - 1].parts.append(Part(title: title, steps: ids, location: location))
        }
        return try checked(cuts.filter { !$0.parts.isEmpty }, file: file)
    }

    /// Reads cuts written in YAML or JSON. The document is one cut or a list of cuts; a cut is a list of
    /// sub-pathways or a mapping `{pathway: id, subpathways: [...]}`; a sub-pathway is a list of step ids or a
    /// mapping `{title: text, steps: [ids]}`.
    ///
    /// - Throws: ``InputError`` with the line and column of the first value of the wrong shape.
    public static func cuts(fromDocument text: String, file: String) throws -> [AnalystCut] {
        let root = try DocumentNode.parse(text, file: file)
        // One cut, or a list of cuts: a list whose items are lists of lists (or mappings with `subpathways`).
        var cutNodes: [DocumentNode] = [root]
        if case .sequence(let items) = root.value, let first = items.first, isCut(first) {
            cutNodes = items
        }
        var cuts: [AnalystCut] = []
        for node in cutNodes {
            var cut = AnalystCut(parts: [])
            var partNodes: [DocumentNode]
            if case .mapping = node.value {
                let mapping = try node.mapping("a cut", allowed: ["pathway", "subpathways"])
                cut.pathway = try mapping.optionalString("pathway").map { PathwayID($0) }
                partNodes = try mapping.required("subpathways").sequence("'subpathways'")
            } else {
                partNodes = try node.sequence("a cut (a list of sub-pathways)")
            }
            for partNode in partNodes {
                if case .mapping = partNode.value {
                    let mapping = try partNode.mapping("a sub-pathway", allowed: ["title", "steps"])
                    let steps = try mapping.required("steps").strings("'steps'").map { StepID($0) }
                    cut.parts.append(
                        Part(title: try mapping.optionalString("title"), steps: steps, location: partNode.location))
                } else {
                    let steps = try partNode.strings("a sub-pathway (a list of step ids)").map { StepID($0) }
                    cut.parts.append(Part(steps: steps, location: partNode.location))
                }
            }
            cuts.append(cut)
        }
        return try checked(cuts, file: file)
    }

    /// Whether a node is a whole cut rather than one sub-pathway.
    private static func isCut(_ node: DocumentNode) -> Bool {
        switch node.value {
        case .mapping(let pairs):
            return pairs.contains { if case .scalar("subpathways", _) = $0.key.value { true } else { false } }
        case .sequence(let items):
            return items.contains { if case .scalar = $0.value { false } else { true } }
        case .scalar:
            return false
        }
    }

    /// Rejects a step named twice within one cut, an empty sub-pathway and a file holding no sub-pathway.
    private static func checked(_ cuts: [AnalystCut], file: String) throws -> [AnalystCut] {
        guard cuts.contains(where: { !$0.parts.isEmpty }) else {
            throw InputError("holds no sub-pathway", at: SourceLocation(file: file))
        }
        for cut in cuts {
            var seen: [StepID: SourceLocation] = [:]
            for part in cut.parts {
                guard !part.steps.isEmpty else { throw InputError("a sub-pathway names no step", at: part.location) }
                for step in part.steps {
                    if let first = seen[step] {
                        throw InputError(
                            "step '\(step)' is already in the sub-pathway on line \(first.line ?? 0); a step belongs "
                                + "to one sub-pathway", at: part.location)
                    }
                    seen[step] = part.location
                }
            }
        }
        return cuts
    }
}
