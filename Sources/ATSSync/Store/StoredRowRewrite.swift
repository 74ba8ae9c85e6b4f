/// The mark a migration leaves on rows whose typed columns it added.
///
/// A migration that adds a column cannot fill it (the values come from the provider's records, read
/// by a source the store does not know), and a sync does not write an unchanged record again. So the
/// migration sets such rows' `scan_id` to ``scanID`` and clears the stream's progress: the next run
/// reads every record of the stream, and a store writes a marked row in full even when the record is
/// unchanged, which fills the new columns.
public enum StoredRowRewrite {
    /// The `scan_id` of a row to be written in full on its next read. No run's scan id has this form
    /// (they are UUIDs), and shipped migrations spell it literally: it never changes.
    public static let scanID = "rewrite-after-migration"
}
