import Foundation
import PathwayKit
import TestSupport
import Testing

@Suite struct BPMNImporterTests {
    static let clinic = Fixtures.path("import/bpmn/clinic.bpmn")

    func clinicImport() throws -> PathwayImport { try PathwayReaders.standard.read(Self.clinic) }

    @Test("tasks, events and gateways map to step kinds")
    func kinds() throws {
        let pathway = try #require(try clinicImport().pathways.first)
        let kinds = Dictionary(uniqueKeysWithValues: pathway.steps.map { ($0.id.rawValue, $0.kind) })
        #expect(kinds["Start"] == .start)
        #expect(kinds["Request"] == .activity)
        #expect(kinds["Decide"] == .decision)
        #expect(kinds["Join"] == .merge)
        #expect(kinds["Split"] == .parallel)
        #expect(kinds["End"] == .end)
        #expect(kinds["Chase"] == .activity)
        #expect(pathway.title == "DPYD testing")
        #expect(pathway.description == "Testing before fluoropyrimidines.")
    }

    @Test("names lose their line breaks; documentation becomes notes; locations carry line and id")
    func labelsAndNotes() throws {
        let pathway = try #require(try clinicImport().pathways.first)
        let request = try #require(pathway.step("Request"))
        #expect(request.label == "Request DPYD test")
        #expect(request.notes == "Use the test directory code M1.7.")
        #expect(request.location == SourceLocation(file: Self.clinic, line: 31, element: "Request"))
    }

    @Test("lanes and pools become staff groups, the innermost lane winning")
    func lanes() throws {
        let pathway = try #require(try clinicImport().pathways.first)
        #expect(pathway.step("Start")?.staffGroups == ["clinical-team"])
        #expect(pathway.step("Request")?.staffGroups == ["consultant-oncologist"])
        #expect(pathway.step("Dose")?.staffGroups == ["pharmacist"])
        #expect(pathway.step("Treat")?.staffGroups == ["oncology-clinic"])
    }

    @Test("conditions come from names, condition expressions and default flows")
    func conditions() throws {
        let pathway = try #require(try clinicImport().pathways.first)
        let out = pathway.transitions.filter { $0.from == "Decide" }
        #expect(out.first { $0.to == "Dose" }?.condition == "${variant == true}")
        #expect(out.first { $0.to == "Join" }?.condition == "default")
    }

    @Test("a boundary event is a step linked from its host by a transition naming the event")
    func boundaryEvent() throws {
        let pathway = try #require(try clinicImport().pathways.first)
        let link = try #require(pathway.transitions.first { $0.to == "Chase" })
        #expect(link.from == "Request")
        #expect(link.condition == "7 days pass (non-interrupting)")
    }

    @Test("an expanded sub-process is inlined with prefixed ids and wired through its start and end")
    func expandedSubProcess() throws {
        let pathway = try #require(try clinicImport().pathways.first)
        #expect(pathway.step("Lab1") == nil)
        #expect(pathway.step("Lab1.Genotype")?.kind == .activity)
        #expect(pathway.step("Lab1.LabStart")?.kind == .merge)
        #expect(pathway.step("Lab1.LabStart")?.label == "Start of Laboratory work")
        #expect(pathway.transitions.contains { $0.from == "Request" && $0.to == "Lab1.LabStart" })
        #expect(pathway.transitions.contains { $0.from == "ChaseLab" && $0.to == "Lab1.LabStart" })
        #expect(pathway.transitions.contains { $0.from == "Lab1.LabEnd" && $0.to == "Decide" })
    }

    @Test("a collapsed sub-process and a call activity become references; the collapsed content is a pathway")
    func references() throws {
        let imported = try clinicImport()
        let pathway = try #require(imported.pathways.first)
        #expect(pathway.step("Folded")?.kind == .reference)
        #expect(pathway.step("Folded")?.reference == "Folded")
        #expect(pathway.step("Treat")?.kind == .reference)
        #expect(pathway.step("Treat")?.reference == "Chemo")
        #expect(imported.pathways.map(\.id.rawValue) == ["Clinic", "Folded"])
        #expect(imported.pathways[1].steps.map(\.kind) == [.start, .activity, .end])
    }

    @Test("unsupported constructs are findings with their place")
    func findings() throws {
        let findings = try clinicImport().findings
        let byElement = Dictionary(grouping: findings) { $0.location?.element ?? "" }
        #expect(byElement["Msg"]?.first?.message.contains("message flow 'Sample'") == true)
        #expect(byElement["Form"]?.first?.message.contains("data object") == true)
        #expect(byElement["OnError"]?.first?.message.contains("event sub-process") == true)
        #expect(byElement["Lab"]?.first?.rule == "bpmn-black-box-pool")
        #expect(findings.allSatisfy { $0.location?.line != nil })
    }

    @Test("a throwing link event continues at the catching link event of the same name")
    func linkEvents() throws {
        let xml = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><process id="p">
              <startEvent id="s"/><intermediateThrowEvent id="go"><linkEventDefinition name="A"/></intermediateThrowEvent>
              <intermediateCatchEvent id="here"><linkEventDefinition name="A"/></intermediateCatchEvent><endEvent id="e"/>
              <sequenceFlow id="f1" sourceRef="s" targetRef="go"/><sequenceFlow id="f2" sourceRef="here" targetRef="e"/>
            </process></definitions>
            """
        let pathway = try #require(try BPMNImporter.pathways(from: Data(xml.utf8), file: "links.bpmn").pathways.first)
        #expect(pathway.transitions.map { "\($0.from)->\($0.to)" } == ["s->go", "here->e", "go->here"])
        #expect(Validator.findings(for: pathway).isEmpty)
    }

    @Test("a harmless DOCTYPE is accepted")
    func plainDoctype() throws {
        let imported = try PathwayReaders.standard.read(Fixtures.path("import/bpmn/plain-doctype.bpmn"))
        #expect(imported.pathways.first?.steps.count == 3)
    }

    @Test(
        "malformed or foreign XML is refused with its place",
        arguments: [
            ("malformed.bpmn", "6:15: error: not well-formed XML: the document ends before every element is closed"),
            ("not-bpmn.bpmn", "2: error: not a BPMN 2.0 file: the root element is 'html'"),
        ])
    func refused(file: String, message: String) {
        let path = Fixtures.path("import/bpmn/\(file)")
        let error = #expect(throws: InputError.self) { try PathwayReaders.standard.read(path) }
        #expect(
            error?.description == "\(path):\(message)" || error?.description.hasPrefix("\(path):\(message)") == true)
    }
}
