import Foundation
import Testing

@testable import PathwayKit

/// The `phases` rules added for agreement with analysts' cuts on pathways the rules were not first made on
/// (issue 11), one small pathway per rule.
@Suite struct PhasesAgreementRuleTests {
    /// The steps of each `phases` sub-pathway of a small pathway (see ``PhasesTests/phases(_:kinds:stages:)``).
    static func phases(
        _ links: [String], kinds: [String: StepKind] = [:], stages: [String: String] = [:]
    ) -> [[StepID]] {
        PhasesTests.phases(links, kinds: kinds, stages: stages).subpathways.map(\.steps)
    }

    /// Stages of the steps named, each stage a run of ids.
    static func stages(_ runs: [(String, [String])]) -> [String: String] {
        var result: [String: String] = [:]
        for (stage, ids) in runs { for id in ids { result[id] = stage } }
        return result
    }

    @Test("a short stage the author named stays a phase of its own, next to stages within the target")
    func shortStageStays() {
        let cut = Self.phases(
            ["s>a", "a>b", "b>c", "c>x", "x>y", "y>m", "m>n", "n>o"],
            kinds: ["s": .start],
            stages: Self.stages([
                ("requesting", ["s", "a", "b", "c"]), ("laboratory", ["x", "y"]),
                ("management", ["m", "n", "o"]),
            ]))
        #expect(cut == [["s", "a", "b", "c"], ["x", "y"], ["m", "n", "o"]])
    }

    @Test("two short stages side by side make one phase (testing, then interpreting)")
    func twoShortStagesJoin() {
        let cut = Self.phases(
            ["s>a", "a>b", "b>c", "c>l", "l>k", "k>r", "r>q", "q>m", "m>n", "n>o"],
            kinds: ["s": .start],
            stages: Self.stages([
                ("requesting", ["s", "a", "b", "c"]), ("laboratory", ["l", "k"]),
                ("interpreting", ["r", "q"]), ("management", ["m", "n", "o"]),
            ]))
        #expect(cut == [["s", "a", "b", "c"], ["l", "k", "r", "q"], ["m", "n", "o"]])
    }
}

extension PhasesAgreementRuleTests {
    @Test("the step where a block's branches meet closes the block: what follows begins the next phase")
    func blockClosesAtItsMeetingStep() {
        // Two ways to the same result (x or y), met at j; then the next phase n, m.
        let cut = Self.phases(
            ["s>a", "a>b", "b>d", "d>x:one way", "d>y:the other", "x>j", "y>j", "j>n", "n>m", "m>e"],
            kinds: ["s": .start, "d": .decision, "e": .end])
        #expect(cut == [["s", "a", "b"], ["d", "x", "y", "j"], ["n", "m", "e"]])
    }

    @Test("a short outcome branch with no other neighbour stays apart from the decision that starts it")
    func shortOutcomeBranchStays() {
        // d's branches never meet: found (p, q, r) or timed out (t, then w, where the process stops).
        let cut = Self.phases(
            ["s>a", "a>b", "b>d", "d>p:found", "p>q", "q>r", "r>e", "d>t:timed out", "t>w"],
            kinds: ["s": .start, "d": .decision, "e": .end])
        #expect(cut == [["s", "a", "b", "d"], ["p", "q", "r", "e"], ["t", "w"]])
    }
}

extension PhasesAgreementRuleTests {
    @Test("a block is as long as one patient's way through it: three doses after a genotype are one phase")
    func blockLengthIsTheLongestWay() {
        // d: standard dose (n), or a reduced start (v) that is half (h) or avoid (o); all meet at x.
        let cut = Self.phases(
            [
                "s>a", "a>b", "b>d", "d>n:standard", "d>v:reduced", "v>h:half", "v>o:avoid", "n>x", "h>x", "o>x",
                "x>f", "f>g", "g>k",
            ],
            kinds: ["s": .start, "d": .decision, "v": .decision])
        #expect(cut == [["s", "a", "b"], ["d", "n", "v", "h", "o", "x"], ["f", "g", "k"]])
    }
}

extension PhasesAgreementRuleTests {
    @Test(
        "a target whose upper bound passes 255 measures a block's longest way through in full",
        arguments: [300...600, 100...200])
    func longRoutesUnderALargeTarget(target: ClosedRange<Int>) {
        // d's branches meet at j: one straight through 280 steps, the other through one; then the end.
        var links = ["s>d", "d>b1:long way", "d>q:short way", "q>j"]
        links += (1..<280).map { "b\($0)>b\($0 + 1)" }
        links += ["b280>j", "j>e"]
        let pathway = PhasesTests.pathway(links, kinds: ["s": .start, "d": .decision, "e": .end])
        let ids = pathway.steps.map(\.id)
        let decomposition = PathwayGraph(pathway)
            .decomposition(.phases, options: DecompositionOptions(preferredSize: target))
        let pieces = decomposition.subpathways.map(\.steps)
        // Every step once (route lengths above 255 once overflowed a byte and stopped the process).
        #expect(pieces.flatMap { $0 }.sorted() == ids.sorted())
        if target.upperBound >= 300 {
            // The block's longest way through (d, 280 steps, j) is within the upper bound: one phase.
            let withDecision = pieces.first { $0.contains("d") } ?? []
            #expect(withDecision.contains("b280") && withDecision.contains("q") && withDecision.contains("j"))
        }
    }
}

