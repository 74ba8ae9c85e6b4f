/// A note on an application. Notes are plain text.
public struct TrackerNote: Sendable, Hashable, Identifiable {
    /// The note's id.
    public var id: TrackerNoteID
    /// The application it belongs to.
    public var applicationID: TrackerApplicationID?
    /// The job of that application.
    public var jobID: TrackerJobID?
    /// Who wrote it, as Tracker names them.
    public var author: String?
    /// The plain-text body.
    public var body: String?
    /// When it was created.
    public var createdAt: TrackerTimestamp?
    /// When it was last updated.
    public var updatedAt: TrackerTimestamp?
    /// The whole object as sent. For a record read from a list it is parsed from ``rawJSON`` the
    /// first time it is read (and then kept), since most callers, a mirror among them, never read it.
    public var raw: [String: TrackerJSON] {
        get { rawObject.members }
        set { rawObject = RawJSONObject(newValue) }
    }
    /// ``raw``, kept as ``rawJSON``'s text until it is read: a mirror never reads it.
    private var rawObject: RawJSONObject
    /// The same object as JSON text (UTF-8) exactly as the server sent it, so that a mirror can
    /// store it without writing it again; compact with sorted keys where the bytes were not at
    /// hand (a record returned inside another response).
    public var rawJSON: [UInt8]
}

extension TrackerNote: PageableRecord {
    /// Every member ``init(wire:context:)`` reads.
    static let wireKeys: WireKeys? = WireKeys(["id", "app_id", "job_id", "author", "body", "created_at", "updated_at"])

    init(wire: WireObject, context: inout WireContext) throws {
        id = try wire.requiredID("id", &context)
        applicationID = wire.id("app_id", &context)
        jobID = wire.id("job_id", &context)
        author = wire.string("author") ?? wire.object("author")?["name"]?.scalarText
        body = wire.string("body")
        createdAt = wire.timestamp("created_at", &context)
        updatedAt = wire.timestamp("updated_at", &context)
        rawObject = wire.raw
        rawJSON = wire.json
    }

    var pagingKey: Int64? { id.integerValue }
    var pagingUpdatedAt: TrackerTimestamp? { updatedAt }
}
