import PathwayKit

/// Flowcharts of a pathway, written as DOT text for Graphviz: the whole network, one chart per sub-pathway, and
/// an overview with one node per sub-pathway.
///
/// Conventions: start and end are rounded terminals, decisions diamonds with the condition on each outgoing edge,
/// merges small diamonds, parallel splits bars, activities boxes, references boxes with a double border. Steps
/// with gaps are coloured by severity, with a legend. Every node and edge has an `id` and a tooltip; node names
/// are step ids, so Graphviz's SVG `<title>`s read as step ids. The output is deterministic: the same input gives
/// byte-identical text.
///
/// Charts are drawn from the pathway's ``PathwayKit/PathwayIndex``: steps, labels, kinds, staff groups, conditions
/// and shares are read from its side tables and the transitions of a step from its graph, so no ``PathwayKit/Pathway``
/// value is made (``init(pathway:annotations:options:)`` indexes a value first).
public struct Flowchart: Sendable {
    /// The pathway to draw, as indexed.
    public var index: PathwayIndex {
        get { lookup.pathway }
        set { lookup = FlowchartIndex(newValue) }
    }
    /// The pathway to draw, as a value (made from the index when asked; setting it indexes the value).
    public var pathway: Pathway {
        get { lookup.pathway.pathway() }
        set { index = PathwayIndex(newValue) }
    }
    /// Gaps and links, by step.
    public var annotations: [StepID: StepAnnotation]
    /// How to draw.
    public var options: FlowchartOptions
    /// The transitions in written order and by step, and the main route, built once per pathway so that each chart
    /// costs its own size.
    private(set) var lookup: FlowchartIndex

    /// Creates a flowchart of an indexed pathway.
    ///
    /// - Parameters:
    ///   - index: The pathway to draw, as its reader indexed it.
    ///   - annotations: Gaps and links, by step.
    ///   - options: How to draw.
    /// - Complexity: O(V + E).
    public init(index: PathwayIndex, annotations: [StepID: StepAnnotation] = [:], options: FlowchartOptions = .init()) {
        self.annotations = annotations
        self.options = options
        lookup = FlowchartIndex(index)
    }