extension PhasesAgreementRuleTests {
    @Test("a choice with a way out after a full run closes its phase; after a start alone it is a step on the way")
    func choiceWithWayOutClosesItsPhase() {
        // Scan, referral, detailed scan, then "testing?": declined ends (x); testing goes on (d to g).
        let closes = Self.phases(
            ["s>a", "a>b", "b>c", "c>x:declined", "c>d:wants testing", "d>e", "e>f", "f>g", "g>y"],
            kinds: ["s": .start, "c": .decision, "x": .end, "y": .end])
        #expect(closes == [["s", "a", "b", "c", "x"], ["d", "e", "f", "g", "y"]])
        // A start and an eligibility check are the way into requesting the test, not a phase of their own.
        let onTheWay = Self.phases(
            ["s>c", "c>x:not eligible", "c>d:eligible", "d>e", "e>f", "f>g", "g>h", "h>i", "i>y"],
            kinds: ["s": .start, "c": .decision, "x": .end, "y": .end])
        #expect(onTheWay == [["s", "c", "x", "d", "e", "f"], ["g", "h", "i", "y"]])
    }

    @Test("a last decision whose outcomes end apart gives one sub-pathway per outcome; outcomes that meet do not")
    func outcomesEndingApartSplit() {
        // The relative carries the variant (surveillance, then its end) or does not (discharge, then its end).
        let apart = Self.phases(
            ["s>a", "a>b", "b>c", "c>v", "v>h:carries", "h>e1", "v>n:does not carry", "n>e2"],
            kinds: ["s": .start, "v": .decision, "e1": .end, "e2": .end])
        #expect(apart == [["s", "a", "b", "c", "v"], ["h", "e1"], ["n", "e2"]])
        // The same with the decision and its outcomes in one stage: the author named them one phase.
        let staged = Self.phases(
            ["s>a", "a>b", "b>c", "c>v", "v>h:carries", "h>e1", "v>n:does not carry", "n>e2"],
            kinds: ["s": .start, "v": .decision, "e1": .end, "e2": .end],
            stages: Self.stages([("testing", ["s", "a", "b"]), ("cascade", ["c", "v", "h", "e1", "n", "e2"])]))
        #expect(staged == [["s", "a", "b"], ["c", "v", "h", "n", "e1", "e2"]])
        // Continues or ends the pregnancy, then the same follow-up: one block.
        let meeting = Self.phases(
            ["s>a", "a>b", "b>v", "v>h:continues", "h>e", "v>n:ends", "n>e"],
            kinds: ["s": .start, "v": .decision, "e": .end])
        #expect(meeting == [["s", "a", "b", "v", "h", "n", "e"]])
    }

    @Test("a parallel split begins its block's phase: the outcome branch before it stays apart")
    func parallelSplitBeginsItsPhase() {
        // Variant found: explain (p), a relative comes forward (q), then the relative's genetic (x) and clinical (y)
        // assessment together (m to j), then the next steps (r, t); no variant: n, o, w.
        let cut = Self.phases(
            [
                "s>a", "a>b", "b>d", "d>p:variant found", "p>q", "q>m", "m>x", "m>y", "x>j", "y>j", "j>r", "r>t",
                "t>e", "d>n:no variant", "n>o", "o>w", "w>f",
            ],
            kinds: ["s": .start, "d": .decision, "m": .parallel, "j": .merge, "e": .end, "f": .end])
        #expect(
            cut == [["s", "a", "b", "d"], ["p", "q"], ["n", "o", "w", "f"], ["m", "x", "y", "j"], ["r", "t", "e"]])
        // Where the stages put the steps before the split in its stage, the stage stands.
        let staged = Self.phases(
            [
                "s>a", "a>b", "b>d", "d>p:variant found", "p>q", "q>m", "m>x", "m>y", "x>j", "y>j", "j>r", "r>t",
                "t>e", "d>n:no variant", "n>o", "o>w", "w>f",
            ],
            kinds: ["s": .start, "d": .decision, "m": .parallel, "j": .merge, "e": .end, "f": .end],
            stages: Self.stages([
                ("testing", ["s", "a", "b", "d"]), ("cascade", ["p", "q", "m", "x", "y", "j"]),
                ("management", ["r", "t", "e"]), ("no variant", ["n", "o", "w", "f"]),
            ]))
        #expect(
            staged == [["s", "a", "b", "d"], ["p", "q", "m", "x", "y", "j"], ["n", "o", "w", "f"], ["r", "t", "e"]])
    }
}

