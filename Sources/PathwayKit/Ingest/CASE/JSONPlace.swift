import Foundation

/// Where `JSONSerialization` stopped, as a place in the file, so that a JSON error names a line and column
/// instead of Foundation's "The data is not in the correct format".
enum JSONPlace {
    /// An input error naming what Foundation says went wrong and where.
    ///
    /// Foundation reports the place in its debug description ("… around line 3, column 7.", or "… around character
    /// 52.", an offset) or as an offset (`NSJSONSerializationErrorIndex`); whichever is there is used, else the file
    /// alone is named.
    static func inputError(for error: any Error, data: Data, file: String) -> InputError {
        let info = (error as NSError).userInfo
        let detail = (info[NSDebugDescriptionErrorKey] as? String).map { Quote.line($0) }
        var location = SourceLocation(file: file)
        if let detail, let place = lineAndColumn(in: detail) {
            location.line = place.line
            location.column = place.column
        } else if let offset = detail.flatMap(characterOffset) ?? (info["NSJSONSerializationErrorIndex"] as? Int) {
            let place = lineAndColumn(ofOffset: offset, in: data)
            location.line = place.line
            location.column = place.column
        }
        var sentence = detail ?? "the parser stopped"
        if let range = sentence.range(of: " around ") { sentence = String(sentence[..<range.lowerBound]) }
        return InputError("not valid JSON: \(sentence)", at: location, code: .malformed)
    }

    /// "character N" in Foundation's description ("Invalid value around character 52.").
    private static func characterOffset(in text: String) -> Int? {
        guard let range = text.range(of: "character ") else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isASCII && $0.isNumber })
    }

    /// "line N, column M" in Foundation's description (its column counts from 0 in some releases: kept at least 1).
    private static func lineAndColumn(in text: String) -> (line: Int, column: Int)? {
        guard let lineRange = text.range(of: "line ") else { return nil }
        let afterLine = text[lineRange.upperBound...]
        let lineDigits = afterLine.prefix { $0.isASCII && $0.isNumber }
        guard let line = Int(lineDigits) else { return nil }
        var column = 1
        if let columnRange = afterLine.range(of: "column ") {
            column = Int(afterLine[columnRange.upperBound...].prefix { $0.isASCII && $0.isNumber }) ?? 1
        }
        return (max(line, 1), max(column, 1))
    }

    /// The 1-based line and column of a byte offset.
    private static func lineAndColumn(ofOffset offset: Int, in data: Data) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in data.prefix(max(offset, 0)) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
