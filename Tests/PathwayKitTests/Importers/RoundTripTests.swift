import Foundation
import PathwayKit
import TestSupport
import Testing

@Suite struct RoundTripTests {
    static func original() throws -> Pathway {
        let path = Fixtures.path("import/native/roundtrip.yaml")
        return try NativeFormat.pathway(from: SourceFile.text(at: path), file: path)
    }

    @Test("native → CSV → native keeps every field")
    func csv() throws {
        let original = try Self.original()
        let text = PathwayCSVWriter.text(for: original)
        let imported = try PathwayReader.csv.read(Data(text.utf8), "roundtrip.csv")
        #expect(imported.findings.isEmpty)
        let back = try #require(imported.pathways.first)
        #expect(back.withoutLocations == original.withoutLocations)
    }

    @Test("Mermaid export names every step and transition")
    func mermaid() throws {
        let original = try Self.original()
        let text = PathwayMermaidWriter.text(for: original)
        #expect(text.contains("flowchart TD"))
        #expect(text.contains("n4{\"Variant found?\"}"))
        #expect(text.contains("n4 -->|\"variant found, #quot;c.1905+1G>A#quot;\"| n5"))
        #expect(text.components(separatedBy: "-->").count - 1 == original.transitions.count)
    }
}
