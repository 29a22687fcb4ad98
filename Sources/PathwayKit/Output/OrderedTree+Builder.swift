extension OrderedTree {
    /// Builds a tree from the calls that write a document (``DocumentWriter``): the tree of what a
    /// ``JSONWriter`` given the same calls writes as text.
    struct Builder: DocumentWriter {
        /// An open container: its values so far, with their keys in an object.
        private struct Frame {
            /// The key this container is the value of, in an object.
            var key: String?
            var isObject: Bool
            var keys: [String] = []
            var values: [OrderedTree] = []
        }

        /// The containers open, outermost first.
        private var open: [Frame] = []
        /// The key of the next value, in an object.
        private var pendingKey: String?
        /// The document, once its outermost value is written.
        private(set) var tree: OrderedTree?

        mutating func beginObject() { begin(isObject: true) }
        mutating func endObject() { end() }
        mutating func beginArray() { begin(isObject: false) }
        mutating func endArray() { end() }
        mutating func key(_ name: String) { pendingKey = name }
        mutating func string(_ text: String) { add(.string(text)) }
        mutating func string(utf8: UnsafeBufferPointer<UInt8>) { add(.string(String(decoding: utf8, as: UTF8.self))) }
        mutating func number(_ value: Double) { add(.number(value)) }
        mutating func integer(_ value: Int) { add(.integer(value)) }
        mutating func boolean(_ value: Bool) { add(.boolean(value)) }

        private mutating func begin(isObject: Bool) {
            open.append(Frame(key: pendingKey, isObject: isObject))
            pendingKey = nil
        }

        private mutating func end() {
            guard let frame = open.popLast() else { return }
            pendingKey = frame.key
            add(frame.isObject ? .map(Array(zip(frame.keys, frame.values))) : .list(frame.values))
        }

        private mutating func add(_ value: OrderedTree) {
            defer { pendingKey = nil }
            guard !open.isEmpty else {
                tree = value
                return
            }
            if open[open.count - 1].isObject { open[open.count - 1].keys.append(pendingKey ?? "") }
            open[open.count - 1].values.append(value)
        }
    }
}
