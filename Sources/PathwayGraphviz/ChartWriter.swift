import PathwayKit

/// Writes one DOT chart line by line, in the order things are added, handing out unique SVG ids.
struct ChartWriter {
    private var header: [String] = []
    private var body: [String] = []
    private var ids = IdentifierAllocator()
    private let options: FlowchartOptions
    /// The number of edges written so far (edge ids are `edge-<n>`).
    private var edgeCount = 0

    /// Starts a chart.
    ///
    /// - Parameters:
    ///   - name: The graph's name (the pathway id, or `<id>.<n>` for a sub-pathway).
    ///   - title: The heading written above the chart.
    ///   - options: How to draw.
    init(name: String, title: String, options: FlowchartOptions) {
        self.options = options
        let graphID = ids.make("chart", name)
        header.append("digraph \(DOTText.name(name)) {")
        header.append(
            "  graph "
                + DOTText.attributes([
                    ("id", graphID), ("label", DOTText.wrapped(title, width: 80)), ("labelloc", "t"),
                    ("newrank", "true"),
                    ("fontname", "Helvetica"), ("fontsize", "16"), ("rankdir", options.direction.rawValue),
                    ("nodesep", "0.35"), ("ranksep", "0.45"), ("tooltip", title),
                ]) + ";")
        header.append(
            "  node "
                + DOTText.attributes([
                    ("fontname", "Helvetica"), ("fontsize", "11"), ("shape", "box"), ("style", "filled"),
                    ("fillcolor", "#ffffff"), ("color", "#333333"), ("margin", "0.15,0.06"),
                ]) + ";")
        header.append(
            "  edge "
                + DOTText.attributes([
                    ("fontname", "Helvetica"), ("fontsize", "9"), ("color", "#555555"), ("arrowsize", "0.7"),
                ]) + ";")
    }

    /// The finished DOT text, ending in a newline.
    func text() -> String {
        (header + body + ["}"]).joined(separator: "\n") + "\n"
    }

    // MARK: Steps

    /// Adds steps, in swimlanes when the options ask for them (lanes in order of first appearance; steps with no
    /// staff group outside every lane).
    mutating func addSteps(_ steps: [Step], annotations: [StepID: StepAnnotation]) {
        guard options.lanes else {
            for step in steps {
                body.append("  " + stepStatement(step, annotation: annotations[step.id], inLane: false))
            }
            return
        }
        var laneOrder: [StaffGroupID] = []
        var members: [StaffGroupID: [Step]] = [:]
        var unassigned: [Step] = []
        for step in steps {
            guard let group = step.staffGroups.first else {
                unassigned.append(step)
                continue
            }
            if members[group] == nil { laneOrder.append(group) }
            members[group, default: []].append(step)
        }
        for (index, group) in laneOrder.enumerated() {
            let laneID = ids.make("lane", group.rawValue)
            body.append("  subgraph \(DOTText.name("cluster_\(index + 1): \(displayName(group))")) {")
            body.append(
                "    graph "
                    + DOTText.attributes([
                        ("id", laneID), ("label", displayName(group)), ("tooltip", "Lane: \(displayName(group))"),
                        ("style", "rounded,filled"), ("fillcolor", "#f4f6f8"), ("color", "#b0b8c0"),
                        ("fontsize", "12"), ("labeljust", "l"),
                    ]) + ";")
            for step in members[group] ?? [] {
                body.append("    " + stepStatement(step, annotation: annotations[step.id], inLane: true))
            }
            body.append("  }")
        }
        for step in unassigned {
            body.append("  " + stepStatement(step, annotation: annotations[step.id], inLane: false))
        }
    }

