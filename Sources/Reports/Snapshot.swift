import Foundation
import MaxCloud

/// Everything a run fetched, so that reports can be rendered again without the network
/// (`fetch` writes it, `render --from` reads it). It holds no password and no token.
public struct Snapshot: Codable, Sendable {
    /// The snapshot format's version.
    public var version: Int
    /// The API root the tickets came from.
    public var baseURL: String
    /// When the fetch ended, ISO 8601 in UTC.
    public var fetchedAt: String
    /// The companies selected, in the account's order.
    public var companies: [Company]
    /// Whether closed tickets were listed.
    public var includeClosed: Bool
    /// What each source gave.
    public var sources: [SourceRecord]
    /// Every ticket once per (company, id), its `company_id` set to the company it was read from.
    public var tickets: [Ticket]
    /// What did not add up, one sentence each.
    public var warnings: [String]
    /// Sources that could not be read at all (only with `--allow-partial`).
    public var failedSources: [String]

    /// Creates a snapshot.
    public init(
        baseURL: String, fetchedAt: String, companies: [Company], includeClosed: Bool,
        sources: [SourceRecord], tickets: [Ticket], warnings: [String], failedSources: [String] = []
    ) {
        self.version = 1
        self.baseURL = baseURL
        self.fetchedAt = fetchedAt
        self.companies = companies
        self.includeClosed = includeClosed
        self.sources = sources
        self.tickets = tickets
        self.warnings = warnings
        self.failedSources = failedSources
    }

    enum CodingKeys: String, CodingKey {
        case version, companies, sources, tickets, warnings
        case baseURL = "base_url"
        case fetchedAt = "fetched_at"
        case includeClosed = "include_closed"
        case failedSources = "failed_sources"
    }

    /// Whether everything fetched adds up to what the server said.
    public var complete: Bool { failedSources.isEmpty && sources.allSatisfy(\.complete) }

    /// Everything but the tickets.
    public var header: Header {
        Header(
            version: Header.currentVersion, baseURL: baseURL, fetchedAt: fetchedAt,
            companies: companies, includeClosed: includeClosed, sources: sources,
            warnings: warnings, failedSources: failedSources, ticketCount: tickets.count)
    }

    /// Reads a snapshot file whole (either version).
    public static func read(from path: String) throws(ReportError) -> Snapshot {
        let file = try SnapshotFile(path: path)
        guard file.isStream else { return try readVersion1(path) }
        var tickets: [Ticket] = []
        tickets.reserveCapacity(file.header.ticketCount ?? 0)
        try file.forEachTicket { ticket throws(ReportError) in
            tickets.append(ticket)
            return true
        }
        let header = file.header
        return Snapshot(
            baseURL: header.baseURL, fetchedAt: header.fetchedAt, companies: header.companies,
            includeClosed: header.includeClosed, sources: header.sources, tickets: tickets,
            warnings: header.warnings, failedSources: header.failedSources)
    }

