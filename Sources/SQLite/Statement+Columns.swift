internal import CSQLite

extension Statement {
    /// The number of columns a row has.
    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    /// The name of a column (0-based), as the query named it.
    public func columnName(_ column: Int) -> String {
        sqlite3_column_name(handle, Int32(column)).map { String(cString: $0) } ?? ""
    }

    /// Whether a column of the current row is `NULL`.
    public func isNull(_ column: Int) -> Bool {
        sqlite3_column_type(handle, Int32(column)) == SQLITE_NULL
    }

    /// A column of the current row as an integer; nil for `NULL`. Text and reals are
    /// converted as SQLite converts them.
    public func int(_ column: Int) -> Int? {
        int64(column).map { Int($0) }
    }

    /// A column of the current row as a 64-bit integer; nil for `NULL`.
    public func int64(_ column: Int) -> Int64? {
        isNull(column) ? nil : sqlite3_column_int64(handle, Int32(column))
    }

    /// A column of the current row as a double; nil for `NULL`.
    public func double(_ column: Int) -> Double? {
        isNull(column) ? nil : sqlite3_column_double(handle, Int32(column))
    }

    /// A column of the current row as a boolean (non-zero is true); nil for `NULL`.
    public func bool(_ column: Int) -> Bool? {
        int64(column).map { $0 != 0 }
    }

    /// A column of the current row as text, copied out of SQLite's memory; nil for `NULL`.
    public func text(_ column: Int) -> String? {
        let position = Int32(column)
        guard sqlite3_column_type(handle, position) != SQLITE_NULL,
            let bytes = sqlite3_column_text(handle, position)
        else { return nil }
        // `sqlite3_column_bytes` after `sqlite3_column_text`, as SQLite documents.
        let count = Int(sqlite3_column_bytes(handle, position))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// A column of the current row as bytes, copied; nil for `NULL`.
    public func blob(_ column: Int) -> [UInt8]? {
        let position = Int32(column)
        guard sqlite3_column_type(handle, position) != SQLITE_NULL else { return nil }
        let base = sqlite3_column_blob(handle, position)
        let count = Int(sqlite3_column_bytes(handle, position))
        guard let base, count > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// A column of the current row with its storage class.
    public func value(_ column: Int) -> SQLiteValue {
        switch sqlite3_column_type(handle, Int32(column)) {
        case SQLITE_INTEGER: .integer(sqlite3_column_int64(handle, Int32(column)))
        case SQLITE_FLOAT: .real(sqlite3_column_double(handle, Int32(column)))
        case SQLITE_TEXT: .text(text(column) ?? "")
        case SQLITE_BLOB: .blob(blob(column) ?? [])
        default: .null
        }
    }
}
