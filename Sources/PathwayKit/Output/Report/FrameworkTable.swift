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
        /// Whether `patientsPerYear` rests on an assumed split.
        public var patientsEstimated: Bool = false
        public var location: SourceLocation?
    }

    public var project: String
    public var pathway: PathwayID
    public var subpathway: Subpathway
    public var rows: [Row]
    /// The expected number of patients a year who pass through at least one of the sub-pathway's steps (see
    /// ``PatientFlow``); `nil` when the pathway gives no volumes.
    public var patientsPerYear: Double?
    /// Whether ``patientsPerYear`` rests on a split of patients assumed where a step gives no shares.
    public var patientsEstimated: Bool = false
}

extension GapReport {
    /// The framework table of every sub-pathway, in project, pathway and sub-pathway order (built on demand): the
    /// words of the method's deliverable, made from the analysis.
    ///
    /// - Complexity: O(total steps and requirements).
    public func frameworkTables() -> [FrameworkTable] {
        projects.flatMap { Self.frameworkTables($0, names: names) }
    }

    /// The framework tables of one project (see ``frameworkTables()``).
    ///
    /// - Complexity: O(total steps and requirements of the project's sub-pathways).
    static func frameworkTables(_ analysis: ProjectAnalysis, names: [StaffGroupID: String]) -> [FrameworkTable] {
        var resourceColumn = ResourceColumn(analysis.project.resources)
        // The names of the current pathway's staff groups, by index; steps mostly name the same few groups, so the
        // last list of names is kept.
        var groupNames: [String] = []
        var lastGroups: ArraySlice<Index<StaffGroup>> = []
        var lastWho: [String] = []
        /// A step's row, read from the side tables of its pathway's index.
        func row(_ assessed: StepAssessment, of index: PathwayIndex) -> FrameworkTable.Row {
            let step = assessed.stepIndex
            let requirements = assessed.requirements
            var knowledge: [String] = []
            knowledge.reserveCapacity(requirements.count)
            for position in requirements.indices { knowledge.append(Self.knowledge(requirements[position])) }
            if knowledge.isEmpty, let reason = index.details[step]?.noCompetencyReason {
                knowledge = ["None needed: \(reason)"]
            }
            let groups = index.staffGroups(step)
            if groups != lastGroups {
                lastGroups = groups
                lastWho = groups.map { groupNames[$0.position] }
            }
            return FrameworkTable.Row(
                step: StepID(index.stepIDs[step]), label: index.label(step), kind: index.kinds[step],
                who: lastWho, knowledge: knowledge, resources: resourceColumn.texts(for: requirements),
                gaps: assessed.gapClasses, worstSeverity: assessed.worstSeverity,
                patientsPerYear: assessed.patientsPerYear, patientsEstimated: assessed.patientsEstimated,
                location: index.location(step))
        }
        var tables: [FrameworkTable] = []
        for pathway in analysis.pathways {
            let index = pathway.graph.index
            groupNames = index.staffGroupIDs.indices.map { group in
                let id = StaffGroupID(index.staffGroupIDs[group])
                return names[id] ?? id.rawValue
            }
            // Group numbers are the pathway's own: a list of the last pathway's means other groups here.
            lastGroups = []
            lastWho = []
            var scratch = PatientFlow.Scratch()
            var nodes: [Int32] = []
            for subpathway in pathway.decomposition.subpathways {
                var rows: [FrameworkTable.Row] = []
                rows.reserveCapacity(subpathway.steps.count)
                nodes.removeAll(keepingCapacity: true)
                for id in subpathway.steps {
                    if let position = pathway.position(of: id) {
                        rows.append(row(pathway.steps[position], of: index))
                        nodes.append(Int32(position))
                    }
                }
                let reached = pathway.flow?.patientsReaching(nodes, scratch: &scratch)
                tables.append(
                    FrameworkTable(
                        project: analysis.project.manifest.id, pathway: pathway.graph.index.id, subpathway: subpathway,
                        rows: rows, patientsPerYear: reached?.patients, patientsEstimated: reached?.estimated ?? false))
            }
        }
        return tables
    }

    /// What a step needs to know for one requirement: `statement [id, level 2]`, or `[id, level 2]` and, when
    /// no loaded framework defines it, ` (not in any loaded framework)`; then ` (reconstructed)` or
    /// ` (working framework)` when the defining framework or area is not published as it stands.
    static func knowledge(_ requirement: RequirementAssessment) -> String {
        let id = requirement.requirement.competency.rawValue
        let statement = requirement.statement ?? ""
        var text = ""
        text.reserveCapacity(statement.utf8.count + id.utf8.count + 16)
        text += statement
        text += statement.isEmpty ? "[" : " ["
        text += id
        if let level = requirement.requirement.level {
            text += ", level "
            text += level
        }
        text += statement.isEmpty && requirement.framework == nil ? "] (not in any loaded framework)" : "]"
        if let mark = requirement.provenance?.mark {
            text += " ("
            text += mark
            text += ")"
        }
        return text
    }

