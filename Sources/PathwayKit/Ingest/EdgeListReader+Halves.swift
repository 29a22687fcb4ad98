import Foundation
import Synchronization

extension EdgeListReader {
    /// Reads a file a chunk at a time into one buffer and scans the complete rows of each chunk into a
    /// ``ScanState``: no `Data` per chunk; the unscanned tail of a chunk (a row cut by the chunk's end) is moved to
    /// the front before the next read.
    struct ChunkReader {
        /// What a call of ``scanChunk(into:limit:)`` ended with.
        enum Status: Equatable {
            /// There is more to read.
            case more
            /// The end of the file: every row was scanned, the last one whether or not a line break ends it.
            case end
            /// `limit` bytes were read and the rows before them scanned; `isClean` when the last of them ended at
            /// the limit (no quoted field runs on past it).
            case limit(isClean: Bool)
        }

        let handle: FileHandle
        let path: String
        let chunkSize: Int
        /// `buffer[0 ..< filled]` was read and not yet scanned.
        private var buffer: [UInt8]
        private var filled = 0
        /// How many bytes were read, and how many of them scanned.
        private(set) var read = 0
        private(set) var scanned = 0

        init(handle: FileHandle, path: String, chunkSize: Int) {
            self.handle = handle
            self.path = path
            self.chunkSize = chunkSize
            buffer = [UInt8](repeating: 0, count: chunkSize * 2)
        }

        /// Reads one more chunk (reading no more than `limit` bytes in all, when given) and scans its complete rows.
        ///
        /// - Throws: ``InputError`` when the file cannot be read or a row is malformed.
        mutating func scanChunk(into state: inout ScanState, limit: Int? = nil) throws -> Status {
            if buffer.count - filled < chunkSize {
                buffer.append(contentsOf: repeatElement(0, count: chunkSize))
            }
            let wanted = limit.map { min(chunkSize, $0 - read) } ?? chunkSize
            let count = wanted > 0 ? try readChunk(wanted) : 0
            read += count
            filled += count
            let isFinal = limit == nil && count == 0
            let atLimit = limit.map { read >= $0 || count == 0 } ?? false
            // Scan up to the last line break (all of it at the end of the file).
            var end = filled
            if !isFinal {
                guard let lastBreak = buffer[0..<filled].lastIndex(of: 0x0A) else {
                    return atLimit ? .limit(isClean: filled == 0) : .more
                }
                end = lastBreak + 1
            }
            let consumed = try buffer.withUnsafeBytes { bytes in
                try scanRows(UnsafeRawBufferPointer(rebasing: bytes[0..<end]), state: &state, isFinal: isFinal)
            }
            buffer.withUnsafeMutableBytes { bytes in
                guard let base = bytes.baseAddress, consumed > 0 else { return }
                memmove(base, base + consumed, filled - consumed)
            }
            filled -= consumed
            scanned += consumed
            if isFinal { return .end }
            return atLimit ? .limit(isClean: filled == 0) : .more
        }

        /// Reads up to `count` bytes after the unscanned ones.
        private mutating func readChunk(_ count: Int) throws -> Int {
            let filled = filled
            return try buffer.withUnsafeMutableBytes { bytes -> Int in
                guard let base = bytes.baseAddress else { return 0 }
                do {
                    return try handle.read(into: base + filled, count: count)
                } catch {
                    throw InputError("cannot be read: \(error.localizedDescription)", at: SourceLocation(file: path))
                }
            }
        }
    }

    /// The second half of a large edge list, from the first row after the middle, scanned on a thread of its own
    /// while the first half is scanned on the calling thread, then merged into the first half's state
    /// (``merge(into:)``) as if one pass had read on.
    ///
    /// The half is scanned with the first half's delimiter, columns and id numbering into ids of its own, numbered
    /// from 0 in order of first appearance in the half; merging interns them, in that order, into the first half's
    /// table, so that ids new in the second half follow those of the first as in one pass. Its lines are counted
    /// from 1 and shifted by the first half's lines when merged, in its transitions and in its error, if it met one
    /// (an error of the first half comes first, as in one pass). Whether the middle row boundary is one (no quoted
    /// field of the first half runs across it) is known only when the first half is read: otherwise the half is
    /// dropped and the first half read on.
    ///
    /// `@unchecked Sendable`: ``outcome`` is written by the half's thread before `done.signal()` and read by the
    /// caller only after `done.wait()`; ``isCancelled`` is atomic.
    final class SecondHalf: @unchecked Sendable {
        /// Where the half starts in the file.
        let start: Int
        private let path: String
        private let chunkSize: Int
        /// The state the half starts from: the first half's settings, no ids or rows.
        private let initial: ScanState
        private var outcome: Result<ScanState, any Error>?
        private let done = DispatchSemaphore(value: 0)
        private let isCancelled = Atomic<Bool>(false)

