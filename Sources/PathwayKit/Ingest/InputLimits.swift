/// The limits the readers enforce on untrusted input, each checked before the work it bounds (README, "Limits").
///
/// A file over a limit is refused with an ``InputError`` whose code says which (``InputError/Code/tooDeep``,
/// ``InputError/Code/tooLong``) and whose location names the place.
public enum InputLimits {
    /// The deepest nesting of XML elements read from BPMN and GraphML (the root element is level 1).
    ///
    /// Real files nest a few dozen levels at most. The limit is checked as each start tag is read, before anything
    /// is kept, so the element tree never gets deeper and freeing it (which Swift does one level at a time, on the
    /// stack) stays far from the stack's size, even on a 512 KiB thread.
    public static let xmlNestingDepth = 256

    /// The longest step label, in characters (Unicode extended grapheme clusters), in every input format.
    ///
    /// Graphviz runs out of memory laying out a label of a million characters, and every writer's time grows with
    /// the label; labels on real pathways are under a hundred characters.
    public static let labelLength = 10_000

    /// Refuses pathways whose step labels are longer than ``labelLength``.
    ///
    /// - Throws: ``InputError`` with code ``InputError/Code/tooLong`` at the first such step.
    /// - Complexity: O(total label bytes); a label is counted in characters only when its UTF-8 form is longer
    ///   than the limit.
    public static func check(_ pathways: [Pathway], file: String) throws {
        for pathway in pathways {
            for step in pathway.steps where step.label.utf8.count > labelLength && step.label.count > labelLength {
                throw labelTooLong(step.id.rawValue, characters: step.label.count, at: step.location, file: file)
            }
        }
    }

    /// Refuses an index (a pathway read straight into the engine's tables, such as a streamed edge list) whose
    /// step labels, or ids where a step has no label of its own, are longer than ``labelLength``.
    ///
    /// - Throws: ``InputError`` with code ``InputError/Code/tooLong`` at the first such step.
    /// - Complexity: O(steps); a label is made into a `String` only when its UTF-8 form is longer than the limit.
    public static func check(_ index: PathwayIndex, file: String) throws {
        // Steps whose id is written twice are checked in written order, as the check of pathway values does.
        if index.duplicateSteps.contains(where: { $0.step.label.utf8.count > labelLength }) {
            try check([index.pathway()], file: file)
        }
        for step in index.steps {
            let bytes =
                index.labels.hasText(step)
                ? index.labels.withUTF8(step) { $0.count } : index.stepIDs.utf8Count(step)
            guard bytes > labelLength else { continue }
            let label = index.label(step)
            guard label.count > labelLength else { continue }
            throw labelTooLong(index.stepIDs[step], characters: label.count, at: index.location(step), file: file)
        }
    }

    /// The message for a label over the limit, at its step's place (else the file).
    private static func labelTooLong(
        _ step: String, characters: Int, at location: SourceLocation?, file: String
    ) -> InputError {
        InputError(
            "the label of step '\(Quote.line(step))' is \(characters) characters long; "
                + "pathgap reads labels of at most \(labelLength) characters (put longer text in notes)",
            at: location ?? SourceLocation(file: file), code: .tooLong)
    }
}
