/// Sub-pathways that divide the steps of an indexed pathway between them, as flat arrays over the index: the
/// result of the `chains` strategy without a value per sub-pathway.
///
/// Part `Index<Subpathway>(p)` holds the steps ``steps(_:)`` in order along it; every step is in exactly one part.
/// The transitions into and out of a part are found from the graph when asked for, in the order the value model
/// lists them (by step number, then by the step's transitions in file order), so that writers can stream them
/// without a list of crossings kept for every part.
public struct IndexedPartition: Sendable {
    /// The pathway.
    public let index: PathwayIndex
    /// How the parts were cut.
    public let strategy: DecompositionStrategy
    /// The steps of every part, part after part.
    let members: [Int32]
    /// `offsets[p] ..< offsets[p + 1]` is part `p`'s range in `members`.
    let offsets: [Int32]
    /// Whether each part is a loop of plain steps.
    let cyclic: [Bool]
    /// The title of each part, where the strategy names its parts (otherwise "first label → last label").
    let titles: [PartTitle]?
    /// Advice about the cut beyond size warnings (written with the parts, as the value model's findings are).
    public let advice: PartitionAdvice
    /// The part of each step.
    let partOfNode: [Int32]

    /// The number of parts.
    public var count: Int { offsets.count - 1 }

    /// Every part, in order.
    public var parts: some RandomAccessCollection<Index<Subpathway>> {
        (0..<Int32(count)).lazy.map(Index.init(raw:))
    }

    /// The steps of a part, in order along it.
    public func steps(_ part: Index<Subpathway>) -> some RandomAccessCollection<Index<Step>> {
        members[Int(offsets[part.position])..<Int(offsets[part.position + 1])].lazy.map(Index.init(raw:))
    }

    /// The positions of a part's steps in `members`.
    func stepSlots(_ part: Index<Subpathway>) -> Range<Int> {
        Int(offsets[part.position])..<Int(offsets[part.position + 1])
    }

    /// The number of steps of a part.
    public func size(_ part: Index<Subpathway>) -> Int {
        Int(offsets[part.position + 1] - offsets[part.position])
    }

    /// Whether a part's title is other than "first label → last label" (or the one label) over all its steps.
    ///
    /// - Complexity: O(1), or O(steps of the part) for a title of labelled steps.
    func hasOwnTitle(_ part: Index<Subpathway>) -> Bool {
        guard let titles else { return false }
        return titles[part.position] != .steps
            || !index.titlesAllSteps(members[Int(offsets[part.position])..<Int(offsets[part.position + 1])])
    }

    /// Appends a part's title, when it has one of its own (see ``hasOwnTitle(_:)``).
    ///
    /// - Returns: Whether it had one.
    func appendOwnTitle(_ part: Index<Subpathway>, to bytes: inout [UInt8]) -> Bool {
        guard let titles, hasOwnTitle(part) else { return false }
        index.appendTitle(
            titles[part.position], steps: members[Int(offsets[part.position])..<Int(offsets[part.position + 1])],
            to: &bytes)
        return true
    }

    /// Whether a part is a loop of plain steps (its last step leads back to its first).
    public func isCyclic(_ part: Index<Subpathway>) -> Bool { cyclic[part.position] }

    /// The transitions out of a part to steps outside it.
    ///
    /// - Complexity: O(k log k + edges of the part's k steps).
    public func exits(_ part: Index<Subpathway>) -> [Index<Transition>] {
        var scratch = CrossingScratch(self)
        scratch.find(part, outgoing: true)
        return scratch.links.map { Index(raw: $0.edge) }
    }

    /// The transitions into a part from steps outside it.
    ///
    /// - Complexity: O(k log k + edges of the part's k steps).
    public func entries(_ part: Index<Subpathway>) -> [Index<Transition>] {
        var scratch = CrossingScratch(self)
        scratch.find(part, outgoing: false)
        return scratch.links.map { Index(raw: $0.edge) }
    }

    /// A transition across a part's boundary, with its source and target steps (read from the graph's rows beside
    /// the transition, so that a writer never looks up the transition columns at random).
    struct Crossing {
        let edge: Int32
        let source: Int32
        let target: Int32
    }

    /// The arrays of a partition and its graph that a writer reads for every part, taken out once: a writer reads
    /// them for every part on two threads, and reading them through the partition and its index retained and
    /// released them at every call (an atomic operation on a counter both threads touch).
    struct Rows {
        let members: [Int32]
        let offsets: [Int32]
        let partOfNode: [Int32]
        let successorOffsets: [Int32]
        let successorTargets: [Int32]
        let successorEdges: [Int32]
        let predecessorOffsets: [Int32]
        let predecessorSources: [Int32]
        let predecessorEdges: [Int32]

        init(_ partition: IndexedPartition) {
            members = partition.members
            offsets = partition.offsets
            partOfNode = partition.partOfNode
            let graph = partition.index.graph
            successorOffsets = graph.successorOffsets
            successorTargets = graph.successorTargets
            successorEdges = graph.successorEdges
            predecessorOffsets = graph.predecessorOffsets
            predecessorSources = graph.predecessorSources
            predecessorEdges = graph.predecessorEdges
        }
    }

