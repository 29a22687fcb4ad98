/// The title of a sub-pathway as indices into its pathway, spelt out only when written: an optional lead (a stage's
/// name or a transition's condition, first letter capitalised) and what follows it (after `: ` when there is a
/// lead): a transition's condition, the labels of the sub-pathway's first and last steps with a label of their own
/// ("first → last", or the one label; over every step when none has one, so that an unlabelled gateway, whose label
/// is its id, never names a sub-pathway), or nothing.
///
/// The `phases` strategy titles a sub-pathway "Interpreting results: no causative variant", "No: s22 → s24" or
/// "s0 → s4" this way, with 12 bytes per sub-pathway instead of a `String`.
struct PartTitle: Sendable, Hashable {
    /// What leads the title.
    enum Lead: Sendable, Hashable {
        case none
        /// The name of a stage (by number in ``PathwayIndex/stageNames``).
        case stage(Int32)
        /// The condition of a transition (by number).
        case condition(Int32)
    }

    /// What follows the lead.
    enum Rest: Sendable, Hashable {
        /// "first label → last label", or the one label, over the steps with a label of their own (every step when
        /// none has one).
        case steps
        /// The condition of a transition (by number), as written.
        case condition(Int32)
        case nothing
    }

    var lead: Lead
    var rest: Rest

    /// The first and last labelled steps' labels, with no lead.
    static let steps = PartTitle(lead: .none, rest: .steps)
}

extension PathwayIndex {
    /// Appends a title's text for a part holding `steps` (in order along it).
    ///
    /// - Complexity: O(length of the title).
    func appendTitle(_ title: PartTitle, steps: some BidirectionalCollection<Int32>, to bytes: inout [UInt8]) {
        switch title.lead {
        case .none: break
        case .stage(let stage): stageNames.withUTF8(Index(raw: stage)) { Self.appendCapitalised($0, to: &bytes) }
        case .condition(let edge):
            conditions.withUTF8(Index(raw: edge)) { Self.appendCapitalised($0, to: &bytes) }
        }
        if title.lead != .none && title.rest != .nothing { bytes += ": ".utf8 }
        switch title.rest {
        case .nothing: break
        case .condition(let edge): conditions.withUTF8(Index(raw: edge)) { bytes += $0 }
        case .steps:
            guard var first = steps.first, var last = steps.last else { return }
            if let labelled = steps.firstIndex(where: hasOwnLabel),
                let lastLabelled = steps.lastIndex(where: hasOwnLabel)
            {
                (first, last) = (steps[labelled], steps[lastLabelled])
            }
            appendLabel(first, to: &bytes)
            if first != last {
                bytes += " → ".utf8
                appendLabel(last, to: &bytes)
            }
        }
    }

    /// A title's text for a part holding `steps`.
    func titleText(_ title: PartTitle, steps: some BidirectionalCollection<Int32>) -> String {
        var bytes: [UInt8] = []
        appendTitle(title, steps: steps, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether a step has a label of its own, other than its id.
    ///
    /// - Complexity: O(length of the label).
    func hasOwnLabel(_ node: Int32) -> Bool {
        let step = Index<Step>(raw: node)
        guard labels.hasText(step) else { return false }
        return labels.withUTF8(step) { label in stepIDs.withUTF8(step) { !label.elementsEqual($0) } }
    }

    /// Whether a ``PartTitle/steps`` title of these steps reads the same as "first label → last label" over all of
    /// them: the first and last steps have labels of their own, or no step has.
    ///
    /// - Complexity: O(steps) at most.
    func titlesAllSteps(_ steps: some BidirectionalCollection<Int32>) -> Bool {
        guard !labels.isEmpty, let first = steps.first, let last = steps.last else { return true }
        return (hasOwnLabel(first) && hasOwnLabel(last)) || !steps.contains(where: hasOwnLabel)
    }

    /// A step's label (its own, or its id) as UTF-8.
    private func appendLabel(_ node: Int32, to bytes: inout [UInt8]) {
        let step = Index<Step>(raw: node)
        if labels.hasText(step) {
            labels.withUTF8(step) { bytes += $0 }
        } else {
            stepIDs.withUTF8(step) { bytes += $0 }
        }
    }

    /// Text with its first character upper-cased (as `Character.uppercased()` does it), the rest as written.
    private static func appendCapitalised(_ text: some Collection<UInt8>, to bytes: inout [UInt8]) {
        guard let first = text.first else { return }
        if first < 0x80 {
            // An ASCII first byte: the first character is that letter with any combining marks after it, which
            // upper-casing leaves as they are.
            bytes.append(first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") ? first - 0x20 : first)
            bytes += text.dropFirst()
            return
        }
        let string = String(decoding: text, as: UTF8.self)
        guard let character = string.first else { return }
        bytes += character.uppercased().utf8
        bytes += string.dropFirst().utf8
    }
}
