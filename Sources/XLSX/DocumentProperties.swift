import CXlsxWriter
import Foundation

/// The file's document properties (`docProps/core.xml` and `docProps/app.xml`).
///
/// Set `created` for reproducible output: without it libxlsxwriter stamps the current time,
/// and two otherwise identical workbooks differ. With it, the same calls give the same bytes.
public struct DocumentProperties: Sendable, Equatable {
    /// Title.
    public var title: String?
    /// Subject.
    public var subject: String?
    /// Author (written as the creator).
    public var author: String?
    /// Manager.
    public var manager: String?
    /// Company.
    public var company: String?
    /// Category.
    public var category: String?
    /// Keywords.
    public var keywords: String?
    /// Comments.
    public var comments: String?
    /// Status.
    public var status: String?
    /// Creation (and modification) time; nil for "now" at `close()`. Whole seconds only;
    /// libxlsxwriter reads exactly 1970-01-01T00:00:00Z as unset too.
    public var created: Date?

    /// Properties; all unset by default.
    public init(
        title: String? = nil, subject: String? = nil, author: String? = nil,
        manager: String? = nil, company: String? = nil, category: String? = nil,
        keywords: String? = nil, comments: String? = nil, status: String? = nil,
        created: Date? = nil
    ) {
        self.title = title
        self.subject = subject
        self.author = author
        self.manager = manager
        self.company = company
        self.category = category
        self.keywords = keywords
        self.comments = comments
        self.status = status
        self.created = created
    }

    /// Sets `created` from calendar components read in UTC.
    /// - Throws: `XLSXError.invalidDate` when the components are not a real date and time.
    public mutating func setCreated(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0
    ) throws(XLSXError) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        let text = "\(year)-\(month)-\(day) \(hour):\(minute):\(second)"
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components)
        else {
            throw XLSXError.invalidDate(description: text, context: "DocumentProperties.created")
        }
        created = date
    }
}

extension Workbook {
    /// Sets the document properties; texts are cleaned like cell text (control characters
    /// dropped, cut at 32,767 UTF-16 units) but `_xHHHH_` is left as it is.
    /// - Throws: `XLSXError.library` if libxlsxwriter refuses them, or `.workbookClosed`.
    public func setProperties(_ properties: DocumentProperties) throws(XLSXError) {
        let workbook = try handle.workbook(for: "setProperties")

        // Kept alive until close: older libxlsxwriter versions only pointed at these.
        let cProperties = handle.allocate(lxw_doc_properties.self, count: 1)
        cProperties.pointee.title = keep(properties.title)
        cProperties.pointee.subject = keep(properties.subject)
        cProperties.pointee.author = keep(properties.author)
        cProperties.pointee.manager = keep(properties.manager)
        cProperties.pointee.company = keep(properties.company)
        cProperties.pointee.category = keep(properties.category)
        cProperties.pointee.keywords = keep(properties.keywords)
        cProperties.pointee.comments = keep(properties.comments)
        cProperties.pointee.status = keep(properties.status)
        if let created = properties.created {
            cProperties.pointee.created = time_t(created.timeIntervalSince1970.rounded(.down))
        }
        try check(workbook_set_properties(workbook, cProperties), "setProperties")
    }

    private func keep(_ text: String?) -> UnsafeMutablePointer<CChar>? {
        guard let text else { return nil }
        return handle.keep(TextSanitizer.clean(text, limit: TextSanitizer.maximumLength))
    }
}
