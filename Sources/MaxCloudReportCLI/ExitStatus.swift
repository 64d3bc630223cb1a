import History
import MaxCloud
import Mustache
import Reports

/// The exit statuses of DESIGN.md.
public enum ExitStatus {
    /// A complete report.
    public static let success: Int32 = 0
    /// A failure: nothing written, the previous report left as it was.
    public static let failure: Int32 = 1
    /// A report written but incomplete.
    public static let incomplete: Int32 = 3
    /// A usage or configuration error.
    public static let usage: Int32 = 64
    /// The log-in was refused.
    public static let loginRefused: Int32 = 77

    /// The status for an error that ended a command.
    public static func of(_ error: any Error) -> Int32 {
        switch error {
        case is UsageError, is ConfigError: return usage
        case let error as ReportError:
            switch error {
            // A template that does not parse or names a missing partial is configuration.
            case .badTimeZone, .ambiguousTimeZone, .namedOffsetTimeZone, .badAsOf,
                .asOfOutOfRange, .skippedAsOf,
                .template:
                return usage
            default: return failure
            }
        case let error as HistoryError:
            switch error {
            case .newerVersion, .notHistory, .damaged, .unusable: return usage
            default: return failure
            }
        case let error as MaxCloudError:
            switch error {
            case .loginRefused: return loginRefused
            case .unknownCompany, .ambiguousCompany, .allWithOthers, .insecureURL: return usage
            default: return failure
            }
        default: return failure
        }
    }
}
