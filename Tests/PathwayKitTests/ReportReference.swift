import Foundation

@testable import PathwayKit

// The escapers, development needs and framework tables as first written (building a `String` per cell), kept as
// the reference the byte escapers and the views must match (`ReportWriterTests`). The whole-document writers they
// replaced were retired when the report's content changed on purpose (patients counted once, assumptions shown):
// the reviewed golden files cover the documents now.

/// Small rules shared by the reference escapers.
enum ReferenceText {
    /// Whether a byte needs escaping in Markdown text (backslash, ampersand, angle brackets, the brackets of link
    /// syntax, control characters).
    static func isMarkdownSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<")
            || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[")
            || isControl(byte)
    }

    /// C0 control characters and DEL.
    static func isControl(_ byte: UInt8) -> Bool { byte < 32 || byte == 127 }

    /// Whether a character is one control character (controls never combine with what follows).
    static func isControl(_ character: Character) -> Bool {
        character.unicodeScalars.count == 1
            && character.unicodeScalars.first.map { $0.value < 32 || $0.value == 127 } == true
    }
}

extension GapReport {
    /// One field: neutralised against formula injection, then quoted where RFC 4180 needs it.
    static func referenceCSVField(_ text: String) -> String {
        // Control characters other than tab and line breaks become spaces first.
        var cell = String(
            String.UnicodeScalarView(
                text.unicodeScalars.map {
                    ($0.value < 32 && ![9, 10, 13].contains($0.value)) || $0.value == 127 ? " " : $0
                }))
        if let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            cell = "'" + cell
        }
        if cell.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) {
            return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return cell
    }
}

extension GapReport {
    /// Text escaped for a Markdown table cell: pipes and backslashes escaped, angle brackets and ampersands as
    /// entities (so no label can open raw HTML), line breaks as spaces. Backticks written by the writer are kept.
    static func referenceMDCell(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "|") || ReferenceText.isMarkdownSpecial($0) }) {
            return text
        }
        return referenceMDText(text).replacingOccurrences(of: "|", with: "\\|")
    }

    /// Text escaped for Markdown prose.
    static func referenceMDText(_ text: String) -> String {
        if !text.utf8.contains(where: ReferenceText.isMarkdownSpecial) { return text }
        var out = ""
        var previous: Character = " "
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "(" where previous == "]": out += "\\("
            case "[" where previous == "]": out += "\\["
            case "\n", "\r", "\r\n", "\t": out += " "
            case _ where ReferenceText.isControl(character): out += " "
            default: out.append(character)
            }
            previous = character
        }
        return out
    }
}

extension GapReport {
    // MARK: Pieces

    /// Text escaped for HTML content and attribute values.
    static func referenceEscape(_ text: String) -> String {
        let special: Set<UInt8> = [
            UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"),
        ]
        if !text.utf8.contains(where: { special.contains($0) || ReferenceText.isControl($0) }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r", "\r\n": out.append(character)
            case _ where ReferenceText.isControl(character): out += " "
            default: out.append(character)
            }
        }
        return out
    }

}

extension GapReport {
    /// ``GapReport/needs()`` as first written.
    func referenceNeeds() -> [StaffGroupNeeds] { Self.referenceNeeds(gaps, names: names) }

    static func referenceNeeds(_ gaps: [Gap], names: [StaffGroupID: String]) -> [StaffGroupNeeds] {
        var byGroup: [String: [(priority: Int, gap: Gap)]] = [:]
        var workforce: [String: [Gap]] = [:]
        for (index, gap) in gaps.enumerated() {
            let key = gap.staffGroup?.rawValue ?? ""
            if gap.gapClass.isWorkforce {
                workforce[key, default: []].append(gap)
            } else if gap.gapClass.isEducationNeed, gap.need != nil {
                byGroup[key, default: []].append((index + 1, gap))
            }
        }
        let keys = Set(byGroup.keys).union(workforce.keys).sorted { lhs, rhs in
            lhs.isEmpty != rhs.isEmpty ? !lhs.isEmpty : lhs < rhs
        }
        return keys.map { key in
            let group = key.isEmpty ? nil : StaffGroupID(key)
            return StaffGroupNeeds(
                staffGroup: group, name: group.map { names[$0] ?? $0.rawValue } ?? "(no staff group named)",
                competencies: referencePooled(byGroup[key] ?? []), workforce: workforce[key] ?? [])
        }
    }