    /// Version 1: one JSON object with a `tickets` array.
    private static func readVersion1(_ path: String) throws(ReportError) -> Snapshot {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .badSnapshot(path: path, reason: FileProblem.describe(error, path: path))
        }
        do {
            let snapshot = try JSONDecoder().decode(Snapshot.self, from: data)
            guard snapshot.version == 1 else {
                throw ReportError.badSnapshot(
                    path: path, reason: "version \(snapshot.version) is not supported")
            }
            let companies = Set(snapshot.companies.map(\.id))
            for (index, ticket) in snapshot.tickets.enumerated() {
                try checkCompany(
                    of: ticket, in: companies, header: snapshot.header,
                    at: "\(path): tickets[\(index)]")
            }
            return snapshot
        } catch let error as ReportError {
            throw error
        } catch {
            throw .badSnapshot(
                path: path,
                reason: "not a snapshot written by fetch: \(TicketBlockDecoder.describe(error))")
        }
    }

    /// Refuses a ticket of a company the snapshot does not list: a hand-edited snapshot, or
    /// one that mixes tenants, would otherwise count another company's tickets.
    /// - Throws: `ReportError.badSnapshot` at `place` (the file and line), naming the
    ///   ticket, its company and the snapshot's companies.
    static func checkCompany(
        of ticket: Ticket, in companies: Set<Int>, header: Header, at place: String
    ) throws(ReportError) {
        guard let company = ticket.companyID else {
            throw .badSnapshot(
                path: place,
                reason: "ticket \(ticket.id) has no company_id; fetch the snapshot again")
        }
        guard !companies.contains(company) else { return }
        let listed = header.companies.map { "\($0.name) (\($0.id))" }.joined(separator: ", ")
        throw .badSnapshot(
            path: place,
            reason:
                "ticket \(ticket.id) belongs to company \(company), which is not among the "
                + "snapshot's companies (\(listed.isEmpty ? "none" : listed)): the snapshot was "
                + "edited or mixes tenants; fetch it again")
    }

    /// The snapshot as JSON Lines (version 2): the header on the first line, then one
    /// ticket per line in (company id, ticket id) order, so that it can be read as a stream.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(header)
        data.append(0x0A)
        let ordered = tickets.sorted {
            ($0.companyID ?? 0, $0.id) < ($1.companyID ?? 0, $1.id)
        }
        for ticket in ordered {
            data.append(try encoder.encode(ticket))
            data.append(0x0A)
        }
        return data
    }

    /// The first line of a version 2 snapshot: everything but the tickets.
    public struct Header: Codable, Sendable {
        /// The version `encoded()` writes.
        public static let currentVersion = 2
        /// What the file is, so that another JSON Lines file is told apart.
        public var format: String? = Header.formatName
        /// The snapshot format's version.
        public var version: Int
        /// The API root the tickets came from.
        public var baseURL: String
        /// When the fetch ended.
        public var fetchedAt: String
        /// The companies selected.
        public var companies: [Company]
        /// Whether closed tickets were listed.
        public var includeClosed: Bool
        /// What each source gave.
        public var sources: [SourceRecord]
        /// What did not add up.
        public var warnings: [String]
        /// Sources that could not be read at all.
        public var failedSources: [String]
        /// The number of ticket lines that follow (nil in version 1).
        public var ticketCount: Int?

        static let formatName = "maxcloud-report snapshot"

        /// Whether everything fetched adds up to what the server said.
        public var complete: Bool { failedSources.isEmpty && sources.allSatisfy(\.complete) }

        enum CodingKeys: String, CodingKey {
            case format, version, companies, sources, warnings
            case baseURL = "base_url"
            case fetchedAt = "fetched_at"
            case includeClosed = "include_closed"
            case failedSources = "failed_sources"
            case ticketCount = "ticket_count"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            format = try c.decodeIfPresent(String.self, forKey: .format)
            version = try c.decode(Int.self, forKey: .version)
            baseURL = try c.decode(String.self, forKey: .baseURL)
            fetchedAt = try c.decode(String.self, forKey: .fetchedAt)
            companies = try c.decode([Company].self, forKey: .companies)
            includeClosed = try c.decode(Bool.self, forKey: .includeClosed)
            sources = try c.decode([SourceRecord].self, forKey: .sources)
            warnings = try c.decodeIfPresent([String].self, forKey: .warnings) ?? []
            failedSources = try c.decodeIfPresent([String].self, forKey: .failedSources) ?? []
            ticketCount = try c.decodeIfPresent(Int.self, forKey: .ticketCount)
        }

        init(
            version: Int, baseURL: String, fetchedAt: String, companies: [Company],
            includeClosed: Bool, sources: [SourceRecord], warnings: [String],
            failedSources: [String], ticketCount: Int?
        ) {
            self.version = version
            self.baseURL = baseURL
            self.fetchedAt = fetchedAt
            self.companies = companies
            self.includeClosed = includeClosed
            self.sources = sources
            self.warnings = warnings
            self.failedSources = failedSources
            self.ticketCount = ticketCount
        }
    }
}
