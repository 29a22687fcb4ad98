import ArgumentParser
import Foundation
import PathwayKit

extension Pathgap {
    /// `pathgap report-bench` (hidden, for benchmarks): generates a large annotated network and times the gap
    /// analysis and each report format.
    public struct ReportBench: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "report-bench",
            abstract: "Benchmark gap analysis on a generated network (development only).",
            shouldDisplay: false
        )

        @Option(help: "Steps in the generated pathway.")
        var steps: Int = 100_000

        @Option(help: "Competencies in the generated frameworks.")
        var competencies: Int = 1_000

        @Option(help: "How many times to run the analysis (the best time is reported).")
        var repeats: Int = 3

        @Flag(help: "Also time writing each report format.")
        var formats = false

        public init() {}

        public func run() throws {
            let project = Self.generatedProject(steps: max(steps, 10), competencies: max(competencies, 2))
            let clock = ContinuousClock()
            var best: Duration?
            var bestAnalysis: Duration?
            var bestCPU = Double.infinity
            var report: GapReport?
            for _ in 0..<max(repeats, 1) {
                report = nil
                let cpu = Self.cpuSeconds()
                var analysis: ProjectAnalysis?
                let analysed = clock.measure {
                    analysis = GapAnalyzer().analysis(of: project, asOf: AsOfDate("2026-11-25"))
                }
                let elapsed = clock.measure {
                    report = analysis.map { GapReport(projects: [$0], strategy: .chains, asOf: AsOfDate("2026-11-25")) }
                }
                bestCPU = min(bestCPU, Self.cpuSeconds() - cpu)
                bestAnalysis = bestAnalysis.map { min($0, analysed) } ?? analysed
                best = best.map { min($0, analysed + elapsed) } ?? analysed + elapsed
            }
            guard let report, let best, let bestAnalysis else { return }
            let totals = report.totals
            print(
                "steps: \(totals.steps), transitions: \(project.pathways[0].transitions.count), competencies: \(competencies), "
                    + "resources: \(project.resources.count), sub-pathways: \(totals.subpathways), gaps: \(report.gaps.count)"
            )
            print(
                "analysis: \(RenderBench.seconds(bestAnalysis)) s; analysis + report (reach, priority order): "
                    + "\(RenderBench.seconds(best)) s wall, \(String(format: "%.3f", bestCPU)) s CPU (best of \(max(repeats, 1)))"
            )
            if formats {
                for (name, build) in [
                    ("needs", { report.needs().count }), ("shared needs", { report.sharedNeeds().count }),
                    ("framework tables", { report.frameworkTables().count }),
                ] as [(String, () -> Int)] {
                    var count = 0
                    let elapsed = clock.measure { count = build() }
                    print("\(name): \(RenderBench.seconds(elapsed)) s, \(count) entries")
                }
                for (name, render) in [
                    ("md", { report.markdown() }), ("csv", { report.csv() }), ("json", { report.json() }),
                    ("html", { report.html() }),
                ] as [(String, () -> String)] {
                    var size = 0
                    let elapsed = clock.measure { size = render().utf8.count }
                    print("\(name): \(RenderBench.seconds(elapsed)) s, \(size) bytes")
                }
            }
        }

        /// CPU time used by the process so far, in seconds.
        static func cpuSeconds() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }

        /// A deterministic network: a long chain with a decision every 8 steps (two branches that merge again), a
        /// loop back every 500 steps, 40 staff groups, two frameworks holding the competencies, and resources that
        /// cover most of them (some partly, some at a lower level, some for other groups, some overdue).
        static func generatedProject(steps count: Int, competencies competencyCount: Int) -> Project {
            var random = SplitMix(seed: 42)
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
}

/// SplitMix64, so the generated network is the same on every run.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
