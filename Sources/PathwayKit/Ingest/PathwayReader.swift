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

    /// The native format in YAML.
    public static let yaml = PathwayReader(name: "yaml", extensions: ["yaml", "yml"]) { data, path in
        PathwayImport(pathways: [try NativeFormat.pathway(from: SourceFile.text(from: data, file: path), file: path)])
    }

    /// The native format in JSON.
    public static let json = PathwayReader(name: "json", extensions: ["json"]) { data, path in
        if CASEImporter.isCASEJSON(data) { throw CASEImporter.notAPathway(path) }
        return PathwayImport(pathways: [
            try NativeFormat.pathway(from: SourceFile.text(from: data, file: path), file: path)
        ])
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
