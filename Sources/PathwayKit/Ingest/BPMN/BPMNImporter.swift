import Foundation

/// Reads BPMN 2.0 XML (the OMG interchange format written by Camunda, Signavio, bpmn.io, Trisotech and others)
/// into pathways: one pathway per `process` that holds flow elements.
///
/// Elements are recognised by the BPMN model namespace URI (`http://www.omg.org/spec/BPMN/20100524/MODEL`),
/// whatever prefix the file uses. The mapping (also in the README, "Importing other formats"):
///
/// - tasks of every kind and intermediate events → ``StepKind/activity``; start and end events → `start`/`end`;
/// - exclusive, inclusive, event-based and complex gateways → `decision` when they have two or more outgoing
///   flows, otherwise `merge`; parallel gateways → `parallel`;
/// - a boundary event → an activity step of its own, linked from its host by a transition whose condition names
///   the event ("timer event", or the event's name; "(non-interrupting)" added where `cancelActivity="false"`);
/// - a throwing link event → a transition to the catching link event of the same name;
/// - a sequence flow → a transition; its condition is the flow's name, else its condition expression, else
///   "default" when it is its source's `default` flow;
/// - an expanded sub-process (`subProcess`, `transaction`, `adHocSubProcess`) is inlined: its steps get ids
///   `<sub-process id>.<inner id>`, flows into it go to its start events (or, with none, to its inner elements
///   that have no incoming flow) and flows out of it leave from its end events (or its inner elements with no
///   outgoing flow). Inner start and end events become `merge` steps where the sub-process has incoming
///   (respectively outgoing) flows, and keep their kind otherwise. Boundary events of an expanded sub-process are
///   linked from its entry steps;
/// - a collapsed sub-process (diagram shape `isExpanded="false"`) → a `reference` step, and its content becomes a
///   separate pathway whose id the step's `reference` names; a call activity → a `reference` step naming
///   `calledElement`; a sub-process with no content → an activity;
/// - lanes (including nested `childLaneSet`s) → the staff group of the steps they list (the innermost lane wins);
///   steps in no lane take their pool's (participant's) name; group ids are the names in lower case with
///   hyphens ("Hiring manager" → `hiring-manager`);
/// - `documentation` → the step's notes (the process's documentation → the pathway's description);
/// - pathgap's own extension elements (``extensionNamespace``), as ``BPMNWriter`` writes them, give a
///   step's id, kind, every staff group, stage, setting, competencies and reference, and a flow's share.
///
/// Message flows, data objects and stores, associations, text annotations, groups, event sub-processes, loop
/// markers, choreographies and conversations are not carried over; each is reported as a ``Finding``.
public enum BPMNImporter {
    /// The BPMN 2.0 model namespace.
    public static let modelNamespace = "http://www.omg.org/spec/BPMN/20100524/MODEL"
    /// The namespace of pathgap's own extension elements, which ``BPMNWriter`` writes and this importer reads back.
    public static let extensionNamespace = "urn:pathgap:bpmn-extension:1"
    /// The BPMN 2.0 diagram interchange namespace (only `BPMNShape`'s `isExpanded` is read from it).
    public static let diagramNamespace = "http://www.omg.org/spec/BPMN/20100524/DI"

    /// Reads the pathways of a BPMN file.
    ///
    /// - Parameters:
    ///   - data: The file's bytes (any encoding its XML declaration names; a byte-order mark is fine).
    ///   - file: The path for locations and messages.
    /// - Returns: One pathway per process with flow elements (and one per collapsed sub-process), with findings
    ///   for what was not carried over.
    /// - Throws: ``InputError`` when the XML is malformed or hostile, the root is not BPMN `definitions`, or no
    ///   process holds any flow element.
    /// - Complexity: O(n) in the size of the file (plus the number of transitions inlined sub-processes fan out to).
    public static func pathways(from data: Data, file: String) throws -> PathwayImport {
        let root = try MarkupReader.parse(data, file: file) { namespace, name in
            namespace == modelNamespace || namespace == extensionNamespace
                || (namespace == diagramNamespace && ["BPMNDiagram", "BPMNPlane", "BPMNShape"].contains(name))
        }
        guard root.namespace == modelNamespace, root.name == "definitions" else {
            throw InputError(
                "not a BPMN 2.0 file: the root element is '\(root.name)'"
                    + (root.namespace.isEmpty ? "" : " in namespace \(root.namespace)")
                    + ", expected 'definitions' in \(modelNamespace)",
                at: SourceLocation(file: file, line: root.line))
        }
        var conversion = BPMNConversion(file: file, definitions: root)
        return try conversion.run()
    }
}

extension PathwayReader {
    /// BPMN 2.0 XML (`.bpmn`, `.bpmn2`).
    public static let bpmn = PathwayReader(name: "bpmn", extensions: ["bpmn", "bpmn2"]) { data, path in
        try BPMNImporter.pathways(from: data, file: path)
    }
}
