/// A file that cannot be read as what it should be: the place and what is wrong there.
///
/// Input errors stop loading (they are thrown); problems in a file that reads well are ``Finding``s.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem an input error is, so that callers and tests can tell them apart without reading the
    /// message.
    public struct Code: Hashable, Sendable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The file is not what its format says (a syntax error, a wrong type, a missing field).
        public static let malformed = Code(rawValue: "malformed")
        /// The file does not exist.
        public static let missingFile = Code(rawValue: "missing-file")
        /// The path is not a regular file (a folder, a FIFO, a device).
        public static let notAFile = Code(rawValue: "not-a-file")
        /// The file exists but the system would not give its bytes (permissions, I/O).
        public static let unreadable = Code(rawValue: "unreadable")
        /// A byte that is not valid in the file's encoding.
        public static let invalidText = Code(rawValue: "invalid-text")
        /// An encoding pathgap does not read.
        public static let unsupportedEncoding = Code(rawValue: "unsupported-encoding")
        /// An XML document type declaration with entities or an external DTD.
        public static let hostileDoctype = Code(rawValue: "hostile-doctype")
        /// Elements nested deeper than ``InputLimits/xmlNestingDepth``.
        public static let tooDeep = Code(rawValue: "too-deep")
        /// A value longer than a documented limit (a label over ``InputLimits/labelLength``, …).
        public static let tooLong = Code(rawValue: "too-long")
        /// A file whose format cannot be told from its name or contents.
        public static let unknownFormat = Code(rawValue: "unknown-format")
        /// Two ids that would be written to the same output file.
        public static let nameCollision = Code(rawValue: "name-collision")
        /// YAML aliases or anchors, which the native format does not allow.
        public static let alias = Code(rawValue: "alias")
    }

    public var location: SourceLocation
    public var message: String
    /// What kind of problem this is.
    public var code: Code

    public init(_ message: String, at location: SourceLocation, code: Code = .malformed) {
        self.location = location
        self.message = message
        self.code = code
    }

    /// `file:line:col: error: message`, as compilers print it: one line, control and bidi characters escaped,
    /// cut to ``Quote/maximumMessageLength`` characters (``Quote/message(_:)``).
    public var description: String { Quote.message("\(location): error: \(message)") }
}
