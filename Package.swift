// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "pathgap",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PathwayKit", targets: ["PathwayKit"]),
        .library(name: "Graphviz", targets: ["Graphviz"]),
        // Flowcharts and DOT import (PathwayKit meets Graphviz); also what the fuzz targets in Fuzz/ read DOT with.
        .library(name: "PathwayGraphviz", targets: ["PathwayGraphviz"]),
        .executable(name: "pathgap", targets: ["pathgap"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `swift package generate-documentation` (see README, "Library use"); a plugin, never linked.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // The core: model, readers, graph algorithms, decomposition, analysis, reports. Swift, reading YAML through
        // libyaml's event stream.
        .target(name: "PathwayKit", dependencies: ["CYAML"]),
        // libyaml's parser (yaml.h, libyaml.so) as installed by Debian's libyaml-dev.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Graphviz's C libraries (libgvc, libcgraph) as installed by Debian's libgraphviz-dev.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // A small Swift wrapper over Graphviz that knows nothing about pathways.
        .target(name: "Graphviz", dependencies: ["CGraphviz"]),
        // Glue between the two: DOT import through cgraph and flowchart rendering.
        .target(name: "PathwayGraphviz", dependencies: ["PathwayKit", "Graphviz"]),
        // The command-line interface as a library, so tests can run commands in-process.
        .target(
            name: "PathgapCLI",
            dependencies: [
                "PathwayKit", "PathwayGraphviz", "Graphviz",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "pathgap", dependencies: ["PathgapCLI", "PathwayKit"]),

        .target(name: "TestSupport", dependencies: ["PathwayKit"], path: "Tests/TestSupport"),
        .testTarget(name: "PathwayKitTests", dependencies: ["PathwayKit", "TestSupport"]),
        .testTarget(name: "GraphvizTests", dependencies: ["Graphviz", "PathwayGraphviz", "TestSupport"]),
        .testTarget(name: "PathgapCLITests", dependencies: ["PathgapCLI", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
