import Foundation

/// The work of turning one BPMN `definitions` element into pathways (see ``BPMNImporter`` for the mapping).
struct BPMNConversion {
    let file: String
    let definitions: MarkupElement
    private(set) var findings: [Finding] = []
    private var pathways: [Pathway] = []

    static let ns = BPMNImporter.modelNamespace

    static let taskNames: Set<String> = [
        "task", "userTask", "manualTask", "serviceTask", "scriptTask", "businessRuleTask", "sendTask", "receiveTask",
    ]
    static let choiceGateways: Set<String> = [
        "exclusiveGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway",
    ]
    static let subProcessNames: Set<String> = ["subProcess", "transaction", "adHocSubProcess"]
    static let intermediateEvents: Set<String> = ["intermediateCatchEvent", "intermediateThrowEvent"]
    /// Children of a process or sub-process that hold no flow and are read elsewhere or need no word.
    static let quietChildren: Set<String> = [
        "documentation", "extensionElements", "laneSet", "sequenceFlow", "property", "ioSpecification", "ioBinding",
        "auditing", "monitoring", "incoming", "outgoing", "correlationSubscription", "supportedInterfaceRef",
        "resourceRole", "performer", "humanPerformer", "potentialOwner",
    ]
    /// Definitions-level elements that only support the model (referenced by id) and need no word.
    static let quietDefinitions: Set<String> = [
        "process", "collaboration", "documentation", "extensionElements", "message", "signal", "error", "escalation",
        "itemDefinition", "dataStore", "category", "import", "resource", "interface", "globalTask", "globalUserTask",
        "globalManualTask", "globalScriptTask", "globalBusinessRuleTask", "eventDefinition", "timerEventDefinition",
        "partnerRole", "partnerEntity", "correlationProperty", "relationship", "extension",
    ]

    /// Every `id` in the model, for resolving references written as qualified names (`prefix:id`).
    let knownIDs: Set<String>

    init(file: String, definitions: MarkupElement) {
        self.file = file
        self.definitions = definitions
        var ids = Set<String>()
        var stack = [definitions]
        while let element = stack.popLast() {
            if let id = element.attributes["id"] { ids.insert(id) }
            stack += element.children
        }
        knownIDs = ids
    }

    /// An id reference as written, or its local part when it is written as a qualified name (`ns:Task_1`) whose
    /// prefix is not part of a known id.
    func resolve(_ reference: String?) -> String? {
        guard let reference = reference?.trimmingCharacters(in: .whitespaces), !reference.isEmpty else { return nil }
        if knownIDs.contains(reference) { return reference }
        if let colon = reference.lastIndex(of: ":") {
            let local = String(reference[reference.index(after: colon)...])
            if knownIDs.contains(local) { return local }
        }
        return reference
    }

    func location(_ element: MarkupElement) -> SourceLocation {
        SourceLocation(file: file, line: element.line, element: element.attributes["id"])
    }

    mutating func note(_ severity: Severity, _ rule: String, _ message: String, _ element: MarkupElement) {
        findings.append(Finding(severity, rule: rule, message, at: location(element)))
    }

    // MARK: Definitions

