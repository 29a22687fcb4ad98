import Foundation

/// One field of a row: a byte range of the input, and whether it was quoted with doubled quotes inside (then its
/// text needs unescaping).
struct FieldSpan {
    var start: Int
    var end: Int
    var hasEscapes: Bool
}

/// Splits delimited text into rows of fields without copying: comma, tab or whitespace separated, `#` comment
/// lines and blank lines skipped, `\r\n` accepted, double quotes (with `""` inside) in comma and tab mode.
///
/// The scanner works on a raw buffer that must outlive it; it never allocates per row once `fields` has grown.
struct EdgeListScanner {
    /// How fields are separated.
    enum Delimiter: Equatable {
        case comma, tab, whitespace

        var byte: UInt8 {
            switch self {
            case .comma: UInt8(ascii: ",")
            case .tab: UInt8(ascii: "\t")
            case .whitespace: UInt8(ascii: " ")
            }
        }
    }

    /// A malformed row: the line and what is wrong.
    struct Problem: Error {
        var line: Int
        var message: String
    }

    let bytes: UnsafeRawBufferPointer
    let delimiter: Delimiter
    /// The position of the next unread byte.
    private(set) var position: Int
    /// The 1-based line of the last row returned.
    private(set) var line = 0
    /// The 1-based line the next row starts on.
    private(set) var nextLine: Int

    /// Creates a scanner over a buffer whose first byte is at the start of line `firstLine` (a chunk of a file
    /// read in pieces starts further down).
    init(bytes: UnsafeRawBufferPointer, delimiter: Delimiter, firstLine: Int = 1) {
        self.bytes = bytes
        self.delimiter = delimiter
        nextLine = firstLine
        // Skip a UTF-8 byte-order mark at the start of the file.
        let hasMark = firstLine == 1 && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        position = hasMark ? 3 : 0
    }

    /// Guesses the delimiter from the first line that is neither blank nor a comment: a tab if it has one, else
    /// a comma if it has one, else whitespace.
    static func delimiter(of bytes: UnsafeRawBufferPointer) -> Delimiter {
        var index = 0
        while index < bytes.count {
            var end = index
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            var first = index
            while first < end && (bytes[first] == 0x20 || bytes[first] == 0x09 || bytes[first] == 0x0D) { first += 1 }
            if first < end && bytes[first] != UInt8(ascii: "#") {
                var sawComma = false
                for position in first..<end {
                    if bytes[position] == 0x09 { return .tab }
                    if bytes[position] == UInt8(ascii: ",") { sawComma = true }
                }
                return sawComma ? .comma : .whitespace
            }
            index = end + 1
        }
        return .comma
    }

    /// Reads the next row that is not blank or a comment into `fields`.
    ///
    /// - Returns: `false` at the end of the input.
    /// - Throws: ``Problem`` for an unterminated quote.
    @inline(__always)
    mutating func nextRow(into fields: inout [FieldSpan]) throws -> Bool {
        let count = bytes.count
        while position < count {
            line = nextLine
            nextLine += 1
            var index = position
            // Skip leading blanks to spot comments and blank lines.
            while index < count, bytes[index] == 0x20 || bytes[index] == 0x09 && delimiter != .tab { index += 1 }
            if index >= count {
                position = count
                return false
            }
            let first = bytes[index]
            if first == 0x0A || (first == 0x0D && (index + 1 >= count || bytes[index + 1] == 0x0A))
                || first == UInt8(ascii: "#")
            {
                while index < count && bytes[index] != 0x0A { index += 1 }
                position = index + 1
                continue
            }
            fields.removeAll(keepingCapacity: true)
            if delimiter == .whitespace {
                while index < count {
                    let byte = bytes[index]
                    if byte == 0x0A {
                        index += 1
                        break
                    }
                    if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                        index += 1
                        continue
                    }
                    let start = index
                    while index < count {
                        let byte = bytes[index]
                        if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A { break }
                        index += 1
                    }
                    fields.append(FieldSpan(start: start, end: index, hasEscapes: false))
                }
            } else {
                index = position
                let separator = delimiter.byte
                while true {
                    if index < count && bytes[index] == UInt8(ascii: "\"") {
                        // A quoted field: up to the closing quote, "" standing for one quote.
                        let start = index + 1
                        var cursor = start
                        var escapes = false
                        while true {
                            guard cursor < count else {
                                throw Problem(line: line, message: "a quoted field is not closed")
                            }
                            if bytes[cursor] == UInt8(ascii: "\"") {
                                if cursor + 1 < count && bytes[cursor + 1] == UInt8(ascii: "\"") {
                                    escapes = true
                                    cursor += 2
                                    continue
                                }
                                break
                            }
                            if bytes[cursor] == 0x0A { nextLine += 1 }
                            cursor += 1
                        }
                        fields.append(FieldSpan(start: start, end: cursor, hasEscapes: escapes))
                        index = cursor + 1
                        while index < count && bytes[index] != separator && bytes[index] != 0x0A { index += 1 }
                    } else {
                        let start = index
                        while index < count && bytes[index] != separator && bytes[index] != 0x0A { index += 1 }
                        var end = index
                        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
                        fields.append(FieldSpan(start: start, end: end, hasEscapes: false))
                    }
                    if index < count && bytes[index] == separator {
                        index += 1
                        continue
                    }
                    index += 1
                    break
                }
            }
            position = index
            return true
        }
        return false
    }

    /// The text of a field, with blanks trimmed and `""` unescaped.
    func text(_ field: FieldSpan) -> String {
        var start = field.start
        var end = field.end
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D) { end -= 1 }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return field.hasEscapes ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
    }
}

/// Interns byte strings: each distinct id gets the next `Int32`, looked up by an open-addressing hash table over
/// the bytes, so that no `String` is made per field.
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
            return memcmp(base + start, pointer, length) == 0
        }
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

    /// Drops the hash table once no more ids will be added, keeping the names.
    mutating func releaseTable() {
        slots = []
    }

    /// The id of a byte string whose ``hash(_:_:)`` is known, adding it if new.
    @inline(__always)
    mutating func intern(_ pointer: UnsafeRawPointer, _ length: Int, hash: UInt64) -> Int32 {
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
        nameBytes.append(contentsOf: UnsafeRawBufferPointer(start: pointer, count: length))
        nameOffsets.append(Int32(nameBytes.count))
        if count > limit { grow() }
        return Int32(id)
    }

    /// Whether a byte range spells id `id` (a cheap check before hashing, for ids that repeat from row to row).
    @inline(__always)
    func isName(_ id: Int32, _ pointer: UnsafeRawPointer, _ length: Int) -> Bool {
        id >= 0 && Int(id) < count && matches(Int(id), pointer, length)
    }

    /// The id of a string, adding it if new.
    mutating func intern(_ text: String) -> Int32 {
        var text = text
        let empty: UInt8 = 0
        return text.withUTF8 { buffer in
            if let base = buffer.baseAddress { return intern(UnsafeRawPointer(base), buffer.count) }
            return withUnsafePointer(to: empty) { intern(UnsafeRawPointer($0), 0) }
        }
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
