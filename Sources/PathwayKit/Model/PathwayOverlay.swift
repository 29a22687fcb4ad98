/// A regional variant's changes to a national pathway: steps and transitions added, removed and changed, each with
/// the reason the region gives. Applied to the national pathway it gives the merged pathway every command works on.
///
/// The national pathway may mark steps and transitions `fixed`: what must not change locally. Applying an overlay
/// reports, as errors at the overlay's line, a change or removal of a fixed element and any element the national
/// pathway does not have (the offending change is then left out, so the rest still applies).
///
/// An overlay applies to the national pathway's index (``PathwayIndex/applying(_:)``), which gives the merged index
/// without making a value; ``applied(to:)`` is the same for a ``Pathway`` value.
public struct PathwayOverlay: Hashable, Sendable {
    /// A step the region adds.
    public struct AddedStep: Hashable, Sendable {
        public var step: Step
        public var reason: String

        public init(step: Step, reason: String) {
            self.step = step
            self.reason = reason
        }
    }

    /// A transition the region adds.
    public struct AddedTransition: Hashable, Sendable {
        public var transition: Transition
        public var reason: String

        public init(transition: Transition, reason: String) {
            self.transition = transition
            self.reason = reason
        }
    }

    /// A step the region removes (with every transition into or out of it).
    public struct RemovedStep: Hashable, Sendable {
        public var step: StepID
        public var reason: String
        public var location: SourceLocation?

        public init(step: StepID, reason: String, location: SourceLocation? = nil) {
            self.step = step
            self.reason = reason
            self.location = location
        }
    }

    /// A transition the region removes.
    public struct RemovedTransition: Hashable, Sendable {
        public var from: StepID
        public var to: StepID
        public var reason: String
        public var location: SourceLocation?

        public init(from: StepID, to: StepID, reason: String, location: SourceLocation? = nil) {
            self.from = from
            self.to = to
            self.reason = reason
            self.location = location
        }
    }

    /// A step the region changes: the fields given replace the national ones.
    public struct ChangedStep: Hashable, Sendable {
        public var step: StepID
        public var reason: String
        public var label: String?
        public var staffGroups: [StaffGroupID]?
        public var competencies: [CompetencyRequirement]?
        public var setting: String?
        public var location: SourceLocation?

        public init(
            step: StepID, reason: String, label: String? = nil, staffGroups: [StaffGroupID]? = nil,
            competencies: [CompetencyRequirement]? = nil, setting: String? = nil, location: SourceLocation? = nil
        ) {
            self.step = step
            self.reason = reason
            self.label = label
            self.staffGroups = staffGroups
            self.competencies = competencies
            self.setting = setting
            self.location = location
        }
    }

    /// A transition the region changes: its condition or share.
    public struct ChangedTransition: Hashable, Sendable {
        public var from: StepID
        public var to: StepID
        public var reason: String
        public var condition: String?
        public var share: Double?
        public var location: SourceLocation?

        public init(
            from: StepID, to: StepID, reason: String, condition: String? = nil, share: Double? = nil,
            location: SourceLocation? = nil
        ) {
            self.from = from
            self.to = to
            self.reason = reason
            self.condition = condition
            self.share = share
            self.location = location
        }
    }

    /// The national pathway the overlay changes.
    public var pathway: PathwayID
    /// A title for the merged pathway (the national title where not given).
    public var title: String?
    public var addedSteps: [AddedStep] = []
    public var removedSteps: [RemovedStep] = []
    public var changedSteps: [ChangedStep] = []
    public var addedTransitions: [AddedTransition] = []
    public var removedTransitions: [RemovedTransition] = []
    public var changedTransitions: [ChangedTransition] = []
    public var location: SourceLocation?

    public init(pathway: PathwayID, title: String? = nil, location: SourceLocation? = nil) {
        self.pathway = pathway
        self.title = title
        self.location = location
    }
}
