/// The thresholds of the meeting's action list, headline, week buckets and trend, in one
/// place: change one here and every output follows.
public enum MeetingRules {
    /// Priorities that count as high. The vendor's API page gives priorities as numbers
    /// 0-4 without saying which end is urgent; we read 0 as the most urgent, as P0/P1
    /// incident levels are, so 0 and 1 are high.
    public static let highPriorities: Set<Int> = [0, 1]
    /// An open ticket at least this many days old is on the "older than" list.
    public static let oldOpenDays = 30
    /// An open ticket whose `updated_at` (else `created_at`) is at least this many days
    /// before the as-of time is on the "not updated" list.
    public static let staleDays = 14
    /// The headline counts high-priority open tickets at least this many days old.
    public static let agedHighPriorityDays = 7
    /// The most tickets a list of the action list names.
    public static let listLimit = 10
    /// ISO weeks in the created/closed estimate, and the most points of the trend.
    public static let weeks = 12
}
