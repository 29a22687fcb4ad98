/// Tests on eight bytes at once (SWAR, "SIMD within a register"), so that escaping writers skip the long runs of
/// text that hold nothing to escape without looking at each byte.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Nonzero when some byte of `word` equals `value`.
    @inline(__always)
    static func has(_ word: UInt64, _ value: UInt8) -> UInt64 {
        let bits = word ^ (ones &* UInt64(value))
        return (bits &- ones) & ~bits & highs
    }

    /// Nonzero when some byte of `word` is below `value` (which is at most 128).
    @inline(__always)
    static func hasBelow(_ word: UInt64, _ value: UInt8) -> UInt64 {
        (word &- ones &* UInt64(value)) & ~word & highs
    }

    /// The index of the first byte from `index` on that may need attention: the start of the first eight-byte
    /// word, read from `index` onwards, for which `mayHold` is true, or the start of the last, shorter piece.
    ///
    /// - Parameters:
    ///   - utf8: The bytes.
    ///   - index: Where to start.
    ///   - mayHold: Whether a word (bytes in memory order, little-endian) may hold a byte that needs attention;
    ///     it must be true for every word that does.
    @inline(__always)
    static func skip(
        _ utf8: UnsafeBufferPointer<UInt8>, from index: Int, unless mayHold: (UInt64) -> Bool
    ) -> Int {
        guard let base = utf8.baseAddress else { return index }
        var index = index
        while index + 8 <= utf8.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            if mayHold(word) { break }
            index += 8
        }
        return index
    }
}
