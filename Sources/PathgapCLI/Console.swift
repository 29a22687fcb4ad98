import Foundation

/// Where a command writes: the process's standard output and error, or two strings (for in-process tests).
public final class Console {
    private let isCapturing: Bool
    private let input: Data?
    /// What was written to standard output, when capturing.
    public private(set) var output = ""
    /// What was written to standard error, when capturing.
    public private(set) var errors = ""

    private init(isCapturing: Bool, input: Data? = nil) {
        self.isCapturing = isCapturing
        self.input = input
    }

    /// A console that reads the process's standard input and writes to its standard output and error.
    public static func standard() -> Console { Console(isCapturing: false) }

    /// Whether standard error is a terminal (never when capturing): where progress may be shown.
    public var isErrorTerminal: Bool { !isCapturing && isatty(STDERR_FILENO) != 0 }

    /// A console that keeps what is written, for tests.
    ///
    /// - Parameter input: What a command reading standard input (`-`) reads; empty when not given.
    public static func capturing(input: String = "") -> Console { Console(isCapturing: true, input: Data(input.utf8)) }

    /// Reads standard input to its end (or the text given to ``capturing(input:)``).
    public func readInput() -> Data {
        input ?? FileHandle.standardInput.readDataToEndOfFile()
    }

    /// Writes a line to standard output.
    public func print(_ line: String = "") {
        write(line + "\n", error: false)
    }

    /// Writes a line to standard error.
    public func printError(_ line: String) {
        write(line + "\n", error: true)
    }

    /// Writes text as it is to standard output.
    public func write(_ text: String, error: Bool = false) {
        if isCapturing {
            if error { errors += text } else { output += text }
        } else {
            (error ? FileHandle.standardError : FileHandle.standardOutput).write(Data(text.utf8))
        }
    }

    /// Writes UTF-8 text as it is to standard output (or standard error), without making a `String` of it unless
    /// capturing.
    ///
    /// - Parameters:
    ///   - bytes: Whole UTF-8 text (not cut inside a character).
    ///   - error: Whether to write to standard error.
    public func write(bytes: [UInt8], error: Bool = false) {
        if isCapturing {
            write(String(decoding: bytes, as: UTF8.self), error: error)
        } else {
            bytes.withUnsafeBytes { write(buffer: $0, error: error) }
        }
    }

    /// Writes UTF-8 text in memory as it is to standard output (or standard error): straight from the buffer to the
    /// file descriptor, no copy, when not capturing.
    ///
    /// - Parameters:
    ///   - buffer: Whole UTF-8 text (not cut inside a character).
    ///   - error: Whether to write to standard error.
    public func write(buffer: UnsafeRawBufferPointer, error: Bool = false) {
        if isCapturing {
            write(String(decoding: buffer, as: UTF8.self), error: error)
            return
        }
        guard var pointer = buffer.baseAddress else { return }
        var left = buffer.count
        let descriptor = error ? STDERR_FILENO : STDOUT_FILENO
        while left > 0 {
            let written = Foundation.write(descriptor, pointer, left)
            if written < 0 {
                if errno == EINTR { continue }
                // A full disk or a closed descriptor: say so and stop, rather than end as if all was written.
                let reason = String(cString: strerror(errno))
                if !error {
                    let message = Array("error: cannot write to standard output: \(reason)\n".utf8)
                    _ = message.withUnsafeBytes { Foundation.write(STDERR_FILENO, $0.baseAddress, $0.count) }
                }
                exit(ExitStatus.failure)
            }
            pointer += written
            left -= written
        }
    }
}
