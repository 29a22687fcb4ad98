/// Writes a pathway as a Mermaid flowchart (`flowchart TD`), for Markdown pages that render Mermaid.
///
/// Node shapes follow the step kind: start and end `([…])` (stadium), activity `[…]`, decision `{…}`, merge
/// `((…))`, parallel `[[…]]`, reference `[[…]]`. Step ids are replaced by `n1`, `n2`, … (Mermaid ids cannot hold
/// every character step ids can); conditions become edge labels. Export only: there is no Mermaid importer.
public enum PathwayMermaidWriter {
    /// The Mermaid text of a pathway.
    ///
    /// - Complexity: O(steps + transitions).
    public static func text(for pathway: Pathway) -> String {
        var out = "---\ntitle: \(escape(pathway.title))\n---\nflowchart TD\n"
        var names: [StepID: String] = [:]
        for (index, step) in pathway.steps.enumerated() where names[step.id] == nil {
            names[step.id] = "n\(index + 1)"
        }
        func name(_ id: StepID) -> String {
            if let name = names[id] { return name }
            let name = "n\(names.count + 1)"
            names[id] = name
            return name
        }
        for step in pathway.steps {
            let label = "\"" + escape(step.label) + "\""
            let shaped: String
            switch step.kind {
            case .start, .end: shaped = "([\(label)])"
            case .activity: shaped = "[\(label)]"
            case .decision: shaped = "{\(label)}"
            case .merge: shaped = "((\(label)))"
            case .parallel, .reference: shaped = "[[\(label)]]"
            }
            out += "    \(name(step.id))\(shaped)\n"
        }
        for transition in pathway.transitions {
            let arrow = transition.condition.map { "-->|\"\(escape($0))\"|" } ?? "-->"
            out += "    \(name(transition.from)) \(arrow) \(name(transition.to))\n"
        }
        return out
    }

    /// Text safe inside a Mermaid quoted label: quotes as `#quot;`, line breaks as spaces.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "#quot;").split(whereSeparator: { $0.isNewline })
            .joined(separator: " ")
    }
}
