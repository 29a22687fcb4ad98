import PathwayKit

extension Flowchart {
    // MARK: Text alternatives

    /// A plain-text alternative to the network chart, for screen readers and for pasting into documents: the
    /// heading, a one-line summary, then the steps in the pathway's order, numbered, each with its kind, who does
    /// it, its gaps, and where it leads (a decision lists every branch with its condition).
    ///
    /// - Complexity: O(V + E).
    public func networkText() -> String {
        text(heading: index.title, steps: Array(index.steps), number: nil, count: 0, partOf: PartMap())
    }

    /// A text alternative to each sub-pathway's chart, in order; a branch leading into another part names it.
    ///
    /// - Complexity: O(V + E log E) over all the parts together.
    public func subpathwayTexts(_ subpathways: [FlowchartSubpathway]) -> [String] {
        let partOf = parts(of: subpathways)
        return subpathways.enumerated().map { position, part in
            text(
                heading: heading(of: part, number: position + 1), steps: distinctSteps(of: part), number: position + 1,
                count: subpathways.count, partOf: partOf)
        }
    }

    /// A text alternative to the overview: each part in order with its steps, and the parts it leads to.
    ///
    /// - Complexity: O(V + E).
    public func overviewText(_ subpathways: [FlowchartSubpathway]) -> String {
        let pathway = index
        let partOf = parts(of: subpathways)
        var next: [Int: [Int]] = [:]
        let sources = pathway.transitionSources
        let targets = pathway.transitionTargets
        for transition in pathway.transitions {
            guard let from = partOf[sources[transition]], let to = partOf[targets[transition]], from != to
            else { continue }
            if !(next[from] ?? []).contains(to) { next[from, default: []].append(to) }
        }
        var lines = [overviewHeading, "\(subpathways.count) part\(subpathways.count == 1 ? "" : "s"), in order:"]
        for (position, part) in subpathways.enumerated() {
            let steps = listedSteps(of: part).filter { partOf[$0] == position }
            let gaps = steps.compactMap { annotations[StepID(pathway.stepIDs[$0])]?.severity }.max()
            var line = "Part \(position + 1): \(title(of: part)) (\(steps.count) step"
            line += steps.count == 1 ? ")" : "s)"
            if let gaps { line += "; worst gap: \(gaps.rawValue)" }
            lines.append(line)
            if let targets = next[position], !targets.isEmpty {
                lines.append("   leads to part " + targets.map { String($0 + 1) }.joined(separator: ", part "))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A one-sentence description of a chart's steps, for the SVG's `<desc>`.
    ///
    /// - Parameter steps: The steps' ids; those the pathway lacks are left out, a repeated one counts again.
    public func summary(of steps: [StepID]) -> String {
        summary(of: steps.compactMap { index.step(named: $0) })
    }

    /// A one-sentence description of the network chart, for the SVG's `<desc>`: of every step as written, a
    /// repeated id counting again (as ``summary(of:)-([StepID])`` of the written ids).
    public func networkSummary() -> String {
        let pathway = index
        var steps = Array(pathway.steps)
        if !pathway.duplicateSteps.isEmpty {
            var written: [Index<Step>] = []
            written.reserveCapacity(steps.count + pathway.duplicateSteps.count)
            var duplicates = pathway.duplicateSteps[...]
            for step in steps {
                while let next = duplicates.first, next.position == written.count {
                    written.append(pathway.step(named: next.step.id) ?? step)
                    duplicates = duplicates.dropFirst()
                }
                written.append(step)
            }
            written += duplicates.compactMap { pathway.step(named: $0.step.id) }
            steps = written
        }
        return summary(of: steps)
    }

    /// A one-sentence description of some steps.
    func summary(of drawn: [Index<Step>]) -> String {
        let pathway = index
        let withGaps = drawn.filter { annotations[StepID(pathway.stepIDs[$0])] != nil }.count
        var text = "Flowchart of \(drawn.count) step\(drawn.count == 1 ? "" : "s")"
        if let first = drawn.first, let last = drawn.last, drawn.count > 1 {
            text += ", from \"\(pathway.label(first))\" to \"\(pathway.label(last))\""
        }
        text += withGaps == 0 ? "." : "; \(withGaps) with gaps, coloured by their worst gap as the legend shows."
        return text + " The steps in order, with who does them, are in the text alternative beside the chart."
    }

    /// The text alternative of some steps.
    ///
    /// - Parameters:
    ///   - heading: The first line.
    ///   - steps: The steps, in order.
    ///   - number: The part's number, or `nil` for the whole network.
    ///   - count: How many parts there are.
    ///   - partOf: The 0-based part of each step, to name the part a branch leads into.
    private func text(heading: String, steps: [Index<Step>], number: Int?, count: Int, partOf: PartMap) -> String {
        let pathway = index
        var position: [Index<Step>: Int] = [:]
        for (offset, step) in steps.enumerated() { position[step] = offset + 1 }
        var lines = [heading, summary(of: steps), "", "Steps in order:"]
        for (offset, step) in steps.enumerated() {
            var line = "\(offset + 1). \(pathway.label(step)) (\(pathway.kinds[step].rawValue))"
            let groups = pathway.staffGroups(step)
            if !groups.isEmpty {
                line +=
                    ": "
                    + groups.map {
                        let group = StaffGroupID(pathway.staffGroupIDs[$0])
                        return options.staffGroupNames[group] ?? group.rawValue
                    }
                    .joined(separator: ", ")
            }
            if let annotation = annotations[StepID(pathway.stepIDs[step])] {
                line += " [gaps, worst \(annotation.severity.rawValue)"
                if !annotation.gapClasses.isEmpty {
                    line += ": " + annotation.gapClasses.map(\.rawValue).joined(separator: ", ")
                }
                line += "]"
            }
            lines.append(line)
            for (_, written) in lookup.transitions(from: step) {
                let edge = self.edge(written)
                let to = ends(written).to
                var target: String
                if let to, let at = position[to] {
                    target = "step \(at), \(edge.toLabel)"
                } else {
                    target = edge.toLabel
                    if let to, let part = partOf[to], part + 1 != number {
                        target += " (part \(part + 1))"
                    } else if number != nil {
                        target += " (outside this part)"
                    }
                }
                var condition = edge.condition ?? ""
                if let share = edge.share {
                    let percent = ChartWriter.percentage(share)
                    condition = condition.isEmpty ? percent : "\(condition) (\(percent))"
                }
                lines.append(condition.isEmpty ? "   then: \(target)" : "   if \(condition): \(target)")
            }
        }
        if let number, steps.isEmpty { lines.append("(part \(number) has no steps)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
