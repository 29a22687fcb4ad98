import PathwayKit

/// Why a flowchart could not be drawn.
public enum FlowchartError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The pathway has more steps than a whole-network layout is allowed (``FlowchartOptions/maxSteps``).
    case tooLarge(pathway: PathwayID, steps: Int, limit: Int)

    public var description: String {
        switch self {
        case .tooLarge(let pathway, let steps, let limit):
            "pathway '\(pathway)' has \(steps) steps, more than the \(limit) a whole-network chart allows "
                + "(laying it out would take too long); use --view overview or --view subpathways, "
                + "or raise --max-steps"
        }
    }
}
