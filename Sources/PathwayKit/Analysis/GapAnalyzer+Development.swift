extension GapAnalyzer.Context {
    /// The text of an in-hand gap: what is missing now, who is developing what will cover it, and by when.
    static func inHandText(_ resource: EducationResource, who: String, competency: CompetencyID) -> GapText {
        let owner = resource.owner ?? "an owner not named"
        let when = resource.expected.map { ", expected \($0)" } ?? ", with no expected date"
        return .written(
            message:
                "no available resource develops '\(competency)' for \(who) yet; '\(resource.id)' (\(resource.title)) is in development by \(owner)\(when)",
            action:
                "Point \(who) to '\(resource.id)' when \(owner) publishes it; until then the need is in hand, not unmet."
        )
    }

    /// The gaps of resources being developed twice: for each competency a step needs (pooled across equivalences),
    /// resources in development by two or more owners (projects, regions; compared ignoring case) that will each
    /// fully develop it to the same level for a shared audience. Found like duplicate resources
    /// (``repeatedCovers(of:providers:scratch:)``), with owners in place of providers and only resources in
    /// development counted; one warning per competency naming every resource and owner, at the first that repeats
    /// another, reaching the steps that need the competency. Projects that load the same catalogue each find the
    /// duplication, and the report pools it into one need across them.
    ///
    /// - Complexity: As ``duplicateResourceGaps(pathways:)``.
    mutating func duplicateDevelopmentGaps(pathways: [PathwayAnalysis]) -> [Gap] {
        var numberOfOwner: [String: Int32] = [:]
        let owners = project.resources.map { resource -> Int32 in
            guard resource.status == .inDevelopment, let name = resource.owner?.lowercased(), !name.isEmpty else {
                return -1
            }
            let number = numberOfOwner[name] ?? Int32(numberOfOwner.count)
            numberOfOwner[name] = number
            return number
        }
        guard numberOfOwner.count > 1 else { return [] }
        var needs = [CompetencyID?](repeating: nil, count: needNumbers.count)
        for (need, number) in needNumbers { needs[Int(number)] = need }
        var scratch = DuplicateScratch(
            tallies: Array(repeating: ProviderTally(), count: groupNames.count),
            stamps: Array(repeating: -1, count: groupNames.count),
            counted: Array(repeating: -1, count: project.resources.count))
        var found: [(number: Int, need: CompetencyID, covers: [FullCover], repeating: FullCover)] = []
        for (number, need) in needs.enumerated() {
            guard let need, let repeated = repeatedCovers(of: need, providers: owners, scratch: &scratch) else {
                continue
            }
            found.append((number, need, repeated.covers, repeated.repeating))
        }
        guard !found.isEmpty else { return [] }
        let reaches = stepsNeeding(found.map(\.number), pathways: pathways)
        var gaps: [Gap] = []
        for (duplicate, reach) in zip(found, reaches) {
            let need = duplicate.need
            let definition = self.definition(of: need)
            let repeating = project.resources[duplicate.repeating.resource]
            let listed = duplicate.covers.map { cover in
                let resource = project.resources[cover.resource]
                return
                    "'\(resource.id)' (\(resource.owner ?? "?")\(resource.expected.map { ", expected \($0)" } ?? ""))"
            }
            let ownerNames = duplicate.covers.compactMap { project.resources[$0.resource].owner }
            var distinct: [String] = []
            for name in ownerNames where !distinct.contains(where: { $0.lowercased() == name.lowercased() }) {
                distinct.append(name)
            }
            var gap = Gap(
                .duplicateDevelopment,
                site: Gap.Site(
                    project: projectID, pathway: nil, subpathways: reach.subpathways, subpathwayNumbers: nil,
                    step: nil, stepLabel: nil, patientsPerYear: reach.patients),
                subject: Gap.Subject(
                    competency: need, requiredLevel: nil, framework: definition?.framework.id,
                    statement: definition?.competency.statement, need: need, setting: nil,
                    location: duplicate.repeating.coverage.location ?? repeating.location, levelRank: nil),
                resource: repeating.id,
                text: .written(
                    message:
                        "'\(need)' is being developed twice: \(distinct.joined(separator: " and ")) are each developing a resource that will fully develop it, to the same level and for a shared audience: \(listed.joined(separator: ", "))",
                    action:
                        "Bring \(distinct.joined(separator: " and ")) together to develop one resource for '\(need)' (or agree how theirs will differ) before both are finished."
                ))
            gap.localNeed = localNeed(.duplicateDevelopment, group: 0, need: Int32(duplicate.number))
            gap.reach = GapReach(
                steps: reach.steps, subpathways: reach.subpathways.count, projects: 1, patientsPerYear: reach.patients)
            gaps.append(gap)
        }
        return gaps
    }
}
