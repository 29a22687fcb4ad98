import Foundation

/// Prepares XML bytes for `XMLParser`: decodes them from the encoding the document uses, checks every character on
/// the way, and re-encodes them as UTF-8 with the XML declaration saying so; then checks the prolog's document type
/// declaration.
///
/// FoundationXML's `XMLParser` traps (it force-unwraps a string) when libxml2 hands it a name that is not valid
/// UTF-8, so no byte the reader has not decoded itself ever reaches it; and since the prolog is checked after
/// decoding, a `<!DOCTYPE>` is seen whatever the encoding (UTF-16 included) and however far into the file it is.
enum XMLInput {
    /// The encodings read, by the names an XML declaration may give them (lower case).
    private static let singleByteEncodings: [String: String.Encoding] = [
        "iso-8859-1": .isoLatin1, "iso8859-1": .isoLatin1, "iso_8859-1": .isoLatin1, "latin1": .isoLatin1,
        "latin-1": .isoLatin1, "l1": .isoLatin1, "iso-ir-100": .isoLatin1, "cp819": .isoLatin1,
        "ibm819": .isoLatin1, "iso-8859-2": .isoLatin2, "latin2": .isoLatin2, "windows-1252": .windowsCP1252,
        "cp1252": .windowsCP1252, "windows-1250": .windowsCP1250, "cp1250": .windowsCP1250,
    ]

