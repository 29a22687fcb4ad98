/// The method's deliverable for one sub-pathway: step | who | what they need to know | education resources |
/// gaps.
public struct FrameworkTable: Hashable, Sendable {
    /// One step of the table.
    public struct Row: Hashable, Sendable {
        public var step: StepID
        public var label: String
        public var kind: StepKind
        /// Staff group names.
        public var who: [String]
        /// What they need to know: competency statements with id and level, or why none is needed.
        public var knowledge: [String]
        /// Resources that develop those competencies, then candidates with why they fall short.
        public var resources: [String]
        public var gaps: [GapClass]
        public var worstSeverity: Severity?
        public var patientsPerYear: Double?
        public var location: SourceLocation?
    }

    public var project: String
    public var pathway: PathwayID
    public var subpathway: Subpathway
    public var rows: [Row]

    /// The table's patients per year: the largest flow through any of its steps.
    public var patientsPerYear: Double? { rows.compactMap(\.patientsPerYear).max() }
}

extension GapReport {
    static func frameworkTables(_ analysis: ProjectAnalysis, names: [StaffGroupID: String]) -> [FrameworkTable] {
        var titles: [ResourceID: EducationResource] = [:]
        for resource in analysis.project.resources where titles[resource.id] == nil { titles[resource.id] = resource }
        func resourceLabel(_ id: ResourceID) -> String {
            guard let resource = titles[id] else { return id.rawValue }
            return "\(resource.provider.map { "\($0): " } ?? "")\(resource.title) (\(resource.kind))"
        }
        var tables: [FrameworkTable] = []
        for pathway in analysis.pathways {
            var stepIndex: [StepID: Int] = [:]
            for (index, step) in pathway.steps.enumerated() { stepIndex[step.step.id] = index }
            for subpathway in pathway.decomposition.subpathways {
                let rows = subpathway.steps.compactMap { id -> FrameworkTable.Row? in
                    guard let index = stepIndex[id] else { return nil }
                    let assessed = pathway.steps[index]
                    let step = assessed.step
                    var knowledge = assessed.requirements.map { requirement in
                        let id = requirement.requirement.competency
                        let level = requirement.requirement.level.map { ", level \($0)" } ?? ""
                        if let statement = requirement.statement, !statement.isEmpty {
                            return "\(statement) [\(id)\(level)]"
                        }
                        return "[\(id)\(level)]\(requirement.framework == nil ? " (not in any loaded framework)" : "")"
                    }
                    if knowledge.isEmpty, let reason = step.noCompetencyReason { knowledge = ["None needed: \(reason)"] }
                    var resources: [String] = []
                    for requirement in assessed.requirements {
                        for id in requirement.resources where !resources.contains(resourceLabel(id)) {
                            resources.append(resourceLabel(id))
                        }
                    }
                    for requirement in assessed.requirements {
                        for candidate in requirement.candidates {
                            let text = "\(resourceLabel(candidate.resource)) – \(candidate.reasons.map(\.rawValue).joined(separator: ", "))"
                            if !resources.contains(text) { resources.append(text) }
                        }
                    }
                    return FrameworkTable.Row(
                        step: step.id, label: step.label, kind: step.kind,
                        who: step.staffGroups.map { names[$0] ?? $0.rawValue }, knowledge: knowledge,
                        resources: resources, gaps: assessed.gapClasses, worstSeverity: assessed.worstSeverity,
                        patientsPerYear: assessed.patientsPerYear, location: step.location)
                }
                tables.append(
                    FrameworkTable(project: analysis.project.manifest.id, pathway: pathway.pathway.id, subpathway: subpathway, rows: rows))
            }
        }
        return tables
    }
}