    mutating func run() throws -> PathwayImport {
        let collapsed = Set(
            definitions.children(BPMNImporter.diagramNamespace, "BPMNDiagram")
                .flatMap { $0.children(BPMNImporter.diagramNamespace, "BPMNPlane") }
                .flatMap { $0.children(BPMNImporter.diagramNamespace, "BPMNShape") }
                .filter { $0.attributes["isExpanded"] == "false" }
                .compactMap { $0.attributes["bpmnElement"] })
        var poolNames: [String: String] = [:]
        for collaboration in definitions.children(Self.ns, "collaboration") {
            for child in collaboration.children where child.namespace == Self.ns {
                switch child.name {
                case "participant":
                    if let process = resolve(child.attributes["processRef"]) {
                        if let name = child.attributes["name"].map(Self.clean), !name.isEmpty {
                            poolNames[process] = name
                        }
                    } else {
                        note(
                            .note, "bpmn-black-box-pool",
                            "pool '\(child.attributes["name"].map(Self.clean) ?? child.attributes["id"] ?? "")' has no process (a black box); it is not a pathway",
                            child)
                    }
                case "messageFlow":
                    note(
                        .warning, "bpmn-unsupported",
                        "message flow '\(Self.label(child))' from '\(child.attributes["sourceRef"] ?? "?")' to '\(child.attributes["targetRef"] ?? "?")' is not carried over (pathways follow sequence flows only)",
                        child)
                case "documentation", "extensionElements", "participantAssociation", "messageFlowAssociation",
                    "correlationKey", "conversationAssociation":
                    break
                default:
                    note(
                        .warning, "bpmn-unsupported",
                        "collaboration element '\(child.name)' is not carried over", child)
                }
            }
        }
        for child in definitions.children
        where child.namespace == Self.ns && !Self.quietDefinitions.contains(child.name) {
            note(.warning, "bpmn-unsupported", "'\(child.name)' is not carried over", child)
        }
        let processes = definitions.children(Self.ns, "process")
        for process in processes {
            var builder = ScopeBuilder(
                conversion: self, collapsed: collapsed, pool: poolNames[process.attributes["id"] ?? ""])
            builder.lanes = Self.laneGroups(of: process)
            let hasFlow = process.children.contains { Self.isFlowNode($0) }
            guard hasFlow else {
                note(
                    .note, "bpmn-empty-process",
                    "process '\(Self.label(process))' has no flow elements; no pathway made", process)
                continue
            }
            _ = builder.scope(process, prefix: "", enclosingGroup: nil, hasIncoming: false, hasOutgoing: false)
            findings = builder.conversion.findings
            let id =
                Self.pathgapExtension(process, "pathway")?["id"] ?? process.attributes["id"]
                ?? "process-\(pathways.count + 1)"
            let documentation = Self.documentation(of: process)
            pathways.append(
                Pathway(
                    id: PathwayID(id),
                    title: process.attributes["name"].map(Self.clean).flatMap { $0.isEmpty ? nil : $0 }
                        ?? poolNames[id],
                    description: documentation, steps: builder.steps, transitions: builder.transitions,
                    location: location(process)))
            pathways += builder.extraPathways
        }
        guard !pathways.isEmpty else {
            throw InputError(
                processes.isEmpty
                    ? "no BPMN process in this file, so no pathway to read"
                    : "no BPMN process in this file holds a flow element (task, event or gateway), so no pathway to read",
                at: SourceLocation(file: file, line: definitions.line))
        }
        return PathwayImport(pathways: pathways, findings: findings)
    }

    // MARK: Helpers

    static func isFlowNode(_ element: MarkupElement) -> Bool {
        guard element.namespace == ns else { return false }
        let name = element.name
        return taskNames.contains(name) || choiceGateways.contains(name) || subProcessNames.contains(name)
            || intermediateEvents.contains(name)
            || ["startEvent", "endEvent", "boundaryEvent", "parallelGateway", "callActivity"].contains(name)
    }

    /// Collapses runs of whitespace (names often hold line breaks) into single spaces.
    static func clean(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func label(_ element: MarkupElement) -> String {
        if let name = element.attributes["name"].map(clean), !name.isEmpty { return name }
        return element.attributes["id"] ?? element.name
    }

    static func documentation(of element: MarkupElement) -> String? {
        let texts = element.children(ns, "documentation").map {
            $0.allText.trimmingCharacters(in: .whitespacesAndNewlines)
        }.filter { !$0.isEmpty }
        return texts.isEmpty ? nil : texts.joined(separator: "\n\n")
    }

    /// The attributes of pathgap's own extension element (`<pathgap:step>`, `<pathgap:transition>`) of an element,
    /// as the BPMN writer writes them.
    static func pathgapExtension(_ element: MarkupElement, _ name: String) -> [String: String]? {
        element.children(ns, "extensionElements").lazy
            .flatMap { $0.children(BPMNImporter.extensionNamespace, name) }.first?.attributes
    }

    /// Gives a step back what the BPMN writer kept in its extension element.
    static func restore(_ saved: [String: String], into step: inout Step) {
        func list(_ key: String) -> [String]? {
            saved[key].map { $0.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } }
        }
        if let kind = saved["kind"].flatMap(StepKind.init(written:)) { step.kind = kind }
        if let groups = list("staffGroups") {
            step.staffGroups = groups.filter { !$0.isEmpty }.map { StaffGroupID($0) }
        }
        if let stage = saved["stage"] { step.stage = stage }
        if let setting = saved["setting"] { step.setting = setting }
        if let reference = saved["reference"] { step.reference = reference }
        if let reason = saved["noCompetencyReason"] { step.noCompetencyReason = reason }
        if let codes = list("testCodes") { step.testCodes = codes.filter { !$0.isEmpty } }
        if let sources = list("sources") { step.sources = sources.filter { !$0.isEmpty } }
        if let patients = saved["patientsPerYear"].flatMap(Double.init), patients >= 0 {
            step.patientsPerYear = patients
        }
        if let directory = saved["testDirectory"] { step.testDirectory = directory }
        if let reading = saved["reading"].flatMap(StepReading.init(rawValue:)) { step.reading = reading }
        if let note = saved["readingNote"] { step.readingNote = note }
        if let competencies = list("competencies") {
            step.competencies = competencies.filter { !$0.isEmpty }.map {
                CompetencyRequirement(written: $0, location: step.location)
            }
        }
    }