    /// The document as UTF-8 bytes, its XML declaration (if any) naming UTF-8, and line breaks where they were.
    ///
    /// - Parameters:
    ///   - data: The file's bytes: UTF-8 (the default, with or without a byte-order mark), UTF-16 (with a byte-order
    ///     mark, or detected from `<?`), or a single-byte encoding its XML declaration names (ISO-8859-1/2,
    ///     Windows-1250/1252, US-ASCII).
    ///   - file: The path for messages.
    /// - Throws: ``InputError`` with code ``InputError/Code/invalidText`` at the line and column of the first byte
    ///   that is not valid in the document's encoding, or ``InputError/Code/unsupportedEncoding`` naming an encoding
    ///   pathgap does not read.
    /// - Complexity: O(n) in the size of the file.
    static func utf8(_ data: Data, file: String) throws -> [UInt8] {
        let bytes = [UInt8](data)
        let head = Array(bytes.prefix(4))
        var text: String
        if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            text = try SourceFile.text(from: data, file: file)
        } else if head == [0xFF, 0xFE, 0, 0] || head == [0, 0, 0xFE, 0xFF] || head == [0, 0, 0, 0x3C]
            || head == [0x3C, 0, 0, 0] || head == [0x4C, 0x6F, 0xA7, 0x94]
        {
            throw InputError(
                "the file is in UCS-4 or EBCDIC, which pathgap does not read; save it as UTF-8",
                at: SourceLocation(file: file, line: 1, column: 1), code: .unsupportedEncoding)
        } else if head.starts(with: [0xFF, 0xFE]) {
            text = try utf16(bytes.dropFirst(2), bigEndian: false, file: file)
        } else if head.starts(with: [0xFE, 0xFF]) {
            text = try utf16(bytes.dropFirst(2), bigEndian: true, file: file)
        } else if head == [0x3C, 0, 0x3F, 0] {
            text = try utf16(bytes[...], bigEndian: false, file: file)
        } else if head == [0, 0x3C, 0, 0x3F] {
            text = try utf16(bytes[...], bigEndian: true, file: file)
        } else {
            let declared = declaredEncoding(bytes)
            switch declared {
            case nil, "utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "utf16":
                // A UTF-16 declaration on bytes that are not UTF-16 (no byte-order mark, no `<?` in UTF-16): read as
                // UTF-8, as libxml2 does.
                text = try SourceFile.text(from: data, file: file)
            case "us-ascii", "ascii", "iso646-us":
                text = try SourceFile.text(from: data, file: file)
                if let place = firstNonASCII(bytes) {
                    throw InputError(
                        "the file declares US-ASCII but holds byte 0x\(String(bytes[place.offset], radix: 16)) here",
                        at: SourceLocation(file: file, line: place.line, column: place.column), code: .invalidText)
                }
            case let name?:
                guard let encoding = singleByteEncodings[name], let decoded = String(data: data, encoding: encoding)
                else {
                    throw InputError(
                        "the XML declaration names encoding '\(Quote.line(name))', which pathgap does not read "
                            + "(UTF-8, UTF-16, ISO-8859-1, ISO-8859-2, Windows-1250, Windows-1252, US-ASCII); "
                            + "save it as UTF-8",
                        at: SourceLocation(file: file, line: 1), code: .unsupportedEncoding)
                }
                text = decoded
            }
        }
        var result = Array(text.utf8)
        if result.starts(with: [0xEF, 0xBB, 0xBF]) { result.removeFirst(3) }
        declareUTF8(&result)
        return result
    }

    /// Decodes UTF-16 code units, reporting the place of an unpaired surrogate.
    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool, file: String) throws -> String {
        guard bytes.count % 2 == 0 else {
            throw InputError(
                "the file is UTF-16 but has an odd number of bytes (it ends in the middle of a character)",
                at: SourceLocation(file: file), code: .invalidText)
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        if let text = String(validating: units, as: UTF16.self) { return text }
        var line = 1
        var column = 1
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput, .error: break loop
            }
        }
        throw InputError(
            "the file is UTF-16 but holds an unpaired surrogate here; save it as UTF-8",
            at: SourceLocation(file: file, line: line, column: column), code: .invalidText)
    }

    /// The place of the first byte above 0x7F.
    private static func firstNonASCII(_ bytes: [UInt8]) -> (offset: Int, line: Int, column: Int)? {
        var line = 1
        var column = 1
        for (offset, byte) in bytes.enumerated() {
            if byte > 0x7F { return (offset, line, column) }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return nil
    }

    /// The range of the XML declaration's `encoding` value, if the bytes start with a declaration that has one.
    private static func encodingValueRange(_ bytes: [UInt8]) -> Range<Int>? {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard bytes[start...].starts(with: Array("<?xml".utf8)) else { return nil }
        let limit = min(bytes.count, start + 4096)
        guard let end = (start + 5..<limit).first(where: { bytes[$0] == UInt8(ascii: "?") }) else { return nil }
        let declaration = bytes[start..<end]
        let key = Array("encoding".utf8)
        guard let keyStart = declaration.indices.first(where: { declaration[$0...].starts(with: key) }) else {
            return nil
        }
        var index = keyStart + key.count
        while index < end, [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "=")].contains(bytes[index]) { index += 1 }
        guard index < end, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
            return nil
        }
        let quote = bytes[index]
        guard let close = (index + 1..<end).first(where: { bytes[$0] == quote }) else { return nil }
        return index + 1..<close
    }

    /// The encoding an ASCII-compatible document's XML declaration names, in lower case.
    private static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        guard let range = encodingValueRange(bytes) else { return nil }
        return String(decoding: bytes[range], as: UTF8.self).lowercased()
    }

    /// Makes the XML declaration (if any) name UTF-8, the encoding the bytes are now in.
    private static func declareUTF8(_ bytes: inout [UInt8]) {
        guard let range = encodingValueRange(bytes) else { return }
        bytes.replaceSubrange(range, with: Array("UTF-8".utf8))
    }

    /// Refuses a document type declaration that names an external DTD, declares an entity or refers to a parameter
    /// entity, so that neither entity expansion ("billion laughs") nor external entities (files, URLs) can be
    /// used against the reader. The whole prolog is read (XML 1.0 productions 22–31: the XML declaration, comments,
    /// processing instructions and the DOCTYPE with its internal subset, quoted literals skipped as literals), up to
    /// the root element, however long it is.
    ///
    /// - Parameters:
    ///   - bytes: The document as UTF-8 (``utf8(_:file:)``).
    ///   - file: The path for messages.
    /// - Throws: ``InputError`` with code ``InputError/Code/hostileDoctype`` at the line of what is refused.
    /// - Complexity: O(length of the prolog).
    static func refuseHostileDoctype(_ bytes: [UInt8], file: String) throws {
        var scanner = PrologScanner(bytes: bytes)
        func refuse(_ what: String, line: Int) -> InputError {
            InputError(
                "refusing a document type declaration that \(what) (entity expansion and external entities are "
                    + "not allowed); remove the <!DOCTYPE …> or that part of it",
                at: SourceLocation(file: file, line: line), code: .hostileDoctype)
        }
        while true {
            scanner.skipSpace()
            if scanner.starts("<?") {
                scanner.skip(past: "?>")
            } else if scanner.starts("<!--") {
                scanner.skip(past: "-->")
            } else if scanner.starts("<!DOCTYPE") || scanner.starts("<!doctype") {
                let doctypeLine = scanner.line
                scanner.index += 9
                scanner.skipSpace()
                scanner.skipName()
                scanner.skipSpace()
                if scanner.starts("SYSTEM") || scanner.starts("PUBLIC") || scanner.starts("system")
                    || scanner.starts("public")
                {
                    throw refuse("names an external DTD", line: doctypeLine)
                }
                guard scanner.starts("[") else { return }
                scanner.index += 1
                while true {
                    scanner.skipSpace()
                    if scanner.isAtEnd || scanner.starts("]") { return }
                    if scanner.starts("%") { throw refuse("refers to a parameter entity", line: scanner.line) }
                    if scanner.starts("<!--") {
                        scanner.skip(past: "-->")
                    } else if scanner.starts("<?") {
                        scanner.skip(past: "?>")
                    } else if scanner.starts("<!ENTITY") || scanner.starts("<!entity") {
                        throw refuse("declares an entity", line: scanner.line)
                    } else if scanner.starts("<!") {
                        let declarationLine = scanner.line
                        if scanner.skipDeclaration() {
                            throw refuse("refers to a parameter entity", line: declarationLine)
                        }
                    } else {
                        return  // not a declaration: malformed, which the parser reports
                    }
                }
            } else {
                return  // the root element (or something the parser will report): the prolog is over
            }
        }
    }
}

