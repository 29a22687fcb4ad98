import Foundation

extension IndexedPartition {
    /// Writes the partitions as the JSON document of ``Decomposition/documentTree(for:)``, byte for byte what
    /// ``Decomposition/writeJSON(for:chunkSize:to:)`` writes for the same sub-pathways, straight from the index: no
    /// `String` or value per sub-pathway or step.
    ///
    /// The document's frame goes through a ``JSONWriter``; the sub-pathways, nearly all of the text, are written
    /// straight into a ``ByteOutput`` at their fixed depth, names copied as they are where no name of their table
    /// needs escaping (checked once per table).
    ///
    /// - Parameters:
    ///   - partitions: One partition per pathway, in output order.
    ///   - chunkSize: About how many bytes the buffers of parts start with (the text is handed over a block of
    ///     ``partsPerBlock`` parts at a time).
    ///   - sink: Takes the text, piece by piece, in order (each piece whole UTF-8, valid only during the call).
    /// - Complexity: O(V + E + size of the output), the parts formatted on two threads.
    public static func writeJSON(
        for partitions: [IndexedPartition], chunkSize: Int = 1 << 20, to sink: (UnsafeRawBufferPointer) -> Void
    ) {
        writeJSON(for: partitions, chunkSize: chunkSize, partsPerBlock: partsPerBlock, to: sink)
    }

