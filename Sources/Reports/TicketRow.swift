import Foundation
import MaxCloud

/// Age buckets, lower bound included, in report order.
public enum AgeBucket: String, Sendable, CaseIterable, Codable {
    /// Under one day.
    case underOneDay = "0-1d"
    /// One day up to three.
    case oneToThreeDays = "1-3d"
    /// Three days up to seven.
    case threeToSevenDays = "3-7d"
    /// One week up to two.
    case sevenToFourteenDays = "7-14d"
    /// Two weeks up to 30 days.
    case fourteenToThirtyDays = "14-30d"
    /// 30 days up to 90.
    case thirtyToNinetyDays = "30-90d"
    /// 90 days or more.
    case ninetyDaysPlus = "90d+"
    /// `created_at` could not be read.
    case unknown = "unknown"

    /// The bucket of an age in seconds; nil is `unknown`.
    public init(ageSeconds: Double?) {
        guard let age = ageSeconds else {
            self = .unknown
            return
        }
        let days = age / 86_400
        switch days {
        case ..<1: self = .underOneDay
        case ..<3: self = .oneToThreeDays
        case ..<7: self = .threeToSevenDays
        case ..<14: self = .sevenToFourteenDays
        case ..<30: self = .fourteenToThirtyDays
        case ..<90: self = .thirtyToNinetyDays
        default: self = .ninetyDaysPlus
        }
    }
}

/// A ticket with what the counting rules derive from it, worked out once.
public struct TicketRow: Sendable {
    /// The ticket as fetched.
    public let ticket: Ticket
    /// The company it was read from.
    public let companyID: Int
    /// That company's name.
    public let companyName: String
    /// `state` equals `closed`, ignoring case.
    public let isClosed: Bool
    /// The priority as text, or `none`.
    public let priorityKey: String
    /// The assignee's e-mail, or `(unassigned)`.
    public let assigneeKey: String
    /// The state in lower case (`(none)` when missing or empty).
    public let stateKey: String
    /// `created_at` read in the report's zone.
    public let created: Date?
    /// `updated_at` read in the report's zone.
    public let updated: Date?
    /// As-of minus `created_at` in seconds, 0 for a future date, nil when unreadable.
    public let ageSeconds: Double?
    /// The age bucket.
    public let bucket: AgeBucket

    /// Derives the row of a ticket.
    public init(ticket: Ticket, companyID: Int, companyName: String, clock: ReportClock) {
        self.init(
            ticket: ticket, companyID: companyID, companyName: companyName, asOf: clock.asOf,
            reader: TimestampReader(zone: clock.timeZone))
    }

    /// Derives the row of a ticket, reading timestamps with a shared reader.
    init(ticket: Ticket, companyID: Int, companyName: String, asOf: Date, reader: TimestampReader) {
        let created = ticket.createdAt.flatMap(reader.parse)
        self.init(
            ticket: ticket, companyID: companyID, companyName: companyName, created: created,
            updated: ticket.updatedAt.flatMap(reader.parse),
            ageSeconds: created.map { max(0, asOf.timeIntervalSince($0)) })
    }

    /// A row whose timestamps were read before (a row read back from a spill file).
    init(
        ticket: Ticket, companyID: Int, companyName: String, created: Date?, updated: Date?,
        ageSeconds: Double?
    ) {
        self.ticket = ticket
        self.companyID = companyID
        self.companyName = companyName
        // The rules are read literally: no trimming, so " closed " is a state of its own
        // (open), as the server's `include_closed=false` also treats it.
        let state = ticket.state ?? ""
        stateKey = state.isEmpty ? "(none)" : Self.lowercased(state)
        isClosed = stateKey == "closed"
        priorityKey =
            ticket.priority.map { (0...9).contains($0) ? Self.digits[$0] : String($0) } ?? "none"
        let assignee = ticket.assignedTo ?? ""
        assigneeKey = assignee.isEmpty ? "(unassigned)" : assignee
        self.created = created
        self.updated = updated
        self.ageSeconds = ageSeconds
        bucket = AgeBucket(ageSeconds: ageSeconds)
    }

    private static let digits = (0...9).map(String.init)

    /// Lower case; untouched when the text has no upper-case ASCII letter and is all ASCII.
    static func lowercased(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 && !(0x41...0x5A).contains($0) }) { return text }
        return text.lowercased()
    }

    /// Whole days of age (rounded down), nil when unknown.
    public var ageDays: Int? { ageSeconds.map { Int(($0 / 86_400).rounded(.down)) } }

    /// Whether `created_at` lies after the as-of time.
    public func isFuture(_ clock: ReportClock) -> Bool {
        guard let created else { return false }
        return created > clock.asOf
    }
}
