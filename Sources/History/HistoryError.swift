import SQLite

/// What can go wrong keeping the run history, each naming the file and what to do.
public enum HistoryError: Error, Sendable, CustomStringConvertible {
    /// The file was written by a newer version of the tool, whose schema this one does not
    /// know; it is left untouched.
    case newerVersion(path: String, found: Int, supported: Int)
    /// The file is not a history of this tool: not an SQLite database, or another
    /// program's database.
    case notHistory(path: String, reason: String)
    /// The file is damaged: truncated, overwritten, or failing SQLite's `quick_check`. It
    /// is left untouched.
    case damaged(path: String, reason: String)
    /// The file cannot be used at all: it is a folder, or it or its folder cannot be
    /// written.
    case unusable(path: String, reason: String)
    /// Another run kept the file locked for longer than the busy timeout.
    case locked(path: String, seconds: Int)
    /// SQLite failed opening, reading or writing the file.
    case database(path: String, SQLiteError)

    /// What went wrong with which file, and what to do.
    public var description: String {
        switch self {
        case .newerVersion(let path, let found, let supported):
            "the history \(path) was written by a newer maxcloud-report (schema version \(found); "
                + "this one knows up to \(supported)): run the newer version, or give another "
                + "file with --history FILE, or skip the history with --no-history"
        case .notHistory(let path, let reason):
            "\(path) is not a maxcloud-report history (\(reason)): give another file with "
                + "--history FILE, or skip the history with --no-history"
        case .damaged(let path, let reason):
            "the history \(path) is damaged (\(reason)): move it aside (for example "
                + "mv '\(path)' '\(path).damaged') so that a new history is started, give "
                + "another file with --history FILE, or skip the history with --no-history"
        case .unusable(let path, let reason):
            "the history \(path) cannot be used: \(reason); give another file with "
                + "--history FILE, or skip the history with --no-history"
        case .locked(let path, let seconds):
            "the history \(path) is in use by another run (still locked after \(seconds) s): "
                + "try again when it has finished, or skip the history with --no-history"
        case .database(let path, let error):
            "history \(path): \(error)"
        }
    }
}
