/// A value SQLite stores: the five storage classes.
public enum SQLiteValue: Sendable, Hashable {
    /// SQL `NULL`.
    case null
    /// A 64-bit integer.
    case integer(Int64)
    /// A double.
    case real(Double)
    /// UTF-8 text.
    case text(String)
    /// Bytes.
    case blob([UInt8])

    /// An integer, or `NULL` for nil.
    public init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }

    /// An integer, or `NULL` for nil.
    public init(_ value: Int64?) { self = value.map { .integer($0) } ?? .null }

    /// A double, or `NULL` for nil.
    public init(_ value: Double?) { self = value.map { .real($0) } ?? .null }

    /// Text, or `NULL` for nil.
    public init(_ value: String?) { self = value.map { .text($0) } ?? .null }

    /// 1 or 0 (SQLite has no boolean), or `NULL` for nil.
    public init(_ value: Bool?) { self = value.map { .integer($0 ? 1 : 0) } ?? .null }
}

extension SQLiteValue: ExpressibleByNilLiteral {
    /// `NULL`.
    public init(nilLiteral: ()) { self = .null }
}

extension SQLiteValue: ExpressibleByIntegerLiteral {
    /// An integer.
    public init(integerLiteral value: Int64) { self = .integer(value) }
}

extension SQLiteValue: ExpressibleByFloatLiteral {
    /// A double.
    public init(floatLiteral value: Double) { self = .real(value) }
}

extension SQLiteValue: ExpressibleByStringLiteral {
    /// Text.
    public init(stringLiteral value: String) { self = .text(value) }
}
