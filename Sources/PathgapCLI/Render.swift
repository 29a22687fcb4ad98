import ArgumentParser
import Foundation
import Graphviz
import PathwayGraphviz
import PathwayKit

extension Pathgap {
    /// `pathgap render`: flowcharts of a pathway, laid out in process by Graphviz.
    public struct Render: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "render",
            abstract: "Draw a pathway as flowcharts (SVG, PNG, PDF or DOT), laid out in process by Graphviz.",
            discussion: """
                Files are named after the pathway id: <id>.<ext> for the network, <id>.<n>.<ext> for the n-th \
                sub-pathway, <id>.overview.<ext> for the overview. Each file is written atomically, and nothing is \
                written unless every chart could be drawn.
                """
        )

        /// The charts to draw.
        public enum View: String, ExpressibleByArgument, CaseIterable, Sendable {
            case network, subpathways, overview
        }

        @Argument(help: "A pathway file in pathgap's format (YAML or JSON).")
        var path: String?

        @Option(help: "What to draw: network (one chart), subpathways (one chart each) or overview.")
        var view: View = .network

        @Option(help: "Output format: svg, png, pdf (where installed, see --list-formats) or dot (the DOT text).")
        var format: String = "svg"

        @Option(help: "The folder to write into (created if missing).")
        var out: String = "."

        @Flag(help: "Draw one swimlane per staff group.")
        var lanes = false

        @Option(help: "The direction of flow: TB (top to bottom) or LR (left to right).")
        var rankdir: String = "TB"

        @Option(name: .customLong("max-steps"), help: "The most steps a whole-network chart may have.")
        var maxSteps: Int = FlowchartOptions.defaultMaxSteps

        @Flag(name: .customLong("list-formats"), help: "List the output formats the installed Graphviz provides.")
        var listFormats = false

        public init() {}

        public func validate() throws {
            if listFormats { return }
            guard path != nil else { throw ValidationError("Missing expected argument '<path>'.") }
            guard maxSteps > 0 else { throw ValidationError("--max-steps must be positive, found \(maxSteps).") }
            guard FlowchartOptions.Direction(rawValue: rankdir.uppercased()) != nil else {
                throw ValidationError("--rankdir must be TB or LR, found '\(rankdir)'.")
            }
        }

        public func run() throws {
            if listFormats {
                print(Graphviz.availableFormats().joined(separator: "\n"))
                return
            }
            do throws(CommandFailure) {
                for written in try renderAndWrite() { print(written) }
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                throw ExitCode(error.exitCode)
            }
        }

        /// Draws every chart of the view, then writes them all; returns the paths written.
        func renderAndWrite() throws(CommandFailure) -> [String] {
            guard let path else { throw CommandFailure(badInput: "missing pathway file") }
            let pathway = try Self.loadPathway(path)
            let fileFormat = format.split(separator: ":").first.map(String.init) ?? format
            if fileFormat != "dot" {
                let formats = Graphviz.availableFormats()
                guard formats.contains(fileFormat) else {
                    throw CommandFailure(
                        badInput: "the installed Graphviz cannot write '\(format)'; it provides: "
                            + formats.joined(separator: ", "))
                }
            }
            let options = FlowchartOptions(
                direction: FlowchartOptions.Direction(rawValue: rankdir.uppercased()) ?? .topToBottom, lanes: lanes,
                maxSteps: maxSteps)
            let charts = try Self.charts(of: pathway, view: view, options: options)
            var files: [(name: String, bytes: [UInt8])] = []
            for chart in charts {
                let name = "\(chart.name).\(fileFormat)"
                if fileFormat == "dot" {
                    files.append((name, Array(chart.dot.utf8)))
                    continue
                }
                do {
                    files.append((name, try Graphviz.render(dot: chart.dot, format: format)))
                } catch {
                    throw CommandFailure(runtime: "could not draw \(name): \(error)")
                }
            }
            return try AtomicWriter.write(files, into: out)
        }

        /// Reads a native pathway file.
        static func loadPathway(_ path: String) throws(CommandFailure) -> Pathway {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw CommandFailure(badInput: "cannot read '\(path)': \(AtomicWriter.reason(error))")
            }
            do {
                return try NativeFormat.pathway(from: text, file: path)
            } catch let error as InputError {
                throw CommandFailure(badInput: error.description, isLocated: true)
            } catch {
                throw CommandFailure(badInput: "cannot read '\(path)': \(error)")
            }
        }

        /// The pathway's sub-pathways under the decomposition engine's `chains` strategy (maximal non-branching runs),
        /// in pathway order.
        static func chains(of pathway: Pathway) -> [FlowchartSubpathway] {
            PathwayGraph(pathway).decomposition(.chains).subpathways.map(FlowchartSubpathway.init)
        }

        /// The DOT text of every chart of a view, with its file name (without extension).
        static func charts(of pathway: Pathway, view: View, options: FlowchartOptions) throws(CommandFailure)
            -> [(name: String, dot: String)]
        {
            let flowchart = Flowchart(pathway: pathway, options: options)
            let base = AtomicWriter.fileName(pathway.id.rawValue)
            switch view {
            case .network:
                do {
                    return [(base, try flowchart.network())]
                } catch {
                    throw CommandFailure(badInput: error.description)
                }
            case .subpathways:
                return chains(of: pathway).enumerated().map { index, part in
                    ("\(base).\(index + 1)", flowchart.subpathway(part, number: index + 1))
                }
            case .overview:
                return [("\(base).overview", flowchart.overview(chains(of: pathway)))]
            }
        }
    }
}