    /// A staff group id from a lane or pool name (see ``StaffGroupID/init(slugging:)``).
    static func groupID(_ name: String) -> StaffGroupID { StaffGroupID(slugging: name) }

    /// The staff group of every flow node a lane of a process lists, the innermost lane winning.
    ///
    /// - Complexity: O(lanes + references), with an explicit stack.
    static func laneGroups(of process: MarkupElement) -> [String: StaffGroupID] {
        var result: [String: (group: StaffGroupID, depth: Int)] = [:]
        var stack: [(lane: MarkupElement, depth: Int)] = process.children(ns, "laneSet")
            .flatMap { $0.children(ns, "lane") }.map { ($0, 0) }
        while let (lane, depth) = stack.popLast() {
            let name = lane.attributes["name"].map(clean) ?? ""
            let group = name.isEmpty ? StaffGroupID(lane.attributes["id"] ?? "lane") : groupID(name)
            for reference in lane.children(ns, "flowNodeRef") {
                let id = reference.text.trimmingCharacters(in: .whitespacesAndNewlines)
                if let existing = result[id], existing.depth > depth { continue }
                result[id] = (group, depth)
            }
            for childSet in lane.children(ns, "childLaneSet") {
                stack += childSet.children(ns, "lane").map { ($0, depth + 1) }
            }
        }
        return result.mapValues(\.group)
    }

    /// What a boundary or intermediate event waits for: its name, else the kind of its event definition.
    static func eventDescription(_ event: MarkupElement) -> String {
        if let name = event.attributes["name"].map(clean), !name.isEmpty { return name }
        let definition = event.children.first { $0.namespace == ns && $0.name.hasSuffix("EventDefinition") }
        guard let definition else { return "event" }
        return String(definition.name.dropLast("EventDefinition".count)) + " event"
    }
}

/// Builds the steps and transitions of a process, inlining expanded sub-processes.
struct ScopeBuilder {
    var conversion: BPMNConversion
    let collapsed: Set<String>
    let pool: String?
    var lanes: [String: StaffGroupID] = [:]
    var steps: [Step] = []
    var transitions: [Transition] = []
    var extraPathways: [Pathway] = []

    typealias Names = BPMNConversion
    static let ns = BPMNImporter.modelNamespace

    init(conversion: BPMNConversion, collapsed: Set<String>, pool: String?) {
        self.conversion = conversion
        self.collapsed = collapsed
        self.pool = pool
    }

