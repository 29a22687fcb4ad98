import PathwayKit

/// How the steps and transitions of a chart changed from an earlier version, for drawing a difference: added ones
/// green, changed ones amber, removed ones dashed in grey. The flowchart only draws these marks; `pathgap diff`
/// works them out.
public struct FlowchartChanges: Hashable, Sendable {
    /// What happened to a step or transition.
    public enum Mark: String, Hashable, Sendable, CaseIterable {
        case added, changed, removed

        /// The DOT attributes that draw the mark (fill, border, line style, and a caption for the legend).
        var style: (fill: String, border: String, dashed: Bool, caption: String) {
            switch self {
            case .added: ("#d5f5d5", "#2e7d32", false, "added")
            case .changed: ("#fde9c8", "#d68910", false, "changed")
            case .removed: ("#f2f2f2", "#9e9e9e", true, "removed")
            }
        }
    }

    /// An ordered pair of step ids naming a transition.
    public struct Link: Hashable, Sendable {
        public var from: StepID
        public var to: StepID

        public init(from: StepID, to: StepID) {
            self.from = from
            self.to = to
        }
    }

    /// Marks by step.
    public var steps: [StepID: Mark]
    /// Marks by transition (every transition between the two steps takes the mark).
    public var transitions: [Link: Mark]

    public init(steps: [StepID: Mark] = [:], transitions: [Link: Mark] = [:]) {
        self.steps = steps
        self.transitions = transitions
    }

    /// Whether nothing is marked.
    public var isEmpty: Bool { steps.isEmpty && transitions.isEmpty }

    /// The marks used, in the order added, changed, removed.
    var marksUsed: [Mark] {
        let used = Set(steps.values).union(transitions.values)
        return Mark.allCases.filter(used.contains)
    }

    /// The attributes that draw a step's mark, to be written after its own (later values win).
    func attributes(for step: StepID, kind: StepKind) -> [(String, String)] {
        guard let mark = steps[step] else { return [] }
        let style = mark.style
        var attributes = [("color", style.border), ("penwidth", "2")]
        if kind != .parallel { attributes.append(("fillcolor", style.fill)) }
        if style.dashed {
            let rounded = kind == .start || kind == .end
            attributes += [("style", rounded ? "rounded,dashed,filled" : "dashed,filled"), ("fontcolor", "#777777")]
        }
        return attributes
    }

    /// The attributes that draw a transition's mark.
    func attributes(from: StepID, to: StepID) -> [(String, String)] {
        guard let mark = transitions[Link(from: from, to: to)] else { return [] }
        let style = mark.style
        var attributes = [("color", style.border), ("penwidth", "2"), ("fontcolor", style.border)]
        if style.dashed { attributes.append(("style", "dashed")) }
        return attributes
    }
}
