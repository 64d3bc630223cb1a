/// Writes the vendor's JSON shapes: the envelope, companies, tickets and each call's `data`.
enum APIEncoding {
    /// `{"status", "request_id", "message", "data", "time"}`; `data` writes the data value
    /// (it must write exactly one JSON value, `null` included).
    static func envelope(
        status: Int, requestID: String, message: String, time: Int,
        capacity: Int = 512, data: (inout JSONWriter) -> Void
    ) -> [UInt8] {
        var writer = JSONWriter(capacity: capacity)
        writer.raw("{")
        writer.key("status", first: true)
        writer.int(status)
        writer.key("request_id")
        writer.string(requestID)
        writer.key("message")
        writer.string(message)
        writer.key("data")
        data(&writer)
        writer.key("time")
        writer.int(time)
        writer.raw("}")
        return writer.bytes
    }

    /// `{"id", "name", "created_at"}`.
    static func company(_ company: SimCompany, into writer: inout JSONWriter) {
        writer.raw("{")
        writer.key("id", first: true)
        writer.int(company.id)
        writer.key("name")
        writer.string(company.name)
        writer.key("created_at")
        writer.string(company.createdAt)
        writer.raw("}")
    }

    /// An array of companies.
    static func companies(_ companies: [SimCompany], into writer: inout JSONWriter) {
        writer.raw("[")
        for (index, company) in companies.enumerated() {
            if index > 0 { writer.comma() }
            self.company(company, into: &writer)
        }
        writer.raw("]")
    }

    /// A ticket with exactly the documented fields, in the documented order.
    static func ticket(_ ticket: SimTicket, into writer: inout JSONWriter) {
        writer.raw("{")
        writer.key("id", first: true)
        writer.int(ticket.id)
        writer.key("company_id")
        writer.int(ticket.companyID)
        writer.key("team_id")
        writer.int(ticket.teamID)
        writer.key("team_name")
        writer.string(ticket.teamName)
        writer.key("created_by")
        writer.string(ticket.createdBy)
        writer.key("assigned_to")
        writer.string(ticket.assignedTo)
        writer.key("updated_by")
        writer.string(ticket.updatedBy)
        writer.key("state")
        writer.string(ticket.state)
        writer.key("priority")
        writer.int(ticket.priority)
        writer.key("root_cause")
        writer.string(ticket.rootCause)
        writer.key("subject")
        writer.string(ticket.subject)
        writer.key("content_type")
        writer.string(ticket.contentType)
        writer.key("content")
        writer.string(ticket.content)
        writer.key("comment_count")
        writer.int(ticket.commentCount)
        writer.key("notification_list")
        writer.strings(ticket.notificationList)
        writer.key("created_at")
        writer.string(ticket.createdAt)
        writer.key("updated_at")
        writer.string(ticket.updatedAt)
        writer.key("resources")
        if let resources = ticket.resources {
            writer.value(.array(resources))
        } else {
            writer.null()
        }
        writer.key("tips")
        writer.string(ticket.tips)
        writer.raw("}")
    }

    /// The login call's `data`.
    static func login(
        account: SimAccount, token: String, company: SimCompany, all: [SimCompany],
        into writer: inout JSONWriter
    ) {
        writer.raw("{")
        writer.key("id", first: true)
        writer.int(account.id)
        writer.key("group_admin")
        writer.int(account.groupAdmin)
        writer.key("admin")
        writer.int(account.admin)
        writer.key("change_password")
        writer.int(account.changePassword)
        writer.key("token")
        writer.string(token)
        writer.key("email")
        writer.string(account.email)
        writer.key("company")
        self.company(company, into: &writer)
        writer.key("all_company")
        companies(all, into: &writer)
        writer.raw("}")
    }

    /// The switch call's `data`.
    static func switched(
        account: SimAccount, token: String, company: SimCompany, all: [SimCompany],
        into writer: inout JSONWriter
    ) {
        writer.raw("{")
        writer.key("token", first: true)
        writer.string(token)
        writer.key("email")
        writer.string(account.email)
        writer.key("company")
        self.company(company, into: &writer)
        writer.key("all_company")
        companies(all, into: &writer)
        writer.raw("}")
    }

    /// The ticket list's `data`.
    static func page(_ page: SimTicketPage, into writer: inout JSONWriter) {
        writer.raw("{")
        writer.key("page", first: true)
        writer.int(page.page)
        writer.key("page_count")
        writer.int(page.pageCount)
        writer.key("result_count")
        writer.int(page.resultCount)
        writer.key("open")
        writer.int(page.open)
        writer.key("closed")
        writer.int(page.closed)
        writer.key("tickets")
        writer.raw("[")
        for (index, ticket) in page.tickets.enumerated() {
            if index > 0 { writer.comma() }
            self.ticket(ticket, into: &writer)
        }
        writer.raw("]")
        writer.key("search_scope")
        writer.string(page.searchScope)
        writer.raw("}")
    }
}
