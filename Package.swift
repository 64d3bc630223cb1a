// swift-tools-version: 6.0
import PackageDescription

/// Settings every Swift target shares: Swift 6 mode is the default for tools 6.0;
/// these add the checks the project keeps on.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "maxcloud-report",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "maxcloud-report", targets: ["maxcloud-report"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "MaxCloud", targets: ["MaxCloud"]),
        .library(name: "MaxCloudSimulator", targets: ["MaxCloudSimulator"]),
        .library(name: "Mustache", targets: ["Mustache"]),
        .library(name: "XLSX", targets: ["XLSX"]),
        .library(name: "SQLite", targets: ["SQLite"]),
        .library(name: "History", targets: ["History"]),
    ],
    targets: [
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(name: "XLSX", dependencies: ["CXlsxWriter"], swiftSettings: strictSettings),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "SQLite", dependencies: ["CSQLite"], swiftSettings: strictSettings),
        .target(name: "History", dependencies: ["SQLite"], swiftSettings: strictSettings),
        .target(name: "Mustache", swiftSettings: strictSettings),
        .target(name: "MaxCloud", swiftSettings: strictSettings),
        .target(name: "MaxCloudSimulator", swiftSettings: strictSettings),
        .target(
            name: "Reports",
            dependencies: ["MaxCloud", "Mustache", "XLSX", "History"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "MaxCloudReportCLI",
            dependencies: ["Reports", "MaxCloud", "MaxCloudSimulator", "Mustache", "History"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "maxcloud-report",
            dependencies: ["MaxCloudReportCLI"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "maxcloud-bench",
            dependencies: ["Reports", "MaxCloud", "MaxCloudSimulator", "Mustache"],
            path: "Benchmarks/Sources/maxcloud-bench",
            swiftSettings: strictSettings
        ),
        .target(
            name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strictSettings),
        .testTarget(
            name: "XLSXTests",
            dependencies: ["XLSX", "TestSupport"],
            resources: [.copy("Golden")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SQLiteTests",
            dependencies: ["SQLite"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "HistoryTests",
            dependencies: ["History", "SQLite"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MustacheTests",
            dependencies: ["Mustache"],
            resources: [.copy("Spec")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MaxCloudTests",
            dependencies: ["MaxCloud", "MaxCloudSimulator"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MaxCloudSimulatorTests",
            dependencies: ["MaxCloudSimulator"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ReportsTests",
            dependencies: [
                "Reports", "MaxCloud", "MaxCloudSimulator", "Mustache", "XLSX", "TestSupport",
            ],
            exclude: ["Interop"],
            resources: [.copy("Golden")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MaxCloudReportCLITests",
            dependencies: ["MaxCloudReportCLI", "MaxCloud", "Reports", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["MaxCloudSimulator", "MaxCloudReportCLI", "SQLite", "TestSupport"],
            swiftSettings: strictSettings
        ),
    ]
)
