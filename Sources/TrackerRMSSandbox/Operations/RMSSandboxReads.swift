internal import Synchronization

/// `getRecords` and `getIndividualRecord`.
struct RMSSandboxReads {
    let store: RMSSandboxStore

    /// The default `numrecords` when none is sent.
    static let defaultPageSize = 50

    func getRecords(_ request: RMSSandboxBody, caller: RMSSandboxCaller, behavior: RMSSandboxBehavior)
        -> RMSSandboxReply
    {
        guard let instructions = request.object("instructions"),
            let type = instructions.string("recordtype")?.uppercased(), !type.isEmpty
        else { return .invalid("Invalid request: instructions.recordtype is required") }
        let time = store.time
        let recordID = instructions.int("recordid") ?? 0
        let includeCustomFields = instructions.bool("includecustomfields") ?? false
        return store.data.withLock { data -> RMSSandboxReply in
            let render = RMSSandboxRender(data: data, time: time)
            if recordID != 0 {
                // One record by id: every other instruction is ignored, and so is the placement filter.
                var json = RMSSandboxJSON()
                json.beginArray()
                let found = write(
                    type: type, ids: [recordID], render: render, customFields: includeCustomFields, into: &json)
                json.endArray()
                return .envelope(status: 0, message: "success", count: found) { envelope in
                    envelope.key("results")
                    envelope.appendRaw(json.bytes)
                }
            }
            let after: Int64?
            let before: Int64?
            switch (
                time.parseFilter(instructions.string("updatedafter") ?? ""),
                time.parseFilter(instructions.string("updatedbefore") ?? "")
            )
            {
            case (.success(let lower), .success(let upper)): (after, before) = (lower, upper)
            default:
                return .invalid("Invalid request: updatedafter and updatedbefore take \"YYYY-MM-DD HH:MM:SS\"")
            }
            let query = Query(
                type: type, state: instructions.string("state")?.lowercased() ?? "",
                search: instructions.string("searchtext")?.lowercased() ?? "",
                ownerID: instructions.bool("onlymyrecords") == true ? caller.userID : nil,
                after: after, before: before,
                sortByUpdate: instructions.string("sortfield")?.lowercased() == "lastupdateddatetime",
                descending: instructions.string("sortdir")?.lowercased() == "desc",
                onlyWorkingStates: type == "X" && behavior.placementsListOnlyWorkingStates)
            let ids = matching(query, data: data)
            let requested = instructions.int("numrecords") ?? Self.defaultPageSize
            let pageSize = min(max(1, requested), behavior.pageSizeCap)
            let page = instructions.int("pagenum") ?? 0
            let index: Int
            switch behavior.pageBase {
            case .zero: index = page
            case .oneReadingZeroAsOne: index = max(page - 1, 0)
            case .oneWithZeroEmpty: index = page == 0 ? -1 : page - 1
            case .oneWithZeroRefused:
                if page == 0 { return .invalid("Invalid request: pagenum starts at 1") }
                index = page - 1
            }
            let slice: ArraySlice<Int>
            if index < 0 || page < 0 || index * pageSize >= ids.count {
                slice = []
            } else {
                slice = ids[(index * pageSize)..<min(ids.count, (index + 1) * pageSize)]
            }
            var json = RMSSandboxJSON(capacity: slice.count * 600 + 64)
            json.beginArray()
            let written = write(
                type: type, ids: Array(slice), render: render, customFields: includeCustomFields, into: &json)
            json.endArray()
            let count = behavior.countMeaning == .page ? written : ids.count
            return .envelope(status: 0, message: "success", count: count) { envelope in
                envelope.key("results")
                envelope.appendRaw(json.bytes)
            }
        }
    }

    struct Query: Hashable {
        var type: String
        var state: String
        var search: String
        var ownerID: Int?
        var after: Int64?
        var before: Int64?
        var sortByUpdate: Bool
        var descending: Bool
        var onlyWorkingStates: Bool
    }

    /// The ids matching a query in its order, cached until the data changes.
    private func matching(_ query: Query, data: RMSSandboxData) -> [Int] {
        let key = "\(query.hashValue)"
        if let cached = store.queryCache.withLock({ $0 }), cached.key == key, cached.version == data.version {
            return cached.ids
        }
        var rows: [(id: Int, updated: Int64)] = []
        func consider(_ id: Int, _ updated: Int64, name: String, owner: Int?) {
            if let after = query.after, updated < after { return }
            if let before = query.before, updated > before { return }
            if let ownerID = query.ownerID, let owner, owner != ownerID { return }
            if !query.search.isEmpty, !name.lowercased().contains(query.search) { return }
            rows.append((id, updated))
        }
        switch query.type {
        case "O":
            for record in data.opportunities {
                let group = data.opportunityStatus(record.statusID)?.group.lowercased() ?? ""
                if !query.state.isEmpty, group != query.state { continue }
                consider(
                    record.id, record.updatedAt, name: "JOB-\(record.id) \(record.title)", owner: record.ownerUserID)
            }
        case "R":
            for record in data.resources {
                consider(record.id, record.updatedAt, name: record.fullName, owner: record.ownerUserID)
            }
        case "X":
            let working = Set(
                data.placementStatuses.filter { ["Working", "Offer", "Complete"].contains($0.group) }.map(\.id))
            for record in data.placements {
                if query.onlyWorkingStates, !working.contains(record.statusID) { continue }
                let name = data.resource(record.resourceID)?.fullName ?? ""
                consider(record.id, record.updatedAt, name: name, owner: nil)
            }
        case "A":
            for record in data.activities {
                consider(record.id, record.updatedAt, name: record.subject, owner: record.userID)
            }
        case "C":
            for record in data.clients { consider(record.id, record.updatedAt, name: record.name, owner: nil) }
        case "N":
            for record in data.contacts {
                consider(record.id, record.updatedAt, name: "\(record.firstName) \(record.lastName)", owner: nil)
            }
        default:
            break
        }
        if query.sortByUpdate {
            rows.sort { left, right in
                if left.updated != right.updated {
                    return query.descending ? left.updated > right.updated : left.updated < right.updated
                }
                return query.descending ? left.id > right.id : left.id < right.id
            }
        }
        let ids = rows.map(\.id)
        store.queryCache.withLock { $0 = (key, data.version, ids) }
        return ids
    }

