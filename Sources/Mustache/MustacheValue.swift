import Foundation

/// The data a template renders: the same shapes JSON has.
///
/// Build it from JSON with `JSONDecoder`, or write it with literals:
/// `["title": "Weekly", "rows": [["id": 1], ["id": 2]]]`.
public enum MustacheValue: Sendable, Equatable {
    /// No value; renders as nothing and is falsy in sections.
    case null
    /// A boolean; `false` is falsy in sections.
    case bool(Bool)
    /// A number; it renders as JavaScript writes it, integral values without a decimal point.
    case number(Double)
    /// A string; the empty string is falsy in sections.
    case string(String)
    /// A list; a section repeats once per element, and an empty list is falsy.
    case array([MustacheValue])
    /// An object; a section pushes it on the context stack so its keys can be named.
    case object([String: MustacheValue])
}

extension MustacheValue {
    /// Whether a section `{{#name}}` renders its content once for this value
    /// (and `{{^name}}` does not).
    ///
    /// `null`, `false`, `0`, NaN, the empty string and the empty list are falsy, following
    /// the specification's `!!data` rule; everything else, empty objects included, is truthy.
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let value): return value
        case .number(let value): return value != 0 && !value.isNaN
        case .string(let value): return !value.isEmpty
        case .array(let values): return !values.isEmpty
        case .object: return true
        }
    }

    /// The text an interpolation tag writes for this value, before escaping.
    ///
    /// Lists render their elements joined by commas; objects and `null` render as nothing.
    public var renderedText: String {
        switch self {
        case .null, .object: return ""
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return Self.format(value)
        case .string(let value): return value
        case .array(let values): return values.map(\.renderedText).joined(separator: ",")
        }
    }

    /// Writes a number as JavaScript's `Number#toString` does, so a template renders the
    /// numbers mustache.js renders: `85`, `1.21`, `1000000000000000` for 1e15,
    /// `123456789012345680` for 123456789012345678, `1e+21`, `1e-7`, `0.000001`.
    ///
    /// The digits are the shortest that read back to the same value (as `description`
    /// gives them); only where the decimal point goes, and whether an exponent is written,
    /// follow JavaScript.
    static func format(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        if number == 0 { return "0" }
        if number.rounded() == number, abs(number) < 9e15 {
            return String(Int64(number))
        }
        let (digits, exponent) = decimalDigits(of: abs(number))
        let sign = number < 0 ? "-" : ""
        // The value is 0.d1d2…dk × 10^n, so n is where the point goes among the digits.
        let n = exponent
        let k = digits.count
        if k <= n, n <= 21 {
            return sign + digits + String(repeating: "0", count: n - k)
        }
        if 0 < n, n <= 21 {
            return sign + digits.prefix(n) + "." + digits.dropFirst(n)
        }
        if -6 < n, n <= 0 {
            return sign + "0." + String(repeating: "0", count: -n) + digits
        }
        let mantissa = k == 1 ? digits : digits.prefix(1) + "." + digits.dropFirst()
        return sign + mantissa + "e" + (n - 1 < 0 ? "-" : "+") + String(abs(n - 1))
    }

    /// The shortest round-trip digits of a positive finite number, without leading or
    /// trailing zeros, and `n` such that the number is 0.digits × 10^n.
    private static func decimalDigits(of number: Double) -> (digits: String, exponent: Int) {
        let text = number.description  // "123.45", "1.2345678901234568e+17", "1e-07"
        let parts = text.split(separator: "e")
        let mantissa = parts[0]
        let power = parts.count > 1 ? Int(parts[1])! : 0
        let point = mantissa.firstIndex(of: ".")
        let whole = point.map { mantissa[..<$0] } ?? mantissa
        let fraction = point.map { mantissa[mantissa.index(after: $0)...] } ?? ""
        var digits = Substring(whole + fraction)
        var exponent = whole.count + power
        while digits.first == "0" {
            digits.removeFirst()
            exponent -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        return (String(digits), exponent)
    }
}

extension MustacheValue: Decodable {
    /// Decodes any JSON value; tries null, boolean, number, string, array and object in turn.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([MustacheValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: MustacheValue].self))
        }
    }
}

extension MustacheValue {
    /// Creates a value from anything `Encodable`, by way of its JSON form, so a report's
    /// `Codable` model can be rendered as it is.
    ///
    /// - Throws: The encoder's error when `value` cannot be written as JSON.
    public init(encoding value: some Encodable, encoder: JSONEncoder = JSONEncoder()) throws {
        let json = try encoder.encode(value)
        self = try JSONDecoder().decode(MustacheValue.self, from: json)
    }
}

extension MustacheValue: ExpressibleByNilLiteral {
    /// Creates `.null` from `nil`.
    public init(nilLiteral: ()) {
        self = .null
    }
}

extension MustacheValue: ExpressibleByBooleanLiteral {
    /// Creates `.bool` from `true` or `false`.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension MustacheValue: ExpressibleByIntegerLiteral {
    /// Creates `.number` from an integer literal.
    public init(integerLiteral value: Int) {
        self = .number(Double(value))
    }
}

extension MustacheValue: ExpressibleByFloatLiteral {
    /// Creates `.number` from a floating-point literal.
    public init(floatLiteral value: Double) {
        self = .number(value)
    }
}

extension MustacheValue: ExpressibleByStringLiteral {
    /// Creates `.string` from a string literal.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension MustacheValue: ExpressibleByArrayLiteral {
    /// Creates `.array` from an array literal.
    public init(arrayLiteral elements: MustacheValue...) {
        self = .array(elements)
    }
}

extension MustacheValue: ExpressibleByDictionaryLiteral {
    /// Creates `.object` from a dictionary literal; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, MustacheValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