    /// Pools gaps (already in priority order) by competency.
    ///
    /// - Complexity: O(G) expected, plus sorting each need's steps.
    static func referencePooled(_ entries: [(priority: Int, gap: Gap)]) -> [CompetencyNeed] {
        var order: [CompetencyID] = []
        var pools: [CompetencyID: [(priority: Int, gap: Gap)]] = [:]
        for entry in entries {
            guard let need = entry.gap.need else { continue }
            if pools[need] == nil { order.append(need) }
            pools[need, default: []].append(entry)
        }
        return order.map { need in
            let entries = pools[need] ?? []
            var seen: Set<GapOrigin> = []
            var subpathways: Set<SubpathwayKey> = []
            var steps: [StepReference] = []
            var patients: Double?
            var writtenAs: Set<CompetencyID> = []
            var classes: Set<GapClass> = []
            var projects: Set<String> = []
            var statement: String?
            var framework: FrameworkID?
            var candidates: [ResourceID: CandidateResource] = [:]
            for (_, gap) in entries {
                if seen.insert(gap.origin).inserted {
                    if let pathway = gap.pathway, let step = gap.step {
                        steps.append(StepReference(project: gap.project, pathway: pathway, step: step))
                    }
                    if let volume = gap.patientsPerYear { patients = (patients ?? 0) + volume }
                    for id in gap.subpathways {
                        subpathways.insert(
                            SubpathwayKey(project: gap.origin.project, pathway: gap.pathway, id: id))
                    }
                }
                if let competency = gap.competency, competency != need { writtenAs.insert(competency) }
                classes.insert(gap.gapClass)
                projects.insert(gap.project)
                statement = statement ?? gap.statement
                framework = framework ?? gap.framework
                for candidate in gap.candidates {
                    if let known = candidates[candidate.resource], !(candidate < known) { continue }
                    candidates[candidate.resource] = candidate
                }
            }
            return CompetencyNeed(
                competency: need, writtenAs: writtenAs.sorted(), statement: statement, framework: framework,
                requiredLevel: referenceRequiredLevel(of: entries.map(\.gap)), classes: classes.sorted(),
                steps: steps.sorted(),
                subpathways: subpathways.count, projects: projects.sorted(), patientsPerYear: patients,
                candidates: candidates.values.sorted(), priority: entries.first?.priority ?? 0)
        }
    }

    /// The highest level needed: the one whose rank fraction is greatest, ties broken by text.
    static func referenceRequiredLevel(of gaps: [Gap]) -> String? {
        var best: (rank: Double, level: String)?
        for gap in gaps {
            guard let level = gap.requiredLevel else { continue }
            let rank = gap.reach.levelRank ?? -1
            if let current = best, (current.rank, current.level) >= (rank, level) { continue }
            best = (rank, level)
        }
        return best?.level
    }

}

extension GapReport {
    /// ``GapReport/frameworkTables()`` as first written.
    func referenceFrameworkTables() -> [FrameworkTable] {
        projects.flatMap { Self.referenceFrameworkTables($0, names: names) }
    }

    static func referenceFrameworkTables(_ analysis: ProjectAnalysis, names: [StaffGroupID: String]) -> [FrameworkTable]
    {
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
                        let mark = requirement.provenance?.mark.map { " (\($0))" } ?? ""
                        if let statement = requirement.statement, !statement.isEmpty {
                            return "\(statement) [\(id)\(level)]\(mark)"
                        }
                        let undefined = requirement.framework == nil ? " (not in any loaded framework)" : ""
                        return "[\(id)\(level)]\(undefined)\(mark)"
                    }
                    if knowledge.isEmpty, let reason = step.noCompetencyReason {
                        knowledge = ["None needed: \(reason)"]
                    }
                    var resources: [String] = []
                    for requirement in assessed.requirements {
                        for id in requirement.resources where !resources.contains(resourceLabel(id)) {
                            resources.append(resourceLabel(id))
                        }
                    }
                    for requirement in assessed.requirements {
                        for candidate in requirement.candidates {
                            let text =
                                "\(resourceLabel(candidate.resource)) – \(candidate.reasons.map(\.rawValue).joined(separator: ", "))"
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
                    FrameworkTable(
                        project: analysis.project.manifest.id, pathway: pathway.pathway.id, subpathway: subpathway,
                        rows: rows))
            }
        }
        return tables
    }
}
