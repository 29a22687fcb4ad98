/// Where a competency framework, or an area of one, comes from, so that an analyst can tell a gap against a
/// published framework from one against the project's own working text.
public enum Provenance: String, Hashable, Sendable, CaseIterable {
    /// Published by its owner (a GEP framework, a Clinical Pathway Initiative page, a CASE package).
    case published
    /// Published in outline, but this part could not be read and was rebuilt by the project (area titles that
    /// were not legible, an assumed level direction).
    case reconstructed
    /// The project's own working framework: no published framework covers this ground.
    case working

    /// How a framework table marks a competency of this provenance: nothing for published ones.
    public var mark: String? {
        switch self {
        case .published: nil
        case .reconstructed: "reconstructed"
        case .working: "working framework"
        }
    }
}
