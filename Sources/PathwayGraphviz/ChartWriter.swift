import PathwayKit

/// Writes one DOT chart line by line, in the order things are added, handing out unique SVG ids.
struct ChartWriter {
    private var header: [String] = []
    private var body: [String] = []
    private var ids = IdentifierAllocator()
    private let options: FlowchartOptions
    /// The number of edges written so far (edge ids are `edge-<n>`).
    private var edgeCount = 0
    /// The number of steps added so far.
    private var stepCount = 0

    /// Starts a chart.
    ///
    /// - Parameters:
    ///   - name: The graph's name (the pathway id, or `<id>.<n>` for a sub-pathway).
    ///   - title: The heading written above the chart.
    ///   - options: How to draw.
    init(name: String, title: String, options: FlowchartOptions) {
        self.options = options
        let graphID = ids.make("chart", name)
        // The graph's name is its heading, so that the SVG's <title> reads as words rather than an id.
        header.append("digraph \(DOTText.name(title)) {")
        var graph: [(String, String)] = [
            ("id", graphID), ("label", DOTText.wrapped(title, width: 80)), ("labelloc", "t"), ("newrank", "true"),
            ("fontname", "Helvetica"), ("fontsize", "16"), ("rankdir", options.direction.rawValue),
            ("nodesep", "0.35"), ("ranksep", "0.45"), ("tooltip", title),
            // No page margin: a PDF page is the chart's size (as SVG and PNG already are), with Graphviz's 4-point pad.
            ("margin", "0"),
        ]
        if let dpi = options.dpi { graph.append(("dpi", String(dpi))) }
        header.append("  graph " + DOTText.attributes(graph) + ";")
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

    /// The finished DOT text, ending in a newline. Above ``FlowchartOptions/boundedLayoutSteps`` steps, `dot`'s
    /// node placement is limited to ``FlowchartOptions/boundedLayoutIterations`` network simplex iterations.
    func text() -> String {
        var limit: [String] = []
        if stepCount > FlowchartOptions.boundedLayoutSteps {
            let ratio = Double(FlowchartOptions.boundedLayoutIterations) / Double(stepCount)
            limit.append("  graph " + DOTText.attributes([("nslimit", "\(ratio)")]) + ";")
        }
        return (header + limit + body + ["}"]).joined(separator: "\n") + "\n"
    }

    // MARK: Steps

    /// Adds steps, in swimlanes when the options ask for them.
    ///
    /// Lanes are bands along the flow (columns top to bottom, rows left to right), one per staff group that leads a
    /// step (its first group), in the order the groups first appear along the main route, then in the order of the
    /// steps; each band is headed by the group's name and reaches from the first rank to the last, so the bands
    /// line up. Steps that name no staff group go in a last band of their own.
    ///
    /// - Parameters:
    ///   - steps: The steps, in order.
    ///   - pathway: The pathway they are steps of.
    ///   - annotations: Gaps by step.
    ///   - route: The position of each step of the pathway on the main route (`-1`: off it), which orders the lanes.
    /// - Complexity: O(s log s) for s steps.
    mutating func addSteps(
        _ steps: [Index<Step>], of pathway: PathwayIndex, annotations: [StepID: StepAnnotation], route: [Int32]
    ) {
        stepCount += steps.count
        guard options.lanes else {
            for step in steps {
                body.append("  " + stepStatement(step, of: pathway, annotations: annotations, inLane: false))
            }
            return
        }
        // Lanes by the raw index of a step's first staff group (-1: none).
        var members: [Int32: [Index<Step>]] = [:]
        var key: [Int32: (route: Int, order: Int)] = [:]
        for (order, step) in steps.enumerated() {
            let group = pathway.staffGroups(step).first?.raw ?? -1
            members[group, default: []].append(step)
            let onRoute = step.position < route.count ? route[step.position] : -1
            let position = onRoute < 0 ? Int.max : Int(onRoute)
            if let current = key[group] {
                key[group] = (min(current.route, position), current.order)
            } else {
                key[group] = (position, order)
            }
        }
        let lanes = key.keys.sorted { lhs, rhs in
            // The band of steps with no staff group comes last.
            if (lhs < 0) != (rhs < 0) { return rhs < 0 }
            let left = key[lhs] ?? (0, 0)
            let right = key[rhs] ?? (0, 0)
            return left.route != right.route ? left.route < right.route : left.order < right.order
        }
        var heads: [String] = []
        var feet: [String] = []
        for (index, lane) in lanes.enumerated() {
            let group = lane < 0 ? nil : StaffGroupID(pathway.staffGroupIDs[Index<StaffGroup>(raw: lane)])
            let name = group.map(displayName) ?? "No staff group named"
            let laneID = ids.make("lane", group?.rawValue ?? "none")
            let head = "lane \(index + 1)"
            let foot = "lane \(index + 1) end"
            heads.append(head)
            feet.append(foot)
            body.append("  subgraph \(DOTText.name("cluster_lane_\(index + 1)")) {")
            body.append(
                "    graph "
                    + DOTText.attributes([
                        ("id", laneID), ("label", ""), ("tooltip", "Lane: \(name)"), ("style", "filled"),
                        ("fillcolor", index.isMultiple(of: 2) ? "#eef2f6" : "#f8f9fb"), ("color", "#b0b8c0"),
                        ("margin", "10"),
                    ]) + ";")
            body.append(
                "    \(DOTText.name(head)) "
                    + DOTText.attributes([
                        ("id", ids.make("lane-name", group?.rawValue ?? "none")),
                        ("label", DOTText.wrapped(name, width: 24)),
                        ("shape", "plaintext"), ("style", ""), ("fontname", "Helvetica-Bold"), ("fontsize", "13"),
                        ("tooltip", "Lane: \(name)"),
                    ]) + ";")
            for step in members[lane] ?? [] {
                body.append("    " + stepStatement(step, of: pathway, annotations: annotations, inLane: true))
            }
            body.append(
                "    \(DOTText.name(foot)) [shape=\"point\", style=\"invis\", width=\"0\", height=\"0\", label=\"\"];")
            // Each step lies between its lane's name and its end (weightless edges, so they do not pull).
            for step in members[lane] ?? [] {
                let node = DOTText.name(pathway.stepIDs[step])
                body.append("    \(DOTText.name(head)) -> \(node) [style=\"invis\", weight=\"0\"];")
                body.append("    \(node) -> \(DOTText.name(foot)) [style=\"invis\", weight=\"0\"];")
            }
            body.append("  }")
        }
        // The lane names share one rank and the ends another, so every band spans the whole chart, in order.
        body.append("  { rank=same; " + heads.map { DOTText.name($0) + ";" }.joined(separator: " ") + " }")
        body.append("  { rank=same; " + feet.map { DOTText.name($0) + ";" }.joined(separator: " ") + " }")
        for pair in zip(heads, heads.dropFirst()) {
            body.append("  \(DOTText.name(pair.0)) -> \(DOTText.name(pair.1)) [style=\"invis\"];")
        }
        for pair in zip(feet, feet.dropFirst()) {
            body.append("  \(DOTText.name(pair.0)) -> \(DOTText.name(pair.1)) [style=\"invis\"];")
        }
    }

    /// The node statement of one step.
    private mutating func stepStatement(
        _ step: Index<Step>, of pathway: PathwayIndex, annotations: [StepID: StepAnnotation], inLane: Bool
    ) -> String {
        let id = pathway.stepIDs[step]
        let stepID = StepID(id)
        let annotation = annotations[stepID]
        let kind = pathway.kinds[step]
        let label = DOTText.wrapped(pathway.label(step), width: options.labelWidth)
        var attributes: [(String, String)] = [("id", ids.make("step", id))]
        switch kind {
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
            // A dark bar across the flow with its label inside in white: an outside label (xlabel) is placed after
            // the edges and was crossed by them.
            attributes += [
                ("label", label), ("shape", "box"), ("height", "0.2"), ("margin", "0.2,0.02"), ("fillcolor", "#333333"),
                ("fontcolor", "#ffffff"), ("fontsize", "10"),
            ]
        case .reference:
            attributes += [("label", label), ("shape", "box"), ("peripheries", "2")]
        }
        if let annotation {
            let colours = SeverityColours(annotation.severity)
            if kind != .parallel { attributes.append(("fillcolor", colours.fill)) }
            let rounded = kind == .start || kind == .end ? "rounded," : ""
            attributes += [
                ("color", colours.border), ("penwidth", colours.penwidth), ("style", rounded + colours.style),
            ]
            if let url = annotation.url, !url.isEmpty {
                attributes += [("URL", DOTText.url(url)), ("target", "_blank")]
            }
        }
        attributes += options.changes.attributes(for: stepID, kind: kind)
        attributes.append(("tooltip", tooltip(step, of: pathway, annotation: annotation)))
        // In a lane, the other staff groups of a shared step are named in a small second line.
        let groups = pathway.staffGroups(step)
        if inLane, groups.count > 1, kind != .merge, kind != .parallel {
            let others =
                "also: "
                + groups.dropFirst().map { displayName(StaffGroupID(pathway.staffGroupIDs[$0])) }
                .joined(separator: ", ")
            attributes.append(
                (
                    DOTText.htmlKey,
                    DOTText.htmlLabel(
                        lines: label.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                        small: DOTText.wrapped(others, width: options.labelWidth + 6).split(separator: "\n").map(
                            String.init))
                ))
        }
        return DOTText.name(id) + " " + DOTText.attributes(deduplicated(attributes)) + ";"
    }

    /// A step's tooltip: its label, kind, staff groups, competencies, setting and gaps, one per line.
    private func tooltip(_ step: Index<Step>, of pathway: PathwayIndex, annotation: StepAnnotation?) -> String {
        var lines = [pathway.label(step), "Kind: \(pathway.kinds[step].rawValue)"]
        let groups = pathway.staffGroups(step)
        if !groups.isEmpty {
            lines.append(
                "Staff groups: "
                    + groups.map { displayName(StaffGroupID(pathway.staffGroupIDs[$0])) }.joined(separator: ", "))
        }
        let slots = pathway.competencySlots(step)
        if !slots.isEmpty {
            lines.append(
                "Competencies: "
                    + slots.map { slot in
                        let competency = pathway.competencyIDs[pathway.competencyMembers[slot]]
                        return pathway.competencyLevels[Index(slot)].map { "\(competency) (level \($0))" } ?? competency
                    }.joined(separator: ", "))
        }
        if let setting = pathway.setting(step) { lines.append("Setting: \(pathway.settingNames[setting])") }
        if let stage = pathway.stage(step) { lines.append("Stage: \(pathway.stageNames[stage])") }
        if let reference = pathway.details[step]?.reference { lines.append("Refers to: \(reference)") }
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
    ///
    /// The condition is the edge's `label`, which `dot` lays out with the graph, so it keeps clear of nodes. Measured
    /// on the bundled pilots' charts (README "Flowcharts"), it put no label on a node, while `xlabel` (placed after
    /// layout), `labelfloat=true`, and `headlabel`/`taillabel` (drawn at the edge's end whatever lies there) each
    /// put some on nodes, and `forcelabels=false` dropped xlabels instead. `EdgeLabelPlacementTests` keeps it so.
    mutating func addTransition(_ transition: ChartEdge) {
        let text = edgeText(transition)
        var attributes: [(String, String)] = [("id", nextEdgeID())]
        if !text.isEmpty { attributes.append(("label", DOTText.wrapped(text, width: 24))) }
        attributes.append(
            ("tooltip", "\(transition.fromLabel) → \(transition.toLabel)" + (text.isEmpty ? "" : ": \(text)")))
        attributes += options.changes.attributes(from: StepID(transition.from), to: StepID(transition.to))
        body.append(
            "  \(DOTText.name(transition.from)) -> \(DOTText.name(transition.to)) " + DOTText.attributes(attributes)
                + ";")
    }

    /// A small grey stub for a step outside a sub-pathway, with the transition that crosses the boundary.
    mutating func addStub(for transition: ChartEdge, entering: Bool, link: String? = nil) {
        let outside = entering ? transition.from : transition.to
        let outsideLabel = entering ? transition.fromLabel : transition.toLabel
        let stubName = (entering ? "from: " : "to: ") + outside
        let stubLabel = (entering ? "from " : "to ") + outsideLabel
        let stubID = (entering ? "from-" : "to-") + DOTText.identifier(outside)
        if !emittedStubs.contains(stubName) {
            emittedStubs.insert(stubName)
            var stub: [(String, String)] = [
                ("id", ids.make("stub", stubID)), ("label", DOTText.wrapped(stubLabel, width: 24)),
                ("shape", "box"), ("style", "rounded,dashed,filled"), ("fillcolor", "#eeeeee"),
                ("color", "#999999"), ("fontcolor", "#666666"), ("fontsize", "9"), ("height", "0.3"),
                (
                    "tooltip",
                    (entering ? "Comes from " : "Goes on to ") + outsideLabel
                        + (link == nil ? " (outside this part)" : " (in another part: follow the link)")
                ),
            ]
            if let link { stub += [("URL", DOTText.url(link)), ("fontcolor", "#1a5fb4")] }
            body.append("  " + DOTText.name(stubName) + " " + DOTText.attributes(deduplicated(stub)) + ";")
        }
        let text = edgeText(transition)
        var attributes: [(String, String)] = [("id", nextEdgeID()), ("style", "dashed"), ("color", "#999999")]
        if !text.isEmpty { attributes.append(("label", DOTText.wrapped(text, width: 24))) }
        attributes.append(
            ("tooltip", "\(transition.fromLabel) → \(transition.toLabel)" + (text.isEmpty ? "" : ": \(text)")))
        let tail = entering ? stubName : transition.from
        let head = entering ? transition.to : stubName
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
    private func edgeText(_ transition: ChartEdge) -> String {
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
    mutating func addPart(
        number: Int, title: String, steps: [Index<Step>], of pathway: PathwayIndex, severity: Severity?,
        link: String? = nil
    ) {
        // A part that is one decision keeps the decision's diamond.
        let isDecision = steps.count == 1 && steps.first.map { pathway.kinds[$0] } == .decision
        var attributes: [(String, String)] = [
            ("id", ids.make("part", String(number))),
            ("label", DOTText.wrapped("\(number). \(title)") + "\n(\(steps.count) step\(steps.count == 1 ? "" : "s"))"),
            ("shape", isDecision ? "diamond" : "box"), ("style", isDecision ? "filled" : "rounded,filled"),
        ]
        if isDecision { attributes.append(("margin", "0.05,0.03")) }
        if let severity {
            let colours = SeverityColours(severity)
            attributes += [
                ("fillcolor", colours.fill), ("color", colours.border), ("penwidth", colours.penwidth),
                ("style", (isDecision ? "" : "rounded,") + colours.style),
            ]
        }
        if let link { attributes += [("URL", DOTText.url(link)), ("fontcolor", "#1a5fb4")] }
        var tooltip = ["Part \(number): \(title)"] + steps.map { "- " + pathway.label($0) }
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

    /// A small link back to the overview, placed at the top of the chart.
    mutating func addOverviewLink(_ file: String) {
        body.append(
            "  { rank=min; \"link: overview\" "
                + DOTText.attributes([
                    ("id", ids.make("link", "overview")), ("label", "↑ Overview of the pathway"),
                    ("shape", "plaintext"),
                    ("style", ""), ("fontcolor", "#1a5fb4"), ("fontsize", "10"), ("URL", DOTText.url(file)),
                    ("tooltip", "Back to the overview of the whole pathway"),
                ]) + "; }")
    }

    // MARK: Legend

    /// A legend of the severities used, most serious first, each naming the gap classes of that severity found on
    /// the chart's steps; nothing when no step has gaps.
    mutating func addLegend(_ annotations: [StepAnnotation]) {
        var classes: [Severity: Set<GapClass>] = [:]
        for annotation in annotations { classes[annotation.severity, default: []].formUnion(annotation.gapClasses) }
        guard !classes.isEmpty else { return }
        body.append("  subgraph \"cluster_legend\" {")
        body.append(
            "    graph "
                + DOTText.attributes([
                    ("id", ids.make("legend", "gaps")), ("label", "Gaps (worst on the step)"),
                    ("tooltip", "Colours of steps with gaps"), ("style", "dashed"), ("color", "#999999"),
                    ("fontsize", "11"),
                ]) + ";")
        var previous: String?
        for severity in classes.keys.sorted(by: >) {
            let colours = SeverityColours(severity)
            let named = (classes[severity] ?? []).sorted()
            var label = colours.caption
            if !named.isEmpty {
                label += "\n" + DOTText.wrapped(named.map(\.rawValue).joined(separator: ", "), width: 30)
            }
            let name = "legend: \(severity.rawValue)"
            body.append(
                "    " + DOTText.name(name) + " "
                    + DOTText.attributes([
                        ("id", ids.make("legend", severity.rawValue)), ("label", label),
                        ("style", colours.style), ("fillcolor", colours.fill), ("color", colours.border),
                        ("penwidth", colours.penwidth), ("fontsize", "9"),
                        (
                            "tooltip",
                            "Steps whose worst gap is \(severity.rawValue.lowercased()): "
                                + named.map { "\($0.rawValue) (\($0.summary))" }.joined(separator: "; ")
                        ),
                    ]) + ";")
            // Keep the legend's entries in one column, most serious first.
            if let previous { body.append("    \(DOTText.name(previous)) -> \(DOTText.name(name)) [style=invis];") }
            previous = name
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

/// The colours of a severity, shared by steps and the legend: the report's palette (dark red, amber, blue), with
/// a second cue that does not rely on colour (a heavy solid border for errors, dashed for warnings, dotted for
/// notes) so the classes stay apart for readers who do not tell red from amber.
struct SeverityColours {
    let fill: String
    let border: String
    let caption: String
    /// The node style (`filled` plus the border's line).
    let style: String
    let penwidth: String

    init(_ severity: Severity) {
        switch severity {
        case .error: (fill, border, caption, style, penwidth) = ("#fde7e7", "#b71c1c", "Error", "filled,bold", "3")
        case .warning:
            (fill, border, caption, style, penwidth) = ("#fff4d6", "#e6a700", "Warning", "filled,dashed", "2")
        case .note: (fill, border, caption, style, penwidth) = ("#e3effc", "#1565c0", "Note", "filled,dotted", "2")
        }
    }
}
