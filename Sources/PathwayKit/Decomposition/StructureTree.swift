extension PathwayGraph {
    /// The `structure` decomposition from the program structure tree (see
    /// ``CompactGraph/programStructureTree(entries:exits:)``): the top level is the high-level linear pathway, made
    /// of `sequence` fragments (runs of steps in no region), `loop` fragments (a region entered by an edge whose
    /// target is also entered from inside it) and `block` fragments (a decision with its alternatives up to where
    /// they join again). A fragment lists the steps directly inside it as `steps` and its nested regions as
    /// `children`, so every step appears exactly once in the tree; unlike the dominator construction, a loop body is
    /// split into nested fragments too.
    ///
    /// Regions holding no whole step, or exactly the steps of the region around them, are skipped. Steps and
    /// fragments of a level are in topological order of the strongly connected components (Kahn's order), and in
    /// depth-first order within a component.
    ///
    /// - Complexity: O(V + E) for the tree and the levels, plus O(d · (V + E)) for the boundary links of fragments
    ///   nested d deep (see `numbered(_:)`).
    func programStructureFragments() -> [Subpathway] {
        let n = graph.nodeCount
        let none = Int32(-1)
        let tree = graph.programStructureTree(entries: nodes(ofKind: .start), exits: nodes(ofKind: .end))
        let regionCount = tree.regionCount

        // Node order: components in Kahn's topological order of the condensation, depth-first order inside one.
        let components = graph.stronglyConnectedComponents()
        var condensationSources: [Int32] = []
        var condensationTargets: [Int32] = []
        for node in 0..<Int32(n) {
            let from = components.componentOfNode[Int(node)]
            for next in graph.successors(of: node) where components.componentOfNode[Int(next)] != from {
                condensationSources.append(from)
                condensationTargets.append(components.componentOfNode[Int(next)])
            }
        }
        let condensation = CompactGraph(
            nodeCount: components.componentCount, sources: condensationSources, targets: condensationTargets)
        let componentOrder = condensation.topologicalOrder() ?? (0..<Int32(components.componentCount)).reversed()
        var componentStart = [Int](repeating: 0, count: components.componentCount + 1)
        for component in components.componentOfNode { componentStart[Int(component) + 1] += 1 }
        var bucketStart = [Int](repeating: 0, count: components.componentCount)
        var position = 0
        for component in componentOrder {
            bucketStart[Int(component)] = position
            position += componentStart[Int(component) + 1]
        }
        var order = [Int32](repeating: 0, count: n)
        var placed = [Bool](repeating: false, count: n)
        for node in tree.nodeOrder where !placed[Int(node)] {
            placed[Int(node)] = true
            let component = Int(components.componentOfNode[Int(node)])
            order[bucketStart[component]] = node
            bucketStart[component] += 1
        }
        for node in 0..<Int32(n) where !placed[Int(node)] {
            let component = Int(components.componentOfNode[Int(node)])
            order[bucketStart[component]] = node
            bucketStart[component] += 1
        }

        // Whole steps per region (its own and nested), children before parents.
        var childHead = [Int32](repeating: none, count: regionCount)
        var childNext = [Int32](repeating: none, count: regionCount)
        var roots: [Int32] = []
        for region in stride(from: Int32(regionCount - 1), through: 0, by: -1) {
            let parent = tree.regionParent[Int(region)]
            if parent < 0 {
                roots.append(region)
            } else {
                childNext[Int(region)] = childHead[Int(parent)]
                childHead[Int(parent)] = region
            }
        }
        var preorder: [Int32] = []
        preorder.reserveCapacity(regionCount)
        var stack = roots
        while let region = stack.popLast() {
            preorder.append(region)
            var child = childHead[Int(region)]
            while child != none {
                stack.append(child)
                child = childNext[Int(child)]
            }
        }
        var count = [Int](repeating: 0, count: regionCount)
        for region in tree.regionOfNode where region >= 0 { count[Int(region)] += 1 }
        for region in preorder.reversed() {
            let parent = tree.regionParent[Int(region)]
            if parent >= 0 { count[Int(parent)] += count[Int(region)] }
        }
        // Kept regions, and for every region the nearest kept one around or at it (-1: the top level).
        var kept = [Int32](repeating: none, count: regionCount)
        for region in preorder {
            let parent = tree.regionParent[Int(region)]
            let around = parent >= 0 ? kept[Int(parent)] : none
            let aroundCount = around >= 0 ? count[Int(around)] : n
            kept[Int(region)] = count[Int(region)] > 0 && count[Int(region)] < aroundCount ? region : around
        }
        func keptRegion(of node: Int32) -> Int32 {
            let region = tree.regionOfNode[Int(node)]
            return region >= 0 ? kept[Int(region)] : none
        }
        func keptParent(_ region: Int32) -> Int32 {
            let parent = tree.regionParent[Int(region)]
            return parent >= 0 ? kept[Int(parent)] : none
        }

        // Items of each level (index regionCount is the top level), in node order; a region sits where its first
        // step comes.
        let top = regionCount
        var items = [[(isRegion: Bool, id: Int32)]](repeating: [], count: regionCount + 1)
        var directNodes = [[Int32]](repeating: [], count: regionCount + 1)
        var seen = [Bool](repeating: false, count: regionCount)
        for node in order {
            let home = keptRegion(of: node)
            // Announce the not yet seen regions around the node, outermost first.
            var chain: [Int32] = []
            var region = home
            while region >= 0 && !seen[Int(region)] {
                seen[Int(region)] = true
                chain.append(region)
                region = keptParent(region)
            }
            for region in chain.reversed() {
                let parent = keptParent(region)
                items[parent >= 0 ? Int(parent) : top].append((true, region))
            }
            let level = home >= 0 ? Int(home) : top
            items[level].append((false, node))
            directNodes[level].append(node)
        }

        // Fragments children first.
        var built = [Subpathway?](repeating: nil, count: regionCount)
        let keptPreorder = preorder.filter { kept[Int($0)] == $0 }
        for region in keptPreorder.reversed() {
            var fragment = subpathway(number: 0, nodes: directNodes[Int(region)])
            fragment.children = items[Int(region)].filter(\.isRegion).compactMap { built[Int($0.id)] }
            // A loop: the region is entered by a transition (or from the virtual start) whose target has other
            // predecessors, which single entry puts inside the region.
            let header = tree.regionEntryTarget[Int(region)]
            let isLoop =
                !tree.isNodeEdgeEntry[Int(region)] && header >= 0
                && graph.inDegree(of: header) > (tree.regionEntrySource[Int(region)] >= 0 ? 1 : 0)
            if isLoop {
                fragment.kind = "loop"
                fragment.isCyclic = true
            } else {
                fragment.kind = "block"
                let entry = tree.regionEntrySource[Int(region)]
                let exit = tree.regionExitTarget[Int(region)]
                let entryLabel = entry >= 0 ? index.label(Index(raw: entry)) : "entry"
                let exitLabel = exit >= 0 ? index.label(Index(raw: exit)) : "exit"
                fragment.title = "\(entryLabel) … \(exitLabel)"
            }
            built[Int(region)] = fragment
        }

        // The top level: runs of steps in no region, and regions.
        var phases: [Subpathway] = []
        var run: [Int32] = []
        func closeRun() {
            guard !run.isEmpty else { return }
            var fragment = subpathway(number: 0, nodes: run)
            fragment.kind = "sequence"
            phases.append(fragment)
            run = []
        }
        for item in items[top] {
            if item.isRegion {
                closeRun()
                if let fragment = built[Int(item.id)] { phases.append(fragment) }
            } else {
                run.append(item.id)
            }
        }
        closeRun()
        return numbered(phases)

    }
}
