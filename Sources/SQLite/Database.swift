internal import CSQLite

/// One connection to an SQLite database file.
///
/// Not safe to share between threads: open one connection per thread (SQLite's own locks
/// keep several connections, in one process or many, from corrupting the file). The
/// connection is closed when the value is released, or by ``close()``.
public final class Database {
    /// How to open the file.
    public struct OpenOptions: OptionSet, Sendable {
        /// The raw `SQLITE_OPEN_*` bits.
        public let rawValue: Int32

        /// Creates options from `SQLITE_OPEN_*` bits.
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// Open for reading only.
        public static let readOnly = OpenOptions(rawValue: SQLITE_OPEN_READONLY)
        /// Open for reading and writing (the file must exist unless `create` is given).
        public static let readWrite = OpenOptions(rawValue: SQLITE_OPEN_READWRITE)
        /// Create the file when it does not exist (with `readWrite`).
        public static let create = OpenOptions(rawValue: SQLITE_OPEN_CREATE)
        /// Read the path as a `file:` URI.
        public static let uri = OpenOptions(rawValue: SQLITE_OPEN_URI)
        /// No mutex on the connection: the caller keeps it to one thread at a time.
        public static let noMutex = OpenOptions(rawValue: SQLITE_OPEN_NOMUTEX)
        /// A mutex on the connection, so that threads may share it.
        public static let fullMutex = OpenOptions(rawValue: SQLITE_OPEN_FULLMUTEX)
    }

    /// The path the database was opened with.
    public let path: String
    /// The C connection; nil once closed.
    private(set) var handle: OpaquePointer?

    /// Opens (and, with `.create`, creates) a database file.
    /// - Throws: `SQLiteError.open` with SQLite's reason.
    public init(path: String, options: OpenOptions = [.readWrite, .create]) throws(SQLiteError) {
        self.path = path
        var connection: OpaquePointer?
        let code = sqlite3_open_v2(
            path, &connection, options.rawValue | SQLITE_OPEN_EXRESCODE, nil)
        guard code == SQLITE_OK, let connection else {
            let message =
                connection.map { String(cString: sqlite3_errmsg($0)) }
                ?? String(cString: sqlite3_errstr(code))
            sqlite3_close_v2(connection)
            throw .open(path: path, code: code, message: message)
        }
        handle = connection
    }

    deinit { close() }

    /// Closes the connection; an open transaction is rolled back. Statements still held
    /// keep the connection's memory until they are released. Safe to call twice.
    public func close() {
        guard let handle else { return }
        sqlite3_close_v2(handle)
        self.handle = nil
    }

    /// The open connection.
    /// - Throws: `SQLiteError.step` when the connection was closed.
    func connection(for sql: String) throws(SQLiteError) -> OpaquePointer {
        guard let handle else {
            throw .step(sql: sql, code: SQLITE_MISUSE, message: "the connection is closed")
        }
        return handle
    }

    /// How long a statement waits for another connection's lock before failing with
    /// `SQLITE_BUSY` (0 fails at once).
    public func setBusyTimeout(_ duration: Duration) {
        guard let handle else { return }
        let milliseconds =
            duration.components.seconds * 1000 + duration.components.attoseconds
            / 1_000_000_000_000_000
        sqlite3_busy_timeout(handle, Int32(clamping: max(0, milliseconds)))
    }

    /// Runs one or more statements that return no rows, such as a schema.
    /// - Throws: `SQLiteError.step` with SQLite's message and the SQL.
    public func execute(_ sql: String) throws(SQLiteError) {
        let handle = try connection(for: sql)
        var error: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &error)
        guard code == SQLITE_OK else {
            let message =
                error.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(error)
            throw .step(sql: sql, code: sqlite3_extended_errcode(handle), message: message)
        }
    }

    /// Compiles one statement.
    /// - Throws: `SQLiteError.prepare` with SQLite's message and the SQL.
    public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// Runs one statement with its parameters, for statements that return no rows.
    /// - Throws: `SQLiteError` with SQLite's message and the SQL.
    public func run(_ sql: String, _ values: SQLiteValue...) throws(SQLiteError) {
        try prepare(sql).run(values)
    }

    /// The first column of the first row of a query, nil when it returns no row.
    /// - Throws: `SQLiteError` with SQLite's message and the SQL.
    public func scalar(_ sql: String, _ values: SQLiteValue...) throws(SQLiteError) -> SQLiteValue?
    {
        let statement = try prepare(sql)
        try statement.bind(values)
        return try statement.step() ? statement.value(0) : nil
    }

    /// The rowid of the last row inserted through this connection.
    public var lastInsertRowID: Int64 { handle.map { sqlite3_last_insert_rowid($0) } ?? 0 }

    /// Rows changed by the last `INSERT`, `UPDATE` or `DELETE`.
    public var changes: Int { handle.map { Int(sqlite3_changes64($0)) } ?? 0 }

    /// The version of the SQLite library in use, such as `3.40.1`.
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }
}
