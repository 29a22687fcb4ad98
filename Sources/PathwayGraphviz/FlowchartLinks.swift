/// How the charts of one pathway link to each other when they are written as files side by side: the overview's
/// parts link to their own charts, and each sub-pathway chart links back to the overview and, through its entry
/// and exit stubs, to the charts of its neighbours.
public struct FlowchartLinks: Hashable, Sendable {
    /// The start of every file name (`<base>.overview.<ext>`, `<base>.<nn>.<ext>`).
    public var base: String
    /// The extension of the files linked to (`svg`).
    public var fileExtension: String

    /// Creates links between chart files.
    ///
    /// - Parameters:
    ///   - base: The start of every file name, usually the pathway id made safe for file names.
    ///   - fileExtension: The extension of the files linked to, without the dot.
    public init(base: String, fileExtension: String) {
        self.base = base
        self.fileExtension = fileExtension
    }

    /// A part's number written with as many digits as the largest number, so that file names sort in order
    /// (`07` of 25).
    ///
    /// - Parameters:
    ///   - number: The 1-based part number.
    ///   - count: How many parts there are.
    public static func partNumber(_ number: Int, of count: Int) -> String {
        let digits = String(max(count, 1)).count
        let text = String(number)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// The name, without extension, of a part's chart file.
    public func partName(_ number: Int, of count: Int) -> String {
        "\(base).\(Self.partNumber(number, of: count))"
    }

    /// The name, without extension, of the overview's file.
    public var overviewName: String { "\(base).overview" }

    /// The file a part's chart is written to.
    func partFile(_ number: Int, of count: Int) -> String { "\(partName(number, of: count)).\(fileExtension)" }

    /// The file the overview is written to.
    var overviewFile: String { "\(overviewName).\(fileExtension)" }
}
