import ArgumentParser
import Foundation
import PathwayKit

extension Pathgap {
    /// `pathgap decompose`: divides pathways into sub-pathways and prints them, or writes each as its own file.
    struct Decompose: PathgapCommand {
        static let configuration = CommandConfiguration(
            abstract: "Divide pathways into linear sub-pathways.",
            discussion: """
                Strategies: phases (the default: the phases an analyst would publish, from stages, outcome \
                decisions, decision blocks, loops, hand-offs and --target-steps), chains (maximal non-branching \
                runs), stages (runs of one stage), structure \
                (single-entry single-exit fragments; the top level is the high-level linear pathway), routes (the \
                most likely patient routes, and how many there are). Sub-pathways outside 3 to 5 steps get a \
                warning on standard error: counted, and the first --max-warnings listed. --against CUTS scores the \
                result against an analyst's cut. Exit status: 0 done, 1 failure, 64 the input could not be read.
                """
        )

        @OptionGroup var input: InputOptions

        @Option(help: "How to divide: phases, chains, stages, structure or routes.")
        var strategy: DecompositionStrategy = .phases

        @Option(help: "Output format: text, json or yaml.")
        var format: DecompositionFormat = .text

        @Option(help: "Also write each sub-pathway as a native pathway file into this folder.")
        var split: String?

        @Option(parsing: .unconditional, help: "For --strategy routes: how many of the most likely routes to list.")
        var maxRoutes = 20

        @OptionGroup var messages: MessageOptions

        @Option(
            help: ArgumentHelp(
                "Score the decomposition against an analyst's cut (a text, YAML or JSON cuts file).",
                discussion: "Prints the adjusted Rand index, boundary precision and recall, and the sub-pathways "
                    + "that differ most, per pathway.",
                valueName: "cuts"))
        var against: String?

        @Option(
            help: ArgumentHelp(
                "The preferred sub-pathway length, 'MIN-MAX' or 'N' (default 3-5): phases folds and splits towards it, "
                    + "and sub-pathways outside it get a warning.", valueName: "min-max"))
        var targetSteps: TargetSteps = TargetSteps()

        func validate() throws {
            guard maxRoutes >= 0 else { throw ValidationError("--max-routes must not be negative, found \(maxRoutes)") }
        }

        func execute(console: Console) throws -> Int32 {
            let progress = Progress(console: console, messages: messages)
            progress.show("reading \(input.displayName)")
            let workspace = try input.load(console: console)
            let options = DecompositionOptions(maxRoutes: maxRoutes, preferredSize: targetSteps.range)
            if let against {
                progress.finish()
                return try scoreAgainst(against, graphs: workspace.graphs, options: options, console: console)
            }
            let preferred = options.preferredSize
            let sizeSummary = "sub-pathways outside \(preferred.lowerBound)–\(preferred.upperBound) steps"
            if strategy == .chains || strategy == .phases, split == nil, format != .yaml {
                // The engine's path: from the index to the output, no value per step or sub-pathway.
                progress.show("decomposing")
                let partitions = workspace.indexes.map { index in
                    strategy == .chains ? index.chainPartition() : index.phasePartition(target: preferred)
                }
                progress.show("writing")
                switch format {
                case .json: IndexedPartition.writeJSON(for: partitions) { console.write(buffer: $0) }
                default: IndexedPartition.writeText(for: partitions) { console.write(buffer: $0) }
                }
                progress.finish()
                var count = 0
                var first: [Finding] = []
                for partition in partitions {
                    let sizes = partition.sizeFindings(preferred: preferred, limit: messages.listLimit - first.count)
                    count += sizes.count
                    first += sizes.first
                }
                messages.report(count: count, first: first, summary: sizeSummary, console: console)
                return ExitStatus.success
            }
            let graphs = workspace.graphs
            let pathways = graphs.map(\.pathway)
            progress.show("decomposing")
            var decompositions = graphs.map { $0.decomposition(strategy, options: options) }
            // Size warnings go to standard error, summarised; other advice stays with the sub-pathways.
            let sizeFindings = decompositions.flatMap(\.findings).filter { $0.rule == "subpathway-size" }
            for position in decompositions.indices {
                decompositions[position].findings.removeAll { $0.rule == "subpathway-size" }
            }
            progress.show("writing")
            switch format {
            case .text: console.write(DecompositionFormat.text(decompositions, pathways: pathways))
            case .json: Decomposition.writeJSON(for: decompositions) { console.write(bytes: $0) }
            case .yaml: console.write(Decomposition.documentTree(for: decompositions).yaml())
            }
            if let split {
                let syntax: NativeFormat.Syntax = format == .json ? .json : .yaml
                // Every pathway's files in one all-or-nothing write, after checking no two ids share a file name.
                var files: [(id: String, path: String, data: Data)] = []
                for (pathway, decomposition) in zip(pathways, decompositions) {
                    files += Self.splitFiles(decomposition, of: pathway, into: split, syntax: syntax)
                }
                try AtomicFile.requireDistinct(files.map { ($0.id, $0.path) })
                try AtomicFile.write(files.map { ($0.path, $0.data) })
                for file in files { console.printError("wrote \(file.path)") }
            }
            progress.finish()
            messages.report(count: sizeFindings.count, first: sizeFindings, summary: sizeSummary, console: console)
            return ExitStatus.success
        }

