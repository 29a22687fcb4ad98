/// A generated project for benchmarking gap analysis: one long pathway annotated with staff groups and
/// competency requirements, two frameworks, a resource catalogue and workforce figures.
///
/// The network is a chain with a decision every 8 steps (two branches, the first taking 75 % of patients, that
/// merge again) and a loop back every 500 steps; 40 staff groups; competencies split between two frameworks with
/// three levels, most written for three groups; one and a half resources per competency, each developing three
/// competencies (some partly, at any level, for four groups or anyone; one in 97 a "local protocols" placeholder,
/// one in 10 overdue for review on 2026-11-25). Steps need two competencies (one step in 61 none, one requirement
/// in 400 undefined) and name two staff groups (one step in 53 none). The same options always give the same
/// project.
public struct AnnotatedProjectGenerator: Sendable {
    /// Steps in the pathway (at least 10).
    public var steps: Int
    /// Competencies in the frameworks (at least 2).
    public var competencies: Int
    public var seed: UInt64

    public init(steps: Int, competencies: Int, seed: UInt64 = 42) {
        self.steps = max(steps, 10)
        self.competencies = max(competencies, 2)
        self.seed = seed
    }

    /// SplitMix64 with numbers below a bound taken by remainder (as the published figures were measured with).
    struct Random {
        var generator: SplitMix64
        init(seed: UInt64) { generator = SplitMix64(seed: seed) }
        mutating func next(_ bound: Int) -> Int { Int(generator.next() % UInt64(bound)) }
    }

    /// The project.
    ///
    /// - Complexity: O(steps + competencies).
    public func project() -> Project {
        let count = steps
        let competencyCount = competencies
        var random = Random(seed: seed)
        let groups = (0..<40).map { StaffGroupID("group-\($0)") }
        let levels = ["1", "2", "3"]
        var areas: [[Competency]] = [[], []]
        for index in 0..<competencyCount {
            let written = index % 7 == 0 ? [] : (0..<3).map { _ in groups[random.next(groups.count)] }
            areas[index % 2].append(
                Competency(
                    id: CompetencyID("C\(index)"), statement: "Competency \(index)", levels: levels,
                    staffGroups: written))
        }
        let frameworks = (0..<2).map { number in
            CompetencyFramework(
                id: FrameworkID("framework-\(number)"), levels: levels,
                areas: [CompetencyArea(id: "area", competencies: areas[number])],
                equivalences: number == 0
                    ? [CompetencyEquivalence(competency: "C0", equivalent: "C1")] : [])
        }
        var resources: [EducationResource] = []
        for index in 0..<(competencyCount * 3 / 2) {
            let develops = (0..<3).map { _ in
                ResourceCoverage(
                    competency: CompetencyID("C\(random.next(competencyCount))"), level: levels[random.next(3)],
                    isPartial: random.next(5) == 0)
            }
            resources.append(
                EducationResource(
                    id: ResourceID("R\(index)"),
                    title: index % 97 == 0 ? "Refer to local protocols" : "Resource \(index)",
                    kind: "e-learning", develops: develops,
                    audience: random.next(3) == 0 ? [] : (0..<4).map { _ in groups[random.next(groups.count)] },
                    nextReviewDue: random.next(10) == 0 ? "2024-01-01" : "2030-01-01"))
        }
        var stepList: [Step] = [Step(id: "s0", kind: .start, patientsPerYear: 10_000)]
        var transitions: [Transition] = []
        var index = 1
        var previous: StepID = "s0"
        func id(_ n: Int) -> StepID { StepID("s\(n)") }
        func work(_ n: Int, kind: StepKind = .activity) -> Step {
            let staff = n % 53 == 0 ? [] : [groups[random.next(groups.count)], groups[random.next(groups.count)]]
            let needs =
                n % 61 == 0
                ? []
                : (0..<2).map { _ in
                    CompetencyRequirement(
                        competency: CompetencyID(
                            random.next(400) == 0 ? "UNDEFINED-\(n)" : "C\(random.next(competencyCount))"),
                        level: levels[random.next(3)])
                }
            return Step(id: id(n), kind: kind, staffGroups: staff, competencies: needs)
        }
        while index < count - 1 {
            if index % 8 == 0, index + 3 < count - 1 {
                // decision → two branches → merge
                stepList += [
                    work(index, kind: .decision), work(index + 1), work(index + 2),
                    Step(id: id(index + 3), kind: .merge),
                ]
                transitions += [
                    Transition(from: previous, to: id(index)),
                    Transition(from: id(index), to: id(index + 1), share: 0.75),
                    Transition(from: id(index), to: id(index + 2)),
                    Transition(from: id(index + 1), to: id(index + 3)),
                    Transition(from: id(index + 2), to: id(index + 3)),
                ]
                previous = id(index + 3)
                index += 4
            } else {
                stepList.append(work(index))
                transitions.append(Transition(from: previous, to: id(index)))
                if index % 500 == 499 {
                    transitions.append(Transition(from: id(index), to: id(index - 5), share: 0.1))
                }
                previous = id(index)
                index += 1
            }
        }
        stepList.append(Step(id: id(index), kind: .end))
        transitions.append(Transition(from: previous, to: id(index)))
        let workforce = groups.enumerated().map { number, group in
            WorkforceRecord(staffGroup: group, inPost: 10 + number % 5, trained: 8, needed: 12)
        }
        return Project(
            manifest: ProjectManifest(id: "bench", pathways: ["generated"]), directory: ".",
            pathways: [Pathway(id: "generated", steps: stepList, transitions: transitions)], frameworks: frameworks,
            resources: resources, staffGroups: groups.map { StaffGroup(id: $0) }, workforce: workforce)
    }
}
