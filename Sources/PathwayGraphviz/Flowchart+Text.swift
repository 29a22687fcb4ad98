import PathwayKit

extension Flowchart {
    // MARK: Text alternatives

    /// A plain-text alternative to the network chart, for screen readers and for pasting into documents: the
    /// heading, a one-line summary, then the steps in the pathway's order, numbered, each with its kind, who does
    /// it, its gaps, and where it leads (a decision lists every branch with its condition).
    ///
    /// - Complexity: O(V + E).
    public func networkText() -> String {
        text(heading: pathway.title, steps: index.steps, number: nil, count: 0, partOf: [:])
    }

    /// A text alternative to each sub-pathway's chart, in order; a branch leading into another part names it.
    ///
    /// - Complexity: O(V + E log E) over all the parts together.
    public func subpathwayTexts(_ subpathways: [FlowchartSubpathway]) -> [String] {
        let partOf = parts(of: subpathways)
        return subpathways.enumerated().map { position, part in
            var seen: Set<StepID> = []
            let steps = part.steps.filter { seen.insert($0).inserted }.compactMap { index.byID[$0] }
            return text(
                heading: heading(of: part, number: position + 1), steps: steps, number: position + 1,
                count: subpathways.count, partOf: partOf)
        }
    }

    /// A text alternative to the overview: each part in order with its steps, and the parts it leads to.
    ///
    /// - Complexity: O(V + E).
    public func overviewText(_ subpathways: [FlowchartSubpathway]) -> String {
        let partOf = parts(of: subpathways)
        var next: [Int: [Int]] = [:]
        for transition in pathway.transitions {
            guard let from = partOf[transition.from], let to = partOf[transition.to], from != to else { continue }
            if !(next[from] ?? []).contains(to) { next[from, default: []].append(to) }
        }
        var lines = [overviewHeading, "\(subpathways.count) part\(subpathways.count == 1 ? "" : "s"), in order:"]
        for (position, part) in subpathways.enumerated() {
            let steps = part.steps.filter { partOf[$0] == position }.compactMap { index.byID[$0] }
            let gaps = steps.compactMap { annotations[$0.id]?.severity }.max()
            var line = "Part \(position + 1): \(title(of: part, steps: index.byID)) (\(steps.count) step"
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
    public func summary(of steps: [StepID]) -> String {
        let drawn = steps.compactMap { index.byID[$0] }
        let withGaps = drawn.filter { annotations[$0.id] != nil }.count
        var text = "Flowchart of \(drawn.count) step\(drawn.count == 1 ? "" : "s")"
        if let first = drawn.first, let last = drawn.last, drawn.count > 1 {
            text += ", from \"\(first.label)\" to \"\(last.label)\""
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
    private func text(heading: String, steps: [Step], number: Int?, count: Int, partOf: [StepID: Int]) -> String {
        var position: [StepID: Int] = [:]
        for (offset, step) in steps.enumerated() { position[step.id] = offset + 1 }
        var lines = [heading, summary(of: steps.map(\.id)), "", "Steps in order:"]
        for (offset, step) in steps.enumerated() {
            var line = "\(offset + 1). \(step.label) (\(step.kind.rawValue))"
            if !step.staffGroups.isEmpty {
                line +=
                    ": "
                    + step.staffGroups.map { options.staffGroupNames[$0] ?? $0.rawValue }
                    .joined(separator: ", ")
            }
            if let annotation = annotations[step.id] {
                line += " [gaps, worst \(annotation.severity.rawValue)"
                if !annotation.gapClasses.isEmpty {
                    line += ": " + annotation.gapClasses.map(\.rawValue).joined(separator: ", ")
                }
                line += "]"
            }
            lines.append(line)
            for transition in index.transitions(touching: [step.id]).map({ pathway.transitions[$0] })
            where transition.from == step.id {
                var target: String
                if let at = position[transition.to] {
                    target = "step \(at), \(index.labels[transition.to] ?? transition.to.rawValue)"
                } else {
                    target = index.labels[transition.to] ?? transition.to.rawValue
                    if let part = partOf[transition.to], part + 1 != number {
                        target += " (part \(part + 1))"
                    } else if number != nil {
                        target += " (outside this part)"
                    }
                }
                var condition = transition.condition ?? ""
                if let share = transition.share {
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
