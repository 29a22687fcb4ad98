import Foundation

/// The bundled projects under `Fixtures/projects/`.
public enum ProjectFolders {
    /// The names of the project folders, sorted.
    public static let bundled: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.path("projects"))) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: Fixtures.path("projects/\($0)/project.yaml"))
        }.sorted()
    }()
}
