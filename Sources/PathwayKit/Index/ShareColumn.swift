/// The share of patients given for each transition, where one is: a 16-bit code per transition into the table of
/// the distinct values given (shares are written with few digits, so a pathway has few), 2 bytes per transition
/// instead of 8, and nothing while no transition gives one. Past 65,535 distinct values the column keeps the values
/// themselves.
///
/// Values are told apart by their bits, so a share reads back exactly as it was given.
struct ShareColumn: Sendable {
    /// How the shares are held.
    private enum Storage {
        /// `codes[e]` is 0 for no share, otherwise `distinct[codes[e] - 1]`; `codes` is empty while no transition
        /// gives a share.
        case coded(codes: [UInt16], distinct: [Double], codeOfBits: [UInt64: UInt16])
        /// Every value (`nan` for none), once there are too many distinct ones.
        case plain([Double])
    }

    private var storage = Storage.coded(codes: [], distinct: [], codeOfBits: [:])
    /// The number of transitions.
    private(set) var count = 0
    /// Room to reserve when codes are first stored.
    private var expected = 0

    /// An empty column.
    init() {}

    /// Whether no transition gives a share (nothing is stored).
    var isUniform: Bool {
        if case .coded(let codes, _, _) = storage { return codes.isEmpty }
        return false
    }

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
        if value.isNaN, isUniform { return }
        if case .plain(var values) = storage {
            // Bound, then taken out of the enum, so that the array is not copied.
            storage = .plain([])
            values.append(value)
            storage = .plain(values)
            return
        }
        guard case .coded(var codes, var distinct, var codeOfBits) = storage else { return }
        storage = .plain([])
        var code: UInt16 = 0
        if !value.isNaN {
            // A few distinct values (the usual case) are found by comparing bits, without hashing.
            let bits = value.bitPattern
            if distinct.count <= 8, let position = distinct.firstIndex(where: { $0.bitPattern == bits }) {
                code = UInt16(position + 1)
            } else if let known = codeOfBits[bits] {
                code = known
            } else if distinct.count < Int(UInt16.max) {
                distinct.append(value)
                code = UInt16(distinct.count)
                codeOfBits[value.bitPattern] = code
            } else {
                // Out of codes: keep the values themselves from now on.
                var values = codes.map { $0 == 0 ? Double.nan : distinct[Int($0) - 1] }
                values.reserveCapacity(max(expected, count + 1))
                values.append(value)
                storage = .plain(values)
                return
            }
        }
        if codes.isEmpty {
            codes.reserveCapacity(max(expected, count + 1))
            codes += repeatElement(0, count: count)
        }
        codes.append(code)
        storage = .coded(codes: codes, distinct: distinct, codeOfBits: codeOfBits)
    }

    /// The share of the transition at `position`, if it gives one.
    subscript(position: Int) -> Double? {
        precondition(position >= 0 && position < count, "position out of range")
        switch storage {
        case .coded(let codes, let distinct, _):
            guard !codes.isEmpty, codes[position] > 0 else { return nil }
            return distinct[Int(codes[position]) - 1]
        case .plain(let values):
            let value = values[position]
            return value.isNaN ? nil : value
        }
    }
}
