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
        .library(name: "RecallImport", targets: ["RecallImport"]),
        .library(name: "RecallCore", targets: ["RecallCore"]),
        .library(name: "RecallMCP", targets: ["RecallMCP"]),
        .library(name: "RecallHTTP", targets: ["RecallHTTP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        // The embedding models, compiled into the executable with `.incbin` (README.md there).
        .target(
            name: "RecallModels",
            exclude: [
                "static-minilm-256-v1.bin", "static-minilm-256-v1.bin.sha256",
                "minilm-l6-v1.bin", "minilm-l6-v1.bin.sha256",
                "durable-head-v2.bin", "durable-head-v2.bin.sha256",
                "LICENSE", "NOTICE", "README.md",
            ],
            cSettings: [.headerSearchPath(".")]
        ),
        // The transformer's arithmetic. Optimised in debug builds too: unoptimised, a forward
        // pass is hundreds of times slower, and every memory written in a test runs one.
        // Its AVX2 and FMA loops in C, used where the CPU has them (found at run time).
        .target(
            name: "RecallKernelsAVX2",
            cSettings: [.unsafeFlags(["-O2"], .when(configuration: .debug))]
        ),
        .target(
            name: "RecallKernels",
            dependencies: ["RecallKernelsAVX2"],
            swiftSettings: swiftSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // Reading exports: files, folders and ZIPs in, parsed conversations out. Pure: no store,
        // no clock of its own, no other Recall target; RecallCore depends on it, never the reverse.
        .target(
            name: "RecallImport",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings
        ),
        // The one core API. Only its Store/ folder imports GRDB, and only Store/Postgres/ imports
        // PostgresNIO and SwiftNIO.
        .target(
            name: "RecallCore",
            dependencies: [
                "RecallImport",
                "RecallModels",
                "RecallKernels",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // MCP over JSON-RPC 2.0 on stdio: knows RecallCore, nothing else.
        .target(
            name: "RecallMCP",
            dependencies: ["RecallCore"],
            swiftSettings: swiftSettings
        ),
        // MCP Streamable HTTP and the REST API on Hummingbird: knows RecallCore and RecallMCP.
        .target(
            name: "RecallHTTP",
            dependencies: [
                "RecallCore",
                "RecallMCP",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The one executable: CLI subcommands, `recall serve` is the MCP server.
        .executableTarget(
            name: "recall",
            dependencies: [
                "RecallCore",
                "RecallMCP",
                "RecallHTTP",
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
                "RecallHTTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/RecallBench",
            swiftSettings: swiftSettings
        ),
        // What the store-parameterised tests share: a new store of each kind.
        .target(
            name: "RecallTestSupport",
            dependencies: [
                "RecallCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/RecallTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RecallCoreTests",
            dependencies: [
                "RecallCore", "RecallImport", "RecallKernels", "RecallTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RecallMCPTests",
            dependencies: ["RecallMCP", "RecallCore", "RecallTestSupport"],
            swiftSettings: swiftSettings
        ),
        // Upgrades, limits and fuzzing of the JSON-RPC layer and the import parsers.
        .testTarget(
            name: "RecallReliabilityTests",
            dependencies: [
                "RecallCore", "RecallImport", "RecallMCP", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // Real HTTP against a server on an ephemeral loopback port.
        .testTarget(
            name: "RecallHTTPTests",
            dependencies: [
                "RecallHTTP",
                "RecallCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RecallCLITests",
            dependencies: ["recall", "RecallTestSupport"],
            swiftSettings: swiftSettings
        ),
    ]
)
