/// A ticket as `GET /api/tickets` lists it.
///
/// Every field but `id` may be null, missing or of an unexpected type; such a field is
/// kept as `nil` (or read from a string where a number belongs) and noted in `problems`,
/// so that one odd ticket is still counted where it can be.
public struct Ticket: Sendable, Hashable, Codable {
    /// The ticket's number, unique within its company.
    public var id: Int
    /// The company the ticket belongs to, as the ticket itself says.
    public var companyID: Int?
    /// The team's id.
    public var teamID: Int?
    /// The team's name.
    public var teamName: String?
    /// Who opened the ticket (an e-mail).
    public var createdBy: String?
    /// Who works on it (an e-mail); empty or missing means unassigned.
    public var assignedTo: String?
    /// Who changed it last.
    public var updatedBy: String?
    /// `open`, `closed` or another word the service uses.
    public var state: String?
    /// 0-4 when set.
    public var priority: Int?
    /// Root cause text.
    public var rootCause: String?
    /// The subject line.
    public var subject: String?
    /// The content's type.
    public var contentType: String?
    /// The body text.
    public var content: String?
    /// Number of comments.
    public var commentCount: Int?
    /// Who is notified of changes.
    public var notificationList: [String]?
    /// `YYYY-MM-DD HH:MM:SS` in the vendor's zone, as the API writes it.
    public var createdAt: String?
    /// `YYYY-MM-DD HH:MM:SS` in the vendor's zone, as the API writes it.
    public var updatedAt: String?
    /// Hints text.
    public var tips: String?
    /// Fields that were present but could not be read as documented, for warnings.
    public var problems: [String]

    /// Creates a ticket; every field but `id` is optional.
    public init(
        id: Int, companyID: Int? = nil, teamID: Int? = nil, teamName: String? = nil,
        createdBy: String? = nil, assignedTo: String? = nil, updatedBy: String? = nil,
        state: String? = nil, priority: Int? = nil, rootCause: String? = nil,
        subject: String? = nil, contentType: String? = nil, content: String? = nil,
        commentCount: Int? = nil, notificationList: [String]? = nil,
        createdAt: String? = nil, updatedAt: String? = nil, tips: String? = nil,
        problems: [String] = []
    ) {
        self.id = id
        self.companyID = companyID
        self.teamID = teamID
        self.teamName = teamName
        self.createdBy = createdBy
        self.assignedTo = assignedTo
        self.updatedBy = updatedBy
        self.state = state
        self.priority = priority
        self.rootCause = rootCause
        self.subject = subject
        self.contentType = contentType
        self.content = content
        self.commentCount = commentCount
        self.notificationList = notificationList
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.tips = tips
        self.problems = problems
    }

    enum CodingKeys: String, CodingKey {
        case id, state, priority, subject, content, tips, problems
        case companyID = "company_id"
        case teamID = "team_id"
        case teamName = "team_name"
        case createdBy = "created_by"
        case assignedTo = "assigned_to"
        case updatedBy = "updated_by"
        case rootCause = "root_cause"
        case contentType = "content_type"
        case commentCount = "comment_count"
        case notificationList = "notification_list"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var problems: [String] = []
        guard let id = c.lenientInt(.id, problems: &problems) else {
            throw DecodingError.dataCorruptedError(
                forKey: .id, in: c,
                debugDescription: problems.last.map { "ticket without a usable id: \($0)" }
                    ?? "ticket without a numeric id")
        }
        self.id = id
        companyID = c.lenientInt(.companyID, problems: &problems)
        teamID = c.lenientInt(.teamID, problems: &problems)
        teamName = c.lenientString(.teamName, problems: &problems)
        createdBy = c.lenientString(.createdBy, problems: &problems)
        assignedTo = c.lenientString(.assignedTo, problems: &problems)
        updatedBy = c.lenientString(.updatedBy, problems: &problems)
        state = c.lenientString(.state, problems: &problems)
        priority = c.lenientInt(.priority, problems: &problems)
        rootCause = c.lenientString(.rootCause, problems: &problems)
        subject = c.lenientString(.subject, problems: &problems)
        contentType = c.lenientString(.contentType, problems: &problems)
        content = c.lenientString(.content, problems: &problems)
        commentCount = c.lenientInt(.commentCount, problems: &problems)
        notificationList = c.lenientStringList(.notificationList)
        createdAt = c.lenientString(.createdAt, problems: &problems)
        updatedAt = c.lenientString(.updatedAt, problems: &problems)
        tips = c.lenientString(.tips, problems: &problems)
        // A snapshot carries the problems found when the ticket was fetched.
        problems += (try? c.decodeIfPresent([String].self, forKey: .problems)) ?? []
        self.problems = problems
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(companyID, forKey: .companyID)
        try c.encode(teamID, forKey: .teamID)
        try c.encode(teamName, forKey: .teamName)
        try c.encode(createdBy, forKey: .createdBy)
        try c.encode(assignedTo, forKey: .assignedTo)
        try c.encode(updatedBy, forKey: .updatedBy)
        try c.encode(state, forKey: .state)
        try c.encode(priority, forKey: .priority)
        try c.encode(rootCause, forKey: .rootCause)
        try c.encode(subject, forKey: .subject)
        try c.encode(contentType, forKey: .contentType)
        try c.encode(content, forKey: .content)
        try c.encode(commentCount, forKey: .commentCount)
        try c.encode(notificationList, forKey: .notificationList)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(tips, forKey: .tips)
        if !problems.isEmpty { try c.encode(problems, forKey: .problems) }
    }
}
