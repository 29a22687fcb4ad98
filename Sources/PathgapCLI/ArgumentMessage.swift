import ArgumentParser

/// The wording of command-line errors: one style for every message pathgap prints (`error: …`, lower case, as
/// compilers and the rest of pathgap write it), and a hint for an option the command does not have.
enum ArgumentMessage {
    /// The argument parser's message for a command line it refused, in pathgap's style, with a hint for each
    /// option given that the command does not know (the parser names only the first problem it meets, which may be
    /// a missing option that the unknown one was meant to be).
    ///
    /// - Parameters:
    ///   - message: The parser's full message (`Error: …`, help and usage lines).
    ///   - arguments: The command line after `pathgap`.
    static func usageError(_ message: String, arguments: [String]) -> String {
        var text = message
        if text.hasPrefix("Error: ") { text = "error: " + text.dropFirst("Error: ".count) }
        let command = Pathgap.configuration.subcommands.first { $0._commandName == arguments.first }
        let known = knownOptions(of: command ?? Pathgap.self)
        var hints: [String] = []
        for argument in arguments where argument.hasPrefix("--") {
            let name = String(argument.prefix { $0 != "=" })
            guard name.count > 2, !known.contains(name), !text.contains("'\(name)'") else { continue }
            let suggestion = closest(to: name, in: known)
            hints.append(
                "hint: '\(name)' is not an option of 'pathgap\(command.map { " \($0._commandName)" } ?? "")'"
                    + (suggestion.map { "; did you mean '\($0)'?" } ?? "; see --help"))
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard !hints.isEmpty, let first = lines.first else { return text }
        return ([String(first)] + hints + lines.dropFirst().map(String.init)).joined(separator: "\n")
    }

    /// The long option names a command's help lists (`--out`, `--format`, …), with `--help`.
    static func knownOptions(of command: any ParsableCommand.Type) -> Set<String> {
        let help = Pathgap.helpMessage(for: command)
        var names: Set<String> = ["--help"]
        var index = help.startIndex
        while let range = help.range(of: "--", range: index..<help.endIndex) {
            let rest = help[range.upperBound...]
            let word = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
            if !word.isEmpty { names.insert("--" + word) }
            index = range.upperBound
        }
        return names
    }

    /// The known option nearest to a name: one the name begins with or that begins with it, else one within two
    /// edits.
    static func closest(to name: String, in known: Set<String>) -> String? {
        let sorted = known.sorted()
        if let prefix = sorted.filter({ name.hasPrefix($0) || $0.hasPrefix(name) }).max(by: { $0.count < $1.count }) {
            return prefix
        }
        let scored = sorted.map { ($0, editDistance(name, $0)) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// The Levenshtein distance between two short strings.
    ///
    /// - Complexity: O(m·n) for strings of m and n characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
