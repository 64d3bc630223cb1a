import Foundation
import MaxCloud

/// The report's rows in (company id, ticket id) order: held in memory, or spilled to an
/// unlinked temporary file when a large snapshot is read as a stream, so that memory does
/// not grow with the number of tickets.
///
/// A spilled row keeps what the outputs list (not the ticket's body, `tips` or
/// notification list); its derived fields are stored, not worked out again.
public final class TicketRows: Sequence, Sendable {
    private enum Storage: Sendable {
        case memory([TicketRow])
        case spilled(SpillFile, names: [Int: String])
    }

    private let storage: Storage
    /// The number of rows.
    public let count: Int
    /// The `Tickets` sheet's column widths, noted as the rows were counted.
    let columnWidths: TicketColumnWidths

    init(_ rows: [TicketRow], columnWidths: TicketColumnWidths) {
        storage = .memory(rows)
        count = rows.count
        self.columnWidths = columnWidths
    }

    init(spill: SpillFile, count: Int, names: [Int: String], columnWidths: TicketColumnWidths) {
        storage = .spilled(spill, names: names)
        self.count = count
        self.columnWidths = columnWidths
    }

    public var underestimatedCount: Int { count }

    /// Whether the rows are read back from a temporary file.
    var isSpilled: Bool {
        if case .spilled = storage { return true }
        return false
    }

    /// Whether there are no rows.
    public var isEmpty: Bool { count == 0 }

    /// The rows as an array (reads a spilled file whole: for tests and small reports).
    public var array: [TicketRow] { Array(self) }

    public func makeIterator() -> Iterator {
        switch storage {
        case .memory(let rows): Iterator(memory: rows)
        case .spilled(let file, let names): Iterator(file: file, names: names)
        }
    }

    /// Walks the rows once.
    public struct Iterator: IteratorProtocol {
        private var memory: IndexingIterator<[TicketRow]>?
        private var reader: SpillReader?
        private let names: [Int: String]

        init(memory rows: [TicketRow]) {
            memory = rows.makeIterator()
            names = [:]
        }

        init(file: SpillFile, names: [Int: String]) {
            reader = SpillReader(file: file)
            self.names = names
        }

        public mutating func next() -> TicketRow? {
            if memory != nil { return memory!.next() }
            return reader?.next(names: names)
        }
    }
}

/// An unlinked temporary file that rows are appended to and read back from; it vanishes
/// when closed, even after a crash.
final class SpillFile: Sendable {
    let descriptor: Int32
    let path: String

