import Foundation

/// Where a CSV file that is a plain edge list goes: the bulk edge-list reader (``EdgeListReader``), with its node
/// table when one is beside the file.
enum EdgeListDispatch {
    /// Reads an edge list.
    static let read: @Sendable (_ data: Data, _ path: String) throws -> PathwayImport = { data, path in
        try PathwayReader.edgeList.read(data, path)
    }
}
