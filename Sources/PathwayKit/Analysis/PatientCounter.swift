/// Counts the patients a year who pass through at least one of a set of steps, across the pathways and projects
/// of a report: in each pathway a hitting count on its flow (``PatientFlow``), added up over pathways (patients of
/// different pathways are taken to be different patients).
struct PatientCounter {
    /// The flow of each pathway, at `[project][pathway]` (`nil`: no volumes).
    let flows: [[PatientFlow?]]
    /// Working space of each pathway's flow, made when first used.
    private var scratch: [[PatientFlow.Scratch]]
    /// The analyses, to find the steps of gaps made by hand by their ids.
    private let projects: [ProjectAnalysis]
    /// For each project, the number of its (first) pathway of each id (made when first asked).
    private var pathwaysByID: [[PathwayID: Int32]?]

    init(projects: [ProjectAnalysis]) {
        self.projects = projects
        pathwaysByID = Array(repeating: nil, count: projects.count)
        flows = projects.map { $0.pathways.map(\.flow) }
        scratch = flows.map { [PatientFlow.Scratch](repeating: PatientFlow.Scratch(), count: $0.count) }
    }

    /// The analyzer's step with these ids in a project (the first pathway and step so named), for a gap made by
    /// hand; `nil` when there is none.
    mutating func locate(project: Int32, pathway: PathwayID?, step: StepID?) -> GapOrigin? {
        guard let pathway, let step, project >= 0, Int(project) < projects.count else { return nil }
        let pathways = projects[Int(project)].pathways
        if pathwaysByID[Int(project)] == nil {
            var table: [PathwayID: Int32] = [:]
            for (index, analysis) in pathways.enumerated() where table[analysis.graph.index.id] == nil {
                table[analysis.graph.index.id] = Int32(index)
            }
            pathwaysByID[Int(project)] = table
        }
        guard let found = pathwaysByID[Int(project)]?[pathway], let node = pathways[Int(found)].position(of: step)
        else { return nil }
        return GapOrigin(project: project, pathway: found, node: Int32(node))
    }

    /// Patients entering the pathways of a project, summed; `nil` when none gives a volume.
    func entering(project: Int) -> Double? {
        let known = flows[project].compactMap { $0?.entering }
        return known.isEmpty ? nil : known.reduce(0, +)
    }

    /// The patients a year through at least one of some analyzer steps, and whether the figure rests on an assumed
    /// split; `nil` patients when no pathway of theirs gives volumes.
    ///
    /// - Parameter steps: Steps by project, pathway and node (every index set); reordered.
    /// - Complexity: O(k log k) for k steps, plus ``PatientFlow/patientsReaching(_:scratch:)`` for each pathway.
    mutating func patients(through steps: inout [GapOrigin]) -> (patients: Double?, estimated: Bool) {
        steps.sort { ($0.project, $0.pathway) < ($1.project, $1.pathway) }
        var total: Double?
        var estimated = false
        var first = 0
        while first < steps.count {
            let project = Int(steps[first].project)
            let pathway = Int(steps[first].pathway)
            var end = first + 1
            while end < steps.count, steps[end].project == steps[first].project,
                steps[end].pathway == steps[first].pathway
            {
                end += 1
            }
            if let flow = flows[project][pathway] {
                let reached = flow.patientsReaching(
                    steps[first..<end].lazy.map(\.node), scratch: &scratch[project][pathway])
                total = (total ?? 0) + reached.patients
                estimated = estimated || reached.estimated
            }
            first = end
        }
        return (total, estimated)
    }
    /// ``patients(through:)`` for many sets of steps at once, each result what that function gives for its set: the
    /// sets' steps in each pathway are counted together (``PatientFlow/patientsReaching(sets:)``), pathways in
    /// order.
    ///
    /// - Complexity: O(n log n) for n steps in all, plus one batched sweep per pathway over its distinct sets.
    func patients(throughEach sets: [[GapOrigin]]) -> [(patients: Double?, estimated: Bool)] {
        struct PathwayKey: Hashable, Comparable {
            var project: Int32
            var pathway: Int32
            static func < (lhs: Self, rhs: Self) -> Bool { (lhs.project, lhs.pathway) < (rhs.project, rhs.pathway) }
        }
        var results = [(patients: Double?, estimated: Bool)](repeating: (nil, false), count: sets.count)
        // For each pathway: the sets with steps in it, and those steps' nodes.
        var batches: [PathwayKey: (sets: [Int], nodes: [[Int32]])] = [:]
        for (index, steps) in sets.enumerated() {
            var nodesOfPathway: [PathwayKey: [Int32]] = [:]
            for step in steps {
                nodesOfPathway[PathwayKey(project: step.project, pathway: step.pathway), default: []].append(step.node)
            }
            for (key, nodes) in nodesOfPathway
            where flows[Int(key.project)][Int(key.pathway)] != nil {
                batches[key, default: ([], [])].sets.append(index)
                batches[key, default: ([], [])].nodes.append(nodes)
            }
        }
        for key in batches.keys.sorted() {
            guard let flow = flows[Int(key.project)][Int(key.pathway)], let batch = batches[key] else { continue }
            // Needs of several staff groups often arise at the same steps: each distinct set of steps is swept once.
            var distinct: [[Int32]: Int] = [:]
            var distinctSets: [[Int32]] = []
            let which = batch.nodes.map { nodes in
                let key = Array(Set(nodes)).sorted()
                if let known = distinct[key] { return known }
                distinct[key] = distinctSets.count
                distinctSets.append(key)
                return distinctSets.count - 1
            }
            let reachedDistinct = flow.patientsReaching(sets: distinctSets)
            for (set, position) in zip(batch.sets, which) {
                let reached = reachedDistinct[position]
                results[set].patients = (results[set].patients ?? 0) + reached.patients
                results[set].estimated = results[set].estimated || reached.estimated
            }
        }
        return results
    }
}
