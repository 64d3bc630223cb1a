import Foundation
import History
import SQLite
import Testing

/// The schema's version check and its step-by-step migration.
struct MigrationTests {
    /// The schema version 1 shipped with, kept here as it was: a test of the migration
    /// must start from the old file, not from what the code now makes.
    static let version1 = """
        CREATE TABLE runs (id INTEGER PRIMARY KEY, as_of INTEGER NOT NULL,
            as_of_text TEXT NOT NULL, recorded_at INTEGER NOT NULL, selection TEXT NOT NULL,
            complete INTEGER NOT NULL, tickets INTEGER NOT NULL, open INTEGER NOT NULL,
            closed INTEGER NOT NULL);
        CREATE TABLE ticket_states (run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            company_id INTEGER NOT NULL, ticket_id INTEGER NOT NULL, state TEXT,
            is_closed INTEGER NOT NULL, priority INTEGER, assignee TEXT, created_at TEXT,
            updated_at TEXT, created_time INTEGER,
            PRIMARY KEY (run_id, company_id, ticket_id)) WITHOUT ROWID;
        PRAGMA user_version = 1;
        PRAGMA application_id = 1296257608;
        """

    @Test func aVersion1FileIsMigratedStepByStepKeepingItsRuns() throws {
        let history = TemporaryHistory()
        defer { history.remove() }
        let old = try Database(path: history.path)
        try old.execute(Self.version1)
        try old.execute(
            """
            INSERT INTO runs VALUES (7, 1000, 't1000', 5, 's', 1, 2, 1, 1);
            INSERT INTO ticket_states VALUES (7, 1, 10, 'open', 0, 2, 'a@x', NULL, NULL, 0);
            INSERT INTO ticket_states VALUES (7, 2, 10, 'closed', 1, 2, 'a@x', NULL, NULL, 0);
            """)
        old.close()

        let store = try HistoryStore(path: history.path)
        try store.begin()
        let previous = try store.previousRun(selection: "s", before: 2000)
        let now = try store.record(
            run(2000, [ticket(10)]), companies: [HistoryCompany(id: 1, name: "c1", complete: true)],
            states: [ticket(10)])
        let counts = try store.changes(from: #require(previous), to: now, inferFromAbsence: true)
        try store.commit()
        store.close()

        let check = try Database(path: history.path)
        #expect(try check.scalar("PRAGMA user_version") == .integer(3))
        #expect(HistoryStore.schemaVersion == 3)
        #expect(previous?.id == 7 && previous?.open == 1)
        // Version 2's run_companies was filled from the old run's tickets, so a company
        // whose ticket is no longer listed is known to have been read whole.
        #expect(
            try check.scalar("SELECT group_concat(company_id) FROM run_companies WHERE run_id = 7")
                == .text("1,2"))
        #expect(counts.contains { $0.measure == .backlogBefore && $0.count == 1 })
    }

    /// The schema version 2 shipped with, as it was.
    static let version2 = """
        CREATE TABLE runs (id INTEGER PRIMARY KEY, as_of INTEGER NOT NULL,
            as_of_text TEXT NOT NULL, recorded_at INTEGER NOT NULL, selection TEXT NOT NULL,
            complete INTEGER NOT NULL, tickets INTEGER NOT NULL, open INTEGER NOT NULL,
            closed INTEGER NOT NULL);
        CREATE TABLE ticket_states (run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            company_id INTEGER NOT NULL, ticket_id INTEGER NOT NULL, state TEXT,
            is_closed INTEGER NOT NULL, priority INTEGER, assignee TEXT, created_at TEXT,
            updated_at TEXT, created_time INTEGER,
            PRIMARY KEY (run_id, company_id, ticket_id)) WITHOUT ROWID;
        CREATE TABLE run_companies (run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            company_id INTEGER NOT NULL, name TEXT, complete INTEGER NOT NULL,
            PRIMARY KEY (run_id, company_id)) WITHOUT ROWID;
        CREATE INDEX runs_by_selection ON runs (selection, as_of);
        PRAGMA user_version = 2;
        PRAGMA application_id = 1296257608;
        """

