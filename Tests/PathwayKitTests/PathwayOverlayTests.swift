import Foundation
import PathwayKit
import Testing

@Suite struct PathwayOverlayTests {
    static let national: Pathway = {
        var pathway = Pathway(
            id: "n",
            steps: [
                Step(id: "a", kind: .start), Step(id: "b", label: "B", staffGroups: ["gp"]), Step(id: "c", kind: .end),
            ],
            transitions: [Transition(from: "a", to: "b"), Transition(from: "b", to: "c", share: 1)])
        pathway.transitions[0].isFixed = true
        return pathway
    }()

    @Test("changes, additions and removals apply; the reasons stay with the overlay")
    func applies() {
        var overlay = PathwayOverlay(pathway: "n")
        overlay.changedSteps = [.init(step: "b", reason: "local", label: "B here", staffGroups: ["nurse"])]
        overlay.addedSteps = [.init(step: Step(id: "d", kind: .end), reason: "new exit")]
        overlay.addedTransitions = [.init(transition: Transition(from: "b", to: "d"), reason: "new exit")]
        overlay.changedTransitions = [.init(from: "b", to: "c", reason: "fewer", share: 0.5)]
        let (merged, findings) = overlay.applied(to: Self.national)
        #expect(findings.isEmpty)
        #expect(merged.step("b")?.label == "B here")
        #expect(merged.step("b")?.staffGroups == ["nurse"])
        #expect(merged.steps.map(\.id) == ["a", "b", "c", "d"])
        #expect(merged.transitions.map(\.share) == [nil, 0.5, nil])
    }

    @Test("removing a step that a fixed transition joins is refused; the rest of the overlay applies")
    func fixedTransition() {
        var overlay = PathwayOverlay(pathway: "n")
        overlay.removedSteps = [.init(step: "b", reason: "not here")]
        overlay.removedTransitions = [.init(from: "a", to: "b", reason: "not here")]
        overlay.changedSteps = [.init(step: "c", reason: "x", label: "End")]
        let (merged, findings) = overlay.applied(to: Self.national)
        #expect(findings.map(\.rule) == ["overlay-fixed", "overlay-fixed"])
        #expect(merged.steps.count == 3)
        #expect(merged.step("c")?.label == "End")
    }

