import Foundation
import Testing

@testable import PathwayKit

/// The process-wide heap settings the command-line tool makes at start (``ProcessMemory``).
struct ProcessMemoryTests {
    #if canImport(Glibc)
        /// glibc marks a block that has a mapping of its own in the size word before it (`IS_MMAPPED`, bit 1).
        static func isMappedApart(_ block: UnsafeMutableRawPointer) -> Bool {
            block.load(fromByteOffset: -MemoryLayout<UInt>.size, as: UInt.self) & 2 != 0
        }

        @Test("once asked, a block above the threshold gets a mapping of its own even after a larger one was freed")
        func largeBlocksMappedApart() throws {
            ProcessMemory.mapLargeBlocksApart()
            // Left to itself glibc raises its threshold to the size of a mapped block freed, so that the next
            // blocks up to that size come from the heap and stay resident when freed.
            let large = try #require(malloc(8 << 20))
            free(large)
            let block = try #require(malloc(ProcessMemory.mapThreshold * 2))
            defer { free(block) }
            #expect(Self.isMappedApart(block))
            let small = try #require(malloc(ProcessMemory.mapThreshold / 4))
            defer { free(small) }
            #expect(!Self.isMappedApart(small))
        }
    #endif
}
