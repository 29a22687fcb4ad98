import Foundation

/// Interns byte strings: each distinct id gets the next `Int32`, looked up by an open-addressing hash table over
/// the bytes, so that no `String` is made per field.
///
/// A reader that adds no more ids may drop the table to save memory (``releaseTable()``); the first lookup after
/// that builds it again, once, into a ``LateValue`` that the copies holding the same names share, so that
/// ``lookUp(_:)`` is never a scan of the names.
///
/// Each slot holds the upper 32 bits of the id's hash beside the id, so a probe touches one cache line and compares
/// the bytes only on a hash match; slots are picked from the hash's upper bits, so the table can grow without the
/// full hashes.
struct ByteInterner {
    /// The bytes of every id, one after another.
    private(set) var nameBytes: [UInt8] = []
    /// `nameOffsets[i] ..< nameOffsets[i + 1]` is id `i` in ``nameBytes``.
    private(set) var nameOffsets: [Int32] = [0]
    /// `(hash >> 32) << 32 | (id + 1)`, or 0 for an empty slot.
    private var slots: [UInt64]
    private var shift: UInt64
    private var limit: Int
    /// The number of ids in the table.
    private var tableCount = 0
    /// Whether some ids were added without the table (``appendUnhashed(_:_:)``): the table is then built again
    /// before it is next used, except by ``internHashed(_:_:hash:)``.
    private var isTablePartial = false
    /// The table ``lookUp(_:)`` builds on first use when ``slots`` is released or partial: made by
    /// ``releaseTable()`` and ``prepareLookup()``, dropped by any change to the names, so that copies share it only
    /// while they hold the same names.
    private var lateTable: LateValue<LookupSlots>?

    /// A lookup table made after the reader released its own (``lateTable``): slots laid out as ``slots`` are.
    struct LookupSlots: Sendable {
        var slots: [UInt64]
        var shift: UInt64
    }

    init(capacity: Int = 1 << 12) {
        var bits: UInt64 = 4
        while (1 << bits) * 3 < capacity * 5 { bits += 1 }  // at most 60 % full at the expected size
        slots = [UInt64](repeating: 0, count: 1 << bits)
        shift = 64 - bits
        limit = (1 << bits) * 3 / 5
        nameBytes.reserveCapacity(capacity * 8)
        nameOffsets.reserveCapacity(capacity + 1)
    }

    var count: Int { nameOffsets.count - 1 }

    /// The number of ids in the hash table.
    var hashedCount: Int { tableCount }

    /// Reserves room for the bytes and offsets of about `capacity` ids (not for the table), on huge pages when
    /// there are none yet and the room is large (names are read at random by writers).
    mutating func reserveNames(_ capacity: Int) {
        HugePages.reserve(&nameBytes, capacity: capacity * 8)
        HugePages.reserve(&nameOffsets, capacity: capacity + 1)
    }

    /// Makes room for up to `ids` more ids of `bytes` more bytes in all, in one step, for a caller that knows what it
    /// may add (a merge): growing by doubling would hold the old names and twice their room at once.
    mutating func reserveMore(ids: Int, bytes: Int) {
        HugePages.reserve(&nameBytes, capacity: nameBytes.count + bytes)
        HugePages.reserve(&nameOffsets, capacity: nameOffsets.count + ids)
    }

    /// Makes the table large enough for about `capacity` ids without growing, in one step.
    mutating func reserveTable(_ capacity: Int) {
        guard !slots.isEmpty, !isTablePartial else { return }
        while capacity > limit { grow() }
    }

