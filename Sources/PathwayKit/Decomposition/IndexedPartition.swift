/// Sub-pathways that divide the steps of an indexed pathway between them, as flat arrays over the index: the
/// result of the `chains` strategy without a value per sub-pathway.
///
/// Part `Index<Subpathway>(p)` holds the steps ``steps(_:)`` in order along it; every step is in exactly one part.
/// The transitions into and out of each part are found once, in O(V + E), in the order the value model lists them
/// (by step number, then by the step's transitions in file order), so that writers can stream them.
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
    let titles: [String]?
    /// Advice about the cut beyond size warnings (written with the parts, as the value model's findings are).
    public let advice: [Finding]
    /// The transitions out of each part, part after part, with their offsets.
    let exitEdges: [Int32]
    let exitOffsets: [Int32]
    /// The transitions into each part, part after part, with their offsets.
    let entryEdges: [Int32]
    let entryOffsets: [Int32]

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

    /// The number of steps of a part.
    public func size(_ part: Index<Subpathway>) -> Int {
        Int(offsets[part.position + 1] - offsets[part.position])
    }

    /// Whether a part is a loop of plain steps (its last step leads back to its first).
    public func isCyclic(_ part: Index<Subpathway>) -> Bool { cyclic[part.position] }

    /// The transitions out of a part to steps outside it.
    public func exits(_ part: Index<Subpathway>) -> some RandomAccessCollection<Index<Transition>> {
        exitEdges[Int(exitOffsets[part.position])..<Int(exitOffsets[part.position + 1])].lazy.map(Index.init(raw:))
    }

    /// The transitions into a part from steps outside it.
    public func entries(_ part: Index<Subpathway>) -> some RandomAccessCollection<Index<Transition>> {
        entryEdges[Int(entryOffsets[part.position])..<Int(entryOffsets[part.position + 1])].lazy.map(Index.init(raw:))
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
    /// - Complexity: O(V + E).
    init(
        index: PathwayIndex, strategy: DecompositionStrategy, members: [Int32], offsets: [Int32], cyclic: [Bool],
        titles: [String]? = nil, advice: [Finding] = []
    ) {
        self.index = index
        self.strategy = strategy
        self.members = members
        self.offsets = offsets
        self.cyclic = cyclic
        self.titles = titles
        self.advice = advice
        let graph = index.graph
        let partCount = offsets.count - 1
        var partOfNode = [Int32](repeating: 0, count: graph.nodeCount)
        for part in 0..<partCount {
            for slot in Int(offsets[part])..<Int(offsets[part + 1]) { partOfNode[Int(members[slot])] = Int32(part) }
        }
        (exitOffsets, exitEdges) = Self.crossings(
            graph, partOfNode: partOfNode, partCount: partCount, rowOffsets: graph.successorOffsets,
            rowNodes: graph.successorTargets, rowEdges: graph.successorEdges)
        (entryOffsets, entryEdges) = Self.crossings(
            graph, partOfNode: partOfNode, partCount: partCount, rowOffsets: graph.predecessorOffsets,
            rowNodes: graph.predecessorSources, rowEdges: graph.predecessorEdges)
    }

    /// The edges of one direction's rows whose other end lies in another part, grouped by part, by node number and
    /// row order within a part (a counting sort).
    private static func crossings(
        _ graph: CompactGraph, partOfNode: [Int32], partCount: Int, rowOffsets: [Int32], rowNodes: [Int32],
        rowEdges: [Int32]
    ) -> (offsets: [Int32], edges: [Int32]) {
        var offsets = [Int32](repeating: 0, count: partCount + 1)
        for node in 0..<graph.nodeCount {
            let part = partOfNode[node]
            for slot in Int(rowOffsets[node])..<Int(rowOffsets[node + 1]) where partOfNode[Int(rowNodes[slot])] != part
            {
                offsets[Int(part) + 1] += 1
            }
        }
        for part in 0..<partCount { offsets[part + 1] += offsets[part] }
        var cursor = offsets
        var edges = [Int32](repeating: 0, count: Int(offsets[partCount]))
        for node in 0..<graph.nodeCount {
            let part = Int(partOfNode[node])
            for slot in Int(rowOffsets[node])..<Int(rowOffsets[node + 1])
            where partOfNode[Int(rowNodes[slot])] != Int32(part) {
                edges[Int(cursor[part])] = rowEdges[slot]
                cursor[part] += 1
            }
        }
        return (offsets, edges)
    }
}

extension PathwayIndex {
    /// The `chains` decomposition on the index: maximal non-branching runs of steps, cut at starts, ends,
    /// decisions and merges (by kind, and by degree); a loop of plain steps is its own cyclic part. The same parts,
    /// in the same order, as ``PathwayGraph/decomposition(_:options:)`` with `.chains`.
    ///
    /// - Complexity: O(V + E), no `String`.
    public func chainPartition() -> IndexedPartition {
        var before = [Bool](repeating: false, count: stepCount)
        var after = [Bool](repeating: false, count: stepCount)
        kinds.values.withUnsafeBufferPointer { kinds in
            for node in 0..<kinds.count {
                switch kinds[node] {
                case .start, .merge: before[node] = true
                case .end, .decision, .parallel: after[node] = true
                case .activity, .reference: break
                }
            }
        }
        let chains = graph.chains(cutBefore: before, cutAfter: after)
        return IndexedPartition(
            index: self, strategy: .chains, members: chains.nodes, offsets: chains.offsets, cyclic: chains.isCyclic)
    }
}