/// The loop rules for pathways without stages: a cascade whose every round passes through several phases, with
/// smaller loops inside it and the decision that sends the next relatives round again.
extension PhasesAgreementRuleTests {
    @Test("a loop-back is a cut point: the decision that sends patients round again stays with the work before it")
    func loopBackIsACutPoint() {
        // A cascade: the family tree (s, a, b), then each round from the family letter (h) to "any relatives not yet
        // offered testing?" (q), which sends the new carrier's relatives back to the letters; female (x, w, v) or
        // male (y) carriers meet at j, who lists the carrier's relatives.
        let cut = Self.phases(
            [
                "s>a", "a>b", "b>h", "h>c", "c>e", "e>f", "f>g", "g>d", "d>x:female", "d>y:male", "x>w", "w>v",
                "v>j", "y>j", "j>q", "q>h:more relatives", "q>z:none left",
            ],
            kinds: ["s": .start, "d": .decision, "z": .end])
        #expect(cut == [["s", "a", "b"], ["h", "c", "e", "f", "g"], ["d", "x", "y", "w", "v"], ["j", "q", "z"]])
    }

    @Test("the head of a loop longer than twice the upper bound begins a phase: each round of a cascade starts there")
    func longLoopHeadBeginsAPhase() {
        // The family tree (s, a, b), then a round of eleven steps from the family letter (h) back to it.
        let cut = Self.phases(
            [
                "s>a", "a>b", "b>h", "h>c", "c>d", "d>e", "e>f", "f>g", "g>i", "i>j", "j>k", "k>l", "l>q",
                "q>h:more relatives", "q>z:none left",
            ],
            kinds: ["s": .start, "z": .end])
        #expect(cut == [["s", "a", "b"], ["h", "c", "d"], ["e", "f", "g", "i"], ["j", "k", "l", "q", "z"]])
    }

    @Test("a small loop inside a longer one is a phase of its own, and the way out of it begins the next phase")
    func innerRoundIsAPhase() {
        // In a cascade, the letter (h) and the reminder loop (k: in touch? m: remind) come before the relative's own
        // counselling (t to w) and testing (x to q).
        let cut = Self.phases(
            [
                "s>a", "a>b", "b>h", "h>k", "k>m:not yet", "m>k", "k>t:in touch", "t>u", "u>v", "v>w", "w>x", "x>y",
                "y>o", "o>p", "p>q", "q>h:more relatives", "q>z:none left",
            ],
            kinds: ["s": .start, "z": .end])
        #expect(cut == [["s", "a", "b"], ["h", "k", "m"], ["t", "u", "v", "w"], ["x", "y", "o", "p", "q", "z"]])
    }

    @Test("the way out of a loop kept whole begins the next phase")
    func wayOutOfALoopBeginsAPhase() {
        // A letter (a), then "in touch?" (k) with a reminder (m) until the relative is; then counselling (t to w).
        let cut = Self.phases(
            ["s>a", "a>k", "k>m:not yet", "m>k", "k>t:in touch", "t>u", "u>v", "v>w", "w>e"],
            kinds: ["s": .start, "e": .end])
        #expect(cut == [["s", "a", "k", "m"], ["t", "u", "v", "w", "e"]])
    }

    @Test("a meeting step whose only way on is a tail begins the last phase with it rather than closing the block")
    func meetingStepIntoATailBeginsThePhase() {
        // Female (x, w, v) or male (y) carriers meet at j, who lists the carrier's relatives; then q, and the end.
        let cut = Self.phases(
            ["s>a", "a>b", "b>d", "d>x:female", "d>y:male", "x>w", "w>v", "v>j", "y>j", "j>q", "q>r"],
            kinds: ["s": .start, "d": .decision, "r": .end])
        #expect(cut == [["s", "a", "b"], ["d", "x", "y", "w", "v"], ["j", "q", "r"]])
        // A bare merge does no work to begin a phase with: it closes its block whatever follows.
        let merge = Self.phases(
            ["s>a", "a>b", "b>d", "d>x:female", "d>y:male", "x>w", "w>v", "v>j", "y>j", "j>q", "q>r"],
            kinds: ["s": .start, "d": .decision, "j": .merge, "r": .end])
        #expect(merge == [["s", "a", "b"], ["d", "x", "y", "w", "v", "j", "q", "r"]])
    }
}

extension PhasesAgreementRuleTests {
    @Test("an outcome branch that stops at the same end as the work it left is not joined to it through the end")
    func endDoesNotJoinOutcomeBranch() {
        // t (a sub-process) carries two boundary events: m, handled by h, and x, handled by y; the normal flow goes
        // on to w. The handler h and the normal flow w both stop at e; y stops at f.
        let cut = Self.phases(
            ["s>a", "a>t", "t>w", "w>e", "t>m:message", "m>h", "h>e", "t>x:escalation", "x>y", "y>f"],
            kinds: ["s": .start, "e": .end, "f": .end])
        #expect(cut == [["s", "a", "t", "w", "e"], ["m", "h"], ["x", "y", "f"]])
    }
}

