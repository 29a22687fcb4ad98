import Foundation
import Synchronization
import Testing

@testable import PathwayKit

@Suite struct InterleavedBlocksTests {
    /// A count threads add to.
    final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }

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

    @Test(
        "whichever thread is free formats the next block, so a slow sink or slow blocks change nothing written",
        arguments: [false, true])
    func slowSinkOrSlowBlocks(isSinkSlow: Bool) {
        let caller = pthread_self()
        let formattedByCaller = Counter()
        var pieces: [[UInt8]] = []
        InterleavedBlocks.write(
            blockCount: 200, capacity: 16, makeWorker: { 0 },
            format: { _, block, out in
                if !isSinkSlow { usleep(100) }
                if pthread_equal(pthread_self(), caller) != 0 { formattedByCaller.value.add(1, ordering: .relaxed) }
                out.append(Self.formatted(block))
            },
            to: { piece in
                if isSinkSlow { usleep(100) }
                pieces.append(Array(piece))
            })
        #expect(pieces == (0..<200).map(Self.formatted))
        // Blocks slower than the sink: the calling thread formats some of them while it waits.
        if !isSinkSlow { #expect(formattedByCaller.value.load(ordering: .relaxed) > 0) }
    }
}
