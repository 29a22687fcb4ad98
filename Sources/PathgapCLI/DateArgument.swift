import PathwayKit

/// Reading a date given on the command line (`--as-of`), with a message that says which part is wrong.
enum DateArgument {
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// Reads a calendar date written `YYYY-MM-DD`.
    ///
    /// - Parameters:
    ///   - text: The date as written.
    ///   - option: The option it was given to, for the message (`--as-of`).
    /// - Throws: ``CommandError`` (bad input) naming the month or day that does not exist, or the expected form.
    static func date(_ text: String, option: String) throws -> AsOfDate {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else {
            throw CommandError(
                message: "\(option) must be a date written YYYY-MM-DD, found '\(text)'", status: ExitStatus.badInput)
        }
        guard (1...12).contains(month) else {
            throw CommandError(
                message: "\(option) '\(text)': there is no month \(parts[1]) (months are 01 to 12)",
                status: ExitStatus.badInput)
        }
        let days = daysIn(month: month, year: year)
        guard (1...days).contains(day) else {
            throw CommandError(
                message:
                    "\(option) '\(text)': there is no day \(parts[2]) in \(monthNames[month - 1]) \(year) "
                    + "(it has \(days) days)",
                status: ExitStatus.badInput)
        }
        guard let date = AsOfDate(text) else {
            throw CommandError(
                message: "\(option) must be a date written YYYY-MM-DD, found '\(text)'", status: ExitStatus.badInput)
        }
        return date
    }

    /// The number of days in a month of the Gregorian calendar.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
