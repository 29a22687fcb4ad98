import Foundation
import TestSupport
import Testing

@testable import PathwayKit

/// The byte writers against the writers they replaced (`ReportReference.swift`): every format, byte for byte, on
/// the fixtures and on generated projects whose every id, label, title and name is awkward text.
@Suite struct ReportWriterTests {
    /// Text a writer could get wrong: what CSV quotes or neutralises, what Markdown and HTML escape, what JSON
    /// escapes, line breaks (CR LF is one Swift character), and characters that join a special one into a larger
    /// character (a combining accent after `<`, an Arabic number sign before `"`, a zero-width joiner, a variation
    /// selector), non-ASCII and emoji.
    static let awkwardMarks = [
        "", ",", "\"", "'", "=", "+", "-", "@", "\t", "\r", "\n", "\r\n", "<", ">", "&", "|", "\\", "`", "#", "*",
        "\u{0}", "\u{1}", "\u{7F}", "é", "e\u{301}", "<\u{301}", "\u{600}\"", "\"\u{301}", "|\u{301}", "&\u{200D}",
        "'\u{FE0F}", "\u{600}|", "\u{2028}", "\u{2029}", "–", "·", "😀", "👩‍👩‍👧", "<script>alert('x')</script>",
        "=HYPERLINK(\"http://x\",\"y\")", "a, \"b\"\r\nc",
    ]

    /// `text` made awkward, the same way each time, keeping distinct texts distinct: a mark before (sometimes one
    /// a spreadsheet reads as a formula) and a mark after.
    static func awkward(_ text: String) -> String {
        let hash = text.utf8.reduce(7) { ($0 &* 31 &+ Int($1)) & 0xFFFF }
        let before = awkwardMarks[hash % awkwardMarks.count]
        let after = awkwardMarks[(hash / 7) % awkwardMarks.count]
        return "\(before)\(text)·\(after)"
    }

    /// A generated project with every text made awkward, and source locations on some steps and requirements.
    static func awkwardProject(steps: Int, seed: UInt64, id: String) -> Project {
        var project = AnnotatedProjectGenerator(steps: steps, competencies: 24, seed: seed).project()
        func group(_ id: StaffGroupID) -> StaffGroupID { StaffGroupID(awkward(id.rawValue)) }
        func competency(_ id: CompetencyID) -> CompetencyID { CompetencyID(awkward(id.rawValue)) }
        func level(_ level: String?) -> String? { level.map(awkward) }
        project.manifest.id = awkward(id)
        project.manifest.title = awkward("title of \(id)")
        for index in project.pathways.indices {
            var pathway = project.pathways[index]
            pathway.id = PathwayID(awkward(pathway.id.rawValue))
            pathway.title = awkward(pathway.title)
            for (number, step) in pathway.steps.enumerated() {
                var step = step
                step.id = StepID(awkward(step.id.rawValue))
                step.label = awkward(step.label)
                step.staffGroups = step.staffGroups.map(group)
                step.competencies = step.competencies.map { requirement in
                    var requirement = requirement
                    requirement.competency = competency(requirement.competency)
                    requirement.level = level(requirement.level)
                    if number % 5 == 0 {
                        requirement.location = SourceLocation(
                            file: awkward("dir/p.yaml"), line: number, column: number % 3 == 0 ? nil : 7)
                    }
                    return requirement
                }
                if step.competencies.isEmpty, number % 2 == 0 { step.noCompetencyReason = awkward("reason") }
                if number % 3 == 0 {
                    step.location = SourceLocation(
                        file: awkward("p.yaml"), line: number % 4 == 0 ? nil : number,
                        element: number % 2 == 0 ? awkward("element") : nil)
                }
                pathway.steps[number] = step
            }
            pathway.transitions = pathway.transitions.map { transition in
                var transition = transition
                transition.from = StepID(awkward(transition.from.rawValue))
                transition.to = StepID(awkward(transition.to.rawValue))
                return transition
            }
            project.pathways[index] = pathway
        }
        project.frameworks = project.frameworks.map { framework in
            var framework = framework
            framework.id = FrameworkID(awkward(framework.id.rawValue))
            framework.levels = framework.levels.compactMap(level)
            framework.areas = framework.areas.map { area in
                var area = area
                area.competencies = area.competencies.map { definition in
                    var definition = definition
                    definition.id = competency(definition.id)
                    definition.statement = awkward(definition.statement)
                    definition.levels = definition.levels.compactMap(level)
                    definition.staffGroups = definition.staffGroups.map(group)
                    return definition
                }
                return area
            }
            framework.equivalences = framework.equivalences.map { equivalence in
                CompetencyEquivalence(
                    competency: competency(equivalence.competency), equivalent: competency(equivalence.equivalent))
            }
            return framework
        }
        project.resources = project.resources.enumerated().map { number, resource in
            var resource = resource
            resource.id = ResourceID(awkward(resource.id.rawValue))
            // Titles that are equal as Swift compares them, written with different bytes (é, and e with U+0301).
            resource.title = awkward(
                number % 50 < 2 ? "Caf\(number % 50 == 0 ? "\u{E9}" : "e\u{301}") \(number / 50)" : resource.title)
            resource.kind = awkward(resource.kind)
            resource.provider = number % 3 == 0 ? nil : awkward("provider \(number % 4)")
            resource.audience = resource.audience.map(group)
            resource.develops = resource.develops.map { coverage in
                var coverage = coverage
                coverage.competency = competency(coverage.competency)
                coverage.level = level(coverage.level)
                return coverage
            }
            return resource
        }
        project.staffGroups = project.staffGroups.map { staffGroup in
            StaffGroup(id: group(staffGroup.id), name: awkward("name of \(staffGroup.id.rawValue)"))
        }
        project.workforce = project.workforce.enumerated().map { number, record in
            var record = record
            record.staffGroup = group(record.staffGroup)
            record.setting = number % 2 == 0 ? nil : awkward("setting \(number)")
            return record
        }
        return project
    }

