import Dispatch

/// Runs two independent pieces of work at the same time, one on each of two threads, and returns both results once
/// both are done. Used where a graph is large enough that a thread costs less than it saves.
///
/// - Parameters:
///   - first: Work that may change state the caller owns (it runs while the caller waits, so nothing else sees that
///     state meanwhile).
///   - second: Work that only reads what it captured.
func bothAtOnce<First, Second>(_ first: () -> First, _ second: () -> Second) -> (First, Second) {
    nonisolated(unsafe) var firstResult: First?
    nonisolated(unsafe) var secondResult: Second?
    withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            nonisolated(unsafe) let first = first
            nonisolated(unsafe) let second = second
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                if part == 0 { firstResult = first() } else { secondResult = second() }
            }
        }
    }
    return (firstResult!, secondResult!)
}
