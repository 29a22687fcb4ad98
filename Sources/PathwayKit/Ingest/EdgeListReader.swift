import Foundation

/// Reads bulk edge lists: one transition per row, `from,to[,condition,share]`, comma, tab or whitespace
/// separated, with an optional header row, `#` comment lines, and an optional node table.
///
/// The reader works on the file's bytes: ids are hashed as byte slices and interned once to `Int32` node ids, so
/// a million-row file becomes a ``CompactGraph`` without a `String` per field (``graph(data:path:)``, the fast
/// path), or a ``Pathway`` (``read(data:path:nodeTable:nodeTablePath:)``, the normal path).
///
/// **Header.** The first row is a header when one of its fields is a known column name (`from`, `source`,
/// `src`, `to`, `target`, `dst`, `destination`, `condition`, `label`, `share`, `probability`), or when a column
/// is a number in the second row but not in the first (like spreadsheet sniffers do). With a header, columns are
/// found by name and otherwise `from` and `to` are the first two columns and other columns are ignored; without
/// one, columns are positional.
///
/// **Node table.** A separate delimited file with a header naming `id` and any of `kind`, `label`, `stage`,
/// `staffGroups` (or `staff`), `competencies`, `setting`; lists are separated by `;` or `|`. The registered
/// reader picks up `<name>.nodes.<ext>` beside `<name>.<ext>`. Steps without a kind get one from their degrees:
/// nothing in → `start`, nothing out → `end`, several out → `decision`, several in → `merge`, else `activity`.
public enum EdgeListReader {
    /// Column names that mark a header row, by role.
    static let fromNames: Set<String> = ["from", "source", "src", "from_id", "source_id", "fromstep"]
    static let toNames: Set<String> = ["to", "target", "dst", "destination", "to_id", "target_id", "tostep"]
    static let conditionNames: Set<String> = ["condition", "label", "guard"]
    static let shareNames: Set<String> = ["share", "probability", "proportion"]

    /// The layout of the edge columns.
    struct Columns {
        var from = 0, to = 1
        var condition: Int? = 2
        var share: Int? = 3
        var hasHeader = false
    }

    /// The edges as interned ids, and for the full read the columns of each transition, gathered in an index
    /// builder.
    struct Edges {
        var builder: PathwayIndex.Builder
        /// A sink for the cache-warming reads, so the optimiser keeps them.
        var touched: UInt64 = 0
        /// Where the second half started, when the file was read in two halves (``SecondHalf``).
        var secondHalfStart: Int?

        init(builder: PathwayIndex.Builder) { self.builder = builder }

        /// Edges into `builder`, moved in, or into a new builder for the graph only when `nil`.
        init(taking builder: consuming PathwayIndex.Builder?) {
            switch consume builder {
            case .some(let given): self.init(builder: given)
            case .none: self.init(capacity: 1 << 12)
            }
        }

        /// An edge list read for its graph only.
        init(capacity: Int) {
            builder = PathwayIndex.Builder(id: "", file: "", capacity: capacity)
        }

        /// The graph and node names (for the kernel's fast path).
        consuming func graph() -> (graph: CompactGraph, names: NodeNames) {
            builder.index.stepIDs.interner.releaseTable()
            let graph = PathwayIndex.Builder.graph(
                nodeCount: builder.index.stepIDs.count, sources: builder.index.sourceColumn,
                targets: builder.index.targetColumn)
            return (graph, builder.index.stepIDs.interner.names)
        }
    }

    // MARK: Fast path

    /// Reads an edge list straight into a graph.
    ///
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - path: The file name for messages.
    /// - Returns: The graph (node ids in order of first appearance) and the node names.
    /// - Throws: ``InputError`` naming the line of a malformed row.
    /// - Complexity: O(bytes) expected time; memory O(V + E) besides the input.
    public static func graph(data: Data, path: String = "<edge list>") throws -> (graph: CompactGraph, names: NodeNames)
    {
        let edges = try data.withUnsafeBytes { bytes in
            try scanEdges(bytes, path: path, edges: Edges(capacity: max(1 << 12, bytes.count / 32)), full: false)
        }
        return edges.graph()
    }

    /// Reads an edge list into a graph from bytes in memory.
    ///
    /// - Complexity: O(bytes) expected.
    public static func graph(bytes: [UInt8], path: String = "<edge list>") throws -> (
        graph: CompactGraph, names: NodeNames
    ) {
        let edges = try bytes.withUnsafeBytes { bytes in
            try scanEdges(bytes, path: path, edges: Edges(capacity: max(1 << 12, bytes.count / 32)), full: false)
        }
        return edges.graph()
    }

