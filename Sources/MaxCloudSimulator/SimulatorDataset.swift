/// Everything the simulator serves: who may log in, the companies, and every ticket.
///
/// A plain value: build one by hand for a test, take ``sample()`` for the demo, or
/// ``generated(companies:ticketsPerCompany:seed:)`` for benchmarks.
public struct SimulatorDataset: Sendable, Hashable {
    /// The accounts that may log in.
    public var accounts: [SimAccount]
    /// Every company, in id order for the sample data.
    public var companies: [SimCompany]
    /// Every ticket of every company, in no particular order.
    public var tickets: [SimTicket]

    /// Creates a dataset from its parts.
    public init(accounts: [SimAccount], companies: [SimCompany], tickets: [SimTicket]) {
        self.accounts = accounts
        self.companies = companies
        self.tickets = tickets
    }

    /// The account with this e-mail (compared exactly), if any.
    public func account(email: String) -> SimAccount? {
        accounts.first { $0.email == email }
    }

    /// The account with this id, if any.
    public func account(id: Int) -> SimAccount? {
        accounts.first { $0.id == id }
    }

    /// The company with this id, if any.
    public func company(id: Int) -> SimCompany? {
        companies.first { $0.id == id }
    }

    /// The tickets of one company, in the order the server lists them (id descending).
    public func tickets(companyID: Int) -> [SimTicket] {
        sortedForListing(tickets.filter { $0.companyID == companyID })
    }

    /// The companies an account belongs to, in the order of its `companyIDs`;
    /// ids with no company in the dataset are left out.
    public func companies(of account: SimAccount) -> [SimCompany] {
        account.companyIDs.compactMap { company(id: $0) }
    }
}

/// The fixed instant the sample data is anchored at, and the timestamp format it uses.
public enum SimulatorClock {
    /// The sample data's "now": 2026-11-30 09:00:00, Asia/Shanghai wall time.
    /// No created or updated time in the sample data is later than this.
    public static let anchor = "2026-11-30 09:00:00"

    /// The anchor as seconds since the Unix epoch (it is 01:00:00 UTC).
    public static let anchorUnixTime = 1_796_000_400

    /// The anchor as wall-clock seconds counted from 1970-01-01 00:00:00 with no zone.
    static let anchorWallSeconds = anchorUnixTime + 8 * 3600

    /// Formats wall-clock seconds since 1970-01-01 00:00:00 as `YYYY-MM-DD HH:MM:SS`.
    static func format(wallSeconds: Int) -> String {
        let days = wallSeconds >= 0 ? wallSeconds / 86_400 : (wallSeconds - 86_399) / 86_400
        let secondOfDay = wallSeconds - days * 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        let hour = secondOfDay / 3600
        let minute = secondOfDay / 60 % 60
        let second = secondOfDay % 60
        return String(unsafeUninitializedCapacity: 19) { bytes in
            func digit(_ value: Int) -> UInt8 { UInt8(truncatingIfNeeded: 48 + value % 10) }
            bytes[0] = digit(year / 1000)
            bytes[1] = digit(year / 100)
            bytes[2] = digit(year / 10)
            bytes[3] = digit(year)
            bytes[4] = UInt8(ascii: "-")
            bytes[5] = digit(month / 10)
            bytes[6] = digit(month)
            bytes[7] = UInt8(ascii: "-")
            bytes[8] = digit(day / 10)
            bytes[9] = digit(day)
            bytes[10] = UInt8(ascii: " ")
            bytes[11] = digit(hour / 10)
            bytes[12] = digit(hour)
            bytes[13] = UInt8(ascii: ":")
            bytes[14] = digit(minute / 10)
            bytes[15] = digit(minute)
            bytes[16] = UInt8(ascii: ":")
            bytes[17] = digit(second / 10)
            bytes[18] = digit(second)
            return 19
        }
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01.
    static func civilDate(daysSinceEpoch: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = daysSinceEpoch + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
