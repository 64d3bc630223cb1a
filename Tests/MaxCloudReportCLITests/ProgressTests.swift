import Foundation
import Synchronization
import Testing

@testable import MaxCloud
@testable import MaxCloudReportCLI
@testable import Reports

/// A clock a test moves by hand.
final class FakeClock: Sendable {
    private let seconds = Mutex(100.0)

    var now: @Sendable () -> Double { { self.seconds.withLock { $0 } } }

    func advance(_ by: Double) { seconds.withLock { $0 += by } }
}

/// The progress display, driven by events and a fake clock, written to a string.
@Suite struct ProgressTests {
    static let companies = [Company(id: 1, name: "DefaultTeam"), Company(id: 2, name: "运维二组")]

    static func source(_ id: Int) -> TicketSource {
        TicketSource(companyID: id, companyName: companies[id - 1].name, scope: .company)
    }

    static func done(_ id: Int, pages: Int, tickets: Int) -> FetchEvent {
        .sourceDone(
            SourceResult(
                source: source(id), pages: pages, pageCount: pages, firstResultCount: tickets,
                resultCount: tickets, fetched: tickets, unreadable: 0, serverOpen: nil,
                serverClosed: nil, tickets: (0..<tickets).map { Ticket(id: $0) }, warnings: [],
                complete: true))
    }

    static func request(company: Int?, retry: String? = nil) -> FetchEvent {
        .request(
            RequestEvent(
                call: .listTickets, method: "GET",
                path: "/api/tickets?scope=0&page=2&page_size=100",
                context: RequestContext(companyID: company), status: retry == nil ? 200 : 502,
                requestID: "req-7", milliseconds: 12, attempt: 1, retryReason: retry))
    }

    func reporter(
        _ mode: ProgressMode, colour: Bool = false, verbose: Bool = false, columns: Int = 80
    )
        -> (ProgressReporter<String>, FakeClock)
    {
        let clock = FakeClock()
        let reporter = ProgressReporter(
            mode: mode, colour: colour, verbose: verbose, sourcesPerCompany: 1, output: "",
            clock: clock.now, columns: columns)
        return (reporter, clock)
    }

    /// The board a terminal shows last: the last three lines written, escapes gone.
    func lastFrame(_ output: String) -> [String] {
        plain(output).split(separator: "\n").suffix(3).map(String.init)
    }

