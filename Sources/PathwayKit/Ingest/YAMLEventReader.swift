import CYAML
import Foundation

/// Pulls libyaml's event stream over a UTF-8 text, one event at a time, with no node tree.
///
/// The current event (``event``) lives until the next call to ``next()``; its scalar bytes point into libyaml's
/// buffers, so a reader copies what it keeps. The text's bytes must stay alive and unchanged for the reader's whole
/// life (``withEvents(of:_:)`` arranges that).
final class YAMLEventReader {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The current event, valid after ``next()`` returned and until it is called again.
    let event: UnsafeMutablePointer<yaml_event_t>
    private var holdsEvent = false

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        parser = .allocate(capacity: 1)
        event = .allocate(capacity: 1)
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
    }

    deinit {
        if holdsEvent { yaml_event_delete(event) }
        yaml_parser_delete(parser)
        parser.deallocate()
        event.deallocate()
    }

    /// Runs `body` with a reader over the UTF-8 of `text`.
    static func withEvents<Result>(of text: String, _ body: (YAMLEventReader) throws -> Result) rethrows -> Result {
        var text = text
        return try text.withUTF8 { bytes in try body(YAMLEventReader(bytes: bytes)) }
    }

    /// Moves to the next event and returns its type.
    ///
    /// - Throws: ``YAMLSyntaxError`` with what libyaml reported, when the text is not valid YAML there.
    @discardableResult
    func next() throws(YAMLSyntaxError) -> yaml_event_type_t {
        if holdsEvent {
            yaml_event_delete(event)
            holdsEvent = false
        }
        guard yaml_parser_parse(parser, event) == 1 else { throw YAMLSyntaxError(parser.pointee) }
        holdsEvent = true
        try checkNesting()
        return event.pointee.type
    }

    /// The deepest nesting read: a collection may start only while libyaml's indentation stack holds fewer levels
    /// than this less the number of open flow collections (libyaml counts them as it scans ahead).
    static let maximumNesting = 1000

    /// Refuses a collection nested past ``maximumNesting`` where libyaml is about to read into it, as the libyaml
    /// that Yams bundles does (the libyaml of Debian 12 has no such limit), with its message and place: the
    /// collection's opening token.
    private func checkNesting() throws(YAMLSyntaxError) {
        let state = parser.pointee.state
        let isFlow =
            state == YAML_PARSE_FLOW_SEQUENCE_FIRST_ENTRY_STATE || state == YAML_PARSE_FLOW_MAPPING_FIRST_KEY_STATE
        let isBlock =
            state == YAML_PARSE_BLOCK_SEQUENCE_FIRST_ENTRY_STATE || state == YAML_PARSE_BLOCK_MAPPING_FIRST_KEY_STATE
        guard isFlow || isBlock else { return }
        let type = event.pointee.type
        guard type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT else { return }
        let indents = parser.pointee.indents
        let levels = indents.top.map { top in indents.start.map { top - $0 } ?? 0 } ?? 0
        guard levels >= Self.maximumNesting - Int(parser.pointee.flow_level) else { return }
        // The opening token ends where the event does: `[` and `{` are one character wide, block starts none.
        let end = event.pointee.end_mark
        throw YAMLSyntaxError(
            kind: YAML_PARSER_ERROR,
            problem: "Maximum nesting level reached, set with yaml_set_max_nest_level())", problemLine: end.line + 1,
            problemColumn: end.column + (isFlow ? 0 : 1), context: "while parsing", problemOffset: 0, problemValue: 0)
    }

    /// The 1-based line and column (in characters) where the current event starts.
    var start: (line: Int, column: Int) {
        (event.pointee.start_mark.line + 1, event.pointee.start_mark.column + 1)
    }

    /// The bytes of the current scalar event's value (valid until the next event).
    var scalarBytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: event.pointee.data.scalar.value, count: event.pointee.data.scalar.length)
    }

    /// Whether the current scalar event was written plain (neither quoted nor a block scalar).
    var scalarIsPlain: Bool { event.pointee.data.scalar.style == YAML_PLAIN_SCALAR_STYLE }

    /// The anchor the current event defines (`&name`), or the one an alias event names (`*name`).
    var anchor: String? {
        let pointer: UnsafeMutablePointer<yaml_char_t>?
        switch event.pointee.type {
        case YAML_ALIAS_EVENT: pointer = event.pointee.data.alias.anchor
        case YAML_SCALAR_EVENT: pointer = event.pointee.data.scalar.anchor
        case YAML_SEQUENCE_START_EVENT: pointer = event.pointee.data.sequence_start.anchor
        case YAML_MAPPING_START_EVENT: pointer = event.pointee.data.mapping_start.anchor
        default: pointer = nil
        }
        return pointer.map { String(cString: $0) }
    }

    /// Whether the current scalar, sequence or mapping event has an anchor (cheaper than ``anchor``).
    var hasAnchor: Bool {
        switch event.pointee.type {
        case YAML_SCALAR_EVENT: return event.pointee.data.scalar.anchor != nil
        case YAML_SEQUENCE_START_EVENT: return event.pointee.data.sequence_start.anchor != nil
        case YAML_MAPPING_START_EVENT: return event.pointee.data.mapping_start.anchor != nil
        default: return false
        }
    }

    /// The tag of the current event as YAML resolves it for comparing keys: the tag written (`!!str` as
    /// `tag:yaml.org,2002:str`), the default tag of the kind for `!` and quoted scalars, or `nil` for a plain scalar
    /// or collection with no tag (resolved from the scalar's text, see ``YAMLKey``).
    var writtenTag: String? {
        switch event.pointee.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.pointee.data.scalar
            if scalar.quoted_implicit == 1 { return YAMLKey.stringTag }
            guard let tag = scalar.tag else { return nil }
            let name = String(cString: tag)
            return name == "!" ? YAMLKey.stringTag : name
        case YAML_SEQUENCE_START_EVENT:
            let start = event.pointee.data.sequence_start
            guard start.implicit == 0, let tag = start.tag else { return nil }
            let name = String(cString: tag)
            return name == "!" ? nil : name
        case YAML_MAPPING_START_EVENT:
            // Yams reads a mapping's tag through the sequence member of the union; the layouts agree.
            let start = event.pointee.data.mapping_start
            guard start.implicit == 0, let tag = start.tag else { return nil }
            let name = String(cString: tag)
            return name == "!" ? nil : name
        default:
            return nil
        }
    }
}

