import Foundation

/// Reads 1EdTech CASE 1.0/1.1 competency frameworks: a JSON `CFPackage` (`CFDocument`, `CFItems`,
/// `CFAssociations`) or the CSV spreadsheet form OpenSALT imports.
///
/// The mapping (also in the README):
///
/// - the `CFDocument` → the framework (`identifier` → id, `title`, `version`, `publisher` or `creator`, `uri`);
/// - the hierarchy comes from `isChildOf` associations (child = origin, parent = destination), ordered by their
///   `sequenceNumber`; an item with no parent there takes the item whose code is its code's dotted prefix
///   (`A.B` for `A.B.C`), else it sits at the top;
/// - items with children → areas (titled by `abbreviatedStatement`, else `fullStatement`); items without →
///   competencies (`fullStatement` → statement); top-level competencies go in one area named after the document;
/// - `humanCodingScheme` → the id and code where present (the `identifier` otherwise, and where a code is used
///   twice);
/// - `exactMatchOf` associations → equivalences; `educationLevel` → the competency's levels, and the framework's
///   level scheme in order of first appearance;
/// - other association types are counted in a finding and not carried over.
public enum CASEImporter {
    /// One CASE item, from JSON or CSV.
    struct Item {
        var identifier: String
        var code: String?
        var statement: String
        var abbreviated: String?
        var levels: [String]
        var location: SourceLocation
    }

    /// One association between two items (or an item and the document).
    struct Association {
        var type: String
        var origin: String
        var destination: String
        var sequence: Int?
    }

