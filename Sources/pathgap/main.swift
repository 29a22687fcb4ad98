import Foundation
import PathgapCLI

// One path for every command line, so that every message has pathgap's wording and exit status.
exit(Pathgap.run(Array(CommandLine.arguments.dropFirst()), console: .standard()))
