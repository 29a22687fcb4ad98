/// How closely a decomposition agrees with an analyst's cut of the same pathway, measured over the steps the cut
/// names that the pathway holds.
///
/// - **Adjusted Rand index** (Hubert and Arabie 1985): agreement of the two partitions of those steps on every
///   pair of steps (together in both, or apart in both), corrected for chance: 1 is the same partition, about 0
///   what chance gives, negative worse than chance. When the index is undefined (fewer than two steps, or both
///   partitions all in one piece or all single steps) it is 1 if the partitions are the same, else 0.
/// - **Boundaries**: a boundary is a transition between two named steps (not a step to itself) whose ends lie in
///   different sub-pathways. *Precision* is the share of the decomposition's boundaries that are also the cut's;
///   *recall* the share of the cut's boundaries the decomposition also has. Each is `nil` when there is nothing to
///   divide by.
/// - **Differences**: for each of the cut's sub-pathways, the decomposition's sub-pathway sharing most of its
///   steps, and the Jaccard similarity of the two over named steps; the lowest first.
public struct CutAgreement: Hashable, Sendable {
    /// How one of the analyst's sub-pathways compares with its best match in the decomposition.
    public struct Difference: Hashable, Sendable {
        /// The analyst's sub-pathway.
        public var part: AnalystCut.Part
        /// The decomposition's sub-pathway sharing most of its steps (`nil` when none of its steps is in the
        /// pathway).
        public var match: String?
        /// |shared| / |union| over named steps, from 0 to 1.
        public var jaccard: Double
        /// The part's steps that the match does not hold, with the sub-pathway each is in instead.
        public var missing: [(step: StepID, subpathway: String)]
        /// Named steps of the match that the part does not hold.
        public var extra: [StepID]

        public static func == (lhs: Difference, rhs: Difference) -> Bool {
            lhs.part == rhs.part && lhs.match == rhs.match && lhs.jaccard == rhs.jaccard && lhs.extra == rhs.extra
                && lhs.missing.map(\.step) == rhs.missing.map(\.step)
                && lhs.missing.map(\.subpathway) == rhs.missing.map(\.subpathway)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(part)
            hasher.combine(match)
            hasher.combine(jaccard)
        }
    }

    public var pathway: PathwayID
    public var strategy: DecompositionStrategy
    /// The named steps the pathway holds (those the measures are over).
    public var stepCount: Int
    /// Named steps the pathway does not hold (left out of every measure).
    public var unknownSteps: [StepID]
    public var adjustedRandIndex: Double
    public var boundaryPrecision: Double?
    public var boundaryRecall: Double?
    /// The cut's boundaries (transitions between named steps in different parts).
    public var cutBoundaryCount: Int
    /// The decomposition's boundaries among the same transitions.
    public var decompositionBoundaryCount: Int
    /// Every part of the cut with its best match, lowest similarity first (ties in the cut's order).
    public var differences: [Difference]

