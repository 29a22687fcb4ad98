import ArgumentParser
import Foundation
import PathwayKit

/// How much a command says on standard error besides its output: warnings it summarises, and progress.
struct MessageOptions: ParsableArguments {
    @Option(help: "List at most this many warnings of each kind on standard error; the rest are counted.")
    var maxWarnings = 20

    @Flag(name: .shortAndLong, help: "Print no warnings and no progress on standard error.")
    var quiet = false

    @Flag(help: "List every warning on standard error.")
    var verbose = false

    func validate() throws {
        guard maxWarnings >= 0 else {
            throw ValidationError("--max-warnings must not be negative, found \(maxWarnings)")
        }
        guard !(quiet && verbose) else { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    /// How many warnings of a kind to list.
    var listLimit: Int { verbose ? Int.max : quiet ? 0 : maxWarnings }

    /// Prints warnings of one kind on standard error: all of them when there are at most ``listLimit``, otherwise
    /// a count and the first ``listLimit``, one line each, compiler-style. Nothing under `--quiet`.
    ///
    /// - Parameters:
    ///   - count: How many there are in all.
    ///   - first: The first of them (at least `min(count, listLimit)`).
    ///   - summary: What they are, for the count line ("sub-pathways outside 3–5 steps").
    ///   - console: Where to print.
    func report(count: Int, first: [Finding], summary: String, console: Console) {
        guard !quiet, count > 0 else { return }
        var text = ""
        if count > listLimit {
            let shown = min(listLimit, first.count)
            text += "warning: \(Self.grouped(count)) \(summary)"
            text += shown > 0 ? "; the first \(Self.grouped(shown)):\n" : " (--max-warnings 0)\n"
        }
        for finding in first.prefix(listLimit) { text += finding.description + "\n" }
        console.write(text, error: true)
    }

    /// A count with thousands separated by commas (`350,386`).
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var text = ""
        for (position, digit) in digits.enumerated() {
            if position > 0 && (digits.count - position) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return text
    }
}

/// Progress of a long command on standard error, shown only when standard error is a terminal (and not under
/// `--quiet`), one line rewritten in place and cleared at the end.
struct Progress {
    private let isShown: Bool
    private let console: Console
    private let start = Date()

    init(console: Console, messages: MessageOptions) {
        self.console = console
        isShown = !messages.quiet && console.isErrorTerminal
    }

    /// Shows what the command is doing now.
    func show(_ activity: String) {
        guard isShown else { return }
        let elapsed = String(format: "%.1f", Date().timeIntervalSince(start))
        console.write("\r\u{1B}[K\(activity) (\(elapsed) s)", error: true)
    }

    /// Clears the line.
    func finish() {
        guard isShown else { return }
        console.write("\r\u{1B}[K", error: true)
    }
}
