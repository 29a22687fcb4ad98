/// The staff groups, competencies and resources a project knows, indexed by id, with the framework each
/// competency belongs to and the equivalences between competencies.
public struct ReferenceIndex: Sendable {
    public let staffGroups: [StaffGroupID: StaffGroup]
    /// Each competency with the framework that defines it (the first definition, when an id is defined twice).
    public let competencies: [CompetencyID: (competency: Competency, framework: CompetencyFramework)]
    public let resources: [ResourceID: EducationResource]
    /// Competencies declared equivalent, in both directions.
    public let equivalents: [CompetencyID: [CompetencyID]]
    /// Whether the project loaded any staff group file (when none, staff group references are not checked).
    public let checksStaffGroups: Bool

    /// Indexes a project, reporting duplicate ids and broken references inside frameworks and catalogues.
    ///
    /// - Parameters:
    ///   - project: The loaded project.
    ///   - findings: Receives duplicate-id, unknown-staff-group and unknown-competency findings for the
    ///     frameworks, resources and staff group files.
    /// - Complexity: O(size of the project's files).
    public init(project: Project, findings: inout [Finding]) {
        let staffGroups = Self.index(
            project.staffGroups, what: "staff group", id: \.id, location: \.location, findings: &findings)
        var competencies: [CompetencyID: (competency: Competency, framework: CompetencyFramework)] = [:]
        var equivalents: [CompetencyID: [CompetencyID]] = [:]
        for framework in project.frameworks {
            for competency in framework.allCompetencies {
                if let first = competencies[competency.id] {
                    findings.append(
                        Self.duplicate(
                            "competency", competency.id.rawValue, first.competency.location, competency.location))
                } else {
                    competencies[competency.id] = (competency, framework)
                }
            }
            for equivalence in framework.equivalences {
                equivalents[equivalence.competency, default: []].append(equivalence.equivalent)
                equivalents[equivalence.equivalent, default: []].append(equivalence.competency)
            }
        }
        let resources = Self.index(
            project.resources, what: "resource", id: \.id, location: \.location, findings: &findings)
        self.staffGroups = staffGroups
        self.competencies = competencies
        self.resources = resources
        self.equivalents = equivalents
        self.checksStaffGroups = !project.staffGroups.isEmpty

        for framework in project.frameworks {
            for equivalence in framework.equivalences {
                for id in [equivalence.competency, equivalence.equivalent] where competencies[id] == nil {
                    findings.append(
                        Finding(
                            .warning, rule: "unknown-competency",
                            "equivalence names competency '\(id)', which no loaded framework defines",
                            at: equivalence.location))
                }
            }
            for competency in framework.allCompetencies {
                findings += staffGroupFindings(
                    competency.staffGroups, owner: "competency '\(competency.id)'", at: competency.location)
            }
        }
        for resource in project.resources {
            findings += staffGroupFindings(resource.audience, owner: "resource '\(resource.id)'", at: resource.location)
            for coverage in resource.develops {
                findings += competencyFindings(
                    coverage.competency, level: coverage.level, owner: "resource '\(resource.id)'",
                    at: coverage.location ?? resource.location)
            }
        }
    }

    /// Indexes values by id, keeping the first of a duplicated id and reporting the others.
    static func index<Value, ID: Hashable & CustomStringConvertible>(
        _ values: [Value], what: String, id: KeyPath<Value, ID>, location: KeyPath<Value, SourceLocation?>,
        findings: inout [Finding]
    ) -> [ID: Value] {
        var index: [ID: Value] = [:]
        for value in values {
            if let first = index[value[keyPath: id]] {
                findings.append(
                    duplicate(what, value[keyPath: id].description, first[keyPath: location], value[keyPath: location]))
            } else {
                index[value[keyPath: id]] = value
            }
        }
        return index
    }

    static func duplicate(_ what: String, _ id: String, _ first: SourceLocation?, _ second: SourceLocation?) -> Finding
    {
        Finding(
            .error, rule: "duplicate-id",
            "\(what) id '\(id)' is defined twice\(first.map { " (first at \($0))" } ?? "")", at: second)
    }

    /// The competency with an id, or failing that one declared equivalent to it.
    ///
    /// - Complexity: O(number of equivalents), following equivalences one step.
    public func resolve(_ id: CompetencyID) -> (competency: Competency, framework: CompetencyFramework)? {
        if let found = competencies[id] { return found }
        for other in equivalents[id] ?? [] {
            if let found = competencies[other] { return found }
        }
        return nil
    }

