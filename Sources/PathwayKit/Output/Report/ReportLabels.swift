// Labels of the analysis's values, as the writers print them.

extension StepReference {
    /// `project/pathway/step`.
    public var label: String { "\(project)/\(pathway)/\(step)" }
}

extension CandidateResource {
    /// `title (reason, reason, level L)`.
    public var label: String {
        "\(title) (\(reasons.map(\.rawValue).joined(separator: ", "))\(level.map { ", level \($0)" } ?? ""))"
    }
}
