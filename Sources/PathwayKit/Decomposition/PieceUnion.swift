import Foundation

/// Disjoint pieces of a graph's nodes that grow by joining: union–find (union by size, path halving) that also
/// keeps each piece's members as a circular linked list, so a piece can be walked in time proportional to its size
/// without allocating.
///
/// A class over one block of memory it owns (three `Int32` per node, side by side, freed with it): the union is looked
/// up on every transition several times over, and plain arrays would pay a uniqueness and a bounds check on each
/// access; a node's three numbers share a cache line, so a lookup on a large graph, where nodes are far apart in
/// memory, costs one miss rather than one per number.
/// A root is the first member of its piece: a piece joins the larger one (the first on a tie), whose root was its
/// first member. Nodes passed in must be in `0 ..< count`.
final class PieceUnion {
    /// The number of nodes.
    let count: Int
    /// For node `i`: at `3 i` its link (the parent of a node that is not a root; minus the number of nodes in the
    /// piece at a root), at `3 i + 1` the number of nodes in the piece that count towards the size cap (valid at
    /// roots), at `3 i + 2` the member after it, members making a circular list (the root after the last).
    private let storage: UnsafeMutablePointer<Int32>

    /// One piece per node; `countsTowardsWeight` says which nodes count towards ``weight(_:)``.
    ///
    /// - Complexity: O(V).
    init(count: Int, countsTowardsWeight: (Int32) -> Bool) {
        self.count = count
        storage = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, 3 * count))
        for node in 0..<count {
            storage[3 * node] = -1
            storage[3 * node + 1] = countsTowardsWeight(Int32(node)) ? 1 : 0
            storage[3 * node + 2] = Int32(node)
        }
    }

    /// The link of a node: its parent, or minus its piece's size at a root.
    @inline(__always)
    private func link(_ node: Int) -> Int32 { storage[3 * node] }

    @inline(__always)
    private func setLink(_ node: Int, _ value: Int32) { storage[3 * node] = value }

    deinit { storage.deallocate() }

    /// The piece (its root) of a node.
    ///
    /// - Complexity: amortised nearly O(1).
    @inline(__always)
    func root(_ node: Int32) -> Int32 {
        precondition(node >= 0 && Int(node) < count, "node out of range")
        var node = Int(node)
        while link(node) >= 0 {
            let parent = Int(link(node))
            if link(parent) >= 0 { setLink(node, link(parent)) }
            node = Int(link(node))
        }
        return Int32(node)
    }

    /// Whether a node is the root of its piece (a node that is not one never becomes one again).
    @inline(__always)
    func isRoot(_ node: Int32) -> Bool { link(Int(node)) < 0 }

    /// The number of nodes in a root's piece.
    @inline(__always)
    func size(_ root: Int32) -> Int32 { -link(Int(root)) }

    /// The number of nodes in a root's piece that count towards the size cap.
    @inline(__always)
    func weight(_ root: Int32) -> Int32 { storage[3 * Int(root) + 1] }

    /// Joins the pieces of two nodes: the smaller piece (the second on a tie) joins the larger one.
    ///
    /// - Returns: The root of the joined piece.
    @discardableResult
    func join(_ first: Int32, _ second: Int32) -> Int32 {
        var a = Int(root(first))
        var b = Int(root(second))
        guard a != b else { return Int32(a) }
        if link(a) > link(b) { swap(&a, &b) }
        setLink(a, link(a) + link(b))
        setLink(b, Int32(a))
        storage[3 * a + 1] += storage[3 * b + 1]
        // Two circular lists become one by exchanging the successors of one member of each.
        (storage[3 * a + 2], storage[3 * b + 2]) = (storage[3 * b + 2], storage[3 * a + 2])
        return Int32(a)
    }

    /// The first member of a root's piece: the root.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    func firstMember(ofRoot root: Int32) -> Int32 { root }

    /// Makes the union a table of each node's root (``compactedRoot(_:)``) in the first third of its memory, and
    /// gives the rest of its pages back to the system at once: for the last pass over the pieces, which needs only
    /// the roots, so that the union does not hold three numbers per node while that pass's arrays are made. No other
    /// method may be called afterwards.
    ///
    /// - Complexity: O(V).
    func compactToRoots() {
        // First each root into the member slot (links only are read, and path halving writes links only); then
        // the roots moved down: entry `i` is written after every slot `3 j + 2` with `j <= i` was read, and
        // `3 j + 2 > i` for every later `j`.
        for node in 0..<count { storage[3 * node + 2] = root(Int32(node)) }
        for node in 0..<count { storage[node] = storage[3 * node + 2] }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let base = Int(bitPattern: storage)
        let start = (base + count * MemoryLayout<Int32>.stride + page - 1) & ~(page - 1)
        let end = (base + 3 * count * MemoryLayout<Int32>.stride) & ~(page - 1)
        if end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) {
            _ = madvise(pointer, end - start, MADV_DONTNEED)
        }
    }

    /// After ``compactToRoots()``: the entry of a node, its root unless changed by ``setCompactedRoot(_:_:)``.
    @inline(__always)
    func compactedRoot(_ node: Int32) -> Int32 { storage[Int(node)] }

    /// After ``compactToRoots()``: replaces the entry of a node.
    @inline(__always)
    func setCompactedRoot(_ node: Int32, _ value: Int32) { storage[Int(node)] = value }

    /// The member after `node` in its piece (whose root is `root`), or `-1` after the last one. The members come
    /// in no particular order after the root.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    func member(after node: Int32, root: Int32) -> Int32 {
        let following = storage[3 * Int(node) + 2]
        return following == root ? -1 : following
    }
}
