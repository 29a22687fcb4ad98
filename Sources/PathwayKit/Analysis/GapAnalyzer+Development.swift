extension GapAnalyzer.Context {
    /// What an in-hand gap found: what is missing now, who is developing what will cover it, and by when.
    static func inHandText(_ resource: EducationResource, who: String, competency: CompetencyID) -> GapText {
        .inHand(who: who, title: resource.title, owner: resource.owner, expected: resource.expected)
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
        guard
            let (_, found) = repeatedCoverFinds(partyOf: {
                $0.status == .inDevelopment ? $0.owner : nil
            })
        else { return [] }
        let reaches = stepsNeeding(found.map(\.number), pathways: pathways)
        var gaps: [Gap] = []
        for (duplicate, reach) in zip(found, reaches) {
            let need = duplicate.need
            let definition = self.definition(of: need)
            let repeating = project.resources[duplicate.repeating.resource]
            let listed = duplicate.covers.map { cover in
                let resource = project.resources[cover.resource]
                return RepeatedResources.Entry(
                    resource: resource.id, provider: resource.owner, expected: resource.expected)
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
                text: .developedTwice(RepeatedResources(entries: listed, providers: distinct.count), owners: distinct))
            gap.localNeed = localNeed(.duplicateDevelopment, group: 0, need: Int32(duplicate.number))
            gap.reach = GapReach(
                steps: reach.steps, subpathways: reach.subpathways.count, projects: 1, patientsPerYear: reach.patients)
            gaps.append(gap)
        }
        return gaps
    }
}
