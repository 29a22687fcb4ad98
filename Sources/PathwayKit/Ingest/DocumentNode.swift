import Foundation

/// A node of a parsed YAML or JSON document, with the place it was written.
///
/// The native readers walk these nodes by hand rather than through `Codable` so that every error and every model
/// value keeps its line and column.
struct DocumentNode: Sendable {
    enum Value: Sendable {
        case scalar(String, isPlain: Bool)
        case sequence([DocumentNode])
        case mapping([(key: DocumentNode, value: DocumentNode)])
    }

    var value: Value
    var location: SourceLocation

    init(value: Value, location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// Parses YAML or JSON, keeping the position of every node: plain JSON in a `.json` file straight from its bytes
    /// (``JSONDocumentReader``), anything else — errors included — through libyaml (JSON as YAML's flow style).
    ///
    /// - Throws: ``InputError`` with the line and column libyaml reports.
    static func parse(_ text: String, file: String) throws -> DocumentNode {
        if file.hasSuffix(".json"), let root = JSONDocumentReader.parse(text, file: file) { return root }
        return try parseWithLibyaml(text, file: file)
    }

    /// Parses YAML, or JSON as YAML's flow style, through libyaml.
    ///
    /// - Throws: ``InputError`` with the line and column libyaml reports.
    static func parseWithLibyaml(_ text: String, file: String) throws -> DocumentNode {
        guard file.hasSuffix(".json") else { return try YAMLDocumentComposer.document(text, file: file) }
        return try YAMLDocumentComposer.document(joiningSurrogateEscapes(text), file: file, written: text)
    }

    /// JSON writes characters outside the Basic Multilingual Plane as two escapes (`\uD835\uDC51`), which libyaml
    /// refuses; this replaces each such pair inside a string with the character itself. Lone surrogates are left
    /// for libyaml to report.
    ///
    /// - Complexity: O(n); text without `\uD` is returned as it is.
    static func joiningSurrogateEscapes(_ text: String) -> String {
        guard text.contains("\\uD") || text.contains("\\ud") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        func hexValue(at start: Int) -> UInt32? {
            guard start + 6 <= scalars.count, scalars[start] == "\\", scalars[start + 1] == "u" else { return nil }
            return UInt32(String(String.UnicodeScalarView(scalars[(start + 2)..<(start + 6)])), radix: 16)
        }
        while index < scalars.count {
            if scalars[index] == "\\" {
                if let high = hexValue(at: index), (0xD800...0xDBFF).contains(high),
                    let low = hexValue(at: index + 6), (0xDC00...0xDFFF).contains(low),
                    let joined = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                {
                    result.append(joined)
                    index += 12
                    continue
                }
                // Any other escape: copy the backslash and the escaped character together.
                result.append(scalars[index])
                if index + 1 < scalars.count { result.append(scalars[index + 1]) }
                index += 2
                continue
            }
            result.append(scalars[index])
            index += 1
        }
        return String(result)
    }

    /// A description of the node's shape for messages ("a list", "a mapping", "the text 'x'").
    var shapeDescription: String {
        switch value {
        case .scalar(let text, _): return text.isEmpty ? "an empty value" : "'\(text)'"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    var isNull: Bool {
        if case .scalar(let text, let isPlain) = value, isPlain, ["", "~", "null", "Null", "NULL"].contains(text) {
            return true
        }
        return false
    }

    // MARK: Typed access

    func string(_ what: String) throws -> String {
        guard case .scalar(let text, _) = value, !isNull else {
            throw InputError("\(what) must be text, found \(shapeDescription)", at: location)
        }
        return text
    }

    func nonEmptyString(_ what: String) throws -> String {
        let text = try string(what).trimmingWhitespaceAndNewlines
        guard !text.isEmpty else { throw InputError("\(what) must not be empty", at: location) }
        return text
    }

    func double(_ what: String) throws -> Double {
        let text = try string(what)
        guard let number = Double(text.trimmingWhitespace), number.isFinite else {
            throw InputError("\(what) must be a number, found '\(text)'", at: location)
        }
        return number
    }

    func integer(_ what: String) throws -> Int {
        let text = try string(what)
        guard let number = Int(text.trimmingWhitespace) else {
            throw InputError("\(what) must be a whole number, found '\(text)'", at: location)
        }
        return number
    }

    func boolean(_ what: String) throws -> Bool {
        switch try string(what).lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw InputError("\(what) must be true or false, found \(shapeDescription)", at: location)
        }
    }

    func sequence(_ what: String) throws -> [DocumentNode] {
        if isNull { return [] }
        guard case .sequence(let items) = value else {
            throw InputError("\(what) must be a list, found \(shapeDescription)", at: location)
        }
        return items
    }

    /// A list of texts; a single text is taken as a list of one.
    func strings(_ what: String) throws -> [String] {
        if isNull { return [] }
        if case .scalar = value { return [try nonEmptyString(what)] }
        return try sequence(what).map { try $0.nonEmptyString("each entry of \(what)") }
    }

    /// Reads a mapping whose keys must all be in `allowed`; a key outside it, or written twice, is an error (a
    /// misspelt key would otherwise drop its data without a word).
    func mapping(_ what: String, allowed: [String]) throws -> MappingReader {
        guard case .mapping(let pairs) = value else {
            throw InputError("\(what) must be a mapping (key: value), found \(shapeDescription)", at: location)
        }
        var entries: [String: (key: DocumentNode, value: DocumentNode)] = [:]
        for pair in pairs {
            let key = try pair.key.string("a key")
            if let earlier = entries[key] {
                throw InputError(
                    "key '\(key)' is written twice in \(what) (first at line \(earlier.key.location.line ?? 0))",
                    at: pair.key.location)
            }
            guard allowed.contains(key) else {
                let suggestion =
                    allowed.compactMap { candidate in candidate.editDistance(to: key, atMost: 2).map { (candidate, $0) }
                    }
                    .min { $0.1 < $1.1 }.map { "; did you mean '\($0.0)'?" } ?? ""
                throw InputError(
                    "unknown key '\(key)' in \(what)\(suggestion) (allowed: \(allowed.joined(separator: ", ")))",
                    at: pair.key.location)
            }
            entries[key] = pair
        }
        return MappingReader(what: what, location: location, entries: entries)
    }
}

/// The entries of one mapping, checked against the keys allowed there.
struct MappingReader {
    let what: String
    let location: SourceLocation
    let entries: [String: (key: DocumentNode, value: DocumentNode)]

    /// The value under a key; `nil` when absent or written as null.
    subscript(key: String) -> DocumentNode? {
        guard let node = entries[key]?.value, !node.isNull else { return nil }
        return node
    }

    func required(_ key: String) throws -> DocumentNode {
        guard let node = self[key] else {
            throw InputError("\(what) has no '\(key)'", at: location)
        }
        return node
    }

    func string(_ key: String) throws -> String { try required(key).nonEmptyString("'\(key)'") }
    func optionalString(_ key: String) throws -> String? { try self[key]?.string("'\(key)'") }
    func strings(_ key: String) throws -> [String] { try self[key]?.strings("'\(key)'") ?? [] }
    func optionalDouble(_ key: String) throws -> Double? { try self[key]?.double("'\(key)'") }
    func optionalInteger(_ key: String) throws -> Int? { try self[key]?.integer("'\(key)'") }
    func sequence(_ key: String) throws -> [DocumentNode] { try self[key]?.sequence("'\(key)'") ?? [] }

    /// One of a closed set of words (a step kind, a project status), or `nil` when the key is absent.
    ///
    /// - Throws: ``InputError`` listing the accepted words when the value is not one of them.
    func choice<Choice: CaseIterable & RawRepresentable>(
        _ key: String, owner: String, parse: (String) -> Choice?
    ) throws -> Choice? where Choice.RawValue == String {
        guard let node = self[key] else { return nil }
        let written = try node.string("'\(key)'")
        guard let parsed = parse(written) else {
            throw InputError(
                "\(owner) unknown \(key) '\(written)' (expected one of: "
                    + Choice.allCases.map(\.rawValue).joined(separator: ", ") + ")",
                at: node.location)
        }
        return parsed
    }
}

extension InputError {
    /// Where a key is written for the second time at or after a line: libyaml reports only where the mapping starts.
    static func secondOccurrence(of key: String, in text: String, after line: Int) -> SourceLocation? {
        var seen = 0
        for (index, content) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where index + 1 >= line {
            var rest = content.drop { $0 == " " || $0 == "\t" || $0 == "-" || $0 == "{" || $0 == "," }
            rest = rest.drop { $0 == " " }
            let column = content.count - rest.count + 1
            for written in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(written) {
                let after = rest.dropFirst(written.count).drop { $0 == " " }
                if after.first == ":" {
                    seen += 1
                    if seen == 2 { return SourceLocation(file: "", line: index + 1, column: column) }
                }
            }
        }
        return nil
    }
}

extension String {
    /// The Levenshtein distance when it is at most `limit`, else `nil`: only the band of the table within `limit` of
    /// its diagonal is filled, so a hostile 10 MB key or id costs O(n · limit), not O(n²).
    ///
    /// - Complexity: O((m + n) · limit).
    func editDistance(to other: String, atMost limit: Int) -> Int? {
        let a = Array(unicodeScalars)
        let b = Array(other.unicodeScalars)
        guard abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let outside = limit + 1
        var previous = (0...b.count).map { $0 <= limit ? $0 : outside }
        var current = [Int](repeating: outside, count: b.count + 1)
        for i in 1...a.count {
            let low = Swift.max(1, i - limit)
            let high = Swift.min(b.count, i + limit)
            current[0] = i <= limit ? i : outside
            if low > 1 { current[low - 1] = outside }
            var best = current[0]
            if low <= high {
                for j in low...high {
                    let value = Swift.min(
                        previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                    current[j] = Swift.min(value, outside)
                    best = Swift.min(best, current[j])
                }
            }
            if high < b.count { current[high + 1] = outside }
            if best > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
