import Foundation
import Testing

@testable import PathwayKit

/// Side tables that hold nothing until a reader fills them: what they give back must not depend on whether they
/// stored anything.
@Suite struct LazyColumnTests {
    @Test("a lazy column reads defaults until a value differs, then every value as appended")
    func lazyColumn() {
        var column = LazyColumn<Int32>(default: -1)
        for _ in 0..<3 { column.append(-1) }
        #expect(column.isUniform)
        #expect((0..<3).map { column[$0] } == [-1, -1, -1])
        column.append(7)
        column.append(-1)
        #expect(!column.isUniform)
        #expect(column.count == 5)
        #expect(column.elements == [-1, -1, -1, 7, -1])
        column[0] = 2
        #expect(column[0] == 2)
    }

    @Test("a column whose default is NaN stays empty for NaN and stores the first number")
    func nanDefault() {
        var shares = LazyColumn<Double>(default: .nan)
        shares.append(.nan)
        shares.append(.nan)
        #expect(shares.isUniform)
        #expect(shares[1].isNaN)
        shares.append(0.25)
        #expect(!shares.isUniform)
        #expect(shares[0].isNaN && shares[2] == 0.25)
        var other = LazyColumn<Double>(default: .nan, count: 2)
        other[1] = .nan
        #expect(other.isUniform)
    }

    @Test("shares are kept as codes into their distinct values and read back bit for bit; none stored without shares")
    func shareColumn() {
        var shares = ShareColumn()
        shares.append(nil)
        shares.append(.nan)
        #expect(shares.isUniform && shares.count == 2)
        for share in [0.25, nil, 0.25, -0.0, 0.0, 1] as [Double?] { shares.append(share) }
        #expect(!shares.isUniform && shares.count == 8)
        #expect((0..<8).map { shares[$0] } == [nil, nil, 0.25, nil, 0.25, -0.0, 0.0, 1])
        #expect(shares[5]?.sign == .minus && shares[6]?.sign == .plus)
        // More distinct values than codes: every value is still read back.
        var many = ShareColumn()
        for value in 0..<100_000 { many.append(value % 3 == 0 ? nil : Double(value) / 100_000) }
        #expect(many.count == 100_000)
        #expect((0..<100_000).allSatisfy { many[$0] == ($0 % 3 == 0 ? nil : Double($0) / 100_000) })
    }

    @Test("locations one line after another, or all alike, are kept as a rule; the first exception stores them all")
    func locationRule() {
        let file = Index<IndexTag.File>(raw: 0)
        var lines = LocationColumn()
        for line in 2..<6 { lines.append(CompactLocation(file: file, line: Int32(line))) }
        #expect((0..<4).map { lines[$0].line } == [2, 3, 4, 5])
        // A comment line skipped: the rule breaks, and every location is still right.
        lines.append(CompactLocation(file: file, line: 7))
        lines.append(CompactLocation(file: file, line: 8, column: 4))
        #expect((0..<6).map { lines[$0].line } == [2, 3, 4, 5, 7, 8])
        #expect(lines[5].column == 4 && lines[4].column == 0)
        var same = LocationColumn()
        for _ in 0..<3 { same.append(CompactLocation(file: file, line: -1)) }
        #expect((0..<3).map { same[$0] } == Array(repeating: CompactLocation(file: file, line: -1), count: 3))
        same[1] = CompactLocation(file: Index(raw: 1), line: 9)
        #expect(same[1] == CompactLocation(file: Index(raw: 1), line: 9))
        #expect(same[2] == CompactLocation(file: file, line: -1))
    }

    @Test("a text column with no text reads nil and empty bytes; the first text keeps the ones before it absent")
    func textColumn() {
        var column = TextColumn<Transition>()
        column.append(nil)
        column.append(nil)
        #expect(column.isEmpty && column.count == 2)
        #expect(column[Index(1)] == nil && !column.hasText(Index(1)))
        #expect(column.withUTF8(Index(0)) { $0.count } == 0)
        column.append("")
        column.append("yes")
        column.append(nil)
        #expect(column.count == 5)
        #expect((0..<5).map { column[Index($0)] } == [nil, nil, "", "yes", nil])
        var same = TextColumn<Transition>()
        for text in [nil, nil, "", "yes", nil] as [String?] { same.append(text) }
        #expect(same == column)
    }

