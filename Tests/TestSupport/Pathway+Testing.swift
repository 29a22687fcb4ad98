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

/// A small deterministic random number generator for tests (SplitMix64).
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
