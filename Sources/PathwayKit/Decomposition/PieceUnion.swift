/// Disjoint pieces of a graph's nodes that grow by joining: union–find (union by size, path halving) that also
/// keeps each piece's members as a circular linked list, so a piece can be walked in time proportional to its size
/// without allocating.
struct PieceUnion {
    private var parent: [Int32]
    /// Number of nodes in the piece (valid at roots).
    private(set) var size: [Int32]
    /// Number of nodes in the piece that count towards the size cap (valid at roots).
    private(set) var weight: [Int32]
    /// Members as a circular list: `next` per node; `last` at the root is the piece's last member, and the member
    /// after it is the first.
    private var last: [Int32]
    private var next: [Int32]

    /// One piece per node; `countsTowardsWeight` says which nodes count towards ``weight``.
    ///
    /// - Complexity: O(V).
    init(count: Int, countsTowardsWeight: (Int32) -> Bool) {
        parent = [Int32](unsafeUninitializedCapacity: count) { buffer, initialised in
            for node in 0..<count { buffer[node] = Int32(node) }
            initialised = count
        }
        size = [Int32](repeating: 1, count: count)
        weight = [Int32](unsafeUninitializedCapacity: count) { buffer, initialised in
            for node in 0..<count { buffer[node] = countsTowardsWeight(Int32(node)) ? 1 : 0 }
            initialised = count
        }
        last = parent
        next = parent
    }

    /// The piece (its root) of a node.
    ///
    /// - Complexity: amortised nearly O(1).
    @inline(__always)
    mutating func root(_ node: Int32) -> Int32 {
        var node = Int(node)
        parent.withUnsafeMutableBufferPointer { parent in
            while parent[node] != Int32(node) {
                parent[node] = parent[Int(parent[node])]
                node = Int(parent[node])
            }
        }
        return Int32(node)
    }

    /// Joins the pieces of two nodes; the members of the larger piece (the first on a tie) come first.
    ///
    /// - Returns: The root of the joined piece.
    @discardableResult
    mutating func join(_ first: Int32, _ second: Int32) -> Int32 {
        var a = root(first)
        var b = root(second)
        guard a != b else { return a }
        if size[Int(a)] < size[Int(b)] { swap(&a, &b) }
        parent[Int(b)] = a
        size[Int(a)] += size[Int(b)]
        weight[Int(a)] += weight[Int(b)]
        let (lastA, lastB) = (last[Int(a)], last[Int(b)])
        let (firstA, firstB) = (next[Int(lastA)], next[Int(lastB)])
        next[Int(lastA)] = firstB
        next[Int(lastB)] = firstA
        last[Int(a)] = lastB
        return a
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