    /// The node statement of one step.
    private mutating func stepStatement(_ step: Step, annotation: StepAnnotation?, inLane: Bool) -> String {
        var label = DOTText.wrapped(step.label)
        if inLane, step.staffGroups.count > 1 {
            label += "\n(also " + step.staffGroups.dropFirst().map(displayName).joined(separator: ", ") + ")"
        }
        var attributes: [(String, String)] = [("id", ids.make("step", step.id.rawValue))]
        switch step.kind {
        case .start, .end:
            attributes += [("label", label), ("shape", "box"), ("style", "rounded,filled"), ("penwidth", "2")]
        case .activity:
            attributes += [("label", label), ("shape", "box")]
        case .decision:
            attributes += [("label", label), ("shape", "diamond"), ("margin", "0.05,0.03")]
        case .merge:
            attributes += [
                ("label", ""), ("xlabel", label), ("shape", "diamond"), ("width", "0.3"), ("height", "0.3"),
                ("fixedsize", "true"),
            ]
        case .parallel:
            // A bar across the flow: wide when the flow runs down, tall when it runs across.
            let across = options.direction == .topToBottom
            attributes += [
                ("label", ""), ("xlabel", label), ("shape", "box"), ("width", across ? "0.9" : "0.08"),
                ("height", across ? "0.08" : "0.9"), ("fixedsize", "true"), ("fillcolor", "#333333"),
            ]
        case .reference:
            attributes += [("label", label), ("shape", "box"), ("peripheries", "2")]
        }
        if let annotation {
            let colours = SeverityColours(annotation.severity)
            if step.kind != .parallel { attributes.append(("fillcolor", colours.fill)) }
            attributes += [("color", colours.border), ("penwidth", "2")]
            if let url = annotation.url, !url.isEmpty {
                attributes += [("URL", DOTText.url(url)), ("target", "_blank")]
            }
        }
        attributes += options.changes.attributes(for: step)
        attributes.append(("tooltip", tooltip(step, annotation: annotation)))
        return DOTText.name(step.id.rawValue) + " " + DOTText.attributes(deduplicated(attributes)) + ";"
    }

    /// A step's tooltip: its label, kind, staff groups, competencies, setting and gaps, one per line.
    private func tooltip(_ step: Step, annotation: StepAnnotation?) -> String {
        var lines = [step.label, "Kind: \(step.kind.rawValue)"]
        if !step.staffGroups.isEmpty {
            lines.append("Staff groups: " + step.staffGroups.map(displayName).joined(separator: ", "))
        }
        if !step.competencies.isEmpty {
            lines.append(
                "Competencies: "
                    + step.competencies.map { requirement in
                        requirement.level.map { "\(requirement.competency) (level \($0))" }
                            ?? requirement.competency.rawValue
                    }.joined(separator: ", "))
        }
        if let setting = step.setting { lines.append("Setting: \(setting)") }
        if let stage = step.stage { lines.append("Stage: \(stage)") }
        if let reference = step.reference { lines.append("Refers to: \(reference)") }
        if let annotation {
            lines.append("Gaps (\(annotation.severity.rawValue)):")
            lines += annotation.lines.map { "- \($0)" }
            if let url = annotation.url, !url.isEmpty { lines.append("Learn more: \(url)") }
        }
        return lines.joined(separator: "\n")
    }

    /// A step the transitions name but the pathway does not define, drawn dashed in red.
    mutating func addUnknownStep(_ id: StepID) {
        body.append(
            "  " + DOTText.name(id.rawValue) + " "
                + DOTText.attributes([
                    ("id", ids.make("unknown", id.rawValue)), ("label", "? \(id.rawValue)"),
                    ("style", "dashed"), ("color", "#c0392b"), ("fontcolor", "#c0392b"),
                    (
                        "tooltip",
                        "Unknown step '\(id.rawValue)': a transition names it but the pathway does not define it"
                    ),
                ]) + ";")
    }

    // MARK: Edges

    /// An edge for a transition, labelled with its condition and share.
    mutating func addTransition(_ transition: Transition, labels: [StepID: String]) {
        let text = edgeText(transition)
        var attributes: [(String, String)] = [("id", nextEdgeID())]
        if !text.isEmpty { attributes.append(("label", DOTText.wrapped(text, width: 24))) }
        let from = labels[transition.from] ?? transition.from.rawValue
        let to = labels[transition.to] ?? transition.to.rawValue
        attributes.append(("tooltip", "\(from) → \(to)" + (text.isEmpty ? "" : ": \(text)")))
        attributes += options.changes.attributes(for: transition)
        body.append(
            "  \(DOTText.name(transition.from.rawValue)) -> \(DOTText.name(transition.to.rawValue)) "
                + DOTText.attributes(attributes) + ";")
    }

