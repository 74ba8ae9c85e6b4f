/// A user of the Tracker account.
public struct TrackerUser: Sendable, Hashable, Identifiable {
    /// The user's id.
    public var id: TrackerUserID
    /// First name.
    public var firstName: String?
    /// Last name.
    public var lastName: String?
    /// E-mail address.
    public var email: String?
    /// The role in the account.
    public var role: TrackerUserRole?
    /// The whole object as sent.
    public var raw: [String: TrackerJSON]
}

extension TrackerUser: PageableRecord {
    init(wire: WireObject, context: inout WireContext) throws {
        id = try wire.requiredID("id", &context)
        firstName = wire.string("first_name")
        lastName = wire.string("last_name")
        email = wire.string("email")
        role = wire.string("role").map(TrackerUserRole.init(rawValue:))
        raw = wire.fields
    }

    var pagingKey: Int64? { id.integerValue }
    var pagingUpdatedAt: TrackerTimestamp? { nil }
}
