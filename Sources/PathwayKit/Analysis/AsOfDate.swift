/// The date that time-dependent checks are made against, so that a report can be reproduced: a calendar date
/// written `YYYY-MM-DD`.
public struct AsOfDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The date as written.
    public let rawValue: String

    /// Reads a date written `YYYY-MM-DD`, or returns `nil`.
    public init?(_ text: String) {
        guard text.isISODate else { return nil }
        rawValue = text
    }

    public var description: String { rawValue }

    /// Dates written `YYYY-MM-DD` sort as text.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Whether a date written `YYYY-MM-DD` is before this one (text that is not a date never is).
    public func isAfter(_ date: String) -> Bool { date.isISODate && date < rawValue }
}
