import Foundation
import Synchronization
import TestSupport
import Testing

@testable import PathwayKit

/// Loading builds each pathway's index once, in the reader, and everything after starts from it.
@Suite struct IndexFirstLoadingTests {
    /// The address of an index's step id bytes: the same for two indexes only when they share one table.
    static func stepTableAddress(_ index: PathwayIndex) -> UnsafePointer<UInt8>? {
        index.stepIDs.withAllUTF8 { $0.baseAddress }
    }

    @Test("native YAML and JSON stream into the index the tree reader's value gives", arguments: ProjectFolders.bundled)
    func nativeIndex(project: String) throws {
        let path = Fixtures.path("projects/\(project)/pathway.yaml")
        let text = try SourceFile.text(at: path)
        let tree = try NativeFormat.pathwayFromTree(text, file: path)
        let streamed = try #require(NativeFormat.streamedIndex(text, file: path))
        #expect(streamed.pathway() == tree)
        #expect(streamed.stepIDs.names == PathwayIndex(tree).stepIDs.names)
        #expect(streamed.staffGroupIDs.names == PathwayIndex(tree).staffGroupIDs.names)
        #expect(streamed.stageNames.names == PathwayIndex(tree).stageNames.names)
        let json = NativeFormat.text(for: tree, syntax: .json)
        let fromJSON = try #require(NativeFormat.streamedIndex(json, file: "p.json"))
        #expect(fromJSON.pathway().withoutLocations == tree.withoutLocations)
        // The readers of both syntaxes hand the index over without a value in between.
        #expect(PathwayReader.yaml.readIndex != nil && PathwayReader.json.readIndex != nil)
        let read = try #require(try PathwayReader.yaml.readIndex?(path))
        #expect(read.map { $0.pathway() } == [tree])
    }

    @Test("transitions written before the steps name them as when written after")
    func transitionsFirst() throws {
        let before =
            "id: p\ntransitions:\n  - {from: a, to: b}\n  - {from: b, to: x}\nsteps:\n  - {id: a}\n  - {id: b}\n"
        let streamed = try #require(NativeFormat.streamedIndex(before, file: "p.yaml"))
        #expect(streamed.pathway() == (try NativeFormat.pathwayFromTree(before, file: "p.yaml")))
        #expect(streamed.transitionCount == 1)
        #expect(streamed.danglingTransitions.map { $0.position } == [1])
    }

    @Test("a project keeps the index its reader built: no value in between, no second interning")
    func loaderKeepsTheReadersIndex() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("index-first-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("id: probe\npathways: [p.probe]\n".utf8).write(to: folder.appendingPathComponent("project.yaml"))
        try Data("unused".utf8).write(to: folder.appendingPathComponent("p.probe"))
        let source = try PathwayReaders.standard.read(Fixtures.path("projects/dpyd/pathway.yaml")).pathways[0]
        let built = Mutex<PathwayIndex?>(nil)
        let probe = PathwayReader(
            name: "probe", extensions: ["probe"],
            read: { _, path in throw InputError("the loader asked for values", at: SourceLocation(file: path)) },
            readIndex: { _ in
                let index = PathwayIndex(source)
                built.withLock { $0 = index }
                return [index]
            })
        let loader = ProjectLoader(pathwayReaders: PathwayReaders.standard.adding([probe]))
        let project = try loader.loadProject(at: folder.path).project
        let kept = try #require(project.graphs.first)
        let read = try #require(built.withLock { $0 })
        #expect(Self.stepTableAddress(kept.index) == Self.stepTableAddress(read))
        #expect(kept.pathway == source)
        // The analysis and validation start from it too, and agree with the value model.
        #expect(
            Validator.findings(for: project)
                == Validator.findings(
                    for: Project(
                        manifest: project.manifest, directory: project.directory, pathways: [source])))
    }

    @Test(
        "every bundled project loads into the indexes its pathway files stream into", arguments: ProjectFolders.bundled)
    func bundledProjects(project: String) throws {
        let loaded = try ProjectLoader().loadProject(at: Fixtures.path("projects/\(project)")).project
        let path = Fixtures.path("projects/\(project)/pathway.yaml")
        let streamed = try NativeFormat.index(from: SourceFile.text(at: path), file: path)
        #expect(loaded.graphs.count == 1)
        #expect(loaded.graphs.first?.index.pathway() == streamed.pathway())
        #expect(loaded.graphs.first?.pathway == streamed.pathway())
    }
}
