extension PathwayIndex {
    /// The index with staff groups renamed: every step that names a group `rename` gives a new id names that id
    /// instead, later definitions of repeated ids included. Groups renamed to one id become one group; the groups
    /// keep the order in which steps first name them, as an index built from the renamed steps would.
    ///
    /// - Parameter rename: The id a staff group id stands for, or `nil` to keep it.
    /// - Complexity: O(G + S) for G staff groups and S mentions of them, `rename` called once per group (and once
    ///   per mention in a later definition of a repeated id).
    func renamingStaffGroups(_ rename: (StaffGroupID) -> StaffGroupID?) -> PathwayIndex {
        var renamed = self
        var names = NameTable<StaffGroup>(capacity: staffGroupIDs.count)
        let number = staffGroupIDs.indices.map { group in
            let id = StaffGroupID(staffGroupIDs[group])
            return names.intern((rename(id) ?? id).rawValue).index
        }
        renamed.staffGroupIDs = names
        renamed.staffMembers = staffMembers.map { number[$0.position] }
        for position in renamed.duplicateSteps.indices {
            renamed.duplicateSteps[position].step.staffGroups = duplicateSteps[position].step.staffGroups.map {
                rename($0) ?? $0
            }
        }
        return renamed
    }
}
