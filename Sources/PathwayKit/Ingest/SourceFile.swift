import Foundation

/// Reading input files: bytes, text, and the errors a user should see when a file cannot be read.
public enum SourceFile {
    /// The size in bytes of the file a path names, following symbolic links (a link's own size is the length of
    /// its target's name, and sizing buffers by it once read a linked 25 MB edge list 20 bytes at a time); 0 when
    /// it cannot be asked or is not a regular file (a pipe), so that callers fall back to growing as they read.
    ///
    /// - Complexity: O(1).
    public static func size(at path: String) -> Int {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return 0 }
        return Int(status.st_size)
    }

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
            throw InputError(
                "cannot be read: \(AtomicFile.reason(error))", at: SourceLocation(file: path), code: .unreadable)
        }
    }

    /// Reads a file as UTF-8 text, dropping a byte-order mark.
    ///
    /// - Throws: ``InputError`` naming the line and column of the first byte that is not UTF-8.
    public static func text(at path: String) throws -> String {
        try text(from: data(at: path), file: path)
    }

    /// Checks that a file exists and can be read to its end: a regular file, a pipe or FIFO, or a terminal
    /// (`/dev/stdin`); not a folder, socket or any other device. The messages are those of ``data(at:)``; nothing
    /// is read.
    ///
    /// - Throws: ``InputError`` when it is missing or of a type that is refused.
    public static func checkFile(at path: String) throws {
        // The type is asked first (following links): a device such as /dev/zero would give bytes for ever, so of
        // devices only terminals are read (a pipe or a terminal ends when its writer does).
        var status = stat()
        guard stat(path, &status) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR {
                throw InputError("no such file", at: SourceLocation(file: path), code: .missingFile)
            }
            throw InputError(
                "cannot be read: \(String(cString: strerror(code)))", at: SourceLocation(file: path), code: .unreadable)
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG, S_IFIFO: break
        case S_IFDIR: throw InputError("is a folder, not a file", at: SourceLocation(file: path), code: .notAFile)
        case S_IFCHR where isTerminal(path): break
        case S_IFCHR, S_IFBLK:
            throw InputError(
                "is a device (pathgap reads files, pipes and terminals)", at: SourceLocation(file: path),
                code: .notAFile)
        case S_IFSOCK:
            throw InputError("is a socket, not a regular file", at: SourceLocation(file: path), code: .notAFile)
        default: throw InputError("is not a regular file", at: SourceLocation(file: path), code: .notAFile)
        }
    }

    /// Whether a character device is a terminal, asked of the open device without reading from it.
    private static func isTerminal(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return isatty(descriptor) == 1
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

/// Writes output files whole or not at all.
///
/// A run's files are first written into one hidden staging folder per target folder
/// (`.pathgap-<pid>-<token>.tmp/`, beside the targets so that renames stay on one file system); only when every file
/// is written are they renamed into place, one by one, each replaced file first moved aside into the staging folder.
/// If a rename fails, the files already renamed are put back (the old ones restored, new ones removed), so the
/// targets are as they were; the staging folder is always removed. A staging folder left by a run that was killed
/// (its process no longer exists) is removed by the next run that writes to the same folder, as are the hidden
/// `.<name>.<pid>-<token>.tmp` files of earlier versions.
public enum AtomicFile {
    /// The prefix and suffix of staging folders.
    static let stagingPrefix = ".pathgap-"
    static let stagingSuffix = ".tmp"

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

    /// Refuses a set of outputs in which two ids would be written to the same file (ids that clean up to the same
    /// file name, such as `p/1` and `p-1`), before anything is written.
    ///
    /// - Throws: ``InputError`` with code ``InputError/Code/nameCollision`` naming both ids and the file.
    /// - Complexity: O(n).
    public static func requireDistinct(_ outputs: [(id: String, path: String)]) throws {
        var owners: [String: String] = [:]
        for output in outputs {
            let key = URL(fileURLWithPath: output.path).standardizedFileURL.path
            if let first = owners[key], first != output.id {
                throw InputError(
                    "'\(Quote.line(first))' and '\(Quote.line(output.id))' would both be written to this file; "
                        + "rename one of them (nothing was written)",
                    at: SourceLocation(file: output.path), code: .nameCollision)
            }
            owners[key] = output.id
        }
    }

    /// Writes a set of files all or nothing, creating folders as needed.
    ///
    /// - Parameter files: Paths and contents. The same path twice is an error (nothing is written).
    /// - Throws: ``FileWriteError`` naming the first file or folder that could not be written or renamed; then every
    ///   target is as it was before the call and no temporary file is left.
    public static func write(_ files: [(path: String, data: Data)]) throws {
        try write(files, failingRenameAt: nil)
    }

    /// ``write(_:)``, with the rename of file number `failingRenameAt` made to fail (for the rollback's tests: a
    /// rename that fails after others succeeded cannot be provoked reliably from outside, least of all as root).
    static func write(_ files: [(path: String, data: Data)], failingRenameAt: Int?) throws {
        try write(paths: files.map(\.path), failingRenameAt: failingRenameAt) { index, emit in
            files[index].data.withUnsafeBytes(emit)
        }
    }

    /// Writes a set of files all or nothing, as ``write(_:)`` does, each made only when its turn comes: `contents`
    /// is called once per file, in order, with the file's index and a function that appends text to it. A large
    /// set of outputs (a report in four formats) is then never held in memory together.
    ///
    /// - Throws: ``FileWriteError`` as ``write(_:)``, or what `contents` throws; either way every target is as it
    ///   was before the call and no temporary file is left.
    public static func write(
        paths: [String], contents: (_ index: Int, _ emit: (UnsafeRawBufferPointer) -> Void) throws -> Void
    ) throws {
        try write(paths: paths, failingRenameAt: nil, contents: contents)
    }

    static func write(
        paths: [String], failingRenameAt: Int?,
        contents: (_ index: Int, _ emit: (UnsafeRawBufferPointer) -> Void) throws -> Void
    ) throws {
        let files = paths.map { (path: $0, ()) }
        let manager = FileManager.default
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        var seen: Set<String> = []
        for file in files where !seen.insert(URL(fileURLWithPath: file.path).standardizedFileURL.path).inserted {
            throw FileWriteError(path: file.path, reason: "the run would write this file twice")
        }
        // One staging folder per target folder, created on first use.
        var staging: [String: String] = [:]
        func removeStaging() { for folder in staging.values { try? manager.removeItem(atPath: folder) } }
        var staged: [(temporary: String, final: String)] = []
        for (index, file) in files.enumerated() {
            let url = URL(fileURLWithPath: file.path)
            let folder = url.deletingLastPathComponent().path
            do {
                try makeFolder(folder)
                // Only files are replaced: a folder (or anything but a file) in the way is never moved aside.
                var status = stat()
                if lstat(file.path, &status) == 0, status.st_mode & S_IFMT != S_IFREG,
                    status.st_mode & S_IFMT != S_IFLNK
                {
                    throw FileWriteError(path: file.path, reason: "something other than a file is in the way")
                }
                if staging[folder] == nil {
                    removeStaleStaging(in: folder)
                    let path = (folder as NSString).appendingPathComponent(stagingPrefix + token + stagingSuffix)
                    do {
                        try manager.createDirectory(atPath: path, withIntermediateDirectories: false)
                    } catch {
                        throw FileWriteError(
                            path: file.path, reason: "cannot make a file in the folder '\(folder)': \(reason(error))")
                    }
                    staging[folder] = path
                }
            } catch let error as FileWriteError {
                removeStaging()
                throw error
            } catch {
                removeStaging()
                throw FileWriteError(path: file.path, reason: reason(error))
            }
            let temporary = ((staging[folder] ?? folder) as NSString).appendingPathComponent("\(index)")
            do {
                try writeFile(temporary, index: index, contents)
                staged.append((temporary, file.path))
            } catch let error as FileWriteError {
                removeStaging()
                throw FileWriteError(
                    path: file.path, reason: "cannot make a file in the folder '\(folder)': \(error.reason)")
            } catch {
                removeStaging()
                throw error
            }
        }
        // Rename into place, keeping what each replaced so that a failure can be undone.
        var done: [(final: String, backup: String?)] = []
        for (index, entry) in staged.enumerated() {
            let folder = URL(fileURLWithPath: entry.final).deletingLastPathComponent().path
            var backup: String? = (staging[folder].map { ($0 as NSString).appendingPathComponent("old-\(index)") })
            if let path = backup, rename(entry.final, path) != 0 {
                backup = nil
                if errno != ENOENT {
                    let failure = FileWriteError(path: entry.final, reason: String(cString: strerror(errno)))
                    rollBack(done)
                    removeStaging()
                    throw failure
                }
            }
            guard
                index != failingRenameAt
                    || {
                        errno = EIO
                        return false
                    }(), rename(entry.temporary, entry.final) == 0
            else {
                let failure = FileWriteError(path: entry.final, reason: String(cString: strerror(errno)))
                if let backup { _ = rename(backup, entry.final) }
                rollBack(done)
                removeStaging()
                throw failure
            }
            done.append((entry.final, backup))
        }
        removeStaging()
    }

    /// Creates a file and writes into it what `contents` hands, piece by piece, to its second argument.
    ///
    /// - Throws: ``FileWriteError`` (with the system's reason) when the file cannot be made or written, or what
    ///   `contents` throws.
    private static func writeFile(
        _ path: String, index: Int, _ contents: (_ index: Int, _ emit: (UnsafeRawBufferPointer) -> Void) throws -> Void
    ) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
        var failure: Int32 = 0
        func emit(_ piece: UnsafeRawBufferPointer) {
            guard failure == 0, var next = piece.baseAddress else { return }
            var left = piece.count
            while left > 0 {
                let written = writeBytes(descriptor, next, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                left -= written
                next += written
            }
        }
        do {
            try contents(index, emit)
        } catch {
            close(descriptor)
            throw error
        }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw FileWriteError(path: path, reason: String(cString: strerror(failure))) }
    }

    /// Undoes renames in reverse order: the old file back, or the new one removed where there was none.
    private static func rollBack(_ done: [(final: String, backup: String?)]) {
        for entry in done.reversed() {
            if let backup = entry.backup {
                _ = rename(backup, entry.final)
            } else {
                _ = unlink(entry.final)
            }
        }
    }

    /// Removes staging folders (and old-style hidden temporary files) in a folder whose process is gone.
    static func removeStaleStaging(in folder: String) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(stagingSuffix) {
            // `.pathgap-<pid>-<token>.tmp`, or the earlier `.<file>.<pid>-<token>.tmp`.
            let stem = name.dropLast(stagingSuffix.count)
            let pidAndToken: Substring
            if name.hasPrefix(stagingPrefix) {
                pidAndToken = stem.dropFirst(stagingPrefix.count)
            } else if let dot = stem.lastIndex(of: ".") {
                pidAndToken = stem[stem.index(after: dot)...]
            } else {
                continue
            }
            let parts = pidAndToken.split(separator: "-")
            guard parts.count == 2, parts[1].count == 8, let pid = Int32(parts[0]), pid > 0 else { continue }
            guard kill(pid, 0) != 0, errno == ESRCH else { continue }  // the process is alive (or not ours)
            try? manager.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
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

/// `write(2)`, under a name that ``AtomicFile``'s own `write` methods do not hide.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
