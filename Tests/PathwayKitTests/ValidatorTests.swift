import PathwayKit
import TestSupport
import Testing

@Suite struct ValidatorTests {
    struct RuleCase: Sendable, CustomTestStringConvertible {
        let fixture: String
        let severity: Severity
        let line: Int
        var testDescription: String { fixture }
    }

    @Test(
        "each broken pathway gives exactly its own finding at the right line",
        arguments: [
            RuleCase(fixture: "closed-cycle", severity: .error, line: 5),
            RuleCase(fixture: "decision-branches", severity: .error, line: 4),
            RuleCase(fixture: "duplicate-id", severity: .error, line: 5),
            RuleCase(fixture: "end-continues", severity: .warning, line: 4),
            RuleCase(fixture: "implicit-branch", severity: .warning, line: 4),
            RuleCase(fixture: "missing-share", severity: .warning, line: 4),
            RuleCase(fixture: "no-end", severity: .error, line: 1),
            RuleCase(fixture: "no-start", severity: .error, line: 1),
            RuleCase(fixture: "no-way-to-end", severity: .error, line: 5),
            RuleCase(fixture: "shares-sum", severity: .warning, line: 4),
            RuleCase(fixture: "unknown-step", severity: .error, line: 8),
            RuleCase(fixture: "unreachable-step", severity: .error, line: 5),
        ])
    func structuralRule(_ rule: RuleCase) throws {
        let path = Fixtures.path("invalid/pathways/\(rule.fixture).yaml")
        let pathway = try #require(try PathwayReaders.standard.read(path).pathways.first)
        let findings = Validator.findings(for: pathway)
        #expect(findings.map(\.rule) == [rule.fixture])
        #expect(findings.first?.severity == rule.severity)
        #expect(findings.first?.location?.line == rule.line)
        #expect(findings.first?.location?.file == path)
    }

    @Test(
        "each broken project gives exactly its own finding",
        arguments: [
            ("duplicate-staff-group", "duplicate-id", Severity.error, "duplicate-groups.yaml", 2),
            ("unknown-competency", "unknown-competency", .warning, "pathway.yaml", 7),
            ("unknown-level", "unknown-level", .error, "pathway.yaml", 8),
            ("unknown-source", "unknown-source", .warning, "pathway.yaml", 4),
            ("unknown-staff-group", "unknown-staff-group", .error, "pathway.yaml", 4),
        ])
    func referenceRule(fixture: String, rule: String, severity: Severity, file: String, line: Int) throws {
        let (project, importFindings) = try ProjectLoader().loadProject(
            at: Fixtures.path("invalid/projects/\(fixture)"))
        #expect(importFindings.isEmpty)
        let findings = Validator.findings(for: project)
        #expect(findings.map(\.rule) == [rule])
        #expect(findings.first?.severity == severity)
        #expect(findings.first?.location?.file.hasSuffix("\(fixture)/\(file)") == true)
        #expect(findings.first?.location?.line == line)
    }

    @Test("a clean project and a clean pathway give no findings")
    func cleanInputs() throws {
        let (project, _) = try ProjectLoader().loadProject(at: Fixtures.path("invalid/projects/clean"))
        #expect(Validator.findings(for: project).isEmpty)
        let path = Fixtures.path("pathways/branching.yaml")
        let pathway = try #require(try PathwayReaders.standard.read(path).pathways.first)
        #expect(Validator.findings(for: pathway).isEmpty)
    }

    @Test("a project that names a missing file is an input error naming the manifest")
    func missingProjectFile() throws {
        let error = try #require(throws: InputError.self) {
            try ProjectLoader().loadProject(at: Fixtures.path("invalid/projects/missing-file"))
        }
        #expect(error.location.file.hasSuffix("missing-file/project.yaml"))
        #expect(error.message.contains("'nowhere.yaml', which does not exist"))
    }

    @Test("a self-loop with no exit is a closed cycle; a loop with an exit is fine")
    func loops() {
        var pathway = Pathway(
            id: "loop",
            steps: [
                Step(id: "s", kind: .start), Step(id: "wait"), Step(id: "check", kind: .decision),
                Step(id: "e", kind: .end),
            ],
            transitions: [
                Transition(from: "s", to: "wait"), Transition(from: "wait", to: "check"),
                Transition(from: "check", to: "wait", condition: "not yet"),
                Transition(from: "check", to: "e", condition: "done"),
            ])
        #expect(Validator.findings(for: pathway).isEmpty)
        pathway.transitions.removeLast()
        pathway.transitions.append(Transition(from: "check", to: "check", condition: "again"))
        let findings = Validator.findings(for: pathway)
        // The loop is reported once as a closed cycle; the start, which can only lead into it, cannot reach the end.
        #expect(findings.map(\.rule) == ["closed-cycle", "no-way-to-end", "unreachable-step"])
        #expect(findings[0].message == "steps 'wait', 'check' form a cycle with no way out")
        #expect(findings[1].message == "no end can be reached from step 's'")
    }
}
