import SQLite

extension HistoryStore {
    /// The most recent complete run of a selection, read from the server `baseURL`, whose
    /// as-of time is before `asOf` (strictly: a report made again for the same as-of time
    /// is not compared with itself); the latest recorded wins a tie.
    /// - Throws: `HistoryError.database` when the read fails.
    public func previousRun(selection: String, baseURL: String = "", before asOf: Int64)
        throws(HistoryError) -> HistoryRun?
    {
        try runs(
            where: "selection = ?1 AND base_url = ?4 AND as_of < ?2 AND complete = 1",
            order: "as_of DESC, id DESC LIMIT 1",
            [.text(selection), .integer(asOf), .null, .text(baseURL)]
        ).first
    }

    /// The runs of a selection, read from the server `baseURL`, up to and including `asOf`,
    /// oldest first (by as-of time, then as recorded): the complete ones, and the run
    /// `including` whatever it is.
    /// - Throws: `HistoryError.database` when the read fails.
    public func runs(
        selection: String, baseURL: String = "", upTo asOf: Int64, including id: Int64 = 0
    ) throws(HistoryError) -> [HistoryRun] {
        try runs(
            where:
                "selection = ?1 AND base_url = ?4 AND as_of <= ?2 AND (complete = 1 OR id = ?3)",
            order: "as_of, id", [.text(selection), .integer(asOf), .integer(id), .text(baseURL)])
    }

    private func runs(where condition: String, order: String, _ values: [SQLiteValue])
        throws(HistoryError) -> [HistoryRun]
    {
        do {
            let statement = try database.prepare(
                """
                SELECT id, as_of, as_of_text, recorded_at, selection, complete, tickets, open,
                    closed, base_url
                FROM runs WHERE \(condition) ORDER BY \(order)
                """)
            return try statement.query(values) { row in
                HistoryRun(
                    id: row.int64(0) ?? 0, asOf: row.int64(1) ?? 0, asOfText: row.text(2) ?? "",
                    recordedAt: row.int64(3) ?? 0, selection: row.text(4) ?? "",
                    baseURL: row.text(9) ?? "",
                    complete: row.bool(5) ?? false, tickets: row.int(6) ?? 0,
                    open: row.int(7) ?? 0, closed: row.int(8) ?? 0)
            }
        } catch {
            throw wrap(error)
        }
    }

    /// What changed from run `previous` to run `current`, counted per company and priority
    /// for each measure (only the non-zero counts).
    ///
    /// A ticket is one (company, id). `created`: in `current` but not in `previous`, and
    /// created at or after `previous`'s as-of time (or with an unreadable `created_at`).
    /// `closed`, `reopened`, `reassigned` compare the tickets seen in both.
    /// With `inferFromAbsence` (runs that list open tickets only, so a closed ticket is
    /// simply not listed): a ticket open in `previous` and not listed in `current` counts
    /// as closed, and one not listed in `previous` but created before it as reopened; each
    /// only for a company the run that did not list it read completely.
    /// With `onlyCompaniesReadWholly` (a run some source of which failed or did not add
    /// up), only the companies `current` read completely are compared, on both sides: a
    /// company that could not be read is left out of every figure, the backlog before
    /// included, instead of its tickets counting as gone.
    /// - Throws: `HistoryError.database` when the read fails.
    public func changes(
        from previous: HistoryRun, to current: HistoryRun, inferFromAbsence: Bool,
        onlyCompaniesReadWholly: Bool = false
    ) throws(HistoryError) -> [ChangeCount] {
        do {
            let statement = try database.prepare(Self.changesSQL)
            let values: [SQLiteValue] = [
                .integer(previous.id), .integer(current.id), SQLiteValue(inferFromAbsence),
                .integer(previous.asOf), SQLiteValue(onlyCompaniesReadWholly),
            ]
            return try statement.query(values) { row in
                ChangeCount(
                    measure: ChangeMeasure(rawValue: row.text(0) ?? "") ?? .created,
                    companyID: row.int(1) ?? 0, priority: row.int(2), count: row.int(3) ?? 0)
            }
        } catch {
            throw wrap(error)
        }
    }

