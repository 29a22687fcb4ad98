import PathwayKit

/// What a flowchart says about one step beyond the pathway itself: how serious its gaps are, the lines that
/// describe them, and where to learn more. The gap analysis fills these in; the flowchart only draws them.
public struct StepAnnotation: Hashable, Sendable {
    /// How serious the step's gaps are; sets the step's colour and its entry in the legend.
    public var severity: Severity
    /// Lines describing the gaps, shown in the step's tooltip.
    public var lines: [String]
    /// A link to an education resource for the step (the node becomes a link in SVG and PDF).
    public var url: String?
    /// The classes of the step's gaps, named in the chart's legend.
    public var gapClasses: [GapClass]

    /// Creates an annotation.
    ///
    /// - Parameters:
    ///   - severity: How serious the step's gaps are.
    ///   - lines: Lines describing the gaps.
    ///   - url: A link to an education resource, if there is one.
    ///   - gapClasses: The classes of the step's gaps, for the legend.
    public init(severity: Severity, lines: [String] = [], url: String? = nil, gapClasses: [GapClass] = []) {
        self.severity = severity
        self.lines = lines
        self.url = url
        self.gapClasses = gapClasses
    }
}
