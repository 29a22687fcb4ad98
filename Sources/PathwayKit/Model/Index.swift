/// A dense, typed position of one element of a loaded project: the `n`-th step, staff group, competency, resource
/// or sub-pathway, numbered once when it is read.
///
/// The tag keeps kinds apart, so a step number cannot be passed where a staff group number is expected
/// (`Index<Step>` and `Index<StaffGroup>` are different types). Numbers are assigned in input order, which makes
/// every ordering built on them deterministic. Names and attributes live in side tables (``IndexedColumn``) indexed
/// by it; algorithms, analysis and writers pass indices, and `String`s appear only where ids are read or text is
/// written.
public struct Index<Tag>: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The position, from 0.
    public let raw: Int32

    /// An index from its raw position.
    @inlinable
    public init(raw: Int32) { self.raw = raw }

    /// An index from an `Int` position.
    ///
    /// - Precondition: `position` fits in `Int32`.
    @inlinable
    public init(_ position: Int) { self.raw = Int32(position) }

    /// The position as an `Int`, for subscripting arrays.
    @inlinable
    public var position: Int { Int(raw) }

    @inlinable
    public static func < (lhs: Index, rhs: Index) -> Bool { lhs.raw < rhs.raw }

    public var description: String { "#\(raw)" }
}

/// One value per element of a kind, stored densely and read by that kind's ``Index``: a side table.
public struct IndexedColumn<Tag, Value> {
    /// The values, in index order.
    public var values: [Value]

    /// An empty column.
    public init() { values = [] }

    /// A column holding `values`, the `n`-th for index `n`.
    public init(_ values: [Value]) { self.values = values }

    /// A column of `count` copies of `value`.
    public init(repeating value: Value, count: Int) { values = Array(repeating: value, count: count) }

    /// The number of elements.
    @inlinable
    public var count: Int { values.count }

    /// Every index of the column, in order.
    public var indices: [Index<Tag>] { (0..<values.count).map { Index<Tag>($0) } }

    /// Appends a value and returns its index.
    @discardableResult
    public mutating func append(_ value: Value) -> Index<Tag> {
        values.append(value)
        return Index<Tag>(values.count - 1)
    }

    /// Reserves room for `capacity` values.
    public mutating func reserveCapacity(_ capacity: Int) { values.reserveCapacity(capacity) }

    /// The value of an element.
    @inlinable
    public subscript(index: Index<Tag>) -> Value {
        get { values[index.position] }
        set { values[index.position] = newValue }
    }
}

extension IndexedColumn: Sendable where Value: Sendable {}
extension IndexedColumn: Equatable where Value: Equatable {}
extension IndexedColumn: Hashable where Value: Hashable {}
