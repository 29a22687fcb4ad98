extension GapAnalyzer.Context {
    /// A resource's full coverage of a competency: a `develops` entry that is not partial, of a resource that is not
    /// a placeholder and names its provider.
    struct FullCover {
        var resource: Int
        var coverage: ResourceCoverage
        /// The framework of the competency the entry names, when the entry states a level (levels compare only
        /// within one framework's scheme).
        var framework: FrameworkID?

        /// Entries with equal keys develop the competency to the same level; within a level, catalogue order.
        var key: (Int, String, String, Int) {
            (coverage.level == nil ? 0 : 1, framework?.rawValue ?? "", coverage.level ?? "", resource)
        }

        func hasSameLevel(as other: FullCover) -> Bool {
            coverage.level == other.coverage.level && framework == other.framework
        }
    }

    /// The providers seen so far in one audience: the first (by number) and whether there was another.
    struct ProviderTally {
        var first: Int32 = -1
        var isMixed = false

        mutating func add(_ provider: Int32) {
            if first < 0 {
                first = provider
            } else if provider != first {
                isMixed = true
            }
        }

        /// Whether a provider other than this one was seen.
        func hasOther(than provider: Int32) -> Bool { isMixed || (first >= 0 && first != provider) }
    }

    /// The steps that need a competency: how many, their sub-pathways in the order met, and the patients through
    /// them.
    struct StepsNeeding {
        var steps = 0
        var subpathways: [String] = []
        var patients: Double?
        var estimated = false
    }

    /// Working space reused across competencies, so that each is checked without allocating per staff group.
    struct DuplicateScratch {
        /// Providers per staff group (by number), valid where `stamps` holds the current run.
        var tallies: [ProviderTally]
        var stamps: [Int32]
        var run: Int32 = 0
        /// The competency (by run) that last counted each resource (by index).
        var counted: [Int32]
    }

    /// For each competency a step needs, the full covers that repeat across parties (providers, owners), where
    /// `partyOf` names a resource's party (`nil`: the resource takes no part); parties are compared as written,
    /// ignoring case. `nil` when fewer than two parties are named or nothing repeats.
    ///
    /// - Complexity: As ``repeatedCovers(of:providers:scratch:)`` over every competency needed.
    mutating func repeatedCoverFinds(
        partyOf: (EducationResource) -> String?
    ) -> (parties: [Int32], found: [(number: Int, need: CompetencyID, covers: [FullCover], repeating: FullCover)])? {
        var numberOfParty: [String: Int32] = [:]
        let parties = project.resources.map { resource -> Int32 in
            guard let name = partyOf(resource)?.lowercased(), !name.isEmpty else { return -1 }
            let number = numberOfParty[name] ?? Int32(numberOfParty.count)
            numberOfParty[name] = number
            return number
        }
        guard numberOfParty.count > 1 else { return nil }
        var needs = [CompetencyID?](repeating: nil, count: needNumbers.count)
        for (need, number) in needNumbers { needs[Int(number)] = need }
        var scratch = DuplicateScratch(
            tallies: Array(repeating: ProviderTally(), count: groupNames.count),
            stamps: Array(repeating: -1, count: groupNames.count),
            counted: Array(repeating: -1, count: project.resources.count))
        var found: [(number: Int, need: CompetencyID, covers: [FullCover], repeating: FullCover)] = []
        for (number, need) in needs.enumerated() {
            guard let need, let repeated = repeatedCovers(of: need, providers: parties, scratch: &scratch) else {
                continue
            }
            found.append((number, need, repeated.covers, repeated.repeating))
        }
        return found.isEmpty ? nil : (parties, found)
    }

    /// The gaps of resources that duplicate each other: for each competency a step needs (pooled across
    /// equivalences under its least id), resources from two or more providers that each fully develop it to the
    /// same level for a shared audience (see ``repeatedCovers(of:providers:scratch:)``). One gap per competency, at
    /// the `develops` entry of the first resource in catalogue order that repeats an earlier one; its reach is the
    /// steps that need the competency (any staff group), their sub-pathways and the patients through them.
    ///
    /// - Complexity: O(E + A) for the E coverage entries of the competencies steps need and the A audience entries
    ///   of their resources, plus sorting each competency's entries; O(R) more for the R requirements of the
    ///   project's steps when some competency has duplicates.
    mutating func duplicateResourceGaps(pathways: [PathwayAnalysis]) -> [Gap] {
        guard project.resources.count > 1 else { return [] }
        guard
            let (providers, found) = repeatedCoverFinds(partyOf: {
                $0.status == .available ? $0.provider : nil
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
                    resource: resource.id, provider: resource.provider, level: cover.coverage.level)
            }
            let providerCount = Set(duplicate.covers.map { providers[$0.resource] }).count
            var gap = Gap(
                .duplicateResource,
                site: Gap.Site(
                    project: projectID, pathway: nil, subpathways: reach.subpathways, subpathwayNumbers: nil,
                    step: nil, stepLabel: nil, patientsPerYear: reach.patients, patientsEstimated: reach.estimated),
                subject: Gap.Subject(
                    competency: need, requiredLevel: nil, framework: definition?.framework.id,
                    statement: definition?.competency.statement, need: need, setting: nil,
                    location: duplicate.repeating.coverage.location ?? repeating.location, levelRank: nil),
                resource: repeating.id,
                text: .repeated(RepeatedResources(entries: listed, providers: providerCount)))
            gap.localNeed = localNeed(.duplicateResource, group: 0, need: Int32(duplicate.number))
            gap.reach = GapReach(
                steps: reach.steps, subpathways: reach.subpathways.count, projects: 1, patientsPerYear: reach.patients,
                patientsEstimated: reach.estimated)
            gaps.append(gap)
        }
        return gaps
    }

    /// The full covers of a competency (or an equivalent) that repeat one another: in one level, from different
    /// providers, for a shared audience (an empty audience is anyone). Each resource counts once, with its first
    /// full entry in id order.
    ///
    /// - Returns: The covers that repeat another, in catalogue order, and the first in catalogue order that repeats
    ///   an earlier one; `nil` when none do.
    /// - Complexity: O(E log E + A) for the E coverage entries of the competency and its equivalents and the A
    ///   audience entries of their resources.
    mutating func repeatedCovers(of need: CompetencyID, providers: [Int32], scratch: inout DuplicateScratch)
        -> (covers: [FullCover], repeating: FullCover)?
    {
        scratch.run += 1
        let run = scratch.run
        var covers: [FullCover] = []
        for id in closure(of: need) {
            for offer in coverage[id] ?? []
            where !offer.coverage.isPartial && !isPlaceholder[offer.resource] && providers[offer.resource] >= 0
                && scratch.counted[offer.resource] != run
            {
                scratch.counted[offer.resource] = run
                covers.append(
                    FullCover(
                        resource: offer.resource, coverage: offer.coverage,
                        framework: offer.coverage.level == nil
                            ? nil : references.competencies[offer.coverage.competency]?.framework.id))
            }
        }
        guard covers.count > 1 else { return nil }
        covers.sort { $0.key < $1.key }
        var repeated: [FullCover] = []
        var repeating: FullCover?
        var start = 0
        while start < covers.count {
            var end = start + 1
            while end < covers.count, covers[end].hasSameLevel(as: covers[start]) { end += 1 }
            if end - start > 1 {
                let level = covers[start..<end]
                let found = sharingAudience(level.map(\.resource), providers: providers, scratch: &scratch)
                if let first = found.repeating, first < repeating?.resource ?? Int.max {
                    repeating = level.first { $0.resource == first }
                }
                repeated += level.filter { found.resources.contains($0.resource) }
            }
            start = end
        }
        guard let repeating else { return nil }
        return (repeated.sorted { $0.resource < $1.resource }, repeating)
    }

    /// Of resources (in catalogue order), those that share an audience with one from another provider, and the
    /// first that shares one with an earlier resource.
    ///
    /// - Complexity: O(n + A) for n resources and their A audience entries.
    func sharingAudience(_ resources: [Int], providers: [Int32], scratch: inout DuplicateScratch)
        -> (resources: Set<Int>, repeating: Int?)
    {
        scratch.run += 1
        let run = scratch.run
        var anyone = ProviderTally()
        var all = ProviderTally()
        /// Whether a resource shares an audience with another resource's provider among those tallied.
        func sharesAudience(_ resource: Int, _ scratch: DuplicateScratch) -> Bool {
            let provider = providers[resource]
            let audience = audienceNumbers[resource]
            if audience.isEmpty { return all.hasOther(than: provider) }
            return anyone.hasOther(than: provider)
                || audience.contains {
                    scratch.stamps[Int($0)] == run && scratch.tallies[Int($0)].hasOther(than: provider)
                }
        }
        var repeating: Int?
        for resource in resources {
            if repeating == nil, sharesAudience(resource, scratch) { repeating = resource }
            let provider = providers[resource]
            all.add(provider)
            if audienceNumbers[resource].isEmpty { anyone.add(provider) }
            for number in audienceNumbers[resource] {
                let group = Int(number)
                if scratch.stamps[group] != run {
                    scratch.stamps[group] = run
                    scratch.tallies[group] = ProviderTally()
                }
                scratch.tallies[group].add(provider)
            }
        }
        guard repeating != nil else { return ([], nil) }
        return (Set(resources.filter { sharesAudience($0, scratch) }), repeating)
    }

    /// The steps that need each of some pooled competencies (by need number): how many, their sub-pathways in the
    /// order met, and the patients through them.
    ///
    /// - Complexity: O(R + S) for the R requirements of the project's steps (read by need number, not hashed) and
    ///   the S sub-pathway memberships of the steps counted.
    func stepsNeeding(_ needs: [Int], pathways: [PathwayAnalysis]) -> [StepsNeeding] {
        var slotOfNeed = [Int](repeating: -1, count: needNumbers.count)
        for (slot, need) in needs.enumerated() { slotOfNeed[need] = slot }
        // The steps of each need, in pathway and step order, each once.
        var stepsOfNeed = [[StepIndex]](repeating: [], count: needs.count)
        var lastStep = [Int](repeating: -1, count: needs.count)
        var firstNode = 0
        for (pathway, analysis) in pathways.enumerated() {
            for node in analysis.steps.indices {
                // Read by index: a requirement is not copied (retaining its fields) to read its number.
                for index in analysis.steps[node].requirements.indices {
                    let slot = slotOfNeed[Int(analysis.steps[node].requirements[index].need)]
                    guard slot >= 0, lastStep[slot] != firstNode + node else { continue }
                    lastStep[slot] = firstNode + node
                    stepsOfNeed[slot].append(StepIndex(pathway: Int32(pathway), node: Int32(node)))
                }
            }
            firstNode += analysis.steps.count
        }
        // Sub-pathways need by need: one mark per sub-pathway, naming the need that last counted it.
        var firstSubpathway = [0]
        for ids in subpathwayIDs { firstSubpathway.append(firstSubpathway[firstSubpathway.count - 1] + ids.count) }
        var countedBy = [Int](repeating: -1, count: firstSubpathway[firstSubpathway.count - 1])
        var scratch = [PatientFlow.Scratch](repeating: PatientFlow.Scratch(), count: pathways.count)
        return stepsOfNeed.enumerated().map { slot, steps in
            var result = StepsNeeding(steps: steps.count)
            // Patients through at least one of the steps, pathway by pathway (the steps come in pathway order).
            var first = 0
            while first < steps.count {
                let pathway = Int(steps[first].pathway)
                var end = first
                while end < steps.count, Int(steps[end].pathway) == pathway { end += 1 }
                if let flow = pathways[pathway].flow {
                    let reached = flow.patientsReaching(steps[first..<end].lazy.map(\.node), scratch: &scratch[pathway])
                    result.patients = (result.patients ?? 0) + reached.patients
                    result.estimated = result.estimated || reached.estimated
                }
                first = end
            }
            for index in steps {
                let pathway = Int(index.pathway)
                let node = Int(index.node)
                for number in subpathwayNumbers[pathway][node]
                where countedBy[firstSubpathway[pathway] + Int(number)] != slot {
                    countedBy[firstSubpathway[pathway] + Int(number)] = slot
                    result.subpathways.append(subpathwayIDs[pathway][Int(number)])
                }
            }
            return result
        }
    }
}
