import Foundation

/// How the process's heap gives memory back to the system, for commands whose working set is a few large arrays
/// (columns, graph rows, scratch of a decomposition) allocated and freed in turn.
///
/// glibc's `malloc` serves a request of 128 KiB or more with a mapping of its own, but raises that threshold to
/// the size of every such block freed (up to 32 MiB), so after the first large array is freed the next ones come
/// from the heap, whose freed middle stays resident: at 10^6 steps `decompose` held about 20 MB more than it used.
/// The C library's module exports neither `mallopt` nor `malloc_trim`, so both are looked up when called; where
/// there is no glibc nothing happens.
public enum ProcessMemory {
    /// Blocks of at least this many bytes get a mapping of their own, given back when freed.
    public static let mapThreshold = 256 << 10

    /// Keeps the threshold for separate mappings at ``mapThreshold`` for the rest of the process (no dynamic
    /// raising), so that every large array freed is given back at once. For a command-line process: a program
    /// that allocates and frees large blocks in a loop would pay a mapping each time.
    ///
    /// - Returns: Whether the C library took the setting (`false` where there is no glibc).
    @discardableResult
    public static func mapLargeBlocksApart() -> Bool {
        #if canImport(Glibc)
            typealias SetOption = @convention(c) (Int32, Int32) -> Int32
            guard let set: SetOption = function("mallopt") else { return false }
            // M_MMAP_THRESHOLD in <malloc.h>; mallopt answers 1 when it takes a setting.
            return set(-3, Int32(mapThreshold)) == 1
        #else
            return false
        #endif
    }

    /// Gives the free pages of every heap back to the system (glibc's `malloc_trim`).
    public static func returnFreePages() {
        #if canImport(Glibc)
            typealias Trim = @convention(c) (Int) -> Int32
            guard let trim: Trim = function("malloc_trim") else { return }
            _ = trim(0)
        #endif
    }

    /// The C library's function `name`, as `T`, if it has one.
    private static func function<T>(_ name: String) -> T? {
        #if canImport(Glibc)
            guard let library = dlopen(nil, RTLD_NOW) else { return nil }
            defer { dlclose(library) }
            guard let symbol = dlsym(library, name) else { return nil }
            return unsafeBitCast(symbol, to: T.self)
        #else
            return nil
        #endif
    }
}