    /// Writes the records with these ids (skipping missing ones) and returns how many were written.
    private func write(
        type: String, ids: [Int], render: RMSSandboxRender, customFields: Bool, into json: inout RMSSandboxJSON
    ) -> Int {
        let data = render.data
        var written = 0
        for id in ids {
            switch type {
            case "O":
                guard let record = data.opportunity(id) else { continue }
                render.opportunity(record, customFields: customFields, into: &json)
            case "R":
                guard let record = data.resource(id) else { continue }
                render.resource(record, customFields: customFields, into: &json)
            case "X":
                guard let record = data.placement(id) else { continue }
                render.placement(record, into: &json)
            case "A":
                guard let record = data.activity(id) else { continue }
                render.activity(record, into: &json)
            case "C":
                guard let record = data.client(id) else { continue }
                render.client(record, into: &json)
            case "N":
                guard let record = data.contact(id) else { continue }
                render.contact(record, into: &json)
            default: continue
            }
            written += 1
        }
        return written
    }

    func getIndividualRecord(_ request: RMSSandboxBody) -> RMSSandboxReply {
        guard let instructions = request.object("instructions"),
            let type = instructions.string("recordtype")?.uppercased(), let id = instructions.int("recordid"), id != 0
        else { return .invalid("Invalid request: instructions.recordtype and instructions.recordid are required") }
        guard ["L", "O", "P", "T", "A", "R"].contains(type) else {
            return .invalid("Invalid request: getIndividualRecord does not support record type \(type)")
        }
        let time = store.time
        return store.data.withLock { data -> RMSSandboxReply in
            let render = RMSSandboxRender(data: data, time: time)
            var json = RMSSandboxJSON(capacity: 2048)
            switch type {
            case "O":
                guard let record = data.opportunity(id) else { return .invalid("Record not found") }
                writeOpportunityDetail(record, data: data, time: time, into: &json)
            case "R":
                guard let record = data.resource(id) else { return .invalid("Record not found") }
                render.resource(record, customFields: true, into: &json)
            case "A":
                guard let record = data.activity(id) else { return .invalid("Record not found") }
                render.activity(record, into: &json)
            default:
                return .invalid("Record not found")
            }
            return .envelope(status: 0, message: "success", count: 1) { envelope in
                envelope.key("results")
                envelope.beginArray()
                envelope.appendRaw(json.bytes)
                envelope.endArray()
            }
        }
    }

    private func writeOpportunityDetail(
        _ record: RMSSandboxOpportunity, data: RMSSandboxData, time: RMSSandboxTime, into json: inout RMSSandboxJSON
    ) {
        let client = data.client(record.clientID)
        let contact = record.contactID.flatMap { data.contact($0) }
        let owner = data.users.first { $0.id == record.ownerUserID }
        json.beginObject()
        json.field("id", record.id)
        json.field("name", record.title)
        json.field("clientid", record.clientID)
        json.field("clientname", client?.name ?? "")
        json.key("contactid")
        if let contact { json.int(contact.id) } else { json.null() }
        json.field("contactname", contact.map { "\($0.firstName) \($0.lastName)" })
        json.field("status", data.opportunityStatus(record.statusID)?.name ?? "")
        json.field("description", record.description)
        json.field("subject", "JOB-\(record.id) \(record.title)")
        json.field("type", record.workType)
        json.field("dateopened", time.naiveDate(record.openedAt))
        json.field("lastupdated", time.naive(record.updatedAt))
        json.key("Owners")
        json.beginArray()
        if let owner {
            json.beginObject()
            json.field("UserId", owner.id)
            json.field("Name", owner.name)
            json.endObject()
        }
        json.endArray()
        json.key("Placements")
        json.beginArray()
        for placement in data.placements where placement.opportunityID == record.id {
            json.beginObject()
            json.field("PlacementId", placement.id)
            json.field("CandidateId", placement.resourceID)
            json.field("CandidateName", data.resource(placement.resourceID)?.fullName ?? "")
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }
}

extension RMSSandboxJSON {
    /// Appends an already written value (a nested writer's output) as the next value.
    mutating func appendRaw(_ value: [UInt8]) {
        appendValueBytes(value)
    }
}
