import Foundation

extension GapReport {
    /// The columns of the CSV report, in order.
    public static let csvColumns = [
        "priority", "severity", "class", "project", "pathway", "subpathways", "step", "step_label", "staff_group",
        "setting", "competency", "statement", "required_level", "framework", "resource", "patients_per_year",
        "patients_estimated", "reach_steps", "reach_subpathways", "reach_projects", "reach_patients_per_year",
        "reach_patients_estimated", "message",
        "suggested_action", "file", "line", "column",
    ]

    /// The report as CSV: a header, then one row per gap in priority order.
    ///
    /// RFC 4180: fields holding a comma, a quote, CR or LF are quoted, quotes doubled, and lines end with CRLF.
    /// Cells are Excel-safe: a cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
    /// `'` so that a spreadsheet never runs it as a formula.
    public func csv() -> String { String(decoding: csvBytes(), as: UTF8.self) }

    /// The text of ``csv()`` as UTF-8, written without making a `String` per row or cell.
    ///
    /// - Complexity: O(size of the output).
    public func csvBytes() -> [UInt8] {
        var out = TextBuffer(capacity: 64 * 1024 + 400 * gaps.count)
        writeCSV(to: &out)
        return out.takeBytes()
    }

    /// Writes the text of ``csvBytes()`` in pieces of at least `chunkSize` bytes (the last may be shorter), each
    /// ending at the end of a record, handing each to `sink` as it is made.
    ///
    /// - Complexity: O(size of the output); memory O(`chunkSize` + one record).
    public func writeCSV(chunkSize: Int = 1 << 20, to sink: (UnsafeRawBufferPointer) -> Void) {
        TextBuffer.streaming(chunkSize: chunkSize, to: sink) { writeCSV(to: &$0) }
    }

    /// Writes the header and one record per gap.
    func writeCSV(to out: inout TextBuffer) {
        for (index, column) in Self.csvColumns.enumerated() {
            if index > 0 { out.append(",") }
            out.appendCSVField(column)
        }
        out.append("\r\n")
        var scratch = TextBuffer()
        gaps.withUnsafeBufferPointer { gaps in
            for index in gaps.indices {
                out.appendCSVRow(gaps[index], priority: index + 1, scratch: &scratch)
                out.drainIfFull()
            }
        }
    }

    /// One field: neutralised against formula injection, then quoted where RFC 4180 needs it.
    public static func csvField(_ text: String) -> String {
        var out = TextBuffer()
        out.appendCSVField(text)
        return out.text
    }
}

extension TextBuffer {
    /// Appends the CSV record of a gap (``GapReport/csvColumns``), ending in CRLF.
    ///
    /// - Parameter scratch: Room for the gap's message and action on their way to the record.
    mutating func appendCSVRow(_ gap: borrowing Gap, priority: Int, scratch: inout TextBuffer) {
        func field(_ text: String?) {
            append(byte: UInt8(ascii: ","))
            appendCSVField(text ?? "")
        }
        func field(_ value: Int?) {
            append(byte: UInt8(ascii: ","))
            if let value { appendCSVField(value) }
        }
        let reach = gap.reach
        let location = gap.location
        append(priority)
        field(gap.severity.rawValue)
        field(gap.gapClass.rawValue)
        field(gap.project)
        field(gap.pathway?.rawValue)
        let subpathways = gap.subpathways
        field(subpathways.count == 1 ? subpathways[0] : subpathways.joined(separator: " "))
        field(gap.step?.rawValue)
        field(gap.stepLabel)
        field(gap.staffGroup?.rawValue)
        field(gap.setting)
        field(gap.competency?.rawValue)
        field(gap.statement)
        field(gap.requiredLevel)
        field(gap.framework?.rawValue)
        field(gap.resource?.rawValue)
        field(ReportText.patients(gap.patientsPerYear))
        field(gap.patientsPerYear != nil && gap.patientsEstimated ? "yes" : nil)
        field(reach.steps)
        field(reach.subpathways)
        field(reach.projects)
        field(ReportText.patients(reach.patientsPerYear))
        field(reach.patientsPerYear != nil && reach.patientsEstimated ? "yes" : nil)
        append(byte: UInt8(ascii: ","))
        scratch.removeAll()
        gap.appendMessage(to: &scratch)
        scratch.withBytes { appendCSVField(utf8: $0) }
        append(byte: UInt8(ascii: ","))
        scratch.removeAll()
        gap.appendSuggestedAction(to: &scratch)
        scratch.withBytes { appendCSVField(utf8: $0) }
        field(location?.file)
        field(location?.line)
        field(location?.column)
        append("\r\n")
    }

    /// Appends one CSV field (see ``GapReport/csvField(_:)``): a leading `'` when the text begins with `=`, `+`,
    /// `-`, `@`, a tab or a carriage return; then the text, in double quotes with quotes doubled when it holds a
    /// comma, a quote, CR or LF.
    ///
    /// - Complexity: O(n) in the UTF-8 length of `text`.
    mutating func appendCSVField(_ text: String) {
        Self.withUTF8(text) { appendCSVField(utf8: $0) }
    }

    /// ``appendCSVField(_:)`` given the text's UTF-8 bytes.
    mutating func appendCSVField(utf8: UnsafeBufferPointer<UInt8>) {
        guard let first = utf8.first else { return }
        if utf8.contains(where: { ($0 < 32 && $0 != 9 && $0 != 10 && $0 != 13) || $0 == 127 }) {
            // Control characters other than tab and line breaks become spaces (a spreadsheet shows them as boxes
            // or drops the row); rare, so the cleaned copy costs nothing on ordinary text.
            let cleaned = String(
                decoding: utf8.map { ($0 < 32 && $0 != 9 && $0 != 10 && $0 != 13) || $0 == 127 ? 0x20 : $0 },
                as: UTF8.self)
            appendCSVField(cleaned)
            return
        }
        let isFormula =
            first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "@") || first == 9 || first == 13
        var needsQuotes = false
        var index = 0
        while !needsQuotes {
            index = ByteScan.skip(utf8, from: index) { word in
                ByteScan.has(word, UInt8(ascii: ",")) | ByteScan.has(word, UInt8(ascii: "\""))
                    | ByteScan.hasBelow(word, 14) != 0
            }
            guard index < utf8.count else { break }
            let byte = utf8[index]
            needsQuotes = byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 10 || byte == 13
            index += 1
        }
        if needsQuotes { append(byte: UInt8(ascii: "\"")) }
        if isFormula { append(byte: UInt8(ascii: "'")) }
        if !needsQuotes {
            append(utf8)
        } else if !appendBytewise(
            utf8: utf8, skipping: { ByteScan.has($0, UInt8(ascii: "\"")) != 0 },
            replacing: { byte, _ in byte == UInt8(ascii: "\"") ? "\"\"" : nil })
        {
            // Foundation's search skips a quote that begins a larger character (followed by a combining mark), as
            // the first version of this writer did.
            append(String(decoding: utf8, as: UTF8.self).replacingOccurrences(of: "\"", with: "\"\""))
        }
        if needsQuotes { append(byte: UInt8(ascii: "\"")) }
    }

    /// Appends an integer as a CSV field.
    mutating func appendCSVField(_ value: Int) {
        if value >= 0 { append(value) } else { appendCSVField(String(value)) }
    }
}
