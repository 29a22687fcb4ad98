import Dispatch
import Synchronization

/// Formats a long output as numbered blocks on two threads and hands the blocks to a sink in order, on the calling
/// thread: for writers whose output is hundreds of megabytes made of independent pieces (the sub-pathways of a
/// decomposition), so that the second core formats about half of them.
///
/// Blocks are taken in order by whichever thread is free: the helper thread formats block after block; the calling
/// thread hands the next block to the sink when it is ready and otherwise formats the next block nobody has taken
/// (handing blocks to the sink, the `write` calls, costs time too, so a fixed even/odd split kept the calling thread
/// busy while the helper waited). Each block goes into the buffer of its ``slotCount``-slot ring (block `n` into slot
/// `n % slotCount`, handed back and forth with semaphores), so memory stays at about ``slotCount`` blocks. The bytes
/// handed to the sink, and where the pieces end, do not depend on which thread formatted which block: block after
/// block, each whole. An output of fewer than ``parallelThreshold`` blocks is formatted on the calling thread alone.
enum InterleavedBlocks {
    /// The number of blocks below which a second thread is not worth starting.
    static let parallelThreshold = 4

    /// How many blocks may be formatted and not yet handed to the sink.
    static let slotCount = 4

    /// A buffer a thread fills and the calling thread drains, with the semaphores that hand it over.
    ///
    /// `@unchecked Sendable`: ``output`` is touched by one thread at a time, the semaphores ordering the turns (a
    /// formatting thread between `free.wait()` and `filled.signal()`, the calling thread between `filled.wait()` and
    /// `free.signal()`).
    private final class Slot: @unchecked Sendable {
        var output: ByteOutput
        let filled = DispatchSemaphore(value: 0)
        let free = DispatchSemaphore(value: 1)

        init(capacity: Int) { output = ByteOutput(capacity: capacity) }
    }

    /// The number of the next block no thread has taken yet.
    private final class NextBlock: Sendable {
        let value = Atomic<Int>(0)
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
    /// - Complexity: The formatting's time, split between two threads; memory about ``slotCount`` blocks.
    static func write<Worker>(
        blockCount: Int, capacity: Int, makeWorker: @escaping @Sendable () -> Worker,
        format: @escaping @Sendable (inout Worker, Int, inout ByteOutput) -> Void,
        to sink: (UnsafeRawBufferPointer) -> Void
    ) {
        var worker = makeWorker()
        guard blockCount >= parallelThreshold else {
            var out = ByteOutput(capacity: capacity)
            for block in 0..<blockCount {
                format(&worker, block, &out)
                out.flush(to: sink)
            }
            return
        }
        let slots = (0..<slotCount).map { _ in Slot(capacity: capacity) }
        let next = NextBlock()
        /// Formats `block` into its slot, once the block `slotCount` before it has been handed to the sink.
        @Sendable func fill(_ block: Int, with worker: inout Worker) {
            let slot = slots[block % slotCount]
            slot.free.wait()
            format(&worker, block, &slot.output)
            slot.filled.signal()
        }
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global(qos: .userInitiated).async {
            var worker = makeWorker()
            while true {
                let block = next.value.wrappingAdd(1, ordering: .relaxed).oldValue
                guard block < blockCount else { break }
                fill(block, with: &worker)
            }
            finished.signal()
        }
        for block in 0..<blockCount {
            let slot = slots[block % slotCount]
            // While the block is not ready, format the next untaken one, if its slot is free: the blocks before it
            // that share its slot have been handed to the sink (so `fill` does not wait).
            while slot.filled.wait(timeout: .now()) == .timedOut {
                let untaken = next.value.load(ordering: .relaxed)
                guard untaken < min(blockCount, block + slotCount),
                    next.value.compareExchange(expected: untaken, desired: untaken + 1, ordering: .relaxed).exchanged
                else {
                    if untaken >= min(blockCount, block + slotCount) {
                        slot.filled.wait()
                        break
                    }
                    continue
                }
                fill(untaken, with: &worker)
            }
            slot.output.flush(to: sink)
            slot.free.signal()
        }
        finished.wait()
    }
}
