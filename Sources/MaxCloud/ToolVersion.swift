/// The version of maxcloud-report: what `--version` prints and what every request's
/// `User-Agent` says, so the server's logs name the release that sent it.
public enum ToolVersion {
    /// The version, such as `0.2.0`.
    public static let current = "0.2.0"
    /// `maxcloud-report/0.2.0`.
    public static let userAgent = "maxcloud-report/\(current)"
}