        /// Prints how each pathway's decomposition agrees with the cut that applies to it.
        ///
        /// - Throws: ``InputError`` when the cuts file cannot be read or no cut names a step of any pathway.
        private func scoreAgainst(
            _ path: String, graphs: [PathwayGraph], options: DecompositionOptions, console: Console
        ) throws -> Int32 {
            let cuts = try AnalystCut.cuts(at: path)
            var agreements: [CutAgreement] = []
            for graph in graphs {
                let pathway = graph.pathway
                let applicable = cuts.filter { $0.applies(to: graph) }
                guard !applicable.isEmpty else {
                    console.printError("note: no cut in \(path) names a step of pathway '\(pathway.id)'")
                    continue
                }
                // Several cuts for one pathway are read as one.
                let cut = AnalystCut(pathway: pathway.id, parts: applicable.flatMap(\.parts))
                let decomposition = graph.decomposition(strategy, options: options)
                agreements.append(CutAgreement(cut: cut, decomposition: decomposition, graph: graph))
            }
            guard !agreements.isEmpty else {
                throw InputError("no cut names a step of the pathways read", at: SourceLocation(file: path))
            }
            switch format {
            case .text: console.write(CutAgreement.text(agreements))
            case .json: console.write(CutAgreement.documentTree(for: agreements).json() + "\n")
            case .yaml: console.write(CutAgreement.documentTree(for: agreements).yaml())
            }
            return ExitStatus.success
        }

        /// Each sub-pathway (and, for `structure`, each nested fragment) as a native pathway file named after its id
        /// (`/` and `.` become `-`), with the id.
        ///
        /// - Returns: The ids, paths and contents, in order.
        static func splitFiles(
            _ decomposition: Decomposition, of pathway: Pathway, into folder: String, syntax: NativeFormat.Syntax
        ) -> [(id: String, path: String, data: Data)] {
            var files: [(id: String, path: String, data: Data)] = []
            var stack = Array(decomposition.subpathways.reversed())
            while let subpathway = stack.popLast() {
                stack += subpathway.children.reversed()
                let restricted = pathway.restricted(
                    to: subpathway.allSteps, id: PathwayID(subpathway.id), title: subpathway.title)
                let path = (folder as NSString).appendingPathComponent(
                    "\(subpathway.id.fileNameSafe).\(syntax.rawValue)")
                files.append((subpathway.id, path, Data(NativeFormat.text(for: restricted, syntax: syntax).utf8)))
            }
            return files
        }
    }
}

extension DecompositionStrategy: ExpressibleByArgument {}

