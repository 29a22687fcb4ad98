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
    public var pathway: Pathway {
        didSet { index = FlowchartIndex(pathway) }
    }
    /// Gaps and links, by step.
    public var annotations: [StepID: StepAnnotation]
    /// How to draw.
    public var options: FlowchartOptions
    /// Steps, labels and transitions by step, built once per pathway so that each chart costs its own size.
    private(set) var index: FlowchartIndex

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
        self.index = FlowchartIndex(pathway)
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
        chart.addSteps(steps, annotations: annotations, route: index.mainRoute)
        var unknown: [StepID] = []
        var seenUnknown: Set<StepID> = []
        for transition in pathway.transitions {
            for end in [transition.from, transition.to] where !drawn.contains(end) && seenUnknown.insert(end).inserted {
                unknown.append(end)
            }
        }
        for id in unknown { chart.addUnknownStep(id) }
        let names = index.labels
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
        chart.addLegend(steps.compactMap { annotations[$0.id] })
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
    /// - Complexity: O(s + t log t) for the part's s steps and the t transitions touching them (the pathway is
    ///   indexed once, when the flowchart is made), so charting every part of a pathway is linear in its size.
    public func subpathway(_ subpathway: FlowchartSubpathway, number: Int) -> String {
        self.subpathway(subpathway, number: number, of: number, partOf: [:])
    }

    /// Every sub-pathway as a chart of its own, in order. With ``FlowchartOptions/links`` set, each chart links back
    /// to the overview, and a stub for a step of another part links to that part's chart.
    ///
    /// - Parameter subpathways: The sub-pathways; a step listed in several belongs to the first.
    /// - Returns: The DOT text of each chart.
    /// - Throws: ``FlowchartError/partTooLarge(pathway:part:steps:limit:)`` when a part has more steps than
    ///   ``FlowchartOptions/maxSteps`` (checked before any chart is written).
    /// - Complexity: O(V + E log E) over all the charts together.
    public func subpathways(_ subpathways: [FlowchartSubpathway]) throws(FlowchartError) -> [String] {
        for (position, part) in subpathways.enumerated() where part.steps.count > options.maxSteps {
            let steps = Set(part.steps).count
            if steps > options.maxSteps {
                throw .partTooLarge(pathway: pathway.id, part: position + 1, steps: steps, limit: options.maxSteps)
            }
        }
        let partOf = parts(of: subpathways)
        return subpathways.enumerated().map { index, part in
            subpathway(part, number: index + 1, of: subpathways.count, partOf: partOf)
        }
    }

    /// One sub-pathway's chart, its stubs linking to the parts in `partOf` when links are asked for.
    func subpathway(_ subpathway: FlowchartSubpathway, number: Int, of count: Int, partOf: [StepID: Int]) -> String {
        let byID = index.byID
        var inside: Set<StepID> = []
        var steps: [Step] = []
        for id in subpathway.steps where inside.insert(id).inserted {
            if let step = byID[id] { steps.append(step) } else { inside.remove(id) }
        }
        var chart = ChartWriter(
            name: "\(pathway.id.rawValue).\(number)", title: heading(of: subpathway, number: number), options: options)
        if let links = options.links { chart.addOverviewLink(links.overviewFile) }
        chart.addSteps(steps, annotations: annotations, route: index.mainRoute)
        let names = index.labels
        func link(_ outside: StepID) -> String? {
            guard let links = options.links, let part = partOf[outside] else { return nil }
            return links.partFile(part + 1, of: count)
        }
        for position in index.transitions(touching: steps.map(\.id)) {
            let transition = pathway.transitions[position]
            let fromInside = inside.contains(transition.from)
            let toInside = inside.contains(transition.to)
            if fromInside && toInside {
                chart.addTransition(transition, labels: names)
            } else if toInside {
                chart.addStub(for: transition, entering: true, labels: names, link: link(transition.from))
            } else if fromInside {
                chart.addStub(for: transition, entering: false, labels: names, link: link(transition.to))
            }
        }
        chart.addLegend(steps.compactMap { annotations[$0.id] })
        return chart.text()
    }

    /// The heading of a sub-pathway's chart: "<pathway title>: part <n>: <part title>".
    public func heading(of subpathway: FlowchartSubpathway, number: Int) -> String {
        "\(pathway.title): part \(number): \(title(of: subpathway, steps: index.byID))"
    }

    /// The heading of the overview: "<pathway title>: overview".
    public var overviewHeading: String { "\(pathway.title): overview" }

    /// The 0-based part of each step: the first sub-pathway that lists it.
    func parts(of subpathways: [FlowchartSubpathway]) -> [StepID: Int] {
        var part: [StepID: Int] = [:]
        for (number, subpathway) in subpathways.enumerated() {
            for id in subpathway.steps where part[id] == nil && index.byID[id] != nil { part[id] = number }
        }
        return part
    }

    /// Every sub-pathway as one node, with an edge between two sub-pathways when any transition crosses from one
    /// to the other, labelled with the conditions of those transitions.
    ///
    /// - Parameter subpathways: The sub-pathways; a step listed in several belongs to the first.
    /// - Returns: DOT text.
    /// - Throws: ``FlowchartError/tooManyParts(pathway:parts:limit:)`` when there are more parts than
    ///   ``FlowchartOptions/maxParts``.
    /// - Complexity: O(V + E).
    public func overview(_ subpathways: [FlowchartSubpathway]) throws(FlowchartError) -> String {
        guard subpathways.count <= options.maxParts else {
            throw .tooManyParts(pathway: pathway.id, parts: subpathways.count, limit: options.maxParts)
        }
        let byID = stepsByID
        let part = parts(of: subpathways)
        var chart = ChartWriter(name: "\(pathway.id.rawValue).overview", title: overviewHeading, options: options)
        var used: [StepAnnotation] = []
        for (index, subpathway) in subpathways.enumerated() {
            let steps = subpathway.steps.filter { part[$0] == index }.compactMap { byID[$0] }
            let found = steps.compactMap { annotations[$0.id] }
            let severity = found.map(\.severity).max()
            used += found
            chart.addPart(
                number: index + 1, title: title(of: subpathway, steps: byID), steps: steps, severity: severity,
                link: options.links?.partFile(index + 1, of: subpathways.count))
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
    var uniqueSteps: [Step] { index.steps }

    /// The first step with each id.
    var stepsByID: [StepID: Step] { index.byID }

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
