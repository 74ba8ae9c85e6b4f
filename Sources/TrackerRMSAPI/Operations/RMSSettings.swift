/// A status (placement, opportunity or resource): id, display name and group.
public struct RMSStatus: Sendable, Hashable {
    /// The status id, as `updateRecord` takes it.
    public var id: RMSRecordID
    /// The display name (for placements, the stage's name; unique per account).
    public var name: String
    /// The group, such as `Applied`, `Shortlisted`, `Working`, `Offer`, `Complete`, `Unsuccessful`.
    public var group: String?

    /// Creates a status (for a stage known by id, `--known-stage NAME=ID`).
    /// - Parameters:
    ///   - id: The id.
    ///   - name: The name.
    ///   - group: The group, if known.
    public init(id: RMSRecordID, name: String, group: String?) {
        self.id = id
        self.name = name
        self.group = group
    }
}

/// A custom field's definition from the settings.
public struct RMSCustomFieldDefinition: Sendable, Hashable {
    /// The record kind it belongs to, such as `Resource` or `Opportunity`.
    public var association: String?
    /// The field id.
    public var id: RMSRecordID
    /// The name.
    public var name: String
    /// The type: `Text`, `Memo`, `Number`, `Date`, `Checkbox`, `List` (open).
    public var type: String?
    /// For `List` fields, the list's id in ``RMSSettings/customFieldLists``.
    public var listID: RMSRecordID?
}

/// A pick-list for custom fields.
public struct RMSCustomFieldList: Sendable, Hashable {
    /// The list id.
    public var id: RMSRecordID
    /// The list's name.
    public var name: String?
    /// The items, as id and name.
    public var items: [RMSStatus]
}

/// A user of the account.
public struct RMSUser: Sendable, Hashable {
    /// The user id.
    public var id: RMSRecordID
    /// The user name.
    public var username: String?
    /// The e-mail address.
    public var email: String?
    /// The last logon, as sent.
    public var lastLogon: String?
    /// Whether active (`"Y"`, `true` … read tolerantly); `nil` when not sent.
    public var isActive: Bool?
}

/// The account's settings: statuses, custom fields, users (`getSettings`, or `getSettingsData`).
public struct RMSSettings: Sendable, Hashable {
    /// The placement statuses (`opportunityResourceStatuses`): the stages.
    public var placementStatuses: [RMSStatus]
    /// The opportunity statuses.
    public var opportunityStatuses: [RMSStatus]
    /// The resource statuses.
    public var resourceStatuses: [RMSStatus]
    /// Custom field definitions.
    public var customFields: [RMSCustomFieldDefinition]
    /// Custom field pick-lists.
    public var customFieldLists: [RMSCustomFieldList]
    /// Users.
    public var users: [RMSUser]
    /// The operation that answered: `getSettings` or `getSettingsData`.
    public var operation: String
    /// The reply's body.
    public var raw: RMSJSON

    /// The groups treated as rejection, in order of preference.
    public static let rejectionGroups = ["Unsuccessful", "Rejected"]

    /// The first placement status of the rejection group (`Unsuccessful`, else `Rejected`), or `nil`.
    public var rejectionStatus: RMSStatus? {
        for group in Self.rejectionGroups {
            if let status = placementStatuses.first(where: { $0.group?.lowercased() == group.lowercased() }) {
                return status
            }
        }
        return nil
    }

    /// The placement status with this name (exact first, then ignoring case), or `nil`.
    /// - Parameter name: The stage name.
    /// - Returns: The status.
    public func placementStatus(named name: String) -> RMSStatus? {
        placementStatuses.first { $0.name == name }
            ?? placementStatuses.first { $0.name.lowercased() == name.lowercased() }
    }

    init(reply: RMSReply, operation: String) {
        // The lists sit at the top level, or inside results[0].
        var source = reply.body
        if source.member("opportunityResourceStatuses") == nil, let first = reply.results.first,
            first.member("opportunityResourceStatuses") != nil || first.member("customFields") != nil
        {
            source = first
        }
        func statuses(_ key: String) -> [RMSStatus] {
            (source.member(key)?.arrayValue ?? []).compactMap(Self.status)
        }
        placementStatuses = statuses("opportunityResourceStatuses")
        opportunityStatuses = statuses("opportunityStatuses")
        resourceStatuses = statuses("resourceStatuses")
        customFields = (source.member("customFields")?.arrayValue ?? []).compactMap { field in
            guard let id = RMSRecordID(json: field.member("Id")), let name = field.member("Name")?.scalarText else {
                return nil
            }
            return RMSCustomFieldDefinition(
                association: field.member("Association")?.scalarText, id: id, name: name,
                type: field.member("Type")?.scalarText, listID: RMSRecordID(json: field.member("ListId")))
        }
        customFieldLists = (source.member("customFieldLists")?.arrayValue ?? []).compactMap { list in
            guard let id = RMSRecordID(json: list.member("Id")) else { return nil }
            return RMSCustomFieldList(
                id: id, name: list.member("Name")?.scalarText,
                items: (list.member("Items")?.arrayValue ?? []).compactMap(Self.status))
        }
        users = (source.member("users")?.arrayValue ?? []).compactMap { user in
            guard let id = RMSRecordID(json: user.firstMember("UserId", "Id")) else { return nil }
            return RMSUser(
                id: id, username: user.member("Username")?.scalarText, email: user.member("Email")?.scalarText,
                lastLogon: user.member("LastLogon")?.scalarText, isActive: user.member("Active")?.booleanValue)
        }
        self.operation = operation
        raw = reply.body
    }

    private static func status(_ json: RMSJSON) -> RMSStatus? {
        guard let id = RMSRecordID(json: json.member("Id")), let name = json.member("Name")?.scalarText else {
            return nil
        }
        return RMSStatus(id: id, name: name, group: json.member("Group")?.scalarText)
    }
}
