/// One dated entry of a project's status history: the status it moved to, when, who decided (for ratification,
/// the body that ratified it), and a note.
public struct StatusChange: Hashable, Sendable {
    public var status: ProjectStatus
    /// When, as precisely as the record gives it; `nil` when the record does not say (such an entry keeps its
    /// place in the list but is never in force for an `--as-of` date).
    public var date: HistoryDate?
    /// The body that made the change: for `ratified`, who ratified the project (the NHSE/I–HEE joint workforce
    /// steering group, the AoMRC genomics group).
    public var body: String?
    public var note: String?
    public var location: SourceLocation?

    public init(
        status: ProjectStatus, date: HistoryDate?, body: String? = nil, note: String? = nil,
        location: SourceLocation? = nil
    ) {
        self.status = status
        self.date = date
        self.body = body
        self.note = note
        self.location = location
    }
}

/// A date in a status history, as precise as the public record gives it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
///
/// Dates are ordered by their first day (`2021` as 2021-01-01, `2021-05` as 2021-05-01); a less precise date that
/// contains a more precise one is neither before nor after it for ``isBefore(_:)``, so that "2021" followed by
/// "2021-05" is in order, and so is the reverse.
public struct HistoryDate: Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or returns `nil`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]), year > 0 else {
            return nil
        }
        self.year = year
        if parts.count >= 2 {
            guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self.month = month
        } else {
            month = nil
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let day = Int(parts[2]), let month,
                (1...Self.days(in: month, of: year)).contains(day)
            else { return nil }
            self.day = day
        } else {
            day = nil
        }
    }

    static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The date as written.
    public var description: String {
        var text = padded(year, to: 4)
        if let month { text += "-" + padded(month, to: 2) }
        if let day { text += "-" + padded(day, to: 2) }
        return text
    }

    /// The first day the date can mean, as a sortable number `YYYYMMDD`.
    public var firstDay: Int { year * 10_000 + (month ?? 1) * 100 + (day ?? 1) }

    /// The last day the date can mean, as `YYYYMMDD`.
    public var lastDay: Int {
        let lastMonth = month ?? 12
        return year * 10_000 + lastMonth * 100 + (day ?? Self.days(in: lastMonth, of: year))
    }

    /// Whether this date is certainly before another: it ends before the other begins.
    public func isBefore(_ other: HistoryDate) -> Bool { lastDay < other.firstDay }

    /// Whether this date had certainly begun by a day (`YYYYMMDD`).
    public func hasBegun(by day: Int) -> Bool { firstDay <= day }
}

/// A number written with leading zeros to a width.
private func padded(_ value: Int, to width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
