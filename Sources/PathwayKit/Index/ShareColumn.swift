/// The share of patients given for each transition, where one is: a 16-bit code per transition into the table of
/// the distinct values given (shares are written with few digits, so a pathway has few), 2 bytes per transition
/// instead of 8, and nothing while no transition gives one. Past 65,535 distinct values the column keeps the values
/// themselves.
///
/// Values are told apart by their bits, so a share reads back exactly as it was given.
struct ShareColumn: Sendable {
    /// `codes[e]` is 0 for no share, otherwise `distinct[codes[e] - 1]`; empty while no transition gives a share,
    /// and once ``plain`` holds the values. (Plain fields rather than an enum of the two forms, so that appending a
    /// code neither moves nor retains the tables: taking the arrays and the dictionary out of an enum and putting
    /// them back for every transition took about 2 % of the CPU time of `decompose --strategy chains` on a
    /// million-step edge list.)
    private var codes: [UInt16] = []
    private var distinct: [Double] = []
    private var codeOfBits: [UInt64: UInt16] = [:]
    /// Every value (`nan` for none), once there are too many distinct ones for codes.
    private var plain: [Double]?
    /// The number of transitions.
    private(set) var count = 0
    /// Room to reserve when codes are first stored.
    private var expected = 0

    /// An empty column.
    init() {}

    /// Whether no transition gives a share (nothing is stored).
    var isUniform: Bool { plain == nil && codes.isEmpty }

    /// Reserves room for `capacity` transitions, used once a share is stored.
    mutating func reserveCapacity(_ capacity: Int) {
        expected = capacity
    }

    /// Appends a transition's share (`nil` or `nan`: none).
    ///
    /// - Complexity: O(1) amortised; O(count) once for the first share, and once if the codes run out.
    mutating func append(_ share: Double?) {
        defer { count += 1 }
        let value = share ?? .nan
        if plain != nil {
            plain?.append(value)
            return
        }
        guard !value.isNaN else {
            if !codes.isEmpty { codes.append(0) }
            return
        }
        guard distinct.count < Int(UInt16.max) || codeOfBits[value.bitPattern] != nil else {
            // Out of codes: keep the values themselves from now on.
            var values = codes.map { $0 == 0 ? Double.nan : distinct[Int($0) - 1] }
            values.reserveCapacity(max(expected, count + 1))
            values.append(value)
            plain = values
            codes = []
            distinct = []
            codeOfBits = [:]
            return
        }
        let code = code(of: value)
        if codes.isEmpty {
            codes.reserveCapacity(max(expected, count + 1))
            codes += repeatElement(0, count: count)
        }
        codes.append(code)
    }

    /// Appends the shares of `other`: the same column as appending them one by one.
    ///
    /// - Complexity: O(other's count + its distinct values).
    mutating func append(contentsOf other: ShareColumn) {
        guard plain == nil, other.plain == nil, distinct.count + other.distinct.count < Int(UInt16.max) else {
            for position in 0..<other.count { append(other[position]) }
            return
        }
        // Other's values in its order of first use, which is the order appending one by one meets them in.
        var codeOfOther: [UInt16] = [0]
        for value in other.distinct { codeOfOther.append(code(of: value)) }
        codes.appendCodes(other.codes, count: other.count, mappedBy: codeOfOther, after: count, reserving: expected)
        count += other.count
    }

    /// The code of a value that is not `nan`, adding it to the distinct values if it is new.
    ///
    /// - Precondition: There are fewer than 65,535 distinct values.
    @inline(__always)
    private mutating func code(of value: Double) -> UInt16 {
        // A few distinct values (the usual case) are found by comparing bits, without hashing.
        let bits = value.bitPattern
        if distinct.count <= 8, let position = distinct.firstIndex(where: { $0.bitPattern == bits }) {
            return UInt16(position + 1)
        }
        if let known = codeOfBits[bits] { return known }
        distinct.append(value)
        let code = UInt16(distinct.count)
        codeOfBits[bits] = code
        return code
    }

    /// The share of the transition at `position`, if it gives one.
    subscript(position: Int) -> Double? {
        precondition(position >= 0 && position < count, "position out of range")
        if let plain {
            let value = plain[position]
            return value.isNaN ? nil : value
        }
        guard !codes.isEmpty, codes[position] > 0 else { return nil }
        return distinct[Int(codes[position]) - 1]
    }
}
