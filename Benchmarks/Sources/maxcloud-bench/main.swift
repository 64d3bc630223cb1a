import Foundation
import MaxCloud
import MaxCloudSimulator
import Mustache
import Reports

// maxcloud-bench: makes large snapshots and times the stages of rendering them.
//
//   maxcloud-bench snapshot --tickets N --out FILE [--companies C]
//   maxcloud-bench stages --from FILE [--repeat R]
//   maxcloud-bench workbook --from FILE --out DIR [--repeat R]   the workbook stage alone
//   maxcloud-bench cells --from FILE --out CELLS.tsv              its cells, for workbook-c
//   maxcloud-bench fetch [--pages P] [--latency-ms L] [--concurrency C] [--companies N]
//                                                 fetching through the simulator over HTTP
//   maxcloud-bench parse [--lines N] [--repeat R]   parsing N lines of text without tags
//
// Build it in release mode: swift build -c release --product maxcloud-bench

func argument(_ name: String, in arguments: [String]) -> String? {
    guard let index = arguments.firstIndex(of: "--\(name)"), index + 1 < arguments.count else {
        return nil
    }
    return arguments[index + 1]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("maxcloud-bench: \(message)\n".utf8))
    exit(64)
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// A snapshot of `tickets` generated tickets spread over `companies` companies.
func makeSnapshot(tickets: Int, companies: Int) -> Snapshot {
    let perCompany = max(1, (tickets + companies - 1) / companies)
    let dataset = SimulatorDataset.generated(
        companies: companies, ticketsPerCompany: perCompany, seed: 42)
    let chosen = dataset.tickets.prefix(tickets).map { sim in
        Ticket(
            id: sim.id, companyID: sim.companyID, teamID: sim.teamID, teamName: sim.teamName,
            createdBy: sim.createdBy, assignedTo: sim.assignedTo, updatedBy: sim.updatedBy,
            state: sim.state, priority: sim.priority, rootCause: sim.rootCause,
            subject: sim.subject,
            contentType: sim.contentType, content: sim.content, commentCount: sim.commentCount,
            notificationList: sim.notificationList, createdAt: sim.createdAt,
            updatedAt: sim.updatedAt,
            tips: sim.tips)
    }
    let list = dataset.companies.map { Company(id: $0.id, name: $0.name, createdAt: $0.createdAt) }
    let sources = list.map { company in
        let count = chosen.filter { $0.companyID == company.id }.count
        return SourceRecord(
            companyID: company.id, company: company.name, scope: "company", groupTag: nil,
            pages: (count + 99) / 100, resultCount: count, fetched: count, unique: count,
            serverOpen: nil, serverClosed: nil, complete: true)
    }
    return Snapshot(
        baseURL: "http://127.0.0.1", fetchedAt: "2026-11-30T01:00:00Z", companies: list,
        includeClosed: true, sources: sources, tickets: Array(chosen), warnings: [])
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "snapshot":
    guard let count = argument("tickets", in: arguments).flatMap(Int.init), count > 0,
        let out = argument("out", in: arguments)
    else { fail("usage: snapshot --tickets N --out FILE [--companies C]") }
    let companies = argument("companies", in: arguments).flatMap(Int.init) ?? 5
    let snapshot = makeSnapshot(tickets: count, companies: companies)
    try snapshot.encoded().write(to: URL(fileURLWithPath: out))
    print("wrote \(snapshot.tickets.count) tickets to \(out)")

case "stages":
    guard let path = argument("from", in: arguments) else { fail("usage: stages --from FILE") }
    let repeats = argument("repeat", in: arguments).flatMap(Int.init) ?? 3
    let clock = try ReportClock(timeZone: "Asia/Shanghai", asOf: "2026-11-30 09:00:00")
    let templates = try ReportTemplates()
    var best: [String: Double] = [:]
    for _ in 0..<repeats {
        var snapshot: Snapshot!
        var data: ReportData!
        let timings: [(String, Double)] = [
            ("read snapshot", try seconds { snapshot = try Snapshot.read(from: path) }),
            ("count", seconds { data = ReportData(snapshot: snapshot, clock: clock) }),
            (
                "report.html",
                try seconds {
                    _ = try templates.render(
                        "report.html", data: try TemplateContext.make(data.summary))
                }
            ),
            (
                "report.md",
                try seconds {
                    _ = try templates.render(
                        "report.md", data: try TemplateContext.make(data.summary))
                }
            ),
            ("summary.json", try seconds { _ = try data.summary.jsonData() }),
            (
                "tickets.csv",
                try seconds {
                    var bytes = 0
                    var writer = CSVWriter(bom: true) { bytes += $0.count }
                    try CSVReports.writeTickets(data, to: &writer)
                    try writer.flush()
                }
            ),
        ]
        for (stage, time) in timings { best[stage] = min(best[stage] ?? .infinity, time) }
    }
    let order = [
        "read snapshot", "count", "report.html", "report.md", "summary.json", "tickets.csv",
    ]
    print("stage            best of \(repeats) (s)")
    for stage in order {
        print(
            stage.padding(toLength: 17, withPad: " ", startingAt: 0)
                + String(format: "%.3f", best[stage]!))
    }

case "workbook":
    // The workbook stage alone: the snapshot is read and counted first, untimed, as
    // `render --from` reads it (rows kept in a temporary file); then report.xlsx is
    // written as `render` writes it.
    guard let path = argument("from", in: arguments), let out = argument("out", in: arguments)
    else { fail("usage: workbook --from FILE --out DIR") }
    let repeats = argument("repeat", in: arguments).flatMap(Int.init) ?? 3
    let clock = try ReportClock(timeZone: "Asia/Shanghai", asOf: "2026-11-30 09:00:00")
    let data = try ReportData(snapshotFile: path, clock: clock)
    var settings = RenderSettings(
        outDirectory: URL(fileURLWithPath: out), templates: try ReportTemplates())
    settings.formats = [.xlsx]
    var best = Double.infinity
    for _ in 0..<repeats {
        best = min(best, try seconds { try ReportWriter.write(data, settings: settings) })
    }
    print(String(format: "write_seconds %.3f", best))
    print("rows \(data.rows.count)")

case "cells":
    // The Tickets sheet's cells as `Benchmarks/workbook-c` reads them: the same values and
    // types that the workbook stage writes (see TicketSheets).
    guard let path = argument("from", in: arguments), let out = argument("out", in: arguments)
    else { fail("usage: cells --from FILE --out CELLS.tsv") }
    let clock = try ReportClock(timeZone: "Asia/Shanghai", asOf: "2026-11-30 09:00:00")
    let data = ReportData(snapshot: try Snapshot.read(from: path), clock: clock)
    var text = [String](repeating: "12", count: 17).joined(separator: " ") + "\n"
    func escaped(_ value: String?) -> String {
        guard let value else { return "-" }
        var result = "s"
        for character in value {
            switch character {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.append(character)
            }
        }
        return result
    }
    // Past 15 digits an integer is written as text (Worksheet.largestExactInteger).
    func number(_ value: Int?) -> String {
        guard let value else { return "-" }
        return value.magnitude > 999_999_999_999_999 ? escaped(String(value)) : "n\(value)"
    }
    // The wall-clock fields the API wrote, as TicketSheets writes them.
    func datetime(_ raw: String?) -> String {
        guard let raw, let f = Timestamp.wallClock(raw) else { return escaped(raw) }
        return "d\(f.year) \(f.month) \(f.day) \(f.hour) \(f.minute) \(f.second)"
    }
    for row in data.rows {
        let t = row.ticket
        let cells = [
            number(row.companyID), escaped(row.companyName), number(t.id), escaped(t.state),
            escaped(row.isClosed ? "closed" : "open"), number(t.priority), escaped(t.subject),
            escaped(t.assignedTo), escaped(t.createdBy), escaped(t.updatedBy), number(t.teamID),
            escaped(t.teamName), datetime(t.createdAt), datetime(t.updatedAt),
            number(row.ageDays),
            escaped(row.bucket.rawValue), number(t.commentCount),
        ]
        text += cells.joined(separator: "\t") + "\n"
    }
    try Data(text.utf8).write(to: URL(fileURLWithPath: out))
    print("wrote \(data.rows.count) rows of cells to \(out)")

case "fetch":
    // The whole fetch over loopback HTTP against the simulator, each answer delayed by the
    // latency: P pages of 100 tickets spread over N companies. The bound of issue 6 is
    // 1.3 x pages x latency / concurrency.
    func option(_ name: String, _ value: Int) -> Int {
        argument(name, in: arguments).flatMap(Int.init) ?? value
    }
    let pages = option("pages", 1_000)
    let latency = option("latency-ms", 20)
    let concurrency = option("concurrency", 4)
    let companies = option("companies", 1)
    let dataset = SimulatorDataset.generated(
        companies: companies, ticketsPerCompany: pages * 100 / companies, seed: 42)
    let server = SimulatorServer(
        dataset: dataset,
        configuration: SimulatorConfiguration(
            maxPageSize: 100, latency: .milliseconds(latency), recordsRequests: false))
    try server.start()
    var settings = FetchSettings(
        baseURL: server.baseURL, email: "demo@example.com", password: SimulatorDataset.demoPassword)
    settings.concurrency = concurrency
    let started = DispatchTime.now().uptimeNanoseconds
    let snapshot = try await FetchJob(settings: settings).run()
    let wall = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    server.stop()
    let ideal = Double(pages) * Double(latency) / 1000 / Double(concurrency)
    print("pages \(snapshot.sources.map(\.pages).reduce(0, +))")
    print("tickets \(snapshot.tickets.count)")
    print(String(format: "fetch_seconds %.3f", wall))
    print(String(format: "ideal_seconds %.3f", ideal))
    print(String(format: "ratio %.2f (issue 6 asks for 1.30 or less)", wall / ideal))

case "parse":
    // A long text without tags: the parser joins its lines into one node, which must take
    // time in proportion to the text (it once took 9 s for 80,000 lines of 41 bytes).
    let lines = argument("lines", in: arguments).flatMap(Int.init) ?? 80_000
    let repeats = argument("repeat", in: arguments).flatMap(Int.init) ?? 3
    let source = String(repeating: String(repeating: "x", count: 40) + "\n", count: lines)
    var best = Double.infinity
    for _ in 0..<repeats {
        best = min(best, try seconds { _ = try Template(name: "long.html", source: source) })
    }
    print("parse \(lines) lines (\(source.utf8.count) bytes): best of \(repeats) \(best) s")

default:
    fail("usage: maxcloud-bench snapshot|stages|workbook|cells|fetch|parse ...")
}
