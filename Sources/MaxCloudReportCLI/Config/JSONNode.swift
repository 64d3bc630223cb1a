/// A place in a text file: 1-based line, and 1-based column counted in Unicode scalars
/// (a Chinese character is one column, as editors count it).
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The line, from 1.
    public var line: Int
    /// The column, from 1.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `3:14`.
    public var description: String { "\(line):\(column)" }

    /// Earlier in the file first.
    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A JSON value with the position where it starts, as `JSONReader` reads it: what
/// `config check` needs to name the line and column of each error.
public struct JSONNode: Sendable {
    /// One `"key": value` of an object, in the order written.
    public struct Member: Sendable {
        /// The key.
        public var key: String
        /// Where the key's opening quote is.
        public var keyPosition: SourcePosition
        /// The value.
        public var value: JSONNode
    }

    /// The value itself.
    public indirect enum Value: Sendable {
        /// An object's members in the order written, duplicates kept.
        case object([Member])
        /// An array.
        case array([JSONNode])
        /// A string, unescaped.
        case string(String)
        /// A number as written, such as `100` or `2.5e3`.
        case number(String)
        /// `true` or `false`.
        case bool(Bool)
        /// `null`.
        case null
    }

    /// The value.
    public var value: Value
    /// Where the value starts.
    public var position: SourcePosition

    /// How an error names the value's type: `a string`, `an array`.
    public var typeName: String {
        switch value {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}

/// JSON that is not well formed, with where the reader stopped.
public struct JSONSyntaxError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Where.
    public var position: SourcePosition

    /// `3:14: expected ':' after the key`.
    public var description: String { "\(position): \(message)" }
}
