import Foundation

/// Reading fields that a server may leave out, set to null or give in the wrong type.
extension KeyedDecodingContainer {
    // Each reader tries the documented type first with one lookup; only a value of another
    // type pays for the slower fallbacks.

    /// An integer, also from a whole-valued float or a numeric string; `nil` when absent.
    ///
    /// A value of another type is noted in `problems` and read as `nil`.
    func lenientInt(_ key: Key, problems: inout [String]) -> Int? {
        if let value = try? decodeIfPresent(Int.self, forKey: key) { return value }
        guard contains(key), (try? decodeNil(forKey: key)) == false else { return nil }
        if let value = try? decode(Double.self, forKey: key) {
            if value.isFinite, value.rounded() == value, abs(value) < 9e15 { return Int(value) }
            // A fraction, or a whole number beyond what is read exactly: not an id or a count.
            problems.append(
                value.isFinite && value.rounded() == value
                    ? "\(key.stringValue) \(value) is beyond the largest whole number read "
                        + "(9223372036854775807)"
                    : "\(key.stringValue) \(value) is not a whole number")
            return nil
        }
        if let text = try? decode(String.self, forKey: key) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if let value = Int(trimmed) {
                problems.append("\(key.stringValue) was the string \"\(text)\", read as \(value)")
                return value
            }
            if trimmed.isEmpty { return nil }
            problems.append("\(key.stringValue) \"\(text)\" is not a number")
            return nil
        }
        problems.append("\(key.stringValue) is not a number")
        return nil
    }

    /// An integer where no problem list is kept.
    func lenientInt(_ key: Key) -> Int? {
        var ignored: [String] = []
        return lenientInt(key, problems: &ignored)
    }

    /// A string, also from a number or a boolean; `nil` when absent, null or a container.
    ///
    /// A value of another type is noted in `problems`.
    func lenientString(_ key: Key, problems: inout [String]) -> String? {
        if let value = try? decodeIfPresent(String.self, forKey: key) { return value }
        guard contains(key), (try? decodeNil(forKey: key)) == false else { return nil }
        var text: String?
        if let value = try? decode(Int.self, forKey: key) {
            text = String(value)
        } else if let value = try? decode(Double.self, forKey: key) {
            text = String(value)
        } else if let value = try? decode(Bool.self, forKey: key) {
            text = String(value)
        }
        if let text {
            problems.append("\(key.stringValue) was \(text), not text; read as \"\(text)\"")
        } else {
            problems.append("\(key.stringValue) is not text; left empty")
        }
        return text
    }

    /// A string where no problem list is kept.
    func lenientString(_ key: Key) -> String? {
        var ignored: [String] = []
        return lenientString(key, problems: &ignored)
    }

    /// A list of strings; entries of other types are dropped, a lone string is a list of one.
    func lenientStringList(_ key: Key) -> [String]? {
        if let list = try? decodeIfPresent([String].self, forKey: key) { return list }
        guard contains(key), (try? decodeNil(forKey: key)) == false else { return nil }
        if let list = try? decode([LenientString].self, forKey: key) {
            return list.compactMap(\.value)
        }
        if let single = try? decode(String.self, forKey: key) { return [single] }
        return nil
    }
}

/// One entry of a list that should hold strings.
struct LenientString: Decodable {
    var value: String?

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        value = try? c.decode(String.self)
    }
}

/// Consumes one JSON value of any shape, to step over an entry that cannot be read.
struct SkippedValue: Decodable {
    init(from decoder: any Decoder) throws {}
}
