import Foundation

/// What an importer made of a file: the pathways in it and what it could not carry over.
public struct PathwayImport: Sendable {
    public var pathways: [Pathway]
    /// Constructs the importer did not understand or could only approximate, with their location.
    public var findings: [Finding]

    public init(pathways: [Pathway], findings: [Finding] = []) {
        self.pathways = pathways
        self.findings = findings
    }
}

/// A reader for one pathway file format, chosen by file extension or by name (`--from`).
public struct PathwayReader: Sendable {
    /// The name used with `--from` ("yaml", "bpmn", "dot").
    public var name: String
    /// File extensions, lower case, without the dot.
    public var extensions: [String]
    /// Reads a file's bytes; the path is for messages and locations. What it returns is within
    /// ``InputLimits`` (a label over ``InputLimits/labelLength`` is an ``InputError``).
    public var read: @Sendable (_ data: Data, _ path: String) throws -> PathwayImport
    /// Reads a file straight into indexes, for formats that can be streamed (edge lists); `nil`, or a result of
    /// `nil` for a file it cannot stream, means: use ``read``. What it returns is within ``InputLimits`` too.
    public var readIndex: (@Sendable (_ path: String) throws -> [PathwayIndex]?)?

    /// A reader; `read` and `readIndex` are wrapped so that whatever they return is checked against
    /// ``InputLimits`` before any later stage (layout, writers) sees it.
    public init(
        name: String, extensions: [String],
        read: @escaping @Sendable (_ data: Data, _ path: String) throws -> PathwayImport,
        readIndex: (@Sendable (_ path: String) throws -> [PathwayIndex]?)? = nil
    ) {
        self.name = name
        self.extensions = extensions
        self.read = { data, path in
            let imported = try read(data, path)
            try InputLimits.check(imported.pathways, file: path)
            return imported
        }
        if let readIndex {
            self.readIndex = { @Sendable (path: String) throws -> [PathwayIndex]? in
                guard let indexes = try readIndex(path) else { return nil }
                for index in indexes { try InputLimits.check(index, file: path) }
                return indexes
            }
        } else {
            self.readIndex = nil
        }
    }

    /// The native format in YAML, read straight into an index.
    public static let yaml = PathwayReader(
        name: "yaml", extensions: ["yaml", "yml"],
        read: { data, path in PathwayImport(pathways: [try nativeIndex(data, path: path, json: false).pathway()]) },
        readIndex: { path in [try nativeIndex(SourceFile.data(at: path), path: path, json: false)] })

    /// The native format in JSON, read straight into an index (a CASE framework file is refused with advice).
    public static let json = PathwayReader(
        name: "json", extensions: ["json"],
        read: { data, path in PathwayImport(pathways: [try nativeIndex(data, path: path, json: true).pathway()]) },
        readIndex: { path in [try nativeIndex(SourceFile.data(at: path), path: path, json: true)] })

    /// A native file's bytes as an index (``NativeFormat/index(from:file:)``); for the JSON reader, a CASE framework
    /// file is refused, naming what to do with it.
    ///
    /// - Throws: ``InputError`` for a file that is not UTF-8 or not a valid pathway.
    static func nativeIndex(_ data: Data, path: String, json: Bool) throws -> PathwayIndex {
        if json, CASEImporter.isCASEJSON(data) { throw CASEImporter.notAPathway(path) }
        return try NativeFormat.index(from: SourceFile.text(from: data, file: path), file: path)
    }
}

/// The set of pathway readers a command can use.
public struct PathwayReaders: Sendable {
    public var readers: [PathwayReader]

    public init(_ readers: [PathwayReader]) { self.readers = readers }

    /// The readers of the core library (native YAML and JSON, and the importers registered with it).
    public static var standard: PathwayReaders { PathwayReaders([.yaml, .json] + PathwayReader.coreImporters) }

    /// Adds readers (for example the DOT reader, which needs Graphviz); later readers win for an extension.
    public func adding(_ more: [PathwayReader]) -> PathwayReaders { PathwayReaders(readers + more) }

    /// The names `--from` takes, each once, in the order the readers were added.
    public var formatNames: [String] {
        var names: [String] = []
        for reader in readers where !names.contains(reader.name) { names.append(reader.name) }
        return names
    }

    /// The reader for a path (by extension) or a named format.
    ///
    /// - Throws: ``InputError`` when the extension or format name is unknown.
    public func reader(for path: String, format: String? = nil) throws -> PathwayReader {
        if let format {
            guard let reader = readers.last(where: { $0.name == format.lowercased() }) else {
                throw InputError(
                    "unknown format '\(Quote.line(format))' for --from (known: \(formatNames.joined(separator: ", ")))",
                    at: SourceLocation(file: path), code: .unknownFormat)
            }
            return reader
        }
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard let reader = readers.last(where: { $0.extensions.contains(ext) }) else {
            let what =
                ext.isEmpty ? "the file has no extension to tell its format" : "unknown extension '.\(Quote.line(ext))'"
            throw InputError(
                "\(what); name the format with --from (\(formatNames.joined(separator: ", ")))",
                at: SourceLocation(file: path), code: .unknownFormat)
        }
        return reader
    }

    /// Reads the pathways in one file, each with its index: a reader that streams (native YAML and JSON, edge lists)
    /// builds the index and the value is made from it; an importer's values are indexed once.
    ///
    /// - Throws: ``InputError`` when the file cannot be read or is malformed.
    public func readGraphs(_ path: String, format: String? = nil) throws -> (
        graphs: [PathwayGraph], findings: [Finding]
    ) {
        let reader = try reader(for: path, format: format)
        if let indexes = try reader.readIndex?(path) { return (indexes.map(PathwayGraph.init(index:)), []) }
        let imported = try reader.read(SourceFile.data(at: path), path)
        return (imported.pathways.map(PathwayGraph.init), imported.findings)
    }

    /// Reads the pathways in one file.
    ///
    /// - Throws: ``InputError`` when the file cannot be read or is malformed.
    public func read(_ path: String, format: String? = nil) throws -> PathwayImport {
        let reader = try reader(for: path, format: format)
        return try reader.read(SourceFile.data(at: path), path)
    }
}

extension PathwayReader {
    /// Importers of other formats that live in the core library. For an extension several readers claim, the
    /// later one wins: the spreadsheet CSV reader takes `.csv` (and hands plain edge lists to ``EdgeListReader``).
    public static var coreImporters: [PathwayReader] { [.edgeList, .bpmn, .graphML, .csv] }
}