    /// A small grey stub for a step outside a sub-pathway, with the transition that crosses the boundary.
    mutating func addStub(for transition: Transition, entering: Bool, labels: [StepID: String]) {
        let outside = entering ? transition.from : transition.to
        let stubName = (entering ? "from: " : "to: ") + outside.rawValue
        let stubLabel = (entering ? "from " : "to ") + (labels[outside] ?? outside.rawValue)
        let stubID = (entering ? "from-" : "to-") + DOTText.identifier(outside.rawValue)
        if !emittedStubs.contains(stubName) {
            emittedStubs.insert(stubName)
            body.append(
                "  " + DOTText.name(stubName) + " "
                    + DOTText.attributes([
                        ("id", ids.make("stub", stubID)), ("label", DOTText.wrapped(stubLabel, width: 24)),
                        ("shape", "box"), ("style", "rounded,dashed,filled"), ("fillcolor", "#eeeeee"),
                        ("color", "#999999"), ("fontcolor", "#666666"), ("fontsize", "9"), ("height", "0.3"),
                        (
                            "tooltip",
                            (entering ? "Comes from " : "Goes on to ") + (labels[outside] ?? outside.rawValue)
                                + " (outside this part)"
                        ),
                    ]) + ";")
        }
        let text = edgeText(transition)
        var attributes: [(String, String)] = [("id", nextEdgeID()), ("style", "dashed"), ("color", "#999999")]
        if !text.isEmpty { attributes.append(("label", DOTText.wrapped(text, width: 24))) }
        let from = labels[transition.from] ?? transition.from.rawValue
        let to = labels[transition.to] ?? transition.to.rawValue
        attributes.append(("tooltip", "\(from) → \(to)" + (text.isEmpty ? "" : ": \(text)")))
        let tail = entering ? stubName : transition.from.rawValue
        let head = entering ? transition.to.rawValue : stubName
        body.append("  \(DOTText.name(tail)) -> \(DOTText.name(head)) " + DOTText.attributes(attributes) + ";")
    }

    private var emittedStubs: Set<String> = []

    /// A share as a whole percentage, except that a share rounding to 0% or 100% without being exactly 0 or 1 is
    /// written "<1%" or ">99%", so that a rare branch never reads as one nobody takes.
    static func percentage(_ share: Double) -> String {
        let whole = Int((share * 100).rounded())
        if whole == 0, share > 0 { return "<1%" }
        if whole == 100, share < 1 { return ">99%" }
        return "\(whole)%"
    }

    /// A transition's condition with its share as a percentage ("variant found (40%)").
    private func edgeText(_ transition: Transition) -> String {
        var text = transition.condition ?? ""
        if let share = transition.share {
            let percent = Self.percentage(share)
            text = text.isEmpty ? percent : "\(text) (\(percent))"
        }
        return text
    }

    private mutating func nextEdgeID() -> String {
        edgeCount += 1
        return ids.make("edge", String(edgeCount))
    }

    // MARK: Overview

    /// One node standing for a whole sub-pathway.
    mutating func addPart(number: Int, title: String, steps: [Step], severity: Severity?) {
        var attributes: [(String, String)] = [
            ("id", ids.make("part", String(number))),
            ("label", DOTText.wrapped("\(number). \(title)") + "\n(\(steps.count) step\(steps.count == 1 ? "" : "s"))"),
            ("shape", "box"), ("style", "rounded,filled"),
        ]
        if let severity {
            let colours = SeverityColours(severity)
            attributes += [("fillcolor", colours.fill), ("color", colours.border), ("penwidth", "2")]
        }
        var tooltip = ["Part \(number): \(title)"] + steps.map { "- \($0.label)" }
        if let severity { tooltip.append("Most serious gap: \(severity.rawValue)") }
        attributes.append(("tooltip", tooltip.joined(separator: "\n")))
        body.append("  " + DOTText.name("part \(number)") + " " + DOTText.attributes(deduplicated(attributes)) + ";")
    }

