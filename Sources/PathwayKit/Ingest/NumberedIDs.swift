/// Finds ids that are a fixed prefix and a number (`s17`, `4711`, `ENSG00000139618`) by their number, in an array,
/// instead of hashing their bytes: edge lists often number their nodes, and then a lookup is a digit loop and one
/// array read (near the last one when ids follow the file), with no hash table and no byte comparison.
///
/// The form is taken from the first id: its bytes before the final run of digits are the prefix (at most 8 bytes);
/// a run starting with `0` (and longer than one digit) fixes the width, otherwise numbers are written without leading
/// zeros. An id is *numbered* when it has the prefix and a run of digits of that form whose value is below
/// ``limit``; then the text and the number determine each other, so two ids are equal exactly when their numbers
/// are. Every other id is left to the hash table. Which way an id goes depends only on its bytes, so an id always
/// gets the same number either way.
struct NumberedIDs {
    /// The prefix's bytes, in the low bytes of a word, and their count; `length` is -1 before the first id, -2
    /// when numbering is off.
    private var prefix: UInt64 = 0
    private var prefixLength = -1
    /// The number of digits every number has, or 0 when numbers have no leading zeros.
    private var width = 0
    /// Numbers at or above this are left to the hash table.
    let limit: Int
    /// `slots[n]` is the id of number `n`, plus 1 (0: not seen yet).
    private var slots: [Int32] = []

    /// Numbering for an input of about `bytes` bytes: numbers below `bytes / 8` (at least 65,536), so that the
    /// array takes at most half the input's size.
    init(inputSize bytes: Int) {
        limit = max(1 << 16, bytes / 8)
    }

    /// Whether numbering is off (the first id had no digits or too long a prefix).
    var isOff: Bool { prefixLength == -2 }

    /// Whether the form is known: taken from the first id, or numbering off.
    var isFormKnown: Bool { prefixLength != -1 }

    /// The same form with no number seen yet, for another reader of the same input (ids it numbers are numbered
    /// as this numbering would number them).
    func sameForm() -> NumberedIDs {
        var numbering = self
        numbering.slots = []
        return numbering
    }

    /// Takes the form from an id, when it is the first one met (nothing otherwise).
    @inline(__always)
    mutating func learn(from pointer: UnsafeRawPointer, _ length: Int) {
        if prefixLength == -1 { learn(pointer.assumingMemoryBound(to: UInt8.self), length) }
    }

    /// Takes the form from an id (the first one met).
    private mutating func learn(_ pointer: UnsafePointer<UInt8>, _ length: Int) {
        var digits = 0
        while digits < length && pointer[length - 1 - digits] &- 0x30 < 10 { digits += 1 }
        let stem = length - digits
        guard digits > 0, digits <= 9, stem <= 8 else {
            prefixLength = -2
            return
        }
        prefixLength = stem
        prefix = 0
        for offset in 0..<stem { prefix |= UInt64(pointer[offset]) << (8 * UInt64(offset)) }
        width = pointer[stem] == 0x30 && digits > 1 ? digits : 0
    }

    /// The number of a numbered id, or `nil` when the id is not numbered (including before the form is known).
    ///
    /// - Complexity: O(length).
    @inline(__always)
    func number(_ pointer: UnsafePointer<UInt8>, _ length: Int) -> Int? {
        let stem = prefixLength
        guard stem >= 0, length > stem else { return nil }
        var word: UInt64 = 0
        for offset in 0..<stem { word |= UInt64(pointer[offset]) << (8 * UInt64(offset)) }
        guard word == prefix else { return nil }
        let digits = length - stem
        if width > 0 {
            guard digits == width else { return nil }
        } else {
            guard digits <= 9, pointer[stem] != 0x30 || digits == 1 else { return nil }
        }
        var value = 0
        for offset in stem..<length {
            let digit = pointer[offset] &- 0x30
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int(digit)
            // A fixed width may hold more digits than fit below the limit.
            if value >= limit { return nil }
        }
        return value
    }

    /// The number of a numbered id given as raw bytes, or `nil`.
    @inline(__always)
    func number(_ pointer: UnsafeRawPointer, _ length: Int) -> Int? {
        number(pointer.assumingMemoryBound(to: UInt8.self), length)
    }

    /// The id of a byte string: its number's, looked up or given the next id of `interner` when new, for a
    /// numbered id; otherwise found or added through the interner's hash table.
    ///
    /// - Complexity: O(length) expected.
    @inline(__always)
    mutating func intern(_ pointer: UnsafeRawPointer, _ length: Int, in interner: inout ByteInterner) -> Int32 {
        learn(from: pointer, length)
        guard let number = number(pointer, length) else {
            return interner.internHashed(pointer, length, hash: ByteInterner.hash(pointer, length))
        }
        return id(ofNumber: number, pointer, length, in: &interner)
    }

    /// The id of the numbered id `number` (spelt by the bytes), given the next id of `interner` when new.
    @inline(__always)
    mutating func id(
        ofNumber number: Int, _ pointer: UnsafeRawPointer, _ length: Int, in interner: inout ByteInterner
    ) -> Int32 {
        if number >= slots.count { growSlots(to: number) }
        let known = slots[number]
        if known > 0 { return known - 1 }
        let id = interner.appendUnhashed(pointer, length)
        slots[number] = id + 1
        return id
    }

    /// The slot of a number, read only to bring it into the cache ahead of use.
    @inline(__always)
    func peek(_ number: Int) -> Int32 {
        number < slots.count ? slots[number] : 0
    }

    /// Enters the ids an interner holds already (a node table read before the edges), so that a numbered id met
    /// later finds its earlier id; the form is taken from the first of them.
    mutating func enter(_ interner: ByteInterner) {
        for id in 0..<interner.count {
            interner.withName(id) { name in
                guard let base = name.baseAddress else { return }
                let bytes = base.assumingMemoryBound(to: UInt8.self)
                if prefixLength == -1 { learn(bytes, name.count) }
                guard let number = number(bytes, name.count) else { return }
                if number >= slots.count { growSlots(to: number) }
                slots[number] = Int32(id) + 1
            }
        }
    }

    /// Makes room for number `number`, doubling.
    private mutating func growSlots(to number: Int) {
        var size = max(slots.count, 1 << 12)
        while size <= number { size *= 2 }
        // Read at random: on huge pages (``HugePages``) when large.
        var grown = HugePages.array(repeating: Int32(0), count: min(size, limit))
        grown.replaceSubrange(0..<slots.count, with: slots)
        slots = grown
    }
}
