// swift-tools-version: 6.1
// libFuzzer targets for every pathgap reader, in their own package so that the main build never compiles them with
// the fuzzer's instrumentation. Build and run with Fuzz/run.sh (see the README, "Limits" and "Fuzzing"):
//
//   swift build --package-path Fuzz -c debug -Xswiftc -sanitize=fuzzer,address
//   Fuzz/run.sh 60            # every target for 60 seconds, one after another
import PackageDescription

/// One executable per reader: `fuzz-<reader>`, whose only source is `Sources/fuzz-<reader>/Entry.swift`.
let readers = ["yaml", "json", "edgelist", "csv", "dot", "bpmn", "graphml", "case-json", "case-csv"]

let package = Package(
    name: "pathgap-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "pathgap", path: "../")],
    targets: [
        .target(
            name: "FuzzTargets",
            dependencies: [
                .product(name: "PathwayKit", package: "pathgap"),
                .product(name: "PathwayGraphviz", package: "pathgap"),
            ]
        )
    ]
        + readers.map { reader in
            // -parse-as-library: no Swift `main`, so that libFuzzer's own `main` drives the target.
            .executableTarget(
                name: "fuzz-\(reader)", dependencies: ["FuzzTargets"], path: "Sources/fuzz-\(reader)",
                swiftSettings: [.unsafeFlags(["-parse-as-library"])])
        },
    swiftLanguageModes: [.v6]
)
