import Logging
import TrackerAPI

/// How `ats sync` pages: `--page-size` and `--rate-limit`, over TrackerAPI's defaults.
struct SyncTuning: Sendable {
    /// Records per page, when given.
    var pageSize: Int?
    /// Requests per second at most, when given.
    var rateLimit: Double?
    /// `--log-level`, for the accounts of a fleet file (a single account's connection has it already).
    var logLevel: Logger.Level?

    /// Applies the flags to an account's configuration, with the patient retry policy and the
    /// run-wide in-flight bound of ``UnattendedRequests``.
    ///
    /// Without `--rate-limit` a sync sends as fast as its 4 requests in flight (over all streams)
    /// allow. TrackerAPI's library default (10 requests per second) suits an application sharing
    /// an account with people; for a bulk mirror it caps throughput at 10,000 records per second
    /// whatever the link, which made `ats sync` of a million applications take minutes longer than
    /// the network needed (docs/PERFORMANCE.md). Load on Tracker stays bounded by the requests in
    /// flight; a 429 halves them and its `Retry-After` pauses every request of the run.
    func apply(to configuration: inout TrackerAPI.Configuration) {
        UnattendedRequests.apply(to: &configuration)
        if let pageSize { configuration.pageSize = pageSize }
        configuration.rateLimit = rateLimit.map(UnattendedRequests.rateLimit)
        if let level = logLevel {
            configuration.logger = CommandLogging.logger(label: "ats.tracker", level: level)
        }
    }
}
