extension TicketFetcher {
    /// How often a source whose unique tickets do not match `result_count` is read again.
    static let rereads = 2

    /// Reads every ticket of a source; when the tickets do not add up to the server's
    /// `result_count` (tickets moved while paging), the source is read again, up to
    /// `rereads` times, and the last reading is returned with a warning if it still differs.
    public func fetch(_ source: TicketSource, company: Company) async throws -> SourceResult {
        var result = try await readOnce(source, company: company)
        var previous: SourceResult?
        var tries = 1
        while !result.complete, tries <= Self.rereads {
            // Two readings that list the very same tickets, as many entries as result_count
            // says, with a ticket more than once: the server lists it twice, nothing moved.
            if let previous, result.repeatsTheSameListing(as: previous) {
                result.complete = true
                result.warnings.append(
                    "\(source): the server listed \(result.fetched - result.tickets.count) "
                        + "ticket\(result.fetched - result.tickets.count == 1 ? "" : "s") more than "
                        + "once (result_count \(result.resultCount) counts every listing, in "
                        + "\(tries) readings alike); each ticket is counted once")
                return result
            }
            previous = result
            tries += 1
            result = try await readOnce(source, company: company)
        }
        if !result.complete {
            var told =
                "\(source): read \(result.tickets.count) unique tickets"
                + (result.unreadable > 0 ? " and \(result.unreadable) unreadable entries" : "")
                + " but the server reported "
                + "result_count \(result.firstResultCount) on the first page and "
                + "\(result.resultCount) on the last"
            if let moved = result.countsMoved {
                told += ", and \(moved)"
            }
            result.warnings.append(
                told + ", after \(tries) readings; tickets probably changed while paging")
        }
        return result
    }

    /// One pass over the pages of a source.
    ///
    /// Pages 2 up to the announced `page_count` are read concurrently, but never more
    /// than `result_count` needs at the page size the server really gave (a server that
    /// announces a billion pages for forty tickets is read to the seventh page). Pages
    /// past that are read one by one while they bring tickets not seen before; past the
    /// plausible end, the first page that brings none ends the source, and so do a few
    /// pages in a row that bring none anywhere, so no answer can keep a source going.
    func readOnce(_ source: TicketSource, company: Company) async throws -> SourceResult {
        let first = try await page(1, of: source, company: company)
        var pages: [Int: TicketPage] = [1: first]
        let plausible = Self.plausiblePages(first: first)
        onPage?(source, 1, min(first.pageCount, plausible), first.tickets.count)

        var seen = Set<Int>()
        for ticket in first.tickets { seen.insert(ticket.id) }
        var barren = 0  // pages in a row that brought no ticket not seen before
        let concurrentEnd = min(first.pageCount, plausible)
        if concurrentEnd > 1 {
            let more = try await readPages(
                2...concurrentEnd, of: source, company: company,
                ticketsBefore: first.tickets.count)
            pages.merge(more) { old, _ in old }
            for number in pages.keys.sorted() where number > 1 {
                let fresh = pages[number]!.tickets.filter { seen.insert($0.id).inserted }
                barren = fresh.isEmpty ? barren + 1 : 0
            }
        }

        // Pages announced later (the list grew), never announced (page_count 0 with
        // tickets present), or announced beyond what result_count needs: one by one.
        var next = (pages.keys.max() ?? 1) + 1
        let limit = Self.pageLimit(first: first)
        while next <= limit, barren < Self.barrenPagesToStop {
            let last = pages[next - 1]!
            let announced = max(last.pageCount, first.pageCount)
            let unannounced =
                announced < next && !last.tickets.isEmpty && seen.count < last.resultCount
            guard next <= announced || unannounced else { break }
            let extra = try await page(next, of: source, company: company)
            let fresh = extra.tickets.filter { !seen.contains($0.id) }
            // Past the end: repeats or nothing.
            if (next > announced || next > plausible) && fresh.isEmpty { break }
            pages[next] = extra
            for ticket in extra.tickets { seen.insert(ticket.id) }
            barren = fresh.isEmpty ? barren + 1 : 0
            onPage?(source, pages.count, max(min(announced, plausible), next), seen.count)
            next += 1
        }
        var result = Self.merge(pages, source: source, plausible: plausible)
        if first.pageCount > plausible + 1 {
            result.warnings.append(
                "\(source): the server announced \(first.pageCount) pages, but result_count "
                    + "\(first.resultCount) at \(max(1, first.tickets.count)) tickets a page needs "
                    + "\(plausible); \(pages.count) were read (request_id "
                    + "\(first.requestID ?? "none"))")
        }
        return result
    }

