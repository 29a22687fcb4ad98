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
    /// Parses XML bytes, keeping the elements `keep` accepts (and their subtrees).
    ///
    /// A document type declaration that declares entities or names an external DTD is refused before any parsing
    /// (``refuseHostileDoctype(_:file:)``), and the parser never resolves external entities.
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
        try refuseHostileDoctype(data, file: file)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let builder = TreeBuilder(keep: keep)
        builder.parser = parser
        parser.delegate = builder
        let succeeded = parser.parse()
        if let failure = builder.failure {
            throw InputError(failure.message, at: SourceLocation(file: file, line: failure.line))
        }
        guard succeeded, let root = builder.root else {
            let code = (parser.parserError as NSError?)?.code
            throw InputError(
                "not well-formed XML: " + describe(code),
                at: SourceLocation(file: file, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1)))
        }
        return root
    }

    /// A sentence for an `XMLParser` error code (libxml2's numbering).
    static func describe(_ code: Int?) -> String {
        switch code {
        case nil: return "the parser stopped"
        case 4: return "the document is empty"
        case 5: return "the document ends before every element is closed"
        case 9: return "a character that XML does not allow"
        case 23: return "'&' must start an entity reference such as &amp;"
        case 26: return "an undeclared entity is used"
        case 38, 39, 40, 41: return "an attribute is malformed (missing '=' or quotes)"
        case 42: return "an attribute is written twice"
        case 64: return "the XML declaration is malformed"
        case 73: return "'>' is missing"
        case 76: return "an end tag does not match its start tag"
        case 85: return "extra content after the document's root element"
        default: return "XML parser error \(code ?? 0)"
        }
    }

    /// Refuses a document type declaration that declares entities or refers to an external DTD, so that neither
    /// entity expansion ("billion laughs") nor external entities (files, URLs) can be used against the reader.
    /// Only the prolog is scanned (the bytes before the root element), without parsing.
    ///
    /// - Throws: ``InputError`` at the line of the `<!DOCTYPE`.
    /// - Complexity: O(length of the prolog).
    static func refuseHostileDoctype(_ data: Data, file: String) throws {
        let bytes = [UInt8](data.prefix(1 << 20))
        var index = 0
        var line = 1
        func starts(_ text: String, at position: Int) -> Bool {
            let pattern = Array(text.utf8)
            guard position + pattern.count <= bytes.count else { return false }
            return bytes[position..<position + pattern.count].elementsEqual(pattern)
        }
        func skip(to terminator: String) {
            while index < bytes.count, !starts(terminator, at: index) {
                if bytes[index] == 0x0A { line += 1 }
                index += 1
            }
            index += terminator.utf8.count
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            guard byte == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if starts("<?", at: index) {
                skip(to: "?>")
            } else if starts("<!--", at: index) {
                skip(to: "-->")
            } else if starts("<!DOCTYPE", at: index) || starts("<!doctype", at: index) {
                let doctypeLine = line
                var depth = 0
                var end = index
                while end < bytes.count {
                    if bytes[end] == UInt8(ascii: "[") { depth += 1 }
                    if bytes[end] == UInt8(ascii: "]") { depth -= 1 }
                    if bytes[end] == UInt8(ascii: ">"), depth <= 0 { break }
                    end += 1
                }
                let declaration = String(decoding: bytes[index..<min(end + 1, bytes.count)], as: UTF8.self)
                let upper = declaration.uppercased()
                if upper.contains("<!ENTITY") || upper.contains(" SYSTEM") || upper.contains(" PUBLIC")
                    || upper.contains("%")
                {
                    throw InputError(
                        "refusing a document type declaration that declares entities or names an external DTD "
                            + "(entity expansion and external entities are not allowed); remove the <!DOCTYPE …>",
                        at: SourceLocation(file: file, line: doctypeLine))
                }
                return
            } else {
                return  // the root element: the prolog is over.
            }
        }
    }
}

/// Builds a ``MarkupElement`` tree from `XMLParser` events, dropping the subtrees it is told to drop.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    let keep: (String, String) -> Bool
    weak var parser: XMLParser?
    var stack: [MarkupElement] = []
    var root: MarkupElement?
    /// Depth inside a dropped subtree (0 when keeping).
    var skipping = 0
    var failure: (message: String, line: Int)?

    init(keep: @escaping (String, String) -> Bool) { self.keep = keep }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
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

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        failure = ("refusing an entity declaration ('\(name)'); entities are not allowed", parser.lineNumber)
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?
    ) {
        failure = ("refusing an external entity declaration ('\(name)'); entities are not allowed", parser.lineNumber)
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? { nil }
}