    /// A fast hash of a byte range: whole words, overlapping loads for the tail (never reading outside the range),
    /// and MurmurHash3's 64-bit finaliser.
    @inline(__always)
    static func hash(_ pointer: UnsafeRawPointer, _ length: Int) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(length &+ 1)
        if length >= 8 {
            var index = 0
            while index + 8 <= length {
                hash = (hash ^ pointer.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
                hash = (hash << 31) | (hash >> 33)
                index += 8
            }
            if index < length {
                hash ^= pointer.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self) &* 0x94D0_49BB_1331_11EB
            }
        } else if length >= 4 {
            let low = UInt64(pointer.loadUnaligned(as: UInt32.self))
            let high = UInt64(pointer.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self))
            hash ^= low | (high << 32)
        } else if length > 0 {
            let first = UInt64(pointer.load(as: UInt8.self))
            let middle = UInt64(pointer.load(fromByteOffset: length / 2, as: UInt8.self))
            let last = UInt64(pointer.load(fromByteOffset: length - 1, as: UInt8.self))
            hash ^= first | (middle << 8) | (last << 16)
        }
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash &*= 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash
    }

    /// Whether id `id`'s bytes equal a range.
    @inline(__always)
    func matches(_ id: Int, _ pointer: UnsafeRawPointer, _ length: Int) -> Bool {
        let start = Int(nameOffsets[id])
        let end = Int(nameOffsets[id + 1])
        guard end - start == length else { return false }
        return nameBytes.withUnsafeBytes { names in
            guard let base = names.baseAddress else { return length == 0 }
            return Self.equal(base + start, pointer, length)
        }
    }

    /// Whether two byte ranges of one length are equal: short ones (most ids) compared as one or two overlapping
    /// words in place of a `memcmp` call, never reading outside either range.
    @inline(__always)
    static func equal(_ first: UnsafeRawPointer, _ second: UnsafeRawPointer, _ length: Int) -> Bool {
        if length >= 8 && length <= 16 {
            return first.loadUnaligned(as: UInt64.self) == second.loadUnaligned(as: UInt64.self)
                && first.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
                    == second.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
        }
        if length >= 4 && length < 8 {
            return first.loadUnaligned(as: UInt32.self) == second.loadUnaligned(as: UInt32.self)
                && first.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)
                    == second.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)
        }
        if length < 4 {
            for offset in 0..<length
            where first.load(fromByteOffset: offset, as: UInt8.self)
                != second.load(fromByteOffset: offset, as: UInt8.self)
            {
                return false
            }
            return true
        }
        return memcmp(first, second, length) == 0
    }

    /// The id of a byte string, adding it if new.
    @inline(__always)
    mutating func intern(_ pointer: UnsafeRawPointer, _ length: Int) -> Int32 {
        intern(pointer, length, hash: Self.hash(pointer, length))
    }

    /// The slot a hash starts probing at, read only to bring it into the cache ahead of use (independent loads
    /// overlap their cache misses; the dependent probes that follow then hit).
    @inline(__always)
    func peek(_ hash: UInt64) -> UInt64 {
        slots.isEmpty ? 0 : slots[Int(truncatingIfNeeded: hash >> shift)]
    }

    /// Drops the hash table once no more ids will be added, keeping the names (without the room reserved for
    /// more); the first ``lookUp(_:)`` after this builds it again, once.
    mutating func releaseTable() {
        nameBytes.releaseUnusedCapacity()
        nameOffsets.releaseUnusedCapacity()
        slots = []
        tableCount = 0
        isTablePartial = false
        lateTable = LateValue()
    }

    /// Whether ``lookUp(_:)`` would scan the names: only a builder still adding ids without the table, never an
    /// index.
    var scansOnLookUp: Bool { (slots.isEmpty || isTablePartial) && lateTable == nil }

    /// Whether a lookup has built the table again since it was released (for tests).
    var hasBuiltLateTable: Bool { lateTable?.isBuilt ?? false }

    /// Makes sure that ``lookUp(_:)`` has a table to use when ``slots`` is not whole (some ids were added with
    /// ``appendUnhashed(_:_:)``): for a builder handing its names on.
    ///
    /// - Complexity: O(1).
    mutating func prepareLookup() {
        if (slots.isEmpty || isTablePartial) && lateTable == nil { lateTable = LateValue() }
    }

    /// Adds an id known to be new without entering it in the table, for a caller that finds such ids by other
    /// means (``NumberedIDs``); the table is built again, with every id, when next used other than through
    /// ``internHashed(_:_:hash:)``.
    ///
    /// - Returns: The new id.
    @inline(__always)
    mutating func appendUnhashed(_ pointer: UnsafeRawPointer, _ length: Int) -> Int32 {
        let id = count
        isTablePartial = true
        if lateTable != nil { lateTable = nil }
        nameBytes.append(contentsOf: UnsafeRawBufferPointer(start: pointer, count: length))
        nameOffsets.append(Int32(nameBytes.count))
        return Int32(id)
    }

    /// The id of a byte string whose ``hash(_:_:)`` is known, adding it if new.
    @inline(__always)
    mutating func intern(_ pointer: UnsafeRawPointer, _ length: Int, hash: UInt64) -> Int32 {
        if slots.isEmpty || isTablePartial { rebuildTable() }
        return internHashed(pointer, length, hash: hash)
    }

    /// ``intern(_:_:hash:)`` for a caller that added ids with ``appendUnhashed(_:_:)`` and never asks for those
    /// here: the table is used as it is.
    @inline(__always)
    mutating func internHashed(_ pointer: UnsafeRawPointer, _ length: Int, hash: UInt64) -> Int32 {
        if slots.isEmpty { rebuildTable() }
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash >> shift)
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let id = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                if matches(id, pointer, length) { return Int32(id) }
            }
            slot = (slot + 1) & mask
        }
        let id = count
        slots[slot] = tag | UInt64(id + 1)
        if lateTable != nil { lateTable = nil }
        nameBytes.append(contentsOf: UnsafeRawBufferPointer(start: pointer, count: length))
        nameOffsets.append(Int32(nameBytes.count))
        tableCount += 1
        if tableCount > limit { grow() }
        return Int32(id)
    }

    /// Whether a byte range spells id `id` (a cheap check before hashing, for ids that repeat from row to row).
    @inline(__always)
    func isName(_ id: Int32, _ pointer: UnsafeRawPointer, _ length: Int) -> Bool {
        id >= 0 && Int(id) < count && matches(Int(id), pointer, length)
    }

    /// The id of a byte string given as a buffer, adding it if new.
    mutating func intern(_ buffer: UnsafeRawBufferPointer) -> Int32 {
        let empty: UInt8 = 0
        if let base = buffer.baseAddress { return intern(base, buffer.count) }
        return withUnsafePointer(to: empty) { intern(UnsafeRawPointer($0), 0) }
    }

    /// The id of a string, if it has been interned.
    ///
    /// - Complexity: O(length) expected; the first lookup after ``releaseTable()`` (or ``prepareLookup()``) also
    ///   builds the table again, in O(total length), once for every copy holding these names.
    func lookUp(_ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { buffer -> Int32? in
            let empty: UInt8 = 0
            return withUnsafePointer(to: empty) { fallback -> Int32? in
                let pointer = buffer.baseAddress.map { UnsafeRawPointer($0) } ?? UnsafeRawPointer(fallback)
                let length = buffer.count
                let hash = Self.hash(pointer, length)
                if !slots.isEmpty, !isTablePartial {
                    return find(hash, pointer, length, slots: slots, shift: shift)
                }
                guard let lateTable else {
                    // Only a builder still adding ids without the table gets here; an index never does (its reader
                    // released the table, or its builder prepared the lookup).
                    return (0..<count).first { matches($0, pointer, length) }.map { Int32($0) }
                }
                let table = lateTable.value { filledSlots() }
                return find(hash, pointer, length, slots: table.slots, shift: table.shift)
            }
        }
    }

    /// The id with a hash and bytes in a table of slots, if it is there.
    @inline(__always)
    private func find(
        _ hash: UInt64, _ pointer: UnsafeRawPointer, _ length: Int, slots: [UInt64], shift: UInt64
    ) -> Int32? {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash >> shift)
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let id = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                if matches(id, pointer, length) { return Int32(id) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Calls `body` with the bytes of id `id`.
    @inline(__always)
    func withName<Result>(_ id: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try nameBytes.withUnsafeBytes {
            try body(UnsafeRawBufferPointer(rebasing: $0[Int(nameOffsets[id])..<Int(nameOffsets[id + 1])]))
        }
    }

    /// The number of bytes of id `id`.
    @inline(__always)
    func length(of id: Int) -> Int { Int(nameOffsets[id + 1] - nameOffsets[id]) }

    /// The id of a string, adding it if new.
    mutating func intern(_ text: String) -> Int32 {
        var text = text
        let empty: UInt8 = 0
        return text.withUTF8 { buffer in
            if let base = buffer.baseAddress { return intern(UnsafeRawPointer(base), buffer.count) }
            return withUnsafePointer(to: empty) { intern(UnsafeRawPointer($0), 0) }
        }
    }

    /// Builds the hash table again after ``releaseTable()``, from the names.
    private mutating func rebuildTable() {
        let table = filledSlots()
        slots = table.slots
        shift = table.shift
        limit = table.slots.count * 3 / 5
        tableCount = count
        isTablePartial = false
        lateTable = nil
    }

    /// A table of slots holding every id, at most 60 % full.
    ///
    /// - Complexity: O(total length).
    private func filledSlots() -> LookupSlots {
        var bits: UInt64 = 4
        while (1 << bits) * 3 < (count + 16) * 5 { bits += 1 }
        var slots = [UInt64](repeating: 0, count: 1 << bits)
        let shift = 64 - bits
        let mask = slots.count - 1
        for id in 0..<count {
            let hash = withName(id) { name in
                let empty: UInt8 = 0
                return withUnsafePointer(to: empty) { Self.hash(name.baseAddress ?? UnsafeRawPointer($0), name.count) }
            }
            var slot = Int(truncatingIfNeeded: hash >> shift)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(id + 1)
        }
        return LookupSlots(slots: slots, shift: shift)
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        shift -= 1
        limit = slots.count * 3 / 5
        let mask = slots.count - 1
        for entry in old where entry != 0 {
            var slot = Int(truncatingIfNeeded: entry >> shift)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    /// The names, for handing out.
    var names: NodeNames { NodeNames(bytes: nameBytes, offsets: nameOffsets) }
}

/// The ids of a graph's nodes, kept as UTF-8 bytes and offsets (one allocation, not one `String` per node).
public struct NodeNames: Sendable, Hashable {
    /// The bytes of every name, one after another.
    public let bytes: [UInt8]
    /// `offsets[i] ..< offsets[i + 1]` is node `i`'s name in ``bytes``.
    public let offsets: [Int32]

    /// The number of names.
    public var count: Int { offsets.count - 1 }

    /// The name of a node, as a string.
    public subscript(node: Int32) -> String {
        String(decoding: bytes[Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1])], as: UTF8.self)
    }
}
