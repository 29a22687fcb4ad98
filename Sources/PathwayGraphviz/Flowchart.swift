import PathwayKit

/// Flowcharts of a pathway, written as DOT text for Graphviz: the whole network, one chart per sub-pathway, and
/// an overview with one node per sub-pathway.
///
/// Conventions: start and end are rounded terminals, decisions diamonds with the condition on each outgoing edge,
/// merges small diamonds, parallel splits bars, activities boxes, references boxes with a double border. Steps
/// with gaps are coloured by severity, with a legend. Every node and edge has an `id` and a tooltip; node names
/// are step ids, so Graphviz's SVG `<title>`s read as step ids. The output is deterministic: the same input gives
/// byte-identical text.
public struct Flowchart: Sendable {
    /// The pathway to draw.
    public var pathway: Pathway
    /// Gaps and links, by step.
    public var annotations: [StepID: StepAnnotation]
    /// How to draw.
    public var options: FlowchartOptions

    /// Creates a flowchart.
    ///
    /// - Parameters:
    ///   - pathway: The pathway to draw.
    ///   - annotations: Gaps and links, by step.
    ///   - options: How to draw.
    public init(pathway: Pathway, annotations: [StepID: StepAnnotation] = [:], options: FlowchartOptions = .init()) {
        self.pathway = pathway
        self.annotations = annotations
        self.options = options
    }

    // MARK: Views

    /// The whole network as one chart. A pathway with a ``PathwayKit/PathwayBoundary`` (a sub-pathway written out
    /// on its own) shows its entries and exits as small grey stubs.
    ///
    /// - Returns: DOT text.
    /// - Throws: ``FlowchartError/tooLarge(pathway:steps:limit:)`` when the pathway has more steps than
    ///   ``FlowchartOptions/maxSteps``.
    /// - Complexity: O(V + E) in the pathway's steps and transitions.
    public func network() throws(FlowchartError) -> String {
        let steps = uniqueSteps
        guard steps.count <= options.maxSteps else {
            throw .tooLarge(pathway: pathway.id, steps: steps.count, limit: options.maxSteps)
        }
        var chart = ChartWriter(name: pathway.id.rawValue, title: pathway.title, options: options)
        let drawn = Set(steps.map(\.id))
        chart.addSteps(steps, annotations: annotations)
        var unknown: [StepID] = []
        var seenUnknown: Set<StepID> = []
        for transition in pathway.transitions {
            for end in [transition.from, transition.to] where !drawn.contains(end) && seenUnknown.insert(end).inserted {
                unknown.append(end)
            }
        }
        for id in unknown { chart.addUnknownStep(id) }
        let names = labels(of: steps)
        for transition in pathway.transitions { chart.addTransition(transition, labels: names) }
        // A sub-pathway written out on its own: where it joins its parent, as stubs.
        if let boundary = pathway.boundary {
            for link in boundary.entries where drawn.contains(link.to) && !drawn.contains(link.from) {
                chart.addStub(
                    for: Transition(from: link.from, to: link.to, condition: link.condition), entering: true,
                    labels: names)
            }
            for link in boundary.exits where drawn.contains(link.from) && !drawn.contains(link.to) {
                chart.addStub(
                    for: Transition(from: link.from, to: link.to, condition: link.condition), entering: false,
                    labels: names)
            }
        }
        chart.addLegend(severities(of: steps))
        chart.addChangeLegend()
        return chart.text()
    }

    /// One sub-pathway as a chart of its own, with the steps it links to outside drawn as small grey stubs
    /// ("from …", "to …").
    ///
    /// - Parameters:
    ///   - subpathway: The steps to draw; ids that are not steps of the pathway are ignored.
    ///   - number: The sub-pathway's 1-based number, used in the chart's name (`<pathway-id>.<number>`).
    /// - Returns: DOT text.
    /// - Complexity: O(V + E).
    public func subpathway(_ subpathway: FlowchartSubpathway, number: Int) -> String {
        let byID = stepsByID
        var inside: Set<StepID> = []
        var steps: [Step] = []
        for id in subpathway.steps where inside.insert(id).inserted {
            if let step = byID[id] { steps.append(step) } else { inside.remove(id) }
        }
        let heading = "\(pathway.title): part \(number): \(title(of: subpathway, steps: byID))"
        var chart = ChartWriter(name: "\(pathway.id.rawValue).\(number)", title: heading, options: options)
        chart.addSteps(steps, annotations: annotations)
        let names = labels(of: uniqueSteps)
        for transition in pathway.transitions {
            let fromInside = inside.contains(transition.from)
            let toInside = inside.contains(transition.to)
            if fromInside && toInside {
                chart.addTransition(transition, labels: names)
            } else if toInside {
                chart.addStub(for: transition, entering: true, labels: names)
            } else if fromInside {
                chart.addStub(for: transition, entering: false, labels: names)
            }
        }
        chart.addLegend(severities(of: steps))
        return chart.text()
    }