    init() throws(ReportError) {
        let directory = FileManager.default.temporaryDirectory.path
        var template = Array("\(directory)/maxcloud-report-rows-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        let path = String(
            decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard fd >= 0 else {
            throw .write(path: path, reason: String(cString: strerror(errno)))
        }
        unlink(path)
        descriptor = fd
        self.path = path
    }

    deinit { close(descriptor) }

    /// Appends bytes at the end.
    func append(_ bytes: [UInt8]) throws(ReportError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                write(descriptor, $0.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .write(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }
}

/// Encodes rows for a `SpillFile`: a 4-byte length, then the fields.
struct SpillWriter {
    private let file: SpillFile
    private var buffer: [UInt8] = []

    init(file: SpillFile) {
        self.file = file
        buffer.reserveCapacity(1 << 20)
    }

    mutating func add(_ row: TicketRow) throws(ReportError) {
        let start = buffer.count
        buffer.append(contentsOf: [0, 0, 0, 0])
        let t = row.ticket
        int(t.id)
        int(row.companyID)
        optionalInt(t.teamID)
        string(t.teamName)
        string(t.createdBy)
        string(t.assignedTo)
        string(t.updatedBy)
        string(t.state)
        optionalInt(t.priority)
        string(t.rootCause)
        string(t.subject)
        optionalInt(t.commentCount)
        string(t.createdAt)
        string(t.updatedAt)
        date(row.created)
        date(row.updated)
        date(row.ageSeconds.map { Date(timeIntervalSinceReferenceDate: $0) })
        let length = UInt32(buffer.count - start - 4)
        for index in 0..<4 {
            buffer[start + index] = UInt8(truncatingIfNeeded: length >> (index * 8))
        }
        if buffer.count >= 1 << 20 { try flush() }
    }

    mutating func flush() throws(ReportError) {
        try file.append(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func int(_ value: Int) {
        let bits = UInt64(bitPattern: Int64(value))
        for index in 0..<8 { buffer.append(UInt8(truncatingIfNeeded: bits >> (index * 8))) }
    }

    private mutating func optionalInt(_ value: Int?) {
        buffer.append(value == nil ? 0 : 1)
        if let value { int(value) }
    }

    private mutating func string(_ value: String?) {
        guard var value else {
            buffer.append(0)
            return
        }
        buffer.append(1)
        value.withUTF8 { bytes in
            int(bytes.count)
            buffer.append(contentsOf: bytes)
        }
    }

    private mutating func date(_ value: Date?) {
        buffer.append(value == nil ? 0 : 1)
        if let value {
            int(Int(bitPattern: UInt(value.timeIntervalSinceReferenceDate.bitPattern)))
        }
    }
}

/// Reads rows back from a `SpillFile` in blocks.
struct SpillReader {
    private let file: SpillFile
    private var offset: off_t = 0
    private var block: [UInt8] = []
    private var position = 0

    init(file: SpillFile) {
        self.file = file
    }

    /// The next row, nil at the end. A read error here means the temporary file was lost
    /// under us; there is no report to make then.
    mutating func next(names: [Int: String]) -> TicketRow? {
        guard fill(4) else { return nil }
        let length = Int(uint32())
        guard fill(length) else {
            fatalError("maxcloud-report: the temporary row file \(file.path) was cut short")
        }
        var reader = FieldReader(bytes: block, position: position)
        let row = reader.row(names: names)
        position += length
        return row
    }

    private mutating func uint32() -> UInt32 {
        var value: UInt32 = 0
        for index in 0..<4 { value |= UInt32(block[position + index]) << (index * 8) }
        position += 4
        return value
    }

    /// Makes sure `count` unread bytes are in the block; false at the end of the file.
    private mutating func fill(_ count: Int) -> Bool {
        if block.count - position >= count { return true }
        block.removeFirst(position)
        position = 0
        let wanted = max(count - block.count, 1 << 20)
        var chunk = [UInt8](repeating: 0, count: wanted)
        while block.count < count {
            let read = chunk.withUnsafeMutableBytes {
                pread(file.descriptor, $0.baseAddress!, wanted, offset)
            }
            if read < 0 {
                if errno == EINTR { continue }
                fatalError(
                    "maxcloud-report: cannot read the temporary row file \(file.path): "
                        + String(cString: strerror(errno)))
            }
            if read == 0 { return false }
            offset += off_t(read)
            block.append(contentsOf: chunk[0..<read])
        }
        return true
    }
}

/// Decodes one row's fields.
private struct FieldReader {
    let bytes: [UInt8]
    var position: Int

    mutating func row(names: [Int: String]) -> TicketRow {
        let id = int()
        let companyID = int()
        let ticket = Ticket(
            id: id, companyID: companyID, teamID: optionalInt(), teamName: string(),
            createdBy: string(), assignedTo: string(), updatedBy: string(), state: string(),
            priority: optionalInt(), rootCause: string(), subject: string(),
            commentCount: optionalInt(), createdAt: string(), updatedAt: string())
        let created = date()
        let updated = date()
        let age = date()?.timeIntervalSinceReferenceDate
        return TicketRow(
            ticket: ticket, companyID: companyID,
            companyName: names[companyID] ?? "company \(companyID)", created: created,
            updated: updated, ageSeconds: age)
    }

    private mutating func int() -> Int {
        var bits: UInt64 = 0
        for index in 0..<8 { bits |= UInt64(bytes[position + index]) << (index * 8) }
        position += 8
        return Int(Int64(bitPattern: bits))
    }

    private mutating func optionalInt() -> Int? {
        position += 1
        return bytes[position - 1] == 0 ? nil : int()
    }

    private mutating func string() -> String? {
        position += 1
        guard bytes[position - 1] != 0 else { return nil }
        let count = int()
        let text = bytes.withUnsafeBufferPointer {
            String(
                decoding: UnsafeBufferPointer(rebasing: $0[position..<position + count]),
                as: UTF8.self)
        }
        position += count
        return text
    }

    private mutating func date() -> Date? {
        position += 1
        guard bytes[position - 1] != 0 else { return nil }
        let bits = UInt64(bitPattern: Int64(int()))
        return Date(timeIntervalSinceReferenceDate: Double(bitPattern: bits))
    }
}
