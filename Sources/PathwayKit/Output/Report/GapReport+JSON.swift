extension GapReport {
    /// The report as JSON, schema `pathgap-report/1` (documented in the README, "Gap reports"): keys in a fixed
    /// order, absent values left out, two-space indent, a final newline.
    public func json() -> String { String(decoding: jsonBytes(), as: UTF8.self) }

    /// The text of ``json()`` as UTF-8, written straight through ``JSONWriter`` without building a tree.
    ///
    /// - Parameter views: The report's views, when already built for another format; `nil` to build them.
    /// - Complexity: O(size of the output), plus building the views.
    public func jsonBytes(views: Views? = nil) -> [UInt8] {
        var writer = JSONWriter(capacity: 64 * 1024 + 1600 * gaps.count)
        writeJSON(views ?? self.views(), to: &writer)
        writer.finish()
        return writer.bytes
    }

    /// Writes the text of ``jsonBytes(views:)`` in pieces of at least `chunkSize` bytes (the last may be shorter),
    /// handing each to `sink` as it is made, so that a large report is never held whole.
    ///
    /// - Parameters:
    ///   - views: The report's views, when already built for another format; `nil` to build them.
    ///   - sink: Takes each piece, in order; every piece is whole UTF-8.
    /// - Complexity: O(size of the output), plus building the views; memory O(`chunkSize` + one record).
    public func writeJSON(
        views: Views? = nil, chunkSize: Int = 1 << 20, to sink: (UnsafeRawBufferPointer) -> Void
    ) {
        var writer = JSONWriter(capacity: chunkSize + 64 * 1024)
        writeJSON(views ?? self.views(), to: &writer) { writer in
            writer.flush(atLeast: chunkSize) { $0.withUnsafeBytes(sink) }
        }
        writer.finish()
        writer.flush { $0.withUnsafeBytes(sink) }
    }

    /// The JSON document as an ordered tree.
    public func jsonTree() -> OrderedTree {
        var builder = OrderedTree.Builder()
        writeJSON(views(), to: &builder)
        return builder.tree ?? .map([])
    }

    /// Writes the JSON document: top-level keys always present (lists may be empty), only `asOf` left out when
    /// not given; inside records, absent values and empty lists left out.
    ///
    /// - Parameter checkpoint: Called between records (after each project, gap, staff group's needs and framework
    ///   table), where a streaming writer may hand over what it holds.
    func writeJSON<Writer: DocumentWriter>(
        _ views: Views, to writer: inout Writer, checkpoint: (inout Writer) -> Void = { _ in }
    ) {
        let totals = self.totals
        writer.beginObject()
        writer.member("schema", Self.schema)
        writer.member("asOf", asOf?.rawValue)
        writer.member("strategy", strategy.rawValue)
        writer.key("summary")
        writer.beginObject()
        writer.member("projects", projects.count)
        writer.member("pathways", totals.pathways)
        writer.member("subpathways", totals.subpathways)
        writer.member("steps", totals.steps)
        writer.member("gaps", gaps.count)
        writer.key("bySeverity")
        writer.beginObject()
        for severity in Severity.allCases.reversed() { writer.member(severity.rawValue, count(of: severity)) }
        writer.endObject()
        writer.key("byClass")
        writer.beginObject()
        for gapClass in GapClass.allCases { writer.member(gapClass.rawValue, count(of: gapClass)) }
        writer.endObject()
        writer.endObject()
        writer.key("projects")
        writer.list(projects) { writer, project in
            Self.writeProject(project, to: &writer)
            checkpoint(&writer)
        }
        writer.key("assumptions")
        writer.list(assumptions) { writer, finding in
            writer.beginObject()
            writer.member("rule", finding.rule)
            writer.member("severity", finding.severity.rawValue)
            writer.member("message", finding.message)
            Self.writeLocation(finding.location, to: &writer)
            writer.endObject()
        }
        writer.key("gaps")
        var scratch = TextBuffer()
        gaps.withUnsafeBufferPointer { gaps in
            writer.list(gaps.indices) { writer, index in
                Self.writeGap(gaps[index], priority: index + 1, to: &writer, scratch: &scratch)
                checkpoint(&writer)
            }
        }
        writer.key("actions")
        writer.list(Self.topActions(views.actions)) { Self.writeAction($1, to: &$0) }
        writer.key("needs")
        writer.list(views.needs) { writer, needs in
            Self.writeNeeds(needs, to: &writer)
            checkpoint(&writer)
        }
        writer.key("staleResources")
        writer.list(staleResources()) { writer, entry in
            writer.beginObject()
            writer.member("resource", entry.resource.rawValue)
            writer.member("priority", entry.priority)
            writer.member("competencies", strings: entry.competencies.lazy.map(\.rawValue))
            writer.member("staffGroups", strings: entry.staffGroups.lazy.map(\.rawValue))
            writer.member("steps", strings: entry.steps.lazy.map(\.label))
            writer.member("projects", strings: entry.projects)
            writer.endObject()
        }
        writer.key("sharedNeeds")
        writer.list(views.sharedNeeds) { Self.writeShared($1, to: &$0) }
        writer.key("frameworkTables")
        writer.list(views.frameworkTables) { writer, table in
            Self.writeTable(table, to: &writer)
            checkpoint(&writer)
        }
        writer.endObject()
    }

    /// Writes a `location` member; nothing without a location.
    static func writeLocation(_ location: SourceLocation?, to writer: inout some DocumentWriter) {
        guard let location else { return }
        writer.key("location")
        writer.beginObject()
        writer.member("file", location.file)
        writer.member("line", location.line)
        writer.member("column", location.column)
        writer.member("element", location.element)
        writer.endObject()
    }

    /// Writes a `patientsPerYear` member, rounded to one decimal place; nothing without a volume.
    static func writePatients(_ value: Double?, estimated: Bool, to writer: inout some DocumentWriter) {
        writer.member("patientsPerYear", number: value.map(ReportText.rounded))
        if value != nil, estimated {
            writer.key("patientsEstimated")
            writer.boolean(true)
        }
    }

    static func writeProject(_ analysis: ProjectAnalysis, to writer: inout some DocumentWriter) {
        let manifest = analysis.project.manifest
        writer.beginObject()
        writer.member("id", manifest.id)
        writer.member("title", manifest.title)
        writer.member("status", manifest.status.rawValue)
        writer.member("region", manifest.region)
        writer.member("gaps", analysis.gapCount)
        writer.member("pathways", list: analysis.pathways) { writer, pathway in
            writer.beginObject()
            writer.member("id", pathway.graph.index.id.rawValue)
            writer.member("title", pathway.graph.index.title)
            writer.member("steps", pathway.steps.count)
            writer.member("gaps", pathway.gaps.count)
            writer.member("subpathways", list: pathway.decomposition.subpathways) { writer, subpathway in
                writer.beginObject()
                writer.member("id", subpathway.id)
                writer.member("title", subpathway.title)
                writer.member("steps", strings: subpathway.steps.lazy.map(\.rawValue))
                if subpathway.isCyclic {
                    writer.key("isCyclic")
                    writer.boolean(true)
                }
                writer.endObject()
            }
            writer.endObject()
        }
        writer.endObject()
    }

    /// Writes a gap's record.
    ///
    /// - Parameter scratch: Room for the gap's message and action on their way to the record.
    static func writeGap(
        _ gap: borrowing Gap, priority: Int, to writer: inout some DocumentWriter, scratch: inout TextBuffer
    ) {
        writer.beginObject()
        writer.member("priority", priority)
        writer.member("class", gap.gapClass.rawValue)
        writer.member("severity", gap.severity.rawValue)
        writer.member("project", gap.project)
        writer.member("pathway", gap.pathway?.rawValue)
        writer.member("subpathways", strings: gap.subpathways)
        writer.member("step", gap.step?.rawValue)
        writer.member("stepLabel", gap.stepLabel)
        writer.member("staffGroup", gap.staffGroup?.rawValue)
        writer.member("setting", gap.setting)
        writer.member("competency", gap.competency?.rawValue)
        writer.member("statement", gap.statement)
        writer.member("requiredLevel", gap.requiredLevel)
        writer.member("framework", gap.framework?.rawValue)
        writer.member("resource", gap.resource?.rawValue)
        writer.key("message")
        scratch.removeAll()
        gap.appendMessage(to: &scratch)
        scratch.withBytes { writer.string(utf8: $0) }
        writer.key("suggestedAction")
        scratch.removeAll()
        gap.appendSuggestedAction(to: &scratch)
        scratch.withBytes { writer.string(utf8: $0) }
        writeLocation(gap.location, to: &writer)
        writePatients(gap.patientsPerYear, estimated: gap.patientsEstimated, to: &writer)
        let reach = gap.reach
        writer.key("reach")
        writer.beginObject()
        writer.member("steps", reach.steps)
        writer.member("subpathways", reach.subpathways)
        writer.member("projects", reach.projects)
        writePatients(reach.patientsPerYear, estimated: reach.patientsEstimated, to: &writer)
        writer.endObject()
        writeCandidates(gap.candidates, to: &writer)
        writer.endObject()
    }

    /// Writes a `candidates` member; nothing when there are none.
    static func writeCandidates(_ candidates: [CandidateResource], to writer: inout some DocumentWriter) {
        writer.member("candidates", list: candidates) { writer, candidate in
            writer.beginObject()
            writer.member("resource", candidate.resource.rawValue)
            writer.member("title", candidate.title)
            writer.member("level", candidate.level)
            writer.member("reasons", strings: candidate.reasons.lazy.map(\.rawValue))
            writer.endObject()
        }
    }

    static func writeNeeds(_ needs: StaffGroupNeeds, to writer: inout some DocumentWriter) {
        writer.beginObject()
        writer.member("staffGroup", needs.staffGroup?.rawValue)
        writer.member("name", needs.name)
        writer.member("competencies", list: needs.competencies) { writer, need in
            writer.beginObject()
            writer.member("competency", need.competency.rawValue)
            writer.member("writtenAs", strings: need.writtenAs.lazy.map(\.rawValue))
            writer.member("statement", need.statement)
            writer.member("framework", need.framework?.rawValue)
            writer.member("requiredLevel", need.requiredLevel)
            writer.member("classes", strings: need.classes.lazy.map(\.rawValue))
            writer.member("priority", need.priority)
            writer.member("steps", strings: need.steps.lazy.map(\.label))
            writer.member("subpathways", need.subpathways)
            writer.member("projects", strings: need.projects)
            writePatients(need.patientsPerYear, estimated: need.patientsEstimated, to: &writer)
            writeScore(need.score, to: &writer)
            writeCandidates(need.candidates, to: &writer)
            writer.endObject()
        }
        writer.member("workforce", list: needs.workforce) { writer, gap in
            writer.beginObject()
            writer.member("class", gap.gapClass.rawValue)
            writer.member("project", gap.project)
            writer.member("setting", gap.setting)
            writer.member("message", gap.message)
            writeLocation(gap.location, to: &writer)
            writer.endObject()
        }
        writer.endObject()
    }

    /// One of the ten most important actions: what to do, for which staff groups, where and why.
    static func writeAction(_ action: DevelopmentAction, to writer: inout some DocumentWriter) {
        writer.beginObject()
        writer.member("action", action.kind.rawValue)
        writer.member("competency", action.competency.rawValue)
        writer.member("writtenAs", strings: action.writtenAs.lazy.map(\.rawValue))
        writer.member("statement", action.statement)
        writer.member("framework", action.framework?.rawValue)
        writer.member("requiredLevel", action.requiredLevel)
        writer.member("staffGroups", list: action.groups) { writer, group in
            writer.beginObject()
            writer.member("staffGroup", group.staffGroup?.rawValue)
            writer.member("name", group.name)
            writer.endObject()
        }
        writer.member("classes", strings: action.classes.lazy.map(\.rawValue))
        writer.member("priority", action.priority)
        writer.member("steps", strings: action.steps.lazy.map(\.label))
        writer.member("projects", strings: action.projects)
        writePatients(action.patientsPerYear, estimated: action.patientsEstimated, to: &writer)
        writeScore(action.score, to: &writer)
        writeCandidates(action.candidates, to: &writer)
        writer.endObject()
    }

    /// A `score` member: the value and its parts.
    static func writeScore(_ score: NeedScore, to writer: inout some DocumentWriter) {
        writer.key("score")
        writer.beginObject()
        writer.member("value", number: score.value.rounded())
        writer.member("patients", number: score.patients.rounded())
        writer.member("severity", number: score.severity)
        writer.member("sharing", number: score.sharing)
        writer.member("cost", number: score.cost)
        writer.endObject()
    }

    static func writeShared(_ need: SharedNeed, to writer: inout some DocumentWriter) {
        writer.beginObject()
        writer.member("competency", need.competency.rawValue)
        writer.member("statement", need.statement)
        writer.member("projects", strings: need.projects)
        writer.member("staffGroups", strings: need.staffGroups)
        writer.member("classes", strings: need.classes.lazy.map(\.rawValue))
        writer.member("steps", need.steps)
        writePatients(need.patientsPerYear, estimated: need.patientsEstimated, to: &writer)
        writeCandidates(need.candidates, to: &writer)
        writer.endObject()
    }

    static func writeTable(_ table: FrameworkTable, to writer: inout some DocumentWriter) {
        writer.beginObject()
        writer.member("project", table.project)
        writer.member("pathway", table.pathway.rawValue)
        writer.member("subpathway", table.subpathway.id)
        writer.member("title", table.subpathway.title)
        writePatients(table.patientsPerYear, estimated: table.patientsEstimated, to: &writer)
        writer.member("rows", list: table.rows) { writer, row in
            writer.beginObject()
            writer.member("step", row.step.rawValue)
            writer.member("label", row.label)
            writer.member("kind", row.kind.rawValue)
            writer.member("who", strings: row.who)
            writer.member("knowledge", strings: row.knowledge)
            writer.member("resources", strings: row.resources)
            writer.member("gaps", strings: row.gaps.lazy.map(\.rawValue))
            writeLocation(row.location, to: &writer)
            writer.endObject()
        }
        writer.endObject()
    }
}
