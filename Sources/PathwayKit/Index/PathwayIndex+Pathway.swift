import Synchronization

/// Counts the pathway and step values made from indexes (``PathwayIndex/pathway()``,
/// ``PathwayIndex/stepValue(_:)``) while a task runs with it set in ``PathwayIndex/valueProbe``: a probe for tests
/// that check a command works from the index alone.
final class ValueProbe: Sendable {
    /// The pathway values made so far.
    let made = Atomic<Int>(0)
    /// The step values made so far, those made for a pathway value included.
    let steps = Atomic<Int>(0)
}

extension PathwayIndex {
    /// Indexes a pathway value: steps numbered in order (a repeated id keeps its first step), transitions between
    /// existing steps numbered in order, and the graph built once.
    ///
    /// - Complexity: O(V + E) expected (one hash per id).
    public init(_ pathway: Pathway) {
        var builder = Builder(
            id: pathway.id, title: pathway.title, file: pathway.location?.file ?? "", capacity: pathway.steps.count)
        builder.setHeader(description: pathway.description, boundary: pathway.boundary, location: pathway.location)
        for step in pathway.steps { builder.addStep(step) }
        builder.reserveTransitions(pathway.transitions.count)
        for transition in pathway.transitions { builder.addTransition(transition) }
        self = builder.build()
    }

    /// The probe counting values made in the current task, if a test set one.
    @TaskLocal static var valueProbe: ValueProbe?

    /// A step as a value, with every attribute.
    ///
    /// - Complexity: O(size of the step's lists).
    public func stepValue(_ step: Index<Step>) -> Step {
        Self.valueProbe?.steps.add(1, ordering: .relaxed)
        let details = self.details[step]
        let location = self.location(step)
        var value = Step(
            id: StepID(stepIDs[step]), label: labels[step], kind: kinds[step],
            staffGroups: staffGroups(step).map { StaffGroupID(staffGroupIDs[$0]) },
            competencies: competencyRequirements(step, at: location),
            noCompetencyReason: details?.noCompetencyReason, setting: setting(step).map { settingNames[$0] },
            stage: self.stage(step).map { stageNames[$0] }, testCodes: details?.testCodes ?? [], notes: details?.notes,
            sources: details?.sources ?? [], patientsPerYear: details?.patientsPerYear, reference: details?.reference,
            testDirectory: details?.testDirectory, reading: details?.reading, readingNote: details?.readingNote,
            location: location)
        value.isFixed = details?.isFixed ?? false
        return value
    }

    /// A step's competency requirements as values, in written order, each located where it was written (else
    /// where the step was).
    ///
    /// - Parameter stepLocation: The step's ``location(_:)``, which the caller has at hand.
    /// - Complexity: O(number of the step's competencies), and a `String` for each id and level.
    func competencyRequirements(_ step: Index<Step>, at stepLocation: SourceLocation?) -> [CompetencyRequirement] {
        let locations = details[step]?.competencyLocations ?? []
        return competencySlots(step).enumerated().map { offset, slot in
            CompetencyRequirement(
                competency: CompetencyID(competencyIDs[competencyMembers[slot]]),
                level: competencyLevels[Index(slot)],
                location: locations.isEmpty ? stepLocation : locations[offset])
        }
    }

    /// A transition as a value.
    public func transitionValue(_ transition: Index<Transition>) -> Transition {
        let details = transitionDetails[transition]
        var value = Transition(
            from: StepID(stepIDs[transitionSources[transition]]), to: StepID(stepIDs[transitionTargets[transition]]),
            condition: conditions[transition], share: share(transition), source: details?.source,
            location: location(transition))
        value.isFixed = details?.isFixed ?? false
        return value
    }

    /// The pathway as a value: every step and transition in the order written, duplicates and transitions to
    /// unknown steps included, so that `PathwayIndex(pathway).pathway() == pathway`.
    ///
    /// - Complexity: O(V + E) and a `String` per id; for small pathways, tests and writers of the native format.
    public func pathway() -> Pathway {
        Self.valueProbe?.made.add(1, ordering: .relaxed)
        var steps: [Step] = []
        steps.reserveCapacity(stepCount + duplicateSteps.count)
        var duplicates = duplicateSteps[...]
        for step in self.steps {
            while let next = duplicates.first, next.position == steps.count {
                steps.append(next.step)
                duplicates = duplicates.dropFirst()
            }
            steps.append(stepValue(step))
        }
        steps += duplicates.map { $0.step }
        var transitions: [Transition] = []
        transitions.reserveCapacity(transitionCount + danglingTransitions.count)
        var dangling = danglingTransitions[...]
        for transition in self.transitions {
            while let next = dangling.first, next.position == transitions.count {
                transitions.append(next.transition)
                dangling = dangling.dropFirst()
            }
            transitions.append(transitionValue(transition))
        }
        transitions += dangling.map { $0.transition }
        return Pathway(
            id: id, title: title, description: description, steps: steps, transitions: transitions, boundary: boundary,
            location: location)
    }
}