/// How a decomposition is printed.
enum DecompositionFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, yaml

    /// The analyst's view: one block per sub-pathway with its steps, entry and exit conditions, stages and staff.
    static func text(_ decompositions: [Decomposition], pathways: [Pathway]) -> String {
        var out = ""
        for (decomposition, pathway) in zip(decompositions, pathways) {
            var labels: [StepID: (label: String, kind: StepKind)] = [:]
            for step in pathway.steps where labels[step.id] == nil { labels[step.id] = (step.label, step.kind) }
            let count = decomposition.subpathways.count
            out += "\(pathway.id): \(count) sub-pathway\(count == 1 ? "" : "s") (\(decomposition.strategy.rawValue))"
            if let routes = decomposition.routeCount {
                out += ", \(formatCount(routes)) route\(routes == 1 ? "" : "s") from entry to exit"
            }
            out += "\n"
            var stack: [(Subpathway, Int)] = decomposition.subpathways.reversed().map { ($0, 0) }
            while let (subpathway, depth) = stack.popLast() {
                let pad = String(repeating: "    ", count: depth)
                var heading = "\n\(pad)\(subpathway.id)  \(subpathway.title)"
                var notes: [String] = []
                if let kind = subpathway.kind { notes.append(kind) }
                if subpathway.isCyclic && subpathway.kind != "loop" { notes.append("loop") }
                if let probability = subpathway.probability { notes.append("p = \(formatProbability(probability))") }
                if !notes.isEmpty { heading += "  (\(notes.joined(separator: ", ")))" }
                out += heading + "\n"
                let width = subpathway.steps.map(\.rawValue.count).max() ?? 0
                if !subpathway.steps.isEmpty { out += "\(pad)  steps:\n" }
                for (index, id) in subpathway.steps.enumerated() {
                    let info = labels[id]
                    let kind = info.map { $0.kind == .activity ? "" : "  [\($0.kind.rawValue)]" } ?? ""
                    out +=
                        "\(pad)    \(index + 1). \(id.rawValue.padding(toLength: width, withPad: " ", startingAt: 0))  "
                        + "\(info?.label ?? "")\(kind)\n"
                }
                if !subpathway.links.isEmpty {
                    let conditions = subpathway.links.compactMap { link in
                        link.condition.map { "\(link.from) → \(link.to): \($0)" }
                    }
                    if !conditions.isEmpty {
                        out += "\(pad)  conditions:\n" + conditions.map { "\(pad)    \($0)\n" }.joined()
                    }
                }
                if decomposition.strategy != .routes {
                    out += "\(pad)  entries:" + describe(subpathway.entries, pad: pad, none: "none (a pathway entry)")
                    out += "\(pad)  exits:" + describe(subpathway.exits, pad: pad, none: "none (a pathway exit)")
                }
                if !subpathway.stages.isEmpty {
                    out += "\(pad)  stages: \(subpathway.stages.joined(separator: "; "))\n"
                }
                if !subpathway.staffGroups.isEmpty {
                    out += "\(pad)  staff: \(subpathway.staffGroups.map(\.rawValue).joined(separator: ", "))\n"
                }
                stack += subpathway.children.reversed().map { ($0, depth + 1) }
            }
            if !decomposition.findings.isEmpty {
                out += "\nadvice:\n" + decomposition.findings.map { "  \($0.description)\n" }.joined()
            }
            out += "\n"
        }
        return out
    }

    private static func describe(_ links: [BoundaryLink], pad: String, none: String) -> String {
        guard !links.isEmpty else { return " " + none + "\n" }
        return "\n"
            + links.map { link in
                "\(pad)    \(link.from) → \(link.to)" + (link.condition.map { "  [\($0)]" } ?? "") + "\n"
            }.joined()
    }

    /// A count written exactly when it is a whole number below 10^15, in scientific notation above.
    static func formatCount(_ value: Double) -> String {
        if value.isInfinite { return "more than 1.8e308" }
        return value < 1e15 ? String(Int64(value)) : String(format: "%.3e", value)
    }

    static func formatProbability(_ value: Double) -> String {
        if value == 0 { return "below 1e-308" }
        return value >= 0.001 ? String(format: "%.4f", value) : String(format: "%.3e", value)
    }
}
