public import ATSCore
public import ATSSync
import Foundation

/// Workable's comments and files as the mirror's rows, in the tables every provider shares.
public enum WorkableSyncRecords {
    /// A comment's row: the id is its activity id; `updated_at` its update (or creation) time.
    public static func note(_ note: Note) -> SyncRecord {
        Layouts.notes.row(of: note, id: note.id.rawValue, updatedAt: note.updatedAt ?? note.createdAt, raw: note.raw)
    }

    /// A file's row (name and kind; never the pre-signed URL, which expires). Workable gives files
    /// no time, so the row has none.
    public static func file(_ attachment: Attachment) -> SyncRecord {
        Layouts.files.row(of: attachment, id: attachment.id.rawValue, updatedAt: nil, raw: attachment.raw)
    }

    /// Each table's columns, declared against its ``StreamSchema``.
    enum Layouts {
        typealias NoteColumn = StreamSchema.NoteColumns
        typealias FileColumn = StreamSchema.FileColumns

        static let notes = RowLayout<Note>(
            .notes,
            [
                .init(NoteColumn.applicationID) { .text($0.applicationID.rawValue) },
                .init(NoteColumn.jobID) { text($0.jobID?.rawValue) },
                .init(NoteColumn.author) { text($0.author) },
                .init(NoteColumn.body) { .text($0.body) },
                .init(NoteColumn.createdAt) { $0.createdAt.map(SyncValue.date) ?? .null },
            ])

        static let files = RowLayout<Attachment>(
            .files,
            [
                .init(FileColumn.applicationID) { .text($0.applicationID.rawValue) },
                .init(FileColumn.filename) { .text($0.filename) },
                .init(FileColumn.kind) { .text($0.kind.rawValue) },
                .init(FileColumn.contentType) { text($0.contentType) },
                .init(FileColumn.size) { $0.size.map { .integer(Int64($0)) } ?? .null },
                .init(FileColumn.createdAt) { $0.createdAt.map(SyncValue.date) ?? .null },
            ])

        /// Where a layout disagrees with its table (tests require none).
        static var mismatches: [String] { notes.mismatches + files.mismatches }
    }

    private static func text(_ value: String?) -> SyncValue { value.map(SyncValue.text) ?? .null }
}
