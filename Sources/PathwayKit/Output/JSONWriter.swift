/// Writes pretty-printed JSON straight into UTF-8 bytes, one token at a time: two-space indent, one member or
/// element per line, `": "` after keys, `[]` and `{}` for empty containers. This is the layout of
/// ``OrderedTree/json()`` (which writes through it), for large documents that should not be built as a tree first.
///
/// Containers are opened and closed with ``beginObject(inline:)``/``endObject()`` and
/// ``beginArray(inline:)``/``endArray()``; in an object, each value follows its ``key(_:)``. A container opened
/// `inline` is written on one line, members separated by `, ` (and so is everything inside it): the
/// ``Layout/compact`` layout of ``OrderedTree/json(layout:)`` puts lists of names and short lists of links there. Strings are escaped by ``appendQuoted(_:to:)``, the one JSON string
/// escaper. The writer does not check that calls are balanced.
public struct JSONWriter {
    /// The text written so far (since the last ``flush(atLeast:to:)``), as UTF-8.
    public private(set) var bytes: [UInt8] = []
    /// The number of open containers.
    private var depth = 0
    /// Whether the innermost open container has no member yet.
    private var isEmpty = true
    /// Whether a key was written and its value is next.
    private var isAfterKey = false
    /// `,` and a line break, then at least `2 * depth` spaces: what goes in front of a member, copied in one piece.
    private var separator: [UInt8] = []
    /// The depth of the outermost container written on one line (`Int.max` while there is none).
    private var inlineDepth = Int.max

    /// Where containers go.
    public enum Layout: Sendable {
        /// One member or element per line.
        case expanded
        /// A container that holds no container on one line, and so a list of at most ``compactObjectLimit``
        /// objects that hold no container (a sub-pathway's steps, its entries and exits); everything else one
        /// member or element per line.
        case compact
    }

    /// How many objects a list may hold and still go on one line in the ``Layout/compact`` layout.
    public static let compactObjectLimit = 4

    /// A writer with no text yet.
    ///
    /// - Parameter capacity: Bytes to reserve for the text.
    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Opens an object (`{`).
    public mutating func beginObject() {
        open(0x7B, inline: false)
    }

    /// Opens an object (`{`), on one line or not.
    ///
    /// - Parameter inline: Whether to write it on one line.
    public mutating func beginObject(inline: Bool) {
        open(0x7B, inline: inline)
    }

    /// Closes the innermost object (`}`).
    public mutating func endObject() {
        close(0x7D)
    }

    /// Opens an array (`[`).
    public mutating func beginArray() {
        open(0x5B, inline: false)
    }

    /// Opens an array (`[`), on one line or not.
    ///
    /// - Parameter inline: Whether to write it on one line.
    public mutating func beginArray(inline: Bool) {
        open(0x5B, inline: inline)
    }

    /// Closes the innermost array (`]`).
    public mutating func endArray() {
        close(0x5D)
    }

    /// Writes an object member's key and `: `; the member's value comes next.
    public mutating func key(_ name: String) {
        let isWritten = TextBuffer.withUTF8(name) { appendPlainKey($0) }
        if !isWritten {
            startValue()
            Self.appendQuoted(name, to: &bytes)
            bytes.append(0x3A)
            bytes.append(0x20)
        }
        isAfterKey = true
    }

