extension TicketFetcher {
    /// How often a source whose unique tickets do not match `result_count` is read again.
    static let rereads = 2

    /// Reads every ticket of a source; when the tickets do not add up to the server's
    /// `result_count` (tickets moved while paging), the source is read again, up to
    /// `rereads` times, and the last reading is returned with a warning if it still differs.
    public func fetch(_ source: TicketSource, company: Company) async throws -> SourceResult {
        var result = try await readOnce(source, company: company)
        var tries = 1
        while !result.complete, tries <= Self.rereads {
            tries += 1
            result = try await readOnce(source, company: company)
        }
        if !result.complete {
            result.warnings.append(
                "\(source): read \(result.tickets.count) unique tickets"
                    + (result.unreadable > 0 ? " and \(result.unreadable) unreadable entries" : "")
                    + " but the server reported "
                    + "result_count \(result.firstResultCount) on the first page and "
                    + "\(result.resultCount) on the last, after \(tries) readings; "
                    + "tickets probably changed while paging")
        }
        return result
    }

    /// One pass over the pages of a source.
    func readOnce(_ source: TicketSource, company: Company) async throws -> SourceResult {
        let first = try await page(1, of: source, company: company)
        var pages: [Int: TicketPage] = [1: first]
        onPage?(source, 1, first.pageCount, first.tickets.count)

        // The rest of the pages the first one announced, concurrently.
        if first.pageCount > 1 {
            let more = try await readPages(
                Array(2...first.pageCount), of: source, company: company,
                ticketsBefore: first.tickets.count)
            pages.merge(more) { old, _ in old }
        }

        // Pages announced later (the list grew) or never announced (page_count 0 with
        // tickets present) are read one by one while they bring tickets not seen before.
        var seen = Set<Int>()
        for number in pages.keys.sorted() {
            for ticket in pages[number]!.tickets { seen.insert(ticket.id) }
        }
        var next = (pages.keys.max() ?? 1) + 1
        let limit = Self.pageLimit(first: first)
        while next <= limit {
            let last = pages[next - 1]!
            let announced = max(last.pageCount, first.pageCount)
            let unannounced =
                announced < next && !last.tickets.isEmpty && seen.count < last.resultCount
            guard next <= announced || unannounced else { break }
            let extra = try await page(next, of: source, company: company)
            let fresh = extra.tickets.filter { !seen.contains($0.id) }
            if next > announced && fresh.isEmpty { break }  // past the end: repeats or nothing
            pages[next] = extra
            for ticket in extra.tickets { seen.insert(ticket.id) }
            onPage?(source, pages.count, max(extra.pageCount, announced), seen.count)
            next += 1
        }
        return Self.merge(pages, source: source)
    }

    /// A bound on the pages read for one source, so that a server that never stops
    /// answering with new pages cannot keep the run going forever.
    static func pageLimit(first: TicketPage) -> Int {
        let perPage = max(1, first.tickets.count)
        let byCount = (first.resultCount + perPage - 1) / perPage
        return max(first.pageCount, byCount) * 2 + 2
    }

    /// Reads pages concurrently: `concurrency` requests on the network at once, and a
    /// few more pages started, so that decoding one answer overlaps the next round trip.
    /// Progress counts `ticketsBefore` (the first page's) too.
    private func readPages(
        _ numbers: [Int], of source: TicketSource, company: Company, ticketsBefore: Int
    ) async throws -> [Int: TicketPage] {
        let gate = RequestGate(limit: concurrency)
        return try await withThrowingTaskGroup(of: (Int, TicketPage).self) { group in
            var pending = numbers.makeIterator()
            func start() -> Bool {
                guard let number = pending.next() else { return false }
                group.addTask {
                    (number, try await page(number, of: source, company: company, gate: gate))
                }
                return true
            }
            for _ in 0..<(concurrency + 2) where !start() { break }
            var pages: [Int: TicketPage] = [:]
            var tickets = ticketsBefore
            while let (number, page) = try await group.next() {
                pages[number] = page
                tickets += page.tickets.count
                onPage?(source, pages.count + 1, numbers.count + 1, tickets)
                _ = start()
            }
            return pages
        }
    }

    /// Puts the pages together: one ticket per id, first seen first, and what did not add up.
    static func merge(_ pages: [Int: TicketPage], source: TicketSource) -> SourceResult {
        let numbers = pages.keys.sorted()
        let first = pages[numbers.first ?? 1]!
        let last = pages[numbers.last ?? 1]!
        var seen = Set<Int>()
        var tickets: [Ticket] = []
        var fetched = 0
        var unreadable = 0
        var warnings: [String] = []
        for number in numbers {
            let page = pages[number]!
            fetched += page.tickets.count
            unreadable += page.unreadable
            for ticket in page.tickets where seen.insert(ticket.id).inserted {
                tickets.append(ticket)
            }
            for problem in page.problems {
                warnings.append(
                    "\(source), page \(number): \(problem) (request_id \(page.requestID ?? "none"))"
                )
            }
            if page.tickets.isEmpty, number < last.pageCount {
                warnings.append(
                    "\(source), page \(number) of \(last.pageCount) came back empty "
                        + "(request_id \(page.requestID ?? "none"))")
            }
        }
        // An entry without a readable id cannot be told apart from the others, so it is
        // left out of the counts but still stands for one of the server's results.
        let listed = tickets.count + unreadable
        let complete = listed == last.resultCount && listed == first.resultCount
        return SourceResult(
            source: source, pages: numbers.count, pageCount: last.pageCount,
            firstResultCount: first.resultCount, resultCount: last.resultCount, fetched: fetched,
            unreadable: unreadable,
            serverOpen: last.open, serverClosed: last.closed, tickets: tickets,
            warnings: warnings, complete: complete)
    }
}
