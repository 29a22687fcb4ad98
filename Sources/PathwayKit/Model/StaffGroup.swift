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

extension Identifier where Tag == IdentifierTag.StaffGroup {
    /// A staff group id made from a name as drawn in another tool (a BPMN lane, a DOT cluster label): lower case,
    /// each run of other characters as one hyphen ("Hiring  Manager" → `hiring-manager`).
    public init(slugging name: String) {
        var slug = ""
        var pendingHyphen = false
        for character in name.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingHyphen, !slug.isEmpty { slug += "-" }
                slug.append(character)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        self.init(slug.isEmpty ? name : slug)
    }
}