    /// Creates a flowchart of a pathway value (indexed once).
    ///
    /// - Parameters:
    ///   - pathway: The pathway to draw.
    ///   - annotations: Gaps and links, by step.
    ///   - options: How to draw.
    public init(pathway: Pathway, annotations: [StepID: StepAnnotation] = [:], options: FlowchartOptions = .init()) {
        self.init(index: PathwayIndex(pathway), annotations: annotations, options: options)
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
        let pathway = lookup.pathway
        guard pathway.stepCount <= options.maxSteps else {
            throw .tooLarge(pathway: pathway.id, steps: pathway.stepCount, limit: options.maxSteps)
        }
        var chart = ChartWriter(name: pathway.id.rawValue, title: pathway.title, options: options)
        let steps = Array(pathway.steps)
        chart.addSteps(steps, of: pathway, annotations: annotations, route: lookup.mainRoute)
        // Only a transition naming a missing step has an end that is not drawn.
        var seenUnknown: Set<StepID> = []
        for entry in pathway.danglingTransitions {
            for end in [entry.transition.from, entry.transition.to]
            where pathway.step(named: end) == nil && seenUnknown.insert(end).inserted {
                chart.addUnknownStep(end)
            }
        }
        for (_, transition) in lookup.written { chart.addTransition(edge(transition)) }
        // A sub-pathway written out on its own: where it joins its parent, as stubs.
        if let boundary = pathway.boundary {
            let drawn = { (id: StepID) in pathway.step(named: id) != nil }
            for link in boundary.entries where drawn(link.to) && !drawn(link.from) {
                chart.addStub(
                    for: edge(Transition(from: link.from, to: link.to, condition: link.condition)), entering: true)
            }
            for link in boundary.exits where drawn(link.from) && !drawn(link.to) {
                chart.addStub(
                    for: edge(Transition(from: link.from, to: link.to, condition: link.condition)), entering: false)
            }
        }
        chart.addLegend(steps.compactMap { annotations[StepID(pathway.stepIDs[$0])] })
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
        self.subpathway(subpathway, number: number, of: number, partOf: PartMap())
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
                throw .partTooLarge(pathway: index.id, part: position + 1, steps: steps, limit: options.maxSteps)
            }
        }
        let partOf = parts(of: subpathways)
        return subpathways.enumerated().map { index, part in
            subpathway(part, number: index + 1, of: subpathways.count, partOf: partOf)
        }
    }

    /// One sub-pathway's chart, its stubs linking to the parts in `partOf` when links are asked for.
    func subpathway(_ subpathway: FlowchartSubpathway, number: Int, of count: Int, partOf: PartMap) -> String {
        let pathway = lookup.pathway
        let steps = distinctSteps(of: subpathway)
        let inside = Set(steps)
        var chart = ChartWriter(
            name: "\(pathway.id.rawValue).\(number)", title: heading(of: subpathway, number: number), options: options)
        if let links = options.links { chart.addOverviewLink(links.overviewFile) }
        chart.addSteps(steps, of: pathway, annotations: annotations, route: lookup.mainRoute)
        func link(_ outside: Index<Step>?) -> String? {
            guard let links = options.links, let outside, let part = partOf[outside] else { return nil }
            return links.partFile(part + 1, of: count)
        }
        for (_, written) in lookup.transitions(touching: steps) {
            let ends = self.ends(written)
            let fromInside = ends.from.map(inside.contains) ?? false
            let toInside = ends.to.map(inside.contains) ?? false
            if fromInside && toInside {
                chart.addTransition(edge(written))
            } else if toInside {
                chart.addStub(for: edge(written), entering: true, link: link(ends.from))
            } else if fromInside {
                chart.addStub(for: edge(written), entering: false, link: link(ends.to))
            }
        }
        chart.addLegend(steps.compactMap { annotations[StepID(pathway.stepIDs[$0])] })
        return chart.text()
    }

    /// The heading of a sub-pathway's chart: "<pathway title>: part <n>: <part title>".
    public func heading(of subpathway: FlowchartSubpathway, number: Int) -> String {
        "\(index.title): part \(number): \(title(of: subpathway))"
    }

    /// The heading of the overview: "<pathway title>: overview".
    public var overviewHeading: String { "\(index.title): overview" }

    /// The 0-based part of each step: the first sub-pathway that lists it.
    ///
    /// - Complexity: O(V) for the table, and O(length of the id) per listed step.
    func parts(of subpathways: [FlowchartSubpathway]) -> PartMap {
        var map = PartMap(count: index.stepCount)
        for (number, subpathway) in subpathways.enumerated() {
            for step in listedSteps(of: subpathway) where map[step] == nil { map.parts[step.position] = Int32(number) }
        }
        return map
    }

    /// The steps a sub-pathway lists that the pathway has, in order, repeats kept.
    ///
    /// - Complexity: O(steps listed), with O(length of the id) per step when the part gives ids only.
    func listedSteps(of subpathway: FlowchartSubpathway) -> [Index<Step>] {
        if let indices = subpathway.stepIndices { return indices }
        let pathway = lookup.pathway
        return subpathway.steps.compactMap { pathway.step(named: $0) }
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
        let pathway = lookup.pathway
        guard subpathways.count <= options.maxParts else {
            throw .tooManyParts(pathway: pathway.id, parts: subpathways.count, limit: options.maxParts)
        }
        let part = parts(of: subpathways)
        var chart = ChartWriter(name: "\(pathway.id.rawValue).overview", title: overviewHeading, options: options)
        var used: [StepAnnotation] = []
        for (number, subpathway) in subpathways.enumerated() {
            let steps = listedSteps(of: subpathway).filter { part[$0] == number }
            let found = steps.compactMap { annotations[StepID(pathway.stepIDs[$0])] }
            let severity = found.map(\.severity).max()
            used += found
            chart.addPart(
                number: number + 1, title: title(of: subpathway), steps: steps, of: pathway, severity: severity,
                link: options.links?.partFile(number + 1, of: subpathways.count))
        }
        // Crossings, in the order their first transition is written (a transition naming a missing step is in
        // no part).
        var order: [PartPair] = []
        var conditions: [PartPair: [String]] = [:]
        var counts: [PartPair: Int] = [:]
        let sources = pathway.transitionSources
        let targets = pathway.transitionTargets
        for transition in pathway.transitions {
            guard let from = part[sources[transition]], let to = part[targets[transition]], from != to
            else { continue }
            let pair = PartPair(from: from, to: to)
            if counts[pair] == nil { order.append(pair) }
            counts[pair, default: 0] += 1
            if let condition = pathway.conditions[transition], !condition.isEmpty,
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

    /// The steps of a sub-pathway that the pathway has, each once, in the order listed.
    func distinctSteps(of subpathway: FlowchartSubpathway) -> [Index<Step>] {
        var seen: Set<Index<Step>> = []
        return listedSteps(of: subpathway).filter { seen.insert($0).inserted }
    }

    /// A sub-pathway's title, or "first … last" from its steps' labels.
    func title(of subpathway: FlowchartSubpathway) -> String {
        if let title = subpathway.title { return title }
        let pathway = lookup.pathway
        let steps = listedSteps(of: subpathway)
        guard let first = steps.first, let last = steps.last else { return "(no steps)" }
        return steps.count == 1 ? pathway.label(first) : "\(pathway.label(first)) … \(pathway.label(last))"
    }

    /// The two ends of a written transition, where they are steps.
    func ends(_ written: FlowchartIndex.Written) -> (from: Index<Step>?, to: Index<Step>?) {
        let pathway = lookup.pathway
        switch written {
        case .between(let transition):
            return (pathway.transitionSources[transition], pathway.transitionTargets[transition])
        case .dangling(let transition):
            return (pathway.step(named: transition.from), pathway.step(named: transition.to))
        }
    }

    /// What a chart draws of a written transition: its ends' ids and labels, condition and share.
    func edge(_ written: FlowchartIndex.Written) -> ChartEdge {
        let pathway = lookup.pathway
        switch written {
        case .between(let transition):
            let from = pathway.transitionSources[transition]
            let to = pathway.transitionTargets[transition]
            return ChartEdge(
                from: pathway.stepIDs[from], to: pathway.stepIDs[to], fromLabel: pathway.label(from),
                toLabel: pathway.label(to), condition: pathway.conditions[transition], share: pathway.share(transition))
        case .dangling(let transition):
            return edge(transition)
        }
    }

    /// What a chart draws of a transition given as a value.
    func edge(_ transition: Transition) -> ChartEdge {
        let pathway = lookup.pathway
        let label = { (id: StepID) in pathway.step(named: id).map(pathway.label) ?? id.rawValue }
        return ChartEdge(
            from: transition.from.rawValue, to: transition.to.rawValue, fromLabel: label(transition.from),
            toLabel: label(transition.to), condition: transition.condition, share: transition.share)
    }
}

/// The 0-based part of each step (`nil`: in none), by step.
struct PartMap {
    var parts: [Int32]

    init(count: Int = 0) { parts = [Int32](repeating: -1, count: count) }

    subscript(step: Index<Step>) -> Int? {
        guard step.position < parts.count else { return nil }
        let part = parts[step.position]
        return part < 0 ? nil : Int(part)
    }
}

/// A transition as a chart draws it: its ends' ids and labels, its condition and share.
struct ChartEdge {
    var from: String
    var to: String
    var fromLabel: String
    var toLabel: String
    var condition: String?
    var share: Double?
}

/// An ordered pair of sub-pathway indices.
struct PartPair: Hashable {
    var from: Int
    var to: Int
}
