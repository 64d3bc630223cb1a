internal import CSQLite
import Foundation

/// What can go wrong talking to SQLite. Each case carries SQLite's own message
/// (`sqlite3_errmsg`) and, where a statement was involved, the SQL that failed.
public enum SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database file could not be opened (or created).
    case open(path: String, code: Int32, message: String)
    /// A statement could not be compiled.
    case prepare(sql: String, code: Int32, message: String)
    /// A value could not be bound to a parameter (1-based `index`) of a statement.
    case bind(sql: String, index: Int, code: Int32, message: String)
    /// A statement failed while it ran.
    case step(sql: String, code: Int32, message: String)

    /// SQLite's extended result code.
    public var extendedCode: Int32 {
        switch self {
        case .open(_, let code, _), .prepare(_, let code, _), .bind(_, _, let code, _),
            .step(_, let code, _):
            code
        }
    }

    /// SQLite's primary result code (`SQLITE_BUSY` is 5, `SQLITE_NOTADB` 26, and so on).
    public var code: Int32 { extendedCode & 0xFF }

    /// SQLite's message.
    public var message: String {
        switch self {
        case .open(_, _, let message), .prepare(_, _, let message), .bind(_, _, _, let message),
            .step(_, _, let message):
            message
        }
    }

    /// The SQL that failed, when a statement was involved.
    public var sql: String? {
        switch self {
        case .open: nil
        case .prepare(let sql, _, _), .bind(let sql, _, _, _), .step(let sql, _, _): sql
        }
    }

    /// Whether another connection held the database locked for longer than the busy timeout.
    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }

    /// Whether the file is not an SQLite database (or is encrypted).
    public var isNotADatabase: Bool { code == SQLITE_NOTADB }

    /// Whether SQLite found the file damaged (`SQLITE_CORRUPT`): truncated, or overwritten.
    public var isCorrupt: Bool { code == SQLITE_CORRUPT }

    /// What failed, SQLite's message and code, and what to do about the common failures.
    public var description: String {
        let what: String
        switch self {
        case .open(let path, _, let message):
            what = "cannot open the SQLite database '\(path)': \(message)"
        case .prepare(let sql, _, let message):
            what = "SQLite could not compile \(Self.quoted(sql)): \(message)"
        case .bind(let sql, let index, _, let message):
            what = "SQLite could not bind parameter \(index) of \(Self.quoted(sql)): \(message)"
        case .step(let sql, _, let message):
            what = "SQLite failed running \(Self.quoted(sql)): \(message)"
        }
        return what + " (SQLite error \(extendedCode))" + (hint.map { "; \($0)" } ?? "")
    }

    /// What a person can do about the common failures.
    private var hint: String? {
        switch code {
        case SQLITE_BUSY, SQLITE_LOCKED:
            "another process kept the database locked past the busy timeout; try again when it has finished"
        case SQLITE_READONLY: "the file or its folder cannot be written; check the permissions"
        case SQLITE_CANTOPEN: "check that the folder exists and can be written"
        case SQLITE_NOTADB: "the file is not an SQLite database; choose another file"
        case SQLITE_CORRUPT: "the file is damaged; move it aside or restore it from a backup"
        case SQLITE_FULL: "the disk is full; free some space and try again"
        case SQLITE_IOERR: "reading or writing the file failed; check the disk and the file system"
        default: nil
        }
    }

    /// The SQL on one line, shortened when long.
    private static func quoted(_ sql: String) -> String {
        let line = sql.split(whereSeparator: \.isNewline).map {
            $0.trimmingCharacters(in: .whitespaces)
        }.joined(separator: " ")
        return "'\(line.count > 200 ? String(line.prefix(199)) + "…" : line)'"
    }
}