    /// Gaps made by hand, with awkward text in every field, some with no pathway, step or location.
    static func handMadeGaps(project: String) -> [Gap] {
        GapClass.allCases.enumerated().map { number, gapClass in
            let mark = awkwardMarks[number % awkwardMarks.count]
            return Gap(
                gapClass, project: project, pathway: number % 4 == 0 ? nil : PathwayID(awkward("hand")),
                subpathways: number % 3 == 0 ? [] : [awkward("sub \(number)"), awkward("other")],
                step: number % 4 == 0 ? nil : StepID(awkward("step \(number % 3)")), stepLabel: awkward(mark),
                staffGroup: number % 5 == 0 ? nil : StaffGroupID(awkward("group \(number % 2)")),
                setting: number % 2 == 0 ? awkward("ward") : nil,
                competency: CompetencyID(awkward("C\(number % 3)")), requiredLevel: awkward("level \(mark)"),
                framework: FrameworkID(awkward("framework")), statement: awkward("statement \(mark)"),
                resource: number % 2 == 0 ? ResourceID(awkward("resource \(number)")) : nil,
                message: "message \(mark) \(awkward(mark))", suggestedAction: awkward("action \(mark)"),
                location: number % 3 == 1 ? nil : SourceLocation(file: awkward("file"), line: number, column: 3),
                patientsPerYear: number % 2 == 0 ? Double(number) * 12.345 : nil,
                candidates: [
                    CandidateResource(
                        resource: ResourceID(awkward("candidate")), title: awkward("title \(mark)"),
                        level: number % 2 == 0 ? awkward("2") : nil, reasons: [.partial, .stale])
                ])
        }
    }

    /// Gaps made by hand at the analyzer's steps: copies of some of its gaps (their pathway, sub-pathways, step,
    /// group and competency), so that needs pool both kinds.
    static func handMadeCopies(of gaps: [Gap]) -> [Gap] {
        stride(from: 0, to: gaps.count, by: 37).map { index in
            let gap = gaps[index]
            return Gap(
                .noResource, project: gap.project, pathway: gap.pathway, subpathways: gap.subpathways, step: gap.step,
                stepLabel: gap.stepLabel, staffGroup: gap.staffGroup, competency: gap.competency,
                requiredLevel: gap.requiredLevel, framework: gap.framework, statement: gap.statement, need: gap.need,
                message: awkward("copy"), suggestedAction: awkward("copy"), location: gap.location,
                patientsPerYear: gap.patientsPerYear, candidates: gap.candidates)
        }
    }

