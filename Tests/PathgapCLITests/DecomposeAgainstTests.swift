import Foundation
import PathgapCLI
import PathwayKit
import TestSupport
import Testing

@Suite struct DecomposeAgainstTests {
    @Test("--against prints the index, the boundary scores and the sub-pathways that differ most")
    func textReport() {
        let result = DecomposeCommandTests.run([
            "decompose", Fixtures.path("projects/dpyd"), "--strategy", "chains", "--against",
            Fixtures.path("cuts/dpyd.txt"),
        ])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("dpyd-testing (chains) against the cut of 14 steps\n"))
        #expect(result.output.contains("  adjusted Rand index: 0.29\n"))
        #expect(result.output.contains("  boundaries: precision 0.00 (0 of 7), recall n/a (none)\n"))
        #expect(result.output.contains("  differ most:\n    0.29  Result to dose ~ dpyd-testing/5: without DPYD-09B"))
    }

    @Test("--against with --format json carries the same figures, and the mean over pathways")
    func jsonReport() throws {
        let result = DecomposeCommandTests.run([
            "decompose", Fixtures.path("projects/lynch-syndrome"), "--strategy", "phases", "--format", "json",
            "--against", Fixtures.path("cuts/lynch-syndrome.yaml"),
        ])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let agreements = try #require(object["agreements"] as? [[String: Any]])
        #expect(agreements.first?["pathway"] as? String == "lynch-syndrome")
        #expect(agreements.first?["steps"] as? Int == 22)
        let index = try #require(agreements.first?["adjustedRandIndex"] as? Double)
        #expect(index >= 0.6 && object["meanAdjustedRandIndex"] as? Double == index)
    }

    @Test("a cuts file that names no step of the pathway, or cannot be read, exits 64 naming the file")
    func badCuts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cuts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let other = folder.appendingPathComponent("other.txt").path
        try "x y z\n".write(toFile: other, atomically: true, encoding: .utf8)
        let unrelated = DecomposeCommandTests.run([
            "decompose", Fixtures.path("projects/dpyd"), "--against", other,
        ])
        #expect(unrelated.status == 64)
        #expect(unrelated.errors.contains("\(other): error: no cut names a step of the pathways read"))
        let duplicate = folder.appendingPathComponent("dup.txt").path
        try "a b\nb c\n".write(toFile: duplicate, atomically: true, encoding: .utf8)
        let twice = DecomposeCommandTests.run(["decompose", Fixtures.path("projects/dpyd"), "--against", duplicate])
        #expect(twice.status == 64)
        #expect(twice.errors.contains("\(duplicate):2:1: error: step 'b' is already in the sub-pathway on line 1"))
        let missing = DecomposeCommandTests.run([
            "decompose", Fixtures.path("projects/dpyd"), "--against", folder.appendingPathComponent("none.txt").path,
        ])
        #expect(missing.status == 64)
    }

    @Test("--target-steps steers phases and the size advice; a bad value is refused")
    func targetSteps() {
        let path = Fixtures.path("projects/lynch-syndrome")
        let wide = DecomposeCommandTests.run(["decompose", path, "--strategy", "phases", "--target-steps", "2-9"])
        #expect(wide.status == 0)
        #expect(!wide.errors.contains("subpathway-size"))
        let narrow = DecomposeCommandTests.run(["decompose", path, "--strategy", "phases", "--target-steps", "3"])
        // Size warnings are summarised on standard error.
        #expect(narrow.errors.contains("the method suggests 3 to 3"))
        let bad = DecomposeCommandTests.run(["decompose", path, "--target-steps", "5-3"])
        #expect(bad.status == 64)
    }
}