    /// Whether a field reads as a number.
    static func isNumber(_ bytes: UnsafeRawBufferPointer, _ field: FieldSpan) -> Bool {
        var index = field.start
        var digits = 0
        while index < field.end {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
            } else if byte != UInt8(ascii: ".") && byte != UInt8(ascii: "-") && byte != UInt8(ascii: "+")
                && byte != UInt8(ascii: "e") && byte != UInt8(ascii: "E") && byte != 0x20
            {
                return false
            }
            index += 1
        }
        return digits > 0
    }

    /// Finds the header, if any, and the column layout.
    static func columns(_ bytes: UnsafeRawBufferPointer, delimiter: EdgeListScanner.Delimiter, path: String) throws
        -> Columns
    {
        var scanner = EdgeListScanner(bytes: bytes, delimiter: delimiter)
        var first: [FieldSpan] = []
        var second: [FieldSpan] = []
        do {
            guard try scanner.nextRow(into: &first) else { return Columns() }
            _ = try scanner.nextRow(into: &second)
        } catch let problem as EdgeListScanner.Problem {
            throw InputError(problem.message, at: SourceLocation(file: path, line: problem.line))
        }
        let names = first.map { scanner.text($0).lowercased() }
        var columns = Columns()
        let named = names.contains {
            fromNames.contains($0) || toNames.contains($0) || conditionNames.contains($0) || shareNames.contains($0)
        }
        let sniffed = !second.isEmpty && zip(first, second).contains { !isNumber(bytes, $0) && isNumber(bytes, $1) }
        guard named || sniffed else { return columns }
        columns.hasHeader = true
        columns.from = names.firstIndex { fromNames.contains($0) } ?? 0
        columns.to = names.firstIndex { toNames.contains($0) } ?? 1
        columns.condition = names.firstIndex { conditionNames.contains($0) }
        columns.share = names.firstIndex { shareNames.contains($0) }
        if names.contains("id") && !names.contains(where: { fromNames.contains($0) || toNames.contains($0) }) {
            throw InputError(
                "this looks like a node table (it has an 'id' column but no 'from' or 'to'); read the edge list beside it",
                at: SourceLocation(file: path, line: scanner.line - (second.isEmpty ? 0 : 1)))
        }
        return columns
    }

    /// Where a scan of an edge list, possibly in chunks, has got to.
    struct ScanState {
        var edges: Edges
        var path: String
        var full: Bool
        var delimiter: EdgeListScanner.Delimiter?
        var columns = Columns()
        var headerPending = false
        /// The line the next unread byte is on.
        var nextLine = 1
        /// Ids found by their number rather than hashed.
        var numbered: NumberedIDs

        /// A scan of an input of about `size` bytes into `edges` (whose ids so far are entered for numbering).
        init(edges: Edges, path: String, full: Bool, size: Int) {
            self.edges = edges
            self.path = path
            self.full = full
            numbered = NumberedIDs(inputSize: size)
            numbered.enter(edges.builder.index.stepIDs.interner)
        }

        /// Whether the delimiter, the columns and the ids' numbering are known, so that another scan can start at a
        /// later row with them (``SecondHalf``).
        var isSettled: Bool { delimiter != nil && !headerPending && numbered.isFormKnown }

        /// Sizes the transition columns and the hash table for the whole input from what the first `scanned` bytes
        /// of its `size` held, so that they grow at most once more.
        mutating func reserve(scanned: Int, of size: Int) {
            let scale = Double(size) / Double(scanned)
            let rows = edges.builder.index.sourceColumn.count
            let estimate = Int(Double(rows) * scale * 1.02) + 1024
            if estimate > edges.builder.index.sourceColumn.values.capacity {
                edges.builder.reserveTransitions(estimate)
            }
            let hashed = edges.builder.index.stepIDs.interner.hashedCount
            if hashed > 0 {
                edges.builder.index.stepIDs.interner.reserveTable(Int(Double(hashed) * scale * 1.05))
            }
        }
    }

    /// Scans the rows of an edge list held whole in memory.
    static func scanEdges(_ bytes: UnsafeRawBufferPointer, path: String, edges: Edges, full: Bool) throws -> Edges {
        var state = ScanState(edges: edges, path: path, full: full, size: bytes.count)
        let estimate = bytes.count / 12
        state.edges.builder.index.sourceColumn.reserveCapacity(estimate)
        state.edges.builder.index.targetColumn.reserveCapacity(estimate)
        _ = try scanRows(bytes, state: &state, isFinal: true)
        return state.edges
    }

    /// Scans the complete rows of a buffer (the whole input, or a chunk ending at a line break) into `state`.
    ///
    /// A plain row (comma or tab separated, no quotes, no blank first byte) is read by ``skimRow(_:_:from:separator:
    /// into:spanCount:)``; any other row, and the header, by the ``EdgeListScanner``, which reads plain rows the same
    /// way. Ids are interned a batch of rows at a time.
    ///
    /// - Returns: How many bytes were consumed; less than the buffer when a quoted field runs past the end of a
    ///   chunk that is not the last (the caller then reads more and scans again from there).
    /// - Throws: ``InputError`` naming the line of a malformed row.
    static func scanRows(_ bytes: UnsafeRawBufferPointer, state: inout ScanState, isFinal: Bool) throws -> Int {
        let path = state.path
        if state.delimiter == nil {
            // The delimiter and header are told from the first two rows: wait until a chunk holds them.
            guard isFinal || dataLineCount(bytes, limit: 2) >= 2 else { return 0 }
            let delimiter = EdgeListScanner.delimiter(of: bytes)
            state.delimiter = delimiter
            state.columns = try columns(bytes, delimiter: delimiter, path: path)
            state.headerPending = state.columns.hasHeader
        }
        guard let delimiter = state.delimiter, let base = bytes.baseAddress else { return 0 }
        if state.full { try SourceFile.checkUTF8(bytes, file: path, firstLine: state.nextLine) }
        let columns = state.columns
        var scanner = EdgeListScanner(bytes: bytes, delimiter: delimiter, firstLine: state.nextLine)
        var fields: [FieldSpan] = []
        fields.reserveCapacity(8)
        let needed = max(columns.from, columns.to) + 1
        let full = state.full
        // Plain rows are skimmed for their first `spanCount` fields, enough for every column read.
        let spanCount = max(needed, (columns.condition ?? 0) + 1, (columns.share ?? 0) + 1)
        let canSkim = delimiter != .whitespace
        let separator = delimiter.byte
        let input = base.assumingMemoryBound(to: UInt8.self)
        let count = bytes.count
        var position = scanner.position
        var line = scanner.nextLine
        var rowStart = position
        var rowLine = line
        var lastTarget = state.edges.builder.index.targetColumn.values.last?.raw ?? -1
        // Rows waiting to be interned (byte offsets and lengths of both ids), and for each id its hash or number.
        let batchSize = 256
        var batch: [(from: Int, fromLength: Int, to: Int, toLength: Int)] = []
        batch.reserveCapacity(batchSize)
        var keys = [UInt64](repeating: 0, count: batchSize * 2)
        var isNumbered = [Bool](repeating: false, count: batchSize * 2)
        func flush() {
            guard let first = batch.first else { return }
            state.numbered.learn(from: base + first.from, first.fromLength)
            // First find every id's number or hash and touch its slot, so that the cache misses overlap; then
            // intern in order.
            var touched: UInt64 = 0
            func classify(_ slot: Int, _ offset: Int, _ length: Int) {
                if let number = state.numbered.number(base + offset, length) {
                    keys[slot] = UInt64(number)
                    isNumbered[slot] = true
                    touched ^= UInt64(truncatingIfNeeded: state.numbered.peek(number))
                } else {
                    let hash = ByteInterner.hash(base + offset, length)
                    keys[slot] = hash
                    isNumbered[slot] = false
                    touched ^= state.edges.builder.index.stepIDs.interner.peek(hash)
                }
            }
            for (index, row) in batch.enumerated() {
                classify(2 * index, row.from, row.fromLength)
                classify(2 * index + 1, row.to, row.toLength)
            }
            state.edges.touched ^= touched
            func id(_ slot: Int, _ offset: Int, _ length: Int) -> Int32 {
                isNumbered[slot]
                    ? state.numbered.id(
                        ofNumber: Int(keys[slot]), base + offset, length,
                        in: &state.edges.builder.index.stepIDs.interner)
                    : state.edges.builder.index.stepIDs.interner.internHashed(
                        base + offset, length, hash: keys[slot])
            }
            for (index, row) in batch.enumerated() {
                let source =
                    state.edges.builder.index.stepIDs.interner.isName(lastTarget, base + row.from, row.fromLength)
                    ? lastTarget : id(2 * index, row.from, row.fromLength)
                let target = id(2 * index + 1, row.to, row.toLength)
                lastTarget = target
                state.edges.builder.index.sourceColumn.append(Index(raw: source))
                state.edges.builder.index.targetColumn.append(Index(raw: target))
            }
            batch.removeAll(keepingCapacity: true)
        }
        defer { flush() }
        let spans = UnsafeMutablePointer<Int>.allocate(capacity: 2 * spanCount)
        defer { spans.deallocate() }
        do {
            while true {
                rowStart = position
                rowLine = line
                if canSkim, !state.headerPending, position < count,
                    let (next, fieldCount) = skimRow(
                        input, count, from: position, separator: separator, into: spans, spanCount: spanCount),
                    fieldCount >= needed
                {
                    // The fast path: a plain row, its fields read in place.
                    func field(_ column: Int?) -> FieldSpan? {
                        guard let column, column < fieldCount else { return nil }
                        return FieldSpan(start: spans[2 * column], end: spans[2 * column + 1], hasEscapes: false)
                    }
                    if full {
                        try appendColumns(
                            condition: field(columns.condition), share: field(columns.share), line: line, scanner,
                            path, to: &state.edges.builder)
                    }
                    let from = try trimmed(
                        FieldSpan(start: spans[2 * columns.from], end: spans[2 * columns.from + 1], hasEscapes: false),
                        "from", bytes, line: line, path)
                    let to = try trimmed(
                        FieldSpan(start: spans[2 * columns.to], end: spans[2 * columns.to + 1], hasEscapes: false),
                        "to", bytes, line: line, path)
                    batch.append((from.start, from.end - from.start, to.start, to.end - to.start))
                    if batch.count == batchSize { flush() }
                    position = next
                    line += 1
                    continue
                }
                scanner.move(to: position, nextLine: line)
                let hasRow = try scanner.nextRow(into: &fields)
                position = scanner.position
                line = scanner.nextLine
                guard hasRow else { break }
                if state.headerPending {
                    state.headerPending = false
                    continue
                }
                guard fields.count >= needed else {
                    throw InputError(
                        "row has \(fields.count) field\(fields.count == 1 ? "" : "s"); an edge needs 'from' and 'to'"
                            + (delimiter == .whitespace ? "" : " separated by '\(delimiter == .tab ? "\\t" : ",")'"),
                        at: SourceLocation(file: path, line: scanner.line))
                }
                if full {
                    func field(_ column: Int?) -> FieldSpan? {
                        guard let column, column < fields.count else { return nil }
                        return fields[column]
                    }
                    try appendColumns(
                        condition: field(columns.condition), share: field(columns.share), line: scanner.line, scanner,
                        path, to: &state.edges.builder)
                }
                if !fields[columns.from].hasEscapes && !fields[columns.to].hasEscapes {
                    // Queue the row; ids are interned a batch at a time.
                    let from = try trimmed(fields[columns.from], "from", bytes, line: scanner.line, path)
                    let to = try trimmed(fields[columns.to], "to", bytes, line: scanner.line, path)
                    batch.append((from.start, from.end - from.start, to.start, to.end - to.start))
                    if batch.count == batchSize { flush() }
                    continue
                }
                flush()
                // Edge lists usually follow the pathway, so a row often starts where the last one ended: try the
                // last target before hashing.
                let source = try internID(
                    fields[columns.from], "from", scanner, base, &state, path, guess: lastTarget)
                let target = try internID(
                    fields[columns.to], "to", scanner, base, &state, path, guess: source &+ 1)
                lastTarget = target
                state.edges.builder.index.sourceColumn.append(Index(raw: source))
                state.edges.builder.index.targetColumn.append(Index(raw: target))
            }
        } catch let problem as EdgeListScanner.Problem {
            guard isFinal else {
                // A quoted field runs on into the next chunk: stop before its row.
                state.nextLine = rowLine
                return rowStart
            }
            throw InputError(problem.message, at: SourceLocation(file: path, line: problem.line))
        }
        state.nextLine = line
        return bytes.count
    }

    /// Reads a plain row at `start`: one that is not blank or a comment, does not start with a blank, and has no
    /// field in quotes. Its fields are what ``EdgeListScanner/nextRow(into:)`` finds: the bytes up to each
    /// separator, a `\r` at a field's end dropped.
    ///
    /// - Parameters:
    ///   - spans: Receives the start and end of each of the first `spanCount` fields.
    /// - Returns: The position after the row's line break and the number of fields, or `nil` when the row is not
    ///   plain (the scanner reads it then).
    /// - Complexity: O(length of the row).
    @inline(__always)
    static func skimRow(
        _ input: UnsafePointer<UInt8>, _ count: Int, from start: Int, separator: UInt8,
        into spans: UnsafeMutablePointer<Int>, spanCount: Int
    ) -> (next: Int, fields: Int)? {
        let first = input[start]
        guard first != 0x20, first != 0x09, first != 0x0A, first != 0x0D, first != UInt8(ascii: "#"),
            first != UInt8(ascii: "\"")
        else { return nil }
        var index = start
        var field = 0
        var fieldStart = start
        while true {
            while index < count {
                let byte = input[index]
                if byte == separator || byte == 0x0A { break }
                index += 1
            }
            if field < spanCount {
                spans[2 * field] = fieldStart
                spans[2 * field + 1] = index > fieldStart && input[index - 1] == 0x0D ? index - 1 : index
            }
            field += 1
            guard index < count, input[index] == separator else { break }
            index += 1
            fieldStart = index
            if index < count && input[index] == UInt8(ascii: "\"") { return nil }
        }
        return (index + 1, field)
    }

    /// Appends a row's line, condition and share to the transition columns (the full read).
    ///
    /// - Throws: ``InputError`` for a share that is not a number from 0 to 1.
    @inline(__always)
    static func appendColumns(
        condition: FieldSpan?, share: FieldSpan?, line: Int, _ scanner: EdgeListScanner, _ path: String,
        to builder: inout PathwayIndex.Builder
    ) throws {
        builder.index.transitionLocations.append(CompactLocation(file: Index(raw: 0), line: Int32(line)))
        let bytes = scanner.bytes
        func span(_ field: FieldSpan?) -> FieldSpan? {
            guard var field else { return nil }
            while field.start < field.end && (bytes[field.start] == 0x20 || bytes[field.start] == 0x09) {
                field.start += 1
            }
            while field.end > field.start
                && (bytes[field.end - 1] == 0x20 || bytes[field.end - 1] == 0x09 || bytes[field.end - 1] == 0x0D)
            {
                field.end -= 1
            }
            return field.end > field.start ? field : nil
        }
        if let condition = span(condition) {
            if condition.hasEscapes {
                builder.index.conditions.append(scanner.text(condition))
            } else {
                builder.index.conditions.append(
                    bytes: UnsafeRawBufferPointer(rebasing: bytes[condition.start..<condition.end]))
            }
        } else {
            builder.index.conditions.append(nil)
        }
        guard let share = span(share) else {
            builder.index.shareValues.append(nil)
            return
        }
        if !share.hasEscapes, let value = plainDecimal(bytes, share), value <= 1 {
            builder.index.shareValues.append(value)
            return
        }
        let text = scanner.text(share)
        guard let value = Double(text), value >= 0, value <= 1 else {
            throw InputError("share '\(text)' is not a number from 0 to 1", at: SourceLocation(file: path, line: line))
        }
        builder.index.shareValues.append(value)
    }

    /// Powers of ten held exactly by a `Double`: 10^0 … 10^22.
    private static let exactPowersOfTen: [Double] = {
        var powers: [Double] = [1]
        for _ in 1...22 { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()

    /// The value of a decimal written plainly, `digits` or `digits.digits` with at most 15 digits, read exactly as
    /// `Double(String)` reads it: the digits as a whole number (below 2^53, so exact) divided by a power of ten
    /// held exactly, which IEEE division rounds correctly (Clinger's fast path). `nil` for any other text.
    ///
    /// - Complexity: O(length).
    @inline(__always)
    static func plainDecimal(_ bytes: UnsafeRawBufferPointer, _ field: FieldSpan) -> Double? {
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = -1
        for index in field.start..<field.end {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                guard fraction < 0, digits > 0 else { return nil }
                fraction = 0
                continue
            }
            let digit = byte &- 0x30
            guard digit < 10 else { return nil }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            digits += 1
            if fraction >= 0 { fraction += 1 }
        }
        guard digits > 0, digits <= 15, fraction != 0 else { return nil }
        return Double(mantissa) / exactPowersOfTen[max(fraction, 0)]
    }

    /// The number of lines that are neither blank nor comments, counting up to `limit`.
    static func dataLineCount(_ bytes: UnsafeRawBufferPointer, limit: Int) -> Int {
        var count = 0
        var index = 0
        while index < bytes.count && count < limit {
            var first = index
            while first < bytes.count && (bytes[first] == 0x20 || bytes[first] == 0x09 || bytes[first] == 0x0D) {
                first += 1
            }
            if first < bytes.count && bytes[first] != 0x0A && bytes[first] != UInt8(ascii: "#") { count += 1 }
            while index < bytes.count && bytes[index] != 0x0A { index += 1 }
            index += 1
        }
        return count
    }

    /// A field's byte range without surrounding blanks.
    ///
    /// - Throws: ``InputError`` naming `line` when nothing is left.
    @inline(__always)
    static func trimmed(
        _ field: FieldSpan, _ role: String, _ bytes: UnsafeRawBufferPointer, line: Int, _ path: String
    ) throws -> (start: Int, end: Int) {
        var start = field.start
        var end = field.end
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        guard end > start else {
            throw InputError("the '\(role)' id is empty", at: SourceLocation(file: path, line: line))
        }
        return (start, end)
    }

    /// Interns the id in a field (trimmed), without making a `String` unless the field has escaped quotes.
    @inline(__always)
    static func internID(
        _ field: FieldSpan, _ role: String, _ scanner: EdgeListScanner, _ base: UnsafeRawPointer,
        _ state: inout ScanState, _ path: String, guess: Int32
    ) throws -> Int32 {
        if field.hasEscapes {
            // Never empty: the quotes hold at least the one quote written as `""`.
            var text = scanner.text(field)
            return text.withUTF8 { utf8 in
                let empty: StaticString = ""
                return state.numbered.intern(
                    utf8.baseAddress ?? empty.utf8Start, utf8.count, in: &state.edges.builder.index.stepIDs.interner)
            }
        }
        let (start, end) = try trimmed(field, role, scanner.bytes, line: scanner.line, path)
        if state.edges.builder.index.stepIDs.interner.isName(guess, base + start, end - start) { return guess }
        return state.numbered.intern(base + start, end - start, in: &state.edges.builder.index.stepIDs.interner)
    }

    /// Reads an edge-list file into a graph in chunks, so that memory holds one chunk of the file at a time rather
    /// than all of it (the streaming form of ``graph(data:path:)``).
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - chunkSize: How many bytes to read at a time.
    /// - Returns: The graph and the node names.
    /// - Throws: ``InputError`` when the file cannot be read or a row is malformed.
    /// - Complexity: O(bytes) expected time; memory O(V + E + chunkSize).
    public static func graph(contentsOf path: String, chunkSize: Int = 1 << 22) throws -> (
        graph: CompactGraph, names: NodeNames
    ) {
        try graph(contentsOf: path, chunkSize: chunkSize, halves: .automatic)
    }

    /// ``graph(contentsOf:chunkSize:)`` reading the file in two halves or not, as `halves` says.
    static func graph(contentsOf path: String, chunkSize: Int, halves: Halving) throws -> (
        graph: CompactGraph, names: NodeNames
    ) {
        try scanFile(path, chunkSize: chunkSize, builder: nil, full: false, halves: halves).graph()
    }

    /// Reads an edge-list file (and its node table, `<name>.nodes.<ext>` beside it, if there is one) straight into
    /// a ``PathwayIndex``, a chunk of the file at a time: one hash per id, each row's line, condition and share
    /// stored in the transition columns, no `String` per field and no ``Pathway``.
    ///
    /// The ids' lookup table is dropped before the graph is built (``NameTable/index(of:)`` then scans).
    ///
    /// - Parameters:
    ///   - path: The edge list.
    ///   - nodeTablePath: Its node table; by default the one beside it, if any.
    ///   - chunkSize: How many bytes to read at a time.
    /// - Returns: One pathway named after the file; steps in node-table order, then in order of first appearance.
    /// - Throws: ``InputError`` naming file and line of a malformed row.
    /// - Complexity: O(bytes) expected time; memory O(V + E + chunkSize).
    public static func index(
        contentsOf path: String, nodeTablePath: String? = nil, chunkSize: Int = 1 << 20
    ) throws -> PathwayIndex {
        try index(contentsOf: path, nodeTablePath: nodeTablePath, chunkSize: chunkSize, halves: .automatic)
    }

    /// ``index(contentsOf:nodeTablePath:chunkSize:)`` reading the file in two halves or not, as `halves` says.
    static func index(
        contentsOf path: String, nodeTablePath: String? = nil, chunkSize: Int, halves: Halving
    ) throws -> PathwayIndex {
        let size = SourceFile.size(at: path)
        var builder = newBuilder(path: path, capacity: 1 << 12)
        if let tablePath = nodeTablePath ?? Self.nodeTablePath(for: path) {
            let table = try SourceFile.data(at: tablePath)
            try table.withUnsafeBytes { try readNodeTable($0, path: tablePath, into: &builder) }
        }
        builder.reserveTransitions(size / 18)
        // Handed over, not copied: a second reference would keep these columns alive beside the scan's own, which
        // then copies them on its first write (about 20 MB held to the end of the load at 10^6 steps).
        var edges = try scanFile(
            path, chunkSize: chunkSize, builder: consume builder, full: true, size: size, halves: halves)
        edges.builder.index.stepIDs.interner.releaseTable()
        return edges.builder.build()
    }

    /// A builder for the pathway of an edge list, named after the file.
    static func newBuilder(path: String, capacity: Int) -> PathwayIndex.Builder {
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        var builder = PathwayIndex.Builder(id: PathwayID(stem), title: stem, file: path, capacity: capacity)
        builder.setHeader(description: nil, boundary: nil, location: SourceLocation(file: path, line: 1))
        return builder
    }

    /// When a file is read in two halves (``SecondHalf``).
    struct Halving {
        /// Files of at least this many bytes are.
        var threshold: Int
        /// Where the second half starts: the first row at or after this offset (by default the middle).
        var middle: Int?

        /// Files of 4 MiB or more, cut in the middle: below, a second thread costs more than it saves.
        static let automatic = Halving(threshold: 4 << 20)
        /// One pass always.
        static let never = Halving(threshold: .max)
        /// The second half starting at the first row at or after `offset` (for tests).
        static func at(_ offset: Int) -> Halving { Halving(threshold: 0, middle: offset) }
    }

    /// Scans an edge-list file a chunk at a time into `builder` (a new one for the graph only when `nil`); a large
    /// file in two halves, the second on a thread of its own (``SecondHalf``), with the same result. `size` is the
    /// file's size when the caller already asked for it.
    static func scanFile(
        _ path: String, chunkSize: Int, builder: consuming PathwayIndex.Builder?, full: Bool, size: Int? = nil,
        halves: Halving = .automatic
    ) throws -> Edges {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError("no such file, or it cannot be read", at: SourceLocation(file: path))
        }
        defer { try? handle.close() }
        let size = size ?? SourceFile.size(at: path)
        // The hash table starts small: numbered ids never enter it; the first chunk tells how many will.
        // The builder is moved into the state (no binding in between), so that the state's columns are its own
        // when it first writes them.
        var state = ScanState(edges: Edges(taking: builder), path: path, full: full, size: size)
        state.edges.builder.index.stepIDs.interner.reserveNames(size / 32)
        state.edges.builder.index.sourceColumn.reserveCapacity(size / 18)
        state.edges.builder.index.targetColumn.reserveCapacity(size / 18)
        // A small file gets a small buffer (one read plus the end-of-file check).
        var reader = ChunkReader(handle: handle, path: path, chunkSize: max(1, min(chunkSize, size + 1)))
        var isEstimated = false
        func scanChunk(limit: Int? = nil) throws -> ChunkReader.Status {
            let status = try reader.scanChunk(into: &state, limit: limit)
            if !isEstimated, status == .more, reader.scanned > 0 {
                isEstimated = true
                state.reserve(scanned: reader.scanned, of: size)
            }
            return status
        }
        var status = try scanChunk()
        // The second half starts once the delimiter, the columns and the ids' numbering are known (the first chunk,
        // unless it holds no data row).
        while status == .more, size >= halves.threshold, !state.isSettled { status = try scanChunk() }
        if status == .more, size >= halves.threshold, state.isSettled,
            let middle = middleRow(handle, from: halves.middle ?? size / 2, after: reader.read, size: size)
        {
            let half = SecondHalf(path: path, start: middle, size: size, settings: state, chunkSize: reader.chunkSize)
            do {
                repeat { status = try scanChunk(limit: middle) } while status == .more
            } catch {
                half.cancel()
                throw error
            }
            if status == .limit(isClean: true) {
                try half.merge(into: &state)
                state.edges.secondHalfStart = middle
                // The half's columns, allocated on its thread's heap, are free now: give their pages back to the
                // system, or the process keeps them while it goes on to use as much again.
                ProcessMemory.returnFreePages()
                return state.edges
            }
            // A quoted field runs across the middle: the second half started inside it. Read on in one pass.
            half.cancel()
            status = .more
        }
        while status == .more { status = try scanChunk() }
        return state.edges
    }

    /// Where the first row at or after `offset` starts, if that is not before the `read` bytes already read nor at
    /// the end; `nil` otherwise or when no line break follows within 1 MiB. Rows are told by line breaks alone
    /// here: whether a quoted field runs across is found when the first half is read up to there.
    static func middleRow(_ handle: FileHandle, from offset: Int, after read: Int, size: Int) -> Int? {
        let start = max(offset, read, 1)
        guard start < size else { return nil }
        // The byte before `start` tells whether a row starts right there.
        let windowStart = start - 1
        let window = min(1 << 20, size - windowStart)
        var bytes = [UInt8](repeating: 0, count: window)
        let count = bytes.withUnsafeMutableBytes { buffer in
            pread(handle.fileDescriptor, buffer.baseAddress, window, off_t(windowStart))
        }
        guard count > 0, let lineBreak = bytes[0..<count].firstIndex(of: 0x0A) else { return nil }
        let middle = windowStart + lineBreak + 1
        return middle < size ? middle : nil
    }

    // MARK: Normal path

    /// Reads an edge list (and optionally its node table) as a pathway named after the file.
    ///
    /// - Parameters:
    ///   - data: The edge list's bytes.
    ///   - path: Its path, for the pathway id and for locations.
    ///   - nodeTable: The node table's bytes, if there is one.
    ///   - nodeTablePath: The node table's path, for locations.
    /// - Returns: One pathway; steps in node-table order, then in order of first appearance in the edge list.
    /// - Throws: ``InputError`` naming file and line of a malformed row.
    /// - Complexity: O(bytes) expected.
    public static func read(data: Data, path: String, nodeTable: Data? = nil, nodeTablePath: String? = nil) throws
        -> PathwayImport
    {
        PathwayImport(pathways: [
            try index(data: data, path: path, nodeTable: nodeTable, nodeTablePath: nodeTablePath).pathway()
        ])
    }

    /// Reads an edge list (and optionally its node table) held in memory into a ``PathwayIndex``.
    ///
    /// - Complexity: O(bytes) expected.
    public static func index(data: Data, path: String, nodeTable: Data? = nil, nodeTablePath: String? = nil) throws
        -> PathwayIndex
    {
        var builder = newBuilder(path: path, capacity: max(1 << 12, data.count / 32))
        if let nodeTable {
            let tablePath = nodeTablePath ?? path
            try nodeTable.withUnsafeBytes { try readNodeTable($0, path: tablePath, into: &builder) }
        }
        var edges = try data.withUnsafeBytes {
            try scanEdges($0, path: path, edges: Edges(builder: builder), full: true)
        }
        edges.builder.index.stepIDs.interner.releaseTable()
        return edges.builder.build()
    }

    /// Column names of the node table.
    static let nodeColumns: [String: String] = [
        "id": "id", "step": "id", "kind": "kind", "type": "kind", "label": "label", "name": "label", "stage": "stage",
        "staffgroups": "staffGroups", "staff": "staffGroups", "staff_groups": "staffGroups",
        "competencies": "competencies", "setting": "setting",
    ]

    /// Reads a node table, declaring its steps first so that steps keep the table's order.
    static func readNodeTable(
        _ bytes: UnsafeRawBufferPointer, path: String, into builder: inout PathwayIndex.Builder
    ) throws {
        var scanner = EdgeListScanner(bytes: bytes, delimiter: EdgeListScanner.delimiter(of: bytes))
        var fields: [FieldSpan] = []
        do {
            guard try scanner.nextRow(into: &fields) else { return }
            let header = fields.map { nodeColumns[scanner.text($0).lowercased()] }
            guard let idColumn = header.firstIndex(of: "id") else {
                throw InputError(
                    "the node table needs a header row with an 'id' column",
                    at: SourceLocation(file: path, line: scanner.line))
            }
            while try scanner.nextRow(into: &fields) {
                var values: [String: String] = [:]
                for (column, name) in header.enumerated() {
                    guard let name, column < fields.count else { continue }
                    let text = scanner.text(fields[column])
                    if !text.isEmpty { values[name] = text }
                }
                let location = SourceLocation(file: path, line: scanner.line)
                guard idColumn < fields.count, let id = values["id"] else {
                    throw InputError("the step id is empty", at: location)
                }
                var kind = StepKind.activity
                if let written = values["kind"] {
                    guard let parsed = StepKind(written: written) else {
                        throw InputError(
                            "step '\(id)' has unknown kind '\(written)' (expected one of: "
                                + StepKind.allCases.map(\.rawValue).joined(separator: ", ") + ")",
                            at: location)
                    }
                    kind = parsed
                }
                func list(_ text: String?) -> [String] {
                    (text ?? "").split(whereSeparator: { $0 == ";" || $0 == "|" }).compactMap { item in
                        // Most items have nothing to trim: then no CharacterSet is consulted.
                        let utf8 = item.utf8
                        func plain(_ byte: UInt8?) -> Bool { byte.map { $0 > 0x20 && $0 < 0x80 } ?? false }
                        let trimmed =
                            plain(utf8.first) && plain(utf8.last)
                            ? String(item) : item.trimmingCharacters(in: .whitespaces)
                        return trimmed.isEmpty ? nil : trimmed
                    }
                }
                guard builder.index.stepIDs.index(of: id) == nil else {
                    throw InputError("step id '\(id)' is listed twice in the node table", at: location)
                }
                let step = Step(
                    id: StepID(id), label: values["label"], kind: kind,
                    staffGroups: list(values["staffGroups"]).map { StaffGroupID($0) },
                    competencies: list(values["competencies"]).map {
                        CompetencyRequirement(competency: CompetencyID($0), location: location)
                    },
                    setting: values["setting"], stage: values["stage"], location: location)
                builder.addStep(step, kindGiven: values["kind"] != nil)
            }
        } catch let problem as EdgeListScanner.Problem {
            throw InputError(problem.message, at: SourceLocation(file: path, line: problem.line))
        }
    }

    /// The node table that goes with an edge list, if there is one: `<name>.nodes.<ext>` beside `<name>.<ext>`
    /// (any of csv, tsv).
    static func nodeTablePath(for path: String) -> String? {
        let url = URL(fileURLWithPath: path)
        let stem = url.deletingPathExtension().lastPathComponent
        guard !stem.hasSuffix(".nodes") else { return nil }
        for ext in [url.pathExtension, "csv", "tsv"] {
            let candidate = url.deletingLastPathComponent().appendingPathComponent("\(stem).nodes.\(ext)").path
            if FileManager.default.fileExists(atPath: candidate) {
                return path.hasPrefix("/") ? candidate : relative(candidate, like: path)
            }
        }
        return nil
    }

    /// Keeps a sibling path relative when the original was.
    private static func relative(_ absolute: String, like original: String) -> String {
        let folder = (original as NSString).deletingLastPathComponent
        let name = (absolute as NSString).lastPathComponent
        return folder.isEmpty ? name : folder + "/" + name
    }
}

extension PathwayReader {
    /// Bulk edge lists (`from,to[,condition,share]`), with a `<name>.nodes.csv` node table when one is beside the
    /// file. See ``EdgeListReader``.
    public static let edgeList = PathwayReader(
        name: "edgelist", extensions: ["csv", "tsv", "edgelist", "edges"],
        read: { data, path in
            let tablePath = EdgeListReader.nodeTablePath(for: path)
            return try EdgeListReader.read(
                data: data, path: path, nodeTable: try tablePath.map { try SourceFile.data(at: $0) },
                nodeTablePath: tablePath)
        },
        readIndex: { path in
            try SourceFile.checkFile(at: path)
            return [try EdgeListReader.index(contentsOf: path)]
        })
}

extension FileHandle {
    /// Reads up to `count` bytes into memory, returning how many were read (0 at the end of the file), retrying
    /// when interrupted.
    ///
    /// - Throws: The system error when the read fails.
    func read(into pointer: UnsafeMutableRawPointer, count: Int) throws -> Int {
        while true {
            let result = Foundation.read(fileDescriptor, pointer, count)
            if result >= 0 { return result }
            if errno == EINTR { continue }
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }
}
