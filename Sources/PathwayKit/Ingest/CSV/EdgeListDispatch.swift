import Foundation

/// Where a CSV file that is a plain edge list goes: the bulk edge-list reader.
///
/// TEMPORARY (issue 7 / branch `import`): the fast byte-level `EdgeListReader` is being written on branch `decomp`.
/// Until it lands on main, ``read`` uses ``LocalEdgeListFallback``, a small line-based reader with the same
/// conventions. When it lands, point ``read`` at it and delete `LocalEdgeListFallback.swift`.
enum EdgeListDispatch {
    /// Reads an edge list.
    static let read: @Sendable (_ data: Data, _ path: String) throws -> PathwayImport = { data, path in
        try LocalEdgeListFallback.pathways(from: data, file: path)
    }
}
