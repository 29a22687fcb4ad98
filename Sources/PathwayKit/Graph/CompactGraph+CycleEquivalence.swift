/// Cycle equivalence classes of a graph's edges (Johnson, Pearson and Pingali, PLDI 1994).
///
/// Two edges are *cycle equivalent* when every cycle through one passes through the other. In a strongly connected
/// directed graph this is the same relation as on its undirected version, which is what ``CompactGraph/cycleEquivalence(root:)``
/// computes.
public struct CycleEquivalence: Sendable, Hashable {
    /// The class of each edge, numbered from 0 in the order classes are created.
    public let classOfEdge: [Int32]
    /// The number of classes.
    public let classCount: Int
}

extension CompactGraph {
    /// The cycle equivalence classes of the edges, treated as undirected, by the bracket-list algorithm of Johnson,
    /// Pearson and Pingali: one undirected depth-first search, then one pass over the nodes in reverse preorder that
    /// keeps for each node the list of *brackets* (back edges from its subtree to a proper ancestor) in a doubly
    /// linked list with O(1) concatenation, push and delete. A tree edge's class is named by the top bracket and the
    /// list size; a back edge takes the class of the tree edge it alone brackets, or a class of its own.
    ///
    /// The graph should be connected and bridgeless as an undirected graph (for example strongly connected). A
    /// self-loop, a bridge, or an edge the search from `root` does not reach gets a class of its own.
    ///
    /// - Parameter root: Where the depth-first search starts.
    /// - Returns: The class of every edge.
    /// - Complexity: O(V + E) time and memory; no recursion.
    public func cycleEquivalence(root: Int32) -> CycleEquivalence {
        let edgeTotal = edgeCount
        let none = Int32(-1)
        let infinity = Int32.max
        // Undirected incidence: for a node, its successor slots then its predecessor slots.
        func degree(_ node: Int32) -> Int { outDegree(of: node) + inDegree(of: node) }
        func incident(_ node: Int32, _ index: Int) -> (edge: Int32, other: Int32) {
            let out = outDegree(of: node)
            if index < out {
                let slot = Int(successorOffsets[Int(node)]) + index
                return (successorEdges[slot], successorTargets[slot])
            }
            let slot = Int(predecessorOffsets[Int(node)]) + index - out
            return (predecessorEdges[slot], predecessorSources[slot])
        }
        func isSelfLoop(_ node: Int32, _ other: Int32) -> Bool { node == other }

        // 1. Iterative undirected depth-first search: preorder numbers and tree edges.
        var number = [Int32](repeating: none, count: nodeCount)
        var parentEdge = [Int32](repeating: none, count: nodeCount)
        var preorder: [Int32] = []
        preorder.reserveCapacity(nodeCount)
        var stack: [(node: Int32, next: Int)] = []
        if nodeCount > 0 {
            number[Int(root)] = 0
            preorder.append(root)
            stack.append((root, 0))
        }
        while let top = stack.last {
            if top.next == degree(top.node) {
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].next += 1
            let (edge, other) = incident(top.node, top.next)
            guard !isSelfLoop(top.node, other), number[Int(other)] == none else { continue }
            number[Int(other)] = Int32(preorder.count)
            parentEdge[Int(other)] = edge
            preorder.append(other)
            stack.append((other, 0))
        }

        // 2. Bracket lists. Brackets 0..<edgeTotal are back edges; capping brackets are appended after them.
        var previous = [Int32](repeating: none, count: edgeTotal)
        var following = [Int32](repeating: none, count: edgeTotal)
        var recentSize = [Int32](repeating: -1, count: edgeTotal)
        var recentClass = [Int32](repeating: none, count: edgeTotal)
        var head = [Int32](repeating: none, count: nodeCount)
        var tail = [Int32](repeating: none, count: nodeCount)
        var size = [Int32](repeating: 0, count: nodeCount)
        // Capping brackets to delete at each node (a singly linked list through `capNext`).
        var capHead = [Int32](repeating: none, count: nodeCount)
        var capNext = [Int32](repeating: none, count: edgeTotal)
        var hi = [Int32](repeating: infinity, count: nodeCount)
        var classOfEdge = [Int32](repeating: none, count: edgeTotal)
        var classCount: Int32 = 0
        func newClass() -> Int32 {
            classCount += 1
            return classCount - 1
        }
        func newBracket() -> Int32 {
            previous.append(none)
            following.append(none)
            recentSize.append(-1)
            recentClass.append(none)
            capNext.append(none)
            return Int32(previous.count - 1)
        }
        func push(_ bracket: Int32, onto node: Int) {
            previous[Int(bracket)] = tail[node]
            following[Int(bracket)] = none
            if tail[node] != none { following[Int(tail[node])] = bracket } else { head[node] = bracket }
            tail[node] = bracket
            size[node] += 1
        }
        func delete(_ bracket: Int32, from node: Int) {
            let before = previous[Int(bracket)]
            let after = following[Int(bracket)]
            if before != none { following[Int(before)] = after } else { head[node] = after }
            if after != none { previous[Int(after)] = before } else { tail[node] = before }
            size[node] -= 1
        }
        func append(list child: Int, to node: Int) {
            guard head[child] != none else { return }
            if tail[node] == none {
                head[node] = head[child]
            } else {
                following[Int(tail[node])] = head[child]
                previous[Int(head[child])] = tail[node]
            }
            tail[node] = tail[child]
            size[node] += size[child]
        }

        // 3. Nodes in reverse preorder: every descendant before its ancestors.
        for node in preorder.reversed() {
            let n = Int(node)
            let own = number[n]
            var hi0 = infinity
            var hi1 = infinity
            var hi2 = infinity
            for index in 0..<degree(node) {
                let (edge, other) = incident(node, index)
                if isSelfLoop(node, other) { continue }
                if parentEdge[Int(other)] == edge && other != root {
                    // A tree edge to a child.
                    let childHi = hi[Int(other)]
                    if childHi < hi1 {
                        hi2 = hi1
                        hi1 = childHi
                    } else if childHi < hi2 {
                        hi2 = childHi
                    }
                } else if edge != parentEdge[n], number[Int(other)] < own {
                    hi0 = min(hi0, number[Int(other)])
                }
            }
            hi[n] = min(hi0, hi1)
            // The bracket list: the children's lists, less the brackets ending here, plus those starting here.
            for index in 0..<degree(node) {
                let (edge, other) = incident(node, index)
                if !isSelfLoop(node, other), parentEdge[Int(other)] == edge, other != root {
                    append(list: Int(other), to: n)
                }
            }
            var cap = capHead[n]
            while cap != none {
                delete(cap, from: n)
                cap = capNext[Int(cap)]
            }
            for index in 0..<degree(node) {
                let (edge, other) = incident(node, index)
                if isSelfLoop(node, other) || parentEdge[Int(other)] == edge || edge == parentEdge[n] { continue }
                if number[Int(other)] > own {
                    // A back edge from a descendant ends here.
                    delete(edge, from: n)
                    if classOfEdge[Int(edge)] == none { classOfEdge[Int(edge)] = newClass() }
                }
            }
            for index in 0..<degree(node) {
                let (edge, other) = incident(node, index)
                if isSelfLoop(node, other) || parentEdge[Int(other)] == edge || edge == parentEdge[n] { continue }
                if number[Int(other)] < own { push(edge, onto: n) }
            }
            if hi2 < hi0 && hi2 < own {
                // A capping back edge to the node numbered hi2.
                let bracket = newBracket()
                push(bracket, onto: n)
                let target = Int(preorder[Int(hi2)])
                capNext[Int(bracket)] = capHead[target]
                capHead[target] = bracket
            }
            // The tree edge from the parent.
            let treeEdge = parentEdge[n]
            guard node != root, treeEdge != none else { continue }
            let top = tail[n]
            if top == none {
                classOfEdge[Int(treeEdge)] = newClass()  // A bridge.
                continue
            }
            if recentSize[Int(top)] != size[n] {
                recentSize[Int(top)] = size[n]
                recentClass[Int(top)] = newClass()
            }
            classOfEdge[Int(treeEdge)] = recentClass[Int(top)]
            if recentSize[Int(top)] == 1 && Int(top) < edgeTotal { classOfEdge[Int(top)] = classOfEdge[Int(treeEdge)] }
        }
        // Self-loops and unreached edges.
        for edge in 0..<edgeTotal where classOfEdge[edge] == none { classOfEdge[edge] = newClass() }
        return CycleEquivalence(classOfEdge: classOfEdge, classCount: Int(classCount))
    }
}
