import Foundation

/// The temporary files this process has made and not yet renamed or removed, so that
/// Ctrl-C or `kill` does not leave them behind in the output folder: the command line
/// calls `removeAllForExit()` from its signal handler.
///
/// A batch's renames run while the registry is held (`holding`), so a signal that comes
/// during them waits until the folder holds the whole new report or the whole old one.
public final class TemporaryFiles: @unchecked Sendable {
    /// The process's registry.
    public static let shared = TemporaryFiles()

    private let lock = NSRecursiveLock()
    private var paths: Set<String> = []

    /// Remembers a temporary file.
    public func register(_ path: String) {
        lock.withLock { _ = paths.insert(path) }
    }

    /// Forgets a file that was renamed into place or removed.
    public func forget(_ path: String) {
        lock.withLock { _ = paths.remove(path) }
    }

    /// Runs `body` with the registry held: a signal waits for it to end.
    public func holding<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Removes every remembered file; from here on the registry stays held, so no rename
    /// of a batch starts while the process is ending.
    public func removeAllForExit() {
        lock.lock()
        for path in paths { unlink(path) }
        paths = []
        // Deliberately not unlocked: the process is about to end.
    }

    /// Removes what an earlier run of the tool left in `folder` when it was killed: its
    /// temporary files (`.NAME.tmp-PID-…`), and the previous files a commit had moved aside
    /// (`.NAME.old-PID-…`), which are put back when their file is missing. Files of a
    /// process that is still running are left alone.
    public static func sweep(_ folder: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix(".") {
            guard let (final, kind, pid) = parse(name), kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            let path = folder.appendingPathComponent(name).path
            let finalPath = folder.appendingPathComponent(final).path
            if kind == "old", !FileManager.default.fileExists(atPath: finalPath) {
                rename(path, finalPath)
            } else {
                unlink(path)
            }
        }
    }

    /// `.report.md.tmp-1234-99` → (`report.md`, `tmp`, 1234).
    static func parse(_ name: String) -> (String, String, pid_t)? {
        for kind in ["tmp", "old"] {
            guard let marker = name.range(of: ".\(kind)-", options: .backwards) else { continue }
            let final = String(name[name.index(after: name.startIndex)..<marker.lowerBound])
            let rest = name[marker.upperBound...].split(separator: "-")
            guard !final.isEmpty, let first = rest.first, let pid = pid_t(first), pid > 0 else {
                continue
            }
            return (final, kind, pid)
        }
        return nil
    }
}
