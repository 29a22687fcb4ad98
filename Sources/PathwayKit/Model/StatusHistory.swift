/// Checks and reads a project's status history (`history` in `project.yaml`).
public enum StatusHistory {
    /// What `validate` reports about a manifest's history:
    ///
    /// - `history-order` (error): an entry dated before the one above it;
    /// - `ratification-body` (error): a `ratified` entry that names no `body`, or a project whose status is
    ///   `ratified` with no ratified entry naming who ratified it;
    /// - `status-history` (error): `status` differs from the status of the last history entry;
    /// - `legacy-status` (warning): the old `completed` status, which says neither ratified nor published;
    /// - `published-page` (warning): a published project with no `publishedPage`.
    ///
    /// - Complexity: O(entries).
    public static func findings(for manifest: ProjectManifest) -> [Finding] {
        var findings: [Finding] = []
        let history = manifest.history
        let dated = history.filter { $0.date != nil }
        for (previous, entry) in zip(dated, dated.dropFirst()) {
            guard let date = entry.date, let previousDate = previous.date, date.isBefore(previousDate) else { continue }
            findings.append(
                Finding(
                    .error, rule: "history-order",
                    "history entry '\(entry.status.rawValue)' dated \(date) comes after one dated \(previousDate); "
                        + "list the history oldest first",
                    at: entry.location ?? manifest.location))
        }
        for entry in history where entry.status == .ratified && (entry.body ?? "").isEmpty {
            findings.append(
                Finding(
                    .error, rule: "ratification-body",
                    "the project was ratified\(entry.date.map { " on \($0)" } ?? "") but the entry names no 'body' (who ratified it)",
                    at: entry.location ?? manifest.location))
        }
        if manifest.status == .ratified, !history.contains(where: { $0.status == .ratified }) {
            findings.append(
                Finding(
                    .error, rule: "ratification-body",
                    "the project is 'ratified' but its history has no dated 'ratified' entry naming who ratified it",
                    at: manifest.statusLocation ?? manifest.location))
        }
        if let last = history.last, last.status != manifest.status, manifest.statusLocation != nil {
            findings.append(
                Finding(
                    .error, rule: "status-history",
                    "'status' is '\(manifest.status.rawValue)' but the last history entry is "
                        + "'\(last.status.rawValue)'; leave 'status' out or make them agree",
                    at: manifest.statusLocation ?? manifest.location))
        }
        if manifest.status == .completed {
            findings.append(
                Finding(
                    .warning, rule: "legacy-status",
                    "status 'completed' is the old name; say 'ratified' or 'published' (with a dated history)",
                    at: manifest.statusLocation ?? manifest.location))
        }
        if manifest.status == .published, (manifest.publishedPage ?? "").isEmpty {
            findings.append(
                Finding(
                    .warning, rule: "published-page", "the project is published but gives no 'publishedPage'",
                    at: manifest.statusLocation ?? history.last?.location ?? manifest.location))
        }
        return findings
    }

    /// The last status change on or before a day, if the history gives one.
    ///
    /// - Parameters:
    ///   - manifest: The project.
    ///   - day: The day, as `YYYYMMDD` (see ``HistoryDate/firstDay``); `nil` for the latest.
    /// - Returns: The entry in force that day: the last dated one whose date had begun by then (undated entries
    ///   are never in force on a given day); without a day, the last entry.
    public static func change(of manifest: ProjectManifest, asOf day: Int?) -> StatusChange? {
        guard let day else { return manifest.history.last }
        return manifest.history.last { $0.date?.hasBegun(by: day) ?? false }
    }
}
