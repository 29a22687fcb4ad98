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

/// Drives the HTML report in headless Chromium through Selenium (`Tests/browser/check_pages.py`): no console errors,
/// a filter hides the rows it should, sorting by a column orders it, a need's link lands on its framework table,
/// and a screenshot is written for review. Runs only where Python has Selenium and Chromium and its driver are
/// installed (`.ci/run` installs them); otherwise skipped, saying which is missing.
@Suite struct ReportSeleniumTests {
    /// The Python to run the script with: `PATHGAP_PYTHON` (`.ci/run` points it at its virtual environment) or
    /// `python3` on PATH.
    static let python: String? = {
        if let given = ProcessInfo.processInfo.environment["PATHGAP_PYTHON"], !given.isEmpty { return given }
        return executable("python3")
    }()

    static func executable(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Why the test cannot run here, or `nil` when it can.
    static let missing: String? = {
        guard let python else { return "python3 is not on PATH" }
        guard executable("chromium") ?? executable("chromium-browser") != nil else { return "chromium is not on PATH" }
        guard executable("chromedriver") != nil else { return "chromedriver is not on PATH (Debian: chromium-driver)" }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python)
        probe.arguments = ["-c", "import selenium"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return "\(python) cannot be run" }
        probe.waitUntilExit()
        return probe.terminationStatus == 0 ? nil : "Selenium is not installed for \(python) (pip install selenium)"
    }()

    @Test(
        "the HTML report and the flowcharts' index work in a real browser: filters, keyboard sorting, links",
        .enabled(if: missing == nil, "\(missing ?? "")"))
    func reportWorksInBrowser() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("pathgap-selenium-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(
            Pathgap.run(
                ["report", Fixtures.path("projects"), "--out", out, "--format", "html", "--as-of", "2026-11-25"],
                console: .capturing()) == 0)
        // The flowcharts' index page of `render --view all` is checked in the same browser session.
        #expect(
            Pathgap.run(
                ["render", Fixtures.path("projects/dpyd"), "--view", "all", "--out", out + "/charts"],
                console: .capturing()) == 0)
        // Screenshots for review go next to the build's other products, kept after the test.
        let shots = Fixtures.root.appendingPathComponent(".build/browser-screenshots").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.python))
        process.arguments = [
            Fixtures.root.appendingPathComponent("Tests/browser/check_pages.py").path, "--report", out + "/report.html",
            "--flowcharts", out + "/charts/dpyd-testing.index.html", "--screenshots", shots,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("check_pages: all checks passed"), "\(output)")
        #expect(output.contains("ok   report.html: a need's link lands on its framework table"))
        #expect(FileManager.default.fileExists(atPath: shots + "/report.png"))
        #expect(output.contains("ok   dpyd-testing.index.html: a part's link lands on its chart"))
        #expect(output.contains("ok   dpyd-testing.index.html: no console errors after use"))
        #expect(FileManager.default.fileExists(atPath: shots + "/flowcharts.png"))
    }
}
