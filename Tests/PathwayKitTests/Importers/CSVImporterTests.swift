import Foundation
import TestSupport
import Testing

@testable import PathwayKit

@Suite struct CSVImporterTests {
    @Test("the tokenizer follows RFC 4180: quoted separators, doubled quotes, line breaks in quotes, any line end")
    func tokenizer() throws {
        let text = "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",,x\rlast,\"\",y"
        let records = try CSVTokenizer.records(text, file: "memory.csv")
        #expect(records.map(\.fields) == [["a", "b,c", "say \"hi\""], ["two\nlines", "", "x"], ["last", "", "y"]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test("an unterminated quote is an error at the line it opens")
    func unterminated() {
        let path = Fixtures.path("import/csv/unterminated.csv")
        let error = #expect(throws: InputError.self) { try PathwayReaders.standard.read(path) }
        #expect(error?.location.line == 2)
        #expect(error?.message.contains("never closes") == true)
    }

    @Test("one file: pathway table, step table and transition table, headers by name in any case")
    func oneFile() throws {
        let path = Fixtures.path("import/csv/pathway.csv")
        let imported = try PathwayReaders.standard.read(path)
        let pathway = try #require(imported.pathways.first)
        #expect(pathway.id == "dpyd-csv")
        #expect(pathway.title == "DPYD, from a spreadsheet")
        #expect(pathway.steps.map(\.kind) == [.start, .activity, .decision, .end])
        let request = try #require(pathway.step("request"))
        #expect(request.label == "Request the test, with \"consent\"")
        #expect(request.staffGroups == ["oncologist", "pharmacist"])
        #expect(request.competencies.map(\.written) == ["dpyd-genotype@B", "consent"])
        #expect(request.sources == ["DG27", "NICE"])
        #expect(request.notes == "Two\nlines")
        #expect(request.location?.line == 6)
        #expect(pathway.transitions.count == 4)
        #expect(pathway.transitions[2].condition == "variant, reduce dose")
        #expect(pathway.transitions[2].share == 0.07)
        #expect(pathway.transitions[2].location?.line == 14)
        #expect(imported.findings.map(\.rule) == ["csv-unknown-column"])
    }

    @Test("side by side: reading x-steps.csv reads x-transitions.csv too")
    func sideBySide() throws {
        let pathway = try #require(
            try PathwayReaders.standard.read(Fixtures.path("import/csv/dpyd-steps.csv")).pathways.first)
        #expect(pathway.steps.count == 3)
        #expect(pathway.transitions.map(\.condition) == [nil, "result back"])
        #expect(pathway.transitions[1].location?.file.hasSuffix("dpyd-transitions.csv") == true)
    }

    @Test("a plain from,to edge list goes to the edge-list reader")
    func edgeList() throws {
        let pathway = try #require(
            try PathwayReaders.standard.read(Fixtures.path("import/csv/edges.csv")).pathways.first)
        #expect(pathway.steps.map(\.id.rawValue) == ["referred", "test", "result", "done"])
        #expect(pathway.steps.map(\.kind) == [.start, .activity, .activity, .end])
        #expect(pathway.transitions[1].share == 1)
        #expect(pathway.transitions[2].condition == "no variant")
    }
}