    /// Every sub-pathway as one node, with an edge between two sub-pathways when any transition crosses from one
    /// to the other, labelled with the conditions of those transitions.
    ///
    /// - Parameter subpathways: The sub-pathways; a step listed in several belongs to the first.
    /// - Returns: DOT text.
    /// - Complexity: O(V + E).
    public func overview(_ subpathways: [FlowchartSubpathway]) -> String {
        let byID = stepsByID
        var part: [StepID: Int] = [:]
        for (index, subpathway) in subpathways.enumerated() {
            for id in subpathway.steps where part[id] == nil && byID[id] != nil { part[id] = index }
        }
        var chart = ChartWriter(
            name: "\(pathway.id.rawValue).overview", title: "\(pathway.title): overview", options: options)
        var used: Set<Severity> = []
        for (index, subpathway) in subpathways.enumerated() {
            let steps = subpathway.steps.filter { part[$0] == index }.compactMap { byID[$0] }
            let severity = steps.compactMap { annotations[$0.id]?.severity }.max()
            if let severity { used.insert(severity) }
            chart.addPart(
                number: index + 1, title: title(of: subpathway, steps: byID), steps: steps, severity: severity)
        }
        // Crossings, in the order their first transition is written.
        var order: [PartPair] = []
        var conditions: [PartPair: [String]] = [:]
        var counts: [PartPair: Int] = [:]
        for transition in pathway.transitions {
            guard let from = part[transition.from], let to = part[transition.to], from != to else { continue }
            let pair = PartPair(from: from, to: to)
            if counts[pair] == nil { order.append(pair) }
            counts[pair, default: 0] += 1
            if let condition = transition.condition, !condition.isEmpty,
                !(conditions[pair] ?? []).contains(condition)
            {
                conditions[pair, default: []].append(condition)
            }
        }
        for pair in order {
            chart.addCrossing(
                from: pair.from + 1, to: pair.to + 1, conditions: conditions[pair] ?? [], transitions: counts[pair] ?? 0
            )
        }
        chart.addLegend(used)
        return chart.text()
    }

    // MARK: Helpers

    /// The pathway's steps, keeping the first of any duplicated id.
    var uniqueSteps: [Step] {
        var seen: Set<StepID> = []
        return pathway.steps.filter { seen.insert($0.id).inserted }
    }

    /// The first step with each id.
    var stepsByID: [StepID: Step] {
        var result: [StepID: Step] = [:]
        for step in pathway.steps where result[step.id] == nil { result[step.id] = step }
        return result
    }

    /// Step labels by id.
    func labels(of steps: [Step]) -> [StepID: String] {
        var result: [StepID: String] = [:]
        for step in steps { result[step.id] = step.label }
        return result
    }

    /// The severities annotated on some steps.
    func severities(of steps: [Step]) -> Set<Severity> {
        Set(steps.compactMap { annotations[$0.id]?.severity })
    }

    /// A sub-pathway's title, or "first … last" from its steps' labels.
    func title(of subpathway: FlowchartSubpathway, steps: [StepID: Step]) -> String {
        if let title = subpathway.title { return title }
        let labels = subpathway.steps.compactMap { steps[$0]?.label }
        guard let first = labels.first, let last = labels.last else { return "(no steps)" }
        return labels.count == 1 ? first : "\(first) … \(last)"
    }
}

/// An ordered pair of sub-pathway indices.
struct PartPair: Hashable {
    var from: Int
    var to: Int
}
