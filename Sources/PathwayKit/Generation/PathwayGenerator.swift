import Foundation

/// Generates synthetic pathway networks of a given size and shape, reproducibly from a seed: a long spine of steps
/// with decision points whose alternatives skip ahead and join again at merges, loops back (re-test, cascade),
/// stages in runs, and optionally staff groups and competencies. About 1.3 transitions per step.
///
/// Shape, per step `i` of `n` (ids `s0 … s<n-1>`): a transition to `i + 1`; with probability 0.27 the step is a
/// decision with one more transition, forward 2 to 8 steps (80 %, an alternative route that merges later) or back
/// 1 to 6 steps (20 %, a re-test loop), and one decision in ten has a third, forward, branch. Decision
/// transitions carry conditions and shares that sum to 1. Stages change every 20 to 200 steps.
public struct PathwayGenerator: Sendable {
    /// What to generate.
    public struct Options: Sendable, Hashable {
        public var steps: Int
        public var seed: UInt64
        /// Staff group ids to annotate steps with (none: no staff annotations).
        public var staffGroups: [String]
        /// Competency ids to annotate steps with (none: no competency annotations).
        public var competencies: [String]

        public init(steps: Int, seed: UInt64 = 1, staffGroups: [String] = [], competencies: [String] = []) {
            self.steps = steps
            self.seed = seed
            self.staffGroups = staffGroups
            self.competencies = competencies
        }
    }

    /// Stage names, cycled (with a run number after the first round).
    public static let stageNames = [
        "identifying eligible patients", "requesting genomic testing", "taking and sending samples",
        "laboratory analysis", "interpreting and feeding back results", "cascade testing", "follow-up",
    ]

    /// Staff groups used by `--annotate` when none are given.
    public static let defaultStaffGroups = [
        "oncologist", "clinical-nurse-specialist", "genetic-counsellor", "clinical-scientist", "phlebotomist",
        "general-practitioner", "pharmacist",
    ]

    /// Competencies used by `--annotate` when none are given.
    public static let defaultCompetencies = [
        "take-consent", "order-genomic-test", "take-blood-sample", "interpret-variant-report", "explain-result",
        "refer-to-clinical-genetics", "family-history", "prescribe-adjusted-dose",
    ]

    public let options: Options
    /// The source and target of each transition, in output order.
    public let sources: [Int32]
    public let targets: [Int32]
    /// The condition code of each transition: 0 none, 1 "no", 2 "yes", 3 "other", 4 "re-test".
    public let conditionCodes: [UInt8]
    /// The share of each transition, or `nan` for none.
    public let shares: [Double]
    /// The stage number of each step.
    public let stageOfStep: [Int32]

    /// Generates a network.
    ///
    /// - Complexity: O(n) time and memory.
    public init(_ options: Options) {
        self.options = options
        let n = max(2, options.steps)
        var random = SplitMix64(seed: options.seed)
        var sources: [Int32] = []
        var targets: [Int32] = []
        var codes: [UInt8] = []
        var shares: [Double] = []
        let capacity = n + n / 3
        sources.reserveCapacity(capacity)
        targets.reserveCapacity(capacity)
        codes.reserveCapacity(capacity)
        shares.reserveCapacity(capacity)
        func add(_ from: Int, _ to: Int, _ code: UInt8, _ share: Double) {
            sources.append(Int32(from))
            targets.append(Int32(to))
            codes.append(code)
            shares.append(share)
        }
        for step in 0..<(n - 1) {
            let isDecision = step >= 1 && step + 3 < n && random.unit() < 0.27
            guard isDecision else {
                add(step, step + 1, 0, .nan)
                continue
            }
            if random.below(5) == 0 {
                let back = max(1, step - 1 - random.below(6))
                add(step, step + 1, 1, 0.9)
                add(step, back, 4, 0.1)
            } else {
                let skip = min(n - 1, step + 2 + random.below(7))
                if random.below(10) == 0 {
                    let other = min(n - 1, step + 2 + random.below(7))
                    add(step, step + 1, 1, 0.6)
                    add(step, skip, 2, 0.2)
                    add(step, other, 3, 0.2)
                } else {
                    add(step, step + 1, 1, 0.7)
                    add(step, skip, 2, 0.3)
                }
            }
        }
        var stageOfStep = [Int32](repeating: 0, count: n)
        var stage: Int32 = 0
        var left = 20 + random.below(181)
        for step in 0..<n {
            if left == 0 {
                stage += 1
                left = 20 + random.below(181)
            }
            stageOfStep[step] = stage
            left -= 1
        }
        self.sources = sources
        self.targets = targets
        self.conditionCodes = codes
        self.shares = shares
        self.stageOfStep = stageOfStep
    }

    /// The number of steps.
    public var stepCount: Int { stageOfStep.count }