    @Test("conditions are codes into their distinct texts; past 65,535 texts they are written out, and read the same")
    func codedTextColumn() {
        var column = CodedTextColumn<Transition>()
        column.append(nil)
        #expect(column.isEmpty && column[Index(0)] == nil)
        for text in ["yes", nil, "", "no", "yes"] as [String?] { column.append(text) }
        #expect(!column.isEmpty && column.count == 6)
        #expect((0..<6).map { column[Index($0)] } == [nil, "yes", nil, "", "no", "yes"])
        #expect(column.hasText(Index(3)) && !column.hasText(Index(2)))
        #expect(column.withUTF8(Index(4)) { Array($0) } == Array("no".utf8))
        var many = CodedTextColumn<Transition>()
        for value in 0..<140_000 { many.append(value % 2 == 0 ? nil : "c\(value)") }
        #expect(many.count == 140_000)
        #expect((0..<140_000).allSatisfy { many[Index($0)] == ($0 % 2 == 0 ? nil : "c\($0)") })
    }

    /// Writes `text` as `name` in a new folder and reads it as an edge list.
    static func index(_ text: String, name: String = "g.csv", nodes: String? = nil) throws -> (PathwayIndex, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lazy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        if let nodes {
            try Data(nodes.utf8).write(to: folder.appendingPathComponent("g.nodes.csv"))
        }
        return (try EdgeListReader.index(contentsOf: path, chunkSize: 16), path)
    }

    @Test("a bare edge list stores no side table, yet every step and transition reads its line, kind and nothing else")
    func bareEdgeList() throws {
        let (index, path) = try Self.index("a,b\nb,c\nc,d\nb,d\n")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        #expect(index.stageOfStep.isUniform && index.settingOfStep.isUniform && index.shareValues.isUniform)
        #expect(index.staffOffsets.isUniform && index.competencyOffsets.isUniform)
        #expect(index.labels.isEmpty && index.conditions.isEmpty)
        #expect(index.transitions.map { index.location($0)?.line } == [1, 2, 3, 4])
        #expect(index.steps.map { index.location($0)?.line } == [1, 1, 2, 3])
        #expect(index.steps.map { index.kinds[$0] } == [.start, .decision, .activity, .end])
        #expect(index.steps.map { index.label($0) } == ["a", "b", "c", "d"])
        #expect(index.steps.allSatisfy { index.stage($0) == nil && index.staffGroups($0).isEmpty })
        #expect(index.transitions.allSatisfy { index.share($0) == nil && index.conditions[$0] == nil })
        let pathway = index.pathway()
        #expect(pathway.steps.map { $0.location?.line } == [1, 1, 2, 3])
        #expect(pathway.transitions.map { $0.location?.line } == [1, 2, 3, 4])
    }

    @Test("columns filled part way (a comment, a late condition and share, a node table) read right on every row")
    func partlyFilled() throws {
        let text = "from,to,condition,share\na,b\n# note\nb,c\nb,d,no,0.4\nc,e\nd,e\n"
        let nodes = "id,label,stage\nb,Bee,triage\nz,Zed,\n"
        let (index, path) = try Self.index(text, nodes: nodes)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        #expect(index.stepIDs.names == ["b", "z", "a", "c", "d", "e"])
        #expect(index.transitions.map { index.location($0)?.line } == [2, 4, 5, 6, 7])
        #expect(index.transitions.map { index.conditions[$0] } == [nil, nil, "no", nil, nil])
        #expect(index.transitions.map { index.share($0) } == [nil, nil, 0.4, nil, nil])
        // A node-table step without a kind takes its line from its first transition, like the value reader; one
        // no transition names keeps its own row.
        #expect(index.location(Index<Step>(0))?.line == 2)
        #expect(index.location(Index<Step>(1))?.file.hasSuffix("g.nodes.csv") == true)
        #expect(index.location(Index<Step>(1))?.line == 3)
        #expect(index.steps.map { index.location($0)?.line } == [2, 3, 2, 4, 5, 6])
        #expect(index.stage(Index(0)).map { index.stageNames[$0] } == "triage")
        #expect(index.stage(Index(1)) == nil)
        #expect(index.label(Index(1)) == "Zed" && index.label(Index(2)) == "a")
        #expect(try PathwayReaders.standard.read(path).pathways == [index.pathway()])
    }

