import ATSCore
import ArgumentParser
import TrackerATS

/// What a write command may be told about the account instead of learning it from Tracker: status
/// names, and a mirror whose applications show them.
struct AccountFactsOptions: ParsableArguments {
    @Option(
        name: .customLong("known-stage"),
        help: """
            A status name the account has (repeatable; env TRACKER_KNOWN_STAGES, comma-separated, or known_stages \
            in a profile). Others are learned from the account's applications.
            """)
    var knownStages: [String] = []

    @Option(
        help: """
            A SQLite mirror made by `ats sync` (env ATS_DATABASE, or database in a profile): the statuses its \
            applications are in count as known, so they need not be learned from Tracker. Read only.
            """)
    var database: String?

    /// The settings these flags give.
    var settingFlags: [SettingKey: SettingValue] {
        var flags: [SettingKey: SettingValue] = [:]
        if !knownStages.isEmpty { flags[.knownStages] = .list(knownStages) }
        if let database { flags[.database] = .text(database) }
        return flags
    }
}

/// What the write commands tell a client about the account before they write.
enum AccountFacts {
    /// Gives Tracker's client the status names `--known-stage` named, so that it need not learn them;
    /// other providers list their stages (or take them in their own settings) and need nothing here.
    static func observe(_ stages: [String], in client: any ATSClient) async {
        guard let tracker = client as? TrackerATSClient else { return }
        await tracker.metadata.observe(statuses: stages)
    }
}
