/// Which tickets a `GET /api/tickets` call lists, as the vendor numbers them.
public enum Scope: Int, Sendable, Hashable, CaseIterable, Comparable {
    /// Every ticket of the company (`scope=0`).
    case company = 0
    /// Tickets of the account's team (`scope=1`).
    case team = 1
    /// Tickets assigned to the logged-in account (`scope=2`).
    case assigned = 2
    /// Tickets carrying a group tag (`scope=3` with `group_tag=`).
    case tag = 3

    /// The name used on the command line, in `summary.json` and in messages.
    public var name: String {
        switch self {
        case .company: "company"
        case .team: "team"
        case .assigned: "assigned"
        case .tag: "tag"
        }
    }

    /// Parses a command-line word: a name (`company`, `team`, `assigned`, `tag`) or 0-3.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "company", "0": self = .company
        case "team", "1": self = .team
        case "assigned", "assigned_to", "2": self = .assigned
        case "tag", "group_tag", "3": self = .tag
        default: return nil
        }
    }

    public static func < (lhs: Scope, rhs: Scope) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One list of tickets the run reads: a company, a scope and, for scope `tag`, a group tag.
public struct TicketSource: Sendable, Hashable, CustomStringConvertible {
    /// The company's id as `all_company` gives it.
    public var companyID: Int
    /// The company's name, for messages and reports.
    public var companyName: String
    /// The scope asked for.
    public var scope: Scope
    /// The group tag, for scope `tag` only.
    public var groupTag: String?

    /// Creates a source.
    public init(companyID: Int, companyName: String, scope: Scope, groupTag: String? = nil) {
        self.companyID = companyID
        self.companyName = companyName
        self.scope = scope
        self.groupTag = groupTag
    }

    /// `company 运维二组 (2), scope tag 'network'`: how errors and warnings name a source.
    public var description: String {
        var text = "company \(companyName) (\(companyID)), scope \(scope.name)"
        if let groupTag { text += " '\(groupTag)'" }
        return text
    }
}
