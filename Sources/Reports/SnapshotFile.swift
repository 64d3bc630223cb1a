import Foundation
import MaxCloud

/// A snapshot file opened for reading: its header at once, its tickets as a stream
/// (version 2, JSON Lines), decoded a block of lines at a time.
struct SnapshotFile {
    let path: String
    let header: Snapshot.Header
    /// Whether the file is version 2 (JSON Lines) and can be streamed.
    let isStream: Bool
    /// Bytes of the header line and its newline.
    private let headerLength: Int

    /// Lines decoded together: large enough that the decoder's set-up does not show,
    /// small enough that memory stays flat.
    private static let linesPerBlock = 2_000
    private static let readSize = 4 << 20

    init(path: String) throws(ReportError) {
        self.path = path
        // A pipe or a device cannot be read twice (header, then tickets) and opening a pipe
        // with no writer would wait forever: only regular files (and folders, refused below
        // with their own words) are opened.
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG,
            info.st_mode & S_IFMT != S_IFDIR
        {
            throw .badSnapshot(
                path: path,
                reason: "it is not a regular file (a pipe, a device or a socket); save the "
                    + "snapshot to a file (fetch --snapshot FILE) and give its path")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue
        {
            throw .badSnapshot(path: path, reason: "it is a folder, not a snapshot file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let reason =
                FileManager.default.fileExists(atPath: path)
                ? FileProblem.text(errno == 0 ? EACCES : errno) : "no such file"
            throw .badSnapshot(path: path, reason: reason)
        }
        defer { try? handle.close() }
        // The header line: read until the first newline (a version 1 file has none).
        var line = Data()
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: 1 << 16) ?? Data()
            } catch {
                throw .badSnapshot(path: path, reason: FileProblem.describe(error, path: path))
            }
            if chunk.isEmpty { break }
            if let newline = chunk.firstIndex(of: 0x0A) {
                line.append(chunk[chunk.startIndex..<newline])
                break
            }
            line.append(chunk)
            if line.count > 64 << 20 { break }  // a version 1 file: no need to read it all
        }
        if line.isEmpty { throw .badSnapshot(path: path, reason: "the file is empty") }
        let decoded: Snapshot.Header?
        do {
            decoded = try JSONDecoder().decode(Snapshot.Header.self, from: line)
        } catch {
            // A header of this format that does not decode is named as such, not read
            // again as a version 1 file (which would say only that it is not JSON).
            if Self.namesThisFormat(line) {
                throw .badSnapshot(
                    path: "\(path):1",
                    reason: "the header is not as fetch writes it: "
                        + TicketBlockDecoder.describe(error))
            }
            decoded = nil
        }
        if let header = decoded, header.format == Snapshot.Header.formatName,
            header.version > Snapshot.Header.currentVersion
        {
            throw .badSnapshot(
                path: "\(path):1",
                reason: "it is snapshot version \(header.version), written by a newer "
                    + "maxcloud-report; this one reads versions 1 to "
                    + "\(Snapshot.Header.currentVersion)")
        }
        if decoded == nil, Self.isObjectWithoutHeaderOrTickets(line) {
            throw .badSnapshot(
                path: "\(path):1",
                reason: "the first line is JSON but not a snapshot's header (fetch writes a "
                    + "header line with \"format\": \"\(Snapshot.Header.formatName)\" first); "
                    + "was the file cut or put together by hand?")
        }
        if let header = decoded, header.version == Snapshot.Header.currentVersion {
            guard header.format == Snapshot.Header.formatName, header.ticketCount != nil else {
                throw .badSnapshot(
                    path: "\(path):1", reason: "the header does not name this format")
            }
            self.header = header
            isStream = true
            headerLength = line.count + 1
            return
        }
        // Not version 2: version 1 is read whole by `Snapshot.read`; anything else fails
        // there with the decoder's reason.
        header = Snapshot.Header(
            version: 1, baseURL: "", fetchedAt: "", companies: [], includeClosed: true,
            sources: [], warnings: [], failedSources: [], ticketCount: nil)
        isStream = false
        headerLength = 0
    }

    /// Whether a line is a whole JSON object with neither a `format` (a header) nor
    /// `tickets` (a version 1 snapshot on one line): a ticket line, say, with no header
    /// before it.
    private static func isObjectWithoutHeaderOrTickets(_ line: Data) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any]
        else { return false }
        return object["format"] == nil && object["tickets"] == nil
    }

    /// Whether a line is a JSON object whose `format` is this snapshot format's.
    private static func namesThisFormat(_ line: Data) -> Bool {
        let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any]
        return object?["format"] as? String == Snapshot.Header.formatName
    }

    /// Calls `body` with each ticket in file order until it returns false. Blocks of lines
    /// are decoded on other threads meanwhile (`TicketBlockDecoder`).
    /// - Throws: `ReportError.badSnapshot` naming the file and line of a ticket that does
    ///   not decode, or a file that holds fewer or more tickets than its header says.
    func forEachTicket(_ body: (Ticket) throws(ReportError) -> Bool) throws(ReportError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .badSnapshot(path: path, reason: "cannot be read")
        }
        defer { try? handle.close() }
        let decoder = TicketBlockDecoder(path: path)
        defer { decoder.drain() }
        var pending = Data()
        var lines: [Data] = []
        var numbers: [Int] = []  // each line's number in the file
        var lineNumber = 1  // the header
        var seen = 0
        var skip = headerLength
        let companies = Set(header.companies.map(\.id))
        var pendingNumbers: [Int] = []  // the lines of the tickets submitted, not yet delivered
        var delivered = 0

        // Hands decoded tickets to `body`; false when it asked to stop.
        func deliver(_ tickets: [Ticket]?) throws(ReportError) -> Bool {
            for ticket in tickets ?? [] {
                let line = pendingNumbers[delivered]
                delivered += 1
                try Snapshot.checkCompany(
                    of: ticket, in: companies, header: header, at: "\(path):\(line)")
                seen += 1
                guard try body(ticket) else { return false }
            }
            pendingNumbers.removeFirst(delivered)
            delivered = 0
            return true
        }
        func submit() throws(ReportError) -> Bool {
            guard !lines.isEmpty else { return true }
            pendingNumbers += numbers
            let tickets = try decoder.submit(lines, numbers: numbers)
            lines.removeAll(keepingCapacity: true)
            numbers.removeAll(keepingCapacity: true)
            return try deliver(tickets)
        }

        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: Self.readSize) ?? Data()
            } catch {
                throw .badSnapshot(path: path, reason: FileProblem.describe(error, path: path))
            }
            if chunk.isEmpty { break }
            if skip > 0 {
                let dropped = min(skip, chunk.count)
                skip -= dropped
                pending.append(chunk.dropFirst(dropped))
            } else {
                pending.append(chunk)
            }
            // Split the complete lines off; keep a partial last line for the next chunk.
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                lineNumber += 1
                if newline > start {
                    lines.append(pending[start..<newline])
                    numbers.append(lineNumber)
                }
                start = newline + 1
                if lines.count == Self.linesPerBlock {
                    guard try submit() else { return }
                }
            }
            pending = Data(pending[start...])
        }
        if !pending.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) {
            lines.append(pending)
            numbers.append(lineNumber + 1)
        }
        guard try submit() else { return }
        while let tickets = try decoder.next() {
            guard try deliver(tickets) else { return }
        }
        if let expected = header.ticketCount, expected != seen {
            throw .badSnapshot(
                path: path,
                reason:
                    "the header says \(expected) tickets but the file holds \(seen): "
                    + "it was cut short or changed")
        }
    }
}
