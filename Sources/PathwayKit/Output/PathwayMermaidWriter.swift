/// Writes a pathway as a Mermaid flowchart (`flowchart TD`), for Markdown pages that render Mermaid.
///
/// Node shapes follow the step kind: start and end `([…])` (stadium), activity `[…]`, decision `{…}`, merge
/// `((…))`, parallel `[[…]]`, reference `[[…]]`. Step ids are replaced by `n1`, `n2`, … (Mermaid ids cannot hold
/// every character step ids can); conditions become edge labels. Export only: there is no Mermaid importer.
public enum PathwayMermaidWriter {
    /// The Mermaid text of a pathway.
    ///
    /// - Complexity: O(steps + transitions).
    public static func text(for pathway: Pathway) -> String { text(for: PathwayIndex(pathway)) }

    /// The Mermaid text of an indexed pathway, line after line from its side tables.
    ///
    /// - Complexity: O(steps + transitions).
    public static func text(for index: PathwayIndex) -> String {
        var out = "---\ntitle: \(escape(index.title))\n---\nflowchart TD\n"
        // A step's name is `n` and the position its id is first written at; an id only transitions name gets the
        // next number after every name given so far.
        var names = [Int32](repeating: 0, count: index.stepCount)
        var written: Int32 = 0
        index.forEachWrittenStep { step in
            written += 1
            if case .indexed(let step) = step { names[step.position] = written }
        }
        var missing: [StepID: Int] = [:]
        func name(_ id: StepID) -> String {
            if let step = index.step(named: id) { return "n\(names[step.position])" }
            if let number = missing[id] { return "n\(number)" }
            let number = index.stepCount + missing.count + 1
            missing[id] = number
            return "n\(number)"
        }
        func addStep(_ step: some StepRecord, name: String) {
            let label = "\"" + escape(step.label) + "\""
            let shaped: String
            switch step.kind {
            case .start, .end: shaped = "([\(label)])"
            case .activity: shaped = "[\(label)]"
            case .decision: shaped = "{\(label)}"
            case .merge: shaped = "((\(label)))"
            case .parallel, .reference: shaped = "[[\(label)]]"
            }
            out += "    \(name)\(shaped)\n"
        }
        index.forEachWrittenStep { written in
            switch written {
            case .indexed(let step):
                addStep(PathwayIndex.StepView(index: index, step: step), name: "n\(names[step.position])")
            case .duplicate(let step): addStep(step, name: name(step.id))
            }
        }
        index.forEachWrittenTransition { written in
            let from: String
            let to: String
            let condition: String?
            switch written {
            case .indexed(let transition):
                from = "n\(names[index.transitionSources[transition].position])"
                to = "n\(names[index.transitionTargets[transition].position])"
                condition = index.conditions[transition]
            case .dangling(let transition):
                from = name(transition.from)
                to = name(transition.to)
                condition = transition.condition
            }
            let arrow = condition.map { "-->|\"\(escape($0))\"|" } ?? "-->"
            out += "    \(from) \(arrow) \(to)\n"
        }
        return out
    }

    /// Text safe inside a Mermaid quoted label: quotes as `#quot;`, line breaks as spaces.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "#quot;").split(whereSeparator: { $0.isNewline })
            .joined(separator: " ")
    }
}
