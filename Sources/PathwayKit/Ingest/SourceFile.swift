import Foundation

/// Reading input files: bytes, text, and the errors a user should see when a file cannot be read.
public enum SourceFile {
    /// Reads a file's bytes.
    ///
    /// - Throws: ``InputError`` naming the file when it does not exist or cannot be read.
    public static func data(at path: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError("no such file", at: SourceLocation(file: path))
        }
        guard !isDirectory.boolValue else {
            throw InputError("is a folder, not a file", at: SourceLocation(file: path))
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError("cannot be read: \(error.localizedDescription)", at: SourceLocation(file: path))
        }
    }

    /// Reads a file as UTF-8 text, dropping a byte-order mark.
    ///
    /// - Throws: ``InputError`` naming the line and column of the first byte that is not UTF-8.
    public static func text(at path: String) throws -> String {
        try text(from: data(at: path), file: path)
    }

    /// Decodes bytes as UTF-8 text, dropping a byte-order mark.
    ///
    /// - Throws: ``InputError`` naming the line and column of the first byte that is not UTF-8.
    public static func text(from data: Data, file: String) throws -> String {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        // Find the first bad byte so the message can point at it.
        var line = 1, column = 1, index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            let end = bytes.index(index, offsetBy: length, limitedBy: bytes.endIndex) ?? bytes.endIndex
            if length == 0 || String(validating: bytes[index..<end], as: UTF8.self) == nil { break }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            index = end
        }
        throw InputError(
            "the file is not valid UTF-8 text (byte 0x\(String(bytes[safe: index] ?? 0, radix: 16)) here); save it as UTF-8",
            at: SourceLocation(file: file, line: line, column: column))
    }
}

extension Data {
    subscript(safe index: Index) -> UInt8? { indices.contains(index) ? self[index] : nil }
}

extension Slice where Base == Data {
    subscript(safe index: Index) -> UInt8? { (startIndex..<endIndex).contains(index) ? self[index] : nil }
}

/// Writes output files whole or not at all: to a temporary file beside the target, then renamed over it.
public enum AtomicFile {
    /// Writes data to a path atomically, creating the folder if needed.
    ///
    /// - Throws: An error naming the path when the folder cannot be made or the file cannot be written; no partial
    ///   file is left behind.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Writes text as UTF-8, atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }
}
