import Foundation
import PathwayKit
import TestSupport
import Testing

/// What reading a CASE file should give: areas (at any depth) and competencies.
struct CASEExpectation: Sendable, CustomTestStringConvertible {
    var path: String
    var areas: Int
    var competencies: Int
    var levels: Int = 0
    var testDescription: String { path }
}

@Suite struct CASEImporterTests {
    static func areaCount(_ framework: CompetencyFramework) -> Int {
        var count = 0
        var stack = framework.areas
        while let area = stack.popLast() {
            count += 1
            stack += area.areas
        }
        return count
    }

    /// Every CASE file of the shared corpus, read through the framework readers.
    static let corpus: [CASEExpectation] = [
        // The empty framework: a document and nothing else.
        .init(path: "case/opensalt/EmptyExternalFramework.json", areas: 0, competencies: 0),
        // One item, a child of the document: a top-level competency in the document's area.
        .init(path: "case/opensalt/ItemTypeTestFramework.json", areas: 1, competencies: 1),
        // Two Markdown statements.
        .init(path: "case/opensalt/MarkdownFramework.json", areas: 1, competencies: 2),
        // 28 items in a 5-level tree (document > 4 nested parents > leaves), on one line: 4 areas, 24 leaves.
        .init(path: "case/opensalt/Ordering.json", areas: 4, competencies: 24),
        // 14 items, 2 levels: 2 top-level parents, 12 leaves.
        .init(path: "case/opensalt/SmartLevelFramework.json", areas: 2, competencies: 12),
        // A statement with a non-BMP character.
        .init(path: "case/opensalt/Utf8TestFramework.json", areas: 1, competencies: 1),
        // Hierarchy implied by dotted codes: A.B > (A.B.C > A.B.C.L), A.B.D.
        .init(path: "case/opensalt/children.csv", areas: 2, competencies: 2),
        // 99 flat rows; codes like RL.7.10 have no item at RL.7, so every row is a top-level competency.
        .init(path: "case/opensalt/test_items.csv", areas: 1, competencies: 99),
    ]

    @Test(
        "every corpus CASE file reads with the expected areas and competencies", .needsCorpus,
        arguments: corpus)
    func corpusFile(_ expectation: CASEExpectation) throws {
        let frameworks = try FrameworkReader.read(Fixtures.corpusPath(expectation.path)).frameworks
        let framework = try #require(frameworks.first)
        #expect(Self.areaCount(framework) == expectation.areas)
        #expect(framework.allCompetencies.count == expectation.competencies)
    }

    @Test("non-BMP characters survive", .needsCorpus)
    func nonBMP() throws {
        let framework = try #require(
            try FrameworkReader.read(Fixtures.corpusPath("case/opensalt/Utf8TestFramework.json")).frameworks.first)
        #expect(framework.title.unicodeScalars.contains { $0.value > 0xFFFF })
    }

    @Test("JSON: isChildOf builds the tree in sequence order; codes are ids; exactMatchOf and levels are kept")
    func json() throws {
        let path = Fixtures.path("import/case/framework.json")
        let (framework, findings) = try CASEImporter.framework(fromJSON: SourceFile.data(at: path), file: path)
        #expect(framework.id == "doc-1")
        #expect(framework.title == "Genomics competencies")
        #expect(framework.version == "1.1")
        #expect(framework.publisher == "Example")
        #expect(framework.levels == ["B", "A", "C"])
        #expect(framework.areas.map(\.id) == ["doc-1", "T"])
        #expect(framework.areas[0].competencies.map(\.id) == ["i-3"])
        let testing = framework.areas[1]
        #expect(testing.title == "Testing")
        #expect(testing.competencies.map(\.id) == ["T.1", "T.2"])
        #expect(testing.competencies[0].levels == ["B", "A"])
        #expect(testing.competencies[0].code == "T.1")
        #expect(testing.competencies[1].statement.unicodeScalars.contains { $0.value == 0x1D451 })
        #expect(framework.equivalences.map(\.equivalent) == ["other-framework-item"])
        #expect(findings.map(\.message) == ["1 'precedes' association is not carried over"])
    }

    @Test("CSV: 'Is Child Of' by code, dotted codes, exact matches and levels")
    func csv() throws {
        let frameworks = try FrameworkReader.read(Fixtures.path("import/case/framework.csv")).frameworks
        let framework = try #require(frameworks.first)
        #expect(framework.areas.map(\.id) == ["T"])
        let testing = framework.areas[0]
        #expect(testing.competencies.map(\.id) == ["T.1"])
        #expect(testing.areas.map(\.id) == ["T.2"])
        #expect(testing.areas[0].competencies.map(\.id) == ["T.2.a"])
        #expect(testing.competencies[0].statement == "Request a test, then chase it")
        #expect(testing.competencies[0].levels == ["B", "A"])
        #expect(framework.equivalences.map(\.equivalent) == ["X.9"])
    }

    @Test(
        "a CASE file given where a pathway is expected is refused with a pointer to frameworks:",
        arguments: ["import/case/framework.json", "import/case/framework.csv"])
    func notAPathway(fixture: String) {
        let error = #expect(throws: InputError.self) { try PathwayReaders.standard.read(Fixtures.path(fixture)) }
        #expect(error?.message.hasPrefix("this is a 1EdTech CASE competency framework, not a pathway") == true)
    }

    @Test("a JSON file without CFDocument is left to the native reader")
    func notCASE() {
        #expect(!FrameworkReader.caseJSON.accepts(Data("{\"id\": \"x\"}".utf8), "x.json"))
        #expect(FrameworkReader.caseJSON.accepts(Data("{\"CFDocument\": {}}".utf8), "x.json"))
    }
}
