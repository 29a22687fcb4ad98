/// How much a finding matters.
public enum Severity: String, Hashable, Sendable, Codable, Comparable, CaseIterable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// Something worth telling about a file that could be read: a broken reference, an unreachable step, a construct
/// an importer could not carry over. Findings are values, collected and printed, never thrown.
public struct Finding: Hashable, Sendable, CustomStringConvertible {
    public var severity: Severity
    /// A stable, kebab-case name for the rule that fired (`unknown-step`), for filtering and for machines.
    public var rule: String
    public var message: String
    public var location: SourceLocation?

    public init(_ severity: Severity, rule: String, _ message: String, at location: SourceLocation?) {
        self.severity = severity
        self.rule = rule
        self.message = message
        self.location = location
    }

    /// `file:line:col: severity: message [rule]`, as compilers print it: always one line, with control and bidi
    /// characters escaped and the message cut (``Quote/message(_:)``), so that no input can forge another line.
    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        return Quote.message("\(place)\(severity.rawValue): \(message)") + " [\(Quote.escaped(rule))]"
    }
}

extension Array where Element == Finding {
    /// Findings in a stable order: by file, line, column, then rule and message.
    public func sortedForOutput() -> [Finding] {
        sorted {
            let l = $0.location ?? SourceLocation(file: "")
            let r = $1.location ?? SourceLocation(file: "")
            if l != r { return l < r }
            if $0.rule != $1.rule { return $0.rule < $1.rule }
            return $0.message < $1.message
        }
    }
}