    func staffGroupFindings(_ groups: [StaffGroupID], owner: String, at location: SourceLocation?) -> [Finding] {
        guard checksStaffGroups else { return [] }
        return groups.filter { staffGroups[$0] == nil }.map { group in
            Finding(
                .error, rule: "unknown-staff-group",
                "\(owner) names staff group '\(group)', which no staff group file defines"
                    + (StaffGroupID.closest(to: group, in: staffGroups.keys).map { "; did you mean '\($0)'?" } ?? ""),
                at: location)
        }
    }

    func competencyFindings(_ id: CompetencyID, level: String?, owner: String, at location: SourceLocation?)
        -> [Finding]
    {
        guard let (_, framework) = resolve(id) else {
            return [
                Finding(
                    .warning, rule: "unknown-competency",
                    "\(owner) names competency '\(id)', which no loaded framework defines"
                        + (CompetencyID.closest(to: id, in: competencies.keys).map { "; did you mean '\($0)'?" } ?? ""),
                    at: location)
            ]
        }
        if let level, !framework.levels.isEmpty, framework.rank(ofLevel: level) == nil {
            return [
                Finding(
                    .error, rule: "unknown-level",
                    "\(owner) asks for level '\(level)' of '\(id)', but framework '\(framework.id)' has levels \(framework.levels.joined(separator: ", "))",
                    at: location)
            ]
        }
        return []
    }

    /// The reference findings of one pathway's steps and transitions, read from its index in the order written.
    ///
    /// - Complexity: O(V + E) expected.
    func findings(for index: PathwayIndex, sources: Set<String>) -> [Finding] {
        var findings: [Finding] = []
        index.forEachWrittenStep { written in
            switch written {
            case .indexed(let step):
                let id = StepID(index.stepIDs[step])
                let location = index.location(step)
                let details = index.details[step]
                findings += staffGroupFindings(
                    index.staffGroups(step).map { StaffGroupID(index.staffGroupIDs[$0]) }, owner: "step '\(id)'",
                    at: location)
                for (offset, slot) in index.competencySlots(step).enumerated() {
                    let written = details?.competencyLocations ?? []
                    findings += competencyFindings(
                        CompetencyID(index.competencyIDs[index.competencyMembers[slot]]),
                        level: index.competencyLevels[Index(slot)], owner: "step '\(id)'",
                        at: written.isEmpty ? location : written[offset] ?? location)
                }
                for source in details?.sources ?? [] {
                    findings += sourceFindings(source, step: id, at: location, sources)
                }
            case .duplicate(let step):
                findings += staffGroupFindings(step.staffGroups, owner: "step '\(step.id)'", at: step.location)
                for requirement in step.competencies {
                    findings += competencyFindings(
                        requirement.competency, level: requirement.level, owner: "step '\(step.id)'",
                        at: requirement.location ?? step.location)
                }
                for source in step.sources {
                    findings += sourceFindings(source, step: step.id, at: step.location, sources)
                }
            }
        }
        index.forEachWrittenTransition { written in
            switch written {
            case .indexed(let transition):
                guard let source = index.transitionDetails[transition]?.source, !sources.contains(source) else {
                    return
                }
                findings.append(
                    shareSourceFinding(
                        source, from: index.stepIDs[index.transitionSources[transition]],
                        to: index.stepIDs[index.transitionTargets[transition]], at: index.location(transition)))
            case .dangling(let transition):
                guard let source = transition.source, !sources.contains(source) else { return }
                findings.append(
                    shareSourceFinding(
                        source, from: transition.from.rawValue, to: transition.to.rawValue, at: transition.location))
            }
        }
        return findings
    }

    /// A finding for a source a step cites that the project does not list (none if it does).
    private func sourceFindings(_ source: String, step: StepID, at location: SourceLocation?, _ sources: Set<String>)
        -> [Finding]
    {
        guard !sources.contains(source) else { return [] }
        return [
            Finding(
                .warning, rule: "unknown-source",
                "step '\(step)' cites source '\(source)', which the project's 'sources' does not list", at: location)
        ]
    }

    /// The finding for a source a transition's share cites that the project does not list.
    private func shareSourceFinding(_ source: String, from: String, to: String, at location: SourceLocation?)
        -> Finding
    {
        Finding(
            .warning, rule: "unknown-source",
            "the share from '\(from)' to '\(to)' cites source '\(source)', which the "
                + "project's 'sources' does not list", at: location)
    }
}
