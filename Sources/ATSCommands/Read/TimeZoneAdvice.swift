import TrackerAPI
import TrackerATS

/// What a command says when Tracker answered with naive local times and no time zone is set: the
/// instants are unknown, so they are left out (absent from `--json` output, empty in a table)
/// rather than shown wrong, and this is how to set the zone.
enum TimeZoneAdvice {
    static let message =
        "Note: Tracker sent times without an offset (the account's local time) and no time zone is set, so "
        + "their instants are unknown and are left out (empty in tables, absent from --json output) rather than shown wrong. Set the account's "
        + "time zone, as shown in its settings in Tracker: --timezone (an IANA name such as America/Los_Angeles), "
        + "TRACKER_TIMEZONE, or the profile key timezone.\n"

    /// The note, when the client read naive times without a zone.
    static func note(for client: TrackerATSClient) -> String? {
        guard client.accountTimeZone == nil,
            client.api.serverObservations.contains(where: { $0.kind == .naiveTimestamps })
        else { return nil }
        return message
    }
}
