import Dispatch

/// An immutable directed graph in compressed sparse row form: dense `Int32` node ids, successor and predecessor
/// arrays, and for each adjacency slot the index of the input edge it came from.
///
/// Built once, in O(V + E), from parallel arrays of edge sources and targets; adjacency lists keep the edges'
/// input order, so every algorithm over it is deterministic.
public struct CompactGraph: Sendable, Hashable {
    /// The number of nodes; ids run from 0 to `nodeCount - 1`.
    public let nodeCount: Int
    /// `successorOffsets[v] ..< successorOffsets[v + 1]` is the range of `v`'s successors in `successorTargets`.
    public let successorOffsets: [Int32]
    public let successorTargets: [Int32]
    /// For each slot of `successorTargets`, the index of the input edge.
    public let successorEdges: [Int32]
    /// `predecessorOffsets[v] ..< predecessorOffsets[v + 1]` is the range of `v`'s predecessors.
    public let predecessorOffsets: [Int32]
    public let predecessorSources: [Int32]
    /// For each slot of `predecessorSources`, the index of the input edge.
    public let predecessorEdges: [Int32]

    /// The number of edges.
    public var edgeCount: Int { successorTargets.count }

    /// Builds the graph from edge lists.
    ///
    /// - Parameters:
    ///   - nodeCount: The number of nodes.
    ///   - sources: The source of each edge, in `0..<nodeCount`.
    ///   - targets: The target of each edge, in `0..<nodeCount`, same length as `sources`.
    /// - Precondition: Both arrays have the same length and every id is in range.
    /// - Complexity: O(V + E) time and memory (a counting sort per direction).
    public init(nodeCount: Int, sources: [Int32], targets: [Int32]) {
        self = sources.withUnsafeBufferPointer { sources in
            targets.withUnsafeBufferPointer { targets in
                CompactGraph(nodeCount: nodeCount, sources: sources, targets: targets)
            }
        }
    }

    /// Builds the graph from edge lists in memory another owner keeps (the index's transition columns), without
    /// copying them.
    ///
    /// - Precondition: Both buffers have the same length and every id is in range.
    /// - Complexity: O(V + E) time and memory (a counting sort per direction).
    init(nodeCount: Int, sources: UnsafeBufferPointer<Int32>, targets: UnsafeBufferPointer<Int32>) {
        precondition(sources.count == targets.count, "sources and targets differ in length")
        self.nodeCount = nodeCount
        guard sources.count >= Self.parallelRowsThreshold else {
            (successorOffsets, successorTargets, successorEdges) = Self.buildRows(
                nodeCount: nodeCount, keys: sources, values: targets)
            (predecessorOffsets, predecessorSources, predecessorEdges) = Self.buildRows(
                nodeCount: nodeCount, keys: targets, values: sources)
            return
        }
        // The two directions read the same columns and write arrays of their own: one on each of two threads. The
        // memory at the end is the same either way (each direction's arrays are kept), so nothing is held longer.
        nonisolated(unsafe) let sources = sources
        nonisolated(unsafe) let targets = targets
        nonisolated(unsafe) var rows: [([Int32], [Int32], [Int32])] = [([], [], []), ([], [], [])]
        rows.withUnsafeMutableBufferPointer { rows in
            nonisolated(unsafe) let rows = rows
            DispatchQueue.concurrentPerform(iterations: 2) { direction in
                rows[direction] =
                    direction == 0
                    ? Self.buildRows(nodeCount: nodeCount, keys: sources, values: targets)
                    : Self.buildRows(nodeCount: nodeCount, keys: targets, values: sources)
            }
        }
        (successorOffsets, successorTargets, successorEdges) = rows[0]
        (predecessorOffsets, predecessorSources, predecessorEdges) = rows[1]
    }

    /// Graphs with at least this many edges build their two directions on two threads (below, starting a thread
    /// costs more than it saves).
    static let parallelRowsThreshold = 1 << 16

    /// A counting sort of edges by key, stable in input order.
    private static func buildRows(
        nodeCount: Int, keys: UnsafeBufferPointer<Int32>, values: UnsafeBufferPointer<Int32>
    ) -> ([Int32], [Int32], [Int32]) {
        let edgeCount = keys.count
        // Written at random: on huge pages (``HugePages``) when large. Each key's count at its own index, summed
        // so that `offsets[k]` is where key `k`'s slots end; the edges then go in from the last, each key's slots
        // filled from their end, so that `offsets[k]` ends where they start and no second array of cursors is
        // needed (4 bytes a node less at the load's peak). Going backwards keeps each key's edges in input order.
        var offsets = HugePages.array(repeating: Int32(0), count: nodeCount + 1)
        var rowValues = HugePages.array(repeating: Int32(0), count: edgeCount)
        var rowEdges = HugePages.array(repeating: Int32(0), count: edgeCount)
        offsets.withUnsafeMutableBufferPointer { offsets in
            for key in keys { offsets[Int(key)] &+= 1 }
            for index in 0..<max(0, nodeCount - 1) { offsets[index + 1] &+= offsets[index] }
            offsets[nodeCount] = Int32(edgeCount)
            rowValues.withUnsafeMutableBufferPointer { rowValues in
                rowEdges.withUnsafeMutableBufferPointer { rowEdges in
                    for edge in stride(from: edgeCount - 1, through: 0, by: -1) {
                        let key = Int(keys[edge])
                        let slot = Int(offsets[key]) - 1
                        offsets[key] = Int32(slot)
                        rowValues[slot] = values[edge]
                        rowEdges[slot] = Int32(edge)
                    }
                }
            }
        }
        return (offsets, rowValues, rowEdges)
    }

    /// The positions of a node's edges out in the successor rows (`successorTargets`, `successorEdges`), in input
    /// edge order.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func successorSlots(of node: Int32) -> Range<Int> {
        Int(successorOffsets[Int(node)])..<Int(successorOffsets[Int(node) + 1])
    }

    /// The positions of a node's edges in in the predecessor rows (`predecessorSources`, `predecessorEdges`), in input
    /// edge order.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func predecessorSlots(of node: Int32) -> Range<Int> {
        Int(predecessorOffsets[Int(node)])..<Int(predecessorOffsets[Int(node) + 1])
    }

    /// The successors of a node, in input edge order.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func successors(of node: Int32) -> ArraySlice<Int32> {
        successorTargets[Int(successorOffsets[Int(node)])..<Int(successorOffsets[Int(node) + 1])]
    }

    /// The predecessors of a node, in input edge order.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func predecessors(of node: Int32) -> ArraySlice<Int32> {
        predecessorSources[Int(predecessorOffsets[Int(node)])..<Int(predecessorOffsets[Int(node) + 1])]
    }

    /// The number of edges leaving a node. O(1).
    @inlinable
    public func outDegree(of node: Int32) -> Int {
        Int(successorOffsets[Int(node) + 1] - successorOffsets[Int(node)])
    }

    /// The number of edges entering a node. O(1).
    @inlinable
    public func inDegree(of node: Int32) -> Int {
        Int(predecessorOffsets[Int(node) + 1] - predecessorOffsets[Int(node)])
    }
}
