import Foundation
import MaxCloud
import TestSupport

@testable import Reports

/// Writing `report.xlsx` alone for a test, and reading back what the tests look at.
enum WorkbookFiles {
    /// Writes `report.xlsx` for `tickets` into `folder` and returns its path.
    static func write(
        _ tickets: [Ticket], companies: [Company]? = nil, clock: ReportClock? = nil,
        in folder: URL
    ) throws -> String {
        let data = ReportData(
            snapshot: Fixtures.snapshot(tickets, companies: companies),
            clock: try clock ?? Fixtures.clock())
        var settings = RenderSettings(outDirectory: folder, templates: try ReportTemplates())
        settings.formats = [.xlsx]
        try ReportWriter.write(data, settings: settings)
        return folder.appendingPathComponent("report.xlsx").path
    }

    /// The sheet names in workbook order.
    static func sheetNames(_ file: String) throws -> [String] {
        let xml = try XLSXPackage.part("xl/workbook.xml", of: file)
        return xml.components(separatedBy: "<sheet name=\"").dropFirst().map {
            unescapeAttribute(String($0.prefix { $0 != "\"" }))
        }
    }

    /// The part of the sheet called `name`: libxlsxwriter numbers sheet parts in sheet order.
    static func sheetPart(_ name: String, of file: String) throws -> String {
        let names = try sheetNames(file)
        guard let index = names.firstIndex(of: name) else {
            throw PackageError.missingPart("sheet '\(name)'", status: 0)
        }
        return try XLSXPackage.part("xl/worksheets/sheet\(index + 1).xml", of: file)
    }

    /// Column widths by one-based column number, from a sheet's `<cols>`.
    static func columnWidths(_ sheet: String) -> [Int: Double] {
        var widths: [Int: Double] = [:]
        for col in sheet.components(separatedBy: "<col ").dropFirst() {
            func attribute(_ name: String) -> String? {
                guard let start = col.range(of: "\(name)=\"") else { return nil }
                return String(col[start.upperBound...].prefix { $0 != "\"" })
            }
            guard let min = attribute("min").flatMap(Int.init),
                let max = attribute("max").flatMap(Int.init),
                let width = attribute("width").flatMap(Double.init)
            else { continue }
            for column in min...max { widths[column] = width }
        }
        return widths
    }

    private static func unescapeAttribute(_ text: String) -> String {
        text.replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(
            of: "&quot;", with: "\""
        )
        .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&amp;", with: "&")
    }
}
