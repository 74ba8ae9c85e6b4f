internal import Foundation
internal import Synchronization

/// The writes: `updateRecord`, `createResource`, `resourceApplication`, `createActivity`,
/// `attachDocument`, `createOpportunity`, `createContact`.
struct RMSSandboxWrites {
    let store: RMSSandboxStore

    private func created(
        _ id: Int, name: String, behavior: RMSSandboxBehavior, status: Int = 0, message: String = "created"
    )
        -> RMSSandboxReply
    {
        .envelope(status: status, message: message) { json in
            guard !behavior.omitRecordIDOnCreate else { return }
            json.field("recordId", id)
            json.field("recordName", name)
        }
    }

    func updateRecord(_ request: RMSSandboxBody) -> RMSSandboxReply {
        guard let instructions = request.object("instructions"),
            let type = instructions.string("recordtype")?.uppercased(), let id = instructions.int("recordid"), id != 0
        else { return .invalid("Invalid request: instructions.recordtype and instructions.recordid are required") }
        let updates = request.array("updates").compactMap { update -> (String, String)? in
            guard let column = update.string("column")?.lowercased() else { return nil }
            return (column, update.string("value") ?? "")
        }
        let customFields = request.array("customfields").compactMap { field -> (Int, String)? in
            guard let id = field.int("id") else { return nil }
            return (id, field.string("value") ?? "")
        }
        let now = store.now
        return store.data.withLock { data -> RMSSandboxReply in
            switch type {
            case "X":
                guard let index = data.index(of: id, in: data.placements, \.id) else {
                    return .invalid("Record not found")
                }
                for (column, value) in updates where column == "opportunityresourcestatusid" {
                    guard let statusID = Int(value), data.placementStatus(statusID) != nil else {
                        return .invalid("Invalid request: unknown status id \(value)")
                    }
                    data.placements[index].statusID = statusID
                }
                for (column, value) in updates where column == "startdate" { data.placements[index].startDate = value }
                for (column, value) in updates where column == "enddate" { data.placements[index].endDate = value }
                data.placements[index].updatedAt = now
            case "R":
                guard let index = data.index(of: id, in: data.resources, \.id) else {
                    return .invalid("Record not found")
                }
                for (column, value) in updates {
                    switch column {
                    case "firstname": data.resources[index].firstName = value
                    case "lastname": data.resources[index].lastName = value
                    case "email": data.resources[index].email = value
                    case "jobtitle": data.resources[index].jobTitle = value
                    case "mobiletelephone": data.resources[index].mobilePhone = value
                    case "source": data.resources[index].source = value
                    default: break  // Unknown columns are ignored.
                    }
                }
                for (field, value) in customFields { data.resources[index].customFields[field] = value }
                data.resources[index].updatedAt = now
            case "O":
                guard let index = data.index(of: id, in: data.opportunities, \.id) else {
                    return .invalid("Record not found")
                }
                for (column, value) in updates {
                    switch column {
                    case "opportunitystatusid":
                        guard let statusID = Int(value), data.opportunityStatus(statusID) != nil else {
                            return .invalid("Invalid request: unknown status id \(value)")
                        }
                        data.opportunities[index].statusID = statusID
                    case "name", "title": data.opportunities[index].title = value
                    case "description": data.opportunities[index].description = value
                    default: break
                    }
                }
                for (field, value) in customFields { data.opportunities[index].customFields[field] = value }
                data.opportunities[index].updatedAt = now
            default:
                guard data.exists(type: type, id: id) else { return .invalid("Record not found") }
            }
            data.version += 1
            return .envelope(status: 0, message: "updated")
        }
    }

