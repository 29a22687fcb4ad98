/// A typed identifier: a string that names one kind of thing, so that a step id cannot be passed where a
/// competency id is expected.
///
/// `Tag` is a phantom type; it is never stored.
public struct Identifier<Tag>: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The identifier as written in the source file.
    public let rawValue: String

    /// Creates an identifier from its written form.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Phantom tags for ``Identifier``.
public enum IdentifierTag {
    public enum Step {}
    public enum StaffGroup {}
    public enum Competency {}
    public enum Resource {}
    public enum Framework {}
    public enum Pathway {}
}

public typealias StepID = Identifier<IdentifierTag.Step>
public typealias StaffGroupID = Identifier<IdentifierTag.StaffGroup>
public typealias CompetencyID = Identifier<IdentifierTag.Competency>
public typealias ResourceID = Identifier<IdentifierTag.Resource>
public typealias FrameworkID = Identifier<IdentifierTag.Framework>
public typealias PathwayID = Identifier<IdentifierTag.Pathway>