    static let conditionText = ["", "no", "yes", "other", "re-test"]

    /// The stage name of a stage number.
    public static func stageName(_ number: Int32) -> String {
        let round = Int(number) / stageNames.count
        let name = stageNames[Int(number) % stageNames.count]
        return round == 0 ? name : "\(name) (\(round + 1))"
    }

    /// The graph of the network.
    public var graph: CompactGraph { CompactGraph(nodeCount: stepCount, sources: sources, targets: targets) }

    /// The kind of each step, from its degrees.
    public func kinds() -> [StepKind] {
        let graph = graph
        return (0..<Int32(stepCount)).map { graph.inferredKind($0) }
    }

    /// The edge list: a `from,to,condition,share` header, then one row per transition.
    ///
    /// - Parameter separator: The column separator: a comma (the default) or a tab (for `.tsv`).
    /// - Complexity: O(n), written as bytes without a `String` per row.
    public func edgeListBytes(separator: UInt8 = UInt8(ascii: ",")) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(sources.count * 20)
        out += Array(["from", "to", "condition", "share"].joined(separator: String(UnicodeScalar(separator))).utf8)
        out.append(0x0A)
        for index in sources.indices {
            out.append(UInt8(ascii: "s"))
            Self.appendDecimal(Int(sources[index]), to: &out)
            out.append(separator)
            out.append(UInt8(ascii: "s"))
            Self.appendDecimal(Int(targets[index]), to: &out)
            let code = conditionCodes[index]
            if code != 0 {
                out.append(separator)
                out += Array(Self.conditionText[Int(code)].utf8)
                out.append(separator)
                out += Array(NumberText.plain(shares[index]).utf8)
            }
            out.append(0x0A)
        }
        return out
    }

    /// The node table: `id,kind,label,stage,staffGroups,competencies`.
    ///
    /// - Parameter separator: The column separator: a comma (the default) or a tab (for `.tsv`).
    public func nodeTableBytes(separator: UInt8 = UInt8(ascii: ",")) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(stepCount * 64)
        let gap = String(UnicodeScalar(separator))
        out += Array(
            (["id", "kind", "label", "stage", "staffGroups", "competencies"].joined(separator: gap) + "\n").utf8)
        let kinds = kinds()
        for step in 0..<stepCount {
            let annotation = annotations(of: step)
            let row = [
                "s\(step)", kinds[step].rawValue, "Step \(step)", Self.stageName(stageOfStep[step]),
                annotation.staff.joined(separator: ";"), annotation.competencies.joined(separator: ";"),
            ]
            out += Array((row.joined(separator: gap) + "\n").utf8)
        }
        return out
    }

    /// The staff groups and competencies of a step: a deterministic function of the seed and the step, so that the
    /// node table and the YAML agree.
    func annotations(of step: Int) -> (staff: [String], competencies: [String]) {
        guard !options.staffGroups.isEmpty || !options.competencies.isEmpty else { return ([], []) }
        var random = SplitMix64(seed: options.seed &* 0x2545_F491_4F6C_DD1D &+ UInt64(step))
        func pick(_ list: [String]) -> [String] {
            guard !list.isEmpty else { return [] }
            let first = random.below(list.count)
            guard random.below(4) == 0, list.count > 1 else { return [list[first]] }
            let second = (first + 1 + random.below(list.count - 1)) % list.count
            return [list[first], list[second]]
        }
        return (pick(options.staffGroups), pick(options.competencies))
    }

    /// The network as a native pathway.
    ///
    /// - Parameter id: The pathway id.
    public func pathway(id: PathwayID = "generated") -> Pathway {
        let kinds = kinds()
        let steps = (0..<stepCount).map { step in
            let annotation = annotations(of: step)
            return Step(
                id: StepID("s\(step)"), label: "Step \(step)", kind: kinds[step],
                staffGroups: annotation.staff.map { StaffGroupID($0) },
                competencies: annotation.competencies.map { CompetencyRequirement(competency: CompetencyID($0)) },
                stage: Self.stageName(stageOfStep[step]))
        }
        let transitions = sources.indices.map { index in
            let code = conditionCodes[index]
            return Transition(
                from: StepID("s\(sources[index])"), to: StepID("s\(targets[index])"),
                condition: code == 0 ? nil : Self.conditionText[Int(code)], share: code == 0 ? nil : shares[index])
        }
        return Pathway(
            id: id, title: "Generated network (\(stepCount) steps, seed \(options.seed))", steps: steps,
            transitions: transitions)
    }

    /// Appends a non-negative number's decimal digits.
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value < 10 {
            out.append(UInt8(48 + value))
            return
        }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[count] = UInt8(48 + rest % 10)
                rest /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[index]) }
        }
    }
}