    static let asOf = AsOfDate("2026-11-25")

    /// The reports compared: each gap-class fixture alone, every bundled project together, and generated awkward
    /// projects (one, and two sharing competencies) with gaps made by hand added.
    static func report(_ name: String) throws -> GapReport {
        switch name {
        case "projects":
            let projects = try ProjectLoader.projects(under: Fixtures.path("projects")).map {
                try ProjectLoader().loadProject(at: $0).project
            }
            return GapReport(analysing: projects, asOf: asOf)
        case "awkward":
            // Gaps made by hand among the analyzer's (so that the report numbers their project) and after.
            var analysis = GapAnalyzer().analysis(of: awkwardProject(steps: 400, seed: 1, id: "one"), asOf: asOf)
            analysis.pathways[0].gaps += handMadeCopies(of: analysis.pathways[0].gaps)
            var report = GapReport(projects: [analysis], strategy: .chains, asOf: asOf)
            report.gaps += handMadeGaps(project: awkward("one")) + handMadeCopies(of: report.gaps)
            return report
        case "awkward-shared":
            let projects = [
                awkwardProject(steps: 300, seed: 2, id: "one"), awkwardProject(steps: 300, seed: 3, id: "two"),
            ]
            var report = GapReport(analysing: projects, strategy: .stages, asOf: asOf)
            report.gaps += handMadeGaps(project: awkward("two"))
            return report
        default:
            let project = try ProjectLoader().loadProject(at: Fixtures.path("gaps/\(name)")).project
            return GapReport(analysing: [project], asOf: asOf)
        }
    }

