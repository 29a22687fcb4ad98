import Foundation
import PathwayGraphviz
import PathwayKit

/// A reader under the fuzzer: one input is read as the format, and whatever is read is also built into a graph,
/// validated, decomposed (chains, structure) and written back in the native format, so that every stage meets the odd models a
/// mutated file makes. Thrown errors are the expected outcome for most inputs; only a crash, a hang, a sanitizer
/// report or a memory blow-up is a finding.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case yaml, json
    case edgeList = "edgelist"
    case csv, dot, bpmn
    case graphML = "graphml"
    case caseJSON = "case-json"
    case caseCSV = "case-csv"

    /// Runs libFuzzer's driver (`LLVMFuzzerRunDriver`, in the fuzzer runtime) with the process's arguments.
    public static func drive(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt {
        var count = argc
        var arguments = argv
        return runDriver(&count, &arguments, callback)
    }

    /// Reads one input; never throws.
    public func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let data = bytes.baseAddress == nil ? Data() : Data(buffer: bytes)
        switch self {
        case .caseJSON:
            _ = try? CASEImporter.framework(fromJSON: data, file: "fuzz.json")
        case .caseCSV:
            _ = try? CASEImporter.framework(fromCSV: data, file: "fuzz.csv")
        default:
            guard let imported = try? reader.read(data, "fuzz.\(fileExtension)") else { return }
            exercise(imported)
        }
    }

    private var reader: PathwayReader {
        switch self {
        case .yaml: .yaml
        case .json: .json
        case .edgeList: .edgeList
        case .csv: .csv
        case .dot: .dot()
        case .bpmn: .bpmn
        case .graphML: .graphML
        case .caseJSON, .caseCSV: .json
        }
    }

    private var fileExtension: String {
        switch self {
        case .edgeList: "edgelist"
        case .caseJSON: "json"
        case .caseCSV: "csv"
        default: rawValue
        }
    }

    /// The stages after reading: graph, validation, the default decomposition and the native writer.
    private func exercise(_ imported: PathwayImport) {
        for pathway in imported.pathways.prefix(4) where pathway.steps.count <= 2_000 {
            _ = Validator.findings(for: pathway)
            let graph = PathwayGraph(pathway)
            _ = graph.decomposition(.chains)
            _ = graph.decomposition(.structure)
            _ = NativeFormat.text(for: pathway)
        }
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
