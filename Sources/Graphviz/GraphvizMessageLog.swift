internal import CGraphviz
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The messages Graphviz reports during one operation, as its error function (``GraphvizLibrary/errorFunction``)
/// receives them.
///
/// cgraph hands each message over in pieces: its level (`Warning` or `Error`), then `: `, then the formatted text;
/// a continuation (`AGPREV`, such as the `in label of node c` after an HTML-label error) comes as text alone and
/// belongs to the message before it. Only used while holding the Graphviz lock.
struct GraphvizMessageLog {
    /// The most warnings kept per operation (a large graph can draw one per node); errors are always kept.
    static let warningLimit = 1000

    /// The messages so far, as raw bytes.
    private var messages: [(severity: GraphvizMessage.Severity, bytes: [UInt8])] = []
    /// Whether the last piece was a level, so that a `: ` piece is the separator after it.
    private var expectsSeparator = false
    /// Whether the current message is past the limit and dropped, continuation included.
    private var isDropping = false
    /// The number of warnings kept.
    private var warnings = 0
    /// The number of warnings dropped past the limit.
    private var omitted = 0

    /// Adds one piece of a message.
    mutating func receive(_ piece: UnsafePointer<CChar>) {
        let bytes = UnsafeRawBufferPointer(start: piece, count: strlen(piece))
        if expectsSeparator {
            expectsSeparator = false
            if bytes.elementsEqual(": ".utf8) { return }
        }
        let severity: GraphvizMessage.Severity? =
            bytes.elementsEqual("Warning".utf8) ? .warning : bytes.elementsEqual("Error".utf8) ? .error : nil
        if let severity {
            expectsSeparator = true
            isDropping = severity == .warning && warnings >= Self.warningLimit
            if isDropping {
                omitted += 1
                return
            }
            if severity == .warning { warnings += 1 }
            messages.append((severity, []))
            return
        }
        guard !isDropping else { return }
        if messages.isEmpty { messages.append((.warning, [])) }  // a continuation of nothing this operation saw
        messages[messages.count - 1].bytes += bytes
    }

    /// The messages received, in order, each on one line (empty ones left out), and a note of the warnings
    /// dropped past ``warningLimit``.
    func collected() -> [GraphvizMessage] {
        var result = messages.map { GraphvizMessage($0.severity, GraphvizMessage.text(from: $0.bytes)) }
        result.removeAll { $0.text.isEmpty }
        if omitted > 0 {
            result.append(GraphvizMessage(.warning, "\(omitted) more warnings not shown"))
        }
        return result
    }
}

extension GraphvizLibrary {
    /// The messages of the operation in progress, filled by ``errorFunction``. Only touched while holding the
    /// Graphviz lock (``session``); a lock of its own because the error function cannot reach the session.
    static let messages = Mutex(GraphvizMessageLog())

    /// Graphviz's error function (`agseterrf`): hands every piece of every message to ``messages``.
    static var errorFunction: agusererrf {
        { piece in
            if let piece { GraphvizLibrary.messages.withLock { $0.receive(piece) } }
            return 0
        }
    }
}
