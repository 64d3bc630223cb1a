/// A company (the vendor calls it a group) as the API lists it in `company` and `all_company`.
public struct SimCompany: Sendable, Hashable {
    /// The company id, used by `POST /api/company/switch`.
    public var id: Int
    /// The display name; may hold any Unicode text, commas included.
    public var name: String
    /// Creation time, `YYYY-MM-DD HH:MM:SS` wall time with no zone.
    public var createdAt: String

    /// Creates a company.
    public init(id: Int, name: String, createdAt: String) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
    }
}

/// A user who can log in, with the companies they belong to and their team in each.
public struct SimAccount: Sendable, Hashable {
    /// The account id, answered as `id` by the login call.
    public var id: Int
    /// The login e-mail; also the value scope 2 (`assigned_to`) compares with.
    public var email: String
    /// The password the login call accepts.
    public var password: String
    /// The company a login token is bound to.
    public var defaultCompanyID: Int
    /// Every company the account may switch to, in the order `all_company` lists them.
    public var companyIDs: [Int]
    /// The account's team in each company (company id → team id), used by scope 1.
    public var teamIDs: [Int: Int]
    /// Answered as `group_admin` by the login call.
    public var groupAdmin: Int
    /// Answered as `admin` by the login call.
    public var admin: Int
    /// Answered as `change_password` by the login call.
    public var changePassword: Int

    /// Creates an account; the three flags default to the vendor's sample values.
    public init(
        id: Int, email: String, password: String, defaultCompanyID: Int, companyIDs: [Int],
        teamIDs: [Int: Int], groupAdmin: Int = 1, admin: Int = 2, changePassword: Int = 0
    ) {
        self.id = id
        self.email = email
        self.password = password
        self.defaultCompanyID = defaultCompanyID
        self.companyIDs = companyIDs
        self.teamIDs = teamIDs
        self.groupAdmin = groupAdmin
        self.admin = admin
        self.changePassword = changePassword
    }
}

/// A small JSON value, for the free-form `resources` field of a ticket.
public enum SimJSONValue: Sendable, Hashable {
    /// JSON `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer number.
    case int(Int)
    /// A string.
    case string(String)
    /// An array.
    case array([SimJSONValue])
    /// An object; keys are written in sorted order.
    case object([String: SimJSONValue])
}

/// One ticket with every field the vendor documents, plus the group tags scope 3 searches.
///
/// The identity of a ticket is `(companyID, id)`: two companies may use the same id.
public struct SimTicket: Sendable, Hashable {
    /// The ticket id, unique within its company only.
    public var id: Int
    /// `company_id`.
    public var companyID: Int
    /// `team_id`; scope 1 compares it with the account's team in the company.
    public var teamID: Int
    /// `team_name`; often empty, as in the vendor's sample.
    public var teamName: String
    /// `created_by`, an e-mail.
    public var createdBy: String
    /// `assigned_to`: an e-mail, `""` or `nil` (written as JSON null).
    public var assignedTo: String?
    /// `updated_by`, an e-mail.
    public var updatedBy: String
    /// `state`; closed means equal to `closed` ignoring case.
    public var state: String
    /// `priority`, 0-4, or `nil` (written as JSON null).
    public var priority: Int?
    /// `root_cause`.
    public var rootCause: String
    /// `subject`; may hold commas, quotes, newlines and markup.
    public var subject: String
    /// `content_type`.
    public var contentType: String
    /// `content`.
    public var content: String
    /// `comment_count`.
    public var commentCount: Int
    /// `notification_list`: e-mails, or `nil` (written as JSON null).
    public var notificationList: [String]?
    /// `created_at`, `YYYY-MM-DD HH:MM:SS` wall time with no zone.
    public var createdAt: String
    /// `updated_at`, never before `createdAt`.
    public var updatedAt: String
    /// `resources`: `nil` (JSON null) or a small array.
    public var resources: [SimJSONValue]?
    /// `tips`.
    public var tips: String
    /// The group tags scope 3 (and `group_tag=` with any scope) filters on.
    /// Not part of the documented ticket JSON and never written out.
    public var groupTags: [String]

    /// Creates a ticket; the less interesting fields have defaults.
    public init(
        id: Int, companyID: Int, teamID: Int, teamName: String = "", createdBy: String,
        assignedTo: String?, updatedBy: String? = nil, state: String, priority: Int?,
        rootCause: String = "", subject: String, contentType: String = "", content: String = "",
        commentCount: Int = 0, notificationList: [String]? = nil, createdAt: String,
        updatedAt: String? = nil, resources: [SimJSONValue]? = nil, tips: String = "",
        groupTags: [String] = []
    ) {
        self.id = id
        self.companyID = companyID
        self.teamID = teamID
        self.teamName = teamName
        self.createdBy = createdBy
        self.assignedTo = assignedTo
        self.updatedBy = updatedBy ?? createdBy
        self.state = state
        self.priority = priority
        self.rootCause = rootCause
        self.subject = subject
        self.contentType = contentType
        self.content = content
        self.commentCount = commentCount
        self.notificationList = notificationList
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.resources = resources
        self.tips = tips
        self.groupTags = groupTags
    }

    /// Whether the ticket counts as closed: `state` equals `closed`, ignoring case.
    public var isClosed: Bool {
        state.utf8.count == 6 && state.lowercased() == "closed"
    }
}
