/// How a derived stream's rows are computed from another stream's rows.
///
/// Tracker has no candidate resource: a candidate is every application that shares a normalised
/// e-mail. Reading that from the API would mean reading the whole account on every run, so the
/// mirror derives it instead. Whenever a source row is inserted, changed, restored or deleted, the
/// store queues its group (the old and the new value of ``groupColumn``) in the same transaction;
/// the engine then rebuilds only the queued groups from the stored source rows. The derived row's id
/// is the group's value, and a group with no live source row left is marked deleted.
public struct StreamDerivation: Hashable, Sendable {
    /// The derived stream (for Tracker, `candidates`).
    public var stream: SyncStreamName
    /// The stream whose rows it is built from (`applications`).
    public var source: SyncStreamName
    /// The source column that names the group (`candidate_id`).
    public var groupColumn: String

    /// Creates a derivation.
    public init(stream: SyncStreamName, source: SyncStreamName, groupColumn: String) {
        self.stream = stream
        self.source = source
        self.groupColumn = groupColumn
    }
}