    /// Writes a key that needs no escaping, and is short, together with what goes before and after it in one
    /// piece: the separator, the key in quotes, `: `.
    ///
    /// - Returns: Whether the key was written (`false` when it is long or holds something to escape).
    private mutating func appendPlainKey(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard depth > 0, depth < inlineDepth, !isAfterKey, utf8.count <= 64,
            !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 >= 0x80 })
        else { return false }
        let end = 2 + 2 * depth
        if separator.count < end { separator = [0x2C, 0x0A] + [UInt8](repeating: 0x20, count: 2 * end) }
        let start = isEmpty ? 1 : 0
        isEmpty = false
        let length = end - start + utf8.count + 4
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { token in
            separator.withUnsafeBufferPointer { separator in
                _ = token.initialize(fromContentsOf: separator[start..<end])
            }
            var position = end - start
            token[position] = 0x22
            position += 1
            _ = UnsafeMutableBufferPointer(rebasing: token[position...]).initialize(fromContentsOf: utf8)
            position += utf8.count
            token[position] = 0x22
            token[position + 1] = 0x3A
            token[position + 2] = 0x20
            bytes += UnsafeBufferPointer(token)
        }
        return true
    }

    /// Writes an object member whose value is a string; nothing when the value is `nil`.
    public mutating func member(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// Writes a string value.
    public mutating func string(_ text: String) {
        startValue()
        Self.appendQuoted(text, to: &bytes)
    }

    /// Writes a string value given as UTF-8.
    mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        startValue()
        Self.appendQuoted(utf8: utf8, to: &bytes)
    }

    /// Writes a number, without a trailing `.0` when it is whole (``OrderedTree/format(_:)``).
    public mutating func number(_ value: Double) {
        startValue()
        bytes += OrderedTree.format(value).utf8
    }

    /// Writes an integer.
    public mutating func integer(_ value: Int) {
        startValue()
        TextBuffer.withDigits(value) { bytes += $0 }
    }

    /// Writes `true` or `false`.
    public mutating func boolean(_ value: Bool) {
        startValue()
        bytes += (value ? "true" : "false").utf8
    }

    /// Records that members of the innermost open container were written by someone else, straight into the output
    /// after this writer's text was flushed (so that closing it puts the closing bracket on a line of its own).
    mutating func noteMembersWrittenElsewhere() {
        isEmpty = false
    }

    /// Ends the document with a newline.
    public mutating func finish() {
        bytes.append(0x0A)
    }

    /// Hands the text written so far to `sink` and forgets it, when there are at least `threshold` bytes of it.
    /// Text is only ever handed over between tokens, so every piece is whole UTF-8.
    ///
    /// - Parameters:
    ///   - threshold: How many bytes to collect before handing them over; 0 hands over whatever there is.
    ///   - sink: Takes the text; called at most once.
    public mutating func flush(atLeast threshold: Int = 0, to sink: ([UInt8]) -> Void) {
        guard !bytes.isEmpty, bytes.count >= threshold else { return }
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func open(_ bracket: UInt8, inline: Bool) {
        startValue()
        bytes.append(bracket)
        depth += 1
        if inline && depth < inlineDepth { inlineDepth = depth }
        isEmpty = true
    }

    private mutating func close(_ bracket: UInt8) {
        if depth >= inlineDepth {
            if depth == inlineDepth { inlineDepth = Int.max }
            depth -= 1
        } else {
            depth -= 1
            if !isEmpty { appendSeparator(comma: false) }
        }
        bytes.append(bracket)
        // The container just closed is a member of the one around it.
        isEmpty = false
    }

    /// Starts a key or a value: after a key, nothing; at the top level, nothing; otherwise the separator from the
    /// previous member, a line break and the indent.
    private mutating func startValue() {
        if isAfterKey {
            isAfterKey = false
            return
        }
        guard depth > 0 else { return }
        if depth >= inlineDepth {
            if !isEmpty {
                bytes.append(0x2C)
                bytes.append(0x20)
            }
        } else {
            appendSeparator(comma: !isEmpty)
        }
        isEmpty = false
    }

    /// Appends an optional comma, a line break and the indent of the current depth.
    private mutating func appendSeparator(comma: Bool) {
        let end = 2 + 2 * depth
        if separator.count < end { separator = [0x2C, 0x0A] + [UInt8](repeating: 0x20, count: 2 * end) }
        separator.withUnsafeBufferPointer { bytes += UnsafeBufferPointer(rebasing: $0[(comma ? 0 : 1)..<end]) }
    }

    /// Appends a JSON string literal: the text in double quotes, with `"`, `\`, every control character below
    /// U+0020 (`\n`, `\r`, `\t` by name, the rest as `\u00XX`) and U+2028/U+2029 escaped. Everything else is
    /// copied as its UTF-8 bytes, in runs.
    ///
    /// - Parameters:
    ///   - text: The string.
    ///   - out: The bytes to append to.
    /// - Complexity: O(n) in the UTF-8 length of `text`.
    public static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        TextBuffer.withUTF8(text) { appendQuoted(utf8: $0, to: &out) }
    }

    /// ``appendQuoted(_:to:)`` given the text's UTF-8 bytes.
    static func appendQuoted(utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        var runStart = 0
        var index = 0
        while true {
            index = ByteScan.skip(utf8, from: index) { word in
                ByteScan.hasBelow(word, 0x20) | ByteScan.has(word, 0x22) | ByteScan.has(word, 0x5C)
                    | ByteScan.has(word, 0xE2) != 0
            }
            guard index < utf8.count else { break }
            let byte = utf8[index]
            // Only these bytes can start something to escape; all others are copied with their run.
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 else {
                index += 1
                continue
            }
            var length = 1
            if byte == 0xE2 {
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9; any other E2 sequence is copied.
                guard index + 2 < utf8.count, utf8[index + 1] == 0x80, utf8[index + 2] & 0xFE == 0xA8 else {
                    index += 1
                    continue
                }
                length = 3
            }
            out += UnsafeBufferPointer(rebasing: utf8[runStart..<index])
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0xE2: out += [0x5C, 0x75, 0x32, 0x30, 0x32, utf8[index + 2] == 0xA8 ? 0x38 : 0x39]
            default: out += [0x5C, 0x75, 0x30, 0x30, hexDigit(byte >> 4), hexDigit(byte & 0x0F)]
            }
            index += length
            runStart = index
        }
        out += UnsafeBufferPointer(rebasing: utf8[runStart...])
        out.append(0x22)
    }

    /// Whether ``appendQuoted(_:to:)`` writes `utf8` as it is between the quotes: no control character, `"` or `\\`,
    /// and (to decide in one pass) no byte 0xE2, with which U+2028 and U+2029 begin.
    ///
    /// - Complexity: O(n), eight bytes at a time.
    static func isPlain(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = ByteScan.skip(utf8, from: 0) { word in
            ByteScan.hasBelow(word, 0x20) | ByteScan.has(word, 0x22) | ByteScan.has(word, 0x5C)
                | ByteScan.has(word, 0xE2) != 0
        }
        for byte in utf8[start...] where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 { return false }
        return true
    }

    /// The lowercase hexadecimal digit of a value below 16.
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x61 + value - 10
    }
}
