/// Small formatting rules shared by the report writers, so that every format prints the same value the same way.
enum ReportText {
    /// Patients per year, rounded to one decimal place, without a trailing `.0`.
    static func patients(_ value: Double?) -> String {
        guard let value else { return "" }
        return OrderedTree.format((value * 10).rounded() / 10)
    }

    /// The JSON value for patients per year (rounded as ``patients(_:)``).
    static func patientsTree(_ value: Double?) -> OrderedTree? {
        value.map { .number(($0 * 10).rounded() / 10) }
    }

    /// `file:line:col`, or empty.
    static func location(_ location: SourceLocation?) -> String { location?.description ?? "" }

    /// Where a gap is: `project / pathway / step`, or the staff group and setting for workforce gaps.
    static func place(_ gap: Gap) -> String {
        var parts = [gap.project]
        if let pathway = gap.pathway { parts.append(pathway.rawValue) }
        if let step = gap.step { parts.append(step.rawValue) }
        return parts.joined(separator: " / ")
    }

    /// The subject of a gap: staff group, competency (with level), resource, setting.
    static func subject(_ gap: Gap) -> String {
        var parts: [String] = []
        if let group = gap.staffGroup { parts.append(group.rawValue) }
        if let setting = gap.setting { parts.append(setting) }
        if let competency = gap.competency {
            parts.append(competency.rawValue + (gap.requiredLevel.map { " @\($0)" } ?? ""))
        }
        if let resource = gap.resource { parts.append(resource.rawValue) }
        return parts.joined(separator: " · ")
    }

    static func plural(_ count: Int, _ word: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? word : plural ?? word + "s")"
    }
}
