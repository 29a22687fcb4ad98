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
}
