/// A file attached to an application (a resume or another attachment).
public struct TrackerFile: Sendable, Hashable, Identifiable {
    /// The file's id.
    public var id: TrackerFileID
    /// The application it belongs to.
    public var applicationID: TrackerApplicationID?
    /// The file name.
    public var filename: String?
    /// `resume` or `attachment`.
    public var kind: TrackerFileKind?
    /// The MIME type.
    public var contentType: String?
    /// The size in bytes.
    public var size: Int?
    /// When it was uploaded.
    public var createdAt: TrackerTimestamp?
    /// When it was last updated, if the server says.
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

extension TrackerFile: PageableRecord {
    /// Every member ``init(wire:context:)`` reads.
    static let wireKeys: WireKeys? = WireKeys([
        "id", "app_id", "filename", "kind", "content_type", "size", "created_at", "updated_at",
    ])

    init(wire: WireObject, context: inout WireContext) throws {
        id = try wire.requiredID("id", &context)
        applicationID = wire.id("app_id", &context)
        filename = wire.string("filename")
        kind = wire.string("kind").map(TrackerFileKind.init(rawValue:))
        contentType = wire.string("content_type")
        size = wire.int("size")
        createdAt = wire.timestamp("created_at", &context)
        updatedAt = wire.timestamp("updated_at", &context)
        rawObject = wire.raw
        rawJSON = wire.json
    }

    var pagingKey: Int64? { id.integerValue }
    var pagingUpdatedAt: TrackerTimestamp? { updatedAt }
}
