import Foundation
import SQLite

/// The run history: an SQLite file of every run and every ticket state it saw.
///
/// Use it as one transaction: ``begin()`` takes the file's write lock (waiting up to the
/// busy timeout while another run holds it), checks the schema and brings it forward;
/// then read and record; then ``commit()``, or ``rollback()`` to leave the file as it
/// was. Two processes that do this at once are serialised by SQLite's locks; neither
/// sees the other half-written.
///
/// The file keeps SQLite's default rollback journal (not WAL), so it works on any file
/// system, network shares included, and is a single file between runs.
public final class HistoryStore {
    /// The schema version this build reads and writes.
    public static var schemaVersion: Int { HistorySchema.current }

    /// The file.
    public let path: String
    /// How long `begin()` waits for another run's lock.
    public let busyTimeout: Duration
    let database: Database

    /// Opens the file, creating an empty one when there is none. Nothing is read or
    /// written until `begin()`.
    /// - Throws: `HistoryError.database` when the file cannot be opened or created.
    public init(path: String, busyTimeout: Duration = .seconds(120)) throws(HistoryError) {
        self.path = path
        self.busyTimeout = busyTimeout
        do {
            database = try Database(path: path, options: [.readWrite, .create])
        } catch {
            throw Self.wrap(error, path: path, busyTimeout: busyTimeout)
        }
        database.setBusyTimeout(busyTimeout)
        try? database.execute("PRAGMA foreign_keys = ON")
    }

    /// Checks, without writing, that an existing file can be used: refuses a file of a
    /// newer tool, one that is not a history, and one that is damaged (SQLite's
    /// `PRAGMA quick_check`), so that a run can say so before it fetches anything. A
    /// missing file is fine (it will be made); any other trouble, a lock say, is left for
    /// `begin()` to meet.
    /// - Throws: `HistoryError.unusable` for a folder or a file (or folder) that cannot be
    ///   written, `.newerVersion`, `.notHistory` or `.damaged`.
    public static func checkUsable(path: String) throws(HistoryError) {
        try checkWritable(path: path)
        guard let database = try? Database(path: path, options: [.readOnly]) else { return }
        defer { database.close() }
        do {
            _ = try HistorySchema.check(database, path: path)
        } catch {
            switch error {
            case .newerVersion, .notHistory, .damaged: throw error
            default: return
            }
        }
        let problems: [String]
        do {
            let statement = try database.prepare("PRAGMA quick_check(3)")
            problems = try statement.query { $0.text(0) ?? "" }
        } catch {
            if error.isCorrupt || error.isNotADatabase {
                throw .damaged(path: path, reason: error.message)
            }
            return
        }
        guard problems == ["ok"] else {
            throw .damaged(
                path: path,
                reason: "SQLite's quick_check says: \(problems.joined(separator: "; "))")
        }
    }

    /// A history is written in place, with SQLite's journal beside it: the file, when it
    /// exists, and its folder, when that exists (a missing one is made with the report),
    /// must be writable.
    static func checkWritable(path: String) throws(HistoryError) {
        var info = stat()
        if stat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR {
                throw .unusable(path: path, reason: "it is a folder, not a file")
            }
            if access(path, W_OK) != 0 {
                throw .unusable(
                    path: path, reason: "it cannot be written (\(String(cString: strerror(errno))))"
                )
            }
        }
        let folder = (path as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        if stat(directory, &info) == 0, access(directory, W_OK) != 0 {
            throw .unusable(
                path: path,
                reason: "its folder \(directory) cannot be written "
                    + "(\(String(cString: strerror(errno)))), and SQLite keeps its journal there")
        }
    }

    /// Takes the write lock and brings the schema to the current version.
    /// - Throws: `HistoryError.locked` after the busy timeout, `.newerVersion` for a file
    ///   of a newer tool, `.notHistory` for a file that is not ours; the file is then
    ///   left as it was and the transaction closed.
    public func begin() throws(HistoryError) {
        do {
            try database.begin(.immediate)
        } catch {
            throw wrap(error)
        }
        do {
            try HistorySchema.migrate(database, path: path)
        } catch {
            rollback()
            throw error
        }
    }

    /// Makes everything since `begin()` permanent.
    /// - Throws: `HistoryError`; the transaction is then rolled back, the file as it was.
    public func commit() throws(HistoryError) {
        do {
            try database.commit()
        } catch {
            rollback()
            throw wrap(error)
        }
    }

    /// Undoes everything since `begin()`; does nothing outside a transaction.
    public func rollback() {
        try? database.rollback()
    }

    /// Whether a transaction is open.
    public var isInTransaction: Bool { database.isInTransaction }

    /// Closes the file (rolling back an open transaction).
    public func close() {
        database.close()
    }

    func wrap(_ error: SQLiteError) -> HistoryError {
        Self.wrap(error, path: path, busyTimeout: busyTimeout)
    }

    /// The history error for an SQLite error met on the file at `path`.
    static func wrap(_ error: SQLiteError, path: String, busyTimeout: Duration = .zero)
        -> HistoryError
    {
        if error.isBusy { return .locked(path: path, seconds: Int(busyTimeout.components.seconds)) }
        if error.isNotADatabase {
            return .damaged(path: path, reason: "not an SQLite database")
        }
        if error.isCorrupt { return .damaged(path: path, reason: error.message) }
        return .database(path: path, error)
    }
}
