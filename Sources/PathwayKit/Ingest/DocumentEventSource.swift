import CYAML

/// One event of a YAML or JSON document read as a stream.
enum DocumentEvent: Equatable {
    case mappingStart
    case sequenceStart
    /// The end of the innermost open mapping or sequence.
    case end
    /// A scalar: its text is the source's ``DocumentEventSource/scalarBytes``.
    case scalar(isPlain: Bool)
    /// The end of the only document, with nothing but the end of the stream after it.
    case documentEnd
}

/// A parser that hands out a document's events one at a time, without building a tree (libyaml's event stream,
/// the byte-level JSON reader).
///
/// A source gives up (`nil`) wherever the general reader must decide what to report: a syntax error, an alias or
/// anchor, a second document. A streaming reader then reads the file again through the general reader, which
/// reports exactly what it always has.
protocol DocumentEventSource {
    /// The next event, or `nil` where the document cannot be followed as a stream (see above).
    mutating func nextEvent() -> DocumentEvent?
    /// Where the current event starts: 1-based line and column, the column counted in characters.
    var eventLine: Int { get }
    var eventColumn: Int { get }
    /// Runs `body` over the UTF-8 of the current scalar.
    func withScalarBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result
}

/// libyaml's events as a ``DocumentEventSource``.
struct YAMLEventSource: DocumentEventSource {
    let reader: YAMLEventReader
    private var started = false

    init(_ reader: YAMLEventReader) { self.reader = reader }

    private(set) var eventLine = 0
    private(set) var eventColumn = 0
    func withScalarBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(reader.scalarBytes)
    }

    mutating func nextEvent() -> DocumentEvent? {
        do {
            if !started {
                // The stream's start, then the document's (or the stream's end: an empty file).
                started = true
                try reader.next()
                guard try reader.next() == YAML_DOCUMENT_START_EVENT else { return nil }
            }
            let type = try reader.next()
            let start = reader.start
            if type != YAML_MAPPING_END_EVENT && type != YAML_SEQUENCE_END_EVENT {
                // A node before the previous one is what the tree reader refuses as an alias.
                guard (start.line, start.column) >= (eventLine, eventColumn) else { return nil }
                (eventLine, eventColumn) = start
            }
            switch type {
            case YAML_SCALAR_EVENT:
                return reader.hasAnchor ? nil : .scalar(isPlain: reader.scalarIsPlain)
            case YAML_MAPPING_START_EVENT: return reader.hasAnchor ? nil : .mappingStart
            case YAML_SEQUENCE_START_EVENT: return reader.hasAnchor ? nil : .sequenceStart
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT: return .end
            case YAML_DOCUMENT_END_EVENT:
                return try reader.next() == YAML_STREAM_END_EVENT ? .documentEnd : nil
            default:  // an alias
                return nil
            }
        } catch {
            return nil
        }
    }
}
