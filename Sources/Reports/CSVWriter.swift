import Foundation

/// Writes RFC 4180 CSV: fields quoted when they hold a comma, quote, CR or LF, quotes
/// doubled, CRLF line ends, UTF-8 with an optional byte-order mark. A text field that
/// starts with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, so a spreadsheet does not
/// run it as a formula; control characters other than tab, CR and LF are removed. Rows
/// are buffered and handed to `sink` in large chunks.
public struct CSVWriter {
    private var buffer: [UInt8] = []
    private let sink: (ArraySlice<UInt8>) throws -> Void
    private var fieldsInRow = 0
    private static let flushSize = 1 << 20

    /// Creates a writer that passes its bytes to `sink`.
    public init(bom: Bool, sink: @escaping (ArraySlice<UInt8>) throws -> Void) {
        self.sink = sink
        buffer.reserveCapacity(Self.flushSize + 4096)
        if bom { buffer += [0xEF, 0xBB, 0xBF] }
    }

    /// Adds a text field, guarded against formula injection. Control characters other than
    /// tab, line feed and carriage return (NUL, BEL, ESC, DEL ...) are removed: a NUL cuts
    /// the field short in many readers, and none of them shows the others.
    public mutating func text(_ value: String?) {
        separate()
        guard var value, !value.isEmpty else { return }
        value.withUTF8 { bytes in
            var quoted = false
            var control = false
            for byte in bytes {
                if byte < 0x20 {
                    if byte == 0x0A || byte == 0x0D {
                        quoted = true
                    } else if byte != 0x09 {
                        control = true
                    }
                } else if byte == 0x2C || byte == 0x22 {
                    quoted = true
                } else if byte == 0x7F {
                    control = true
                }
            }
            if control {
                let kept = bytes.filter { !Self.isRemovedControl($0) }
                kept.withUnsafeBufferPointer { append($0, quoted: quoted) }
            } else {
                append(bytes, quoted: quoted)
            }
        }
    }

    /// A control character that `text` removes.
    static func isRemovedControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool) {
        guard let first = bytes.first else { return }
        if quoted { buffer.append(0x22) }
        if Self.needsGuard(first) { buffer.append(0x27) }
        if quoted {
            for byte in bytes {
                if byte == 0x22 { buffer.append(0x22) }
                buffer.append(byte)
            }
            buffer.append(0x22)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Adds a whole number, never guarded (a negative number is a number, not a formula).
    public mutating func number(_ value: Int?) {
        separate()
        guard let value else { return }
        if value >= 0, value < 10 {
            buffer.append(UInt8(0x30 + value))
        } else {
            buffer.append(contentsOf: String(value).utf8)
        }
    }

    /// Ends the row with CRLF, and passes the buffer on when it is large.
    public mutating func endRow() throws {
        buffer += [0x0D, 0x0A]
        fieldsInRow = 0
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Passes what is buffered to the sink.
    public mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try sink(buffer[...])
        buffer.removeAll(keepingCapacity: true)
    }

    /// Adds a whole row of text fields.
    public mutating func row(_ fields: [String]) throws {
        for field in fields { text(field) }
        try endRow()
    }

    private mutating func separate() {
        if fieldsInRow > 0 { buffer.append(0x2C) }
        fieldsInRow += 1
    }

    /// `=`, `+`, `-`, `@`, tab, CR.
    static func needsGuard(_ first: UInt8) -> Bool {
        first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09
            || first == 0x0D
    }
}
