import PathwayKit

/// Why a flowchart could not be drawn.
public enum FlowchartError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The pathway has more steps than a whole-network layout is allowed (``FlowchartOptions/maxSteps``).
    case tooLarge(pathway: PathwayID, steps: Int, limit: Int)
    /// One sub-pathway has more steps than a chart is allowed (``FlowchartOptions/maxSteps``).
    case partTooLarge(pathway: PathwayID, part: Int, steps: Int, limit: Int)
    /// The overview would have more parts than it is allowed (``FlowchartOptions/maxParts``).
    case tooManyParts(pathway: PathwayID, parts: Int, limit: Int)

    public var description: String {
        switch self {
        case .tooLarge(let pathway, let steps, let limit):
            "pathway '\(pathway)' has \(steps) steps, more than the \(limit) a whole-network chart allows "
                + "(laying it out would take too long); use --view overview or --view subpathways, "
                + "or raise --max-steps"
        case .partTooLarge(let pathway, let part, let steps, let limit):
            "part \(part) of pathway '\(pathway)' has \(steps) steps, more than the \(limit) one chart allows "
                + "(laying it out would take too long); cut the pathway with another --strategy, "
                + "or raise --max-steps"
        case .tooManyParts(let pathway, let parts, let limit):
            "pathway '\(pathway)' has \(parts) parts, more than the \(limit) an overview chart allows "
                + "(laying it out would take too long); cut it with another --strategy, draw --view subpathways, "
                + "or raise --max-parts"
        }
    }
}
