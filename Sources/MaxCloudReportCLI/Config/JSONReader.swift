/// A small JSON reader (RFC 8259) that records the line and column of every key and value,
/// which Foundation's `JSONSerialization` does not give.
public struct JSONReader {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0

    /// Nesting deeper than this is refused, so that a hostile file cannot exhaust the stack.
    static let maxDepth = 256

    /// Reads one JSON value filling the whole text (a UTF-8 byte-order mark is skipped).
    /// - Throws: `JSONSyntaxError` at the first place the text is not JSON.
    public static func read(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        var reader = JSONReader(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
        reader.skipSpace()
        let node = try reader.value()
        reader.skipSpace()
        guard reader.index == bytes.count else {
            throw reader.error(
                "unexpected \(reader.describeNext()) after the end of the JSON value")
        }
        return node
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private var position: SourcePosition { SourcePosition(line: line, column: column) }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1  // continuation bytes belong to the scalar already counted
        }
    }

    private mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
            advance()
        }
    }

    private func error(_ message: String, at position: SourcePosition? = nil) -> JSONSyntaxError {
        JSONSyntaxError(message: message, position: position ?? self.position)
    }

    private func describeNext() -> String {
        guard let byte = peek else { return "end of file" }
        if byte >= 0x21, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return byte < 0x80 ? "character 0x\(String(byte, radix: 16))" : "non-ASCII text"
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(JSONSyntaxError) {
        guard peek == byte else { throw error("expected \(what), found \(describeNext())") }
        advance()
    }

    private mutating func value() throws(JSONSyntaxError) -> JSONNode {
        let start = position
        switch peek {
        case UInt8(ascii: "{"): return JSONNode(value: try object(), position: start)
        case UInt8(ascii: "["): return JSONNode(value: try array(), position: start)
        case UInt8(ascii: "\""): return JSONNode(value: .string(try string()), position: start)
        case UInt8(ascii: "t"):
            try literal("true")
            return JSONNode(value: .bool(true), position: start)
        case UInt8(ascii: "f"):
            try literal("false")
            return JSONNode(value: .bool(false), position: start)
        case UInt8(ascii: "n"):
            try literal("null")
            return JSONNode(value: .null, position: start)
        case let byte? where byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte):
            return JSONNode(value: .number(try number()), position: start)
        default:
            throw error("expected a JSON value, found \(describeNext())")
        }
    }

    private mutating func literal(_ word: String) throws(JSONSyntaxError) {
        let start = position
        for byte in word.utf8 {
            guard peek == byte else {
                throw error("expected '\(word)', found \(describeNext())", at: start)
            }
            advance()
        }
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > Self.maxDepth { throw error("nested deeper than \(Self.maxDepth) levels") }
    }

    private mutating func object() throws(JSONSyntaxError) -> JSONNode.Value {
        try enter()
        defer { depth -= 1 }
        advance()
        skipSpace()
        var members: [JSONNode.Member] = []
        if peek == UInt8(ascii: "}") {
            advance()
            return .object(members)
        }
        while true {
            guard peek == UInt8(ascii: "\"") else {
                throw error("expected a key in double quotes, found \(describeNext())")
            }
            let keyPosition = position
            let key = try string()
            skipSpace()
            try expect(UInt8(ascii: ":"), "':' after the key \"\(key)\"")
            skipSpace()
            members.append(JSONNode.Member(key: key, keyPosition: keyPosition, value: try value()))
            skipSpace()
            if peek == UInt8(ascii: ",") {
                advance()
                skipSpace()
                continue
            }
            try expect(UInt8(ascii: "}"), "',' or '}' after the value of \"\(key)\"")
            return .object(members)
        }
    }

    private mutating func array() throws(JSONSyntaxError) -> JSONNode.Value {
        try enter()
        defer { depth -= 1 }
        advance()
        skipSpace()
        var items: [JSONNode] = []
        if peek == UInt8(ascii: "]") {
            advance()
            return .array(items)
        }
        while true {
            items.append(try value())
            skipSpace()
            if peek == UInt8(ascii: ",") {
                advance()
                skipSpace()
                continue
            }
            try expect(UInt8(ascii: "]"), "',' or ']' in the array")
            return .array(items)
        }
    }

    private mutating func number() throws(JSONSyntaxError) -> String {
        let start = index
        let startPosition = position
        func digits(_ reader: inout JSONReader) -> Int {
            var count = 0
            while let byte = reader.peek, (0x30...0x39).contains(byte) {
                reader.advance()
                count += 1
            }
            return count
        }
        if peek == UInt8(ascii: "-") { advance() }
        let leadingZero = peek == 0x30
        let whole = digits(&self)
        guard whole > 0, !(leadingZero && whole > 1) else {
            throw error("malformed number", at: startPosition)
        }
        if peek == UInt8(ascii: ".") {
            advance()
            guard digits(&self) > 0 else { throw error("malformed number", at: startPosition) }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            advance()
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { advance() }
            guard digits(&self) > 0 else { throw error("malformed number", at: startPosition) }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func string() throws(JSONSyntaxError) -> String {
        let start = position
        advance()
        var scalars = String.UnicodeScalarView()
        var run: [UInt8] = []
        func flush(_ reader: JSONReader) throws(JSONSyntaxError) {
            guard !run.isEmpty else { return }
            guard let text = String(validating: run, as: UTF8.self) else {
                throw reader.error("the string is not valid UTF-8", at: start)
            }
            scalars.append(contentsOf: text.unicodeScalars)
            run = []
        }
        while true {
            guard let byte = peek else { throw error("the string never ends", at: start) }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                try flush(self)
                return String(scalars)
            case UInt8(ascii: "\\"):
                try flush(self)
                scalars.append(try escape())
            case 0..<0x20:
                throw error("a control character in a string must be escaped (\\n, \\t, \\u00XX)")
            default:
                run.append(byte)
                advance()
            }
        }
    }

    private mutating func escape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let start = position
        advance()
        guard let byte = peek else { throw error("the string never ends", at: start) }
        advance()
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try hex(start)
            if (0xD800..<0xDC00).contains(high), peek == UInt8(ascii: "\\") {
                advance()
                guard peek == UInt8(ascii: "u") else { throw error("lone surrogate", at: start) }
                advance()
                let low = try hex(start)
                guard (0xDC00..<0xE000).contains(low),
                    let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                else { throw error("lone surrogate", at: start) }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else {
                throw error("lone surrogate", at: start)
            }
            return scalar
        default:
            throw error("unknown escape '\\\(Character(Unicode.Scalar(byte)))'", at: start)
        }
    }

    private mutating func hex(_ start: SourcePosition) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek, byte < 0x80,
                let digit = Character(Unicode.Scalar(byte)).hexDigitValue
            else { throw error("\\u needs four hexadecimal digits", at: start) }
            value = value * 16 + UInt32(digit)
            advance()
        }
        return value
    }
}
