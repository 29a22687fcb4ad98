extension Array {
    /// Gives back the room reserved beyond the elements, when it is more than an eighth of them, by copying them
    /// into a buffer of their own size: for columns that have finished growing (an estimate or the last doubling
    /// can leave half of a large column unused for the rest of the run).
    ///
    /// - Complexity: O(count) when it copies, O(1) otherwise.
    mutating func releaseUnusedCapacity() {
        guard capacity - count > Swift.max(count / 8, 4096 / Swift.max(1, MemoryLayout<Element>.stride)) else {
            return
        }
        self = withUnsafeBufferPointer { source in
            Array(unsafeUninitializedCapacity: source.count) { buffer, initialized in
                initialized = buffer.initialize(fromContentsOf: source)
            }
        }
    }
}