/// A cursor over the prolog of a UTF-8 document, counting lines.
private struct PrologScanner {
    let bytes: [UInt8]
    var index = 0
    var line = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    var isAtEnd: Bool { index >= bytes.count }

    func starts(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return text.withUTF8Buffer { bytes[index..<index + count].elementsEqual($0) }
    }

    mutating func advance() {
        if bytes[index] == 0x0A { line += 1 }
        index += 1
    }

    mutating func skipSpace() {
        while !isAtEnd, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { advance() }
    }

    /// Skips to just after `terminator`, or to the end.
    mutating func skip(past terminator: StaticString) {
        while !isAtEnd, !starts(terminator) { advance() }
        index = min(bytes.count, index + terminator.utf8CodeUnitCount)
    }

    /// Skips a name (up to white space, `[` or `>`).
    mutating func skipName() {
        while !isAtEnd, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "["), UInt8(ascii: ">")].contains(bytes[index]) {
            advance()
        }
    }

    /// Skips a markup declaration (`<!ELEMENT …>`, `<!ATTLIST …>`, `<!NOTATION …>`) to just after its `>`, quoted
    /// literals whole. Returns whether a `%` (a parameter entity reference) occurs outside the literals.
    mutating func skipDeclaration() -> Bool {
        var quote: UInt8?
        var sawPercent = false
        while !isAtEnd {
            let byte = bytes[index]
            advance()
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "%") {
                sawPercent = true
            } else if byte == UInt8(ascii: ">") {
                break
            }
        }
        return sawPercent
    }
}
