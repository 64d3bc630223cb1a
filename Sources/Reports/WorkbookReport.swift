import Foundation

enum WorkbookReport {
    static func write(_ data: ReportData, to url: URL) throws {
        throw ReportError.workbook("not yet")
    }
}
