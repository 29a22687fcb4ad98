/// The links of the HTML report: from a need to the framework tables of the sub-pathways where it arises, and from a
/// resource to its URL.
struct HTMLLinks {
    /// The position of each framework table, by project, pathway and sub-pathway id.
    private var tableOfSubpathway: [String: Int] = [:]
    /// The sub-pathways of each step, by project, pathway and step id.
    private var subpathwaysOfStep: [String: [String]] = [:]
    /// Each resource's title and URL (the first project to list a resource wins).
    private var resources: [ResourceID: (title: String, url: String?)] = [:]

    /// - Complexity: O(steps + tables + resources) of the report.
    init(report: GapReport, tables: [FrameworkTable]) {
        for (index, table) in tables.enumerated() {
            let key = Self.key(table.project, table.pathway.rawValue, table.subpathway.id)
            if tableOfSubpathway[key] == nil { tableOfSubpathway[key] = index }
        }
        for analysis in report.projects {
            let project = analysis.project.manifest.id
            for pathway in analysis.pathways {
                for step in pathway.steps {
                    subpathwaysOfStep[Self.key(project, pathway.pathway.id.rawValue, step.step.id.rawValue)] =
                        step.subpathways
                }
            }
            for resource in analysis.project.resources where resources[resource.id] == nil {
                resources[resource.id] = (resource.title, resource.url)
            }
        }
    }

    private static func key(_ parts: String...) -> String { parts.joined(separator: "\u{1F}") }

    /// The `id` of the framework table at a position.
    static func tableAnchor(_ index: Int) -> String { "table-\(index + 1)" }

    /// Appends links to the framework tables holding some steps (each table once, in table order, at most eight).
    func appendTableLinks(for steps: [StepReference], to out: inout TextBuffer) {
        var seen: Set<Int> = []
        var labels: [Int: String] = [:]
        for step in steps {
            let pathway = step.pathway.rawValue
            for subpathway in subpathwaysOfStep[Self.key(step.project, pathway, step.step.rawValue)] ?? [] {
                guard let index = tableOfSubpathway[Self.key(step.project, pathway, subpathway)],
                    seen.insert(index).inserted
                else { continue }
                labels[index] = "\(step.project) / \(subpathway)"
            }
        }
        guard !seen.isEmpty else { return }
        out.append("<span class=\"where\">Framework tables: ")
        for (position, index) in seen.sorted().prefix(8).enumerated() {
            if position > 0 { out.append(", ") }
            out.append("<a class=\"table-link\" href=\"#")
            out.append(Self.tableAnchor(index))
            out.append("\">")
            out.appendHTML(labels[index] ?? "")
            out.append("</a>")
        }
        if seen.count > 8 { out.append(", …") }
        out.append(".</span> ")
    }

    /// Appends the candidate resources, each linked to its URL where it has an `http` or `https` one.
    func appendResourceLinks(_ candidates: [CandidateResource], to out: inout TextBuffer) {
        guard !candidates.isEmpty else { return }
        out.append("<span class=\"candidates\">Start from: ")
        for (position, candidate) in candidates.prefix(5).enumerated() {
            if position > 0 { out.append("; ") }
            appendResource(candidate.resource, label: candidate.label, to: &out)
        }
        if candidates.count > 5 { out.append("; …") }
        out.append(".</span>")
    }

    /// Appends a resource's label, as a link where it has a web address.
    func appendResource(_ id: ResourceID, label: String, to out: inout TextBuffer) {
        if let url = resources[id]?.url, Self.isWebAddress(url) {
            out.append("<a href=\"")
            out.appendHTML(url)
            out.append("\" rel=\"noopener noreferrer\">")
            out.appendHTML(label)
            out.append("</a>")
        } else {
            out.appendHTML(label)
        }
    }

    /// Whether a URL is safe to link: `http:` or `https:` only (never `javascript:` or `data:`).
    static func isWebAddress(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }
}