extension PhasesAgreementRuleTests {
    @Test("a choice whose branches meet at a merge with only an end after it is one block, not an outcome decision")
    func mergeBeforeAnEndClosesABlock() {
        // d: one way (x, then z) or the other (y); both meet at the merge j, and the lane ends.
        let cut = Self.phases(
            ["s>a", "a>b", "b>d", "d>x:one way", "x>z", "d>y:the other", "z>j", "y>j", "j>e"],
            kinds: ["s": .start, "d": .decision, "j": .merge, "e": .end])
        #expect(cut == [["s", "a", "b"], ["d", "x", "y", "z", "j", "e"]])
    }

    @Test("a merge of one way in and one out (a sub-process's start or end event) adds nothing to a block's length")
    func passThroughGatewaysDoNotLengthenABlock() {
        // d: the sub-process x, drawn with its own start (i) and end (o) events around its task p, or the task y;
        // both meet at j. One patient's way through is d, x, p, j: within the target, so the block is one phase.
        let cut = Self.phases(
            [
                "s>a", "a>b", "b>d", "d>x:sub-process", "x>i", "i>p", "p>o", "o>j", "d>y:task", "y>j", "j>n", "n>m",
                "m>k", "k>e",
            ],
            kinds: ["s": .start, "d": .decision, "i": .merge, "o": .merge, "j": .merge, "e": .end])
        #expect(cut == [["s", "a", "b"], ["d", "x", "y", "i", "p", "o", "j"], ["n", "m", "k", "e"]])
    }
}

extension PhasesAgreementRuleTests {
    @Test("the branches of a round meet at the step that sends patients round again or ends: the round is one phase")
    func roundBranchesMeetAtTheLoopDecision() {
        // Each relative: counsel and test (c), the result (r): a woman (w) or a man (m) with a premutation, or normal;
        // all meet at "any more relatives?" (q), which goes round again or ends (e).
        let cut = Self.phases(
            [
                "s>a", "a>b", "b>c", "c>r", "r>w:woman", "r>m:man", "r>q:normal", "w>q", "m>q", "q>c:next relative",
                "q>e:no",
            ],
            kinds: ["s": .start, "r": .decision, "q": .decision, "e": .end])
        #expect(cut == [["s", "a", "b"], ["c", "r", "w", "m", "q", "e"]])
    }
}

extension PhasesAgreementRuleTests {
    @Test("an exception path, a task's way out on a condition into a handler that only ends, is an outcome of its own")
    func exceptionPathIsAnOutcome() {
        // The order (o) and the payment (p) run in parallel and meet at j, then the items are shipped (w). An error
        // caught on the payment goes to its handler (h), which ends the pathway at f, never meeting the flow again.
        let kinds: [String: StepKind] = ["s": .start, "k": .parallel, "j": .parallel, "e": .end, "f": .end]
        let cut = Self.phases(
            ["s>k", "k>o", "k>p", "o>j", "p>j", "j>w", "w>e", "p>h:error event", "h>f"], kinds: kinds)
        #expect(cut == [["s", "k", "o", "p", "j", "w", "e"], ["h", "f"]])
        // An event with no way on (a compensation event, waiting to undo the payment) ends nothing: no way out.
        let compensation = Self.phases(
            ["s>k", "k>o", "k>p", "o>j", "p>j", "j>w", "w>e", "p>h:compensation"], kinds: kinds)
        #expect(compensation == [["s", "k", "o", "p", "j", "h", "w", "e"]])
        // Where the way on names its event too (a state machine's every transition does), no way out is an exception.
        let events = Self.phases(
            ["s>k", "k>o", "k>p", "o>j", "p>j:paid", "j>w", "w>e", "p>h:error event", "h>f"], kinds: kinds)
        #expect(events == [["s", "k", "o", "p", "j", "h", "w", "f", "e"]])
        // Two handlers (h, g) stop at the end the normal flow (x) also reaches: the second is a sub-pathway of one
        // step, and the advice says why, rather than be joined back to the flow it left.
        let shared = PhasesTests.phases(
            [
                "s>a", "a>b", "b>t", "t>w", "w>x", "x>e", "t>h:error event", "h>e", "t>g:timer event", "g>e",
            ],
            kinds: ["s": .start, "e": .end])
        #expect(shared.subpathways.map(\.steps) == [["s", "a", "b", "t", "w", "x"], ["h", "e"], ["g"]])
        #expect(shared.findings.map(\.message).contains { $0.contains("step 'g'") && $0.contains("exception path") })
    }
}

