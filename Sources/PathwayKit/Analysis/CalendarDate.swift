/// A day on the proleptic Gregorian calendar (year, month, day), with no time of day and no time zone.
///
/// Review dates are written `YYYY-MM-DD` and reasoned about as calendar dates, so no clock, `Calendar` or time
/// zone takes part and the same input always gives the same answer.
struct CalendarDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    var year: Int
    /// 1 to 12.
    var month: Int
    /// 1 to the length of the month.
    var day: Int

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads a date written `YYYY-MM-DD` (four-digit year, month 1–12, day 1–31, as input files are checked); a day
    /// past the end of its month (`2025-02-30`) is taken as the month's last day. `nil` for anything else.
    init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        self.init(year: year, month: month, day: min(day, Self.days(inMonth: month, of: year)))
    }

    /// The number of days in a month of a year (February has 29 in leap years: divisible by 4, and centuries only
    /// when divisible by 400).
    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The same day of the month `months` months later (earlier when negative), or the last day of that month when
    /// it is shorter: 2024-05-31 plus 24 months is 2026-05-31, 2024-01-31 plus 1 month is 2024-02-29.
    ///
    /// - Returns: `nil` when the month count overflows `Int`.
    /// - Complexity: O(1).
    func adding(months: Int) -> CalendarDate? {
        let (index, overflow) = (year * 12 + month - 1).addingReportingOverflow(months)
        guard !overflow else { return nil }
        // Floor division, so that months before year 0 still land in 1...12.
        let newYear = index >= 0 ? index / 12 : -((-index + 11) / 12)
        let newMonth = index - newYear * 12 + 1
        return CalendarDate(year: newYear, month: newMonth, day: min(day, Self.days(inMonth: newMonth, of: newYear)))
    }

    /// `YYYY-MM-DD`, the year padded to four digits.
    var description: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
