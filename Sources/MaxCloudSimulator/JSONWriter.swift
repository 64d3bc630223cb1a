/// A small JSON writer that appends UTF-8 bytes to a buffer.
///
/// Strings are escaped as RFC 8259 requires (quote, backslash and control characters);
/// everything else, Chinese included, is written as UTF-8 unchanged. The caller places
/// commas with the `first:` argument, which keeps the writer simple and fast.
struct JSONWriter {
    /// The JSON text written so far.
    private(set) var bytes: [UInt8] = []

    /// Creates an empty writer with room for `capacity` bytes.
    init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends JSON text as it is.
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends an object key and its colon, preceded by a comma unless it is the first.
    mutating func key(_ name: StaticString, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        raw(name)
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    /// Appends a comma: between the elements of an array.
    mutating func comma() {
        bytes.append(UInt8(ascii: ","))
    }

    /// Appends `null`.
    mutating func null() {
        raw("null")
    }

    /// Appends `true` or `false`.
    mutating func bool(_ value: Bool) {
        if value { raw("true") } else { raw("false") }
    }

    /// Appends an integer in decimal.
    mutating func int(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(48 + magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    /// Appends an optional integer, `null` when absent.
    mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    /// Appends a quoted, escaped string.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [92, 92])
            case 0x0A: bytes.append(contentsOf: [92, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [92, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [92, UInt8(ascii: "t")])
            case 0x08: bytes.append(contentsOf: [92, UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [92, UInt8(ascii: "f")])
            case 0..<0x20:
                bytes.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48])
                bytes.append(contentsOf: [48 + byte >> 4, Self.hexDigit(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 48 + nibble : UInt8(ascii: "a") + nibble - 10
    }

    /// Appends an optional string, `null` when absent.
    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// Appends an array of strings, or `null` when absent.
    mutating func strings(_ values: [String]?) {
        guard let values else { return null() }
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { comma() }
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Appends any small JSON value; object keys come out sorted.
    mutating func value(_ value: SimJSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .int(let number): int(number)
        case .string(let text): string(text)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { comma() }
                self.value(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (index, name) in members.keys.sorted().enumerated() {
                if index > 0 { comma() }
                string(name)
                bytes.append(UInt8(ascii: ":"))
                self.value(members[name] ?? .null)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }
}
