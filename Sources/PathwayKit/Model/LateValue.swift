import Synchronization

/// A value made on first use and shared by the copies of whatever holds it (a name table's lookup table, an index's
/// transition columns): made at most once, whichever thread asks first, while the others asking meanwhile wait for
/// it. A holder whose inputs change drops its `LateValue` for a new one, so copies share it only while they hold the
/// same inputs.
final class LateValue<Value: Sendable>: Sendable {
    private let state = Mutex<Value?>(nil)

    /// Whether the value has been made.
    var isBuilt: Bool { state.withLock { $0 != nil } }

    /// The value, made by `make` if this is the first time it is asked for.
    func value(_ make: () -> Value) -> Value {
        state.withLock { state in
            if let state { return state }
            let made = make()
            state = made
            return made
        }
    }
}
