import Foundation
import Testing

@testable import PathwayKit

/// All-or-nothing output: staging folder, rollback, stale temporaries.
@Suite struct AtomicFileTests {
    static func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pathgap-atomic-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("a rename that fails midway puts back the files already renamed and leaves no temporary")
    func rollBack() throws {
        let folder = try Self.scratch()
        try "old md".write(toFile: folder + "/report.md", atomically: true, encoding: .utf8)
        try "old html".write(toFile: folder + "/report.html", atomically: true, encoding: .utf8)
        // The rename of the third file fails after report.md (replaced) and report.csv (new) were renamed.
        let error = #expect(throws: FileWriteError.self) {
            try AtomicFile.write(
                [
                    (folder + "/report.md", Data("new md".utf8)), (folder + "/report.csv", Data("new csv".utf8)),
                    (folder + "/report.html", Data("new html".utf8)),
                ], failingRenameAt: 2)
        }
        #expect(error?.path == folder + "/report.html")
        #expect(try String(contentsOfFile: folder + "/report.md", encoding: .utf8) == "old md")
        #expect(try String(contentsOfFile: folder + "/report.html", encoding: .utf8) == "old html")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ["report.html", "report.md"])
    }

    @Test("a folder in the way of an output file is an error before anything is renamed; the folder is kept")
    func folderInTheWay() throws {
        let folder = try Self.scratch()
        try "old md".write(toFile: folder + "/report.md", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder + "/report.html/kept", withIntermediateDirectories: true)
        let error = #expect(throws: FileWriteError.self) {
            try AtomicFile.write([
                (folder + "/report.md", Data("new md".utf8)), (folder + "/report.html", Data("new html".utf8)),
            ])
        }
        #expect(error?.path == folder + "/report.html")
        #expect(error?.reason == "something other than a file is in the way")
        #expect(try String(contentsOfFile: folder + "/report.md", encoding: .utf8) == "old md")
        #expect(FileManager.default.fileExists(atPath: folder + "/report.html/kept"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["report.html", "report.md"])
    }

    @Test("files are replaced whole, and no staging folder is left")
    func replaces() throws {
        let folder = try Self.scratch()
        try "old".write(toFile: folder + "/a.txt", atomically: true, encoding: .utf8)
        try AtomicFile.write([(folder + "/a.txt", Data("new".utf8)), (folder + "/sub/b.txt", Data("b".utf8))])
        #expect(try String(contentsOfFile: folder + "/a.txt", encoding: .utf8) == "new")
        #expect(try String(contentsOfFile: folder + "/sub/b.txt", encoding: .utf8) == "b")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["a.txt", "sub"])
    }

    @Test("temporaries left by a killed run are removed by the next run; a live run's are kept")
    func staleTemporaries() throws {
        let folder = try Self.scratch()
        // A process id that cannot be running (above the kernel's maximum), and this process's own.
        let dead = folder + "/.pathgap-99999999-0a1b2c3d.tmp"
        let oldStyle = folder + "/.report.md.99999999-0a1b2c3d.tmp"
        let live = folder + "/.pathgap-\(ProcessInfo.processInfo.processIdentifier)-deadbeef.tmp"
        try FileManager.default.createDirectory(atPath: dead, withIntermediateDirectories: true)
        try "partial".write(toFile: dead + "/0", atomically: true, encoding: .utf8)
        try "partial".write(toFile: oldStyle, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: live, withIntermediateDirectories: true)
        try AtomicFile.write([(folder + "/out.txt", Data("x".utf8))])
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == [(live as NSString).lastPathComponent, "out.txt"])
    }

    @Test("the same path twice is refused before anything is written")
    func samePathTwice() throws {
        let folder = try Self.scratch()
        #expect(throws: FileWriteError.self) {
            try AtomicFile.write([(folder + "/a", Data("1".utf8)), (folder + "/./a", Data("2".utf8))])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
}
