import Foundation

/// Reads pathways written as spreadsheet tables in CSV: a step table and a transition table.
///
/// The two tables can be given either way (also in the README):
///
/// - in one file, the step table first, then a blank line, then the transition table (an optional first table
///   with the header `pathway,title,description` names the pathway; ``PathwayCSVWriter`` writes this form);
/// - in two files side by side, `<name>steps<rest>.csv` and `<name>transitions<rest>.csv` (for example
///   `dpyd-steps.csv` and `dpyd-transitions.csv`): reading the steps file reads the other too.
///
/// Step table headers, by name in any order and any case (spaces, `_` and `-` ignored): `id` (required), `label`,
/// `kind`, `stage`, `setting`, `staffGroups`, `competencies`, `sources`, `notes`, and also `testCodes`,
/// `patientsPerYear`, `reference`, `noCompetencyReason`, `testDirectory`, `reading` (`published`, `sourced` or
/// `project`) and `readingNote`. Lists are separated by `;`; a competency may carry a level after `@`
/// (`dpyd-genotype@B`). Transition table headers: `from`, `to` (required), `condition`, `share`, `shareSource`
/// (the key of the source the share comes from).
///
/// A CSV file whose first table is a plain edge list (`from,to[,condition,share]`, or a file without a step
/// header) is handed to the bulk edge-list reader.
public enum SpreadsheetPathwayReader {
    static let stepColumns = [
        "id", "label", "kind", "stage", "setting", "staffgroups", "competencies", "sources", "notes", "testcodes",
        "patientsperyear", "reference", "nocompetencyreason", "testdirectory", "reading", "readingnote",
    ]
    static let transitionColumns = ["from", "to", "condition", "share", "sharesource"]

    /// A header name compared loosely: lower case, without spaces, `_` or `-`.
    static func normalise(_ header: String) -> String {
        header.lowercased().filter { !$0.isWhitespace && $0 != "_" && $0 != "-" }
    }

    /// Whether a header row is a step table's (it has an `id` column and no `from`/`to` pair).
    static func isStepHeader(_ record: CSVRecord) -> Bool {
        let names = Set(record.fields.map(normalise))
        return names.contains("id") && !(names.contains("from") && names.contains("to"))
    }

    /// Reads a CSV pathway file: a step table (with an optional transition table), else an edge list.
    ///
    /// - Throws: ``InputError`` naming the line of the first problem.
    /// - Complexity: O(n) in the size of the file(s).
    public static func pathways(from data: Data, file: String) throws -> PathwayImport {
        if CASEImporter.isCASECSV(data) { throw CASEImporter.notAPathway(file) }
        // An edge list is told from its first line, before anything is tokenized.
        if isEdgeList(head: data.prefix(1 << 16)) { return try EdgeListDispatch.read(data, file) }
        let text = try SourceFile.text(from: data, file: file)
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        let separator: Unicode.Scalar = firstLine.contains("\t") && !firstLine.contains(",") ? "\t" : ","
        let records = try CSVTokenizer.records(text, separator: separator, file: file)
        guard let header = records.first(where: { !$0.isBlank && !($0.fields.first?.hasPrefix("#") ?? false) }),
            isStepHeader(header) || isMetadataHeader(header)
        else {
            return try EdgeListDispatch.read(data, file)
        }
        return try spreadsheet(records, file: file)
    }