    /// Pages in a row that bring no ticket not seen before after which a source is not read
    /// further, however many pages the server announced.
    static let barrenPagesToStop = 5

    /// The pages that `result_count` needs at the page size the first page shows (at
    /// least 1).
    static func plausiblePages(first: TicketPage) -> Int {
        let perPage = max(1, first.tickets.count)
        let needed = first.resultCount / perPage + (first.resultCount % perPage > 0 ? 1 : 0)
        return min(max(1, needed), 1 << 40)
    }

    /// A bound on the pages read for one source, so that a server that never stops
    /// answering with new pages cannot keep the run going forever.
    static func pageLimit(first: TicketPage) -> Int {
        let plausible = plausiblePages(first: first)
        return max(plausible, min(first.pageCount, plausible + 1_000)) * 2 + 2
    }

    /// Reads pages concurrently: `concurrency` requests on the network at once, and a
    /// few more pages started, so that decoding one answer overlaps the next round trip.
    /// No page is started once `barrenPagesToStop` pages have come back empty, so that
    /// a `result_count` that lies cannot make it read empty pages without end.
    /// Progress counts `ticketsBefore` (the first page's) too.
    private func readPages(
        _ numbers: ClosedRange<Int>, of source: TicketSource, company: Company,
        ticketsBefore: Int
    ) async throws -> [Int: TicketPage] {
        let gate = RequestGate(limit: concurrency)
        return try await withThrowingTaskGroup(of: (Int, TicketPage).self) { group in
            var pending = numbers.makeIterator()
            var empty = 0
            func start() -> Bool {
                guard empty < Self.barrenPagesToStop else { return false }
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
                if page.tickets.isEmpty { empty += 1 }
                onPage?(source, pages.count + 1, numbers.count + 1, tickets)
                _ = start()
            }
            return pages
        }
    }

    /// Puts the pages together: one ticket per id, first seen first, and what did not add up.
    static func merge(
        _ pages: [Int: TicketPage], source: TicketSource, plausible: Int = .max
    ) -> SourceResult {
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
            if page.tickets.isEmpty, number < last.pageCount, number <= plausible {
                warnings.append(
                    "\(source), page \(number) of \(last.pageCount) came back empty "
                        + "(request_id \(page.requestID ?? "none"))")
            }
        }
        // An entry without a readable id cannot be told apart from the others, so it is
        // left out of the counts but still stands for one of the server's results.
        let listed = tickets.count + unreadable
        // The scope's counts moving from one page to another mean the list changed while
        // paging: a result_count that differs on a middle page while the first and the last
        // agree (when they differ, that alone says so), or open and closed moving while
        // result_count stayed the same (a ticket swapped for another).
        let endsAgree = first.resultCount == last.resultCount
        var countsMoved: String?
        for number in numbers.dropFirst() where countsMoved == nil {
            let page = pages[number]!
            let at = number == numbers.last ? "the last" : "page \(number)"
            countsMoved =
                (endsAgree
                    ? SourceResult.moved(
                        "result_count", first.resultCount, page.resultCount, at: at)
                    : nil)
                ?? SourceResult.moved("open", first.open, page.open, at: at)
                ?? SourceResult.moved("closed", first.closed, page.closed, at: at)
        }
        let complete =
            listed == last.resultCount && listed == first.resultCount && countsMoved == nil
        return SourceResult(
            source: source, pages: numbers.count, pageCount: last.pageCount,
            firstResultCount: first.resultCount, resultCount: last.resultCount, fetched: fetched,
            unreadable: unreadable,
            serverOpen: last.open, serverClosed: last.closed, tickets: tickets,
            warnings: warnings, complete: complete, countsMoved: countsMoved)
    }
}
