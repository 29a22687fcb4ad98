import FuzzTargets

/// libFuzzer's entry point: reads one input as graphml.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.graphML.run(UnsafeBufferPointer(start: bytes, count: count))
    return 0
}

/// The executable's entry point (SwiftPM links debug executables' `main` to `<module>_main`): hands over to
/// libFuzzer's driver.
@_cdecl("fuzz_graphml_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzTarget.drive(argc, argv, fuzzOneInput)
}
