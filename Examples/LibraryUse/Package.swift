// swift-tools-version: 6.1
// An example of building on pathgap's library from another package. `.ci/run` builds and runs it:
//
//   swift run --package-path Examples/LibraryUse library-use Fixtures/projects/dpyd
//
// In a package of your own, depend on the repository instead of the path:
//   .package(url: "https://…/pathgap.git", from: "0.2.0")
import PackageDescription

let package = Package(
    name: "LibraryUse",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "pathgap", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "library-use",
            dependencies: [.product(name: "PathwayKit", package: "pathgap")],
            path: "Sources/LibraryUse"
        )
    ],
    swiftLanguageModes: [.v6]
)
