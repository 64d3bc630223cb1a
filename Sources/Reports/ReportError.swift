/// What can go wrong counting and rendering, each with the input at fault.
public enum ReportError: Error, Sendable, CustomStringConvertible {
    /// `--timezone` is neither a known IANA name nor an offset.
    case badTimeZone(String)
    /// `--timezone` is an abbreviation such as `EST`, which may name several zones;
    /// `example` is an IANA name Foundation gives for it, if any.
    case ambiguousTimeZone(String, example: String?)
    /// `--timezone` is an offset written after a zone's name, such as `UTC+8` or `GMT-05:30`;
    /// `offset` is the same offset as it should be written (`+08:00`).
    case namedOffsetTimeZone(String, offset: String)
    /// `--as-of` is not `YYYY-MM-DD HH:MM:SS`.
    case badAsOf(String)
    /// `--as-of` reads as a time, but outside the years a report can be about.
    case asOfOutOfRange(String)
    /// `--as-of` is a wall time that daylight saving skips in the zone; `later` is the
    /// instant it would be at the offset before the jump, as the clocks show it, and
    /// `withOffset` the text with that offset written out.
    case skippedAsOf(String, zone: String, later: String, withOffset: String)
    /// A snapshot file could not be read.
    case badSnapshot(path: String, reason: String)
    /// A template, a templates or partials folder, or the data of `template` could not be
    /// read, parsed or rendered, or a template names a partial or parent that is not there.
    /// `place` is what to open: `path:line:column` of the tag at fault, or a file's or
    /// folder's path; for a built-in template, its name.
    case template(place: String, message: String)
    /// An output could not be written.
    case write(path: String, reason: String)
    /// The workbook could not be made.
    case workbook(String)

    /// The place a diagnostic points at, `path:line:column`, for an error that has one.
    public var place: String? {
        if case .template(let place, _) = self { return place }
        return nil
    }

    /// What went wrong, without the place.
    public var message: String {
        if case .template(_, let message) = self { return message }
        return description
    }

    /// The whole message; for a template error, compiler style:
    /// `path:line:column: error: message`.
    public var description: String {
        switch self {
        case .badTimeZone(let name):
            "unknown time zone '\(name)': give an IANA name such as Asia/Shanghai or an offset such as +08:00"
        case .ambiguousTimeZone(let name, let example):
            "ambiguous time zone '\(name)': an abbreviation may name several zones; give an IANA name "
                + "such as \(example ?? "Asia/Shanghai") (Region/City), or an offset such as +08:00"
        case .namedOffsetTimeZone(let name, let offset):
            "time zone '\(name)' is an offset written after a name: write the offset alone, "
                + "'\(offset)', or the IANA name of the place (Region/City, such as "
                + "Asia/Shanghai for +08:00)"
                + (Self.etcName(offset).map {
                    "; in the Etc/ names the sign is turned round (POSIX): \($0) is \(offset)"
                } ?? "")
        case .badAsOf(let text):
            "cannot read the as-of time '\(text)': write it as \"YYYY-MM-DD HH:MM:SS\""
                + " (an offset after it, such as +08:00, lies between -18:00 and +18:00)"
        case .asOfOutOfRange(let text):
            "the as-of time '\(text)' lies outside the years 1900 to 9999 that the reports "
                + "and Excel's calendar can show"
        case .skippedAsOf(let text, let zone, let later, let withOffset):
            "the as-of time '\(text)' does not exist in \(zone): daylight saving time skips it "
                + "(the clocks jump forward); give a time that exists, such as '\(later)', "
                + "or one with its offset, such as '\(withOffset)'"
        case .badSnapshot(let path, let reason):
            "cannot read the snapshot \(path): \(reason)"
        case .template(let place, let message):
            "\(place): error: \(message)"
        case .write(let path, let reason):
            "cannot write \(path): \(reason)"
        case .workbook(let message):
            "cannot write the workbook: \(message)"
        }
    }

    /// `Etc/GMT-8` for `+08:00`: the POSIX name of a whole-hour offset, whose sign is the
    /// other way round; nil when there is none.
    static func etcName(_ offset: String) -> String? {
        guard offset.count == 6, offset.hasSuffix(":00"),
            let hours = Int(offset.dropFirst().prefix(2))
        else { return nil }
        let east = offset.hasPrefix("+")
        guard hours > 0, hours <= (east ? 14 : 12) else { return nil }
        return "Etc/GMT\(east ? "-" : "+")\(hours)"
    }
}
