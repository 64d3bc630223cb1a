import Foundation
import SQLite
import Testing

/// The Swift face over SQLite: typed binds and reads, errors, transactions, locks.
struct DatabaseTests {
    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent(
            "sqlite-\(UUID().uuidString).sqlite"
        ).path
    }

    @Test func valuesRoundTripWithTheirStorageClass() throws {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE t (a, b, c, d, e)")
        let text = "运维二组, \"quoted\"\n\u{0}after a NUL"

        try database.run(
            "INSERT INTO t VALUES (?, ?, ?, ?, ?)", .integer(Int64.min), .real(2.5), .text(text),
            .blob([0, 1, 255]), nil)
        try database.run("INSERT INTO t VALUES (?, ?, ?, ?, ?)", "", .blob([]), 0, 1.0, "x")
        let rows = try database.prepare("SELECT a, b, c, d, e FROM t ORDER BY rowid").query {
            (0..<$0.columnCount).map($0.value)
        }

        #expect(
            rows[0] == [.integer(Int64.min), .real(2.5), .text(text), .blob([0, 1, 255]), .null])
        #expect(rows[1] == [.text(""), .blob([]), .integer(0), .real(1), .text("x")])
    }

    @Test func typedReadsAndOptionalBinds() throws {
        let database = try Database(path: ":memory:")
        let statement = try database.prepare("SELECT ?, ?, ?, ?, ?")

        try statement.bind([
            SQLiteValue(42 as Int?), SQLiteValue(nil as String?), SQLiteValue(true),
            SQLiteValue("héllo"), SQLiteValue(0.25),
        ])
        #expect(try statement.step())

        #expect(statement.int(0) == 42)
        #expect(statement.text(1) == nil && statement.isNull(1))
        #expect(statement.bool(2) == true)
        #expect(statement.text(3) == "héllo")
        #expect(statement.double(4) == 0.25)
        #expect(statement.columnName(0) == "?")
        #expect(try !statement.step())
    }

    @Test func errorsCarrySQLitesMessageAndTheSQL() throws {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")

        let compile = #expect(throws: SQLiteError.self) { try database.prepare("SELEC 1") }
        let constraint = #expect(throws: SQLiteError.self) {
            try database.run("INSERT INTO t (id, name) VALUES (?, ?)", 1, nil)
        }
        let bind = #expect(throws: SQLiteError.self) {
            try database.prepare("SELECT ?").bind([1, 2])
        }

        #expect(compile?.sql == "SELEC 1")
        #expect(compile?.description.contains("syntax error") == true)
        #expect(constraint?.message.contains("NOT NULL constraint failed: t.name") == true)
        #expect(constraint?.description.contains("INSERT INTO t (id, name)") == true)
        #expect(bind?.description.contains("parameter 2") == true)
    }

    @Test func openingAFolderThatDoesNotExistSaysWhere() {
        let path = "/nonexistent-\(UUID().uuidString)/h.sqlite"

        let error = #expect(throws: SQLiteError.self) { try Database(path: path) }

        #expect(error?.description.contains(path) == true)
        #expect(error?.description.contains("check that the folder exists") == true)
    }

    @Test func aTransactionThatThrowsIsRolledBack() throws {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE t (x)")
        struct Stop: Error {}

        #expect(throws: Stop.self) {
            try database.transaction {
                try database.run("INSERT INTO t VALUES (1)")
                throw Stop()
            }
        }
        try database.transaction(.immediate) { try database.run("INSERT INTO t VALUES (2)") }

        #expect(try database.scalar("SELECT group_concat(x) FROM t") == .text("2"))
        #expect(!database.isInTransaction)
    }

    @Test func aSecondWriterWaitsForTheBusyTimeoutThenFails() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try Database(path: path)
        let second = try Database(path: path)
        try first.execute("CREATE TABLE t (x)")
        second.setBusyTimeout(.milliseconds(200))

        try first.begin(.immediate)
        let started = ContinuousClock.now
        let error = #expect(throws: SQLiteError.self) { try second.begin(.immediate) }
        let waited = ContinuousClock.now - started
        try first.commit()
        try second.begin(.immediate)
        try second.commit()

        #expect(error?.isBusy == true)
        #expect(error?.description.contains("another process kept the database locked") == true)
        #expect(waited >= .milliseconds(150))
    }

    @Test func aFileThatIsNotADatabaseIsNamedSo() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        let database = try Database(path: path)

        let error = #expect(throws: SQLiteError.self) {
            try database.scalar("PRAGMA user_version")
        }

        #expect(error?.isNotADatabase == true)
    }
}