    /// Open tickets a run recorded in the companies that run `wholly` read completely: the
    /// backlog of a trend point counted like with like when this run could not read some
    /// company.
    /// - Throws: `HistoryError.database` when the read fails.
    public func openTickets(ofRun id: Int64, inCompaniesReadWhollyBy wholly: Int64)
        throws(HistoryError) -> Int
    {
        do {
            let value = try database.scalar(
                """
                SELECT count(*) FROM ticket_states WHERE run_id = ?1 AND is_closed = 0
                    AND company_id IN (
                        SELECT company_id FROM run_companies WHERE run_id = ?2 AND complete = 1)
                """, .integer(id), .integer(wholly))
            guard case .integer(let count)? = value else { return 0 }
            return Int(count)
        } catch {
            throw wrap(error)
        }
    }

    /// ?1 the earlier run, ?2 this run, ?3 whether to infer from absence, ?4 the earlier
    /// run's as-of time, ?5 whether to compare only the companies this run read wholly. Every lookup of a ticket in the other run goes through the primary
    /// key (run, company, ticket), so the count takes time in proportion to the tickets.
    static let changesSQL = """
        WITH
            both AS (
                SELECT c.company_id, c.priority, p.is_closed AS was_closed,
                    c.is_closed AS is_closed, ifnull(p.assignee, '') AS was_assigned,
                    ifnull(c.assignee, '') AS is_assigned
                FROM ticket_states c JOIN ticket_states p ON p.run_id = ?1
                    AND p.company_id = c.company_id AND p.ticket_id = c.ticket_id
                WHERE c.run_id = ?2),
            only_now AS (
                SELECT c.* FROM ticket_states c WHERE c.run_id = ?2 AND NOT EXISTS (
                    SELECT 1 FROM ticket_states p WHERE p.run_id = ?1
                        AND p.company_id = c.company_id AND p.ticket_id = c.ticket_id)),
            only_then AS (
                SELECT p.* FROM ticket_states p WHERE p.run_id = ?1 AND NOT EXISTS (
                    SELECT 1 FROM ticket_states c WHERE c.run_id = ?2
                        AND c.company_id = p.company_id AND c.ticket_id = p.ticket_id)),
            whole_now AS (SELECT company_id FROM run_companies WHERE run_id = ?2 AND complete = 1),
            whole_then AS (SELECT company_id FROM run_companies WHERE run_id = ?1 AND complete = 1),
            events (measure, company_id, priority) AS (
                SELECT 'created', company_id, priority FROM only_now
                    WHERE created_time IS NULL OR created_time >= ?4
                UNION ALL
                SELECT 'reopened', company_id, priority FROM only_now
                    WHERE ?3 AND is_closed = 0 AND created_time < ?4
                        AND company_id IN whole_then
                UNION ALL
                SELECT 'closed', company_id, priority FROM both
                    WHERE was_closed = 0 AND is_closed = 1
                UNION ALL
                SELECT 'closed', company_id, priority FROM only_then
                    WHERE ?3 AND is_closed = 0 AND company_id IN whole_now
                UNION ALL
                SELECT 'reopened', company_id, priority FROM both
                    WHERE was_closed = 1 AND is_closed = 0
                UNION ALL
                SELECT 'reassigned', company_id, priority FROM both
                    WHERE was_assigned <> is_assigned
                UNION ALL
                SELECT 'backlog_before', company_id, priority FROM ticket_states
                    WHERE run_id = ?1 AND is_closed = 0
                UNION ALL
                SELECT 'backlog_now', company_id, priority FROM ticket_states
                    WHERE run_id = ?2 AND is_closed = 0)
        SELECT measure, company_id, priority, count(*) FROM events
        WHERE NOT ?5 OR company_id IN whole_now
        GROUP BY measure, company_id, priority
        ORDER BY measure, company_id, priority
        """
}