extension PhasesAgreementRuleTests {
    @Test("a merge where a block's branches meet is no step of a patient's way through: a block one step over is one")
    func meetingMergeAddsNothingToABlock() {
        // d: the point-of-care test (p), valid or not (v), or the laboratory (l, q); every way meets at the merge m,
        // where the genotype is recorded. The longest way, d, p, v, l, q, is the target's upper bound without m.
        let cut = Self.phases(
            [
                "s>a", "a>b", "b>d", "d>p:available", "d>l:not available", "p>v", "v>m:valid", "v>l:invalid", "l>q",
                "q>m", "m>n", "n>o", "o>t", "t>e",
            ],
            kinds: ["s": .start, "d": .decision, "v": .decision, "m": .merge, "e": .end])
        #expect(cut == [["s", "a", "b"], ["d", "p", "v", "l", "q", "m"], ["n", "o", "t", "e"]])
    }
}

extension PhasesAgreementRuleTests {
    @Test("a loop kept whole begins a phase where a run of at least the lower bound enters it, not after a shorter one")
    func loopKeptWholeBeginsAPhase() {
        // r: a loss-of-function result (explain a, prescribe b, code c), then the review loop (h, then k: next review
        // or done), or none (u, v, w). The run before the loop is a phase of its own: the review begins another.
        let kinds: [String: StepKind] = ["s": .start, "r": .decision, "k": .decision, "e": .end, "f": .end]
        let review = ["h>k", "k>h:next review", "k>e:done"]
        let cut = Self.phases(
            ["s>x", "x>y", "y>r", "r>a:yes", "a>b", "b>c", "c>h", "r>u:no", "u>v", "v>w", "w>f"] + review,
            kinds: kinds)
        #expect(cut == [["s", "x", "y", "r"], ["a", "b", "c"], ["u", "v", "w", "f"], ["h", "k", "e"]])
        // After a run of two (the result, then its follow-up begun), the loop is where that work goes on.
        let short = Self.phases(
            ["s>x", "x>y", "y>r", "r>a:yes", "a>c", "c>h", "r>u:no", "u>v", "v>w", "w>f"] + review, kinds: kinds)
        #expect(short == [["s", "x", "y", "r"], ["a", "c", "h", "k", "e"], ["u", "v", "w", "f"]])
    }
}

extension PhasesAgreementRuleTests {
    @Test("a short piece between the step that closes a block and the branches of an outcome decision stays whole")
    func shortPieceAfterABlockBeforeOutcomesStays() {
        // The result (a, b), then breast screening (x) and the offer to relatives (y) in parallel (p), met at the
        // referral j; then the baseline endoscopy (k) and the choice (d): a gastrectomy (g, h, m) or surveillance
        // (v, w, t). The endoscopy and the choice are where the care changes, not more of the parallel block.
        let cut = Self.phases(
            [
                "s>a", "a>b", "b>p", "p>x", "p>y", "x>j", "y>j", "j>k", "k>d", "d>g:gastrectomy", "g>h", "h>m", "m>e",
                "d>v:surveillance", "v>w", "w>t", "t>f",
            ],
            kinds: ["s": .start, "p": .parallel, "j": .merge, "d": .decision, "e": .end, "f": .end])
        #expect(
            cut == [["s", "a", "b"], ["p", "x", "y", "j"], ["k", "d"], ["g", "h", "m", "e"], ["v", "w", "t", "f"]])
    }
}

extension PhasesAgreementRuleTests {
    @Test("a step's tails join it before its way on, whatever order the file lists its transitions in")
    func tailsJoinTheirStepFirst() {
        // The scan (x) and the blood tests (y) in parallel (p), met at j; then the meeting reads them (d, work): the
        // cardiologist's referral to haematology (h, then an end) or other causes (o, then an end), each a tail, or
        // on to the nurse's consent (q), the laboratory's test (r) and the result (t). Graphviz lists a step's
        // transitions by their targets, a YAML file as written: the cut is the same, d with its tails.
        let block = ["s>a", "a>b", "b>p", "p>x", "p>y", "x>j", "y>j", "j>d"]
        let tails = ["d>h:a monoclonal protein", "h>e", "d>o:no uptake", "o>f"]
        let wayOn = ["d>q:ATTR", "q>r", "r>t", "t>g"]
        let kinds: [String: StepKind] = [
            "s": .start, "p": .parallel, "j": .merge, "e": .end, "f": .end, "g": .end,
        ]
        let staff = [
            "j": "meeting", "d": "meeting", "q": "nurse", "r": "scientist", "t": "geneticist", "g": "geneticist",
        ]
        func cut(_ links: [String]) -> [[StepID]] {
            var pathway = PhasesTests.pathway(links, kinds: kinds)
            for index in pathway.steps.indices {
                pathway.steps[index].staffGroups = [
                    StaffGroupID(staff[pathway.steps[index].id.rawValue] ?? "cardiologist")
                ]
            }
            return PathwayGraph(pathway).decomposition(.phases).subpathways.map(\.steps)
        }
        let expected: [[StepID]] = [
            ["s", "a", "b"], ["p", "x", "y", "j"], ["d", "h", "o", "e", "f"], ["q", "r", "t", "g"],
        ]
        #expect(cut(block + wayOn + tails) == expected)
        #expect(cut(block + tails + wayOn).map(Set.init) == expected.map(Set.init))
    }
}