    /// An edge between two sub-pathways, labelled with the conditions of the transitions that cross.
    mutating func addCrossing(from: Int, to: Int, conditions: [String], transitions: Int) {
        var attributes: [(String, String)] = [("id", nextEdgeID())]
        if !conditions.isEmpty {
            attributes.append(("label", conditions.map { DOTText.wrapped($0, width: 24) }.joined(separator: "\n")))
        }
        attributes.append(
            (
                "tooltip",
                "Part \(from) → part \(to): \(transitions) transition\(transitions == 1 ? "" : "s")"
                    + (conditions.isEmpty ? "" : " (" + conditions.joined(separator: "; ") + ")")
            ))
        body.append(
            "  \(DOTText.name("part \(from)")) -> \(DOTText.name("part \(to)")) " + DOTText.attributes(attributes) + ";"
        )
    }

    // MARK: Legend

    /// A legend of the severities used, most serious first; nothing when no step has gaps.
    mutating func addLegend(_ severities: Set<Severity>) {
        guard !severities.isEmpty else { return }
        body.append("  subgraph \"cluster_legend\" {")
        body.append(
            "    graph "
                + DOTText.attributes([
                    ("id", ids.make("legend", "gaps")), ("label", "Gaps"), ("tooltip", "Colours of steps with gaps"),
                    ("style", "dashed"), ("color", "#999999"), ("fontsize", "11"),
                ]) + ";")
        for severity in severities.sorted(by: >) {
            let colours = SeverityColours(severity)
            body.append(
                "    " + DOTText.name("legend: \(severity.rawValue)") + " "
                    + DOTText.attributes([
                        ("id", ids.make("legend", severity.rawValue)), ("label", colours.caption),
                        ("fillcolor", colours.fill), ("color", colours.border), ("penwidth", "2"), ("fontsize", "9"),
                        ("tooltip", "Steps with gaps of severity \(severity.rawValue)"),
                    ]) + ";")
        }
        body.append("  }")
    }

    /// A legend of the change marks used (see ``FlowchartChanges``); nothing when none is.
    mutating func addChangeLegend() {
        let marks = options.changes.marksUsed
        guard !marks.isEmpty else { return }
        body.append("  subgraph \"cluster_legend_changes\" {")
        body.append(
            "    graph "
                + DOTText.attributes([
                    ("id", ids.make("legend", "changes")), ("label", "Changes"),
                    ("tooltip", "Steps and transitions changed since the earlier version"), ("style", "dashed"),
                    ("color", "#999999"), ("fontsize", "11"),
                ]) + ";")
        for mark in marks {
            let style = mark.style
            var attributes = [
                ("id", ids.make("legend", mark.rawValue)), ("label", style.caption), ("fillcolor", style.fill),
                ("color", style.border), ("penwidth", "2"), ("fontsize", "9"), ("tooltip", "\(style.caption) steps"),
            ]
            if style.dashed { attributes.append(("style", "dashed,filled")) }
            body.append("    " + DOTText.name("legend: \(mark.rawValue)") + " " + DOTText.attributes(attributes) + ";")
        }
        body.append("  }")
    }

    // MARK: Names

    private func displayName(_ group: StaffGroupID) -> String {
        options.staffGroupNames[group] ?? group.rawValue
    }

    /// Attributes with later values replacing earlier ones of the same key, in first-written order.
    private func deduplicated(_ pairs: [(String, String)]) -> [(String, String)] {
        var order: [String] = []
        var values: [String: String] = [:]
        for (key, value) in pairs {
            if values[key] == nil { order.append(key) }
            values[key] = value
        }
        return order.map { ($0, values[$0] ?? "") }
    }
}

/// The colours of a severity, shared by steps and the legend.
struct SeverityColours {
    let fill: String
    let border: String
    let caption: String

    init(_ severity: Severity) {
        switch severity {
        case .error: (fill, border, caption) = ("#f8d0d0", "#c0392b", "gap (error)")
        case .warning: (fill, border, caption) = ("#fde9c8", "#d68910", "gap (warning)")
        case .note: (fill, border, caption) = ("#d6eaf8", "#2e86c1", "note")
        }
    }
}
