extension IndexedPartition {
    /// Reads, ahead of a writer, what the links of a later part will read: the part of each step its steps link to
    /// or from (``crossings(of:outgoing:into:)`` compares it) and the offset and first bytes of that step's name (the
    /// writer copies the name). On a network whose steps link at random nearly every one of those reads misses the
    /// cache and waits for memory; read ahead, independently of the writing, the misses of several parts overlap
    /// instead of coming one after another.
    ///
    /// The values read are only folded into ``touched`` (so that the reads are kept): reading ahead changes nothing
    /// that is written.
    struct ReadAhead {
        /// How many parts ahead the steps' parts and name offsets are read; the names' bytes are read half as far
        /// ahead, once their offsets are in the cache.
        static let distance = 16

        private let rows: Rows
        private let nameOffsets: [Int32]
        private let nameBytes: [UInt8]
        /// The values read, folded together.
        private(set) var touched: UInt64 = 0

        init(_ partition: IndexedPartition) {
            rows = Rows(partition)
            nameOffsets = partition.index.stepIDs.interner.nameOffsets
            nameBytes = partition.index.stepIDs.interner.nameBytes
        }

        /// Reads ahead of part `position`, the writer's next.
        ///
        /// - Complexity: O(links of the steps of two parts).
        @inline(__always)
        mutating func advance(from position: Int) {
            touch(position + Self.distance, names: false)
            touch(position + Self.distance / 2, names: true)
        }

        /// Reads the parts and name offsets (or the names' first bytes) of the steps the steps of `part` link to
        /// and from.
        private mutating func touch(_ part: Int, names: Bool) {
            guard part + 1 < rows.offsets.count else { return }
            var folded: UInt64 = 0
            func read(_ other: Int32) {
                let other = Int(other)
                if names {
                    let start = Int(nameOffsets[other])
                    if start < nameBytes.count { folded &+= UInt64(nameBytes[start]) }
                } else {
                    folded &+= UInt64(
                        UInt32(bitPattern: rows.partOfNode[other]) ^ UInt32(bitPattern: nameOffsets[other]))
                }
            }
            for slot in Int(rows.offsets[part])..<Int(rows.offsets[part + 1]) {
                let node = Int(rows.members[slot])
                for row in Int(rows.successorOffsets[node])..<Int(rows.successorOffsets[node + 1]) {
                    read(rows.successorTargets[row])
                }
                for row in Int(rows.predecessorOffsets[node])..<Int(rows.predecessorOffsets[node + 1]) {
                    read(rows.predecessorSources[row])
                }
            }
            touched ^= folded
        }
    }
}
