/// Matches the staff groups that steps name to a project's staff groups by id, name or alias, so that a BPMN lane
/// "General practitioner", a DOT `staff` attribute or a CSV `staffGroups` cell written as a name finds the group
/// `gp` whose name it is.
///
/// Names are compared as slugs (``StaffGroupID/init(slugging:)``: lower case, each run of other characters one
/// hyphen), so `General practitioner`, `general-practitioner` and `GENERAL_PRACTITIONER` are the same name. An exact
/// id always wins; then a slug equal to a group's id, then to its name, then to one of its aliases; the first group
/// in file order wins a tie.
public struct StaffGroupMatcher: Sendable {
    /// How a written name was matched.
    public struct Match: Hashable, Sendable {
        /// The staff group matched.
        public var group: StaffGroupID
        /// What matched: `id`, `name` or `alias`.
        public var field: String
        /// The group's id, name or alias that matched, as the staff group file writes it.
        public var value: String
    }

    private let ids: Set<StaffGroupID>
    private let bySlug: [String: Match]

    /// A matcher over a project's staff groups.
    ///
    /// - Complexity: O(g + a) for g groups with a aliases in all.
    public init(_ groups: [StaffGroup]) {
        ids = Set(groups.map(\.id))
        var bySlug: [String: Match] = [:]
        for (field, values) in [
            ("id", groups.map { [($0.id, $0.id.rawValue)] }),
            ("name", groups.map { [($0.id, $0.name)] }),
            ("alias", groups.map { group in group.aliases.map { (group.id, $0) } }),
        ] {
            for (group, value) in values.joined() {
                let slug = StaffGroupID(slugging: value).rawValue
                if bySlug[slug] == nil { bySlug[slug] = Match(group: group, field: field, value: value) }
            }
        }
        self.bySlug = bySlug
    }

    /// The group a written name stands for, when it is not a group's id as written but matches one by id, name or
    /// alias; `nil` for an exact id or a name that matches nothing.
    public func match(_ written: StaffGroupID) -> Match? {
        guard !ids.contains(written) else { return nil }
        return bySlug[StaffGroupID(slugging: written.rawValue).rawValue]
    }

    /// The loaded pathways with every step's staff groups matched, and one note per pathway and name matched (rule
    /// `staff-group-matched`, at the first step that names it, in the order the steps are written) saying which
    /// group it matched and how.
    ///
    /// Matching works on each pathway's index: the names of its staff group table are matched, each once, and a
    /// pathway that names a group by name or alias gets the index with those names replaced by the groups' ids
    /// (``PathwayIndex/renamingStaffGroups(_:)``); one whose staff groups are all ids as written (or match nothing)
    /// keeps its index as read. No pathway or step value is made.
    ///
    /// - Complexity: O(distinct staff groups) per pathway that needs no change; O(V + s) for one that does, with s
    ///   staff group mentions.
    public func matching(_ graphs: [PathwayGraph]) -> (graphs: [PathwayGraph], findings: [Finding]) {
        var findings: [Finding] = []
        let matched = graphs.map { graph in
            let index = graph.index
            // The match of each staff group the pathway's steps name, each id slugged once.
            let matches = index.staffGroupIDs.indices.map { match(StaffGroupID(index.staffGroupIDs[$0])) }
            guard
                matches.contains(where: { $0 != nil })
                    || index.duplicateSteps.contains(where: { $0.step.staffGroups.contains { match($0) != nil } })
            else { return graph }
            var noted: Set<StaffGroupID> = []
            func note(_ written: StaffGroupID, _ match: Match?, at location: SourceLocation?) {
                guard let match, noted.insert(written).inserted else { return }
                findings.append(
                    Finding(
                        .note, rule: "staff-group-matched",
                        "'\(written)' is taken as staff group '\(match.group)', whose \(match.field) is '\(match.value)'",
                        at: location ?? index.location))
            }
            index.forEachWrittenStep { written in
                switch written {
                case .indexed(let step):
                    let groups = index.staffGroups(step)
                    guard groups.contains(where: { matches[$0.position] != nil }) else { return }
                    let location = index.location(step)
                    for group in groups {
                        note(StaffGroupID(index.staffGroupIDs[group]), matches[group.position], at: location)
                    }
                case .duplicate(let step):
                    for group in step.staffGroups { note(group, match(group), at: step.location) }
                }
            }
            return PathwayGraph(index: index.renamingStaffGroups { match($0)?.group })
        }
        return (matched, findings)
    }

    /// ``matching(_:)-([PathwayGraph])`` on pathway values: each is indexed, matched on its index, and given back as
    /// a value (the same value where nothing matched).
    ///
    /// - Complexity: O(V + E) per pathway to index it, beyond ``matching(_:)-([PathwayGraph])``.
    public func matching(_ pathways: [Pathway]) -> (pathways: [Pathway], findings: [Finding]) {
        let (graphs, findings) = matching(pathways.map(PathwayGraph.init))
        return (graphs.map(\.pathway), findings)
    }
}