    /// Scores a decomposition that places every step in at most one top-level sub-pathway (as `chains`, `stages`
    /// and the default do; for `structure` a step counts in its top-level phase, for `routes` in its first route).
    ///
    /// - Complexity: O(V + E + named steps).
    public init(cut: AnalystCut, decomposition: Decomposition, graph: PathwayGraph) {
        var pieceOfNode = [Int32](repeating: -1, count: graph.graph.nodeCount)
        for (index, subpathway) in decomposition.subpathways.enumerated() {
            for id in subpathway.allSteps {
                if let node = graph.node(id), pieceOfNode[Int(node)] < 0 { pieceOfNode[Int(node)] = Int32(index) }
            }
        }
        var partOfNode = [Int32](repeating: -1, count: graph.graph.nodeCount)
        var unknown: [StepID] = []
        var named: [Int32] = []
        for (index, part) in cut.parts.enumerated() {
            for id in part.steps {
                guard let node = graph.node(id) else {
                    unknown.append(id)
                    continue
                }
                partOfNode[Int(node)] = Int32(index)
                named.append(node)
            }
        }
        // A named step in no sub-pathway is a piece of its own.
        var nextPiece = Int32(decomposition.subpathways.count)
        for node in named where pieceOfNode[Int(node)] < 0 {
            pieceOfNode[Int(node)] = nextPiece
            nextPiece += 1
        }
        pathway = graph.pathway.id
        strategy = decomposition.strategy
        stepCount = named.count
        unknownSteps = unknown
        adjustedRandIndex = Self.adjustedRandIndex(
            named.map { Int(partOfNode[Int($0)]) }, named.map { Int(pieceOfNode[Int($0)]) })

        var cutBoundaries = 0
        var pieceBoundaries = 0
        var shared = 0
        for node in named {
            for next in graph.graph.successors(of: node) where next != node && partOfNode[Int(next)] >= 0 {
                let cutSplits = partOfNode[Int(node)] != partOfNode[Int(next)]
                let pieceSplits = pieceOfNode[Int(node)] != pieceOfNode[Int(next)]
                if cutSplits { cutBoundaries += 1 }
                if pieceSplits { pieceBoundaries += 1 }
                if cutSplits && pieceSplits { shared += 1 }
            }
        }
        cutBoundaryCount = cutBoundaries
        decompositionBoundaryCount = pieceBoundaries
        boundaryPrecision = pieceBoundaries > 0 ? Double(shared) / Double(pieceBoundaries) : nil
        boundaryRecall = cutBoundaries > 0 ? Double(shared) / Double(cutBoundaries) : nil

        func pieceName(_ piece: Int32) -> String {
            Int(piece) < decomposition.subpathways.count ? decomposition.subpathways[Int(piece)].id : "none"
        }
        var differences: [Difference] = []
        for (index, part) in cut.parts.enumerated() {
            let nodes = part.steps.compactMap { graph.node($0) }
            var counts: [Int32: Int] = [:]
            for node in nodes { counts[pieceOfNode[Int(node)], default: 0] += 1 }
            // The piece holding most of the part's steps; ties go to the one holding the earliest step.
            var best: Int32?
            for node in nodes {
                let piece = pieceOfNode[Int(node)]
                if best == nil || counts[piece, default: 0] > counts[best ?? piece, default: 0] { best = piece }
            }
            guard let best else {
                differences.append(Difference(part: part, match: nil, jaccard: 0, missing: [], extra: []))
                continue
            }
            let missing = nodes.filter { pieceOfNode[Int($0)] != best }.map {
                (StepID(graph.index.stepIDs[Index(raw: $0)]), pieceName(pieceOfNode[Int($0)]))
            }
            let extra = named.filter { pieceOfNode[Int($0)] == best && partOfNode[Int($0)] != Int32(index) }
            let inBoth = nodes.count - missing.count
            let jaccard = Double(inBoth) / Double(nodes.count + extra.count)
            differences.append(
                Difference(
                    part: part, match: pieceName(best), jaccard: jaccard, missing: missing,
                    extra: extra.map { StepID(graph.index.stepIDs[Index(raw: $0)]) }))
        }
        self.differences = differences.enumerated().sorted {
            ($0.element.jaccard, $0.offset) < ($1.element.jaccard, $1.offset)
        }.map(\.element)
    }

    /// The adjusted Rand index of two labellings of the same items (Hubert and Arabie 1985).
    ///
    /// - Returns: 1 for identical partitions (whatever the labels), about 0 for chance agreement; where the index is
    ///   undefined (fewer than two items, or both partitions trivial in the same way), 1 if the partitions are the
    ///   same and 0 if not.
    /// - Complexity: O(n) expected.
    public static func adjustedRandIndex(_ first: [Int], _ second: [Int]) -> Double {
        precondition(first.count == second.count, "the labellings must cover the same items")
        let n = first.count
        func pairs(_ count: Int) -> Double { Double(count) * Double(count - 1) / 2 }
        var cells: [Pair: Int] = [:]
        var rows: [Int: Int] = [:]
        var columns: [Int: Int] = [:]
        for index in 0..<n {
            cells[Pair(first: first[index], second: second[index]), default: 0] += 1
            rows[first[index], default: 0] += 1
            columns[second[index], default: 0] += 1
        }
        let index = cells.values.reduce(0) { $0 + pairs($1) }
        let rowSum = rows.values.reduce(0) { $0 + pairs($1) }
        let columnSum = columns.values.reduce(0) { $0 + pairs($1) }
        let total = pairs(n)
        let expected = total > 0 ? rowSum * columnSum / total : 0
        let maximum = (rowSum + columnSum) / 2
        guard maximum - expected != 0 else {
            // Both partitions are all one piece or all single steps (or there are fewer than two items).
            return cells.count == rows.count && cells.count == columns.count ? 1 : 0
        }
        return (index - expected) / (maximum - expected)
    }

    private struct Pair: Hashable {
        var first: Int
        var second: Int
    }
}