/// A command failure: one message, and the exit code it means (64 bad input, 1 runtime failure).
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32
    /// Whether the message already reads `file:line:col: error: …`, as compilers print it.
    var isLocated = false

    init(badInput message: String, isLocated: Bool = false) {
        self.message = message
        self.exitCode = 64
        self.isLocated = isLocated
    }

    init(runtime message: String) {
        self.message = message
        self.exitCode = 1
    }

    /// The line printed on stderr: `error: message` (as the other commands print it), or the located message as it
    /// is.
    var description: String { isLocated ? message : "error: \(message)" }
}

/// Writes a set of files all or nothing: each to a temporary file in the destination folder, then every one
/// renamed into place.
enum AtomicWriter {
    /// Why a file operation failed, in the system's words where there are some ("Not a directory").
    static func reason(_ error: any Error) -> String {
        let cocoa = error as NSError
        if let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if cocoa.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(cocoa.code))) }
        if cocoa.domain == NSCocoaErrorDomain, cocoa.code == NSFileReadNoSuchFileError {
            return String(cString: strerror(ENOENT))
        }
        return cocoa.localizedDescription
    }

    /// A file name made from an id: path separators and leading dots replaced.
    static func fileName(_ id: String) -> String {
        var name = id.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "\\", with: "_")
            .replacingOccurrences(of: "\0", with: "_")
        while name.hasPrefix(".") { name = "_" + name.dropFirst() }
        return name.isEmpty ? "pathway" : name
    }

    /// Writes the files into a folder (created if missing).
    ///
    /// - Returns: The paths written, in the order given.
    /// - Throws: ``CommandFailure`` (runtime) naming the file that could not be written; temporary files are removed
    ///   and no file is renamed into place unless all were written.
    static func write(_ files: [(name: String, bytes: [UInt8])], into folder: String) throws(CommandFailure) -> [String]
    {
        let manager = FileManager.default
        // The nearest existing ancestor must be a folder (Foundation's own error for this case says nothing useful).
        var probe = URL(fileURLWithPath: folder).standardizedFileURL
        var isDirectory: ObjCBool = false
        while !manager.fileExists(atPath: probe.path, isDirectory: &isDirectory), probe.path != "/" {
            probe.deleteLastPathComponent()
        }
        guard isDirectory.boolValue else {
            throw CommandFailure(runtime: "cannot create '\(folder)': '\(probe.path)' is a file, not a folder")
        }
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure(runtime: "cannot create '\(folder)': \(reason(error))")
        }
        let directory = URL(fileURLWithPath: folder)
        var staged: [(temporary: URL, final: URL)] = []
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        for file in files {
            let final = directory.appendingPathComponent(file.name)
            let temporary = directory.appendingPathComponent(".\(file.name).\(token).tmp")
            do {
                try Data(file.bytes).write(to: temporary)
                staged.append((temporary, final))
            } catch {
                for entry in staged { try? manager.removeItem(at: entry.temporary) }
                throw CommandFailure(runtime: "cannot write '\(final.path)': \(reason(error))")
            }
        }
        var written: [String] = []
        for (index, entry) in staged.enumerated() {
            guard rename(entry.temporary.path, entry.final.path) == 0 else {
                let reason = String(cString: strerror(errno))
                for remaining in staged[index...] { try? manager.removeItem(at: remaining.temporary) }
                throw CommandFailure(runtime: "cannot write '\(entry.final.path)': \(reason)")
            }
            written.append(entry.final.path)
        }
        return written
    }
}
