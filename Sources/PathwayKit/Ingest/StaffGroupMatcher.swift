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

    /// ``matching(_:)-([Pathway])`` on loaded pathways: a pathway whose staff groups are all ids as written (or match
    /// nothing) keeps its index as read; only one with a name to match is indexed again.
    ///
    /// - Complexity: O(distinct staff groups) per pathway that needs no change.
    public func matching(_ graphs: [PathwayGraph]) -> (graphs: [PathwayGraph], findings: [Finding]) {
        var findings: [Finding] = []
        let matched = graphs.map { graph in
            let index = graph.index
            let needed =
                index.staffGroupIDs.names.contains { match(StaffGroupID($0)) != nil }
                || index.duplicateSteps.contains { $0.step.staffGroups.contains { match($0) != nil } }
            guard needed else { return graph }
            let result = matching([graph.pathway])
            findings += result.findings
            return result.pathways.first.map(PathwayGraph.init) ?? graph
        }
        return (matched, findings)
    }

    /// The pathways with every step's staff groups matched, and one note per pathway and name matched (rule
    /// `staff-group-matched`, at the first step that names it) saying which group it matched and how.
    ///
    /// - Complexity: O(s) for s staff group mentions, beyond the matcher's build.
    public func matching(_ pathways: [Pathway]) -> (pathways: [Pathway], findings: [Finding]) {
        var findings: [Finding] = []
        let matched = pathways.map { pathway in
            var pathway = pathway
            var noted: Set<StaffGroupID> = []
            for index in pathway.steps.indices {
                for (position, written) in pathway.steps[index].staffGroups.enumerated() {
                    guard let match = match(written) else { continue }
                    pathway.steps[index].staffGroups[position] = match.group
                    guard noted.insert(written).inserted else { continue }
                    findings.append(
                        Finding(
                            .note, rule: "staff-group-matched",
                            "'\(written)' is taken as staff group '\(match.group)', whose \(match.field) is "
                                + "'\(match.value)'",
                            at: pathway.steps[index].location ?? pathway.location))
                }
            }
            return pathway
        }
        return (matched, findings)
    }
}