        /// Starts scanning `path` from `start` on another thread, with `first`'s delimiter, columns and numbering.
        ///
        /// - Precondition: `first` has read the header and the first id (its settings are known).
        init(path: String, start: Int, size: Int, settings first: ScanState, chunkSize: Int) {
            self.start = start
            self.path = path
            self.chunkSize = chunkSize
            var state = ScanState(
                edges: Edges(taking: first.full ? EdgeListReader.newBuilder(path: path, capacity: 1 << 12) : nil),
                path: path, full: first.full, size: size)
            state.delimiter = first.delimiter
            state.columns = first.columns
            state.numbered = first.numbered.sameForm()
            state.edges.builder.index.stepIDs.interner.reserveNames((size - start) / 32)
            state.edges.builder.reserveTransitions((size - start) / 18)
            initial = state
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                outcome = Result { try scan() }
                done.signal()
            }
        }

        /// Scans the half to the end of the file, or until cancelled.
        private func scan() throws -> ScanState {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw InputError("no such file, or it cannot be read", at: SourceLocation(file: path))
            }
            defer { try? handle.close() }
            try handle.seek(toOffset: UInt64(start))
            var reader = ChunkReader(handle: handle, path: path, chunkSize: chunkSize)
            var state = initial
            while try reader.scanChunk(into: &state) == .more {
                if isCancelled.load(ordering: .relaxed) { break }
            }
            return state
        }

        /// Stops the half's scan (the first half was not cut at a row boundary, or failed) and waits for its thread.
        func cancel() {
            isCancelled.store(true, ordering: .relaxed)
            done.wait()
        }

        /// Waits for the half and appends its transitions to `first`, whose rows end where the half starts: ids
        /// interned into `first`'s table in the half's order, lines shifted by `first`'s. The half's own columns
        /// are freed when it returns.
        ///
        /// - Throws: The half's ``InputError``, its line counted from the start of the file.
        /// - Complexity: O(ids and rows of the half) expected.
        func merge(into first: inout ScanState) throws {
            done.wait()
            let lineShift = first.nextLine - 1
            let half: ScanState
            let outcome = self.outcome
            self.outcome = nil
            switch outcome {
            case .success(let state): half = state
            case .failure(var error as InputError):
                if let line = error.location.line { error.location.line = line + lineShift }
                throw error
            case .failure(let error): throw error
            case nil: return
            }
            let halfIndex = half.edges.builder.index
            let names = halfIndex.stepIDs.interner
            // The half's ids, in its order, as ids of the whole; room for all of them made at once.
            first.edges.builder.index.stepIDs.interner.reserveMore(ids: names.count, bytes: names.nameBytes.count)
            var ids = [Int32](repeating: 0, count: names.count)
            // Its lines, conditions and shares do not depend on the ids: they are appended on another thread while the
            // ids are interned, column by column (the half's rows are lines one after another, as the first half's are,
            // and its conditions and shares few distinct values, so appending them is copying codes). The columns are
            // taken out of `first` for that, so that each thread changes values of its own.
            let isFull = first.full
            var details = TransitionDetailColumns()
            if isFull { details.swap(with: &first.edges.builder.index) }
            let shift = Int32(lineShift)
            _ = bothAtOnce(
                {
                    for id in 0..<names.count {
                        ids[id] = names.withName(id) { name in
                            let empty: UInt8 = 0
                            return withUnsafePointer(to: empty) { fallback in
                                first.numbered.intern(
                                    name.baseAddress ?? UnsafeRawPointer(fallback), name.count,
                                    in: &first.edges.builder.index.stepIDs.interner)
                            }
                        }
                    }
                },
                {
                    guard isFull else { return }
                    details.locations.append(contentsOf: halfIndex.transitionLocations, lineShift: shift)
                    details.conditions.append(contentsOf: halfIndex.conditions)
                    details.shares.append(contentsOf: halfIndex.shareValues)
                })
            if isFull { details.swap(with: &first.edges.builder.index) }
            // The ends, sources and targets each on a thread.
            var targets = [Index<Step>]()
            swap(&targets, &first.edges.builder.index.targetColumn.values)
            _ = bothAtOnce(
                {
                    first.edges.builder.index.sourceColumn.values += halfIndex.sourceColumn.values.lazy.map {
                        Index(raw: ids[$0.position])
                    }
                },
                { targets += halfIndex.targetColumn.values.lazy.map { Index(raw: ids[$0.position]) } })
            swap(&targets, &first.edges.builder.index.targetColumn.values)
            first.nextLine += half.nextLine - 1
        }
    }
}

/// A pathway index's columns of transition details (lines, conditions, shares) held apart from it for a while, so
/// that another thread can append to them while the index itself changes.
struct TransitionDetailColumns {
    var locations = LocationColumn()
    var conditions = CodedTextColumn<Transition>()
    var shares = ShareColumn()

    /// Exchanges these columns with the index's.
    mutating func swap(with index: inout PathwayIndex) {
        Swift.swap(&locations, &index.transitionLocations)
        Swift.swap(&conditions, &index.conditions)
        Swift.swap(&shares, &index.shareValues)
    }
}
