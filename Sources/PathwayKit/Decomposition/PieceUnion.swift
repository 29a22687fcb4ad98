/// Disjoint pieces of a graph's nodes that grow by joining: union–find (union by size, path halving) that also
/// keeps each piece's members as a circular linked list, so a piece can be walked in time proportional to its size
/// without allocating.
///
/// A class over one block of memory it owns (five `Int32` per node, freed with it): the union is looked up on every
/// transition several times over, and plain arrays would pay a uniqueness and a bounds check on each access.
/// Nodes passed in must be in `0 ..< count`.
final class PieceUnion {
    /// The number of nodes.
    let count: Int
    private let storage: UnsafeMutablePointer<Int32>
    private let parent: UnsafeMutablePointer<Int32>
    /// Number of nodes in the piece (valid at roots).
    private let sizes: UnsafeMutablePointer<Int32>
    /// Number of nodes in the piece that count towards the size cap (valid at roots).
    private let weights: UnsafeMutablePointer<Int32>
    /// Members as a circular list: `next` per node; `last` at the root is the piece's last member, and the member
    /// after it is the first.
    private let last: UnsafeMutablePointer<Int32>
    private let next: UnsafeMutablePointer<Int32>

    /// One piece per node; `countsTowardsWeight` says which nodes count towards ``weight(_:)``.
    ///
    /// - Complexity: O(V).
    init(count: Int, countsTowardsWeight: (Int32) -> Bool) {
        self.count = count
        storage = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, 5 * count))
        parent = storage
        sizes = storage + count
        weights = storage + 2 * count
        last = storage + 3 * count
        next = storage + 4 * count
        for node in 0..<count {
            parent[node] = Int32(node)
            sizes[node] = 1
            weights[node] = countsTowardsWeight(Int32(node)) ? 1 : 0
            last[node] = Int32(node)
            next[node] = Int32(node)
        }
    }

    deinit { storage.deallocate() }

    /// The piece (its root) of a node.
    ///
    /// - Complexity: amortised nearly O(1).
    @inline(__always)
    func root(_ node: Int32) -> Int32 {
        precondition(node >= 0 && Int(node) < count, "node out of range")
        var node = Int(node)
        while parent[node] != Int32(node) {
            parent[node] = parent[Int(parent[node])]
            node = Int(parent[node])
        }
        return Int32(node)
    }

    /// The number of nodes in a root's piece.
    @inline(__always)
    func size(_ root: Int32) -> Int32 { sizes[Int(root)] }

    /// The number of nodes in a root's piece that count towards the size cap.
    @inline(__always)
    func weight(_ root: Int32) -> Int32 { weights[Int(root)] }

    /// Joins the pieces of two nodes; the members of the larger piece (the first on a tie) come first.
    ///
    /// - Returns: The root of the joined piece.
    @discardableResult
    func join(_ first: Int32, _ second: Int32) -> Int32 {
        var a = Int(root(first))
        var b = Int(root(second))
        guard a != b else { return Int32(a) }
        if sizes[a] < sizes[b] { swap(&a, &b) }
        parent[b] = Int32(a)
        sizes[a] += sizes[b]
        weights[a] += weights[b]
        let (lastA, lastB) = (Int(last[a]), Int(last[b]))
        let (firstA, firstB) = (next[lastA], next[lastB])
        next[lastA] = firstB
        next[lastB] = firstA
        last[a] = Int32(lastB)
        return Int32(a)
    }

    /// The first member of a root's piece.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    func firstMember(ofRoot root: Int32) -> Int32 { next[Int(last[Int(root)])] }

    /// The member after `node` in its piece (whose root is `root`), or `-1` after the last one.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    func member(after node: Int32, root: Int32) -> Int32 { node == last[Int(root)] ? -1 : next[Int(node)] }
}
