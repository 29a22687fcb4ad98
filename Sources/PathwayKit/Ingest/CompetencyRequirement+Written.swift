extension CompetencyRequirement {
    /// Reads a requirement as the spreadsheet, GraphML and DOT conventions write it: the competency id, then
    /// optionally `@` and the level (`dpyd-genotype@B`).
    ///
    /// - Parameters:
    ///   - written: The text, already trimmed.
    ///   - location: Where it was written.
    public init(written: String, location: SourceLocation? = nil) {
        let parts = written.split(separator: "@", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        self.init(
            competency: CompetencyID(parts.first ?? written),
            level: parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil, location: location)
    }

    /// The requirement as the spreadsheet, GraphML and DOT conventions write it (`id` or `id@level`).
    public var written: String { competency.rawValue + (level.map { "@" + $0 } ?? "") }
}
