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
                throw InputError(
                    "the label of step '\(Quote.line(step.id.rawValue))' is \(step.label.count) characters long; "
                        + "pathgap reads labels of at most \(labelLength) characters (put longer text in notes)",
                    at: step.location ?? SourceLocation(file: file), code: .tooLong)
            }
        }
    }
}
