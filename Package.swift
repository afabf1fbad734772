// swift-tools-version: 6.1
import PackageDescription

let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "AllerVers",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "allervers", targets: ["allervers"]),
        .library(name: "TrainingCore", targets: ["TrainingCore"]),
        .library(name: "TrainingXML", targets: ["TrainingXML"]),
        .library(name: "TrainingStore", targets: ["TrainingStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // The web front end: Hummingbird without its swift-configuration trait, Mustache templates.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Passwords of the server's accounts: bcrypt (only its HummingbirdBcrypt library is built).
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    ],
    targets: [
        // Domain values and rules. Foundation only, no I/O.
        .target(name: "TrainingCore", swiftSettings: strictness),

        // libxml2 from the system (Debian: libxml2-dev).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "TrainingXML",
            // ZIPFoundation: e-learning packages arrive as .zip.
            dependencies: ["TrainingCore", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strictness
        ),
        // .xlsx and .ods sheets, ZIP archives of XML: ZIPFoundation (Debian: zlib1g-dev) and libxml2.
        .target(
            name: "TrainingSheets",
            dependencies: ["TrainingCore", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strictness
        ),
        // SQLite's process-wide options (sqlite3_config, variadic: C only).
        .target(name: "CSQLiteSetup"),
        .target(
            name: "TrainingStore",
            dependencies: [
                "TrainingCore", "CSQLiteSetup",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictness
        ),
        // Files for others: iCalendar, CSV for funders, xAPI, signed Open Badges credentials,
        // and the PAdES signatures of certificate PDFs (X.509 and CMS from swift-certificates).
        // zlib from the system, for the gzip of a Bitstring Status List (Debian: zlib1g-dev).
        .systemLibrary(name: "CGzip", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "TrainingExport",
            dependencies: [
                "TrainingCore", "CGzip", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"), .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: strictness
        ),
        // Pango and cairo for PDF, libqrencode for QR codes (Debian: libpango1.0-dev,
        // libcairo2-dev, libqrencode-dev), loaded with dlopen when a document is drawn rather
        // than linked: a command that draws nothing starts without them.
        .target(name: "CPangoCairo"),
        // The printed records: sign-in sheets, certificates, attestations.
        .target(name: "TrainingPDF", dependencies: ["TrainingCore", "CPangoCairo"], swiftSettings: strictness),
        // The PostgreSQL adapter of the store (postgres-nio) and its migrations, for organisations
        // with many trainers.
        .target(
            name: "TrainingStorePostgres",
            dependencies: [
                "TrainingStore", .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictness
        ),
        // The use cases, async, between the front ends and the store: what a command or a
        // page calls.
        .target(
            name: "TrainingService",
            dependencies: [
                "TrainingCore", "TrainingXML", "TrainingStore", "TrainingStorePostgres", "TrainingExport", "TrainingPDF",
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            swiftSettings: strictness
        ),
        // `allervers serve`: pages over the same use cases (Hummingbird, Mustache).
        .target(
            name: "AllerVersServer",
            dependencies: [
                "TrainingCore", "TrainingStore", "TrainingExport", "TrainingService", "TrainingPDF",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"), .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictness
        ),
        .target(
            name: "AllerVersCLI",
            dependencies: [
                "TrainingCore", "TrainingXML", "TrainingSheets", "TrainingStore", "TrainingExport", "TrainingPDF", "TrainingService",
                "AllerVersServer", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "allervers",
            dependencies: ["AllerVersCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "allervers-bench-catalogue",
            dependencies: ["TrainingCore", "TrainingXML"],
            path: "Benchmarks/CatalogueGenerator",
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "allervers-bench-serve",
            dependencies: [
                "TrainingCore", "TrainingStore", "TrainingService", "TrainingTesting",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            path: "Benchmarks/ServeBench",
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "allervers-bench-year",
            dependencies: ["TrainingCore", "TrainingStore", "TrainingService"],
            path: "Benchmarks/YearGenerator",
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "allervers-bench-documents",
            dependencies: ["TrainingCore", "TrainingXML", "TrainingPDF", "TrainingExport"],
            path: "Benchmarks/DocumentBench",
            swiftSettings: strictness
        ),

        // The libFuzzer target of the course importer (`make fuzz` builds it with
        // -sanitize=fuzzer in .build-fuzz/).
        .target(name: "CFuzzerDriver", path: "Fuzz/CFuzzerDriver"),
        .executableTarget(
            name: "allervers-fuzz-course",
            dependencies: ["CFuzzerDriver", "TrainingCore", "TrainingXML"],
            path: "Fuzz/CourseFuzzer",
            swiftSettings: strictness
        ),

        // Fixtures shared by the test targets.
        .target(
            name: "TrainingTesting",
            dependencies: [
                "TrainingCore", "TrainingStore", "TrainingStorePostgres", "TrainingService",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictness),
        .testTarget(
            name: "TrainingCoreTests", dependencies: ["TrainingCore", "TrainingTesting"], exclude: ["Golden"], swiftSettings: strictness),
        .testTarget(
            name: "TrainingXMLTests",
            dependencies: [
                "TrainingXML", "TrainingCore", "TrainingTesting", .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["FuzzRegressions"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "TrainingStoreTests",
            dependencies: ["TrainingStore", "TrainingService", "TrainingCore", "TrainingXML", "TrainingTesting"], exclude: ["Fixtures"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "TrainingExportTests", dependencies: ["TrainingExport", "TrainingCore", "TrainingTesting"], exclude: ["Golden"],
            swiftSettings: strictness),
        .testTarget(
            name: "TrainingPDFTests",
            dependencies: ["TrainingPDF", "TrainingCore", "TrainingTesting"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "TrainingStorePostgresTests",
            dependencies: ["TrainingStorePostgres", "TrainingStore", .product(name: "NIOCore", package: "swift-nio")],
            swiftSettings: strictness),
        .testTarget(
            name: "TrainingServiceTests", dependencies: ["TrainingService", "TrainingStore", "TrainingCore", "TrainingTesting"],
            swiftSettings: strictness),
        .testTarget(
            name: "AllerVersCLITests",
            dependencies: [
                "AllerVersCLI", "AllerVersServer", "TrainingService", "TrainingStore", "TrainingCore", "TrainingXML", "TrainingTesting",
                .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"), .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictness
        ),
    ],
    swiftLanguageModes: [.v6]
)
