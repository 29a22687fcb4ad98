/// Disjoint pieces of a graph's nodes that grow by joining: union–find (union by size, path halving) that also
/// keeps each piece's members as a linked list, so a piece can be walked in time proportional to its size.
struct PieceUnion {
    private var parent: [Int32]
    /// Number of nodes in the piece (valid at roots).
    private(set) var size: [Int32]
    /// Number of nodes in the piece that count towards the size cap (valid at roots).
    private(set) var weight: [Int32]
    /// Members as a linked list: `head` at the root, `next` per node, `-1` ends it; `tail` at the root.
    private var head: [Int32]
    private var tail: [Int32]
    private var next: [Int32]

    /// One piece per node; `weights` says which nodes count towards ``weight`` (1) and which do not (0).
    init(weights: [Int32]) {
        let count = weights.count
        parent = (0..<Int32(count)).map { $0 }
        size = [Int32](repeating: 1, count: count)
        weight = weights
        head = (0..<Int32(count)).map { $0 }
        tail = head
        next = [Int32](repeating: -1, count: count)
    }

    /// The piece (its root) of a node.
    ///
    /// - Complexity: amortised nearly O(1).
    mutating func root(_ node: Int32) -> Int32 {
        var node = node
        while parent[Int(node)] != node {
            parent[Int(node)] = parent[Int(parent[Int(node)])]
            node = parent[Int(node)]
        }
        return node
    }

    /// Joins the pieces of two nodes.
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
        next[Int(tail[Int(a)])] = head[Int(b)]
        tail[Int(a)] = tail[Int(b)]
        return a
    }

    /// The members of a root's piece, in no particular order.
    ///
    /// - Complexity: O(size of the piece).
    func members(ofRoot root: Int32) -> [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(Int(size[Int(root)]))
        var node = head[Int(root)]
        while node >= 0 {
            result.append(node)
            node = next[Int(node)]
        }
        return result
    }
}