    /// Finds the transitions across parts' boundaries, one part at a time, into a reused buffer (reading the
    /// partition through ``Rows``).
    struct CrossingScratch {
        /// The crossings found last.
        private(set) var links: [Crossing] = []
        /// The part's steps by number, when they are not in that order along the part.
        private var nodes: [Int32] = []
        private let rows: Rows

        init(_ partition: IndexedPartition) { rows = Rows(partition) }

        /// Puts the transitions out of (or into) a part from (or to) steps outside it into ``links``: by step
        /// number, then in file order.
        ///
        /// - Complexity: O(edges of the part's steps), plus O(k log k) to order k steps that are not in order.
        mutating func find(_ part: Index<Subpathway>, outgoing: Bool) {
            links.removeAll(keepingCapacity: true)
            let range = Int(rows.offsets[part.position])..<Int(rows.offsets[part.position + 1])
            var isOrdered = true
            if range.count > 1 {
                for slot in range.lowerBound..<(range.upperBound - 1) where rows.members[slot] > rows.members[slot + 1]
                {
                    isOrdered = false
                    break
                }
            }
            if isOrdered {
                for slot in range { scan(rows.members[slot], of: part.raw, outgoing: outgoing) }
            } else {
                nodes.removeAll(keepingCapacity: true)
                nodes += rows.members[range]
                nodes.sort()
                for position in nodes.indices { scan(nodes[position], of: part.raw, outgoing: outgoing) }
            }
        }

        /// Appends the transitions of `node`'s row (out of it, or into it) whose other end is outside `part`.
        @inline(__always)
        private mutating func scan(_ node: Int32, of part: Int32, outgoing: Bool) {
            let row = Int(node)
            if outgoing {
                for slot in Int(rows.successorOffsets[row])..<Int(rows.successorOffsets[row + 1]) {
                    let other = rows.successorTargets[slot]
                    guard rows.partOfNode[Int(other)] != part else { continue }
                    links.append(Crossing(edge: rows.successorEdges[slot], source: node, target: other))
                }
            } else {
                for slot in Int(rows.predecessorOffsets[row])..<Int(rows.predecessorOffsets[row + 1]) {
                    let other = rows.predecessorSources[slot]
                    guard rows.partOfNode[Int(other)] != part else { continue }
                    links.append(Crossing(edge: rows.predecessorEdges[slot], source: other, target: node))
                }
            }
        }
    }

    /// A partition of an index from flat part arrays.
    ///
    /// - Parameters:
    ///   - index: The pathway.
    ///   - strategy: How the parts were cut.
    ///   - members: The steps of every part, part after part (every step once).
    ///   - offsets: The start of each part in `members`, and `members.count` at the end.
    ///   - cyclic: Whether each part is a loop.
    ///   - titles: The title of each part, if the strategy names them.
    ///   - advice: Advice about the cut beyond size warnings.
    ///   - partOfNode: The part of each step, when the strategy has it at hand (made from the parts otherwise).
    /// - Complexity: O(V).
    init(
        index: PathwayIndex, strategy: DecompositionStrategy, members: [Int32], offsets: [Int32], cyclic: [Bool],
        titles: [PartTitle]? = nil, advice: PartitionAdvice = PartitionAdvice(), partOfNode: [Int32]? = nil
    ) {
        self.index = index
        self.strategy = strategy
        self.members = members
        self.offsets = offsets
        self.cyclic = cyclic
        self.titles = titles
        self.advice = advice
        if let partOfNode {
            self.partOfNode = partOfNode
        } else {
            var partOfNode = [Int32](repeating: 0, count: index.graph.nodeCount)
            for part in 0..<(offsets.count - 1) {
                for slot in Int(offsets[part])..<Int(offsets[part + 1]) { partOfNode[Int(members[slot])] = Int32(part) }
            }
            self.partOfNode = partOfNode
        }
    }
}

/// Advice about a partition beyond size warnings, each finding made when it is read (a note per step left in a
/// sub-pathway of its own, from the index): at 10^6 steps `phases` leaves some 34,000 such steps, whose messages
/// would otherwise be held as strings until written.
public struct PartitionAdvice: RandomAccessCollection, Sendable {
    private let index: PathwayIndex?
    private let aloneSteps: [Int32]

    /// No advice.
    public init() {
        index = nil
        aloneSteps = []
    }

    /// A note per step left alone (see ``PathwayIndex/aloneFinding(_:)``), in order.
    init(index: PathwayIndex, aloneSteps: [Int32]) {
        self.index = index
        self.aloneSteps = aloneSteps
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { aloneSteps.count }

    public subscript(position: Int) -> Finding {
        guard let index else { preconditionFailure("no advice") }
        return index.aloneFinding(aloneSteps[position])
    }
}

extension PathwayIndex {
    /// The `chains` decomposition on the index: maximal non-branching runs of steps, cut at starts, ends,
    /// decisions and merges (by kind, and by degree); a loop of plain steps is its own cyclic part. The same parts,
    /// in the same order, as ``PathwayGraph/decomposition(_:options:)`` with `.chains`.
    ///
    /// - Complexity: O(V + E), no `String`.
    public func chainPartition() -> IndexedPartition {
        let chains = graph.chains(cutByKinds: kinds.values)
        return IndexedPartition(
            index: self, strategy: .chains, members: chains.nodes, offsets: chains.offsets, cyclic: chains.isCyclic,
            partOfNode: chains.chainOfNode)
    }
}
