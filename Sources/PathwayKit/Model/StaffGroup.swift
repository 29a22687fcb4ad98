/// A group of staff who perform steps: a profession or role as the Genomic Medicine Service names it.
public struct StaffGroup: Hashable, Sendable {
    public var id: StaffGroupID
    public var name: String
    /// The profession family ("medical", "nursing", "healthcare science", "pharmacy", "administrative", …).
    public var family: String?
    /// Other names the group is written under (free text on published pages).
    public var aliases: [String]
    public var location: SourceLocation?

    public init(
        id: StaffGroupID, name: String? = nil, family: String? = nil, aliases: [String] = [],
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name ?? id.rawValue
        self.family = family
        self.aliases = aliases
        self.location = location
    }
}
