import Foundation
import PathgapCLI
import TestSupport
import Testing

/// Opens a written HTML report in headless Chromium through `.ci/check-html.sh`; runs only where `chromium` is on
/// PATH.
@Suite struct ReportBrowserTests {
    @Test(
        "the HTML report renders in headless Chromium with no console error, and its tables sort",
        .needsChromium)
    func rendersCleanly() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("pathgap-browser-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(
            Pathgap.run(
                [
                    "report", Fixtures.path("projects"), Fixtures.path("gaps/no-resource"), "--out", out, "--format",
                    "html", "--as-of", "2026-11-25",
                ],
                console: .capturing()) == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Fixtures.root.appendingPathComponent(".ci/check-html.sh").path, out + "/report.html"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("rendered, no console errors"))
    }
}
