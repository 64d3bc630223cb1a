import Foundation

/// Folders for one test's files, all inside one folder per test process that is removed
/// when the process exits, so a test run leaves nothing in the temporary folder.
public enum TestFolders {
    private static func rootURL() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent(
            "maxcloud-tests-\(getpid())", isDirectory: true)
    }

    private static let root: URL = {
        let url = rootURL()
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestFolders.rootURL()) }
        return url
    }()

    /// A new, empty folder whose name starts with `prefix`.
    public static func make(_ prefix: String) -> URL {
        let url = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
