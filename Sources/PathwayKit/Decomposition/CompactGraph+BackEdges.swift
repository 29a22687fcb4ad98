extension CompactGraph {
    /// The back edges of a depth-first search: for each successor slot (an index into ``successorTargets``),
    /// whether it leads to a node on the current search path. Removing them leaves an acyclic graph.
    ///
    /// - Parameter roots: Where the search starts, in order; nodes it does not reach are then searched from by
    ///   ascending id.
    /// - Complexity: O(V + E), with an explicit stack.
    func backEdgeSlots(roots: [Int32]) -> [Bool] {
        let new: UInt8 = 0
        let open: UInt8 = 1
        let done: UInt8 = 2
        var state = [UInt8](repeating: new, count: nodeCount)
        var isBack = [Bool](repeating: false, count: edgeCount)
        var stack: [(node: Int32, slot: Int32)] = []
        func search(from start: Int32) {
            state[Int(start)] = open
            stack.append((start, successorOffsets[Int(start)]))
            while let (node, slot) = stack.last {
                guard slot < successorOffsets[Int(node) + 1] else {
                    state[Int(node)] = done
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].slot += 1
                let target = successorTargets[Int(slot)]
                switch state[Int(target)] {
                case new:
                    state[Int(target)] = open
                    stack.append((target, successorOffsets[Int(target)]))
                case open: isBack[Int(slot)] = true
                default: break
                }
            }
        }
        for root in roots where state[Int(root)] == new { search(from: root) }
        for node in 0..<Int32(nodeCount) where state[Int(node)] == new { search(from: node) }
        return isBack
    }
}
