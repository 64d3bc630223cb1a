import Dispatch
import Foundation
import MaxCloud

/// Decodes blocks of snapshot lines on other threads while the caller counts the tickets
/// of earlier blocks, handing the blocks back in file order.
///
/// Decoding JSON is most of the time of reading a snapshot; with a few blocks in flight the
/// machine's other cores decode while the caller's thread counts and spills rows. At most
/// `depth` blocks are held at once, so memory stays flat however large the file.
final class TicketBlockDecoder {
    /// One block: its lines as a JSON array, and the file line of its first ticket.
    private final class Pending: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        var result: Result<[Ticket], ReportError> = .success([])
    }

    private let path: String
    private let depth: Int
    private var queue: [Pending] = []

    /// Creates a decoder for the snapshot at `path` (named in errors).
    init(path: String, depth: Int = max(2, ProcessInfo.processInfo.activeProcessorCount + 1)) {
        self.path = path
        self.depth = depth
    }

    /// Starts decoding `lines` (each one ticket; `numbers` are their lines in the file)
    /// and, when `depth` blocks are in flight, returns the tickets of the oldest one.
    func submit(_ lines: [Data], numbers: [Int]) throws(ReportError) -> [Ticket]? {
        let pending = Pending()
        let path = self.path
        DispatchQueue.global().async {
            pending.result = Self.decode(lines, numbers: numbers, path: path)
            pending.done.signal()
        }
        queue.append(pending)
        return queue.count >= depth ? try next() : nil
    }

    /// The tickets of the oldest block still in flight, or nil when there is none.
    func next() throws(ReportError) -> [Ticket]? {
        guard !queue.isEmpty else { return nil }
        let oldest = queue.removeFirst()
        oldest.done.wait()
        return try oldest.result.get()
    }

    /// Waits for every block still in flight, so none outlives the reading.
    func drain() {
        for pending in queue { pending.done.wait() }
        queue = []
    }

    /// Decodes the lines as one JSON array; on failure finds the line at fault.
    private static func decode(_ lines: [Data], numbers: [Int], path: String)
        -> Result<[Ticket], ReportError>
    {
        var block = Data(capacity: lines.reduce(2) { $0 + $1.count + 1 })
        block.append(UInt8(ascii: "["))
        for (index, line) in lines.enumerated() {
            if index > 0 { block.append(UInt8(ascii: ",")) }
            block.append(line)
        }
        block.append(UInt8(ascii: "]"))
        let decoder = JSONDecoder()
        do {
            return .success(try decoder.decode([Ticket].self, from: block))
        } catch {
            for (line, number) in zip(lines, numbers) {
                do {
                    _ = try decoder.decode(Ticket.self, from: line)
                } catch {
                    // The ticket's id, when the line is JSON enough to hold one.
                    let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any]
                    let id = (object?["id"] as? NSNumber).map { "ticket \($0): " } ?? ""
                    return .failure(
                        .badSnapshot(
                            path: "\(path):\(number)",
                            reason: "\(id)not a ticket: \(describe(error))"))
                }
            }
            return .failure(.badSnapshot(path: path, reason: describe(error)))
        }
    }

    /// A decoding error in words, with where in the JSON it is:
    /// `sources[0]: missing key 'company'`, `sources[0].pages: expected a number`.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else {
            return (error as? ReportError)?.description ?? "\(error)"
        }
        func place(_ path: [any CodingKey]) -> String {
            var text = ""
            for key in path {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text.isEmpty ? "" : text + ": "
        }
        switch error {
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return "not valid JSON (cut short, or not written by fetch)"
            }
            return place(context.codingPath) + context.debugDescription
        case .keyNotFound(let key, let context):
            return place(context.codingPath) + "missing key '\(key.stringValue)'"
        case .typeMismatch(let type, let context):
            return place(context.codingPath) + "expected \(kind(type))"
        case .valueNotFound(let type, let context):
            return place(context.codingPath) + "null where \(kind(type)) belongs"
        @unknown default:
            return "\(error)"
        }
    }

    /// "a number", "text", "a list", for a type the decoder expected.
    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Double.Type, is Int64.Type: "a number"
        case is String.Type: "text"
        case is Bool.Type: "true or false"
        case is [Any].Type: "a list"
        default:
            String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }
}
