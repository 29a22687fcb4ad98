import Testing

@testable import PathwayKit

/// The process-wide heap setting the command-line tool makes at start (``ProcessMemory``).
///
/// What it does to a process's peak memory is measured where it can be, on the commands as processes
/// (`Benchmarks/cli-bench.sh`): inside the test runner, blocks other suites freed serve requests first, so whether
/// one block gets a mapping of its own depends on what ran before it.
struct ProcessMemoryTests {
    #if canImport(Glibc)
        @Test("glibc's mallopt is found and takes the threshold for blocks mapped apart (M_MMAP_THRESHOLD)")
        func settingTaken() {
            #expect(ProcessMemory.mapLargeBlocksApart())
        }
    #endif
}