/// What libyaml reported when it could not read on: the kind of error, the problem and its place, and the context
/// ("while scanning a simple key") and its place.
struct YAMLSyntaxError: Error {
    let kind: yaml_error_type_t
    let problem: String
    let problemLine: Int
    let problemColumn: Int
    let context: String?
    /// The offset in bytes of a reader error (a character YAML does not allow).
    let problemOffset: Int
    let problemValue: Int32

    init(
        kind: yaml_error_type_t, problem: String, problemLine: Int, problemColumn: Int, context: String?,
        problemOffset: Int, problemValue: Int32
    ) {
        self.kind = kind
        self.problem = problem
        self.problemLine = problemLine
        self.problemColumn = problemColumn
        self.context = context
        self.problemOffset = problemOffset
        self.problemValue = problemValue
    }

    init(_ parser: yaml_parser_t) {
        kind = parser.error
        problem = parser.problem.map { String(cString: $0) } ?? ""
        problemLine = parser.problem_mark.line + 1
        problemColumn = parser.problem_mark.column + 1
        context = parser.context.map { String(cString: $0) }
        problemOffset = parser.problem_offset
        problemValue = parser.problem_value
    }

    /// The error as the readers report it, word for word as they did when libyaml was reached through Yams.
    func inputError(file: String, text: String) -> InputError {
        switch kind {
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            let detail = context.map { "\(problem) \($0)" } ?? problem
            return InputError(
                "not valid YAML or JSON: \(detail)",
                at: SourceLocation(file: file, line: problemLine, column: problemColumn))
        case YAML_READER_ERROR:
            return InputError("not valid YAML or JSON: \(readerDescription(text))", at: SourceLocation(file: file))
        default:
            return InputError("not valid YAML or JSON: Memory error", at: SourceLocation(file: file))
        }
    }

    /// A reader error described with its line, column (in UTF-16 units), the line itself and a caret under the
    /// place; the offset is counted in characters, and a place inside a character is given as an offset only.
    private func readerDescription(_ text: String) -> String {
        let offset = text.utf8.index(text.utf8.startIndex, offsetBy: problemOffset, limitedBy: text.utf8.endIndex)?
            .samePosition(in: text).map { text.distance(from: text.startIndex, to: $0) }
        guard let offset, let place = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) else {
            return "\(problem) at offset: \(String(describing: offset)), value: \(problemValue)"
        }
        var lineNumber = 0
        var lineStart = text.startIndex
        var lineEnd = text.startIndex
        var contentsEnd = text.startIndex
        text.getLineStart(&lineStart, end: &lineEnd, contentsEnd: &contentsEnd, for: text.startIndex..<text.startIndex)
        while lineEnd <= place && lineEnd < text.endIndex {
            lineNumber += 1
            text.getLineStart(&lineStart, end: &lineEnd, contentsEnd: &contentsEnd, for: lineEnd..<lineEnd)
        }
        let column = text.utf16.distance(from: lineStart, to: place)
        var contents = String(text[lineStart..<lineEnd])
        if !(contents.unicodeScalars.last.map(CharacterSet.newlines.contains) ?? false) { contents += "\n" }
        return "\(lineNumber + 1):\(column + 1): error: reader: \(problem):\n" + contents
            + String(repeating: " ", count: column) + "^"
    }
}
