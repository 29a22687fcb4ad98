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
}
