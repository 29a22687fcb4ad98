import Foundation
import PathgapCLI
import PathwayKit

// Large arrays freed are given back to the system at once (the process's peak memory is what users see).
ProcessMemory.mapLargeBlocksApart()
// One path for every command line, so that every message has pathgap's wording and exit status.
exit(Pathgap.run(Array(CommandLine.arguments.dropFirst()), console: .standard()))
