import Foundation
import PathwayKit

/// The staff groups, competency frameworks and education resources that ship with pathgap (`Fixtures/`), which a
/// lone pathway file is judged against when no others are given.
///
/// Looked for, in order: the folder `PATHGAP_CATALOGUE` names; `Fixtures/` in the current folder (a clone); a
/// `Fixtures/` above the executable (`.build/debug/pathgap` in a clone); `share/pathgap/` beside the executable's
/// `bin/` (an installed copy, as the Dockerfile makes). A folder counts when it holds `staff-groups.yaml`.
struct BundledCatalogue {
    /// The folder found.
    var folder: String
    /// `staff-groups.yaml`.
    var staffGroups: [String]
    /// Every `.yaml` file under `frameworks/`, sorted.
    var frameworks: [String]
    /// Every `.yaml` file under `resources/`, sorted.
    var resources: [String]

    /// The bundled catalogue, or `nil` when none is found.
    static func find() -> BundledCatalogue? {
        var candidates: [String] = []
        if let named = ProcessInfo.processInfo.environment["PATHGAP_CATALOGUE"], !named.isEmpty {
            candidates.append(named)
        }
        candidates.append("Fixtures")
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        candidates.append(folder.deletingLastPathComponent().appendingPathComponent("share/pathgap").path)
        for _ in 0..<4 {
            folder = folder.deletingLastPathComponent()
            candidates.append(folder.appendingPathComponent("Fixtures").path)
        }
        guard
            let found = candidates.first(where: {
                FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent("staff-groups.yaml"))
            })
        else { return nil }
        func yamlFiles(_ sub: String) -> [String] {
            let path = (found as NSString).appendingPathComponent(sub)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { $0.hasSuffix(".yaml") }.sorted().map { (path as NSString).appendingPathComponent($0) }
        }
        return BundledCatalogue(
            folder: found, staffGroups: [(found as NSString).appendingPathComponent("staff-groups.yaml")],
            frameworks: yamlFiles("frameworks"), resources: yamlFiles("resources"))
    }
}
