import Testing

@testable import PathwayKit

@Suite struct InterleavedBlocksTests {
    /// Block `n` as text: its number, repeated a number of times that varies from block to block.
    static func formatted(_ block: Int) -> [UInt8] {
        Array(String(repeating: "<\(block)>", count: 1 + (block * 7919) % 300).utf8)
    }

    @Test(
        "blocks formatted on two threads reach the sink whole and in order, as on one thread",
        arguments: [0, 1, 3, 4, 5, 64, 1001])
    func blocksInOrder(blockCount: Int) {
        var pieces: [[UInt8]] = []
        InterleavedBlocks.write(
            blockCount: blockCount, capacity: 16, makeWorker: { 0 },
            format: { formattedCount, block, out in
                formattedCount += 1
                out.append(Self.formatted(block))
            }, to: { pieces.append(Array($0)) })
        #expect(pieces == (0..<blockCount).map(Self.formatted))
    }
}
