/// What a step of a pathway rests on: a published Clinical Pathway Initiative step, the public sources it cites,
/// or the project's own reading where those sources do not settle it.
public enum StepReading: String, Hashable, Sendable, CaseIterable {
    /// The step is a step of a published Clinical Pathway Initiative page, with its competencies.
    case published
    /// The step follows the guidance and sources it cites; its place in the pathway is the project's ordering.
    case sourced
    /// The step, or a branch or figure in it, is the project's reading where the cited sources do not settle it
    /// (the step's `readingNote` says what).
    case project
}