    @Test func aVersion2FileGainsTheServerAndTheFirstRunAfterwardsClaimsItsRuns() throws {
        let history = TemporaryHistory()
        defer { history.remove() }
        let old = try Database(path: history.path)
        try old.execute(Self.version2)
        try old.execute(
            """
            INSERT INTO runs VALUES (7, 1000, 't1000', 5, 's', 1, 1, 1, 0);
            INSERT INTO ticket_states VALUES (7, 1, 10, 'open', 0, 2, 'a@x', NULL, NULL, 0);
            INSERT INTO run_companies VALUES (7, 1, 'c1', 1);
            """)
        old.close()
        let server = "https://maxcloud.example.com"
        var now = run(2000, [ticket(10)])
        now.baseURL = server

        let store = try HistoryStore(path: history.path)
        try store.begin()
        let migrated = try store.runs(selection: "s", upTo: 2000)
        try store.claimRuns(selection: "s", baseURL: server)
        let previous = try store.previousRun(selection: "s", baseURL: server, before: 2000)
        _ = try store.record(now, companies: [], states: [ticket(10)])
        let otherServer = try store.previousRun(
            selection: "s", baseURL: "https://other.example.com", before: 3000)
        let count = try store.runCount(selection: "s", baseURL: server)
        try store.commit()
        store.close()

        let check = try Database(path: history.path)
        #expect(try check.scalar("PRAGMA user_version") == .integer(3))
        #expect(migrated.map(\.id) == [7] && migrated.first?.baseURL == "")
        #expect(previous?.id == 7 && previous?.baseURL == server)
        #expect(otherServer == nil)
        #expect(count == 2)
        #expect(
            try check.scalar("SELECT group_concat(DISTINCT base_url) FROM runs") == .text(server))
    }

    @Test func anEmptyFileBecomesTheCurrentVersion() throws {
        let history = TemporaryHistory()
        defer { history.remove() }

        let store = try HistoryStore(path: history.path)
        try store.begin()
        try store.commit()
        store.close()

        let check = try Database(path: history.path)
        #expect(
            try check.scalar("PRAGMA user_version") == .integer(Int64(HistoryStore.schemaVersion)))
        #expect(try check.scalar("PRAGMA application_id") == .integer(0x4D43_5248))
    }

    @Test func aFileOfANewerToolIsRefusedAndLeftAlone() throws {
        let history = TemporaryHistory()
        defer { history.remove() }
        let newer = try Database(path: history.path)
        try newer.execute(
            "CREATE TABLE future (x); PRAGMA user_version = 99; PRAGMA application_id = 1296257608")
        newer.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: history.path))

        let store = try HistoryStore(path: history.path)
        let error = #expect(throws: HistoryError.self) { try store.begin() }
        store.close()

        #expect(error?.description.contains("newer maxcloud-report (schema version 99") == true)
        #expect(error?.description.contains("--no-history") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: history.path)) == before)
    }

    @Test func anotherProgramsDatabaseOrAnyOtherFileIsRefused() throws {
        let history = TemporaryHistory()
        defer { history.remove() }
        let other = try Database(path: history.path)
        try other.execute("CREATE TABLE notes (text)")
        other.close()
        let junk = history.folder.appendingPathComponent("junk.sqlite")
        try Data(repeating: 0x20, count: 2048).write(to: junk)

        let theirs = try HistoryStore(path: history.path)
        let notOurs = #expect(throws: HistoryError.self) { try theirs.begin() }
        let text = try HistoryStore(path: junk.path)
        let notSQLite = #expect(throws: HistoryError.self) { try text.begin() }

        #expect(notOurs?.description.contains("not a maxcloud-report history") == true)
        #expect(notSQLite?.description.contains("not an SQLite database") == true)
    }
}

/// A damaged file is found before a run fetches anything, and left as it is.
struct DamagedHistoryTests {
    @Test func aTruncatedOrOverwrittenFileIsDamaged() throws {
        let history = TemporaryHistory()
        defer { history.remove() }
        let states = (1...500).map { ticket($0) }
        try record(history.path, run(100, states), states)
        let whole = try Data(contentsOf: URL(fileURLWithPath: history.path))
        let garbage = history.folder.appendingPathComponent("garbage.sqlite")
        try Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: garbage)
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: history.path))

        let truncated = #expect(throws: HistoryError.self) {
            try HistoryStore.checkUsable(path: history.path)
        }
        let overwritten = #expect(throws: HistoryError.self) {
            try HistoryStore.checkUsable(path: garbage.path)
        }

        for error in [truncated, overwritten] {
            guard case .damaged? = error else {
                Issue.record("expected .damaged, got \(String(describing: error))")
                continue
            }
            #expect(error?.description.contains("move it aside") == true)
            #expect(error?.description.contains("--no-history") == true)
        }
        #expect(truncated?.description.contains(history.path) == true)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: history.path))
                == whole.prefix(whole.count / 2))
    }

    @Test func aSoundFileAndAMissingOneAreUsable() throws {
        let history = TemporaryHistory()
        defer { history.remove() }

        try HistoryStore.checkUsable(path: history.path)
        try record(history.path, run(100, [ticket(1)]), [ticket(1)])
        try HistoryStore.checkUsable(path: history.path)
    }
}
