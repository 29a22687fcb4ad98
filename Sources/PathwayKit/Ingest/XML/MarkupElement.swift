import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One element of an XML document as the importers keep it: its namespace and local name, its attributes, its
/// text, its children and the line it starts on.
///
/// The importers read XML with `XMLParser` (a streaming parser) and keep only the subtrees they need (a BPMN file's
/// diagram interchange, usually most of its bytes, is dropped as it streams past), so this is a small tree, not a
/// DOM.
struct MarkupElement: Sendable {
    /// The namespace URI ("" when the element has none).
    var namespace: String
    /// The local name, without a prefix.
    var name: String
    /// Attributes by qualified name as written (`id`, `name`, `xsi:type`).
    var attributes: [String: String]
    /// The element's own character data, concatenated (CDATA included), not that of its children.
    var text: String
    var children: [MarkupElement]
    /// The 1-based line of the start tag (as `XMLParser.lineNumber` reports it).
    var line: Int

    /// The first child with a namespace and local name.
    func child(_ namespace: String, _ name: String) -> MarkupElement? {
        children.first { $0.namespace == namespace && $0.name == name }
    }

    /// The children with a namespace and local name.
    func children(_ namespace: String, _ name: String) -> [MarkupElement] {
        children.filter { $0.namespace == namespace && $0.name == name }
    }

    /// The element's text and that of every descendant, in document order.
    ///
    /// - Complexity: O(size of the subtree), with an explicit stack.
    var allText: String {
        var result = ""
        var stack: [MarkupElement] = [self]
        while let element = stack.popLast() {
            result += element.text
            stack += element.children.reversed()
        }
        return result
    }

    /// The value of an attribute by local name, whatever prefix it was written with.
    func attribute(_ localName: String) -> String? {
        if let value = attributes[localName] { return value }
        return attributes.first { key, _ in key.split(separator: ":").last.map(String.init) == localName }?.value
    }
}

/// Reads XML safely into ``MarkupElement`` trees.
enum MarkupReader {
    /// The deepest nesting of elements read (``InputLimits/xmlNestingDepth``).
    static let maximumDepth = InputLimits.xmlNestingDepth

    /// Parses XML bytes, keeping the elements `keep` accepts (and their subtrees).
    ///
    /// The bytes are decoded and checked first (``XMLInput/utf8(_:file:)``), a document type declaration that
    /// declares entities or names an external DTD is refused (``XMLInput/refuseHostileDoctype(_:file:)``), the
    /// parser never resolves external entities and stops at any entity declaration it meets, and elements nested
    /// deeper than ``maximumDepth`` stop the parse.
    ///
    /// - Parameters:
    ///   - data: The document's bytes; the XML declaration's encoding and a byte-order mark are honoured.
    ///   - file: The path for messages.
    ///   - keep: Whether to keep an element (namespace, local name); a dropped element's subtree is dropped too.
    /// - Returns: The root element.
    /// - Throws: ``InputError`` with the line and column of the first XML error.
    static func parse(
        _ data: Data, file: String, keep: @escaping (_ namespace: String, _ name: String) -> Bool = { _, _ in true }
    ) throws -> MarkupElement {
        let bytes = try XMLInput.utf8(data, file: file)
        try XMLInput.refuseHostileDoctype(bytes, file: file)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let builder = TreeBuilder(keep: keep)
        builder.parser = parser
        parser.delegate = builder
        let succeeded = parser.parse()
        if let failure = builder.failure {
            throw InputError(failure.message, at: SourceLocation(file: file, line: failure.line), code: failure.code)
        }
        guard succeeded, let root = builder.root else {
            let code = (parser.parserError as NSError?)?.code
            throw InputError(
                "not well-formed XML: " + describe(code),
                at: SourceLocation(file: file, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1)))
        }
        return root
    }

    /// A sentence for an `XMLParser` error code (libxml2's `xmlParserErrors` numbering).
    static func describe(_ code: Int?) -> String {
        guard let code else { return "the parser stopped" }
        if let sentence = sentences[code] { return sentence }
        return "the parser stopped here (libxml2 error \(code))"
    }

    private static let sentences: [Int: String] = [
        1: "the parser failed", 2: "out of memory", 3: "the document does not start with an element",
        4: "the document is empty", 5: "the document ends before every element is closed",
        6: "a hexadecimal character reference (&#x…;) is malformed",
        7: "a decimal character reference (&#…;) is malformed", 8: "a character reference names no valid character",
        9: "a character that XML does not allow", 10: "the document ends inside a character reference",
        11: "a character reference before the root element", 12: "a character reference after the root element",
        13: "a character reference in the document type declaration",
        14: "the document ends inside an entity reference", 15: "an entity reference before the root element",
        16: "an entity reference after the root element", 17: "an entity reference in the document type declaration",
        18: "the document ends inside a parameter entity reference",
        19: "a parameter entity reference before the root element",
        20: "a parameter entity reference after the root element",
        21: "a parameter entity reference in the internal subset",
        22: "'&' must start an entity reference such as &amp;",
        23: "an entity reference is missing its ';' (write & as &amp;)", 24: "'%' must start a parameter entity name",
        25: "a parameter entity reference is missing its ';'", 26: "an undeclared entity is used",
        27: "an undeclared entity is used", 28: "an unparsed entity is used in content",
        29: "an external entity is used in an attribute", 30: "a parameter entity is used outside the DTD",
        31: "the document's encoding is unknown", 32: "the document's encoding is not supported",
        33: "a quoted string was expected", 34: "a quoted string is not closed",
        35: "a namespace declaration is malformed",
        36: "an entity value was expected", 37: "an entity value is not closed",
        38: "'<' is not allowed in an attribute value",
        39: "an attribute value must be quoted", 40: "an attribute value is not closed",
        41: "an attribute has no value", 42: "an attribute is written twice", 43: "a quoted literal was expected",
        44: "a quoted literal is not closed", 45: "a comment is not closed",
        46: "a processing instruction is malformed",
        47: "a processing instruction is not closed", 48: "a notation declaration is malformed",
        49: "a notation declaration is not closed", 50: "an attribute-list declaration is malformed",
        51: "an attribute-list declaration is not closed", 52: "a mixed content declaration is malformed",
        53: "a mixed content declaration is not closed", 54: "an element content declaration is malformed",
        55: "an element content declaration is not closed", 56: "the XML declaration is malformed",
        57: "the XML declaration is not closed", 58: "a conditional section is malformed",
        59: "a conditional section is not closed", 60: "the external subset is not closed",
        61: "the document type declaration is not closed", 62: "']]>' outside a CDATA section",
        63: "a CDATA section is not closed", 64: "an XML declaration or 'xml…' name where it is not allowed",
        65: "white space is required here", 66: "a separator is required here", 67: "a name token is required here",
        68: "a name is required here", 69: "#PCDATA is required here", 70: "a system identifier (URI) is required here",
        71: "a public identifier is required here", 72: "'<' is required here", 73: "'>' is missing",
        74: "'</' is required here", 75: "'=' is required after an attribute name",
        76: "an end tag does not match its start tag", 77: "a start tag is not closed",
        78: "the standalone value is malformed", 79: "the encoding name is malformed",
        80: "'--' is not allowed inside a comment", 81: "the encoding is invalid",
        82: "an external entity in a standalone document", 83: "a conditional section is malformed",
        84: "a value is required here", 85: "the elements are not balanced",
        86: "extra content after the document's root element", 87: "an entity reference is not allowed here",
        88: "a character reference is not allowed here", 89: "an entity is recursive",
        90: "an entity's content is not well-formed", 91: "the document is not standalone",
        92: "an entity is malformed", 93: "a version number is missing", 94: "a version number is malformed",
        95: "a feature is not supported", 96: "a language tag is invalid", 97: "an entity's value is missing",
        98: "a namespace prefix is not declared", 99: "an attribute is written twice (with namespaces)",
        100: "a namespace URI is invalid", 101: "a namespace URI is not absolute",
        102: "the parser stopped (entity limit)", 103: "the parser stopped (user request)",
        104: "the document is too large or nested too deeply for the parser",
        105: "a name is invalid (with namespaces)",
        106: "a name is invalid (with namespaces)", 108: "an attribute is reported twice",
        201: "a namespace prefix is not declared", 202: "a qualified name is malformed",
        203: "a namespace URI is invalid", 204: "a namespace URI is not absolute", 205: "a colon is not allowed here",
    ]
}

