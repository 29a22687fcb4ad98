import PathwayKit

/// What every chart of one pathway looks up, built once: the steps (first of each id), their labels, and for each
/// step the positions of the transitions that touch it, so that a sub-pathway's chart visits only its own steps'
/// transitions instead of the whole pathway's.
struct FlowchartIndex: Sendable {
    /// The pathway's steps, keeping the first of any duplicated id.
    let steps: [Step]
    /// The first step with each id.
    let byID: [StepID: Step]
    /// Step labels by id.
    let labels: [StepID: String]
    /// For each step id, the positions in `pathway.transitions` of the transitions from or to it, ascending.
    let incident: [StepID: [Int]]
    /// The position of each step on the main route: from the first start step, always the most likely branch
    /// (the largest share, else the first written), until an end or a step already passed.
    let mainRoute: [StepID: Int]

    /// Indexes a pathway.
    ///
    /// - Complexity: O(V + E) in the pathway's steps and transitions.
    init(_ pathway: Pathway) {
        var byID: [StepID: Step] = [:]
        var steps: [Step] = []
        var labels: [StepID: String] = [:]
        byID.reserveCapacity(pathway.steps.count)
        for step in pathway.steps where byID[step.id] == nil {
            byID[step.id] = step
            labels[step.id] = step.label
            steps.append(step)
        }
        var incident: [StepID: [Int]] = [:]
        for (position, transition) in pathway.transitions.enumerated() {
            incident[transition.from, default: []].append(position)
            if transition.to != transition.from { incident[transition.to, default: []].append(position) }
        }
        self.steps = steps
        self.byID = byID
        self.labels = labels
        self.incident = incident
        var route: [StepID: Int] = [:]
        var current = (steps.first { $0.kind == .start } ?? steps.first)?.id
        while let step = current, route[step] == nil {
            route[step] = route.count
            var best: Transition?
            for position in incident[step] ?? [] {
                let transition = pathway.transitions[position]
                guard transition.from == step, route[transition.to] == nil else { continue }
                if best == nil || (transition.share ?? 0) > (best?.share ?? 0) { best = transition }
            }
            current = best?.to
        }
        self.mainRoute = route
    }

    /// The positions of the transitions touching any of `ids`, ascending and without repeats.
    ///
    /// - Complexity: O(k log k) for k transitions touching the steps.
    func transitions(touching ids: some Sequence<StepID>) -> [Int] {
        var positions: Set<Int> = []
        for id in ids { positions.formUnion(incident[id] ?? []) }
        return positions.sorted()
    }
}