    func createResource(_ request: RMSSandboxBody, caller: RMSSandboxCaller, behavior: RMSSandboxBehavior)
        -> RMSSandboxReply
    {
        guard let fields = request.object("resource") else {
            return .invalid("Invalid request: resource is required")
        }
        let instructions = request.object("instructions")
        let overwrite = instructions?.bool("overwriteresource") ?? false
        let email = (fields.string("email") ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        var firstName = fields.string("firstname") ?? ""
        var lastName = fields.string("lastname") ?? ""
        if firstName.isEmpty && lastName.isEmpty, let full = fields.string("fullname") {
            let parts = full.split(separator: " ", maxSplits: 1).map(String.init)
            firstName = parts.first ?? ""
            lastName = parts.count > 1 ? parts[1] : ""
        }
        guard !(firstName.isEmpty && lastName.isEmpty) else {
            return .invalid("Invalid request: a resource needs a name")
        }
        let customFields = fields.array("customfields").compactMap { field -> (Int, String)? in
            field.int("id").map { ($0, field.string("value") ?? "") }
        }
        let now = store.now
        return store.data.withLock { data -> RMSSandboxReply in
            var resourceID: Int
            var status = 0
            var message = "created"
            if !email.isEmpty,
                let existing = data.resources.firstIndex(where: {
                    $0.email.trimmingCharacters(in: .whitespaces).lowercased() == email
                })
            {
                resourceID = data.resources[existing].id
                guard overwrite else {
                    return created(
                        resourceID, name: data.resources[existing].fullName, behavior: behavior, status: 3,
                        message: "Resource already exists")
                }
                data.resources[existing].firstName = firstName
                data.resources[existing].lastName = lastName
                data.resources[existing].updatedAt = now
                message = "updated"
            } else {
                resourceID = data.takeID()
                var values: [Int: String] = [:]
                for (field, value) in customFields { values[field] = value }
                data.resources.append(
                    RMSSandboxResource(
                        id: resourceID, firstName: firstName, lastName: lastName, email: fields.string("email") ?? "",
                        otherEmail: fields.string("otheremail") ?? "",
                        mobilePhone: fields.string("mobiletelephone") ?? "",
                        homePhone: fields.string("hometelephone") ?? "",
                        workPhone: fields.string("worktelephone") ?? "",
                        jobTitle: fields.string("jobtitle") ?? "", source: fields.string("source") ?? "",
                        workAvailable: true, statusName: "Available", ownerUserID: caller.userID,
                        note: fields.string("note") ?? "", customFields: values, createdAt: now, updatedAt: now))
            }
            if let opportunityID = instructions?.int("assigntoopportunity"), opportunityID != 0 {
                guard data.opportunity(opportunityID) != nil else {
                    return .invalid("Invalid request: opportunity \(opportunityID) not found")
                }
                if !data.placements.contains(where: { $0.opportunityID == opportunityID && $0.resourceID == resourceID }
                ) {
                    let statusID = data.defaultPlacementStatus(
                        list: instructions?.string("assigntolist") ?? "short",
                        shortlistedBy: instructions?.string("shortlistedby") ?? "resource")
                    data.placements.append(
                        RMSSandboxPlacement(
                            id: data.takeID(), opportunityID: opportunityID, resourceID: resourceID, statusID: statusID,
                            assignedAt: now, startDate: nil, endDate: nil, source: fields.string("source") ?? "",
                            updatedAt: now))
                }
            }
            data.version += 1
            status = 0
            let name = data.resource(resourceID)?.fullName ?? ""
            return created(resourceID, name: name, behavior: behavior, status: status, message: message)
        }
    }

    func resourceApplication(_ request: RMSSandboxBody, behavior: RMSSandboxBehavior) -> RMSSandboxReply {
        guard let instructions = request.object("instructions"), let opportunityID = instructions.int("opportunityid"),
            let resourceID = instructions.int("resourceid")
        else { return .invalid("Invalid request: opportunityid and resourceid are required") }
        let now = store.now
        return store.data.withLock { data -> RMSSandboxReply in
            guard data.opportunity(opportunityID) != nil, let resource = data.resource(resourceID) else {
                return .invalid("Invalid request: no such opportunity or resource")
            }
            if let existing = data.placements.first(where: {
                $0.opportunityID == opportunityID && $0.resourceID == resourceID
            }) {
                return created(
                    existing.id, name: resource.fullName, behavior: behavior, status: 3,
                    message: "Resource is already assigned to this opportunity")
            }
            let statusID = data.defaultPlacementStatus(
                list: instructions.string("assigntolist") ?? "short",
                shortlistedBy: instructions.string("shortlistedby") ?? "resource")
            let id = data.takeID()
            data.placements.append(
                RMSSandboxPlacement(
                    id: id, opportunityID: opportunityID, resourceID: resourceID, statusID: statusID, assignedAt: now,
                    startDate: nil, endDate: nil, source: instructions.string("source") ?? "", updatedAt: now))
            data.version += 1
            return created(id, name: resource.fullName, behavior: behavior)
        }
    }

    func createActivity(_ request: RMSSandboxBody, caller: RMSSandboxCaller, behavior: RMSSandboxBehavior)
        -> RMSSandboxReply
    {
        guard let activity = request.object("activity") else {
            return .invalid("Invalid request: activity is required")
        }
        let linkType = (activity.string("linkRecordType") ?? "").uppercased()
        guard ["C", "N", "L", "O", "P", "T", "R"].contains(linkType), let linkID = activity.int("linkRecordId") else {
            return .invalid("Invalid request: linkRecordType must be C, N, L, O, P, T or R, with linkRecordId")
        }
        let now = store.now
        return store.data.withLock { data -> RMSSandboxReply in
            guard data.exists(type: linkType, id: linkID) else {
                return .invalid("Invalid request: the linked record was not found")
            }
            var userID = caller.userID
            if let requested = activity.int("userId"), requested != 0 {
                guard data.users.contains(where: { $0.id == requested }) else {
                    return .invalid("Invalid request: user \(requested) not found")
                }
                userID = requested
            }
            var placementID = activity.int("opportunityResourceId").flatMap { $0 == 0 ? nil : $0 }
            if let candidate = placementID, data.placement(candidate) == nil { placementID = nil }
            let placement = placementID.flatMap { data.placement($0) }
            let id = data.takeID()
            data.activities.append(
                RMSSandboxActivity(
                    id: id, subject: activity.string("subject") ?? "", typeName: activity.string("type") ?? "Note",
                    statusName: activity.string("status") ?? "Completed", note: activity.string("note") ?? "",
                    linkRecordType: linkType, linkRecordID: linkID,
                    resourceID: linkType == "R" ? linkID : placement?.resourceID,
                    opportunityID: linkType == "O" ? linkID : placement?.opportunityID, placementID: placementID,
                    userID: userID, updatedAt: now))
            data.version += 1
            return created(id, name: activity.string("subject") ?? "", behavior: behavior)
        }
    }

    func attachDocument(_ request: RMSSandboxBody, behavior: RMSSandboxBehavior) -> RMSSandboxReply {
        guard let file = request.object("file"), let filename = file.string("filename"), !filename.isEmpty,
            let type = file.string("recordType")?.uppercased(), let recordID = file.int("recordId"),
            let encoded = file.string("data")
        else { return .invalid("Invalid request: file needs filename, recordType, recordId and data") }
        guard ["C", "N", "L", "O", "P", "T", "R"].contains(type) else {
            return .invalid("Invalid request: documents attach to C, N, L, O, P, T or R records")
        }
        guard let bytes = Data(base64Encoded: encoded) else { return .invalid("Invalid request: data is not base64") }
        return store.data.withLock { data -> RMSSandboxReply in
            guard data.exists(type: type, id: recordID) else { return .invalid("Invalid request: record not found") }
            let id = data.takeID()
            data.documents.append(
                RMSSandboxDocument(
                    id: id, recordType: type, recordID: recordID, filename: filename,
                    documentType: file.string("documentType") ?? "general", isPrimary: file.bool("primary") ?? false,
                    data: Array(bytes)))
            data.version += 1
            return created(id, name: filename, behavior: behavior)
        }
    }

    func createOpportunity(_ request: RMSSandboxBody, caller: RMSSandboxCaller, behavior: RMSSandboxBehavior)
        -> RMSSandboxReply
    {
        guard let fields = request.object("opportunity"), let title = fields.string("name") ?? fields.string("title"),
            !title.isEmpty
        else { return .invalid("Invalid request: opportunity.name is required") }
        let companyName = fields.string("clientname") ?? fields.string("company") ?? ""
        let createCompany = request.object("instructions")?.bool("createcompanyifnotexists") ?? false
        let now = store.now
        return store.data.withLock { data -> RMSSandboxReply in
            var clientID = data.clients.first { $0.name.lowercased() == companyName.lowercased() }?.id
            if clientID == nil {
                guard createCompany, !companyName.isEmpty else {
                    return .invalid("Invalid request: client \"\(companyName)\" not found")
                }
                let id = data.takeID()
                data.clients.append(RMSSandboxClient(id: id, name: companyName, updatedAt: now))
                clientID = id
            }
            let id = data.takeID()
            data.opportunities.append(
                RMSSandboxOpportunity(
                    id: id, title: title, clientID: clientID ?? 0, contactID: nil,
                    statusID: data.opportunityStatuses[0].id, description: fields.string("description") ?? "",
                    workType: fields.string("type") ?? "Permanent", openedAt: now, ownerUserID: caller.userID,
                    customFields: [:], updatedAt: now))
            data.version += 1
            return created(id, name: "JOB-\(id) \(title)", behavior: behavior)
        }
    }

    func createContact(_ request: RMSSandboxBody, behavior: RMSSandboxBehavior) -> RMSSandboxReply {
        guard let fields = request.object("contact"), let lastName = fields.string("lastname"), !lastName.isEmpty else {
            return .invalid("Invalid request: contact.lastname is required")
        }
        let companyName = fields.string("company") ?? fields.string("clientname") ?? ""
        let now = store.now
        return store.data.withLock { data -> RMSSandboxReply in
            guard let client = data.clients.first(where: { $0.name.lowercased() == companyName.lowercased() }) else {
                return .invalid("Invalid request: client \"\(companyName)\" not found")
            }
            let id = data.takeID()
            data.contacts.append(
                RMSSandboxContact(
                    id: id, clientID: client.id, firstName: fields.string("firstname") ?? "", lastName: lastName,
                    email: fields.string("email") ?? "", phone: fields.string("worktelephone") ?? "", updatedAt: now))
            data.version += 1
            return created(id, name: lastName, behavior: behavior)
        }
    }
}