    /// Whether a CSV file is a plain edge list, told from its first line that is neither blank nor a comment (a
    /// step table or the pathway table starts otherwise): the file's head is enough.
    static func isEdgeList(head: Data) -> Bool {
        var bytes = [UInt8](head)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
            lineStart = lineEnd + 1
            guard !line.allSatisfy(\.isWhitespace), !line.hasPrefix("#") else { continue }
            let separator: Unicode.Scalar = line.contains("\t") && !line.contains(",") ? "\t" : ","
            guard let header = try? CSVTokenizer.records(line, separator: separator, file: "").first else {
                return false
            }
            return !(isStepHeader(header) || isMetadataHeader(header))
        }
        return true
    }

    static func isMetadataHeader(_ record: CSVRecord) -> Bool { record.fields.first.map(normalise) == "pathway" }

    /// Splits records into tables at blank rows.
    static func tables(_ records: [CSVRecord]) -> [[CSVRecord]] {
        var tables: [[CSVRecord]] = []
        var current: [CSVRecord] = []
        for record in records {
            if record.isBlank {
                if !current.isEmpty {
                    tables.append(current)
                    current = []
                }
            } else {
                current.append(record)
            }
        }
        if !current.isEmpty { tables.append(current) }
        return tables
    }

    static func spreadsheet(_ records: [CSVRecord], file: String) throws -> PathwayImport {
        var findings: [Finding] = []
        var tables = Self.tables(records)
        let base = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        var pathway = Pathway(id: PathwayID(base), location: SourceLocation(file: file, line: 1))
        if let first = tables.first?.first, isMetadataHeader(first) {
            let table = tables.removeFirst()
            let columns = columnIndex(first)
            if table.count > 1 {
                let row = table[1]
                if let id = row[field: columns["pathway"]] { pathway.id = PathwayID(id) }
                pathway.title = row[field: columns["title"]] ?? pathway.id.rawValue
                pathway.description = row[field: columns["description"]]
            }
        }
        guard let stepTable = tables.first, let header = stepTable.first, isStepHeader(header) else {
            throw InputError(
                "expected a step table (a header with an 'id' column) after the pathway table",
                at: SourceLocation(file: file, line: tables.first?.first?.line ?? 1))
        }
        pathway.steps = try steps(stepTable, file: file, findings: &findings)
        if tables.count > 1 {
            pathway.transitions = try transitions(tables[1], file: file)
            for extra in tables.dropFirst(2) {
                findings.append(
                    Finding(
                        .warning, rule: "csv-extra-table", "a third table is not read (only steps, then transitions)",
                        at: SourceLocation(file: file, line: extra.first?.line)))
            }
        } else if let sibling = siblingTransitionsFile(for: file) {
            let siblingRecords = try CSVTokenizer.records(
                SourceFile.text(at: sibling), separator: ",", file: sibling)
            guard let table = Self.tables(siblingRecords).first else {
                return PathwayImport(pathways: [pathway], findings: findings)
            }
            pathway.transitions = try transitions(table, file: sibling)
        } else if pathway.steps.count > 1 {
            findings.append(
                Finding(
                    .warning, rule: "csv-no-transitions",
                    "no transition table: add one after a blank line (from,to,condition,share), or a file named like "
                        + "this one with 'steps' replaced by 'transitions'",
                    at: SourceLocation(file: file)))
        }
        return PathwayImport(pathways: [pathway], findings: findings)
    }

    /// `x-transitions.csv` beside `x-steps.csv`, when the file name holds "steps" and the sibling exists.
    static func siblingTransitionsFile(for file: String) -> String? {
        let url = URL(fileURLWithPath: file)
        let name = url.lastPathComponent
        guard let range = name.range(of: "steps", options: [.caseInsensitive, .backwards]) else { return nil }
        let siblingName = name.replacingCharacters(in: range, with: "transitions")
        let sibling = (file as NSString).deletingLastPathComponent
        let path = sibling.isEmpty ? siblingName : (sibling as NSString).appendingPathComponent(siblingName)
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    static func columnIndex(_ header: CSVRecord) -> [String: Int] {
        var result: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() where result[normalise(name)] == nil {
            result[normalise(name)] = index
        }
        return result
    }

    static func list(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    static func steps(_ table: [CSVRecord], file: String, findings: inout [Finding]) throws -> [Step] {
        let header = table[0]
        let columns = columnIndex(header)
        for (index, name) in header.fields.enumerated() where !stepColumns.contains(normalise(name)) {
            findings.append(
                Finding(
                    .note, rule: "csv-unknown-column",
                    "column '\(name)' of the step table is not a step field and is not carried over (known: "
                        + "id, label, kind, stage, setting, staffGroups, competencies, sources, notes, testCodes, "
                        + "patientsPerYear, reference, noCompetencyReason, testDirectory, reading, readingNote)",
                    at: SourceLocation(file: file, line: header.line, column: index + 1)))
        }
        var steps: [Step] = []
        for row in table.dropFirst() {
            let location = SourceLocation(file: file, line: row.line)
            guard let id = row[field: columns["id"]] else {
                throw InputError("a step row has no id", at: location)
            }
            var step = Step(
                id: StepID(id), label: row[field: columns["label"]], location: location)
            if let written = row[field: columns["kind"]] {
                guard let kind = StepKind(written: written) else {
                    throw InputError(
                        "step '\(id)' has unknown kind '\(written)' (expected one of: "
                            + StepKind.allCases.map(\.rawValue).joined(separator: ", ") + ")",
                        at: location)
                }
                step.kind = kind
            }
            step.stage = row[field: columns["stage"]]
            step.setting = row[field: columns["setting"]]
            step.staffGroups = list(row[field: columns["staffgroups"]]).map { StaffGroupID($0) }
            step.competencies = list(row[field: columns["competencies"]]).map {
                CompetencyRequirement(written: $0, location: location)
            }
            step.sources = list(row[field: columns["sources"]])
            step.notes = columns["notes"].flatMap { $0 < row.fields.count ? row.fields[$0] : nil }
                .flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            step.testCodes = list(row[field: columns["testcodes"]])
            step.reference = row[field: columns["reference"]]
            step.noCompetencyReason = row[field: columns["nocompetencyreason"]]
            step.testDirectory = row[field: columns["testdirectory"]]
            step.readingNote = columns["readingnote"].flatMap { $0 < row.fields.count ? row.fields[$0] : nil }
                .flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            if let written = row[field: columns["reading"]] {
                guard let reading = StepReading(rawValue: written) else {
                    throw InputError(
                        "step '\(id)' has unknown reading '\(written)' (expected one of: "
                            + StepReading.allCases.map(\.rawValue).joined(separator: ", ") + ")",
                        at: location)
                }
                step.reading = reading
            }
            if let written = row[field: columns["patientsperyear"]] {
                guard let number = Double(written), number.isFinite else {
                    throw InputError(
                        "patientsPerYear of step '\(id)' must be a number, found '\(written)'", at: location)
                }
                step.patientsPerYear = number
            }
            steps.append(step)
        }
        return steps
    }

    static func transitions(_ table: [CSVRecord], file: String) throws -> [Transition] {
        let header = table[0]
        let columns = columnIndex(header)
        guard columns["from"] != nil, columns["to"] != nil else {
            throw InputError(
                "the transition table needs 'from' and 'to' columns (found: \(header.fields.joined(separator: ", ")))",
                at: SourceLocation(file: file, line: header.line))
        }
        var transitions: [Transition] = []
        for row in table.dropFirst() {
            let location = SourceLocation(file: file, line: row.line)
            guard let from = row[field: columns["from"]], let to = row[field: columns["to"]] else {
                throw InputError("a transition row needs both 'from' and 'to'", at: location)
            }
            var share: Double?
            if let written = row[field: columns["share"]] {
                guard let number = Double(written), number.isFinite else {
                    throw InputError("share must be a number from 0 to 1, found '\(written)'", at: location)
                }
                share = number
            }
            let condition = columns["condition"].flatMap { $0 < row.fields.count ? row.fields[$0] : nil }
                .flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            transitions.append(
                Transition(
                    from: StepID(from), to: StepID(to), condition: condition, share: share,
                    source: row[field: columns["sharesource"]], location: location))
        }
        return transitions
    }
}

extension PathwayReader {
    /// CSV pathways: spreadsheet step and transition tables, or a plain edge list (`.csv`, `.tsv`, `.edgelist`).
    public static let csv = PathwayReader(
        name: "csv", extensions: ["csv", "tsv", "edgelist"],
        read: { data, path in try SpreadsheetPathwayReader.pathways(from: data, file: path) },
        readIndex: { path in
            // Only a plain edge list streams; a step table (or a CASE file, or a file that cannot be read) goes the
            // normal way, which reports what is wrong with it.
            guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
            defer { try? handle.close() }
            guard let head = try? handle.read(upToCount: 1 << 16), !CASEImporter.isCASECSV(head),
                SpreadsheetPathwayReader.isEdgeList(head: head)
            else { return nil }
            return [try EdgeListReader.index(contentsOf: path)]
        })
}
