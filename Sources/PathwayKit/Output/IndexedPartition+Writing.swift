import Foundation

extension IndexedPartition {
    /// Writes the partitions as the JSON document of ``Decomposition/documentTree(for:)``, byte for byte what
    /// ``Decomposition/writeJSON(for:chunkSize:to:)`` writes for the same sub-pathways, straight from the index: no
    /// `String` or value per sub-pathway or step.
    ///
    /// - Parameters:
    ///   - partitions: One partition per pathway, in output order.
    ///   - chunkSize: About how many bytes to hand over at a time.
    ///   - sink: Takes the text, piece by piece, in order (each piece whole UTF-8).
    /// - Complexity: O(V + E + size of the output).
    public static func writeJSON(
        for partitions: [IndexedPartition], chunkSize: Int = 1 << 20, to sink: ([UInt8]) -> Void
    ) {
        var writer = JSONWriter(capacity: chunkSize + 4096)
        var scratch: [UInt8] = []
        writer.beginObject()
        writer.key("decompositions")
        writer.beginArray()
        for partition in partitions {
            let index = partition.index
            writer.beginObject()
            writer.member("pathway", index.id.rawValue)
            writer.member("strategy", partition.strategy.rawValue)
            if partition.count > 0 {
                writer.key("subpathways")
                writer.beginArray()
                var marks = PartMarks(index)
                for part in partition.parts {
                    writer.beginObject()
                    writer.key("id")
                    partition.partID(part, into: &scratch)
                    scratch.withUnsafeBufferPointer { writer.string(utf8: $0) }
                    writer.key("title")
                    partition.title(part, into: &scratch)
                    scratch.withUnsafeBufferPointer { writer.string(utf8: $0) }
                    if partition.isCyclic(part) {
                        writer.key("cyclic")
                        writer.boolean(true)
                    }
                    let steps = partition.steps(part)
                    if !steps.isEmpty {
                        writer.key("steps")
                        writer.beginArray()
                        for step in steps {
                            index.stepIDs.withUTF8(step) { writer.string(utf8: $0.assumingMemoryBound(to: UInt8.self)) }
                        }
                        writer.endArray()
                    }
                    partition.writeLinks(partition.entries(part), key: "entries", to: &writer)
                    partition.writeLinks(partition.exits(part), key: "exits", to: &writer)
                    let (stages, staff) = marks.stagesAndStaff(of: steps)
                    if !stages.isEmpty {
                        writer.key("stages")
                        writer.beginArray()
                        for stage in stages {
                            index.stageNames.withUTF8(stage) {
                                writer.string(utf8: $0.assumingMemoryBound(to: UInt8.self))
                            }
                        }
                        writer.endArray()
                    }
                    if !staff.isEmpty {
                        writer.key("staffGroups")
                        writer.beginArray()
                        for group in staff {
                            index.staffGroupIDs.withUTF8(group) {
                                writer.string(utf8: $0.assumingMemoryBound(to: UInt8.self))
                            }
                        }
                        writer.endArray()
                    }
                    writer.endObject()
                    writer.flush(atLeast: chunkSize, to: sink)
                }
                writer.endArray()
            }
            Decomposition.writeFindings(partition.advice, to: &writer, chunkSize: chunkSize, sink: sink)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        writer.finish()
        writer.flush(to: sink)
    }

    /// Writes transitions as boundary links (`from`, `to`, `condition`) under `key`; nothing when there are none.
    private func writeLinks(
        _ edges: some RandomAccessCollection<Index<Transition>>, key: String, to writer: inout JSONWriter
    ) {
        guard !edges.isEmpty else { return }
        writer.key(key)
        writer.beginArray()
        for edge in edges {
            writer.beginObject()
            writer.key("from")
            index.stepIDs.withUTF8(index.transitionSources[edge]) {
                writer.string(utf8: $0.assumingMemoryBound(to: UInt8.self))
            }
            writer.key("to")
            index.stepIDs.withUTF8(index.transitionTargets[edge]) {
                writer.string(utf8: $0.assumingMemoryBound(to: UInt8.self))
            }
            if index.conditions.hasText(edge) {
                writer.key("condition")
                index.conditions.withUTF8(edge) { writer.string(utf8: $0.assumingMemoryBound(to: UInt8.self)) }
            }
            writer.endObject()
        }
        writer.endArray()
    }

    /// A part's id, `<pathway>/<n>` (numbered from 1), into `bytes`.
    func partID(_ part: Index<Subpathway>, into bytes: inout [UInt8]) {
        bytes.removeAll(keepingCapacity: true)
        bytes += index.id.rawValue.utf8
        bytes.append(UInt8(ascii: "/"))
        TextBuffer.withDigits(part.position + 1) { bytes += $0 }
    }

    /// A part's title (the strategy's, or "first label → last label" or the one label), into `bytes`.
    func title(_ part: Index<Subpathway>, into bytes: inout [UInt8]) {
        bytes.removeAll(keepingCapacity: true)
        if let titles {
            bytes += titles[part.position].utf8
            return
        }
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
    ///   - chunkSize: About how many bytes to hand over at a time.
    ///   - sink: Takes the text, piece by piece, in order (each piece whole UTF-8).
    /// - Complexity: O(V + E + size of the output).
    public static func writeText(
        for partitions: [IndexedPartition], chunkSize: Int = 1 << 20, to sink: ([UInt8]) -> Void
    ) {
        var out: [UInt8] = []
        out.reserveCapacity(chunkSize + 4096)
        var scratch: [UInt8] = []
        func flush(_ force: Bool = false) {
            guard !out.isEmpty, force || out.count >= chunkSize else { return }
            sink(out)
            out.removeAll(keepingCapacity: true)
        }
        for partition in partitions {
            let index = partition.index
            out += index.id.rawValue.utf8
            out += ": ".utf8
            TextBuffer.withDigits(partition.count) { out += $0 }
            out += " sub-pathway\(partition.count == 1 ? "" : "s") (\(partition.strategy.rawValue))\n".utf8
            var marks = PartMarks(index)
            for part in partition.parts {
                out.append(0x0A)
                partition.partID(part, into: &scratch)
                out += scratch
                out += "  ".utf8
                partition.title(part, into: &scratch)
                out += scratch
                if partition.isCyclic(part) { out += "  (loop)".utf8 }
                out.append(0x0A)
                let steps = partition.steps(part)
                if !steps.isEmpty {
                    out += "  steps:\n".utf8
                    partition.appendSteps(steps, to: &out)
                }
                out += "  entries:".utf8
                partition.appendLinks(partition.entries(part), none: "none (a pathway entry)", to: &out)
                out += "  exits:".utf8
                partition.appendLinks(partition.exits(part), none: "none (a pathway exit)", to: &out)
                let (stages, staff) = marks.stagesAndStaff(of: steps)
                if !stages.isEmpty {
                    out += "  stages: ".utf8
                    for (number, stage) in stages.enumerated() {
                        if number > 0 { out += "; ".utf8 }
                        index.stageNames.withUTF8(stage) { out += $0 }
                    }
                    out.append(0x0A)
                }
                if !staff.isEmpty {
                    out += "  staff: ".utf8
                    for (number, group) in staff.enumerated() {
                        if number > 0 { out += ", ".utf8 }
                        index.staffGroupIDs.withUTF8(group) { out += $0 }
                    }
                    out.append(0x0A)
                }
                flush()
            }
            if !partition.advice.isEmpty {
                out += "\nadvice:\n".utf8
                for finding in partition.advice { out += "  \(finding.description)\n".utf8 }
            }
            out.append(0x0A)
        }
        flush(true)
    }

    /// The numbered steps of a part: number, id padded to the longest id of the part, label, and the kind unless
    /// it is an activity.
    private func appendSteps(_ steps: some Collection<Index<Step>>, to out: inout [UInt8]) {
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
        for (number, step) in steps.enumerated() {
            out += "    ".utf8
            TextBuffer.withDigits(number + 1) { out += $0 }
            out += ". ".utf8
            if isASCII {
                let length = index.stepIDs.withUTF8(step) { bytes in
                    out += bytes
                    return bytes.count
                }
                out += repeatElement(UInt8(ascii: " "), count: width - length)
            } else {
                out += index.stepIDs[step].padding(toLength: width, withPad: " ", startingAt: 0).utf8
            }
            out += "  ".utf8
            if index.labels.hasText(step) {
                index.labels.withUTF8(step) { out += $0 }
            } else {
                index.stepIDs.withUTF8(step) { out += $0 }
            }
            let kind = index.kinds[step]
            if kind != .activity { out += "  [\(kind.rawValue)]".utf8 }
            out.append(0x0A)
        }
    }

    /// Boundary links, one per line with their conditions, or `none` on the same line.
    private func appendLinks(
        _ edges: some RandomAccessCollection<Index<Transition>>, none: String, to out: inout [UInt8]
    ) {
        guard !edges.isEmpty else {
            out += " \(none)\n".utf8
            return
        }
        out.append(0x0A)
        for edge in edges {
            out += "    ".utf8
            index.stepIDs.withUTF8(index.transitionSources[edge]) { out += $0 }
            out += " → ".utf8
            index.stepIDs.withUTF8(index.transitionTargets[edge]) { out += $0 }
            if index.conditions.hasText(edge) {
                out += "  [".utf8
                index.conditions.withUTF8(edge) { out += $0 }
                out.append(UInt8(ascii: "]"))
            }
            out.append(0x0A)
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
