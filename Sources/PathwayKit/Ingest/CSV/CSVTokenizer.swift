/// One record of a CSV file: its fields and the line it starts on.
struct CSVRecord: Hashable, Sendable {
    var fields: [String]
    /// The 1-based line the record starts on.
    var line: Int

    /// Whether every field is empty (a blank line, or a spreadsheet's row of bare separators).
    var isBlank: Bool { fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }

    /// A field by index, trimmed; `nil` when the record is shorter or the field is empty.
    subscript(field index: Int?) -> String? {
        guard let index, index < fields.count else { return nil }
        let text = fields[index].trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }
}

/// Splits text into CSV records as RFC 4180 writes them: fields separated by a separator, quoted with `"` where
/// they hold separators, quotes (doubled) or line breaks; records ending with CRLF, LF or a lone CR.
enum CSVTokenizer {
    /// Splits text into records.
    ///
    /// - Parameters:
    ///   - text: The whole file (a byte-order mark already removed).
    ///   - separator: The field separator (`,` or a tab).
    ///   - file: The path, for the error.
    /// - Returns: Every record, blank ones included (as one empty field), with its starting line.
    /// - Throws: ``InputError`` at the line where a quoted field opens but never closes.
    /// - Complexity: O(n) in the length of the text.
    static func records(_ text: String, separator: Unicode.Scalar = ",", file: String) throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 0
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending {
                pending = nil
                return scalar
            }
            return iterator.next()
        }
        func endRecord() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            records.append(CSVRecord(fields: fields, line: recordLine))
            fields = []
        }
        var sawAnything = false
        while let scalar = next() {
            sawAnything = true
            if inQuotes {
                if scalar == "\"" {
                    if let following = next() {
                        if following == "\"" {
                            field.append("\"")
                        } else {
                            inQuotes = false
                            pending = following
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" {
                        line += 1
                    } else if scalar == "\r" {
                        if let following = next() {
                            if following != "\n" { pending = following }
                        }
                        // A line break inside a quoted field is kept as one "\n", whatever the file's line ends.
                        field.append("\n")
                        line += 1
                        continue
                    }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                inQuotes = true
                quoteLine = line
            case separator:
                fields.append(String(field))
                field = String.UnicodeScalarView()
            case "\r", "\n":
                if scalar == "\r", let following = next(), following != "\n" { pending = following }
                endRecord()
                line += 1
                recordLine = line
                sawAnything = false
            default:
                field.append(scalar)
            }
        }
        if inQuotes {
            throw InputError(
                "a quoted field opens here and never closes (a missing \")",
                at: SourceLocation(file: file, line: quoteLine))
        }
        if sawAnything || !fields.isEmpty || !field.isEmpty { endRecord() }
        return records
    }

    /// A field written for CSV: quoted when it holds a separator, a quote, a line break or edge spaces.
    static func escape(_ field: String) -> String {
        let needsQuotes =
            field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || (field.first?.isWhitespace ?? false) || (field.last?.isWhitespace ?? false)
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