extension PhasesAgreementRuleTests {
    @Test("a gateway's way into a tail that only ends, beside a way on, meets the others only at an end: an outcome")
    func tailBesideAWayOnIsAnOutcome() {
        // Task 1 (a), then the choice (d): Task 3 (x) or Task 4 (y), met at the merge m before the end, or Task 2
        // (t), straight to the same end. The block is one phase; Task 2 leaves it for good, as an outcome.
        let block = Self.phases(
            ["s>a", "a>d", "d>t", "t>e", "d>x", "d>y", "x>m", "y>m", "m>e"],
            kinds: ["s": .start, "d": .decision, "m": .merge, "e": .end])
        #expect(block == [["s", "a", "d", "x", "y", "m"], ["t", "e"]])
        // A choice with one way on: the opening (a, b), then c: the S branch (t, straight to its end) or on (x, y, z).
        let choice = Self.phases(
            ["s>a", "a>b", "b>c", "c>t:S", "t>e", "c>x:B", "x>y", "y>z", "z>f"],
            kinds: ["s": .start, "c": .decision, "e": .end, "f": .end])
        #expect(choice == [["s", "a", "b", "c"], ["t", "e"], ["x", "y", "z", "f"]])
    }
}

extension PhasesAgreementRuleTests {
    @Test("a second start whose way meets the rest only at an end is a sub-pathway of its own; one meeting work joins")
    func secondStartMeetingOnlyAtAnEnd() {
        // The main way (s, a, b, c) and a second way in (p, then q) that ends where the main way does.
        let apart = Self.phases(
            ["s>a", "a>b", "b>c", "c>e", "p>q", "q>e"], kinds: ["s": .start, "p": .start, "e": .end])
        #expect(
            apart.map { $0.filter { $0 != "e" } }.sorted { $0.count > $1.count } == [
                ["s", "a", "b", "c"], ["p", "q"],
            ])
        // Marko (m) with his ways out to ends, josh (j) with his; peter (t) too, into the end both of them reach.
        let modern = Self.phases(
            ["m>v", "m>j", "m>l", "j>r", "j>l", "t>l"], kinds: ["v": .end, "l": .end, "r": .end])
        #expect(
            modern.map { $0.filter { !["v", "l", "r"].contains($0) } }.filter { !$0.isEmpty } == [["m", "j"], ["t"]])
        // Another entry into the same review of the record (p into a) is a way in like the first: joined.
        let entry = Self.phases(["s>a", "p>a", "a>b", "b>c", "c>e"], kinds: ["s": .start, "p": .start, "e": .end])
        #expect(entry.count == 1)
        // Starts that each go straight to an end no work reaches (attackers of one host) are no ways into a flow.
        let star = Self.phases(["a>v", "b>v", "c>v"], kinds: ["v": .end])
        #expect(star.count == 1)
    }
}

extension PhasesAgreementRuleTests {
    @Test("the step where everyone continues after a detour that is a phase of its own begins what follows")
    func detourMeetingStepBeginsThePhase() {
        // Results (a, b), then d: inherited (g, then h, genetics) or in the tumour only, straight to p, the
        // prescription; then the maintenance (q, r). The detour is a phase: p begins the next, it does not close it.
        let long = Self.phases(
            ["s>a", "a>b", "b>d", "d>g:inherited", "g>h", "h>p", "d>p:tumour only", "p>q", "q>r", "r>e"],
            kinds: ["s": .start, "d": .decision, "e": .end])
        #expect(long == [["s", "a", "b"], ["d", "g", "h"], ["p", "q", "r", "e"]])
        // A short detour (one parent's sample arranged, g) is part of the phase the meeting step closes.
        let short = Self.phases(
            ["s>a", "a>d", "d>g:no", "g>p", "d>p:yes", "p>q", "q>r", "r>t", "t>e"],
            kinds: ["s": .start, "d": .decision, "e": .end])
        #expect(short.first == ["s", "a", "d", "g", "p"])
    }
}

extension PhasesAgreementRuleTests {
    @Test("a loop kept whole begins a phase where two ways or more enter it at one step, a block's branches meeting")
    func loopEnteredByABlockBeginsAPhase() {
        // The diagnosis (a, b), then treatment (x) and the family letter (y) in parallel (p), met at the review (h,
        // then k: next review, or the drug changed in c and reviewed again, or done). The block ends before the
        // review: each way into the loop is a branch, and the review round is a phase of its own.
        let cut = Self.phases(
            [
                "s>a", "a>b", "b>p", "p>x", "p>y", "x>h", "y>h", "h>k", "k>h:next review", "k>c:poor control",
                "c>h", "k>e:stable",
            ],
            kinds: ["s": .start, "p": .parallel, "h": .merge, "k": .decision, "e": .end])
        #expect(cut == [["s", "a", "b"], ["p", "x", "y"], ["h", "k", "c", "e"]])
    }
}