    /// Shares, conditions and lines of two halves of an edge list: none, then some, in the order given.
    static let halves: [[(share: Double?, condition: String?, line: Int32)]] = [
        [], [(nil, nil, 2)], [(nil, nil, 2), (nil, nil, 3)],
        [(0.25, "yes", 2), (nil, nil, 3), (0.75, "no", 4)],
        [(0.75, "no", 5), (1, "re-test", 6), (nil, nil, 7), (0.25, "yes", 8)],
        [(nil, nil, 5), (nil, nil, 6)], [(nil, "no", 9), (0.5, nil, 11)],
    ]

    @Test("a half's columns appended at once read as appending its rows one by one, with its lines shifted")
    func columnsAppendedAtOnce() {
        let file = Index<IndexTag.File>(raw: 0)
        for first in Self.halves {
            for second in Self.halves {
                var shares = (one: ShareColumn(), all: ShareColumn(), half: ShareColumn())
                var conditions = (one: CodedTextColumn<Transition>(), all: CodedTextColumn<Transition>())
                var half = CodedTextColumn<Transition>()
                var lines = (one: LocationColumn(), all: LocationColumn(), half: LocationColumn())
                // The second half's lines shifted to follow the first's (the rule goes on), or to jump.
                let shift = first.count > 1 && second.count > 1 ? first[first.count - 1].line + 1 - second[0].line : 10
                for row in first {
                    shares.one.append(row.share)
                    shares.all.append(row.share)
                    conditions.one.append(row.condition)
                    conditions.all.append(row.condition)
                    lines.one.append(CompactLocation(file: file, line: row.line))
                    lines.all.append(CompactLocation(file: file, line: row.line))
                }
                for row in second {
                    shares.one.append(row.share)
                    shares.half.append(row.share)
                    conditions.one.append(row.condition)
                    half.append(row.condition)
                    lines.one.append(CompactLocation(file: file, line: row.line + shift))
                    lines.half.append(CompactLocation(file: file, line: row.line))
                }
                shares.all.append(contentsOf: shares.half)
                conditions.all.append(contentsOf: half)
                lines.all.append(contentsOf: lines.half, lineShift: shift)
                let count = first.count + second.count
                #expect(shares.all.count == count && conditions.all.count == count && lines.all.count == count)
                #expect((0..<count).map { shares.all[$0] } == (0..<count).map { shares.one[$0] })
                #expect(shares.all.isUniform == shares.one.isUniform)
                #expect((0..<count).map { conditions.all[Index($0)] } == (0..<count).map { conditions.one[Index($0)] })
                #expect(conditions.all.isEmpty == conditions.one.isEmpty)
                #expect((0..<count).map { lines.all[$0] } == (0..<count).map { lines.one[$0] })
            }
        }
        // More distinct values than codes between the two: every value still reads back.
        var many = (first: ShareColumn(), second: ShareColumn())
        var texts = (first: CodedTextColumn<Transition>(), second: CodedTextColumn<Transition>())
        for value in 0..<40_000 {
            many.first.append(Double(value) / 100_000)
            many.second.append(Double(value + 40_000) / 100_000)
            texts.first.append("t\(value)")
            texts.second.append("t\(value + 40_000)")
        }
        many.first.append(contentsOf: many.second)
        texts.first.append(contentsOf: texts.second)
        #expect((0..<80_000).allSatisfy { many.first[$0] == Double($0) / 100_000 })
        #expect((0..<80_000).allSatisfy { texts.first[Index($0)] == "t\($0)" })
    }
}
