import Foundation
import Testing

/// What some tests need beyond the repository, as traits that skip them (with the same reason each time) where it
/// is missing. `scripts/test` counts the skips by these reasons at the end of the run and says how to get what
/// they need.
extension Trait where Self == ConditionTrait {
    /// Runs where the shared corpus of third-party files (`../shared/corpus`) is present.
    public static var needsCorpus: Self {
        .enabled(if: Fixtures.hasCorpus, "needs the shared corpus at ../shared/corpus")
    }

    /// Runs where a Chromium (or Chrome) binary is on `PATH`.
    public static var needsChromium: Self {
        .enabled(if: Requirement.chromium != nil, "needs chromium on PATH")
    }

    /// Runs unless `PATHGAP_QUICK=1`: the million-step tests, which take most of a debug run's time.
    public static var scaleTest: Self {
        .enabled(if: !Requirement.isQuick, "a scale test, left out by PATHGAP_QUICK=1")
    }
}

extension Tag {
    /// Tests over a million steps or more (debug builds take tens of seconds on them).
    @Tag public static var scale: Self
}

/// Where the optional requirements of tests are found.
public enum Requirement {
    /// The path of a Chromium (or Chrome) binary on `PATH`, or `nil`.
    public static let chromium: String? = {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let path = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }()

    /// Whether this is a quick run (`PATHGAP_QUICK=1`), which leaves out the scale tests.
    public static let isQuick = ProcessInfo.processInfo.environment["PATHGAP_QUICK"] == "1"
}
