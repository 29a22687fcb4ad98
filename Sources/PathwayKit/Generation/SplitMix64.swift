/// A small, fast, seeded random number generator (Steele, Lea and Flood's SplitMix64), so that generated networks
/// are the same for the same seed on every machine and run.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0 ..< bound`, by multiply-shift (bias below 2^-32 for the bounds used here).
    public mutating func below(_ bound: Int) -> Int {
        Int((UInt64(UInt32(truncatingIfNeeded: next() >> 32)) &* UInt64(bound)) >> 32)
    }

    /// A number in `0 ..< 1`.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