    /// Adds the steps and flows of a process or expanded sub-process.
    ///
    /// - Returns: The steps flows into the scope should go to, and those flows out of it should leave from.
    /// - Complexity: O(elements + flows) per scope; nesting depth is bounded by the XML parser's depth limit.
    mutating func scope(
        _ container: MarkupElement, prefix: String, enclosingGroup: StaffGroupID?, hasIncoming: Bool,
        hasOutgoing: Bool
    ) -> (entries: [StepID], exits: [StepID]) {
        let flows = container.children(Self.ns, "sequenceFlow")
        var incoming: [String: Int] = [:]
        var outgoing: [String: Int] = [:]
        for flow in flows {
            if let source = conversion.resolve(flow.attributes["sourceRef"]) { outgoing[source, default: 0] += 1 }
            if let target = conversion.resolve(flow.attributes["targetRef"]) { incoming[target, default: 0] += 1 }
        }
        var entriesOf: [String: [StepID]] = [:]
        var exitsOf: [String: [StepID]] = [:]
        var starts: [StepID] = []
        var ends: [StepID] = []
        var sources: [StepID] = []
        var sinks: [StepID] = []
        var boundaries: [MarkupElement] = []
        var linkThrows: [(name: String, step: StepID, element: MarkupElement)] = []
        var linkCatches: [String: StepID] = [:]
        var defaults: [String: String] = [:]  // flow id → source element id

        for element in container.children {
            guard element.namespace == Self.ns else { continue }
            let name = element.name
            guard Names.isFlowNode(element) else {
                reportNonFlow(element, in: container)
                continue
            }
            guard let bpmnID = element.attributes["id"] else {
                conversion.note(.warning, "bpmn-unsupported", "a '\(name)' without an id is skipped", element)
                continue
            }
            if let flow = conversion.resolve(element.attributes["default"]) { defaults[flow] = bpmnID }
            let saved = Names.pathgapExtension(element, "step")
            let id = StepID(prefix + (saved?["id"] ?? bpmnID))
            let group = lanes[bpmnID] ?? enclosingGroup ?? pool.map(Names.groupID)
            let into = incoming[bpmnID, default: 0]
            let outOf = outgoing[bpmnID, default: 0]
            var step = Step(
                id: id, label: Names.label(element), staffGroups: group.map { [$0] } ?? [],
                notes: Names.documentation(of: element), location: conversion.location(element))
            reportMarkers(element)

            if Names.subProcessNames.contains(name) {
                if element.attributes["triggeredByEvent"] == "true" {
                    conversion.note(
                        .warning, "bpmn-unsupported",
                        "event sub-process '\(Names.label(element))' is not carried over (it is triggered by an event, not by a flow)",
                        element)
                    continue
                }
                let hasContent = element.children.contains { Names.isFlowNode($0) }
                if !hasContent {
                    step.kind = .activity
                } else if collapsed.contains(bpmnID) {
                    step.kind = .reference
                    step.reference = bpmnID
                    var inner = ScopeBuilder(conversion: conversion, collapsed: collapsed, pool: pool)
                    inner.lanes = lanes
                    _ = inner.scope(element, prefix: "", enclosingGroup: group, hasIncoming: false, hasOutgoing: false)
                    conversion = inner.conversion
                    extraPathways.append(
                        Pathway(
                            id: PathwayID(bpmnID), title: Names.label(element),
                            description: "Collapsed sub-process of '\(Names.label(container))'.", steps: inner.steps,
                            transitions: inner.transitions, location: conversion.location(element)))
                    extraPathways += inner.extraPathways
                } else {
                    let (entries, exits) = scope(
                        element, prefix: prefix + bpmnID + ".", enclosingGroup: group, hasIncoming: into > 0,
                        hasOutgoing: outOf > 0)
                    entriesOf[bpmnID] = entries
                    exitsOf[bpmnID] = exits
                    if into == 0 { sources += entries }
                    if outOf == 0 { sinks += exits }
                    continue
                }
            } else if name == "callActivity" {
                step.kind = .reference
                step.reference = conversion.resolve(element.attributes["calledElement"])
            } else if name == "startEvent" {
                step.kind = prefix.isEmpty || !hasIncoming ? .start : .merge
                if step.kind == .merge, element.attributes["name"] == nil {
                    step.label = "Start of \(Names.label(container))"
                }
                starts.append(id)
            } else if name == "endEvent" {
                step.kind = prefix.isEmpty || !hasOutgoing ? .end : .merge
                if step.kind == .merge, element.attributes["name"] == nil {
                    step.label = "End of \(Names.label(container))"
                }
                ends.append(id)
            } else if name == "parallelGateway" {
                step.kind = .parallel
            } else if Names.choiceGateways.contains(name) {
                step.kind = outOf >= 2 ? .decision : .merge
            } else if name == "boundaryEvent" {
                step.kind = .activity
                boundaries.append(element)
            } else if Names.intermediateEvents.contains(name), let link = element.child(Self.ns, "linkEventDefinition")
            {
                // Link events are off-page connectors: a throw continues at the catch of the same name.
                step.kind = .activity
                let linkName = Names.clean(link.attributes["name"] ?? element.attributes["name"] ?? "")
                if name == "intermediateThrowEvent" {
                    linkThrows.append((linkName, id, element))
                } else {
                    linkCatches[linkName] = id
                }
            } else {
                step.kind = .activity
            }
            if let saved { Names.restore(saved, into: &step) }
            steps.append(step)
            entriesOf[bpmnID] = [id]
            exitsOf[bpmnID] = [id]
            if into == 0, name != "boundaryEvent" { sources.append(id) }
            if outOf == 0 { sinks.append(id) }
        }

        for flow in flows {
            guard let source = conversion.resolve(flow.attributes["sourceRef"]),
                let target = conversion.resolve(flow.attributes["targetRef"])
            else {
                conversion.note(
                    .warning, "bpmn-unsupported", "sequence flow without a source or target is skipped", flow)
                continue
            }
            guard let from = exitsOf[source], let to = entriesOf[target] else {
                let missing = exitsOf[source] == nil ? source : target
                conversion.note(
                    .warning, "bpmn-dangling-flow",
                    "sequence flow '\(Names.label(flow))' refers to '\(missing)', which is not carried over; the flow is skipped",
                    flow)
                continue
            }
            var condition = flow.attributes["name"].map(Names.clean).flatMap { $0.isEmpty ? nil : $0 }
            if condition == nil, let expression = flow.child(Self.ns, "conditionExpression") {
                let text = Names.clean(expression.allText)
                if !text.isEmpty { condition = text }
            }
            if condition == nil, let id = flow.attributes["id"], defaults[id] == source { condition = "default" }
            for tail in from {
                for head in to {
                    transitions.append(
                        Transition(
                            from: tail, to: head, condition: condition,
                            share: Names.pathgapExtension(flow, "transition")?["share"].flatMap(Double.init),
                            source: Names.pathgapExtension(flow, "transition")?["source"],
                            location: conversion.location(flow)))
                }
            }
        }

        for link in linkThrows {
            guard let target = linkCatches[link.name] else {
                conversion.note(
                    .warning, "bpmn-dangling-flow",
                    "link event '\(link.name)' has no catching link event of that name in its scope", link.element)
                continue
            }
            transitions.append(Transition(from: link.step, to: target, location: conversion.location(link.element)))
        }
        for boundary in boundaries {
            guard let id = boundary.attributes["id"] else { continue }
            guard let host = conversion.resolve(boundary.attributes["attachedToRef"]), let hosts = entriesOf[host]
            else {
                conversion.note(
                    .warning, "bpmn-dangling-flow",
                    "boundary event '\(Names.label(boundary))' is attached to '\(boundary.attributes["attachedToRef"] ?? "nothing")', which is not carried over",
                    boundary)
                continue
            }
            var condition = Names.eventDescription(boundary)
            if boundary.attributes["cancelActivity"] == "false" { condition += " (non-interrupting)" }
            for tail in hosts {
                transitions.append(
                    Transition(
                        from: tail, to: StepID(prefix + id), condition: condition,
                        location: conversion.location(boundary)))
            }
        }
        return (starts.isEmpty ? sources : starts, ends.isEmpty ? sinks : ends)
    }

