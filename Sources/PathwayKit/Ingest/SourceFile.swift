import Foundation

/// Reading input files: bytes, text, and the errors a user should see when a file cannot be read.
public enum SourceFile {
    /// Reads a file's bytes.
    ///
    /// - Throws: ``InputError`` naming the file when it does not exist or cannot be read.
    public static func data(at path: String) throws -> Data {
        try checkFile(at: path)
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            // A pipe, FIFO or device (/dev/stdin): it has no size to read up to, so read it to its end.
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw InputError(
                    "cannot be opened for reading: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
            }
            defer { try? handle.close() }
            do {
                return try handle.readToEnd() ?? Data()
            } catch {
                throw InputError("cannot be read: \(AtomicFile.reason(error))", at: SourceLocation(file: path))
            }
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

    /// Checks that a file exists and is not a folder, with the messages of ``data(at:)``, without reading it.
    ///
    /// - Throws: ``InputError`` when it is missing or a folder.
    public static func checkFile(at path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError("no such file", at: SourceLocation(file: path), code: .missingFile)
        }
        guard !isDirectory.boolValue else {
            throw InputError("is a folder, not a file", at: SourceLocation(file: path), code: .notAFile)
        }
    }

    /// Checks that a piece of a file that starts at the beginning of line `firstLine` is UTF-8, as
    /// ``text(from:file:)`` would: ASCII is passed a word at a time, anything else is validated.
    ///
    /// - Throws: ``InputError`` naming the line and column of the first byte that is not UTF-8.
    /// - Complexity: O(n).
    static func checkUTF8(_ bytes: UnsafeRawBufferPointer, file: String, firstLine: Int) throws {
        var index = 0
        var high: UInt64 = 0
        while index + 8 <= bytes.count {
            high |= bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            high |= UInt64(bytes[index])
            index += 1
        }
        guard high & 0x8080_8080_8080_8080 != 0, String(validating: bytes, as: UTF8.self) == nil else { return }
        do {
            _ = try text(from: Data(bytes), file: file)
        } catch var error as InputError {
            error.location.line = (error.location.line ?? 1) + firstLine - 1
            throw error
        }
    }

    /// Decodes bytes as UTF-8 text, dropping a byte-order mark.
    ///
    /// - Throws: ``InputError`` naming the line and column of the first byte that is not UTF-8.
    public static func text(from data: Data, file: String) throws -> String {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        // Find the first bad byte so the message can point at it.
        var line = 1
        var column = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length =
                byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            let end = bytes.index(index, offsetBy: length, limitedBy: bytes.endIndex) ?? bytes.endIndex
            if length == 0 || String(validating: bytes[index..<end], as: UTF8.self) == nil { break }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index = end
        }
        throw InputError(
            "the file is not valid UTF-8 text (byte 0x\(String(bytes[safe: index] ?? 0, radix: 16)) here); save it as UTF-8",
            at: SourceLocation(file: file, line: line, column: column), code: .invalidText)
    }
}

extension Data {
    subscript(safe index: Index) -> UInt8? { indices.contains(index) ? self[index] : nil }
}

extension Slice where Base == Data {
    subscript(safe index: Index) -> UInt8? { (startIndex..<endIndex).contains(index) ? self[index] : nil }
}

/// A file that could not be written, and why in the system's words.
public struct FileWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot write '\(path)': \(reason)" }
}

/// Writes output files whole or not at all: each to a temporary file beside its target, then, once every file is
/// written, renamed into place. A failure removes the temporary files and leaves earlier outputs untouched.
public enum AtomicFile {
    /// Writes one file atomically, creating its folder if needed.
    ///
    /// - Throws: ``FileWriteError`` naming the path; no partial file is left behind.
    public static func write(_ data: Data, to path: String) throws {
        try write([(path, data)])
    }

    /// Writes text as UTF-8, atomically.
    ///
    /// - Throws: ``FileWriteError`` naming the path; no partial file is left behind.
    public static func write(_ text: String, to path: String) throws {
        try write([(path, Data(text.utf8))])
    }

    /// Writes a set of files all or nothing, creating folders as needed.
    ///
    /// - Parameter files: Paths and contents, written in the order given.
    /// - Throws: ``FileWriteError`` naming the first file or folder that could not be written; then no file has
    ///   been renamed into place and no temporary file is left.
    public static func write(_ files: [(path: String, data: Data)]) throws {
        let manager = FileManager.default
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        var staged: [(temporary: String, final: String)] = []
        func discard() { for entry in staged { try? manager.removeItem(atPath: entry.temporary) } }
        for file in files {
            let url = URL(fileURLWithPath: file.path)
            let folder = url.deletingLastPathComponent()
            do {
                try makeFolder(folder.path)
            } catch let error as FileWriteError {
                discard()
                throw error
            } catch {
                discard()
                throw FileWriteError(path: file.path, reason: reason(error))
            }
            do {
                let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(token).tmp").path
                try file.data.write(to: URL(fileURLWithPath: temporary))
                staged.append((temporary, file.path))
            } catch {
                discard()
                throw FileWriteError(
                    path: file.path, reason: "cannot make a file in the folder '\(folder.path)': \(reason(error))")
            }
        }
        for (index, entry) in staged.enumerated() {
            guard rename(entry.temporary, entry.final) == 0 else {
                let failure = FileWriteError(path: entry.final, reason: String(cString: strerror(errno)))
                for remaining in staged[index...] { try? manager.removeItem(atPath: remaining.temporary) }
                throw failure
            }
        }
    }

    /// Creates a folder and its parents; a file in the way is named in the error.
    private static func makeFolder(_ path: String) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw FileWriteError(path: path, reason: "a file is in the way of the folder")
            }
            return
        }
        var probe = URL(fileURLWithPath: path).standardizedFileURL
        while !manager.fileExists(atPath: probe.path, isDirectory: &isDirectory), probe.path != "/" {
            probe.deleteLastPathComponent()
        }
        guard isDirectory.boolValue else {
            throw FileWriteError(path: path, reason: "'\(probe.path)' is a file, not a folder")
        }
        do {
            try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw FileWriteError(path: path, reason: reason(error))
        }
    }

    /// Why a file operation failed, in the system's words where there are some ("Permission denied").
    public static func reason(_ error: any Error) -> String {
        if let error = error as? FileWriteError { return error.reason }
        let cocoa = error as NSError
        if let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if cocoa.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(cocoa.code))) }
        if cocoa.domain == NSCocoaErrorDomain {
            // Foundation on Linux often gives its own code without the system's: name the system's reason.
            let posix: [Int: Int32] = [
                NSFileReadNoSuchFileError: ENOENT, NSFileNoSuchFileError: ENOENT, NSFileWriteNoPermissionError: EACCES,
                NSFileReadNoPermissionError: EACCES, NSFileWriteOutOfSpaceError: ENOSPC,
                NSFileWriteVolumeReadOnlyError: EROFS,
            ]
            if let code = posix[cocoa.code] { return String(cString: strerror(code)) }
        }
        return cocoa.localizedDescription
    }
}
