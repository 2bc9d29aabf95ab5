// swift-tools-version:6.1
import PackageDescription

/// Warnings are errors on our own targets only; dependencies build as their authors ship them.
let strict: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

let package = Package(
    name: "regtracker",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "regtracker", targets: ["RegTrackerCLI"])
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        // Hummingbird's own: named to tell a port in use (NIO's IOError) from other server failures.
        .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.3"),
        // The store of a city or a province (issue 19).
        .package(url: "https://github.com/vapor/postgres-nio.git", exact: "1.33.2"),
    ],
    targets: [
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CXlsxWriter", path: "Sources/CXlsxWriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .systemLibrary(
            name: "CRsvg", path: "Sources/CRsvg", pkgConfig: "librsvg-2.0", providers: [.apt(["librsvg2-dev"])]),
        // SQLite's process-wide settings, made before its first connection (a C function: sqlite3_config is variadic).
        .target(name: "CSQLiteSetup", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(name: "RegTrackerCore", swiftSettings: strict),
        // Figures → text and pictures: the message catalogue, HTML, SVG, Markdown, CSV, JSON.
        .target(name: "RegTrackerRender", dependencies: ["RegTrackerCore"], swiftSettings: strict),
        .target(
            name: "RegTrackerIO",
            dependencies: [
                "RegTrackerCore", "CLibXML2", "COpenSSL",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "RegTrackerStore",
            dependencies: [
                "RegTrackerCore", "RegTrackerRender", "CSQLiteSetup", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        // The same narrow stores on PostgreSQL (issue 19); nothing above the stores knows which one it has.
        .target(
            name: "RegTrackerPostgres",
            dependencies: [
                "RegTrackerCore", "RegTrackerRender", "RegTrackerStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "RegTrackerKit",
            dependencies: [
                "RegTrackerCore", "RegTrackerRender", "RegTrackerIO", "RegTrackerStore", "CXlsxWriter", "CRsvg",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "RegTrackerWeb",
            dependencies: [
                "RegTrackerCore", "RegTrackerRender", "RegTrackerStore", "RegTrackerKit",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "RegTrackerCLI",
            dependencies: [
                "RegTrackerRender", "RegTrackerKit", "RegTrackerWeb", "RegTrackerPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // What test targets share (kept out of the products).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // The rules; their tests read reasons in the words of the catalogue.
        .testTarget(name: "RegTrackerCoreTests", dependencies: ["RegTrackerCore", "RegTrackerRender"]),
        .testTarget(
            name: "RegTrackerRenderTests", dependencies: ["RegTrackerRender", "RegTrackerCore", "TestSupport"]),
        .testTarget(
            name: "RegTrackerStoreTests",
            dependencies: ["RegTrackerStore", "RegTrackerCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "RegTrackerPostgresTests",
            dependencies: [
                "RegTrackerPostgres", "RegTrackerKit", "RegTrackerIO", "RegTrackerStore", "RegTrackerCore",
                "TestSupport", .product(name: "PostgresNIO", package: "postgres-nio"),
            ]),
        .testTarget(name: "RegTrackerIOTests", dependencies: ["RegTrackerIO"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "RegTrackerKitTests",
            dependencies: [
                "RegTrackerKit", "RegTrackerRender", "RegTrackerIO", "RegTrackerStore", "RegTrackerCore", "CRsvg",
                "RegTrackerPostgres", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Golden"]),
        .testTarget(
            name: "RegTrackerWebTests",
            dependencies: [
                "RegTrackerWeb", "RegTrackerKit", "RegTrackerRender", "RegTrackerStore", "RegTrackerCore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
        .testTarget(
            name: "RegTrackerCLITests", dependencies: ["RegTrackerCLI", "TestSupport"], resources: [.copy("Fixtures")]),
    ]
)
