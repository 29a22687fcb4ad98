extension GapReport {
    /// The report as JSON, schema `pathgap-report/1` (documented in the README, "Gap reports"): keys in a fixed
    /// order, absent values left out, two-space indent, a final newline.
    public func json() -> String { jsonTree().json() }

    /// The JSON document as an ordered tree.
    public func jsonTree() -> OrderedTree {
        let totals = self.totals
        // Top-level keys are always present (lists may be empty); only `asOf` is left out when not given.
        var pairs: [(String, OrderedTree)] = [("schema", .string(Self.schema))]
        if let asOf { pairs.append(("asOf", .string(asOf.rawValue))) }
        return .map(
            pairs + [
                ("strategy", .string(strategy.rawValue)),
                (
                    "summary",
                    .map([
                        ("projects", .integer(projects.count)),
                        ("pathways", .integer(totals.pathways)),
                        ("subpathways", .integer(totals.subpathways)),
                        ("steps", .integer(totals.steps)),
                        ("gaps", .integer(gaps.count)),
                        (
                            "bySeverity",
                            .map(Severity.allCases.reversed().map { ($0.rawValue, .integer(count(of: $0))) })
                        ),
                        ("byClass", .map(GapClass.allCases.map { ($0.rawValue, .integer(count(of: $0))) })),
                    ])
                ),
                ("projects", .list(projects.map(Self.projectTree))),
                ("gaps", .list(gaps.enumerated().map { Self.gapTree($1, priority: $0 + 1) })),
                ("needs", .list(needs().map(Self.needsTree))),
                ("sharedNeeds", .list(sharedNeeds().map(Self.sharedTree))),
                ("frameworkTables", .list(frameworkTables().map(Self.tableTree))),
            ])
    }

    static func locationTree(_ location: SourceLocation?) -> OrderedTree? {
        guard let location else { return nil }
        return .compactMap([
            ("file", .string(location.file)),
            ("line", location.line.map(OrderedTree.integer)),
            ("column", location.column.map(OrderedTree.integer)),
            ("element", location.element.map(OrderedTree.string)),
        ])
    }

    static func strings(_ values: [String]) -> OrderedTree { .list(values.map(OrderedTree.string)) }

    static func projectTree(_ analysis: ProjectAnalysis) -> OrderedTree {
        let manifest = analysis.project.manifest
        return .compactMap([
            ("id", .string(manifest.id)),
            ("title", .string(manifest.title)),
            ("status", .string(manifest.status.rawValue)),
            ("region", .string(manifest.region)),
            ("gaps", .integer(analysis.gapCount)),
            (
                "pathways",
                .list(
                    analysis.pathways.map { pathway in
                        .compactMap([
                            ("id", .string(pathway.pathway.id.rawValue)),
                            ("title", .string(pathway.pathway.title)),
                            ("steps", .integer(pathway.steps.count)),
                            ("gaps", .integer(pathway.gaps.count)),
                            (
                                "subpathways",
                                .list(
                                    pathway.decomposition.subpathways.map { subpathway in
                                        .compactMap([
                                            ("id", .string(subpathway.id)),
                                            ("title", .string(subpathway.title)),
                                            ("steps", strings(subpathway.steps.map(\.rawValue))),
                                            ("isCyclic", subpathway.isCyclic ? .boolean(true) : nil),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
        ])
    }

    static func gapTree(_ gap: Gap, priority: Int) -> OrderedTree {
        .compactMap([
            ("priority", .integer(priority)),
            ("class", .string(gap.gapClass.rawValue)),
            ("severity", .string(gap.severity.rawValue)),
            ("project", .string(gap.project)),
            ("pathway", gap.pathway.map { .string($0.rawValue) }),
            ("subpathways", strings(gap.subpathways)),
            ("step", gap.step.map { .string($0.rawValue) }),
            ("stepLabel", gap.stepLabel.map(OrderedTree.string)),
            ("staffGroup", gap.staffGroup.map { .string($0.rawValue) }),
            ("setting", gap.setting.map(OrderedTree.string)),
            ("competency", gap.competency.map { .string($0.rawValue) }),
            ("statement", gap.statement.map(OrderedTree.string)),
            ("requiredLevel", gap.requiredLevel.map(OrderedTree.string)),
            ("framework", gap.framework.map { .string($0.rawValue) }),
            ("resource", gap.resource.map { .string($0.rawValue) }),
            ("message", .string(gap.message)),
            ("suggestedAction", .string(gap.suggestedAction)),
            ("location", locationTree(gap.location)),
            ("patientsPerYear", ReportText.patientsTree(gap.patientsPerYear)),
            (
                "reach",
                .compactMap([
                    ("steps", .integer(gap.reach.steps)),
                    ("subpathways", .integer(gap.reach.subpathways)),
                    ("projects", .integer(gap.reach.projects)),
                    ("patientsPerYear", ReportText.patientsTree(gap.reach.patientsPerYear)),
                ])
            ),
            ("candidates", .list(gap.candidates.map(candidateTree))),
        ])
    }

    static func candidateTree(_ candidate: CandidateResource) -> OrderedTree {
        .compactMap([
            ("resource", .string(candidate.resource.rawValue)),
            ("title", .string(candidate.title)),
            ("level", candidate.level.map(OrderedTree.string)),
            ("reasons", strings(candidate.reasons.map(\.rawValue))),
        ])
    }

    static func needsTree(_ needs: StaffGroupNeeds) -> OrderedTree {
        .compactMap([
            ("staffGroup", needs.staffGroup.map { .string($0.rawValue) }),
            ("name", .string(needs.name)),
            (
                "competencies",
                .list(
                    needs.competencies.map { need in
                        .compactMap([
                            ("competency", .string(need.competency.rawValue)),
                            ("writtenAs", strings(need.writtenAs.map(\.rawValue))),
                            ("statement", need.statement.map(OrderedTree.string)),
                            ("framework", need.framework.map { .string($0.rawValue) }),
                            ("requiredLevel", need.requiredLevel.map(OrderedTree.string)),
                            ("classes", strings(need.classes.map(\.rawValue))),
                            ("priority", .integer(need.priority)),
                            ("steps", strings(need.steps.map(\.label))),
                            ("subpathways", .integer(need.subpathways)),
                            ("projects", strings(need.projects)),
                            ("patientsPerYear", ReportText.patientsTree(need.patientsPerYear)),
                            ("candidates", .list(need.candidates.map(candidateTree))),
                        ])
                    })
            ),
            (
                "workforce",
                .list(
                    needs.workforce.map { gap in
                        .compactMap([
                            ("class", .string(gap.gapClass.rawValue)),
                            ("project", .string(gap.project)),
                            ("setting", gap.setting.map(OrderedTree.string)),
                            ("message", .string(gap.message)),
                            ("location", locationTree(gap.location)),
                        ])
                    })
            ),
        ])
    }

    static func sharedTree(_ need: SharedNeed) -> OrderedTree {
        .compactMap([
            ("competency", .string(need.competency.rawValue)),
            ("statement", need.statement.map(OrderedTree.string)),
            ("projects", strings(need.projects)),
            ("staffGroups", strings(need.staffGroups)),
            ("classes", strings(need.classes.map(\.rawValue))),
            ("steps", .integer(need.steps)),
            ("patientsPerYear", ReportText.patientsTree(need.patientsPerYear)),
            ("candidates", .list(need.candidates.map(candidateTree))),
        ])
    }

    static func tableTree(_ table: FrameworkTable) -> OrderedTree {
        .compactMap([
            ("project", .string(table.project)),
            ("pathway", .string(table.pathway.rawValue)),
            ("subpathway", .string(table.subpathway.id)),
            ("title", .string(table.subpathway.title)),
            ("patientsPerYear", ReportText.patientsTree(table.patientsPerYear)),
            (
                "rows",
                .list(
                    table.rows.map { row in
                        .compactMap([
                            ("step", .string(row.step.rawValue)),
                            ("label", .string(row.label)),
                            ("kind", .string(row.kind.rawValue)),
                            ("who", strings(row.who)),
                            ("knowledge", strings(row.knowledge)),
                            ("resources", strings(row.resources)),
                            ("gaps", strings(row.gaps.map(\.rawValue))),
                            ("location", locationTree(row.location)),
                        ])
                    })
            ),
        ])
    }
}