    /// ``writeJSON(for:chunkSize:to:)`` with the parts formatted `partsPerBlock` at a time (see
    /// ``writeInBlocks(partsPerBlock:chunkSize:to:_:)``; tests make it small).
    static func writeJSON(
        for partitions: [IndexedPartition], chunkSize: Int, partsPerBlock: Int,
        to sink: (UnsafeRawBufferPointer) -> Void
    ) {
        var writer = JSONWriter(capacity: 4096)
        let frameSink: ([UInt8]) -> Void = { $0.withUnsafeBytes(sink) }
        writer.beginObject()
        writer.key("decompositions")
        writer.beginArray(inline: Decomposition.isCompactList(partitions, isFlat: \.isFlat))
        for partition in partitions {
            writer.beginObject(inline: partition.isFlat)
            writer.member("pathway", partition.index.id.rawValue)
            writer.member("strategy", partition.strategy.rawValue)
            if partition.count > 0 {
                writer.key("subpathways")
                writer.beginArray()
                writer.flush(to: frameSink)
                partition.writeInBlocks(partsPerBlock: partsPerBlock, chunkSize: chunkSize, to: sink) {
                    partition, scratch, parts, out in
                    partition.writePartsJSON(parts, with: &scratch, to: &out)
                }
                writer.noteMembersWrittenElsewhere()
                writer.endArray()
            }
            Decomposition.writeFindings(partition.advice, to: &writer, chunkSize: chunkSize, sink: frameSink)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        writer.finish()
        writer.flush(to: frameSink)
    }

    /// Whether the partition's entry in the document holds no list (no parts, no advice).
    var isFlat: Bool { count == 0 && advice.isEmpty }

    /// How many parts a block of ``writeInBlocks(partsPerBlock:chunkSize:to:_:)`` holds by default (some hundreds
    /// of kilobytes of output).
    static let partsPerBlock = 1024

    /// Writes the parts `partsPerBlock` at a time with `format`, the blocks formatted on two threads and handed to
    /// `sink` in order (``InterleavedBlocks``): the same bytes as one pass over all parts.
    ///
    /// - Complexity: O(`format` over all parts), split between two threads.
    fileprivate func writeInBlocks(
        partsPerBlock blockSize: Int, chunkSize: Int, to sink: (UnsafeRawBufferPointer) -> Void,
        _ format: @escaping @Sendable (IndexedPartition, inout PartScratch, Range<Int>, inout ByteOutput) -> Void
    ) {
        let partition = self
        let names = PlainNames(index)
        InterleavedBlocks.write(
            blockCount: (count + blockSize - 1) / blockSize, capacity: chunkSize / 2,
            makeWorker: { PartScratch(names: names, partition: partition) },
            format: { scratch, block, out in
                format(partition, &scratch, block * blockSize..<min(partition.count, (block + 1) * blockSize), &out)
            }, to: sink)
    }

    /// The parts as the elements of the `subpathways` array of ``writeJSON(for:chunkSize:to:)`` (depth 4: each
    /// object indented by 8 spaces, its members by 10, the links of long link lists by 12), in the compact layout:
    /// a part holds steps, so the array is never on one line, but its steps, stages and staff groups are, and so
    /// are its entries and exits when there are at most ``JSONWriter/compactObjectLimit`` of them.
    ///
    /// - Parameters:
    ///   - range: The parts to write, by position.
    ///   - scratch: The names and buffers of the thread.
    fileprivate func writePartsJSON(_ range: Range<Int>, with scratch: inout PartScratch, to out: inout ByteOutput) {
        let names = scratch.names
        let hasStagesOrStaff = index.stageNames.count > 0 || index.staffGroupIDs.count > 0
        let pathwayID = index.id.rawValue
        let isPlainPathway = TextBuffer.withUTF8(pathwayID) { JSONWriter.isPlain(utf8: $0) }
        for position in range {
            scratch.ahead.advance(from: position)
            let part = Index<Subpathway>(position)
            let opening: StaticString =
                part.raw == 0 ? "\n        {\n          \"id\": " : ",\n        {\n          \"id\": "
            out.append(opening)
            if isPlainPathway {
                out.append(byte: 0x22)
                out.append(text: pathwayID)
                out.append(byte: UInt8(ascii: "/"))
                out.append(decimal: part.position + 1)
                out.append(byte: 0x22)
            } else {
                partID(part, into: &scratch.bytes)
                Self.appendQuoted(scratch.bytes, to: &out)
            }
            out.append(",\n          \"title\": ")
            writeTitleJSON(part, names: names, to: &out, scratch: &scratch.bytes)
            if isCyclic(part) { out.append(",\n          \"cyclic\": true") }
            // The steps read from `members` by position: a slice of it per part (``steps(_:)``) retained the array,
            // which both threads share.
            let stepSlots = stepSlots(part)
            if !stepSlots.isEmpty {
                out.append(",\n          \"steps\": [")
                for slot in stepSlots {
                    if slot != stepSlots.lowerBound { out.append(", ") }
                    names.appendStepID(Index(raw: members[slot]), to: &out)
                }
                out.append(byte: UInt8(ascii: "]"))
            }
            scratch.crossing.find(part, outgoing: false)
            writeLinksJSON(scratch.crossing, key: ",\n          \"entries\": [", names: names, to: &out)
            scratch.crossing.find(part, outgoing: true)
            writeLinksJSON(scratch.crossing, key: ",\n          \"exits\": [", names: names, to: &out)
            if hasStagesOrStaff {
                let (stages, staff) = scratch.marks.stagesAndStaff(of: steps(part))
                Self.writeNamesJSON(stages, key: ",\n          \"stages\": [", from: index.stageNames, to: &out)
                Self.writeNamesJSON(staff, key: ",\n          \"staffGroups\": [", from: index.staffGroupIDs, to: &out)
            }
            out.append("\n        }")
        }
    }

    /// A part's title as a JSON string: the strategy's, or "first label → last label" (or the one label), copied
    /// piece by piece when the labels need no escaping.
    private func writeTitleJSON(
        _ part: Index<Subpathway>, names: PlainNames, to out: inout ByteOutput, scratch: inout [UInt8]
    ) {
        let stepSlots = stepSlots(part)
        guard !hasOwnTitle(part), names.areLabelsPlain, !stepSlots.isEmpty else {
            title(part, into: &scratch)
            Self.appendQuoted(scratch, to: &out)
            return
        }
        let first = Index<Step>(raw: members[stepSlots.lowerBound])
        let last = Index<Step>(raw: members[stepSlots.upperBound - 1])
        out.append(byte: 0x22)
        names.appendLabel(first, to: &out)
        if first != last {
            out.append(" → ")
            names.appendLabel(last, to: &out)
        }
        out.append(byte: 0x22)
    }

    /// Names from `table` as a JSON list of strings after `key` (the separator, the key and `[`); nothing when there
    /// are none.
    private static func writeNamesJSON<Tag>(
        _ items: [Index<Tag>], key: StaticString, from table: NameTable<Tag>, to out: inout ByteOutput
    ) {
        guard !items.isEmpty else { return }
        out.append(key)
        for (number, item) in items.enumerated() {
            if number > 0 { out.append(", ") }
            table.withUTF8(item) { appendQuoted($0, to: &out) }
        }
        out.append(byte: UInt8(ascii: "]"))
    }

    /// Transitions as boundary link objects (`from`, `to`, `condition`), each on one line, after `key` (the
    /// separator, the key and `[`): all on the key's line when there are at most
    /// ``JSONWriter/compactObjectLimit`` of them, otherwise one per line; nothing when there are none.
    private func writeLinksJSON(
        _ found: CrossingScratch, key: StaticString, names: PlainNames, to out: inout ByteOutput
    ) {
        let crossings = found.links
        guard !crossings.isEmpty else { return }
        out.append(key)
        let isInline = crossings.count <= JSONWriter.compactObjectLimit
        let first: StaticString = isInline ? "{\"from\": " : "\n            {\"from\": "
        let next: StaticString = isInline ? ", {\"from\": " : ",\n            {\"from\": "
        let hasConditions = names.hasConditions
        for (number, crossing) in crossings.enumerated() {
            let edge = Index<Transition>(raw: crossing.edge)
            out.append(number == 0 ? first : next)
            names.appendStepID(Index(raw: crossing.source), to: &out)
            out.append(", \"to\": ")
            names.appendStepID(Index(raw: crossing.target), to: &out)
            if hasConditions && names.hasCondition(edge) {
                out.append(", \"condition\": ")
                names.appendCondition(edge, to: &out)
            }
            out.append(byte: UInt8(ascii: "}"))
        }
        if isInline {
            out.append(byte: UInt8(ascii: "]"))
        } else {
            out.append("\n          ]")
        }
    }

    /// Appends a JSON string literal for `utf8` (as ``JSONWriter/appendQuoted(_:to:)`` writes it).
    fileprivate static func appendQuoted(_ utf8: UnsafeRawBufferPointer, to out: inout ByteOutput) {
        let bytes = utf8.assumingMemoryBound(to: UInt8.self)
        if JSONWriter.isPlain(utf8: bytes) {
            out.append(byte: 0x22)
            out.append(bytes)
            out.append(byte: 0x22)
            return
        }
        var quoted: [UInt8] = []
        JSONWriter.appendQuoted(utf8: bytes, to: &quoted)
        out.append(quoted)
    }

    /// Appends a JSON string literal for text given as UTF-8 bytes.
    fileprivate static func appendQuoted(_ text: [UInt8], to out: inout ByteOutput) {
        text.withUnsafeBytes { appendQuoted($0, to: &out) }
    }

    /// A part's id, `<pathway>/<n>` (numbered from 1), into `bytes`.
    func partID(_ part: Index<Subpathway>, into bytes: inout [UInt8]) {
        bytes.removeAll(keepingCapacity: true)
        bytes += index.id.rawValue.utf8
        bytes.append(UInt8(ascii: "/"))
        TextBuffer.withDigits(part.position + 1) { bytes += $0 }
    }

    /// A part's title (the strategy's, or "first label → last label" or the one label).
    public func title(_ part: Index<Subpathway>) -> String {
        var bytes: [UInt8] = []
        title(part, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A part's title (the strategy's, or "first label → last label" or the one label), into `bytes`.
    func title(_ part: Index<Subpathway>, into bytes: inout [UInt8]) {
        bytes.removeAll(keepingCapacity: true)
        if appendOwnTitle(part, to: &bytes) { return }
        let steps = steps(part)
        guard let first = steps.first, let last = steps.last else { return }
        appendLabel(first, to: &bytes)
        if first != last {
            bytes += " → ".utf8
            appendLabel(last, to: &bytes)
        }
    }

    /// A step's label (its id when it has none).
    private func appendLabel(_ step: Index<Step>, to bytes: inout [UInt8]) {
        if index.labels.hasText(step) {
            index.labels.withUTF8(step) { bytes += $0 }
        } else {
            index.stepIDs.withUTF8(step) { bytes += $0 }
        }
    }

    /// The sub-pathways outside a preferred size: how many, and the `subpathway-size` warnings of the first `limit`
    /// of them, located at their first step.
    ///
    /// - Complexity: O(number of parts) plus O(limit) messages.
    public func sizeFindings(preferred: ClosedRange<Int>, limit: Int) -> (count: Int, first: [Finding]) {
        var count = 0
        var first: [Finding] = []
        var scratch: [UInt8] = []
        for part in parts {
            let size = size(part)
            guard !preferred.contains(size) else { continue }
            count += 1
            guard first.count < limit else { continue }
            partID(part, into: &scratch)
            let id = String(decoding: scratch, as: UTF8.self)
            first.append(
                Finding(
                    .warning, rule: "subpathway-size",
                    Decomposition.sizeMessage(id: id, size: size, preferred: preferred),
                    at: steps(part).first.flatMap { index.location($0) } ?? index.location))
        }
        return (count, first)
    }
}

/// Marks for collecting the distinct stages and staff groups of one part at a time in order first seen, reused from
/// part to part (a stamp per stage and group, so nothing is cleared).
struct PartMarks {
    private let index: PathwayIndex
    private var stageStamp: [Int32]
    private var staffStamp: [Int32]
    private var stamp: Int32 = 0
    private var stages: [Index<IndexTag.Stage>] = []
    private var staff: [Index<StaffGroup>] = []

    init(_ index: PathwayIndex) {
        self.index = index
        stageStamp = [Int32](repeating: 0, count: index.stageNames.count)
        staffStamp = [Int32](repeating: 0, count: index.staffGroupIDs.count)
    }

    /// The distinct stages and staff groups of some steps, in order first seen.
    mutating func stagesAndStaff(of steps: some Sequence<Index<Step>>) -> (
        stages: [Index<IndexTag.Stage>], staff: [Index<StaffGroup>]
    ) {
        stamp += 1
        stages.removeAll(keepingCapacity: true)
        staff.removeAll(keepingCapacity: true)
        for step in steps {
            if let stage = index.stage(step), stageStamp[stage.position] != stamp {
                stageStamp[stage.position] = stamp
                stages.append(stage)
            }
            for group in index.staffGroups(step) where staffStamp[group.position] != stamp {
                staffStamp[group.position] = stamp
                staff.append(group)
            }
        }
        return (stages, staff)
    }
}

extension IndexedPartition {
    /// Writes the analyst's text view of the partitions (`pathgap decompose` without `--format`): per pathway a
    /// header line, then per sub-pathway its id and title, its numbered steps with labels and kinds, the
    /// transitions into and out of it with their conditions, its stages and its staff groups. Streamed straight from
    /// the index.
    ///
    /// - Parameters:
    ///   - partitions: One partition per pathway, in output order.
    ///   - chunkSize: About how many bytes the buffers of parts start with (the text is handed over a block of
    ///     ``partsPerBlock`` parts at a time).
    ///   - sink: Takes the text, piece by piece, in order (each piece whole UTF-8, valid only during the call).
    /// - Complexity: O(V + E + size of the output), the parts formatted on two threads.
    public static func writeText(
        for partitions: [IndexedPartition], chunkSize: Int = 1 << 20, to sink: (UnsafeRawBufferPointer) -> Void
    ) {
        writeText(for: partitions, chunkSize: chunkSize, partsPerBlock: partsPerBlock, to: sink)
    }

    /// ``writeText(for:chunkSize:to:)`` with the parts formatted `partsPerBlock` at a time.
    static func writeText(
        for partitions: [IndexedPartition], chunkSize: Int, partsPerBlock: Int,
        to sink: (UnsafeRawBufferPointer) -> Void
    ) {
        var out = ByteOutput(capacity: 4096)
        for partition in partitions {
            let index = partition.index
            out.append(text: index.id.rawValue)
            out.append(": ")
            out.append(decimal: partition.count)
            out.append(text: " sub-pathway\(partition.count == 1 ? "" : "s") (\(partition.strategy.rawValue))\n")
            out.flush(to: sink)
            partition.writeInBlocks(partsPerBlock: partsPerBlock, chunkSize: chunkSize, to: sink) {
                partition, scratch, parts, out in
                partition.appendPartsText(parts, with: &scratch, to: &out)
            }
            if !partition.advice.isEmpty {
                out.append("\nadvice:\n")
                for finding in partition.advice {
                    out.append(text: "  \(finding.description)\n")
                    out.flush(atLeast: chunkSize, to: sink)
                }
            }
            out.append(byte: 0x0A)
        }
        out.flush(to: sink)
    }

    /// The parts of ``writeText(for:chunkSize:to:)``.
    ///
    /// - Parameters:
    ///   - range: The parts to write, by position.
    ///   - scratch: The names and buffers of the thread.
    fileprivate func appendPartsText(_ range: Range<Int>, with scratch: inout PartScratch, to out: inout ByteOutput) {
        let hasStagesOrStaff = index.stageNames.count > 0 || index.staffGroupIDs.count > 0
        for position in range {
            scratch.ahead.advance(from: position)
            let part = Index<Subpathway>(position)
            out.append(byte: 0x0A)
            partID(part, into: &scratch.bytes)
            out.append(scratch.bytes)
            out.append("  ")
            title(part, into: &scratch.bytes)
            out.append(scratch.bytes)
            if isCyclic(part) { out.append("  (loop)") }
            out.append(byte: 0x0A)
            let steps = steps(part)
            if !steps.isEmpty {
                out.append("  steps:\n")
                appendSteps(steps, to: &out)
            }
            out.append("  entries:")
            scratch.crossing.find(part, outgoing: false)
            appendLinks(scratch.crossing, none: " none (a pathway entry)\n", to: &out)
            out.append("  exits:")
            scratch.crossing.find(part, outgoing: true)
            appendLinks(scratch.crossing, none: " none (a pathway exit)\n", to: &out)
            guard hasStagesOrStaff else { continue }
            let (stages, staff) = scratch.marks.stagesAndStaff(of: steps)
            Self.appendNamesText(stages, heading: "  stages: ", separator: "; ", from: index.stageNames, to: &out)
            Self.appendNamesText(staff, heading: "  staff: ", separator: ", ", from: index.staffGroupIDs, to: &out)
        }
    }

    /// Names from `table` on a line of their own after `heading`, separated by `separator`; nothing when there are
    /// none.
    private static func appendNamesText<Tag>(
        _ items: [Index<Tag>], heading: StaticString, separator: StaticString, from table: NameTable<Tag>,
        to out: inout ByteOutput
    ) {
        guard !items.isEmpty else { return }
        out.append(heading)
        for (number, item) in items.enumerated() {
            if number > 0 { out.append(separator) }
            table.withUTF8(item) { out.append($0) }
        }
        out.append(byte: 0x0A)
    }

    /// The numbered steps of a part: number, id padded to the longest id of the part, label, and the kind unless
    /// it is an activity.
    private func appendSteps(_ steps: some Collection<Index<Step>>, to out: inout ByteOutput) {
        var width = 0
        var isASCII = true
        for step in steps {
            index.stepIDs.withUTF8(step) { bytes in
                width = max(width, bytes.count)
                if bytes.contains(where: { $0 >= 0x80 }) { isASCII = false }
            }
        }
        if !isASCII {
            // Characters, not bytes: pad as the value model's text view does.
            width = steps.map { index.stepIDs[$0].count }.max() ?? 0
        }
        let hasLabels = !index.labels.isEmpty
        for (number, step) in steps.enumerated() {
            out.append("    ")
            out.append(decimal: number + 1)
            out.append(". ")
            if isASCII {
                let length = index.stepIDs.withUTF8(step) { bytes in
                    out.append(bytes)
                    return bytes.count
                }
                out.append(repeating: UInt8(ascii: " "), count: width - length)
            } else {
                out.append(text: index.stepIDs[step].padding(toLength: width, withPad: " ", startingAt: 0))
            }
            out.append("  ")
            if hasLabels && index.labels.hasText(step) {
                index.labels.withUTF8(step) { out.append($0) }
            } else {
                index.stepIDs.withUTF8(step) { out.append($0) }
            }
            let kind = index.kinds[step]
            if kind != .activity {
                out.append("  [")
                out.append(text: kind.rawValue)
                out.append(byte: UInt8(ascii: "]"))
            }
            out.append(byte: 0x0A)
        }
    }

    /// Boundary links, one per line with their conditions, or `none` (a line of its own) when there are none.
    private func appendLinks(_ found: CrossingScratch, none: StaticString, to out: inout ByteOutput) {
        let crossings = found.links
        guard !crossings.isEmpty else {
            out.append(none)
            return
        }
        out.append(byte: 0x0A)
        let hasConditions = !index.conditions.isEmpty
        for crossing in crossings {
            let edge = Index<Transition>(raw: crossing.edge)
            out.append("    ")
            index.stepIDs.withUTF8(Index(raw: crossing.source)) { out.append($0) }
            out.append(" → ")
            index.stepIDs.withUTF8(Index(raw: crossing.target)) { out.append($0) }
            if hasConditions && index.conditions.hasText(edge) {
                out.append("  [")
                index.conditions.withUTF8(edge) { out.append($0) }
                out.append(byte: UInt8(ascii: "]"))
            }
            out.append(byte: 0x0A)
        }
    }
}

/// What one thread of the part writers works with: the names, buffers reused from part to part (nothing carried
/// from one part to the next), and the reads ahead of the parts it writes.
private struct PartScratch {
    let names: PlainNames
    /// A part's id or title being put together.
    var bytes: [UInt8] = []
    var marks: PartMarks
    var crossing: IndexedPartition.CrossingScratch
    var ahead: IndexedPartition.ReadAhead

    init(names: PlainNames, partition: IndexedPartition) {
        self.names = names
        marks = PartMarks(names.index)
        crossing = IndexedPartition.CrossingScratch(partition)
        ahead = IndexedPartition.ReadAhead(partition)
    }
}

/// The step ids and labels of an index, and whether any of them needs escaping in JSON (checked once per table), so
/// that writers copy them as they are.
private struct PlainNames {
    let index: PathwayIndex
    /// The index's step ids, labels and conditions, taken out once (read through the index, they were retained and
    /// released for every name written).
    private let stepIDs: NameTable<Step>
    private let labels: TextColumn<Step>
    private let conditions: CodedTextColumn<Transition>
    /// Whether no step id needs escaping.
    let areIDsPlain: Bool
    /// Whether no step id and no label needs escaping.
    let areLabelsPlain: Bool
    /// Whether some transition has a condition.
    let hasConditions: Bool
    /// Whether no condition needs escaping (the few distinct texts checked once, not every one written).
    private let areConditionsPlain: Bool

    init(_ index: PathwayIndex) {
        self.index = index
        stepIDs = index.stepIDs
        labels = index.labels
        conditions = index.conditions
        hasConditions = !index.conditions.isEmpty
        areIDsPlain = index.stepIDs.withAllUTF8 { JSONWriter.isPlain(utf8: $0) }
        areLabelsPlain = areIDsPlain && index.labels.withAllUTF8 { JSONWriter.isPlain(utf8: $0) }
        areConditionsPlain = index.conditions.withAllUTF8 { JSONWriter.isPlain(utf8: $0) }
    }

    /// Appends a step's id as a JSON string.
    @inline(__always)
    func appendStepID(_ step: Index<Step>, to out: inout ByteOutput) {
        stepIDs.withUTF8(step) { Self.appendString($0, isPlain: areIDsPlain, to: &out) }
    }

    /// Whether a transition has a condition.
    @inline(__always)
    func hasCondition(_ transition: Index<Transition>) -> Bool { conditions.hasText(transition) }

    /// Appends a transition's condition as a JSON string.
    @inline(__always)
    func appendCondition(_ transition: Index<Transition>, to out: inout ByteOutput) {
        conditions.withUTF8(transition) { Self.appendString($0, isPlain: areConditionsPlain, to: &out) }
    }

    /// Appends a JSON string: the bytes between quotes as they are when their table needs no escaping.
    @inline(__always)
    private static func appendString(_ bytes: UnsafeRawBufferPointer, isPlain: Bool, to out: inout ByteOutput) {
        if isPlain {
            out.append(byte: 0x22)
            out.append(bytes)
            out.append(byte: 0x22)
        } else {
            IndexedPartition.appendQuoted(bytes, to: &out)
        }
    }

    /// Appends a step's label (its id when it has none) as it is.
    @inline(__always)
    func appendLabel(_ step: Index<Step>, to out: inout ByteOutput) {
        if labels.hasText(step) {
            labels.withUTF8(step) { out.append($0) }
        } else {
            stepIDs.withUTF8(step) { out.append($0) }
        }
    }
}

extension Decomposition {
    /// The message of a `subpathway-size` warning.
    static func sizeMessage(id: String, size: Int, preferred: ClosedRange<Int>) -> String {
        "sub-pathway '\(id)' has \(size) step\(size == 1 ? "" : "s"); the method suggests "
            + "\(preferred.lowerBound) to \(preferred.upperBound)"
    }
}
