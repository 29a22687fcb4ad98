/// Where each element of a kind was written, kept as a rule while the locations follow one: all the same (steps only
/// named by an edge list's rows), or one line after another in one file (the rows of an edge list). The first
/// location that breaks the rule stores every location, 12 bytes each.
///
/// A million-row edge list thus keeps its transitions' lines in a few bytes instead of 12 MB.
struct LocationColumn: Sendable {
    /// The number of elements.
    private(set) var count = 0
    /// The first location; with `step`, the rule while ``stored`` is empty.
    private var first = CompactLocation(file: Index(raw: 0), line: -1)
    /// How many lines each element is after the one before it while the rule holds (0 or 1).
    private var step: Int32 = 0
    /// Every location once the rule is broken; empty before.
    private var stored: [CompactLocation] = []
    /// Room to reserve when the locations are stored.
    private var expected = 0

    /// An empty column.
    init() {}

    /// The location the rule gives the element at `position`.
    @inline(__always)
    private func ruled(_ position: Int) -> CompactLocation {
        CompactLocation(
            file: first.file, line: first.line &+ step &* Int32(truncatingIfNeeded: position), column: first.column)
    }

    /// Stores every location the rule gives.
    private mutating func materialise() {
        stored.reserveCapacity(max(expected, count + 1))
        for position in 0..<count { stored.append(ruled(position)) }
    }

    /// Appends an element's location.
    ///
    /// - Complexity: O(1) amortised; O(count) once, when the rule first breaks.
    @inline(__always)
    mutating func append(_ location: CompactLocation) {
        if stored.isEmpty {
            switch count {
            case 0:
                first = location
                count = 1
                return
            case 1
            where location.file == first.file && location.column == first.column
                && (location.line == first.line || location.line == first.line &+ 1):
                step = location.line &- first.line
                count = 2
                return
            default:
                if count > 1 && location == ruled(count) {
                    count += 1
                    return
                }
                materialise()
            }
        }
        stored.append(location)
        count += 1
    }

    /// Appends `count` copies of a location.
    ///
    /// - Complexity: O(1) while the rule holds all the same location, O(count) otherwise.
    mutating func append(_ location: CompactLocation, count added: Int) {
        var left = added
        // The first two set the rule; after that, copies of a location the rule repeats cost nothing.
        while left > 0 && (count < 2 || !stored.isEmpty || step != 0 || location != first) {
            append(location)
            left -= 1
            guard stored.isEmpty else { break }
        }
        guard left > 0 else { return }
        if stored.isEmpty && step == 0 && location == first {
            count += left
        } else {
            stored.append(contentsOf: repeatElement(location, count: left))
            count += left
        }
    }

    /// Appends the locations of `other`, each `lineShift` lines further down: the same column as appending them one
    /// by one.
    ///
    /// - Complexity: O(1) when `other` continues this column's rule of one line after another (the second half of
    ///   an edge list after the first), O(other's count) otherwise.
    mutating func append(contentsOf other: LocationColumn, lineShift: Int32) {
        guard other.count > 0 else { return }
        var head = other.first
        head.line &+= lineShift
        if stored.isEmpty, other.stored.isEmpty, count >= 2, head == ruled(count),
            other.count == 1 || other.step == step
        {
            count += other.count
            return
        }
        for position in 0..<other.count {
            var location = other[position]
            location.line &+= lineShift
            append(location)
        }
    }

    /// Reserves room for `capacity` locations, used once they are stored.
    mutating func reserveCapacity(_ capacity: Int) {
        expected = capacity
        if !stored.isEmpty { stored.reserveCapacity(capacity) }
    }

    /// The location of the element at `position`.
    subscript(position: Int) -> CompactLocation {
        @inline(__always) get {
            precondition(position >= 0 && position < count, "position out of range")
            return stored.isEmpty ? ruled(position) : stored[position]
        }
        set {
            precondition(position >= 0 && position < count, "position out of range")
            if stored.isEmpty {
                guard newValue != ruled(position) else { return }
                materialise()
            }
            stored[position] = newValue
        }
    }
}
