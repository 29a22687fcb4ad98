import Testing

@testable import PathwayKit

@Suite struct CalendarDateTests {
    @Test(
        "adding months keeps the day, or clamps it to the end of a shorter month",
        arguments: [
            ("2024-05-31", 24, "2026-05-31"),
            ("2023-08-02", 24, "2025-08-02"),
            ("2024-01-31", 1, "2024-02-29"),
            ("2023-01-31", 1, "2023-02-28"),
            ("2024-02-29", 12, "2025-02-28"),
            ("2024-02-29", 48, "2028-02-29"),
            ("1900-01-29", 1, "1900-02-28"),
            ("2000-01-29", 1, "2000-02-29"),
            ("2024-03-31", 1, "2024-04-30"),
            ("2024-11-30", 2, "2025-01-30"),
            ("2024-12-15", 1, "2025-01-15"),
            ("2024-01-15", -1, "2023-12-15"),
            ("2024-03-31", -1, "2024-02-29"),
            ("2024-06-01", 0, "2024-06-01"),
        ])
    func addingMonths(date: String, months: Int, expected: String) throws {
        let start = try #require(CalendarDate(date))
        #expect(start.adding(months: months)?.description == expected)
    }

    @Test("reads only YYYY-MM-DD; a day past the month's end is its last day")
    func parsing() {
        #expect(CalendarDate("2026-11-25") == CalendarDate(year: 2026, month: 11, day: 25))
        #expect(CalendarDate("2025-02-30") == CalendarDate(year: 2025, month: 2, day: 28))
        for bad in [
            "", "2026-1-25", "2026/11/25", "26-11-2025", "2026-13-01", "2026-00-10", "2026-11-00",
            "2026-11-32", "+026-11-25", "2026-11-25T00:00", "２０２６-11-25",
        ] {
            #expect(CalendarDate(bad) == nil, "\(bad)")
        }
    }

    @Test("dates order by year, then month, then day")
    func ordering() throws {
        let dates = try ["2025-08-02", "2024-12-31", "2025-01-01", "2025-08-03"].map { try #require(CalendarDate($0)) }
        #expect(dates.sorted().map(\.description) == ["2024-12-31", "2025-01-01", "2025-08-02", "2025-08-03"])
    }

    @Test("a month count that overflows gives no date")
    func overflow() throws {
        #expect(try #require(CalendarDate("2024-01-01")).adding(months: Int.max) == nil)
    }
}
