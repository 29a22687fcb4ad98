/// How an analyst divided a pathway into sub-pathways: the reference a decomposition is scored against (see
/// ``CutAgreement``).
///
/// A cut need not name every step: agreement is measured over the steps it names. A cut file holds one or more
/// cuts; each applies to the pathway it names, or, when it names none, to every pathway that holds its steps.
public struct AnalystCut: Hashable, Sendable {
    /// One sub-pathway of the cut.
    public struct Part: Hashable, Sendable {
        /// The analyst's title, where given.
        public var title: String?
        /// The steps, in the order written.
        public var steps: [StepID]
        /// Where the part was written.
        public var location: SourceLocation

        public init(title: String? = nil, steps: [StepID], location: SourceLocation) {
            self.title = title
            self.steps = steps
            self.location = location
        }

        /// The title, or the first and last step ids.
        public var displayTitle: String {
            if let title { return title }
            guard let first = steps.first, let last = steps.last else { return "" }
            return first == last ? first.rawValue : "\(first) … \(last)"
        }
    }

    /// The pathway the cut is for; `nil` for every pathway that holds its steps.
    public var pathway: PathwayID?
    /// The sub-pathways, in the order written. No step is in two of them.
    public var parts: [Part]

    public init(pathway: PathwayID? = nil, parts: [Part]) {
        self.pathway = pathway
        self.parts = parts
    }

    /// Whether the cut is for a pathway: it names the pathway, or names none and shares a step with it.
    ///
    /// - Complexity: O(steps named).
    public func applies(to graph: PathwayGraph) -> Bool {
        if let pathway { return pathway == graph.pathway.id }
        return parts.contains { part in part.steps.contains { graph.node($0) != nil } }
    }
}
