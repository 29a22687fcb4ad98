import Foundation

/// TEMPORARY stand-in for branch `decomp`'s `EdgeListReader` (see ``EdgeListDispatch``); delete when it lands.
///
/// Reads one edge per line: `from to` separated by commas, tabs or runs of spaces; `#` starts a comment line.
/// A comma- or tab-separated file must start with a header naming `from` and `to` (or `source` and `target`)
/// columns, and may name `condition` and `share`; a whitespace-separated file has no header and a third column,
/// when present, is a weight that is not carried over. Steps are the node names in order of first appearance: a
/// node with no incoming edge is a start, one with no outgoing edge an end, the rest activities.
enum LocalEdgeListFallback {
    static func pathways(from data: Data, file: String) throws -> PathwayImport {
        let text = try SourceFile.text(from: data, file: file)
        var lines: [(text: Substring, number: Int)] = []
        var number = 0
        for line in text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        {
            number += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            lines.append((line, number))
        }
        guard let first = lines.first else {
            throw InputError("the file holds no edges", at: SourceLocation(file: file, line: 1))
        }
        let separator: Character? = first.text.contains(",") ? "," : first.text.contains("\t") ? "\t" : nil
        func fields(_ line: Substring) -> [String] {
            if let separator {
                return line.split(separator: separator, omittingEmptySubsequences: false).map {
                    $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                }
            }
            return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        }
        var fromColumn = 0
        var toColumn = 1
        var conditionColumn: Int?
        var shareColumn: Int?
        var body = lines[...]
        var findings: [Finding] = []
        if separator != nil {
            let header = fields(first.text).map { SpreadsheetPathwayReader.normalise($0) }
            guard let from = header.firstIndex(where: { $0 == "from" || $0 == "source" }),
                let to = header.firstIndex(where: { $0 == "to" || $0 == "target" })
            else {
                throw InputError(
                    "not a pathway table: the header names neither a step table (id, label, kind, …) nor an edge "
                        + "list (from, to); found: \(fields(first.text).joined(separator: ", "))",
                    at: SourceLocation(file: file, line: first.number))
            }
            fromColumn = from
            toColumn = to
            conditionColumn = header.firstIndex(of: "condition") ?? header.firstIndex(of: "label")
            shareColumn = header.firstIndex(of: "share")
            body = body.dropFirst()
        }
        var order: [String] = []
        var seen: Set<String> = []
        var incoming: Set<String> = []
        var outgoing: Set<String> = []
        var transitions: [Transition] = []
        var reportedWeight = false
        for (line, number) in body {
            let columns = fields(line)
            let location = SourceLocation(file: file, line: number)
            guard columns.count > max(fromColumn, toColumn), !columns[fromColumn].isEmpty, !columns[toColumn].isEmpty
            else {
                throw InputError("an edge needs both ends; found '\(line)'", at: location)
            }
            let from = columns[fromColumn]
            let to = columns[toColumn]
            for node in [from, to] where seen.insert(node).inserted { order.append(node) }
            outgoing.insert(from)
            incoming.insert(to)
            var share: Double?
            if let column = shareColumn, column < columns.count, !columns[column].isEmpty {
                guard let value = Double(columns[column]) else {
                    throw InputError("share must be a number, found '\(columns[column])'", at: location)
                }
                share = value
            }
            if separator == nil, columns.count > 2, !reportedWeight {
                reportedWeight = true
                findings.append(
                    Finding(
                        .note, rule: "edgelist-weight", "the third column (a weight) is not carried over", at: location)
                )
            }
            let condition = conditionColumn.flatMap { $0 < columns.count && !columns[$0].isEmpty ? columns[$0] : nil }
            transitions.append(
                Transition(from: StepID(from), to: StepID(to), condition: condition, share: share, location: location))
        }
        let steps = order.map { name -> Step in
            let kind: StepKind =
                !incoming.contains(name) ? .start : !outgoing.contains(name) ? .end : .activity
            return Step(id: StepID(name), kind: kind)
        }
        let id = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return PathwayImport(
            pathways: [
                Pathway(id: PathwayID(id), steps: steps, transitions: transitions, location: SourceLocation(file: file))
            ],
            findings: findings)
    }
}
