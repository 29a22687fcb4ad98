// swift-tools-version: 6.1
// Benchmarks for pathgap, in their own package so that the main build never compiles the harness.
//
//   cd Benchmarks && swift package benchmark                       # ordo-one/benchmark suites
//   cd Benchmarks && swift run -c release pathgap-timing FILE...  # headline timings (see README.md)
import PackageDescription

let package = Package(
    name: "pathgap-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "pathgap", path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "Decomposition",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PathwayKit", package: "pathgap"),
            ],
            path: "Benchmarks/Decomposition",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "GapAnalysis",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PathwayKit", package: "pathgap"),
            ],
            path: "Benchmarks/GapAnalysis",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // A plain timing program for the headline numbers: load + SCC + chains on a file, and peak memory.
        .executableTarget(
            name: "pathgap-timing",
            dependencies: [.product(name: "PathwayKit", package: "pathgap")],
            path: "Timing"
        ),
    ],
    swiftLanguageModes: [.v6]
)
