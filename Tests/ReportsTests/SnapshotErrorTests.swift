import Foundation
import MaxCloud
import Testing

@testable import Reports

/// Snapshots that cannot be used are refused with the file, line and what is wrong in
/// words; so are template folders with a dangling link, and a typo in a block's name warns.
struct SnapshotErrorTests {
    let folder = Fixtures.temporaryDirectory()

    func file(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func streamed(_ tickets: [Ticket], companies: [Company]? = nil) throws -> String {
        var snapshot = Fixtures.snapshot(tickets, companies: companies)
        snapshot.tickets = tickets
        let url = folder.appendingPathComponent("snapshot-\(UUID().uuidString).jsonl")
        try snapshot.encoded().write(to: url)
        return url.path
    }

    func message(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func aTicketOfACompanyTheSnapshotDoesNotListIsRefusedWithItsLine() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try streamed([
            Fixtures.ticket(1), Fixtures.ticket(2), Fixtures.ticket(17, company: 9),
        ])

        let streamedError = message {
            _ = try ReportData(snapshotFile: path, clock: try Fixtures.clock())
        }
        let wholeError = message { _ = try Snapshot.read(from: path) }

        let expected =
            "cannot read the snapshot \(path):4: ticket 17 belongs to company 9, which is not "
            + "among the snapshot's companies (DefaultTeam (1), 运维二组 (2)): the snapshot was "
            + "edited or mixes tenants; fetch it again"
        #expect(streamedError == expected)
        #expect(wholeError == expected)
    }

    @Test func aVersion1SnapshotWithAForeignTicketNamesItsIndex() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var snapshot = Fixtures.snapshot([Fixtures.ticket(1)])
        snapshot.tickets.append(Fixtures.ticket(5, company: 3))
        let encoder = JSONEncoder()
        let url = folder.appendingPathComponent("old.json")
        try encoder.encode(snapshot).write(to: url)

        let error = message {
            _ = try ReportData(snapshotFile: url.path, clock: try Fixtures.clock())
        }

        #expect(
            error.hasPrefix(
                "cannot read the snapshot \(url.path): tickets[1]: ticket 5 belongs to company 3"))
    }

    @Test func brokenSnapshotsAreDescribedInWords() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = try String(contentsOfFile: try streamed([Fixtures.ticket(1)]), encoding: .utf8)
        var lines = good.split(separator: "\n").map(String.init)
        let noHeaderKey = try file(
            "a.jsonl",
            lines[0].replacingOccurrences(of: "\"include_closed\":true,", with: "") + "\n"
                + lines[1] + "\n")
        lines[1] = String(lines[1].prefix(30))
        let cut = try file("b.jsonl", lines.joined(separator: "\n") + "\n")
        let oldFormat = try file(
            "c.json",
            #"{"version":1,"base_url":"x","fetched_at":"y","companies":[],"include_closed":true,"sources":[{"company_id":1}],"tickets":[],"warnings":[]}"#
        )
        let clock = try Fixtures.clock()

        #expect(
            message { _ = try ReportData(snapshotFile: noHeaderKey, clock: clock) }
                == "cannot read the snapshot \(noHeaderKey):1: the header is not as fetch writes it: missing key 'include_closed'"
        )
        #expect(
            message { _ = try ReportData(snapshotFile: cut, clock: clock) }
                == "cannot read the snapshot \(cut):2: not a ticket: not valid JSON (cut short, or not written by fetch)"
        )
        #expect(
            message { _ = try ReportData(snapshotFile: oldFormat, clock: clock) }
                == "cannot read the snapshot \(oldFormat): not a snapshot written by fetch: sources[0]: missing key 'company'"
        )
        #expect(
            message { _ = try ReportData(snapshotFile: folder.path, clock: clock) }
                == "cannot read the snapshot \(folder.path): it is a folder, not a snapshot file")
    }

    @Test func aNewerVersionAMissingHeaderAndAPipeAreSaidInWords() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = try String(contentsOfFile: try streamed([Fixtures.ticket(1)]), encoding: .utf8)
        let lines = good.split(separator: "\n").map(String.init)
        #expect(lines[0].contains("\"version\":2"))
        let newer = try file(
            "newer.jsonl",
            lines[0].replacingOccurrences(of: "\"version\":2", with: "\"version\":99") + "\n"
                + lines[1] + "\n")
        let headless = try file("headless.jsonl", lines[1] + "\n")
        let fifo = folder.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let clock = try Fixtures.clock()

        #expect(
            message { _ = try ReportData(snapshotFile: newer, clock: clock) }
                == "cannot read the snapshot \(newer):1: it is snapshot version 99, written by a "
                + "newer maxcloud-report; this one reads versions 1 to 2")
        #expect(
            message { _ = try ReportData(snapshotFile: headless, clock: clock) }
                == "cannot read the snapshot \(headless):1: the first line is JSON but not a "
                + "snapshot's header (fetch writes a header line with \"format\": \"maxcloud-report "
                + "snapshot\" first); was the file cut or put together by hand?")
        // Refused without opening it: opening a pipe that nobody writes would wait forever.
        #expect(
            message { _ = try ReportData(snapshotFile: fifo, clock: clock) }
                == "cannot read the snapshot \(fifo): it is not a regular file (a pipe, a device or "
                + "a socket); save the snapshot to a file (fetch --snapshot FILE) and give its path"
        )
    }

    /// fetch writes every ticket once; a file that lists one twice (edited, or two files
    /// joined) is counted once, as its copy updated last, and says so.
    @Test func aTicketListedTwiceInASnapshotIsCountedOnceWithAWarning() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try streamed([
            Fixtures.ticket(1, state: "open", updated: "2026-11-02 09:00:00"),
            Fixtures.ticket(1, state: "closed", updated: "2026-11-05 09:00:00"),
            Fixtures.ticket(2),
            Fixtures.ticket(9, company: 2), Fixtures.ticket(9, company: 2),
            Fixtures.ticket(9, company: 2),
        ])
        let data = try ReportData(snapshotFile: path, clock: try Fixtures.clock())

        #expect(data.summary.totals.tickets == 3)
        #expect(data.summary.totals.closed == 1)  // ticket 1 as updated last
        #expect(
            data.summary.warnings.contains(
                "the snapshot lists 2 tickets more than once (ticket 1 of DefaultTeam (1) 2 times, "
                    + "ticket 9 of 运维二组 (2) 3 times); each is counted once, as its copy updated "
                    + "last (fetch writes every ticket once: was the file edited or joined with "
                    + "another?)"))
        // A snapshot without repeats says nothing of the kind.
        let clean = try ReportData(
            snapshotFile: try streamed([Fixtures.ticket(1), Fixtures.ticket(2)]),
            clock: try Fixtures.clock())
        #expect(!clean.summary.warnings.contains { $0.contains("more than once") })
    }

    @Test func readingAFolderAsAFileSaysSoInWords() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = #expect(throws: (any Error).self) { _ = try Data(contentsOf: folder) }

        #expect(FileProblem.describe(error!, path: folder.path) == "it is a folder, not a file")
        #expect(
            !"\(FileProblem.describe(error!, path: folder.path))".contains("NSCocoaErrorDomain"))
    }

    @Test func aDanglingLinkInTheTemplatesFolderIsAnErrorNamingItsTarget() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("report.md")
        try FileManager.default.createSymbolicLink(
            atPath: link.path, withDestinationPath: "missing.md")

        let error = #expect(throws: ReportError.self) { try ReportTemplates(overrides: folder) }

        #expect(error?.place == link.path)
        #expect(
            error?.message
                == "'report.md' is a symbolic link to 'missing.md', which does not exist: point it at a template or remove it"
        )
    }

    @Test func aBlockTheParentDoesNotHaveIsAWarningWithItsPlaceAndTheBlocksThatExist() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try file(
            "report.md",
            "{{<default/report.md}}\n{{$title}}Ops{{/title}}\n  {{$headlin}}x{{/headlin}}\n{{/default/report.md}}\n"
        )

        let templates = try ReportTemplates(overrides: folder)

        let warnings = templates.warnings
        #expect(warnings.count == 1)
        #expect(warnings.first?.place == folder.appendingPathComponent("report.md").path + ":3:3")
        let text = warnings.first?.message ?? ""
        #expect(
            text.hasPrefix(
                "block 'headlin' is not a block of 'default/report.md', so it changes nothing; did you mean 'headline'? its blocks are "
            ))
        #expect(text.contains("banner, ") && text.contains("title, "))
        #expect(
            try templates.render(
                "report.md",
                data: TemplateContext.make(
                    ReportData(snapshot: Fixtures.snapshot([]), clock: Fixtures.clock()).summary)
            ).hasPrefix("# Ops"))
    }
}
