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
    /// The run history to compare with and record the run in; nil keeps none.
    public var history: HistorySettings?

    /// Creates settings with every format and the built-in templates.
    public init(outDirectory: URL, templates: ReportTemplates) {
        self.outDirectory = outDirectory
        self.templates = templates
    }
}

/// What `ReportWriter.writeReport` did.
public struct WrittenReport: Sendable {
    /// The files written, in the order of the formats.
    public var files: [URL]
    /// The data the files show: with the history's `changes` and `trend` when it was kept.
    public var data: ReportData
    /// Set when the files were written but the run could not be recorded in the history
    /// afterwards; the history is then as it was before the run.
    public var historyWarning: String?
}

/// Writes the chosen report files. Each is written to a temporary name first; only when
/// all are written are they renamed into place, so a failure leaves the previous report.
///
/// With a history, the order is: open the history and take its lock, record the run in
/// a transaction and work out the changes, write the files, rename them into place, and
/// only then commit the transaction. A failure before the files are in place rolls the
/// history back, so a failed run leaves both as they were. If the commit itself fails,
/// or the process dies between the renames and the commit, the report stands and the
/// history lacks this run: the next run compares with the run before it.
public enum ReportWriter {
    /// Writes the files and returns their paths.
    /// - Throws: `ReportError` naming the file or template at fault, or `HistoryError`;
    ///   nothing is replaced then.
    @discardableResult
    public static func write(_ data: ReportData, settings: RenderSettings) throws -> [URL] {
        try writeReport(data, settings: settings).files
    }

    /// Writes the files and records the run in the history (`settings.history`).
    /// - Throws: `ReportError` naming the file or template at fault, or `HistoryError`;
    ///   nothing is replaced and the history is left as it was.
    public static func writeReport(_ data: ReportData, settings: RenderSettings) throws
        -> WrittenReport
    {
        var data = data
        // The batch makes the output folder, where the history file is by default.
        let batch = try OutputBatch(directory: settings.outDirectory)
        var history: ReportHistory?
        if let options = settings.history {
            let opened = try ReportHistory(options)
            history = opened
            do {
                data = try opened.record(data)
            } catch {
                opened.rollback()
                throw error
            }
        }
        let names: [String]
        // The workbook, the slowest file, is written on a thread of its own while the
        // others are written here: the two cores of a small machine both work.
        var workbook: BackgroundJob?
        do {
            defer { workbook?.waitIgnoringError() }  // never leave it writing, even on error
            for format in settings.formats {
                if format == .xlsx {
                    let url = batch.stage("report.xlsx")
                    let counted = data
                    workbook = BackgroundJob { try WorkbookReport.write(counted, to: url) }
                } else {
                    try write(format, data, settings, batch)
                }
            }
            try workbook?.wait()
            names = batch.finalNames
            try batch.commit()
        } catch {
            batch.discard()
            history?.rollback()
            throw error
        }
        var warning: String?
        do {
            try history?.commit()
        } catch {
            warning =
                "the report was written, but the run could not be recorded in the history: \(error)"
        }
        return WrittenReport(
            files: names.map { settings.outDirectory.appendingPathComponent($0) }, data: data,
            historyWarning: warning)
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
            try batch.writeCSV("changes.csv", bom: settings.bom) {
                try CSVReports.writeChanges(data.summary, to: &$0)
            }
        case .md, .html:
            let name = format == .md ? "report.md" : "report.html"
            let context = try TemplateContext.make(data.summary)
            let text = try settings.templates.render(name, data: context)
            try batch.write(name, data: Data(text.utf8))
        case .xlsx:
            try WorkbookReport.write(data, to: batch.stage("report.xlsx"))
        }
    }
}

/// Work on a thread of its own, waited for once.
final class BackgroundJob: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var failure: (any Error)?
    private var finished = false

    /// Starts `work` at once.
    init(_ work: @escaping @Sendable () throws -> Void) {
        let thread = Thread { [self] in
            do { try work() } catch { failure = error }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the work to end and rethrows its error.
    func wait() throws {
        if !finished {
            done.wait()
            finished = true
        }
        if let failure { throw failure }
    }

    /// Waits for the work to end, whatever it gave.
    func waitIgnoringError() { try? wait() }
}
