import Foundation

/// Finds the repository's `Fixtures/` folder and the shared corpus, wherever the tests run from.
public enum Fixtures {
    /// The repository root, found from this file's path.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Fixtures/` at the repository root.
    public static let directory: URL = root.appendingPathComponent("Fixtures")

    /// The path of a file or folder under `Fixtures/`.
    public static func path(_ relative: String) -> String {
        directory.appendingPathComponent(relative).path
    }

    /// `../shared/corpus` beside the repository, where it exists (CI); `nil` in a user's clone.
    public static let corpus: URL? = {
        let url = root.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    /// Whether the shared corpus is present; corpus tests are skipped when it is not.
    public static var hasCorpus: Bool { corpus != nil }

    /// The path of a corpus file (only call when ``hasCorpus``).
    public static func corpusPath(_ relative: String) -> String {
        (corpus ?? root).appendingPathComponent(relative).path
    }
}