    @Test("an overlay entry without a reason is bad input at its line")
    func reasonRequired() {
        let error = #expect(throws: InputError.self) {
            try NativeFormat.overlay(
                from: "overlay: n\nsteps:\n  remove:\n    - {id: b}\n", file: "overlay.yaml")
        }
        #expect(error?.location.line == 4)
        #expect(error?.description.contains("reason") == true)
    }

    @Test("'fixed' is read and written by the native format")
    func fixedRoundTrip() throws {
        let text = NativeFormat.text(for: Self.national)
        #expect(text.contains("fixed: true"))
        let back = try NativeFormat.pathway(from: text, file: "n.yaml")
        #expect(back.transitions.map(\.isFixed) == [true, false])
    }

    @Test("an added step whose id is taken, and changes to transitions the national pathway lacks, are errors")
    func duplicateAndUnknown() {
        var overlay = PathwayOverlay(pathway: "n")
        let here = SourceLocation(file: "overlay.yaml", line: 9, column: 7)
        overlay.addedSteps = [.init(step: Step(id: "b", location: here), reason: "again")]
        overlay.changedTransitions = [.init(from: "a", to: "c", reason: "x", share: 0.5, location: here)]
        overlay.removedTransitions = [.init(from: "c", to: "a", reason: "x", location: here)]
        overlay.removedSteps = [.init(step: "z", reason: "x", location: here)]
        let (merged, findings) = overlay.applied(to: Self.national)
        #expect(findings.map(\.rule) == ["overlay-unknown", "overlay-unknown", "overlay-unknown", "overlay-duplicate"])
        #expect(findings.allSatisfy { $0.location == here && $0.severity == .error })
        #expect(merged == Self.national)
    }

    /// National pathways as their readers index them (an edge list's steps are located where first named and their
    /// kinds inferred; a native file keeps a repeated id and a transition to a missing step aside), each with an
    /// overlay that changes, removes and adds steps and transitions.
    static let streamed: [(file: String, text: String, overlay: String)] = [
        (
            "national.csv", "from,to,condition,share\nin,p,,\np,q,maybe,0.5\np,r,,0.5\nq,out,,\nr,out,,\n",
            """
            overlay: national
            steps:
              change: [{id: q, label: Q here, staffGroups: [gp], reason: r}]
              remove: [{id: r, reason: r}]
              add: [{id: r2, label: R two, reason: r}]
            transitions:
              change: [{from: p, to: q, share: 0.9, reason: r}]
              add: [{from: p, to: r2, reason: r}, {from: r2, to: out, reason: r}]
            """
        ),
        (
            "dup.yaml",
            """
            id: dup
            steps:
              - {id: x, kind: start, label: X, stage: one, competencies: [{id: C1, level: B}]}
              - {id: y, label: Y, staffGroups: [gp], setting: ward}
              - {id: x, label: X again}
              - {id: z, kind: end, label: Z}
            transitions:
              - {from: x, to: y}
              - {from: y, to: ghost, condition: to nowhere}
              - {from: y, to: z}
              - {from: ghost, to: z, fixed: true}
              - {from: y, to: z, condition: twice, share: 0.5}
            """,
            """
            overlay: dup
            title: Changed
            steps:
              change: [{id: x, label: X changed, reason: r}, {id: y, staffGroups: [nurse], reason: r}]
              remove: [{id: z, reason: joined by a fixed dangling transition}]
              add: [{id: w, label: W, reason: r}, {id: x, label: taken, reason: r}]
            transitions:
              change: [{from: y, to: ghost, condition: changed, reason: r}, {from: y, to: z, share: 0.4, reason: r}]
              remove: [{from: ghost, to: z, reason: fixed}]
              add: [{from: y, to: w, reason: r}]
            """
        ),
        (
            "competencies.yaml",
            """
            id: competencies
            steps:
              - {id: s, kind: start, label: s, setting: clinic, competencies: [C1]}
              - {id: t, label: T, stage: one, staffGroups: [gp], competencies: [{id: C1, level: B}, C2]}
              - {id: u, kind: end, label: U, noCompetencyReason: none needed}
            transitions:
              - {from: s, to: t}
              - {from: t, to: u}
            """,
            """
            overlay: competencies
            steps:
              change:
                - {id: s, label: s, competencies: [C3, {id: C1, level: A}], reason: r}
                - {id: t, setting: ward, staffGroups: [nurse, gp], reason: r}
                - {id: u, label: U here, competencies: [], setting: home, reason: r}
            """
        ),
    ]

    /// The index a reader builds from one of ``streamed``'s national pathways, and its overlay.
    static func read(_ input: Int) throws -> (national: PathwayIndex, overlay: PathwayOverlay) {
        let (file, text, overlayText) = streamed[input]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("overlay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(file).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let national = try #require(try PathwayReaders.standard.readGraphs(path).graphs.first).index
        return (national, try NativeFormat.overlay(from: overlayText, file: "overlay.yaml"))
    }

    @Test(
        "a changed step is the national step with the overlay's label, staff groups, competencies and setting",
        arguments: 0..<streamed.count)
    func changedStepsAreChanged(input: Int) throws {
        let (national, overlay) = try Self.read(input)
        let merged = national.applying(overlay).index
        let removed = Set(overlay.removedSteps.map(\.step))
        #expect(!overlay.changedSteps.isEmpty)
        for change in overlay.changedSteps where !removed.contains(change.step) {
            // What the merge did before it copied steps from side tables: the national value, changed.
            var expected = national.stepValue(try #require(national.step(named: change.step)))
            if let label = change.label { expected.label = label }
            if let groups = change.staffGroups { expected.staffGroups = groups }
            if let competencies = change.competencies { expected.competencies = competencies }
            if let setting = change.setting { expected.setting = setting }
            #expect(merged.stepValue(try #require(merged.step(named: change.step))) == expected)
        }
    }

    @Test(
        "an overlay applied to the index a reader built gives the index and findings it gives on the value",
        arguments: 0..<streamed.count)
    func appliesToStreamedIndex(input: Int) throws {
        let (national, overlay) = try Self.read(input)
        let (merged, findings) = national.applying(overlay)
        let fromValue = overlay.applied(to: national.pathway())
        #expect(merged.pathway() == fromValue.pathway)
        #expect(findings == fromValue.findings)
        // Steps left alone keep where they were written (an edge list's: the line that first names them).
        for step in merged.steps {
            guard let before = national.step(named: StepID(merged.stepIDs[step])) else { continue }
            #expect(merged.location(step) == national.location(before))
        }
    }
}