/// Builds a ``MarkupElement`` tree from `XMLParser` events, dropping the subtrees it is told to drop.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    let keep: (String, String) -> Bool
    weak var parser: XMLParser?
    var stack: [MarkupElement] = []
    var root: MarkupElement?
    /// Depth inside a dropped subtree (0 when keeping).
    var skipping = 0
    /// Depth of the current element, kept or dropped (the root is 1).
    var depth = 0
    var failure: (message: String, line: Int, code: InputError.Code)?

    init(keep: @escaping (String, String) -> Bool) { self.keep = keep }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        depth += 1
        if depth > MarkupReader.maximumDepth {
            stop(
                "elements are nested more than \(MarkupReader.maximumDepth) levels deep, pathgap's limit for XML",
                code: .tooDeep)
            return
        }
        if skipping > 0 || (!stack.isEmpty && !keep(namespaceURI ?? "", elementName)) {
            skipping += 1
            return
        }
        stack.append(
            MarkupElement(
                namespace: namespaceURI ?? "", name: elementName, attributes: attributes, text: "", children: [],
                line: parser.lineNumber))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        if skipping > 0 {
            skipping -= 1
            return
        }
        guard let element = stack.popLast() else { return }
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(element)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard skipping == 0, !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA cdataBlock: Data) {
        guard skipping == 0, !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: cdataBlock, as: UTF8.self)
    }

    /// Records the first failure and stops the parser.
    func stop(_ message: String, code: InputError.Code) {
        guard failure == nil else { return }
        failure = (message, parser?.lineNumber ?? 1, code)
        parser?.abortParsing()
    }

    // The prolog check refuses these before parsing; the parser's own reports are a second line of defence.

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        stop("refusing an entity declaration ('\(Quote.line(name))'); entities are not allowed", code: .hostileDoctype)
    }

    func parser(
        _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?
    ) {
        stop(
            "refusing an external entity declaration ('\(Quote.line(name))'); entities are not allowed",
            code: .hostileDoctype)
    }

    func parser(
        _ parser: XMLParser, foundUnparsedEntityDeclarationWithName name: String, publicID: String?,
        systemID: String?, notationName: String?
    ) {
        stop(
            "refusing an unparsed entity declaration ('\(Quote.line(name))'); entities are not allowed",
            code: .hostileDoctype)
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? { nil }
}
