internal import CSQLite

extension Database {
    /// How a transaction takes its lock.
    public enum TransactionKind: String, Sendable {
        /// The lock is taken by the first read or write (SQLite's default).
        case deferred = "DEFERRED"
        /// The write lock is taken at once, so that two writers queue at `BEGIN` (waiting
        /// up to the busy timeout) instead of one failing half-way.
        case immediate = "IMMEDIATE"
        /// No other connection may read or write until the end.
        case exclusive = "EXCLUSIVE"
    }

    /// Whether a transaction is open on this connection.
    public var isInTransaction: Bool {
        handle.map { sqlite3_get_autocommit($0) == 0 } ?? false
    }

    /// Begins a transaction.
    /// - Throws: `SQLiteError`, `isBusy` when another connection kept the lock past the
    ///   busy timeout.
    public func begin(_ kind: TransactionKind = .deferred) throws(SQLiteError) {
        try execute("BEGIN \(kind.rawValue)")
    }

    /// Commits the open transaction.
    /// - Throws: `SQLiteError`; the transaction is then still open (roll it back).
    public func commit() throws(SQLiteError) {
        try execute("COMMIT")
    }

    /// Rolls back the open transaction, if there is one.
    /// - Throws: `SQLiteError` when SQLite cannot roll back.
    public func rollback() throws(SQLiteError) {
        guard isInTransaction else { return }
        try execute("ROLLBACK")
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    /// - Throws: what `body` throws, or `SQLiteError` from `BEGIN` or `COMMIT`.
    public func transaction<T>(_ kind: TransactionKind = .deferred, _ body: () throws -> T)
        throws -> T
    {
        try begin(kind)
        do {
            let result = try body()
            try commit()
            return result
        } catch {
            try? rollback()
            throw error
        }
    }
}
