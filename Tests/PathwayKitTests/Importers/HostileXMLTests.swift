import Foundation
import PathwayKit
import TestSupport
import Testing

@Suite struct HostileXMLTests {
    @Test(
        "entity declarations and external DTDs are refused before parsing, quickly",
        arguments: [
            "import/bpmn/billion-laughs.bpmn", "import/bpmn/external-entity.bpmn", "import/bpmn/external-dtd.bpmn",
            "import/graphml/billion-laughs.graphml", "import/graphml/parameter-entity.graphml",
        ])
    func refusedQuickly(fixture: String) {
        let path = Fixtures.path(fixture)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let error = #expect(throws: InputError.self) { try PathwayReaders.standard.read(path) }
            #expect(error?.message.hasPrefix("refusing a document type declaration") == true)
            #expect(error?.location.line != nil)
        }
        #expect(elapsed < .seconds(1))
    }

    @Test("an external entity is refused from memory, without any file being read")
    func externalEntityInMemory() {
        // The entity names a file that must never be opened; the refusal happens on the prolog alone.
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE definitions [ <!ENTITY x SYSTEM "file:///this/file/does/not/exist"> ]>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p"><task id="t" name="&x;"/></process></definitions>
            """
        let error = #expect(throws: InputError.self) {
            try BPMNImporter.pathways(from: Data(xml.utf8), file: "memory.bpmn")
        }
        #expect(error?.description.hasPrefix("memory.bpmn:2: error: refusing a document type declaration") == true)
    }

    @Test("a billion-laughs document built in memory is refused in well under a second")
    func billionLaughsInMemory() {
        var entities = "<!ENTITY l0 \"lol\">"
        for level in 1...30 {
            entities += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
        }
        let xml =
            "<?xml version=\"1.0\"?><!DOCTYPE graphml [\(entities)]><graphml><graph><node id=\"&l30;\"/></graph></graphml>"
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(throws: InputError.self) {
                try GraphMLImporter.pathways(from: Data(xml.utf8), file: "memory.graphml")
            }
        }
        #expect(elapsed < .milliseconds(500))
    }

    @Test(
        "names that are not UTF-8 are reported at their place, never handed to the parser",
        arguments: [
            ("hostile/invalid-utf8-name.bpmn", 2, 3), ("hostile/invalid-utf8-attribute.graphml", 2, 11),
            ("hostile/invalid-utf8-pi.graphml", 2, 4),
        ])
    func invalidUTF8(fixture: String, line: Int, column: Int) {
        let error = #expect(throws: InputError.self) { try PathwayReaders.standard.read(Fixtures.path(fixture)) }
        #expect(error?.code == .invalidText)
        #expect(error?.location.line == line)
        #expect(error?.location.column == column)
    }

    @Test("elements nested past the limit are refused while parsing, at the element that goes too deep")
    func deepNesting() {
        let error = #expect(throws: InputError.self) {
            try PathwayReaders.standard.read(Fixtures.path("hostile/deep-nesting.graphml"))
        }
        #expect(error?.code == .tooDeep)
        #expect(error?.location.line == 1)
    }

    @Test("60,000 nested elements (which overflowed the stack) are refused, on a small-stack task as well")
    func sixtyThousandLevels() async {
        let xml =
            "<graphml>" + String(repeating: "<g>", count: 60_000) + String(repeating: "</g>", count: 60_000)
            + "</graphml>"
        let code = await Task.detached {
            do {
                _ = try GraphMLImporter.pathways(from: Data(xml.utf8), file: "deep.graphml")
                return InputError.Code(rawValue: "none")
            } catch let error as InputError {
                return error.code
            } catch {
                return InputError.Code(rawValue: "other")
            }
        }.value
        #expect(code == .tooDeep)
    }

    @Test("nesting at the limit is read")
    func nestingAtTheLimit() throws {
        // graphml (1) > graph (2) > node (3) > data … : a node's data nested to exactly the limit.
        let inner = InputLimits.xmlNestingDepth - 3
        let xml =
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph edgedefault=\"directed\"><node id=\"a\">"
            + String(repeating: "<x>", count: inner) + String(repeating: "</x>", count: inner)
            + "</node></graph></graphml>"
        let imported = try GraphMLImporter.pathways(from: Data(xml.utf8), file: "limit.graphml")
        #expect(imported.pathways.first?.steps.map(\.id.rawValue) == ["a"])
    }

    @Test("an entity declaration in a UTF-16 file is refused (the check reads the decoded text)")
    func utf16Entity() {
        let error = #expect(throws: InputError.self) {
            try PathwayReaders.standard.read(Fixtures.path("hostile/utf16-entity.graphml"))
        }
        #expect(error?.code == .hostileDoctype)
        #expect(error?.location.line == 2)
    }

    @Test("a UTF-16 file without entities is read like its UTF-8 form")
    func utf16Read() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-16"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">
            <node id="caf\u{E9}"/><node id="b"/><edge source="caf\u{E9}" target="b"/></graph></graphml>
            """
        for (bom, encoding) in [
            ([UInt8]([0xFF, 0xFE]), String.Encoding.utf16LittleEndian), ([0xFE, 0xFF], .utf16BigEndian),
        ] {
            let data = Data(bom) + (text.data(using: encoding) ?? Data())
            let pathway = try #require(GraphMLImporter.pathways(from: data, file: "u.graphml").pathways.first)
            #expect(pathway.steps.map(\.id.rawValue) == ["caf\u{E9}", "b"])
        }
    }

    @Test("a DOCTYPE with entities after more than 1 MiB of prolog is refused")
    func paddedProlog() {
        let padding = "<!--" + String(repeating: "x", count: 1 << 21) + "-->\n"
        let xml = "<?xml version=\"1.0\"?>\n" + padding + "<!DOCTYPE graphml [<!ENTITY e \"x\">]><graphml/>"
        let error = #expect(throws: InputError.self) {
            try GraphMLImporter.pathways(from: Data(xml.utf8), file: "padded.graphml")
        }
        #expect(error?.code == .hostileDoctype)
        #expect(error?.location.line == 3)
    }

    @Test("a DOCTYPE naming an external DTD on its next line is refused")
    func systemOnNextLine() {
        let error = #expect(throws: InputError.self) {
            try PathwayReaders.standard.read(Fixtures.path("hostile/doctype-system.bpmn"))
        }
        #expect(error?.code == .hostileDoctype)
        #expect(error?.location.line == 2)
    }

    @Test(
        "entity and parameter-entity tricks inside the internal subset are refused",
        arguments: [
            "<!DOCTYPE g [<!-- ] > --><!ENTITY a \"b\">]>",
            "<!DOCTYPE g [<!ATTLIST g a CDATA \"]>\"><!ENTITY x \"y\">]>",
            "<!DOCTYPE g [%pe;]>", "<!DOCTYPE g [<!ELEMENT g %pe;>]>", "<!DOCTYPE g PUBLIC \"-//x\" \"y.dtd\">",
        ])
    func subsetTricks(doctype: String) {
        let xml = "<?xml version=\"1.0\"?>\n" + doctype + "\n<g/>"
        let error = #expect(throws: InputError.self) {
            try GraphMLImporter.pathways(from: Data(xml.utf8), file: "t.graphml")
        }
        #expect(error?.code == .hostileDoctype)
    }

    @Test("a harmless internal subset (element and attribute declarations) is accepted")
    func harmlessSubset() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE graphml [<!ELEMENT graphml ANY><!ATTLIST graphml note CDATA "100%">]>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"><node id="a"/></graph></graphml>
            """
        let imported = try GraphMLImporter.pathways(from: Data(xml.utf8), file: "ok.graphml")
        #expect(imported.pathways.first?.steps.count == 1)
    }

    @Test("a Latin-1 declaration is honoured; an unknown encoding is refused by name")
    func declaredEncodings() throws {
        var bytes = Array(
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph edgedefault=\"directed\"><node id=\"caf"
                .utf8)
        bytes.append(0xE9)
        bytes += Array("\"/></graph></graphml>".utf8)
        let pathway = try #require(GraphMLImporter.pathways(from: Data(bytes), file: "l.graphml").pathways.first)
        #expect(pathway.steps.first?.id.rawValue == "caf\u{E9}")
        let xml = "<?xml version=\"1.0\" encoding=\"KOI8-R\"?><graphml/>"
        let error = #expect(throws: InputError.self) {
            try GraphMLImporter.pathways(from: Data(xml.utf8), file: "k.graphml")
        }
        #expect(error?.code == .unsupportedEncoding)
    }

    @Test("XML syntax errors are described in words, with the line and column")
    func syntaxErrorsInWords() {
        let error = #expect(throws: InputError.self) {
            try GraphMLImporter.pathways(from: Data("<graphml>\n<a></b></graphml>".utf8), file: "m.graphml")
        }
        #expect(error?.message == "not well-formed XML: an end tag does not match its start tag")
        #expect(error?.location.line == 2)
        #expect(error?.location.column != nil)
    }
}
