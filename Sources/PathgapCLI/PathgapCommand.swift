import ArgumentParser
import Foundation
import PathwayKit

/// Exit codes, as the README lists them.
public enum ExitStatus {
    /// Nothing wrong.
    public static let success: Int32 = 0
    /// Errors were found (validation), or something failed at run time.
    public static let failure: Int32 = 1
    /// Gaps were found and `--fail-on-gaps` was given.
    public static let gapsFound: Int32 = 2
    /// The input could not be read (bad arguments, malformed or missing file); sysexits' EX_USAGE / EX_DATAERR.
    public static let badInput: Int32 = 64
}

/// A pathgap subcommand: does its work against a ``Console`` and returns an exit status, so that tests can run it
/// in-process.
protocol PathgapCommand: ParsableCommand {
    /// Does the command's work.
    ///
    /// - Returns: The exit status.
    /// - Throws: ``PathwayKit/InputError`` for bad input (exit 64); other errors exit 1.
    func execute(console: Console) throws -> Int32
}

extension PathgapCommand {
    public func run() throws {
        let status = Pathgap.execute(self, console: .standard())
        if status != ExitStatus.success { throw ExitCode(status) }
    }
}

extension Pathgap {
    /// Runs a command line in-process.
    ///
    /// - Parameters:
    ///   - arguments: The arguments after `pathgap`.
    ///   - console: Where output goes.
    /// - Returns: The exit status the process would have.
    public static func run(_ arguments: [String], console: Console) -> Int32 {
        guard !arguments.isEmpty else {
            // No command: the help, on standard error since nothing was done, and the usage-error status.
            console.printError(helpMessage())
            return ExitStatus.badInput
        }
        do {
            let command = try parseAsRoot(arguments)
            if let command = command as? any PathgapCommand { return execute(command, console: console) }
            let named = arguments.first == "help" ? arguments.dropFirst().first : arguments.first
            let target = configuration.subcommands.first { $0._commandName == named }
            guard let target, ObjectIdentifier(target) == ObjectIdentifier(type(of: command)),
                !arguments.contains(where: Self.isHelpFlag)
            else {
                // `--help`, `-h` and `help <command>` parse to the parser's own help command, which would print
                // its own help: print the help of the command named (the root's for none).
                console.print(helpMessage(for: target ?? Pathgap.self))
                return ExitStatus.success
            }
            // A plain ParsableCommand (the hidden benchmark commands, which print their own figures): run it.
            var plain = command
            try plain.run()
            return ExitStatus.success
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                console.print(message)
                return ExitStatus.success
            }
            console.printError(ArgumentMessage.usageError(message, arguments: arguments))
            return code == .validationFailure ? ExitStatus.badInput : code.rawValue
        }
    }

    static func isHelpFlag(_ argument: String) -> Bool { ["--help", "-h", "-help"].contains(argument) }

    /// Runs a parsed command, turning thrown errors into one message and an exit status.
    static func execute(_ command: any PathgapCommand, console: Console) -> Int32 {
        do {
            return try command.execute(console: console)
        } catch let error as InputError {
            console.printError(error.description)
            return ExitStatus.badInput
        } catch let error as FileWriteError {
            console.printError(Quote.message("error: \(error)"))
            return ExitStatus.failure
        } catch let error as CommandError {
            console.printError(Quote.message("error: \(error.message)"))
            return error.status
        } catch {
            console.printError(Quote.message("error: \(error)"))
            return ExitStatus.failure
        }
    }
}

/// A failure of a command that is not about one input file (a folder that cannot be written, say).
struct CommandError: Error {
    var message: String
    var status: Int32 = ExitStatus.failure
}

extension String {
    /// The id as part of a file name: letters, digits, `-` and `_` kept, anything else (path separators, dots,
    /// spaces) as `-`, so that an id can never name a file outside the output folder or a hidden file.
    var fileNameSafe: String {
        let safe = String(map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
        return safe.isEmpty ? "pathway" : safe
    }
}

/// A count with its noun, plural unless the count is one: `1 step`, `3 steps`, `0 errors`.
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