    /// The "education resources" column of a project's framework tables: the resources that develop a step's
    /// competencies (`provider: title (kind)`), then the candidates with why they fall short (`label – partial`),
    /// each text once.
    ///
    /// Each label and candidate text is made once per project, and whether two texts are equal is mostly decided
    /// by numbers: labels get equal numbers when their texts are equal, and two candidate texts are equal exactly
    /// when their labels and reasons are (the ` – ` before the reasons is the last en dash in either). A label can
    /// equal a candidate text only if it holds an en dash itself; only then are the texts compared.
    struct ResourceColumn {
        /// A resource label, or a candidate text.
        struct Entry {
            var text: String
            /// The number of the (resource's) label.
            var label: Int
            /// For a candidate, its reasons as a number (equal numbers, equal reasons in the same order);
            /// `isLabel` for a resource label, `unnumbered` for reasons too many to number.
            var reasons: Int
            /// Whether a label holds an en dash (and so might equal a candidate text).
            var hasDash = false

            static let isLabel = -1
            static let unnumbered = -2

            func isEqual(to other: Entry) -> Bool {
                switch (reasons, other.reasons) {
                case (Self.isLabel, Self.isLabel): label == other.label
                case (Self.isLabel, _): hasDash && text == other.text
                case (_, Self.isLabel): other.hasDash && text == other.text
                case (Self.unnumbered, _), (_, Self.unnumbered): text == other.text
                default: label == other.label && reasons == other.reasons
                }
            }

            /// A number for reasons in order, or `unnumbered`.
            static func number(_ reasons: [CandidateResource.Reason]) -> Int {
                guard reasons.count <= 20 else { return unnumbered }
                let cases = CandidateResource.Reason.allCases
                return reasons.reduce(0) { $0 * (cases.count + 1) + (cases.firstIndex(of: $1) ?? 0) + 1 }
            }
        }

        /// A merged candidate of some requirement, made into an entry.
        struct Candidate {
            var candidate: CandidateResource
            var entry: Entry
        }

        /// Each resource's label, and a number of the resource's own.
        private var labels: [ResourceID: (entry: Entry, resource: Int)] = [:]
        private var numberOfText: [String: Int] = [:]
        /// Candidate texts by resource number, then reasons number.
        private var candidateTexts: [Int: [Int: String]] = [:]
        /// The merged candidates of requirements, by the lists they are merged from.
        private var candidatesOfSources: [RequirementAssessment.CandidateSources: [Candidate]] = [:]

        /// The column of a project with these resources (the first resource given an id wins; ids not in the
        /// catalogue stand for themselves).
        init(_ resources: [EducationResource]) {
            for resource in resources where labels[resource.id] == nil {
                labels[resource.id] = (
                    entry("\(resource.provider.map { "\($0): " } ?? "")\(resource.title) (\(resource.kind))"),
                    labels.count
                )
            }
        }

        private mutating func entry(_ label: String) -> Entry {
            let number = numberOfText[label] ?? numberOfText.count
            if number == numberOfText.count { numberOfText[label] = number }
            return Entry(
                text: label, label: number, reasons: Entry.isLabel, hasDash: label.unicodeScalars.contains("\u{2013}"))
        }

        private mutating func label(_ id: ResourceID) -> (entry: Entry, resource: Int) {
            if let known = labels[id] { return known }
            let made = (entry(id.rawValue), labels.count)
            labels[id] = made
            return made
        }

        private mutating func candidate(_ candidate: CandidateResource) -> Entry {
            let (label, resource) = label(candidate.resource)
            let reasons = Entry.number(candidate.reasons)
            if let text = candidateTexts[resource]?[reasons] {
                return Entry(text: text, label: label.label, reasons: reasons)
            }
            var text = label.text
            text += " – "
            for (index, reason) in candidate.reasons.enumerated() {
                if index > 0 { text += ", " }
                text += reason.rawValue
            }
            if reasons != Entry.unnumbered { candidateTexts[resource, default: [:]][reasons] = text }
            return Entry(text: text, label: label.label, reasons: reasons)
        }

        /// The merged candidates of a requirement, made once for all requirements merging the same lists.
        private mutating func candidates(of requirement: RequirementAssessment) -> [Candidate] {
            let sources = requirement.candidateSources
            if let sources, let known = candidatesOfSources[sources] { return known }
            var made: [Candidate] = []
            requirement.forEachMergedCandidate { made.append(Candidate(candidate: $0, entry: candidate($0))) }
            if let sources { candidatesOfSources[sources] = made }
            return made
        }

        /// The column's texts for a step's requirements.
        mutating func texts(for requirements: [RequirementAssessment]) -> [String] {
            var entries: [Entry] = []
            func add(_ entry: Entry) {
                if !entries.contains(where: entry.isEqual) { entries.append(entry) }
            }
            for index in requirements.indices {
                for id in requirements[index].resources { add(label(id).entry) }
            }
            for index in requirements.indices {
                for merged in candidates(of: requirements[index]) where requirements[index].shows(merged.candidate) {
                    add(merged.entry)
                }
            }
            return entries.map(\.text)
        }
    }
}
