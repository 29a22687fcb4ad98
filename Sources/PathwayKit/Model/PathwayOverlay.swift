/// A regional variant's changes to a national pathway: steps and transitions added, removed and changed, each with
/// the reason the region gives. Applied to the national pathway it gives the merged pathway every command works on.
///
/// The national pathway may mark steps and transitions `fixed`: what must not change locally. Applying an overlay
/// reports, as errors at the overlay's line, a change or removal of a fixed element and any element the national
/// pathway does not have (the offending change is then left out, so the rest still applies).
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

    /// The national pathway with the overlay applied, and what could not be applied.
    ///
    /// Findings (errors, at the overlay's line): `overlay-fixed` for a change or removal of a fixed step or
    /// transition (removing a step that a fixed transition joins counts), `overlay-unknown` for a step or transition
    /// the national pathway does not have, `overlay-duplicate` for an added step whose id the national pathway
    /// already uses. The offending change is left out.
    ///
    /// - Parameter national: The national pathway.
    /// - Complexity: O(V + E + C) for C changes.
    public func applied(to national: Pathway) -> (pathway: Pathway, findings: [Finding]) {
        var merged = national
        var findings: [Finding] = []
        if let title { merged.title = title }
        var indexOf: [StepID: Int] = [:]
        for (index, step) in merged.steps.enumerated() where indexOf[step.id] == nil { indexOf[step.id] = index }
        func unknownStep(_ id: StepID, _ verb: String, at location: SourceLocation?) {
            findings.append(
                Finding(
                    .error, rule: "overlay-unknown",
                    "the overlay \(verb) step '\(id)', which national pathway '\(national.id)' does not have",
                    at: location ?? self.location))
        }
        func fixed(_ what: String, _ verb: String, at location: SourceLocation?) {
            findings.append(
                Finding(
                    .error, rule: "overlay-fixed",
                    "the overlay \(verb) \(what), which national pathway '\(national.id)' marks fixed (it must not change locally)",
                    at: location ?? self.location))
        }
        func transitionIndex(from: StepID, to: StepID) -> Int? {
            merged.transitions.firstIndex { $0.from == from && $0.to == to }
        }
        // Changes to steps.
        for change in changedSteps {
            guard let index = indexOf[change.step] else {
                unknownStep(change.step, "changes", at: change.location)
                continue
            }
            guard !merged.steps[index].isFixed else {
                fixed("step '\(change.step)'", "changes", at: change.location)
                continue
            }
            if let label = change.label { merged.steps[index].label = label }
            if let groups = change.staffGroups { merged.steps[index].staffGroups = groups }
            if let competencies = change.competencies { merged.steps[index].competencies = competencies }
            if let setting = change.setting { merged.steps[index].setting = setting }
        }
        // Changes to transitions (before removals, so that they name the national transitions).
        for change in changedTransitions {
            guard let index = transitionIndex(from: change.from, to: change.to) else {
                findings.append(
                    Finding(
                        .error, rule: "overlay-unknown",
                        "the overlay changes the transition from '\(change.from)' to '\(change.to)', which national pathway '\(national.id)' does not have",
                        at: change.location ?? location))
                continue
            }
            guard !merged.transitions[index].isFixed else {
                fixed("the transition from '\(change.from)' to '\(change.to)'", "changes", at: change.location)
                continue
            }
            if let condition = change.condition { merged.transitions[index].condition = condition }
            if let share = change.share { merged.transitions[index].share = share }
        }
        // Removals.
        var removedSteps: Set<StepID> = []
        for removal in self.removedSteps {
            guard let index = indexOf[removal.step] else {
                unknownStep(removal.step, "removes", at: removal.location)
                continue
            }
            guard !merged.steps[index].isFixed else {
                fixed("step '\(removal.step)'", "removes", at: removal.location)
                continue
            }
            if let joined = merged.transitions.first(where: {
                $0.isFixed && ($0.from == removal.step || $0.to == removal.step)
            }) {
                fixed(
                    "step '\(removal.step)' and with it the transition from '\(joined.from)' to '\(joined.to)'",
                    "removes", at: removal.location)
                continue
            }
            removedSteps.insert(removal.step)
        }
        var removedLinks: Set<String> = []
        for removal in removedTransitions {
            guard let index = transitionIndex(from: removal.from, to: removal.to) else {
                findings.append(
                    Finding(
                        .error, rule: "overlay-unknown",
                        "the overlay removes the transition from '\(removal.from)' to '\(removal.to)', which national pathway '\(national.id)' does not have",
                        at: removal.location ?? location))
                continue
            }
            guard !merged.transitions[index].isFixed else {
                fixed("the transition from '\(removal.from)' to '\(removal.to)'", "removes", at: removal.location)
                continue
            }
            removedLinks.insert("\(removal.from)\u{0}\(removal.to)")
        }
        merged.steps.removeAll { removedSteps.contains($0.id) }
        merged.transitions.removeAll {
            removedSteps.contains($0.from) || removedSteps.contains($0.to)
                || removedLinks.contains("\($0.from)\u{0}\($0.to)")
        }
        // Additions.
        for addition in addedSteps {
            if indexOf[addition.step.id] != nil, !removedSteps.contains(addition.step.id) {
                findings.append(
                    Finding(
                        .error, rule: "overlay-duplicate",
                        "the overlay adds step '\(addition.step.id)', which national pathway '\(national.id)' already has; change it instead",
                        at: addition.step.location ?? location))
                continue
            }
            merged.steps.append(addition.step)
        }
        merged.transitions += addedTransitions.map(\.transition)
        return (merged, findings)
    }
}
