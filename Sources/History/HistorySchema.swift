import SQLite

/// The history's schema: a list of steps, each taking the file from one version to the
/// next. The version is SQLite's `PRAGMA user_version`; `PRAGMA application_id` marks the
/// file as ours. A file is brought forward one step at a time inside the run's
/// transaction, so a run that fails also leaves the schema as it was.
///
/// To change the schema, append a step; never edit one that has shipped.
enum HistorySchema {
    /// One step: the SQL that takes version `version - 1` to `version`.
    struct Migration {
        let version: Int
        let sql: String
    }

    /// `MCRH`, in `PRAGMA application_id`.
    static let applicationID: Int64 = 0x4D43_5248

    /// Every step, in order; the last one's version is the current version.
    static let migrations = [
        Migration(
            version: 1,
            sql: """
                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY,
                    as_of INTEGER NOT NULL,
                    as_of_text TEXT NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    selection TEXT NOT NULL,
                    complete INTEGER NOT NULL,
                    tickets INTEGER NOT NULL,
                    open INTEGER NOT NULL,
                    closed INTEGER NOT NULL
                );
                CREATE TABLE ticket_states (
                    run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                    company_id INTEGER NOT NULL,
                    ticket_id INTEGER NOT NULL,
                    state TEXT,
                    is_closed INTEGER NOT NULL,
                    priority INTEGER,
                    assignee TEXT,
                    created_at TEXT,
                    updated_at TEXT,
                    created_time INTEGER,
                    PRIMARY KEY (run_id, company_id, ticket_id)
                ) WITHOUT ROWID;
                """),
        Migration(
            version: 2,
            sql: """
                CREATE TABLE run_companies (
                    run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                    company_id INTEGER NOT NULL,
                    name TEXT,
                    complete INTEGER NOT NULL,
                    PRIMARY KEY (run_id, company_id)
                ) WITHOUT ROWID;
                INSERT INTO run_companies (run_id, company_id, name, complete)
                    SELECT DISTINCT run_id, company_id, NULL, 1 FROM ticket_states;
                CREATE INDEX runs_by_selection ON runs (selection, as_of);
                """),
        // The server is part of what a run is compared by. Runs recorded before have ''
        // (not known); the first run of their selection recorded after claims them.
        Migration(
            version: 3,
            sql: """
                ALTER TABLE runs ADD COLUMN base_url TEXT NOT NULL DEFAULT '';
                DROP INDEX runs_by_selection;
                CREATE INDEX runs_by_selection ON runs (selection, base_url, as_of);
                """),
    ]

    /// The version this build writes.
    static var current: Int { migrations.last?.version ?? 0 }

    /// Checks that the file is ours and not from a newer tool, then applies the steps it
    /// lacks. Call inside a write transaction.
    /// - Throws: `HistoryError.newerVersion`, `.notHistory`, or the SQLite error.
    static func migrate(_ database: Database, path: String) throws(HistoryError) {
        let (version, application) = try check(database, path: path)
        do {
            for step in migrations where step.version > version {
                try database.execute(step.sql)
                try database.execute("PRAGMA user_version = \(step.version)")
            }
            if application != applicationID {
                try database.execute("PRAGMA application_id = \(applicationID)")
            }
        } catch {
            throw HistoryStore.wrap(error, path: path)
        }
    }

    /// The file's schema version and application id, once it is known to be ours (or
    /// empty) and not of a newer tool.
    /// - Throws: `HistoryError.newerVersion`, `.notHistory`, or the SQLite error.
    static func check(_ database: Database, path: String) throws(HistoryError) -> (
        version: Int, application: Int64
    ) {
        let version: Int
        let application: Int64
        let tables: Int64
        do {
            version = Int(try integer(database, "PRAGMA user_version"))
            application = try integer(database, "PRAGMA application_id")
            tables = try integer(database, "SELECT count(*) FROM sqlite_schema")
        } catch {
            throw HistoryStore.wrap(error, path: path)
        }
        guard version <= current else {
            throw .newerVersion(path: path, found: version, supported: current)
        }
        if application != applicationID {
            guard application == 0, version == 0, tables == 0 else {
                throw .notHistory(
                    path: path,
                    reason: "an SQLite database of another program, application id \(application)")
            }
        }
        return (version, application)
    }

    private static func integer(_ database: Database, _ sql: String) throws(SQLiteError) -> Int64 {
        guard case .integer(let value)? = try database.scalar(sql) else { return 0 }
        return value
    }
}
