/// Output bytes gathered in one buffer through a raw pointer and handed to a sink a chunk at a time: for writers
/// that put out hundreds of megabytes in pieces of a few bytes (ids, indents, punctuation), where an `Array` append
/// per piece (uniqueness and capacity checks, a `memcpy` call) costs more than the copy.
///
/// Short pieces are copied with one or two (overlapping) word loads and stores, never touching a byte outside the
/// piece. Not copyable: it owns its memory.
struct ByteOutput: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The number of bytes written since the last flush.
    private(set) var count = 0

    /// An empty buffer with room for about `capacity` bytes (it grows when needed).
    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        let newCapacity = max(needed, 2 * capacity)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Appends bytes as they are.
    @inline(__always)
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress else { return }
        let length = bytes.count
        reserve(length)
        let target = UnsafeMutableRawPointer(base + count)
        if length >= 8 && length <= 16 {
            // Two overlapping words: the first eight bytes and the last eight.
            target.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
            target.storeBytes(
                of: source.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self), toByteOffset: length - 8,
                as: UInt64.self)
        } else if length >= 4 && length < 8 {
            target.storeBytes(of: source.loadUnaligned(as: UInt32.self), as: UInt32.self)
            target.storeBytes(
                of: source.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self), toByteOffset: length - 4,
                as: UInt32.self)
        } else if length < 4 {
            for offset in 0..<length {
                target.storeBytes(
                    of: source.load(fromByteOffset: offset, as: UInt8.self), toByteOffset: offset, as: UInt8.self)
            }
        } else {
            target.copyMemory(from: source, byteCount: length)
        }
        count += length
    }

    /// Appends bytes as they are.
    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(UnsafeRawBufferPointer(bytes))
    }

    /// Appends bytes as they are.
    @inline(__always)
    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// Appends a literal as it is.
    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends a text's UTF-8 bytes.
    mutating func append(text: String) {
        TextBuffer.withUTF8(text) { append($0) }
    }

    /// Appends one byte.
    @inline(__always)
    mutating func append(byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Appends `count` copies of a byte.
    @inline(__always)
    mutating func append(repeating byte: UInt8, count repeats: Int) {
        guard repeats > 0 else { return }
        reserve(repeats)
        (base + count).initialize(repeating: byte, count: repeats)
        count += repeats
    }

    /// Appends an integer in decimal, as `String(value)` writes it.
    @inline(__always)
    mutating func append(decimal value: Int) {
        TextBuffer.withDigits(value) { append($0) }
    }

    /// Hands the bytes written so far to `sink` (in place, no copy: valid only during the call) and forgets them,
    /// when there are at least `threshold` of them.
    mutating func flush(atLeast threshold: Int = 0, to sink: (UnsafeRawBufferPointer) -> Void) {
        guard count > 0, count >= threshold else { return }
        sink(UnsafeRawBufferPointer(start: base, count: count))
        count = 0
    }
}
