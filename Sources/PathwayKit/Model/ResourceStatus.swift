/// Whether an education resource can be used now or is still being made.
public enum ResourceStatus: String, Hashable, Sendable, CaseIterable {
    /// Published and usable (the default).
    case available
    /// Being developed, by its `owner`, expected by its `expected` date: a need it will cover is "in hand".
    case inDevelopment = "in-development"
}
