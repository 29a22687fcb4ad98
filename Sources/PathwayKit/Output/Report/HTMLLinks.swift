/// The links of the HTML report: from a need to the framework tables of the sub-pathways where it arises, and from a
/// resource to its URL.
struct HTMLLinks {
    /// The framework tables, in order (for their labels).
    private let tables: [FrameworkTable]
    /// The framework tables holding each step, at `[project][pathway]`: step `s`'s are
    /// `tablesOfStep.tables[start[s]..<start[s + 1]]`, by position in ``tables``.
    private var tablesOfStep: [[(start: [Int32], tables: [Int32])]] = []
    /// The position of each project by id (the first so named), for steps named by ids only.
    private var projectOfID: [String: Int] = [:]
    /// The analyses, for steps named by ids only.
    private let projects: [ProjectAnalysis]
    /// Each resource's title and URL (the first project to list a resource wins).
    private var resources: [ResourceID: (title: String, url: String?)] = [:]

    /// A sub-pathway of a pathway of a project, by ids.
    private struct SubpathwayKey: Hashable {
        var project: String
        var pathway: PathwayID
        var subpathway: String
    }

    /// - Complexity: O(steps + tables + resources) of the report.
    init(report: GapReport, tables: [FrameworkTable]) {
        self.tables = tables
        projects = report.projects
        var tableOfSubpathway: [SubpathwayKey: Int32] = [:]
        for (index, table) in tables.enumerated() {
            let key = SubpathwayKey(project: table.project, pathway: table.pathway, subpathway: table.subpathway.id)
            if tableOfSubpathway[key] == nil { tableOfSubpathway[key] = Int32(index) }
        }
        for (number, analysis) in report.projects.enumerated() {
            let project = analysis.project.manifest.id
            if projectOfID[project] == nil { projectOfID[project] = number }
            tablesOfStep.append(
                analysis.pathways.map { pathway in
                    var start: [Int32] = [0]
                    var found: [Int32] = []
                    start.reserveCapacity(pathway.steps.count + 1)
                    // Steps in a row mostly lie in the same sub-pathway: its table is kept.
                    var last: (id: String, table: Int32?)?
                    for step in pathway.steps {
                        for subpathway in step.subpathways {
                            if last?.id != subpathway {
                                let key = SubpathwayKey(
                                    project: project, pathway: pathway.graph.index.id, subpathway: subpathway)
                                last = (subpathway, tableOfSubpathway[key])
                            }
                            if let table = last?.table { found.append(table) }
                        }
                        start.append(Int32(found.count))
                    }
                    return (start, found)
                })
            for resource in analysis.project.resources where resources[resource.id] == nil {
                resources[resource.id] = (resource.title, resource.url)
            }
        }
    }

    /// The `id` of the framework table at a position.
    static func tableAnchor(_ index: Int) -> String { "table-\(index + 1)" }

    /// The place of a step named by ids only (the first pathway and step so named); `nil` when there is none.
    ///
    /// - Complexity: O(pathways of the project + length of the step id) expected.
    private func locate(_ step: StepReference) -> StepPlace? {
        guard let project = projectOfID[step.project],
            let pathway = projects[project].pathways.firstIndex(where: { $0.graph.index.id == step.pathway }),
            let node = projects[project].pathways[pathway].position(of: step.step)
        else { return nil }
        return StepPlace(project: Index(project), pathway: Index(pathway), step: Index(node))
    }

    /// Appends links to the framework tables holding some steps (each table once, in table order, at most eight).
    ///
    /// - Complexity: O(k) for k steps placed by index (``StepReference/place``), plus sorting the tables found.
    func appendTableLinks(for steps: [StepReference], to out: inout TextBuffer) {
        var seen: Set<Int32> = []
        for step in steps {
            guard let place = step.place.flatMap({ $0.project == nil ? nil : $0 }) ?? locate(step),
                let project = place.project
            else { continue }
            let pathway = tablesOfStep[project.position][place.pathway.position]
            let node = place.step.position
            for table in pathway.tables[Int(pathway.start[node])..<Int(pathway.start[node + 1])] {
                seen.insert(table)
            }
        }
        guard !seen.isEmpty else { return }
        out.append("<span class=\"where\">Framework tables: ")
        for (position, index) in seen.sorted().prefix(8).enumerated() {
            if position > 0 { out.append(", ") }
            out.append("<a class=\"table-link\" href=\"#")
            out.append(Self.tableAnchor(Int(index)))
            out.append("\">")
            let table = tables[Int(index)]
            out.appendHTML("\(table.project) / \(table.subpathway.id)")
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
