import PathwayKit

extension Pathway {
    /// The pathway with every source location removed, for comparing pathways read from different files.
    public var withoutLocations: Pathway {
        var copy = self
        copy.location = nil
        copy.steps = steps.map { step in
            var step = step
            step.location = nil
            step.competencies = step.competencies.map {
                var requirement = $0
                requirement.location = nil
                return requirement
            }
            return step
        }
        copy.transitions = transitions.map {
            var transition = $0
            transition.location = nil
            return transition
        }
        return copy
    }
}

/// The deterministic random number generator tests draw graphs from: the library's own SplitMix64.
public typealias SeededGenerator = SplitMix64
