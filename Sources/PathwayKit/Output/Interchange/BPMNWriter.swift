/// Writes a pathway as BPMN 2.0 XML with diagram interchange, for BPMN modellers (bpmn.io, Camunda Modeler,
/// Signavio) to open.
///
/// The mapping is the reverse of ``BPMNImporter``'s: starts and ends become start and end events, activities tasks,
/// decisions and merges exclusive gateways (diverging and converging), parallel steps parallel gateways, references
/// call activities naming the pathway they stand for. Each staff group that is the first group of some step is a
/// lane of one pool; a transition's condition is both the flow's name and its `conditionExpression` (except after a
/// parallel gateway, where BPMN allows none); notes become `documentation`. What BPMN has no place for (every staff
/// group of a step, stage, setting, competencies, test codes, sources, patients per year, test directory edition, reading, share and source of a share) is kept in a `pathgap:step` / `pathgap:transition`
/// extension element, which ``BPMNImporter`` reads back, so that export and import give back the same pathway.
/// A step id that is not a safe XML id is written as `Step_<n>` with the id in the extension.
public enum BPMNWriter {
    /// The namespace of pathgap's extension elements (the importer's, so that both sides agree).
    public static let extensionNamespace = BPMNImporter.extensionNamespace

    /// Writes a pathway.
    ///
    /// - Parameters:
    ///   - pathway: The pathway; every transition must join two of its steps, and step ids must be unique.
    ///   - layout: Where each shape goes (a step or transition missing from it is placed at the origin).
    ///   - staffGroupNames: Display names for lanes; a lane is titled with the group's id where none is given.
    /// - Returns: The XML text, ending with a newline.
    /// - Complexity: O(V + E).
    public static func text(
        for pathway: some PathwayRecord, layout: DiagramLayout, staffGroupNames: [StaffGroupID: String] = [:]
    ) -> String {
        let ids = elementIDs(for: pathway)
        let processID = XMLText.isSafeID(pathway.id.rawValue) ? pathway.id.rawValue : "Process_1"
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" \
            xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xmlns:pathgap="\(extensionNamespace)" id="Definitions_1" \
            targetNamespace="urn:pathgap:pathway:\(XMLText.escaped(pathway.id.rawValue))" exporter="pathgap" \
            exporterVersion="1">

            """
        out += "  <bpmn:collaboration id=\"Collaboration_1\">\n"
        out += "    <bpmn:participant id=\"Participant_1\" name=\"\(XMLText.escaped(pathway.title))\" "
        out += "processRef=\"\(processID)\" />\n"
        out += "  </bpmn:collaboration>\n"
        out +=
            "  <bpmn:process id=\"\(processID)\" name=\"\(XMLText.escaped(pathway.title))\" isExecutable=\"false\">\n"
        if let description = pathway.description, !description.isEmpty {
            out += "    <bpmn:documentation>\(XMLText.escaped(description))</bpmn:documentation>\n"
        }
        if processID != pathway.id.rawValue {
            out += "    <bpmn:extensionElements><pathgap:pathway id=\"\(XMLText.escaped(pathway.id.rawValue))\" />"
            out += "</bpmn:extensionElements>\n"
        }
        let lanes = layout.lanes.map(\.group)
        if !lanes.isEmpty {
            out += "    <bpmn:laneSet id=\"LaneSet_1\">\n"
            for (number, group) in lanes.enumerated() {
                out += "      <bpmn:lane id=\"Lane_\(number + 1)\" "
                let name = group.rawValue.isEmpty ? "No staff group" : staffGroupNames[group] ?? group.rawValue
                out += "name=\"\(XMLText.escaped(name))\">\n"
                for step in pathway.steps where (DiagramLayout.lane(of: step) ?? StaffGroupID("")) == group {
                    out += "        <bpmn:flowNodeRef>\(ids[step.id] ?? "")</bpmn:flowNodeRef>\n"
                }
                out += "      </bpmn:lane>\n"
            }
            out += "    </bpmn:laneSet>\n"
        }
        var incoming: [StepID: [String]] = [:]
        var outgoing: [StepID: [String]] = [:]
        for (index, transition) in pathway.transitions.enumerated() {
            outgoing[transition.from, default: []].append(flowID(index))
            incoming[transition.to, default: []].append(flowID(index))
        }
        for (number, step) in pathway.steps.enumerated() {
            let element = elementName(for: step)
            let id = ids[step.id] ?? "Step_\(number + 1)"
            var attributes = "id=\"\(id)\" name=\"\(XMLText.escaped(step.label))\""
            switch step.kind {
            case .decision: attributes += " gatewayDirection=\"Diverging\""
            case .merge: attributes += " gatewayDirection=\"Converging\""
            case .reference:
                if let reference = step.reference, XMLText.isSafeID(reference) {
                    attributes += " calledElement=\"\(reference)\""
                }
            default: break
            }
            out += "    <bpmn:\(element) \(attributes)>\n"
            if let notes = step.notes, !notes.isEmpty {
                out += "      <bpmn:documentation>\(XMLText.escaped(notes))</bpmn:documentation>\n"
            }
            out += "      <bpmn:extensionElements>\(stepExtension(step, id: id))</bpmn:extensionElements>\n"
            for flow in incoming[step.id] ?? [] { out += "      <bpmn:incoming>\(flow)</bpmn:incoming>\n" }
            for flow in outgoing[step.id] ?? [] { out += "      <bpmn:outgoing>\(flow)</bpmn:outgoing>\n" }
            out += "    </bpmn:\(element)>\n"
        }
        let kinds = Dictionary(pathway.steps.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        for (index, transition) in pathway.transitions.enumerated() {
            guard let source = ids[transition.from], let target = ids[transition.to] else { continue }
            var attributes = "id=\"\(flowID(index))\""
            if let condition = transition.condition, !condition.isEmpty {
                attributes += " name=\"\(XMLText.escaped(condition))\""
            }
            attributes += " sourceRef=\"\(source)\" targetRef=\"\(target)\""
            var body = ""
            var saved: [(String, String)] = []
            if let share = transition.share { saved.append(("share", "\(share)")) }
            if let source = transition.source { saved.append(("source", source)) }
            if !saved.isEmpty {
                body += "      <bpmn:extensionElements><pathgap:transition "
                body += saved.map { "\($0.0)=\"\(XMLText.escaped($0.1))\"" }.joined(separator: " ")
                body += " /></bpmn:extensionElements>\n"
            }
            if let condition = transition.condition, !condition.isEmpty, kinds[transition.from] != .parallel {
                body += "      <bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">"
                body += "\(XMLText.escaped(condition))</bpmn:conditionExpression>\n"
            }
            out +=
                body.isEmpty
                ? "    <bpmn:sequenceFlow \(attributes) />\n"
                : "    <bpmn:sequenceFlow \(attributes)>\n\(body)    </bpmn:sequenceFlow>\n"
        }
        out += "  </bpmn:process>\n"
        out += diagram(pathway, layout: layout, ids: ids)
        out += "</bpmn:definitions>\n"
        return out
    }

    /// The diagram interchange part: the pool, its lanes, a shape per step and an edge per transition.
    static func diagram(_ pathway: some PathwayRecord, layout: DiagramLayout, ids: [StepID: String]) -> String {
        var out = "  <bpmndi:BPMNDiagram id=\"BPMNDiagram_1\">\n"
        out += "    <bpmndi:BPMNPlane id=\"BPMNPlane_1\" bpmnElement=\"Collaboration_1\">\n"
        out += shape("Participant_1", layout.bounds, extra: " isHorizontal=\"true\"")
        for (number, lane) in layout.lanes.enumerated() {
            out += shape("Lane_\(number + 1)", lane.box, extra: " isHorizontal=\"true\"")
        }
        let origin = DiagramLayout.Box(x: 0, y: 0, width: 0, height: 0)
        for step in pathway.steps {
            guard let id = ids[step.id] else { continue }
            var box = layout.steps[step.id] ?? origin
            if box.width == 0 {
                let size = DiagramLayout.size(of: step.kind)
                box.width = size.width
                box.height = size.height
            }
            let marker = step.kind == .decision || step.kind == .merge ? " isMarkerVisible=\"true\"" : ""
            out += shape(id, box, extra: marker)
        }
        for (index, transition) in pathway.transitions.enumerated() {
            guard ids[transition.from] != nil, ids[transition.to] != nil else { continue }
            var points = layout.transitions[index] ?? []
            if points.count < 2 {
                let from = (layout.steps[transition.from] ?? origin).center
                let to = (layout.steps[transition.to] ?? origin).center
                points = [from, to]
            }
            out += "      <bpmndi:BPMNEdge id=\"\(flowID(index))_di\" bpmnElement=\"\(flowID(index))\">\n"
            for point in points {
                out += "        <di:waypoint x=\"\(XMLText.number(point.x))\" y=\"\(XMLText.number(point.y))\" />\n"
            }
            out += "      </bpmndi:BPMNEdge>\n"
        }
        out += "    </bpmndi:BPMNPlane>\n"
        out += "  </bpmndi:BPMNDiagram>\n"
        return out
    }

    static func shape(_ element: String, _ box: DiagramLayout.Box, extra: String) -> String {
        "      <bpmndi:BPMNShape id=\"\(element)_di\" bpmnElement=\"\(element)\"\(extra)>\n"
            + "        <dc:Bounds x=\"\(XMLText.number(box.x))\" y=\"\(XMLText.number(box.y))\" "
            + "width=\"\(XMLText.number(box.width))\" height=\"\(XMLText.number(box.height))\" />\n"
            + "      </bpmndi:BPMNShape>\n"
    }

    static func flowID(_ index: Int) -> String { "Flow_\(index + 1)" }

    /// The BPMN element for a step.
    static func elementName(for step: some StepRecord) -> String {
        switch step.kind {
        case .start: "startEvent"
        case .end: "endEvent"
        case .activity: "task"
        case .decision, .merge: "exclusiveGateway"
        case .parallel: "parallelGateway"
        case .reference: "callActivity"
        }
    }

    /// The BPMN id of every step (the first of a repeated id wins): the step id when it is a safe XML id that no
    /// element of the writer's own uses, else `Step_<n>`.
    static func elementIDs(for pathway: some PathwayRecord) -> [StepID: String] {
        var ids: [StepID: String] = [:]
        var used: Set<String> = []
        for (number, step) in pathway.steps.enumerated() where ids[step.id] == nil {
            var id = step.id.rawValue
            if !XMLText.isSafeID(id) || reserved(id) || used.contains(id) { id = "Step_\(number + 1)" }
            used.insert(id)
            ids[step.id] = id
        }
        return ids
    }

    /// Whether an id could clash with one the writer makes for itself.
    static func reserved(_ id: String) -> Bool {
        [
            "Definitions_", "Collaboration_", "Participant_", "Process_", "LaneSet_", "Lane_", "Flow_", "Step_",
            "BPMNDiagram_", "BPMNPlane_",
        ].contains { id.hasPrefix($0) } || id.hasSuffix("_di")
    }

    /// The `pathgap:step` element holding what BPMN has no place for.
    static func stepExtension(_ step: some StepRecord, id: String) -> String {
        var attributes = [("kind", step.kind.rawValue)]
        if id != step.id.rawValue { attributes.append(("id", step.id.rawValue)) }
        attributes.append(("staffGroups", step.staffGroups.map(\.rawValue).joined(separator: ";")))
        if let stage = step.stage { attributes.append(("stage", stage)) }
        if let setting = step.setting { attributes.append(("setting", setting)) }
        if !step.competencies.isEmpty {
            attributes.append(("competencies", step.competencies.map(\.written).joined(separator: ";")))
        }
        if let reference = step.reference { attributes.append(("reference", reference)) }
        if let reason = step.noCompetencyReason { attributes.append(("noCompetencyReason", reason)) }
        if !step.testCodes.isEmpty { attributes.append(("testCodes", step.testCodes.joined(separator: ";"))) }
        if !step.sources.isEmpty { attributes.append(("sources", step.sources.joined(separator: ";"))) }
        if let patients = step.patientsPerYear { attributes.append(("patientsPerYear", "\(patients)")) }
        if let directory = step.testDirectory { attributes.append(("testDirectory", directory)) }
        if let reading = step.reading { attributes.append(("reading", reading.rawValue)) }
        if let note = step.readingNote { attributes.append(("readingNote", note)) }
        return "<pathgap:step "
            + attributes.map { "\($0.0)=\"\(XMLText.escaped($0.1))\"" }.joined(separator: " ") + " />"
    }
}
