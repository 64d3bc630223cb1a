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
    /// A number; integral values render without a decimal point.
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

    /// Writes integral numbers without a decimal point (`85`) and others in their shortest
    /// form that reads back to the same value (`1.21`).
    static func format(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 {
            return String(Int64(number))
        }
        return String(number)
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