    static let reports: [String] = {
        let fixtures = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.path("gaps"))) ?? []
        return fixtures.sorted() + ["projects", "awkward", "awkward-shared"]
    }()

    /// `nil` when the texts are equal byte for byte; otherwise where they first differ, with a little of each.
    static func difference(_ written: [UInt8], _ expected: String) -> String? {
        let expected = Array(expected.utf8)
        guard written != expected else { return nil }
        let offset = zip(written, expected).prefix { $0 == $1 }.count
        func excerpt(_ text: [UInt8]) -> String {
            String(decoding: text[offset..<min(text.count, offset + 80)], as: UTF8.self).debugDescription
        }
        return "byte \(offset): written \(excerpt(written)), reference \(excerpt(expected))"
    }

    @Test("each writer gives the same bytes by every route (bytes, given views, String, tree)", arguments: reports)
    func writersAgreeAcrossRoutes(name: String) throws {
        let report = try Self.report(name)
        let views = report.views()
        let chart = { (table: FrameworkTable) in
            table.rows.count % 2 == 0 ? "<?xml version=\"1.0\"?>\n<svg id=\"\(table.subpathway.id)\"></svg>\n" : nil
        }
        let markdown = String(decoding: report.markdownBytes(), as: UTF8.self)
        let csv = String(decoding: report.csvBytes(), as: UTF8.self)
        let json = String(decoding: report.jsonBytes(), as: UTF8.self)
        let html = String(decoding: report.htmlBytes(flowchart: chart), as: UTF8.self)
        for (format, written, expected) in [
            ("md", report.markdownBytes(views: views), markdown), ("md", Array(report.markdown().utf8), markdown),
            ("csv", Array(report.csv().utf8), csv), ("json", report.jsonBytes(views: views), json),
            ("json", Array(report.json().utf8), json), ("json", Array(report.jsonTree().json().utf8), json),
            ("html", report.htmlBytes(views: views, flowchart: chart), html),
            ("html", Array(report.html(flowchart: chart).utf8), html),
        ] {
            let difference = Self.difference(written, expected)
            #expect(difference == nil, "\(name).\(format): \(difference ?? "")")
        }
        // Every chart given is embedded, after its XML declaration is dropped.
        for table in views.frameworkTables where chart(table) != nil {
            #expect(html.contains("<svg id=\"\(GapReport.escape(table.subpathway.id))\"></svg>"))
        }
    }

    @Test("the needs and framework tables equal those of the code they replaced", arguments: reports)
    func viewsMatchReference(name: String) throws {
        let report = try Self.report(name)
        // Patients are counted once now (see `PatientReachTests`); the rest is as before.
        func withoutPatients(_ needs: [StaffGroupNeeds]) -> [StaffGroupNeeds] {
            needs.map { group in
                var group = group
                group.competencies = group.competencies.map { need in
                    var need = need
                    need.patientsPerYear = nil
                    need.patientsEstimated = false
                    need.score = NeedScore(patients: 1, severity: 1, sharing: 1, cost: 1)
                    return need
                }
                .sorted { $0.priority < $1.priority }
                return group
            }
        }
        #expect(withoutPatients(report.needs()) == withoutPatients(report.referenceNeeds()))
        let tables = report.frameworkTables().map { table in
            var table = table
            table.patientsPerYear = nil
            table.patientsEstimated = false
            // The reference predates the estimated marks on rows too.
            for index in table.rows.indices { table.rows[index].patientsEstimated = false }
            return table
        }
        #expect(tables == report.referenceFrameworkTables())
    }

    /// Awkward texts, and long ones with each mark at each offset of the first sixteen bytes, so that marks fall
    /// at every place in an eight-byte word.
    static let awkwardTexts: [String] = {
        var texts = awkwardMarks + awkwardMarks.map { "\($0)\($0)" } + awkwardMarks.map(awkward)
        for mark in awkwardMarks where !mark.isEmpty {
            for offset in 0..<17 {
                let padding = String(repeating: "abcdefgh", count: 4)
                let start = padding.index(padding.startIndex, offsetBy: offset)
                texts.append(String(padding[..<start]) + mark + String(padding[start...]))
                texts.append(String(padding[..<start]) + "é" + mark + "ü" + String(padding[start...]))
            }
        }
        return texts
    }()

    @Test("each escaper gives the bytes of the one it replaced")
    func escapersMatchReference() {
        for text in Self.awkwardTexts {
            var markdown = TextBuffer()
            markdown.appendMarkdown(text)
            var cell = TextBuffer()
            cell.appendMarkdownCell(text)
            #expect(Array(GapReport.csvField(text).utf8) == Array(GapReport.referenceCSVField(text).utf8))
            #expect(Array(GapReport.escape(text).utf8) == Array(GapReport.referenceEscape(text).utf8))
            #expect(markdown.bytes == Array(GapReport.referenceMDText(text).utf8))
            #expect(cell.bytes == Array(GapReport.referenceMDCell(text).utf8))
        }
    }

    /// A JSON string literal written scalar by scalar: `"` and `\` escaped, `\n`, `\r`, `\t` by name, every other
    /// control character and U+2028/U+2029 as `\u00XX` or `\u2028`.
    static func jsonLiteral(_ text: String) -> [UInt8] {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}", "\u{2029}": out += "\\u\(String(scalar.value, radix: 16))"
            case _ where scalar.value < 0x20:
                out += "\\u00" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return Array((out + "\"").utf8)
    }

    @Test("JSON strings escape what they must wherever it falls in the text")
    func jsonStringsAtEveryOffset() {
        for text in Self.awkwardTexts {
            var out: [UInt8] = []
            JSONWriter.appendQuoted(text, to: &out)
            #expect(out == Self.jsonLiteral(text), "\(text.debugDescription)")
        }
    }

    @Test("JSON keys are escaped as strings are, short or long, at any depth")
    func jsonKeys() {
        let long = String(repeating: "k", count: 70)
        for key in Self.awkwardTexts + [long, long + "\"", ""] {
            var writer = JSONWriter()
            writer.beginObject()
            writer.key("a")
            writer.beginObject()
            writer.key(key)
            writer.integer(-12)
            writer.key(key)
            writer.boolean(true)
            writer.endObject()
            writer.endObject()
            let literal = String(decoding: Self.jsonLiteral(key), as: UTF8.self)
            let expected = "{\n  \"a\": {\n    \(literal): -12,\n    \(literal): true\n  }\n}"
            #expect(writer.bytes == Array(expected.utf8), "\(key.debugDescription)")
        }
    }
}
