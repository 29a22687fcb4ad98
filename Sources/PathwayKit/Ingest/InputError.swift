/// A file that cannot be read as what it should be: the place and what is wrong there.
///
/// Input errors stop loading (they are thrown); problems in a file that reads well are ``Finding``s.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ message: String, at location: SourceLocation) {
        self.location = location
        self.message = message
    }

    /// `file:line:col: error: message`, as compilers print it.
    public var description: String { "\(location): error: \(message)" }
}
