import Foundation
import PathgapCLI

#if canImport(Glibc)
import Glibc

// Arrays of a megabyte or more get memory of their own, given back to the system when freed: glibc's threshold
// otherwise rises to the largest array freed so far, after which a large pathway's freed columns stay in the heap
// and count towards the process's memory (at 10^6 steps, `decompose` peaked 15 MB above what it held).
_ = mallopt(M_MMAP_THRESHOLD, 1 << 20)
#endif

// One path for every command line, so that every message has pathgap's wording and exit status.
exit(Pathgap.run(Array(CommandLine.arguments.dropFirst()), console: .standard()))
