/// A resource overdue for review, once, with every place it is relied on: one action (ask its provider to review
/// it) closes all its stale-resource gaps.
public struct StaleResourceNeed: Hashable, Sendable {
    public var resource: ResourceID
    /// The first of its gaps, in priority order (its message says which review rule fired).
    public var priority: Int
    /// The competencies it is relied on for, in the order first met.
    public var competencies: [CompetencyID]
    /// The staff groups pointed to it, in id order.
    public var staffGroups: [StaffGroupID]
    /// The steps that rely on it, sorted.
    public var steps: [StepReference]
    public var projects: [String]
}

extension GapReport {
    /// The resources overdue for review, one entry each, in the order of their first gap (priority order).
    ///
    /// - Complexity: O(G) expected, plus sorting each resource's steps.
    public func staleResources() -> [StaleResourceNeed] {
        var order: [ResourceID] = []
        var entries: [ResourceID: StaleResourceNeed] = [:]
        var steps: [ResourceID: Set<StepReference>] = [:]
        for (index, gap) in gaps.enumerated() where gap.gapClass == .staleResource {
            guard let resource = gap.resource else { continue }
            if entries[resource] == nil {
                order.append(resource)
                entries[resource] = StaleResourceNeed(
                    resource: resource, priority: index + 1, competencies: [], staffGroups: [], steps: [],
                    projects: [])
            }
            if let competency = gap.competency, entries[resource]?.competencies.contains(competency) == false {
                entries[resource]?.competencies.append(competency)
            }
            if let group = gap.staffGroup, entries[resource]?.staffGroups.contains(group) == false {
                entries[resource]?.staffGroups.append(group)
            }
            if entries[resource]?.projects.contains(gap.project) == false {
                entries[resource]?.projects.append(gap.project)
            }
            if let pathway = gap.pathway, let step = gap.step {
                steps[resource, default: []].insert(
                    StepReference(project: gap.project, pathway: pathway, step: step, place: gap.place))
            }
        }
        return order.compactMap { resource in
            guard var entry = entries[resource] else { return nil }
            entry.staffGroups.sort()
            entry.projects.sort()
            entry.steps = (steps[resource] ?? []).sorted()
            return entry
        }
    }
}