extension PhasesAgreementRuleTests {
    @Test("a parallel block longer than the upper bound is no phase: each branch is one, the meeting begins the next")
    func longParallelBlockSplitsIntoBranches() {
        // Fainting (s, a), then b: not the condition (n, then an end), or the gene test (x, y: consent, sequencing)
        // and the family's ECGs (u, v: invited, read) started together at p; both meet at the meeting j, then the
        // diagnosis (k) and the risk (m). Split, four steps and the meeting are six: more than one phase.
        let cut = Self.phases(
            [
                "s>a", "a>b", "b>n:no", "n>f", "b>p:yes", "p>x", "x>y", "y>j", "p>u", "u>v", "v>j", "j>k", "k>m",
                "m>e",
            ],
            kinds: ["s": .start, "b": .decision, "p": .parallel, "j": .merge, "f": .end, "e": .end])
        #expect(cut == [["s", "a", "b"], ["n", "f"], ["p", "x", "y"], ["u", "v"], ["j", "k", "m", "e"]])
        // Branches of one step each: split, branches and meeting are four, one phase.
        let short = Self.phases(
            ["s>a", "a>b", "b>n:no", "n>f", "b>p:yes", "p>x", "x>j", "p>u", "u>j", "j>k", "k>m", "m>e"],
            kinds: ["s": .start, "b": .decision, "p": .parallel, "j": .merge, "f": .end, "e": .end])
        #expect(short.contains(["p", "x", "u", "j"]))
    }

    @Test("an outcome branch of two steps or more does not fold into the phase that begins where it meets another")
    func outcomeBranchStaysBesideTheNextPhase() {
        // A cause found (s, a, b), then d, is there a treatment: yes, gene therapy (g, h, then an end), or not yet,
        // a yearly review (r, then q: next review, or a treatment has opened, into g). The review is an outcome of
        // its own, not the start of the gene therapy it may lead to.
        let cut = Self.phases(
            ["s>a", "a>b", "b>d", "d>g:yes", "g>h", "h>e", "d>r:not yet", "r>q", "q>r:next review", "q>g:opened"],
            kinds: ["s": .start, "d": .decision, "e": .end])
        #expect(cut == [["s", "a", "b", "d"], ["r", "q"], ["g", "h", "e"]])
    }

    @Test("a piece that ends at an outcome decision does not fold into one of its outcomes when they go their own ways")
    func pieceBeforeOutcomesStaysWhole() {
        // The couple's test (s, a, b, c): not both carriers (t, then an end), or both: the offer (o) and d, do they
        // want a prenatal test: no (n, m, then an end) or yes (p, q, w, then an end). Each a stage; the offer and the
        // choice are a stage of two, and joined to the refusal they would leave the prenatal test apart.
        let cut = Self.phases(
            [
                "s>a", "a>b", "b>c", "c>t:no", "t>f", "c>o:both", "o>d", "d>n:no", "n>m", "m>g", "d>p:yes", "p>q",
                "q>w", "w>h",
            ],
            kinds: ["s": .start, "c": .decision, "d": .decision, "f": .end, "g": .end, "h": .end],
            stages: Self.stages([
                ("testing", ["s", "a", "b", "c"]), ("not both carriers", ["t", "f"]), ("both carriers", ["o", "d"]),
                ("no prenatal test", ["n", "m", "g"]), ("prenatal diagnosis", ["p", "q", "w", "h"]),
            ]))
        #expect(cut == [["s", "a", "b", "c"], ["t", "f"], ["o", "d"], ["n", "m", "g"], ["p", "q", "w", "h"]])
    }

    @Test("a decision whose ways meet only where a loop kept whole begins its phase is an outcome decision")
    func decisionMeetingOnlyInTheNextPhaseIsAnOutcome() {
        // The result (s, a, b), then d: a mutation, targeted treatment explained and dispensed (x, y), or none,
        // immunotherapy explained and prescribed (u, v); both into treatment (h, then k: next cycle, or stop, z).
        let kinds: [String: StepKind] = ["s": .start, "d": .decision, "h": .merge, "k": .decision, "e": .end]
        let loop = ["h>k", "k>h:next cycle", "k>z:stop", "z>e"]
        let cut = Self.phases(
            ["s>a", "a>b", "b>d", "d>x:mutation", "x>y", "y>h", "d>u:none", "u>v", "v>h"] + loop, kinds: kinds)
        #expect(cut == [["s", "a", "b", "d"], ["x", "y"], ["u", "v"], ["h", "k", "z", "e"]])
        // A choice of one drug or another (one step each) is one choice: a block.
        let choice = Self.phases(["s>a", "a>b", "b>d", "d>x:left", "x>h", "d>u:right", "u>h"] + loop, kinds: kinds)
        #expect(choice == [["s", "a", "b"], ["d", "x", "u"], ["h", "k", "z", "e"]])
    }
}

