import Foundation
import Mustache

/// How the report files are written.
public struct RenderSettings: Sendable {
    /// Which files.
    public var formats: [OutputFormat] = OutputFormat.allCases
    /// The output folder.
    public var outDirectory: URL
    /// The templates for `report.md` and `report.html`.
    public var templates: ReportTemplates
    /// Whether the CSV files start with a UTF-8 byte-order mark (Excel wants one).
    public var bom = true

    /// Creates settings with every format and the built-in templates.
    public init(outDirectory: URL, templates: ReportTemplates) {
        self.outDirectory = outDirectory
        self.templates = templates
    }
}

/// Writes the chosen report files. Each is written to a temporary name first; only when
/// all are written are they renamed into place, so a failure leaves the previous report.
public enum ReportWriter {
    /// Writes the files and returns their paths.
    /// - Throws: `ReportError` naming the file or template at fault; nothing is replaced then.
    @discardableResult
    public static func write(_ data: ReportData, settings: RenderSettings) throws -> [URL] {
        let batch = try OutputBatch(directory: settings.outDirectory)
        do {
            for format in settings.formats {
                try write(format, data, settings, batch)
            }
            let names = batch.finalNames
            try batch.commit()
            return names.map { settings.outDirectory.appendingPathComponent($0) }
        } catch {
            batch.discard()
            throw error
        }
    }

    private static func write(
        _ format: OutputFormat, _ data: ReportData, _ settings: RenderSettings, _ batch: OutputBatch
    ) throws {
        switch format {
        case .json:
            try batch.write("summary.json", data: try data.summary.jsonData())
        case .csv:
            try batch.writeCSV("tickets.csv", bom: settings.bom) {
                try CSVReports.writeTickets(data, to: &$0)
            }
            try batch.writeCSV("summary.csv", bom: settings.bom) {
                try CSVReports.writeSummary(data.summary, to: &$0)
            }
        case .md, .html:
            let name = format == .md ? "report.md" : "report.html"
            let context = try TemplateContext.make(data.summary)
            let text = try settings.templates.render(name, data: context)
            try batch.write(name, data: Data(text.utf8))
        case .xlsx:
            let url = batch.stage("report.xlsx")
            try WorkbookReport.write(data, to: url)
        }
    }
}
