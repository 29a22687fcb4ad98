import Foundation
import TestSupport
import Testing

@testable import PathwayKit

/// Messages quote little of the input and nothing a terminal would act on.
@Suite struct MessageQuotingTests {
    @Test("a quote is one line, at most 200 characters, with control and bidi characters escaped")
    func quoteLine() {
        #expect(Quote.line("first\nsecond") == "first…")
        #expect(Quote.line(String(repeating: "x", count: 10_000)).count == Quote.maximumLength + 1)
        #expect(Quote.line("a\u{1B}[31mred") == "a\\u{1B}[31mred")
        #expect(Quote.line("abc\u{202E}def") == "abc\\u{202E}def")
        #expect(Quote.escaped("tab\tkept") == "tab\tkept")
    }

    @Test(
        "a message of printable ASCII reads as the character-by-character quoting gives it, cut or not",
        arguments: [
            "", "plain", "tab\tkept", String(repeating: "x", count: Quote.maximumMessageLength),
            String(repeating: "x", count: Quote.maximumMessageLength + 1), String(repeating: "ab ", count: 900),
            "line\nbreak", "crlf\r\nhere", "del\u{7F}", "caf\u{E9}", "bidi\u{202E}x",
            String(repeating: "\u{E9}", count: 1_200),
        ])
    func asciiMessages(text: String) {
        #expect(Quote.message(text) == Quote.escapedMessage(text))
    }

    @Test("an error's description is one line of bounded length whatever its message holds")
    func boundedDescription() {
        let error = InputError(
            String(repeating: "y", count: 5_000) + "\n\u{1B}]0;title\u{7}", at: SourceLocation(file: "f"))
        #expect(!error.description.contains("\n"))
        #expect(error.description.count <= Quote.maximumMessageLength + 1)
        let finding = Finding(.error, rule: "r", "one\ntwo\u{1B}", at: SourceLocation(file: "f\nforged", line: 1))
        #expect(!finding.description.contains("\n"))
        #expect(finding.description.contains("\\u{1B}"))
    }

    @Test("a CASE JSON error names the line and column and what is wrong")
    func caseJSONPlace() {
        let path = Fixtures.path("hostile/case-truncated.json")
        let error = #expect(throws: InputError.self) {
            try CASEImporter.framework(fromJSON: SourceFile.data(at: path), file: path)
        }
        #expect(error?.location.line == 3)
        #expect(error?.message.hasPrefix("not valid JSON: ") == true)
        #expect(error?.message.contains("correct format") == false)
    }
}

extension MessageQuotingTests {
    @Test("an element id of any length is cut in a location, so the message keeps its severity and text")
    func longElement() {
        let location = SourceLocation(file: "f.gv", line: 3, element: String(repeating: "x", count: 200_000))
        let error = InputError("too large to draw", at: location)
        #expect(error.description.hasSuffix(": error: too large to draw"))
    }
}
