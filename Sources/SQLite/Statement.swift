internal import CSQLite

/// A compiled statement: bind its parameters, step through its rows, reset and run it
/// again. Keeps its connection open while it lives.
///
/// Text and bytes are copied when bound and when read, so no pointer into SQLite's memory
/// outlives a call.
public final class Statement {
    /// The SQL it was compiled from.
    public let sql: String
    private let database: Database
    let handle: OpaquePointer

    init(database: Database, sql: String) throws(SQLiteError) {
        let connection = try database.connection(for: sql)
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(connection, sql, -1, 0, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            // An SQL text of only comments or spaces compiles to no statement at all.
            let message =
                code == SQLITE_OK
                ? "the SQL holds no statement" : String(cString: sqlite3_errmsg(connection))
            sqlite3_finalize(statement)
            throw .prepare(
                sql: sql,
                code: code == SQLITE_OK ? SQLITE_MISUSE : sqlite3_extended_errcode(connection),
                message: message)
        }
        self.database = database
        self.sql = sql
        self.handle = statement
    }

    deinit { sqlite3_finalize(handle) }

    /// The number of `?` parameters.
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// Binds a value to the parameter at a 1-based index.
    /// - Throws: `SQLiteError.bind` for an index out of range or a value too large.
    public func bind(_ value: SQLiteValue, at index: Int) throws(SQLiteError) {
        let position = Int32(clamping: index)
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, position)
        case .integer(let number):
            code = sqlite3_bind_int64(handle, position, number)
        case .real(let number):
            code = sqlite3_bind_double(handle, position, number)
        case .text(var text):
            code = text.withUTF8 { bytes in
                // SQLite copies the bytes (SQLITE_TRANSIENT); an empty text is not NULL.
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_text(handle, position, "", 0, csqlite_transient())
                }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite3_bind_text64(
                        handle, position, $0, UInt64(bytes.count), csqlite_transient(),
                        UInt8(SQLITE_UTF8))
                }
            }
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { raw in
                guard let base = raw.baseAddress, !raw.isEmpty else {
                    return sqlite3_bind_zeroblob(handle, position, 0)
                }
                return sqlite3_bind_blob64(
                    handle, position, base, UInt64(raw.count), csqlite_transient())
            }
        }
        guard code == SQLITE_OK else {
            throw .bind(
                sql: sql, index: index, code: code, message: String(cString: sqlite3_errstr(code)))
        }
    }

    /// Clears earlier values, then binds `values` to parameters 1, 2, ...
    /// - Throws: `SQLiteError.bind` when there are more values than parameters.
    public func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            try bind(value, at: offset + 1)
        }
    }

    /// Runs the statement to its next row.
    /// - Returns: true when a row is ready to read, false when the statement is done.
    /// - Throws: `SQLiteError.step` with SQLite's message and the SQL.
    @discardableResult
    public func step() throws(SQLiteError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let connection = sqlite3_db_handle(handle)
            throw .step(
                sql: sql, code: sqlite3_extended_errcode(connection),
                message: String(cString: sqlite3_errmsg(connection)))
        }
    }

    /// Makes the statement ready to run again; bound values are kept.
    public func reset() {
        sqlite3_reset(handle)
    }

    /// Binds `values`, runs the statement to its end and resets it, for statements that
    /// return no rows (an `INSERT` run once per item, say).
    /// - Throws: `SQLiteError` with SQLite's message and the SQL.
    public func run(_ values: [SQLiteValue] = []) throws(SQLiteError) {
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle) }
        try bind(values)
        while try step() {}
    }

    /// Binds `values` and calls `read` on each row; the statement is reset afterwards.
    /// - Throws: `SQLiteError` with SQLite's message and the SQL.
    public func query<T>(_ values: [SQLiteValue] = [], _ read: (Statement) -> T)
        throws(SQLiteError) -> [T]
    {
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle) }
        try bind(values)
        var rows: [T] = []
        while try step() { rows.append(read(self)) }
        return rows
    }
}