extension PhasesAgreementRuleTests {
    @Test("a way into the pathway of two steps or more does not fold into the phase that begins where another meets it")
    func wayInStaysBesideTheNextPhase() {
        // A baby diagnosed (s, a) or an adult diagnosed in infancy (p, q), both into the testing (t, u, then v: clear,
        // or failed, a fresh sample r and round again); then the result (w, x, y). Each way in is a phase of its own.
        let cut = Self.phases(
            [
                "s>a", "a>t", "p>q", "q>t", "t>u", "u>v", "v>w:clear", "v>r:failed", "r>t", "w>x", "x>y", "y>e",
            ],
            kinds: ["s": .start, "p": .start, "v": .decision, "e": .end])
        #expect(cut == [["s", "a"], ["p", "q"], ["t", "u", "v", "r"], ["w", "x", "y", "e"]])
    }

    @Test("a tail that only ends, beside an outcome decision's branches, is an outcome of its own")
    func tailOfAnOutcomeDecisionIsAnOutcome() {
        // The result (s, a, b), then d: a variant (x, y, z), another cause (u, v, w), or none: explain (n), and end.
        let cut = Self.phases(
            [
                "s>a", "a>b", "b>d", "d>x:variant", "x>y", "y>z", "z>e", "d>u:other cause", "u>v", "v>w", "w>f",
                "d>n:none", "n>g",
            ],
            kinds: ["s": .start, "d": .decision, "e": .end, "f": .end, "g": .end])
        #expect(cut == [["s", "a", "b", "d"], ["x", "y", "z", "e"], ["u", "v", "w", "f"], ["n", "g"]])
    }
}

extension PhasesAgreementRuleTests {
    @Test("a way into the pathway of two steps or more stays apart from the merge where another way in meets it")
    func wayInStaysBesideTheMerge() {
        // Admitted with pancreatitis (s, a) or found by the GP (p, q), both referred to the clinic (m), whose
        // assessment goes on (n, o); then the test (t, u, v). Each way in is a request of its own, and the merge where
        // they meet begins the assessment, though no loop or block begins a phase there.
        let cut = Self.phases(
            ["s>a", "a>m", "p>q", "q>m", "m>n", "n>o", "o>t", "t>u", "u>v", "v>e"],
            kinds: ["s": .start, "p": .start, "m": .merge, "e": .end])
        #expect(cut == [["s", "a"], ["p", "q"], ["m", "n", "o"], ["t", "u", "v", "e"]])
    }
}

extension PhasesAgreementRuleTests {
    @Test("a decision whose longest way past the upper bound ends at a merge is no block, the merge left out")
    func longWayToAMergeMakesNoBlock() {
        // The result (s, a, b), then d: the long way, referred on for pre-implantation testing (x, y, z, w, v), or the
        // short way, one step (u); both into antenatal care (m), then the birth (n, o). The long way alone is past the
        // upper bound, so the decision's branches do not meet again soon: it is an outcome decision, not one block of
        // eight steps (a route as long as the upper bound or longer was counted as the upper bound, and the merge
        // taken off it).
        let cut = Self.phases(
            [
                "s>a", "a>b", "b>d", "d>x:long way", "x>y", "y>z", "z>w", "w>v", "v>m", "d>u:short way", "u>m", "m>n",
                "n>o", "o>e",
            ],
            kinds: ["s": .start, "d": .decision, "m": .merge, "e": .end])
        #expect(cut == [["s", "a", "b", "d"], ["x", "y", "z", "w", "v"], ["u", "m", "n", "o", "e"]])
    }
}

extension PhasesAgreementRuleTests {
    @Test("a decision block on a loop kept whole does not join the way out of the loop to the loop")
    func blockOnALoopStopsAtTheLoopsWayOut() {
        // The panel (s, a, b), then an uncertain variant reviewed each year (h, then k: still uncertain, relatives'
        // samples r and round again); classified pathogenic, straight to the diagnosis (m); benign, a whole genome
        // (w, x, then y: a cause, into the diagnosis, or none, t). The loop is one phase and the genome leaves it: the
        // decision's block does not join the genome to the review round.
        let cut = Self.phases(
            [
                "s>a", "a>b", "b>h", "h>k", "k>m:pathogenic", "k>w:benign", "k>r:still uncertain", "r>h:a year later",
                "w>x", "x>y", "y>m:yes", "y>t:no", "t>f", "m>n", "n>o", "o>e",
            ],
            kinds: ["s": .start, "h": .merge, "k": .decision, "y": .decision, "m": .merge, "e": .end, "f": .end])
        #expect(cut == [["s", "a", "b"], ["h", "k", "r"], ["w", "x", "y"], ["m", "n", "o", "e"], ["t", "f"]])
    }
}
