/// Where a value was written: a file and, where the format gives one, a line and column (both 1-based) or an
/// element name.
public struct SourceLocation: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The file's path as the user gave it (relative paths stay relative so that messages stay short).
    public var file: String
    /// The 1-based line, or `nil` where the format has no lines (for example a bulk edge list row counts as a line).
    public var line: Int?
    /// The 1-based column, where known.
    public var column: Int?
    /// An element name or id, for formats where that is the better pointer (BPMN, GraphML).
    public var element: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, element: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.element = element
    }

    /// `file:line:col`, as compilers print it, with the element in brackets where there is one (quoted as
    /// ``Quote/line(_:)`` quotes input: one line of at most 200 characters, control characters escaped).
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        if let element { text += " [\(Quote.line(element))]" }
        return text
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.column ?? 0, lhs.element ?? "")
            < (rhs.file, rhs.line ?? 0, rhs.column ?? 0, rhs.element ?? "")
    }
}