    func plain(_ text: String) -> String {
        text.replacing(/\u{1B}\[[0-9;]*[A-Za-z]/, with: "").replacingOccurrences(of: "\r", with: "")
    }

    @Test func liveModeDrawsALinePerCompanyAndRedrawsItInPlace() {
        let (reporter, clock) = reporter(.live)

        reporter.handle(.loggedIn(all: Self.companies, selected: Self.companies))
        clock.advance(0.5)
        reporter.handle(.page(Self.source(1), pages: 1, pageCount: 3, tickets: 100))
        clock.advance(0.5)
        reporter.handle(.page(Self.source(1), pages: 2, pageCount: 3, tickets: 200))
        reporter.handle(Self.done(2, pages: 2, tickets: 150))

        let output = reporter.snapshot.output
        #expect(
            output.hasPrefix("logged in; reading 2 of 2 companies\n\u{1B}[2Kfetching 2 companies"))
        #expect(
            output.components(separatedBy: "\r\u{1B}[3A").count == 4, "three redraws of three lines"
        )
        let frame = lastFrame(output)
        #expect(frame.count == 3)
        #expect(frame[0] == "fetching 2 companies: 1 done, 350 tickets, 1 s")
        #expect(frame[1].hasPrefix("  DefaultTeam (1)  reading"))
        #expect(frame[1].hasSuffix("2/3 pages   200 tickets"))
        #expect(frame[2].hasPrefix("  运维二组 (2)     done"))
        #expect(frame[2].hasSuffix("2/2 pages   150 tickets"))
    }

    @Test func liveModeRedrawsAtMostTenTimesASecondButAlwaysWhenASourceIsDone() {
        let (reporter, clock) = reporter(.live)
        reporter.handle(.loggedIn(all: Self.companies, selected: Self.companies))

        for page in 1...20 {
            clock.advance(0.004)
            reporter.handle(.page(Self.source(1), pages: page, pageCount: 20, tickets: page * 10))
        }
        let throttled = reporter.snapshot.output.components(separatedBy: "\u{1B}[3A").count - 1
        reporter.handle(Self.done(1, pages: 20, tickets: 200))
        let after = reporter.snapshot.output.components(separatedBy: "\u{1B}[3A").count - 1

        #expect(throttled == 0)
        #expect(after == 1)
    }

    @Test func liveModePrintsMessagesAboveTheBoardAndCountsRetries() {
        let (reporter, clock) = reporter(.live)
        reporter.handle(.loggedIn(all: Self.companies, selected: Self.companies))
        clock.advance(1)

        reporter.handle(Self.request(company: 2, retry: "HTTP 502"))
        reporter.handle(Self.request(company: 2, retry: "HTTP 502"))
        reporter.handle(.sourceFailed(Self.source(1), .noCompanies))

        let output = reporter.snapshot.output
        #expect(!output.contains("will retry"), "retries are counted on the board, not printed")
        #expect(
            output.contains(
                "\r\u{1B}[3A\u{1B}[Jwarning: company DefaultTeam (1), scope company left out"))
        let frame = lastFrame(output)
        #expect(frame.last?.hasSuffix("0 tickets  2 retries") == true)
        #expect(frame[1].contains("failed"))
        #expect(frame[0] == "fetching 2 companies: 1 done, 0 tickets, 2 retries, 1 s")
    }

    @Test func plainModePrintsALineEveryFiveSecondsAndEachSourceRead() {
        let (reporter, clock) = reporter(.plain)
        reporter.handle(.loggedIn(all: Self.companies, selected: Self.companies))

        for second in 1...12 {
            clock.advance(1)
            reporter.handle(
                .page(Self.source(1), pages: second, pageCount: 20, tickets: second * 10))
            reporter.tick()
        }
        reporter.handle(Self.request(company: 1, retry: "HTTP 503"))
        reporter.handle(Self.done(2, pages: 2, tickets: 150))

        let lines = reporter.snapshot.output.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "logged in; reading 2 of 2 companies",
                "progress: 0 of 2 companies done, 5 of 20 pages, 50 tickets, 0 retries, 5 s",
                "progress: 0 of 2 companies done, 10 of 20 pages, 100 tickets, 0 retries, 10 s",
                "warning: will retry: HTTP 503",
                "company 运维二组 (2), scope company: 2 pages, 150 tickets (result_count 150)",
            ])
        #expect(!reporter.snapshot.output.contains("\u{1B}"))
    }

    @Test func verboseModeLogsEachRequestWithoutAToken() {
        let (reporter, _) = reporter(.plain, verbose: true)

        reporter.handle(Self.request(company: 1))

        #expect(
            reporter.snapshot.output
                == "GET /api/tickets?scope=0&page=2&page_size=100 -> 200 12 ms request_id req-7\n")
    }

    @Test func quietModeWritesNothing() {
        let (reporter, clock) = reporter(.quiet, verbose: true)

        reporter.handle(.loggedIn(all: Self.companies, selected: Self.companies))
        clock.advance(60)
        reporter.handle(Self.request(company: 1, retry: "HTTP 502"))
        reporter.tick()
        reporter.finish()

        #expect(reporter.snapshot.output.isEmpty)
    }

    @Test func colourOnlyWhenAsked() {
        let (coloured, _) = reporter(.live, colour: true)
        let (uncoloured, _) = reporter(.live, colour: false)

        for reporter in [coloured, uncoloured] {
            reporter.handle(.loggedIn(all: Self.companies, selected: Self.companies))
            reporter.handle(Self.done(1, pages: 1, tickets: 5))
        }

        #expect(coloured.snapshot.output.contains("\u{1B}[32mdone"))
        #expect(!uncoloured.snapshot.output.contains(/\u{1B}\[[0-9;]*m/))
    }

    @Test func noLineIsWiderThanTheTerminal() {
        let (reporter, _) = reporter(.live, columns: 50)
        let long = [Company(id: 12345, name: String(repeating: "很长的公司名字", count: 10))]

        reporter.handle(.loggedIn(all: long, selected: long))

        for line in plain(reporter.snapshot.output).split(separator: "\n") {
            #expect(TerminalText.width(of: String(line)) <= 49, "\(line)")
        }
    }

    @Test func countsOfOneAreSingularAndASourceWithoutTicketsHasNoPages() {
        let one = [Self.companies[0]]
        let (plain, clock) = reporter(.plain)
        plain.handle(.loggedIn(all: one, selected: one))
        plain.handle(Self.done(1, pages: 1, tickets: 1))
        clock.advance(5)
        plain.tick()
        let (empty, _) = reporter(.plain)
        empty.handle(.loggedIn(all: one, selected: one))
        empty.handle(
            .sourceDone(
                SourceResult(
                    source: Self.source(1), pages: 1, pageCount: 0, firstResultCount: 0,
                    resultCount: 0, fetched: 0, unreadable: 0, serverOpen: 0, serverClosed: 0,
                    tickets: [], warnings: [], complete: true)))
        let (live, _) = reporter(.live)
        live.handle(.loggedIn(all: one, selected: one))
        live.handle(Self.done(1, pages: 1, tickets: 1))
        live.finish()

        #expect(
            plain.snapshot.output.split(separator: "\n") == [
                "logged in; reading 1 of 1 company",
                "company DefaultTeam (1), scope company: 1 page, 1 ticket (result_count 1)",
                "progress: 1 of 1 company done, 1 of 1 page, 1 ticket, 0 retries, 5 s",
            ])
        #expect(
            empty.snapshot.output.split(separator: "\n").last
                == "company DefaultTeam (1), scope company: no tickets (result_count 0)")
        #expect(empty.snapshot.board.totals.pageCount == 0)
        #expect(empty.snapshot.board.totals.pages == 0)
        // One company: the board is a header and one line.
        let frame = lastFrame(live.snapshot.output).suffix(2)
        #expect(frame.first?.hasPrefix("fetching 1 company: 1 done, 1 ticket, ") == true)
        #expect(frame.last?.hasSuffix("done        1/1 page      1 ticket") == true, "\(frame)")
    }
}
