import Foundation
import TestSupport
import Testing

/// The folders of `Sources/PathwayKit` form layers: a folder uses the types of the folders below it, never of one
/// that uses it. `Graph` (the compressed graph and its algorithms) is at the bottom with `Model` (the values);
/// `Index` (a pathway's dense indices, built on `Graph`) above them; then the readers (`Ingest`); the strategies
/// (`Decomposition`), `Validation` and `Analysis`; `Lifecycle`; and the writers (`Output`) at the top.
@Suite struct FolderLayeringTests {
    /// A use of one folder's type by a file of another folder.
    struct Use: Hashable, CustomStringConvertible {
        var user: String
        var owner: String
        var type: String
        var file: String
        var description: String { "\(user) → \(owner) (\(file) uses \(type))" }
    }

    static let root = Fixtures.root.appendingPathComponent("Sources/PathwayKit")

    /// Every Swift file of the library, by folder (the first path component under `Sources/PathwayKit`).
    static func files() throws -> [(folder: String, name: String, lines: [Substring])] {
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var found: [(folder: String, name: String, lines: [Substring])] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let relative = url.path.dropFirst(root.path.count + 1).split(separator: "/")
            guard relative.count > 1 else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            found.append((String(relative[0]), url.lastPathComponent, text.split(separator: "\n")))
        }
        return found.sorted { ($0.folder, $0.name) < ($1.folder, $1.name) }
    }

    /// The top-level types a file declares (declarations at the start of a line; nested ones are indented).
    static func declarations(in lines: [Substring]) -> [String] {
        let kinds: Set<Substring> = ["struct", "enum", "class", "protocol", "actor", "typealias"]
        let modifiers: Set<Substring> = [
            "public", "internal", "package", "fileprivate", "private", "final", "indirect",
        ]
        var names: [String] = []
        for line in lines where !(line.first?.isWhitespace ?? true) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "<" || $0 == ":" || $0 == "{" })
            var index = 0
            while index < words.count, modifiers.contains(words[index]) || words[index].hasPrefix("@") { index += 1 }
            if index + 1 < words.count, kinds.contains(words[index]) { names.append(String(words[index + 1])) }
        }
        return names
    }

    /// The capitalised words of a file's code, comments left out.
    static func words(in lines: [Substring]) -> Set<String> {
        var words: Set<String> = []
        for line in lines where !line.drop(while: \.isWhitespace).hasPrefix("//") {
            var word = ""
            for character in line + " " {
                if character.isLetter || character.isNumber || character == "_" {
                    word.append(character)
                } else {
                    if word.first?.isUppercase == true { words.insert(word) }
                    word = ""
                }
            }
        }
        return words
    }

    /// Every use of a type declared in exactly one folder by a file of another folder.
    static func uses() throws -> [Use] {
        let files = try files()
        var owners: [String: Set<String>] = [:]
        for file in files {
            for name in declarations(in: file.lines) { owners[name, default: []].insert(file.folder) }
        }
        var uses: [Use] = []
        for file in files {
            for word in words(in: file.lines).sorted() {
                guard let folders = owners[word], folders.count == 1, let owner = folders.first, owner != file.folder
                else { continue }
                uses.append(Use(user: file.folder, owner: owner, type: word, file: file.name))
            }
        }
        return uses
    }

    @Test("no two folders of the library use each other, directly or through others")
    func noFolderCycles() throws {
        let uses = try Self.uses()
        var graph: [String: Set<String>] = [:]
        for use in uses { graph[use.user, default: []].insert(use.owner) }
        // The scan sees the folders it should (a renamed tree would otherwise pass by seeing nothing).
        #expect(Set(graph.keys).isSuperset(of: ["Analysis", "Decomposition", "Index", "Ingest", "Output"]))
        // A folder reaches itself through the graph only on a cycle; name the uses that close it.
        for start in graph.keys.sorted() {
            var seen: Set<String> = []
            var stack = Array(graph[start] ?? [])
            while let folder = stack.popLast() {
                guard seen.insert(folder).inserted else { continue }
                stack.append(contentsOf: graph[folder] ?? [])
            }
            let back = uses.filter { $0.owner == start && seen.contains($0.user) }
            #expect(!seen.contains(start), "\(start) is on a cycle; uses back into it: \(back.prefix(5))")
        }
    }

    @Test("the layers are the documented ones: the writers use the analysis, and nothing below uses the writers")
    func documentedLayers() throws {
        let uses = try Self.uses()
        let users = Dictionary(grouping: uses, by: \.owner).mapValues { Set($0.map(\.user)) }
        #expect(users["Output", default: []].isEmpty)
        #expect(users["Analysis", default: []].isSubset(of: ["Lifecycle", "Output"]))
        #expect(uses.contains { $0.user == "Index" && $0.owner == "Graph" && $0.type == "CompactGraph" })
        #expect(!uses.contains { $0.user == "Graph" })
    }
}
