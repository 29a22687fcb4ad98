import Foundation
import PathwayKit

/// A ready project around a generated network (`pathgap generate --project DIR`): the manifest, the annotated
/// network as an edge list with its node table, and a framework, resources and staff groups that define every id the
/// network names, or, when the ids came from another project (`--ids-from`), that project's files.
///
/// The generated catalogue covers the competencies unevenly on purpose, so that a report on the project shows every
/// kind of resource gap: for the n-th competency, n mod 3 = 0 has no resource, 1 a resource for everyone, 2 only a
/// partial one.
struct GeneratedProject {
    /// The network.
    var generator: PathwayGenerator
    /// The folder to write into.
    var folder: String
    /// The project the staff groups and competencies were drawn from, if any.
    var source: Project?

    /// The files to write, with what each is.
    func files() -> [(path: String, data: Data, what: String)] {
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        var files: [(path: String, data: Data, what: String)] = [
            (path("pathway.csv"), Data(generator.edgeListBytes()), "edge list"),
            (path("pathway.nodes.csv"), Data(generator.nodeTableBytes()), "node table"),
        ]
        var frameworks = ["framework.yaml"]
        var resources = ["resources.yaml"]
        var staffGroups = ["staff-groups.yaml"]
        if let source {
            func reused(_ names: [String]) -> [String] {
                names.map {
                    Self.relativePath(of: (source.directory as NSString).appendingPathComponent($0), from: folder)
                }
            }
            frameworks = reused(source.manifest.frameworks)
            resources = reused(source.manifest.resources)
            staffGroups = reused(source.manifest.staffGroups)
        } else {
            files += [
                (path("framework.yaml"), Data(frameworkText().utf8), "framework"),
                (path("resources.yaml"), Data(resourcesText().utf8), "resources"),
                (path("staff-groups.yaml"), Data(staffGroupsText().utf8), "staff groups"),
            ]
        }
        let options = generator.options
        let id = StaffGroupID(slugging: (folder as NSString).lastPathComponent).rawValue
        let manifest = """
            # Written by pathgap generate --steps \(options.steps) --seed \(options.seed).
            id: \(Self.quoted(id.isEmpty ? "generated" : id))
            title: \(Self.quoted("Generated network (\(options.steps) steps, seed \(options.seed))"))
            status: planned
            region: national
            owner: pathgap generate
            pathways: [pathway.csv]
            frameworks: [\(frameworks.map(Self.quoted).joined(separator: ", "))]
            resources: [\(resources.map(Self.quoted).joined(separator: ", "))]
            staffGroups: [\(staffGroups.map(Self.quoted).joined(separator: ", "))]

            """
        files.insert((path(ProjectLoader.manifestName), Data(manifest.utf8), "manifest"), at: 0)
        return files
    }

    /// A framework defining every competency drawn from, written for every staff group, at two levels.
    func frameworkText() -> String {
        var text = """
            id: generated
            title: Generated competencies
            levels: [basic, advanced]
            areas:
              - id: generated
                title: Generated competencies
                competencies:

            """
        for competency in generator.options.competencies {
            text +=
                "          - {id: \(Self.quoted(competency)), statement: \(Self.quoted("Generated competency \(competency)."))}\n"
        }
        return text
    }

    /// Resources for two competencies in three: a full one, or a partial one.
    func resourcesText() -> String {
        var text = "resources:\n"
        for (index, competency) in generator.options.competencies.enumerated() where index % 3 != 0 {
            let partial = index % 3 == 2
            text += """
                  - id: \(Self.quoted("resource-\(index + 1)"))
                    title: \(Self.quoted("Generated \(partial ? "introduction to" : "course on") \(competency)"))
                    kind: e-learning
                    provider: Generated provider
                    develops: [{competency: \(Self.quoted(competency))\(partial ? ", partial: true" : "")}]

                """
        }
        return text == "resources:\n" ? "resources: []\n" : text
    }

    /// A staff group for every id drawn from, named after it.
    func staffGroupsText() -> String {
        guard !generator.options.staffGroups.isEmpty else { return "staffGroups: []\n" }
        return "staffGroups:\n"
            + generator.options.staffGroups.map { id in
                let name = id.replacingOccurrences(of: "-", with: " ")
                return
                    "  - {id: \(Self.quoted(id)), name: \(Self.quoted(name.prefix(1).uppercased() + name.dropFirst()))}\n"
            }.joined()
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += String(format: "\\u%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The path of a file relative to a folder (both taken from the current folder when relative).
    static func relativePath(of file: String, from folder: String) -> String {
        let target = URL(fileURLWithPath: file).standardizedFileURL.pathComponents
        let base = URL(fileURLWithPath: folder).standardizedFileURL.pathComponents
        var common = 0
        while common < min(target.count, base.count), target[common] == base[common] { common += 1 }
        let ups = Array(repeating: "..", count: base.count - common)
        return (ups + target[common...]).joined(separator: "/")
    }
}
