// swift-tools-version:6.1
import PackageDescription

// Upcoming features shared by every target: explicit `any`, imports that stay internal
// unless marked `public`, and member visibility that follows imports.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Recall",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "recall", targets: ["recall"]),
        .library(name: "RecallCore", targets: ["RecallCore"]),
        .library(name: "RecallMCP", targets: ["RecallMCP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        // The embedding models, compiled into the executable with `.incbin` (README.md there).
        .target(
            name: "RecallModels",
            exclude: [
                "static-minilm-256-v1.bin", "static-minilm-256-v1.bin.sha256",
                "minilm-l6-v1.bin", "minilm-l6-v1.bin.sha256",
                "LICENSE", "NOTICE", "README.md",
            ],
            cSettings: [.headerSearchPath(".")]
        ),
        // The transformer's arithmetic. Optimised in debug builds too: unoptimised, a forward
        // pass is hundreds of times slower, and every memory written in a test runs one.
        .target(
            name: "RecallKernels",
            swiftSettings: swiftSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // The one core API. Only its Store/ folder imports GRDB.
        .target(
            name: "RecallCore",
            dependencies: [
                "RecallModels",
                "RecallKernels",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        // MCP over JSON-RPC 2.0 on stdio: knows RecallCore, nothing else.
        .target(
            name: "RecallMCP",
            dependencies: ["RecallCore"],
            swiftSettings: swiftSettings
        ),
        // The one executable: CLI subcommands, `recall serve` is the MCP server.
        .executableTarget(
            name: "recall",
            dependencies: [
                "RecallCore",
                "RecallMCP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Benchmarks print figures (retrieval quality, speed); they assert nothing.
        .executableTarget(
            name: "recall-bench",
            dependencies: [
                "RecallCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/RecallBench",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RecallCoreTests",
            dependencies: ["RecallCore", "RecallKernels"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RecallMCPTests",
            dependencies: ["RecallMCP", "RecallCore"],
            swiftSettings: swiftSettings
        ),
        // Upgrades, limits and fuzzing of the JSON-RPC layer and the import parsers.
        .testTarget(
            name: "RecallReliabilityTests",
            dependencies: ["RecallCore", "RecallMCP", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RecallCLITests",
            dependencies: ["recall"],
            swiftSettings: swiftSettings
        ),
    ]
)
