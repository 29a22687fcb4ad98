import Foundation
import PathwayKit
import TestSupport
import Testing

/// Large reports are written without being held whole: JSON piece by piece, each file to a staged temporary file,
/// all renamed into place together.
@Suite struct ReportStreamingTests {
    static func report() throws -> GapReport {
        let loader = ProjectLoader()
        let projects = try ["dpyd", "lynch-syndrome", "sudden-cardiac-death"].map {
            try loader.loadProject(at: Fixtures.path("projects/\($0)")).project
        }
        return GapReport(analysing: projects, asOf: AsOfDate("2026-11-25"))
    }

    @Test("JSON written in pieces is jsonBytes byte for byte, whatever the piece size", arguments: [0, 100, 1 << 20])
    func streamedJSON(chunkSize: Int) throws {
        let report = try Self.report()
        let views = report.views()
        var pieces = 0
        var streamed: [UInt8] = []
        report.writeJSON(views: views, chunkSize: chunkSize) { piece in
            pieces += 1
            streamed += piece
        }
        #expect(streamed == report.jsonBytes(views: views))
        // Small pieces mean many hand-overs (one per record at least); a large piece size means one.
        #expect(chunkSize > streamed.count ? pieces == 1 : pieces > 100)
    }

    @Test(
        "Markdown and CSV written in pieces are markdownBytes and csvBytes byte for byte", arguments: [0, 100, 1 << 20])
    func streamedMarkdownAndCSV(chunkSize: Int) throws {
        let report = try Self.report()
        let views = report.views()
        var pieces = 0
        var markdown: [UInt8] = []
        report.writeMarkdown(views: views, chunkSize: chunkSize) { piece in
            pieces += 1
            markdown += piece
        }
        #expect(markdown == report.markdownBytes(views: views))
        #expect(chunkSize > markdown.count ? pieces == 1 : pieces > 100)
        var csv: [UInt8] = []
        pieces = 0
        report.writeCSV(chunkSize: chunkSize) { piece in
            pieces += 1
            csv += piece
        }
        #expect(csv == report.csvBytes())
        #expect(chunkSize > csv.count ? pieces == 1 : pieces > 100)
    }

    struct Refused: Error {}

    @Test("files made one at a time appear together; a failure while making one leaves every target as it was")
    func filesMadeInTurn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("in-turn-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = ["a.txt", "b.txt"].map { folder.appendingPathComponent($0).path }
        try AtomicFile.write([(paths[0], Data("old a".utf8)), (paths[1], Data("old b".utf8))])

        var made: [Int] = []
        #expect(throws: Refused.self) {
            try AtomicFile.write(paths: paths) { index, emit in
                made.append(index)
                Array("new".utf8).withUnsafeBytes(emit)
                if index == 1 { throw Refused() }
            }
        }
        #expect(made == [0, 1])
        #expect(try String(contentsOfFile: paths[0], encoding: .utf8) == "old a")
        #expect(try String(contentsOfFile: paths[1], encoding: .utf8) == "old b")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.txt", "b.txt"])

        try AtomicFile.write(paths: paths) { index, emit in
            Array("new ".utf8).withUnsafeBytes(emit)
            Array(["a", "b"][index].utf8).withUnsafeBytes(emit)
        }
        #expect(try String(contentsOfFile: paths[0], encoding: .utf8) == "new a")
        #expect(try String(contentsOfFile: paths[1], encoding: .utf8) == "new b")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.txt", "b.txt"])
    }
}
