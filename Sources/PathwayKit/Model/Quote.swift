/// Input quoted in messages and terminal output: at most one line, at most ``maximumLength`` characters, with
/// control and bidirectional-formatting characters escaped, so that a hostile file can neither flood the terminal
/// nor move its cursor, recolour it, reorder what it shows or forge a line of output.
public enum Quote {
    /// The most characters of input a message quotes.
    public static let maximumLength = 200

    /// The most characters of a whole message (the place, the sentence and what it quotes).
    public static let maximumMessageLength = 1_000

    /// A message as printed: control and bidi characters escaped (a line break as `\n`, so the message stays one
    /// line), cut to ``maximumMessageLength`` characters with `…`.
    ///
    /// - Complexity: O(n).
    public static func message(_ text: some StringProtocol) -> String {
        var text = String(text)
        if let plain = text.withUTF8({ plainASCIIMessage($0) }) { return plain }
        return escapedMessage(text)
    }

    /// ``message(_:)`` of printable ASCII (tabs allowed), where a byte is a character and none is escaped: the
    /// text itself, or its first ``maximumMessageLength`` bytes and `…`; `nil` for any other text. Findings are
    /// written by the hundred thousand (a decomposition's advice), and walking characters cost most of that.
    ///
    /// - Complexity: O(n).
    private static func plainASCIIMessage(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        for byte in bytes where byte >= 0x7F || (byte < 0x20 && byte != 0x09) { return nil }
        guard bytes.count > maximumMessageLength else { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<maximumMessageLength]), as: UTF8.self) + "…"
    }

    /// ``message(_:)`` a character at a time, escaping what must be.
    static func escapedMessage(_ text: some StringProtocol) -> String {
        var result = ""
        var count = 0
        for character in text {
            if count == maximumMessageLength {
                result += "…"
                break
            }
            appendEscaped(character, to: &result)
            count += 1
        }
        return result
    }

    /// The first line of `text`, cut to ``maximumLength`` characters (`…` marks a cut or a dropped rest), with
    /// control and bidi characters escaped (``escaped(_:)``).
    ///
    /// - Complexity: O(``maximumLength``), whatever the length of `text`.
    public static func line(_ text: some StringProtocol) -> String {
        var result = ""
        var count = 0
        for character in text {
            if character == "\n" || character == "\r\n" || character == "\r" {
                result += "…"
                return result
            }
            if count == maximumLength {
                result += "…"
                return result
            }
            appendEscaped(character, to: &result)
            count += 1
        }
        return result
    }

    /// `text` with every control character (C0 but tab, DEL, C1) and every bidirectional formatting character
    /// (U+061C, U+200E/F, U+202A–202E, U+2066–2069) written as an escape: `\n`, `\r`, `\e`-like `\u{1B}`.
    ///
    /// - Complexity: O(n).
    public static func escaped(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return String(text) }
        var result = ""
        for character in text { appendEscaped(character, to: &result) }
        return result
    }

    /// Whether a scalar must not reach a terminal (or a text report) as it is.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        case 0x2028, 0x2029: return true  // line and paragraph separators break lines too
        default: return false
        }
    }

    private static func appendEscaped(_ character: Character, to result: inout String) {
        guard character.unicodeScalars.contains(where: isUnsafe) else {
            result.append(character)
            return
        }
        for scalar in character.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case _ where isUnsafe(scalar): result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
    }
}