    /// Reports a non-flow child of a process or sub-process that is not carried over.
    mutating func reportNonFlow(_ element: MarkupElement, in container: MarkupElement) {
        guard !Names.quietChildren.contains(element.name) else { return }
        let what: String
        switch element.name {
        case "dataObject", "dataObjectReference": what = "data object"
        case "dataStoreReference": what = "data store"
        case "textAnnotation": what = "text annotation"
        case "association": what = "association"
        case "group": what = "group"
        default: what = "'\(element.name)'"
        }
        let severity: Severity = ["textAnnotation", "association", "group"].contains(element.name) ? .note : .warning
        conversion.note(
            severity, "bpmn-unsupported",
            "\(what) '\(Names.label(element))' in '\(Names.label(container))' is not carried over", element)
    }

    /// Reports loop and multi-instance markers and data associations of a flow node, which have no counterpart.
    mutating func reportMarkers(_ element: MarkupElement) {
        for child in element.children where child.namespace == Self.ns {
            switch child.name {
            case "standardLoopCharacteristics", "multiInstanceLoopCharacteristics":
                conversion.note(
                    .note, "bpmn-unsupported",
                    "'\(Names.label(element))' repeats (\(child.name)); the repetition is not carried over", child)
            case "dataInputAssociation", "dataOutputAssociation":
                conversion.note(
                    .note, "bpmn-unsupported",
                    "data association of '\(Names.label(element))' is not carried over", child)
            default: break
            }
        }
    }
}
