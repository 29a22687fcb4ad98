import Foundation

extension GapReport {
    /// The columns of the CSV report, in order.
    public static let csvColumns = [
        "priority", "severity", "class", "project", "pathway", "subpathways", "step", "step_label", "staff_group",
        "setting", "competency", "statement", "required_level", "framework", "resource", "patients_per_year",
        "reach_steps", "reach_subpathways", "reach_projects", "reach_patients_per_year", "message",
        "suggested_action", "file", "line", "column",
    ]

    /// The report as CSV: a header, then one row per gap in priority order.
    ///
    /// RFC 4180: fields holding a comma, a quote, CR or LF are quoted, quotes doubled, and lines end with CRLF.
    /// Cells are Excel-safe: a cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
    /// `'` so that a spreadsheet never runs it as a formula.
    public func csv() -> String {
        var out = Self.csvRow(Self.csvColumns)
        for (index, gap) in gaps.enumerated() {
            out += Self.csvRow([
                String(index + 1), gap.severity.rawValue, gap.gapClass.rawValue, gap.project,
                gap.pathway?.rawValue ?? "", gap.subpathways.joined(separator: " "), gap.step?.rawValue ?? "",
                gap.stepLabel ?? "", gap.staffGroup?.rawValue ?? "", gap.setting ?? "", gap.competency?.rawValue ?? "",
                gap.statement ?? "", gap.requiredLevel ?? "", gap.framework?.rawValue ?? "", gap.resource?.rawValue ?? "",
                ReportText.patients(gap.patientsPerYear), String(gap.reach.steps), String(gap.reach.subpathways),
                String(gap.reach.projects), ReportText.patients(gap.reach.patientsPerYear), gap.message,
                gap.suggestedAction, gap.location?.file ?? "", gap.location?.line.map(String.init) ?? "",
                gap.location?.column.map(String.init) ?? "",
            ])
        }
        return out
    }

    /// One CSV record, neutralised and quoted, ending in CRLF.
    static func csvRow(_ cells: [String]) -> String {
        cells.map { csvField($0) }.joined(separator: ",") + "\r\n"
    }

    /// One field: neutralised against formula injection, then quoted where RFC 4180 needs it.
    public static func csvField(_ text: String) -> String {
        var cell = text
        if let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            cell = "'" + cell
        }
        if cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return cell
    }
}
