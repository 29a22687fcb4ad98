/// One value per element that holds no storage while every value is the column's default: a side table for
/// attributes most inputs never give (the stage, setting, share, staff and competency offsets of a bare edge list).
///
/// Values are appended one per element. While all of them equal the default only the count is kept; the first other
/// value fills the storage with the defaults before it, and from then on the column is a plain array. Reading costs
/// one branch more than an array.
struct LazyColumn<Value: Equatable & Sendable>: Sendable {
    /// The value of every element not given another.
    let defaultValue: Value
    /// The number of elements.
    private(set) var count: Int
    /// Every element's value once one differs from the default; empty before.
    private var values: [Value] = []
    /// Room to reserve when the storage is made.
    private var expected = 0

    /// A column of `count` defaults.
    init(default value: Value, count: Int = 0) {
        defaultValue = value
        self.count = count
    }

    /// Whether every element holds the default (nothing is stored).
    var isUniform: Bool { values.isEmpty }

    /// Whether a value stands for the default (`NaN` for a default of `NaN`, which equals nothing).
    @inline(__always)
    private func isDefault(_ value: Value) -> Bool {
        // A value unequal to itself is a NaN; it stands for a NaN default.
        value == defaultValue || (value != value && defaultValue != defaultValue)
    }

    /// Makes the storage: `count` defaults.
    private mutating func materialise() {
        values = [Value](repeating: defaultValue, count: count)
        values.reserveCapacity(max(expected, count))
    }

    /// Every element's value, as an array (made of the defaults when nothing is stored).
    ///
    /// - Complexity: O(1) when values are stored, O(count) otherwise.
    var elements: [Value] { values.isEmpty ? [Value](repeating: defaultValue, count: count) : values }

    /// Appends an element's value.
    ///
    /// - Complexity: O(1) amortised; O(count) once, for the first value that is not the default.
    @inline(__always)
    mutating func append(_ value: Value) {
        if values.isEmpty {
            guard !isDefault(value) else {
                count += 1
                return
            }
            materialise()
        }
        values.append(value)
        count += 1
    }

    /// Appends `count` copies of a value.
    ///
    /// - Complexity: O(1) for the default while nothing is stored, O(count) otherwise.
    mutating func append(_ value: Value, count added: Int) {
        guard added > 0 else { return }
        if values.isEmpty {
            guard !isDefault(value) else {
                count += added
                return
            }
            materialise()
        }
        values.append(contentsOf: repeatElement(value, count: added))
        count += added
    }

    /// Reserves room for `capacity` elements, used once values are stored.
    mutating func reserveCapacity(_ capacity: Int) {
        expected = capacity
        if !values.isEmpty { values.reserveCapacity(capacity) }
    }

    /// The value of the element at `position`.
    subscript(position: Int) -> Value {
        @inline(__always) get {
            precondition(position >= 0 && position < count, "position out of range")
            return values.isEmpty ? defaultValue : values[position]
        }
        set {
            precondition(position >= 0 && position < count, "position out of range")
            if values.isEmpty {
                guard !isDefault(newValue) else { return }
                materialise()
            }
            values[position] = newValue
        }
    }
}
