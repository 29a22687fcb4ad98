import Foundation

/// The process's real standard error (file descriptor 2), for tests that check a library prints nothing on it.
public enum StandardError {
    /// Runs `body` with file descriptor 2 sent to a temporary file, then restores it.
    ///
    /// Tests run in parallel, so whatever another test prints on stderr meanwhile lands in the file too: check for
    /// the text `body` must not print, not for an empty file.
    ///
    /// - Returns: What `body` returned, and what was written to file descriptor 2 while it ran.
    /// - Throws: What `body` throws, or a `CocoaError` when the descriptors cannot be redirected.
    public static func capturing<Result>(_ body: () throws -> Result) throws -> (result: Result, written: String) {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("pathgap-stderr-\(UUID().uuidString)").path
        let file = open(path, O_CREAT | O_TRUNC | O_RDWR, 0o600)
        guard file >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer {
            close(file)
            unlink(path)
        }
        fflush(nil)  // every stream, stderr included
        let saved = dup(2)
        guard saved >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(saved) }
        guard dup2(file, 2) >= 0 else { throw CocoaError(.fileWriteUnknown) }
        let result: Result
        do {
            defer {
                fflush(nil)  // every stream, stderr included
                dup2(saved, 2)
            }
            result = try body()
        }
        return (result, String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self))
    }
}
