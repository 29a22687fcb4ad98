/// What the writers read of a step: a ``Step`` value, or one step of a ``PathwayIndex`` read from its side tables.
public protocol StepRecord {
    var id: StepID { get }
    var label: String { get }
    var kind: StepKind { get }
    var stage: String? { get }
    var setting: String? { get }
    var staffGroups: [StaffGroupID] { get }
    var competencies: [CompetencyRequirement] { get }
    var noCompetencyReason: String? { get }
    var testCodes: [String] { get }
    var testDirectory: String? { get }
    var patientsPerYear: Double? { get }
    var reference: String? { get }
    var notes: String? { get }
    var sources: [String] { get }
    var reading: StepReading? { get }
    var readingNote: String? { get }
    var isFixed: Bool { get }
}

/// What the writers read of a transition: a ``Transition`` value, or one transition of a ``PathwayIndex``.
public protocol TransitionRecord {
    var from: StepID { get }
    var to: StepID { get }
    var condition: String? { get }
    var share: Double? { get }
    var source: String? { get }
    var isFixed: Bool { get }
}

extension Step: StepRecord {}
extension Transition: TransitionRecord {}

extension PathwayIndex {
    /// One step of an index, each attribute read from the side tables when asked (no ``Step`` value is made).
    public struct StepView: StepRecord {
        public let index: PathwayIndex
        public let step: Index<Step>

        public var id: StepID { StepID(index.stepIDs[step]) }
        public var label: String { index.label(step) }
        public var kind: StepKind { index.kinds[step] }
        public var stage: String? { index.stage(step).map { index.stageNames[$0] } }
        public var setting: String? { index.setting(step).map { index.settingNames[$0] } }
        public var staffGroups: [StaffGroupID] { index.staffGroups(step).map { StaffGroupID(index.staffGroupIDs[$0]) } }
        public var competencies: [CompetencyRequirement] {
            index.competencySlots(step).map { slot in
                CompetencyRequirement(
                    competency: CompetencyID(index.competencyIDs[index.competencyMembers[slot]]),
                    level: index.competencyLevels[Index(slot)])
            }
        }
        private var details: StepDetails? { index.details[step] }
        public var noCompetencyReason: String? { details?.noCompetencyReason }
        public var testCodes: [String] { details?.testCodes ?? [] }
        public var testDirectory: String? { details?.testDirectory }
        public var patientsPerYear: Double? { details?.patientsPerYear }
        public var reference: String? { details?.reference }
        public var notes: String? { details?.notes }
        public var sources: [String] { details?.sources ?? [] }
        public var reading: StepReading? { details?.reading }
        public var readingNote: String? { details?.readingNote }
        public var isFixed: Bool { details?.isFixed ?? false }
    }

    /// One transition between steps of an index, read from its side tables when asked.
    public struct TransitionView: TransitionRecord {
        public let index: PathwayIndex
        public let transition: Index<Transition>

        public var from: StepID { StepID(index.stepIDs[index.transitionSources[transition]]) }
        public var to: StepID { StepID(index.stepIDs[index.transitionTargets[transition]]) }
        public var condition: String? { index.conditions[transition] }
        public var share: Double? { index.share(transition) }
        public var source: String? { index.transitionDetails[transition]?.source }
        public var isFixed: Bool { index.transitionDetails[transition]?.isFixed ?? false }
    }

    /// A step as written: one of the index's, or a later definition of an id already defined.
    public enum WrittenStep {
        case indexed(Index<Step>)
        case duplicate(Step)
    }

    /// A transition as written: between two steps, or naming a step that does not exist.
    public enum WrittenTransition {
        case indexed(Index<Transition>)
        case dangling(Transition)
    }

    /// Calls `body` with every step in the order written, duplicates included (as ``pathway()`` lists them).
    ///
    /// - Complexity: O(V).
    public func forEachWrittenStep(_ body: (WrittenStep) throws -> Void) rethrows {
        try Self.interleave(
            count: stepCount, aside: duplicateSteps[...], at: { $0.position },
            { try body(.indexed(Index(raw: $0))) }, { try body(.duplicate($0.step)) })
    }

    /// Calls `body` with every transition in the order written, those naming a missing step included (as
    /// ``pathway()`` lists them).
    ///
    /// - Complexity: O(E).
    public func forEachWrittenTransition(_ body: (WrittenTransition) throws -> Void) rethrows {
        try Self.interleave(
            count: transitionCount, aside: danglingTransitions[...], at: { $0.position },
            { try body(.indexed(Index(raw: $0))) }, { try body(.dangling($0.transition)) })
    }

    /// Calls `indexed` for `0..<count` and `kept` for each element kept aside, at the written position it holds.
    private static func interleave<Aside>(
        count: Int, aside: ArraySlice<Aside>, at position: (Aside) -> Int, _ indexed: (Int32) throws -> Void,
        _ kept: (Aside) throws -> Void
    ) rethrows {
        var aside = aside
        var written = 0
        for raw in 0..<Int32(count) {
            while let next = aside.first, position(next) == written {
                try kept(next)
                aside = aside.dropFirst()
                written += 1
            }
            try indexed(raw)
            written += 1
        }
        for entry in aside { try kept(entry) }
    }

    /// The number of steps as written, duplicates included.
    public var writtenStepCount: Int { stepCount + duplicateSteps.count }

    /// The number of transitions as written, those naming a missing step included.
    public var writtenTransitionCount: Int { transitionCount + danglingTransitions.count }
}

/// What the interchange writers (BPMN, GraphML) read of a pathway: a ``Pathway`` value, or a ``PathwayIndex``
/// read from its side tables (``PathwayIndex/records``).
public protocol PathwayRecord {
    associatedtype Steps: RandomAccessCollection where Steps.Element: StepRecord
    associatedtype Transitions: RandomAccessCollection where Transitions.Element: TransitionRecord
    var id: PathwayID { get }
    var title: String { get }
    var description: String? { get }
    var steps: Steps { get }
    var transitions: Transitions { get }
}

extension Pathway: PathwayRecord {}

extension PathwayIndex {
    /// The pathway's steps (the first definition of each id) and its transitions between steps, each read from the
    /// side tables when asked; for a pathway with no repeated id and no transition naming a missing step, the same
    /// steps and transitions as its value.
    public var records: Records { Records(index: self) }

    /// An index read as a ``PathwayRecord``.
    public struct Records: PathwayRecord {
        public let index: PathwayIndex

        public var id: PathwayID { index.id }
        public var title: String { index.title }
        public var description: String? { index.description }
        public var steps: LazyMapCollection<Range<Int32>, StepView> {
            let index = self.index
            return (0..<Int32(index.stepCount)).lazy.map { StepView(index: index, step: Index(raw: $0)) }
        }
        public var transitions: LazyMapCollection<Range<Int32>, TransitionView> {
            let index = self.index
            return (0..<Int32(index.transitionCount)).lazy.map {
                TransitionView(index: index, transition: Index(raw: $0))
            }
        }
    }
}