    /// Whether a JSON file is a CASE package (it has a `CFDocument` key).
    public static func isCASEJSON(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(65536), as: UTF8.self)
        return head.contains("\"CFDocument\"")
    }

    /// Whether a CSV file is a CASE spreadsheet (its header names `fullStatement` or `humanCodingScheme`).
    public static func isCASECSV(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(8192), as: UTF8.self)
        let firstLine = head.prefix { $0 != "\n" && $0 != "\r" }.lowercased()
        return firstLine.contains("fullstatement") || firstLine.contains("humancodingscheme")
    }

    /// The error for a CASE file given where a pathway is expected.
    static func notAPathway(_ file: String) -> InputError {
        InputError(
            "this is a 1EdTech CASE competency framework, not a pathway; list it under 'frameworks:' in a project.yaml",
            at: SourceLocation(file: file))
    }

    /// Reads a CASE JSON package.
    ///
    /// - Returns: The framework and findings for what was not carried over.
    /// - Throws: ``InputError`` when the JSON is malformed or has no `CFDocument`.
    /// - Complexity: O(items + associations).
    public static func framework(fromJSON data: Data, file: String) throws -> (CompetencyFramework, [Finding]) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw JSONPlace.inputError(for: error, data: data, file: file)
        }
        guard let root = object as? [String: Any], let document = root["CFDocument"] as? [String: Any] else {
            throw InputError("not a CASE package: no 'CFDocument' object at the top", at: SourceLocation(file: file))
        }
        func text(_ value: Any?) -> String? {
            guard let string = value as? String else { return nil }
            let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }
        func node(_ value: Any?) -> String? {
            if let object = value as? [String: Any] { return text(object["identifier"]) ?? text(object["uri"]) }
            return text(value)
        }
        var items: [Item] = []
        for (index, entry) in ((root["CFItems"] as? [Any]) ?? []).enumerated() {
            guard let item = entry as? [String: Any], let identifier = text(item["identifier"]) else {
                throw InputError(
                    "CFItems[\(index)] has no identifier", at: SourceLocation(file: file, element: "CFItems[\(index)]"))
            }
            let levels: [String]
            if let list = item["educationLevel"] as? [Any] {
                levels = list.compactMap(text)
            } else {
                levels = text(item["educationLevel"]).map { [$0] } ?? []
            }
            items.append(
                Item(
                    identifier: identifier, code: text(item["humanCodingScheme"]),
                    statement: text(item["fullStatement"]) ?? text(item["abbreviatedStatement"]) ?? identifier,
                    abbreviated: text(item["abbreviatedStatement"]), levels: levels,
                    location: SourceLocation(file: file, element: identifier)))
        }
        let associations = ((root["CFAssociations"] as? [Any]) ?? []).compactMap { entry -> Association? in
            guard let association = entry as? [String: Any], let type = text(association["associationType"]),
                let origin = node(association["originNodeURI"]),
                let destination = node(association["destinationNodeURI"])
            else { return nil }
            return Association(
                type: type, origin: origin, destination: destination,
                sequence: (association["sequenceNumber"] as? NSNumber)?.intValue
                    ?? text(association["sequenceNumber"]).flatMap { Int($0) })
        }
        let documentID =
            text(document["identifier"]) ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let header = CompetencyFramework(
            id: FrameworkID(documentID), title: text(document["title"]), version: text(document["version"]),
            publisher: text(document["publisher"]) ?? text(document["creator"]),
            url: text(document["uri"]) ?? node(document["CFPackageURI"]),
            location: SourceLocation(file: file, element: documentID))
        return build(header, items: items, associations: associations, file: file)
    }

    /// Reads a CASE CSV spreadsheet (OpenSALT's import columns: `Identifier`, `fullStatement`,
    /// `HumanCodingScheme`, `Abbreviated Statement`, `Education Level`, `Is Child Of` or `parent`,
    /// `isExactMatchOf`, …; headers matched in any case, spaces ignored).
    ///
    /// - Throws: ``InputError`` when the CSV is malformed or has no `fullStatement` column.
    /// - Complexity: O(rows).
    public static func framework(fromCSV data: Data, file: String) throws -> (CompetencyFramework, [Finding]) {
        let text = try SourceFile.text(from: data, file: file)
        let records = try CSVTokenizer.records(text, file: file).filter { !$0.isBlank }
        guard let header = records.first else {
            throw InputError("the file is empty", at: SourceLocation(file: file, line: 1))
        }
        let columns = SpreadsheetPathwayReader.columnIndex(header)
        guard let statementColumn = columns["fullstatement"] else {
            throw InputError(
                "not a CASE spreadsheet: no 'fullStatement' column", at: SourceLocation(file: file, line: header.line))
        }
        var items: [Item] = []
        var associations: [Association] = []
        for row in records.dropFirst() {
            let location = SourceLocation(file: file, line: row.line)
            let code = row[field: columns["humancodingscheme"]]
            let identifier = row[field: columns["identifier"]] ?? code ?? "row-\(row.line)"
            let statement = row[field: statementColumn] ?? row[field: columns["abbreviatedstatement"]] ?? identifier
            items.append(
                Item(
                    identifier: identifier, code: code, statement: statement,
                    abbreviated: row[field: columns["abbreviatedstatement"]],
                    levels: (row[field: columns["educationlevel"]] ?? "").split(whereSeparator: {
                        $0 == "," || $0 == ";"
                    })
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
                    location: location))
            let sequence = row[field: columns["sequencenumber"]].flatMap { Int($0) }
            if let parent = row[field: columns["ischildof"]] ?? row[field: columns["parent"]] {
                associations.append(
                    Association(type: "isChildOf", origin: identifier, destination: parent, sequence: sequence))
            } else if sequence != nil {
                associations.append(
                    Association(type: "sequence", origin: identifier, destination: "", sequence: sequence))
            }
            for (column, type) in [
                ("isexactmatchof", "exactMatchOf"), ("precedes", "precedes"), ("ispeerof", "isPeerOf"),
                ("isrelatedto", "isRelatedTo"), ("ispartof", "isPartOf"), ("replacedby", "replacedBy"),
                ("exemplar", "exemplar"), ("hasskilllevel", "hasSkillLevel"),
            ] {
                for target in (row[field: columns[column]] ?? "").split(separator: ",") {
                    let destination = target.trimmingCharacters(in: .whitespaces)
                    if !destination.isEmpty {
                        associations.append(Association(type: type, origin: identifier, destination: destination))
                    }
                }
            }
        }
        let base = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let header2 = CompetencyFramework(id: FrameworkID(base), location: SourceLocation(file: file, line: 1))
        return build(header2, items: items, associations: associations, file: file)
    }

    /// Builds areas, competencies and equivalences from items and associations.
    ///
    /// - Complexity: O(items + associations), with an explicit stack (no recursion on tree depth).
    static func build(
        _ header: CompetencyFramework, items: [Item], associations: [Association], file: String
    ) -> (CompetencyFramework, [Finding]) {
        var framework = header
        var findings: [Finding] = []
        var index: [String: Int] = [:]
        var byCode: [String: Int] = [:]
        for (position, item) in items.enumerated() {
            if index[item.identifier] == nil { index[item.identifier] = position }
            if let code = item.code, byCode[code] == nil { byCode[code] = position }
        }
        func resolve(_ reference: String) -> Int? { index[reference] ?? byCode[reference] }
        // Ids: the code, unless another item already used it.
        var ids: [String] = []
        var usedIDs: Set<String> = []
        for item in items {
            var id = item.code ?? item.identifier
            if !usedIDs.insert(id).inserted {
                findings.append(
                    Finding(
                        .warning, rule: "case-duplicate-code",
                        "code '\(id)' is used by more than one item; this one keeps its identifier as id",
                        at: item.location))
                id = item.identifier
                usedIDs.insert(id)
            }
            ids.append(id)
        }
        var parent = [Int?](repeating: nil, count: items.count)
        var order = Array(0..<items.count).map { (sequence: Int?.none, position: $0) }
        var unsupported: [String: Int] = [:]
        for association in associations {
            switch association.type {
            case "isChildOf":
                guard let child = resolve(association.origin) else { continue }
                parent[child] = resolve(association.destination)
                order[child].sequence = association.sequence
            case "sequence":
                if let child = resolve(association.origin) { order[child].sequence = association.sequence }
            case "exactMatchOf", "isExactMatchOf":
                guard let origin = resolve(association.origin) else { continue }
                let destination = resolve(association.destination).map { ids[$0] } ?? association.destination
                framework.equivalences.append(
                    CompetencyEquivalence(
                        competency: CompetencyID(ids[origin]), equivalent: CompetencyID(destination),
                        location: items[origin].location))
            default:
                unsupported[association.type, default: 0] += 1
            }
        }
        for (type, count) in unsupported.sorted(by: { $0.key < $1.key }) {
            findings.append(
                Finding(
                    .note, rule: "case-unsupported",
                    "\(count) '\(type)' association\(count == 1 ? " is" : "s are") not carried over",
                    at: SourceLocation(file: file)))
        }
        // Dotted codes imply a parent where no association gives one.
        for (position, item) in items.enumerated() where parent[position] == nil {
            guard var code = item.code else { continue }
            while let dot = code.lastIndex(of: ".") {
                code = String(code[..<dot])
                if let candidate = byCode[code], candidate != position {
                    parent[position] = candidate
                    break
                }
            }
        }
        // Break cycles: an item that is its own ancestor goes to the top.
        for position in items.indices {
            var seen: Set<Int> = [position]
            var current = parent[position]
            while let next = current {
                if !seen.insert(next).inserted {
                    findings.append(
                        Finding(
                            .warning, rule: "case-cycle",
                            "item '\(ids[position])' is its own ancestor through isChildOf; it is put at the top",
                            at: items[position].location))
                    parent[position] = nil
                    break
                }
                current = parent[next]
            }
        }
        var children = [[Int]](repeating: [], count: items.count)
        var roots: [Int] = []
        let sorted = order.sorted { ($0.sequence ?? Int.max, $0.position) < ($1.sequence ?? Int.max, $1.position) }
        for entry in sorted {
            if let up = parent[entry.position] {
                children[up].append(entry.position)
            } else {
                roots.append(entry.position)
            }
        }
        var levels: [String] = []
        for item in items { for level in item.levels where !levels.contains(level) { levels.append(level) } }
        framework.levels = levels

        func competency(_ position: Int) -> Competency {
            let item = items[position]
            return Competency(
                id: CompetencyID(ids[position]), statement: item.statement, levels: item.levels, code: item.code,
                location: item.location)
        }
        // Build areas bottom-up: post-order over an explicit stack.
        var built: [Int: CompetencyArea] = [:]
        var stack: [(position: Int, expanded: Bool)] = roots.filter { !children[$0].isEmpty }.reversed().map {
            ($0, false)
        }
        while let (position, expanded) = stack.popLast() {
            if !expanded {
                stack.append((position, true))
                for child in children[position].reversed() where !children[child].isEmpty {
                    stack.append((child, false))
                }
                continue
            }
            let item = items[position]
            var area = CompetencyArea(
                id: ids[position], title: item.abbreviated ?? item.statement, location: item.location)
            for child in children[position] {
                if children[child].isEmpty {
                    area.competencies.append(competency(child))
                } else if let inner = built.removeValue(forKey: child) {
                    area.areas.append(inner)
                }
            }
            built[position] = area
        }
        var topLevel = CompetencyArea(id: header.id.rawValue, title: header.title, location: header.location)
        for root in roots {
            if children[root].isEmpty {
                topLevel.competencies.append(competency(root))
            } else if let area = built.removeValue(forKey: root) {
                framework.areas.append(area)
            }
        }
        if !topLevel.competencies.isEmpty { framework.areas.insert(topLevel, at: 0) }
        return (framework, findings)
    }
}

extension FrameworkReader {
    /// CASE JSON packages (`.json` files holding a `CFDocument`).
    public static let caseJSON = FrameworkReader(
        name: "case-json",
        accepts: { data, path in path.fileExtension == "json" && CASEImporter.isCASEJSON(data) },
        read: { data, path in
            let (framework, findings) = try CASEImporter.framework(fromJSON: data, file: path)
            return FrameworkImport(frameworks: [framework], findings: findings)
        })

    /// CASE CSV spreadsheets (`.csv` files whose header names `fullStatement` or `humanCodingScheme`).
    public static let caseCSV = FrameworkReader(
        name: "case-csv",
        accepts: { data, path in path.fileExtension == "csv" && CASEImporter.isCASECSV(data) },
        read: { data, path in
            let (framework, findings) = try CASEImporter.framework(fromCSV: data, file: path)
            return FrameworkImport(frameworks: [framework], findings: findings)
        })
}
