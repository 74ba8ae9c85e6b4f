internal import Foundation
internal import Synchronization

/// `getSettings` / `getSettingsData` and `checkPerson`.
struct RMSSandboxSettings {
    let store: RMSSandboxStore

    func settings(behavior: RMSSandboxBehavior) -> RMSSandboxReply {
        let lower = behavior.settingsShape == .nestedLowercase
        let keys = lower ? ("id", "name", "group") : ("Id", "Name", "Group")
        return store.data.withLock { data -> RMSSandboxReply in
            var lists = RMSSandboxJSON(capacity: 4096)
            func statuses(_ key: String, _ list: [RMSSandboxStatus], groups: Bool) {
                lists.key(key)
                lists.beginArray()
                for status in list {
                    lists.beginObject()
                    lists.key(keys.0)
                    if lower { lists.string(String(status.id)) } else { lists.int(status.id) }
                    lists.field(keys.1, status.name)
                    if groups { lists.field(keys.2, status.group) }
                    lists.endObject()
                }
                lists.endArray()
            }
            lists.beginObject()
            statuses("opportunityResourceStatuses", data.placementStatuses, groups: true)
            statuses("opportunityStatuses", data.opportunityStatuses, groups: false)
            statuses("resourceStatuses", data.resourceStatuses, groups: false)
            lists.key("customFields")
            lists.beginArray()
            for field in data.customFields {
                lists.beginObject()
                lists.field("Association", field.association)
                lists.field("Id", field.id)
                lists.field("Name", field.name)
                lists.field("Type", field.type)
                lists.field("ListId", field.listID)
                lists.endObject()
            }
            lists.endArray()
            lists.key("customFieldLists")
            lists.beginArray()
            for list in data.customFieldLists {
                lists.beginObject()
                lists.field("Id", list.id)
                lists.field("Name", list.name)
                lists.key("Items")
                lists.beginArray()
                for item in list.items {
                    lists.beginObject()
                    lists.field("Id", item.id)
                    lists.field("Name", item.name)
                    lists.endObject()
                }
                lists.endArray()
                lists.endObject()
            }
            lists.endArray()
            lists.key("users")
            lists.beginArray()
            for user in data.users {
                lists.beginObject()
                lists.field("UserId", user.id)
                lists.field("Username", user.name)
                lists.field("Email", user.email)
                lists.key("LastLogon")
                lists.null()
                lists.field("Active", user.isActive ? "Y" : "N")
                lists.endObject()
            }
            lists.endArray()
            lists.endObject()
            let body = lists.bytes
            if lower {
                return .envelope(status: 0, message: "success", count: 1) { json in
                    json.key("results")
                    json.beginArray()
                    json.appendValueBytes(body)
                    json.endArray()
                }
            }
            // Top level: the object's members are spliced beside status, message and count.
            var reply = RMSSandboxReply.envelope(status: 0, message: "success", count: 0)
            reply.body.removeLast()
            reply.body.append(UInt8(ascii: ","))
            reply.body.append(contentsOf: body.dropFirst())
            return reply
        }
    }

    func checkPerson(_ request: RMSSandboxBody) -> RMSSandboxReply {
        let details = request.object("details")
        let email = (details?.string("email") ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let phone = Self.digits(details?.string("phone") ?? "")
        guard !email.isEmpty || !phone.isEmpty || !(details?.string("linkedin") ?? "").isEmpty else {
            return .invalid("Invalid request: details needs email, phone or linkedin")
        }
        return store.data.withLock { data -> RMSSandboxReply in
            var letters: [String] = []
            var first: (name: String, email: String, phone: String)?
            if let contact = data.contacts.first(where: {
                (!email.isEmpty && $0.email.lowercased() == email) || (!phone.isEmpty && Self.digits($0.phone) == phone)
            }) {
                letters.append("C")
                first = first ?? ("\(contact.firstName) \(contact.lastName)", contact.email, contact.phone)
            }
            if let resource = data.resources.first(where: {
                (!email.isEmpty && $0.email.trimmingCharacters(in: .whitespaces).lowercased() == email)
                    || (!phone.isEmpty && Self.digits($0.mobilePhone) == phone)
            }) {
                letters.append("R")
                first = first ?? (resource.fullName, resource.email, resource.mobilePhone)
            }
            if let user = data.users.first(where: { !email.isEmpty && $0.email.lowercased() == email }) {
                letters.append("U")
                first = first ?? (user.name, user.email, "")
            }
            return .envelope(status: 0, message: "success", count: letters.count) { json in
                json.key("recordTypes")
                json.beginArray()
                for letter in letters { json.string(letter) }
                json.endArray()
                json.key("firstRecord")
                if let first {
                    json.beginObject()
                    json.field("name", first.name)
                    json.field("email", first.email)
                    json.field("phone", first.phone)
                    json.endObject()
                } else {
                    json.null()
                }
            }
        }
    }

    static func digits(_ text: String) -> String {
        String(text.filter(\.isNumber))
    }
}
