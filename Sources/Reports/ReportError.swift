/// What can go wrong counting and rendering, each with the input at fault.
public enum ReportError: Error, Sendable, CustomStringConvertible {
    /// `--timezone` is neither a known IANA name nor an offset.
    case badTimeZone(String)
    /// `--as-of` is not `YYYY-MM-DD HH:MM:SS`.
    case badAsOf(String)
    /// A snapshot file could not be read.
    case badSnapshot(path: String, reason: String)
    /// A template could not be read, parsed or rendered.
    case template(String)
    /// An output could not be written.
    case write(path: String, reason: String)
    /// The workbook could not be made.
    case workbook(String)

    public var description: String {
        switch self {
        case .badTimeZone(let name):
            "unknown time zone '\(name)': give an IANA name such as Asia/Shanghai or an offset such as +08:00"
        case .badAsOf(let text):
            "cannot read the as-of time '\(text)': write it as \"YYYY-MM-DD HH:MM:SS\""
        case .badSnapshot(let path, let reason):
            "cannot read the snapshot \(path): \(reason)"
        case .template(let message):
            message
        case .write(let path, let reason):
            "cannot write \(path): \(reason)"
        case .workbook(let message):
            "cannot write the workbook: \(message)"
        }
    }
}
