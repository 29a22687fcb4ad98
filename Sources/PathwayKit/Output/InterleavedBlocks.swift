import Dispatch

/// Formats a long output as numbered blocks on two threads and hands the blocks to a sink in order, on the calling
/// thread: for writers whose output is hundreds of megabytes made of independent pieces (the sub-pathways of a
/// decomposition), so that the second core formats half of them.
///
/// The caller formats the even blocks and a helper thread the odd ones, each block into a buffer of its own; the
/// helper runs at most two blocks ahead (two buffers, handed back and forth with semaphores), so memory stays at
/// about three blocks. The bytes handed to the sink, and where the pieces end, do not depend on the timing: block
/// after block, each whole. An output of fewer than ``parallelThreshold`` blocks is formatted on the calling thread
/// alone.
enum InterleavedBlocks {
    /// The number of blocks below which a second thread is not worth starting.
    static let parallelThreshold = 4

    /// A buffer the helper fills and the calling thread drains, with the semaphores that hand it over.
    ///
    /// `@unchecked Sendable`: ``output`` is touched by one thread at a time, the semaphores ordering the turns (the
    /// helper between `free.wait()` and `filled.signal()`, the caller between `filled.wait()` and `free.signal()`).
    private final class Slot: @unchecked Sendable {
        var output: ByteOutput
        let filled = DispatchSemaphore(value: 0)
        let free = DispatchSemaphore(value: 1)

        init(capacity: Int) { output = ByteOutput(capacity: capacity) }
    }

    /// Formats blocks `0 ..< blockCount` and hands each to `sink`, in order.
    ///
    /// - Parameters:
    ///   - blockCount: How many blocks there are.
    ///   - capacity: About how many bytes a block takes.
    ///   - makeWorker: Makes the state one thread formats with (scratch buffers); called once per thread.
    ///   - format: Appends block `n` to the buffer, given the thread's state. It must depend only on `n` and not on
    ///     what the state did before (scratch reused from block to block, nothing carried over).
    ///   - sink: Takes the blocks' bytes, in order, on the calling thread (valid only during the call).
    /// - Complexity: The formatting's time, split between two threads; memory about three blocks.
    static func write<Worker>(
        blockCount: Int, capacity: Int, makeWorker: @escaping @Sendable () -> Worker,
        format: @escaping @Sendable (inout Worker, Int, inout ByteOutput) -> Void,
        to sink: (UnsafeRawBufferPointer) -> Void
    ) {
        var worker = makeWorker()
        var out = ByteOutput(capacity: capacity)
        guard blockCount >= parallelThreshold else {
            for block in 0..<blockCount {
                format(&worker, block, &out)
                out.flush(to: sink)
            }
            return
        }
        let slots = [Slot(capacity: capacity), Slot(capacity: capacity)]
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global(qos: .userInitiated).async {
            var worker = makeWorker()
            for block in stride(from: 1, to: blockCount, by: 2) {
                let slot = slots[(block / 2) % 2]
                slot.free.wait()
                format(&worker, block, &slot.output)
                slot.filled.signal()
            }
            finished.signal()
        }
        for block in 0..<blockCount {
            if block % 2 == 0 {
                format(&worker, block, &out)
                out.flush(to: sink)
            } else {
                let slot = slots[(block / 2) % 2]
                slot.filled.wait()
                slot.output.flush(to: sink)
                slot.free.signal()
            }
        }
        finished.wait()
    }
}
