import SQLite

extension HistoryStore {
    /// Records a run, the companies it read and every ticket state it saw. Call between
    /// `begin()` and `commit()`.
    ///
    /// Runs of the same selection recorded before the history kept the server (base URL
    /// '') are taken to be of this run's server: the first run after the upgrade claims
    /// them, so a weekly series goes on, and from then on a run of another server never
    /// sees them.
    /// - Returns: the run as recorded, with its id.
    /// - Throws: `HistoryError.database` when a write fails.
    public func record(
        _ run: HistoryRun, companies: [HistoryCompany], states: some Sequence<TicketState>
    ) throws(HistoryError) -> HistoryRun {
        var recorded = run
        try claimRuns(selection: run.selection, baseURL: run.baseURL)
        do {
            try database.run(
                """
                INSERT INTO runs (as_of, as_of_text, recorded_at, selection, complete, tickets,
                    open, closed, base_url)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                .integer(run.asOf), .text(run.asOfText), .integer(run.recordedAt),
                .text(run.selection), SQLiteValue(run.complete), SQLiteValue(run.tickets),
                SQLiteValue(run.open), SQLiteValue(run.closed), .text(run.baseURL))
            recorded.id = database.lastInsertRowID

            let company = try database.prepare(
                "INSERT INTO run_companies (run_id, company_id, name, complete) VALUES (?, ?, ?, ?)"
            )
            for entry in companies {
                try company.run([
                    .integer(recorded.id), SQLiteValue(entry.id), .text(entry.name),
                    SQLiteValue(entry.complete),
                ])
            }

            let ticket = try database.prepare(
                """
                INSERT OR REPLACE INTO ticket_states (run_id, company_id, ticket_id, state,
                    is_closed, priority, assignee, created_at, updated_at, created_time)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for state in states {
                try ticket.run([
                    .integer(recorded.id), SQLiteValue(state.companyID),
                    SQLiteValue(state.ticketID), SQLiteValue(state.state),
                    SQLiteValue(state.isClosed), SQLiteValue(state.priority),
                    SQLiteValue(state.assignee), SQLiteValue(state.createdAt),
                    SQLiteValue(state.updatedAt), SQLiteValue(state.createdTime),
                ])
            }
        } catch {
            throw wrap(error)
        }
        return recorded
    }

    /// Takes the runs of a selection recorded before the history kept the server (base URL
    /// '') to be of the server `baseURL`: call it before looking for the previous run, so
    /// that the first run after the upgrade goes on with the series. Does nothing for an
    /// empty `baseURL`. Call between `begin()` and `commit()`.
    /// - Throws: `HistoryError.database` when the write fails.
    public func claimRuns(selection: String, baseURL: String) throws(HistoryError) {
        guard !baseURL.isEmpty else { return }
        do {
            try database.run(
                "UPDATE runs SET base_url = ? WHERE base_url = '' AND selection = ?",
                .text(baseURL), .text(selection))
        } catch {
            throw wrap(error)
        }
    }

    /// How many runs the history holds, of one selection (read from the server `baseURL`)
    /// or of all.
    /// - Throws: `HistoryError.database` when the read fails.
    public func runCount(selection: String? = nil, baseURL: String = "") throws(HistoryError)
        -> Int
    {
        do {
            var value = try database.scalar("SELECT count(*) FROM runs")
            if let selection {
                value = try database.scalar(
                    "SELECT count(*) FROM runs WHERE selection = ? AND base_url = ?",
                    .text(selection), .text(baseURL))
            }
            guard case .integer(let count)? = value else { return 0 }
            return Int(count)
        } catch {
            throw wrap(error)
        }
    }

    /// The ticket states a run recorded, in (company, ticket) order: for tests and for
    /// anyone looking into the history.
    /// - Throws: `HistoryError.database` when the read fails.
    public func states(ofRun id: Int64) throws(HistoryError) -> [TicketState] {
        do {
            let statement = try database.prepare(
                """
                SELECT company_id, ticket_id, state, is_closed, priority, assignee, created_at,
                    updated_at, created_time
                FROM ticket_states WHERE run_id = ? ORDER BY company_id, ticket_id
                """)
            return try statement.query([.integer(id)]) { row in
                TicketState(
                    companyID: row.int(0) ?? 0, ticketID: row.int(1) ?? 0, state: row.text(2),
                    isClosed: row.bool(3) ?? false, priority: row.int(4), assignee: row.text(5),
                    createdAt: row.text(6), updatedAt: row.text(7), createdTime: row.int64(8))
            }
        } catch {
            throw wrap(error)
        }
    }
}
