/// Everything the sandbox holds, under one lock (``RMSSandboxStore``). Records are kept in
/// ascending id order, which is the default listing order.
struct RMSSandboxData: Sendable {
    var placementStatuses: [RMSSandboxStatus] = []
    var opportunityStatuses: [RMSSandboxStatus] = []
    var resourceStatuses: [RMSSandboxStatus] = []
    var customFields: [RMSSandboxCustomField] = []
    var customFieldLists: [(id: Int, name: String, items: [(id: Int, name: String)])] = []
    var users: [RMSSandboxUser] = []
    var clients: [RMSSandboxClient] = []
    var contacts: [RMSSandboxContact] = []
    var opportunities: [RMSSandboxOpportunity] = []
    var resources: [RMSSandboxResource] = []
    var placements: [RMSSandboxPlacement] = []
    var activities: [RMSSandboxActivity] = []
    var documents: [RMSSandboxDocument] = []
    var nextID = 1
    /// Bumped by every change, so cached query results know when they are stale.
    var version = 0

    mutating func takeID() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    func index<T>(of id: Int, in records: [T], _ key: (T) -> Int) -> Int? {
        var low = 0
        var high = records.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let value = key(records[middle])
            if value == id { return middle }
            if value < id { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }

    func opportunity(_ id: Int) -> RMSSandboxOpportunity? {
        index(of: id, in: opportunities, \.id).map { opportunities[$0] }
    }

    func resource(_ id: Int) -> RMSSandboxResource? {
        index(of: id, in: resources, \.id).map { resources[$0] }
    }

    func placement(_ id: Int) -> RMSSandboxPlacement? {
        index(of: id, in: placements, \.id).map { placements[$0] }
    }

    func client(_ id: Int) -> RMSSandboxClient? {
        index(of: id, in: clients, \.id).map { clients[$0] }
    }

    func contact(_ id: Int) -> RMSSandboxContact? {
        index(of: id, in: contacts, \.id).map { contacts[$0] }
    }

    func activity(_ id: Int) -> RMSSandboxActivity? {
        index(of: id, in: activities, \.id).map { activities[$0] }
    }

    func placementStatus(_ id: Int) -> RMSSandboxStatus? {
        placementStatuses.first { $0.id == id }
    }

    func opportunityStatus(_ id: Int) -> RMSSandboxStatus? {
        opportunityStatuses.first { $0.id == id }
    }

    /// Whether a record of this type letter and id exists.
    func exists(type: String, id: Int) -> Bool {
        switch type {
        case "C": return client(id) != nil
        case "N": return contact(id) != nil
        case "O": return opportunity(id) != nil
        case "R": return resource(id) != nil
        case "X": return placement(id) != nil
        case "A": return activity(id) != nil
        default: return false
        }
    }

    /// The status a new placement gets for `assigntolist` and `shortlistedby`.
    func defaultPlacementStatus(list: String, shortlistedBy: String) -> Int {
        let group: String
        if list.lowercased() == "long" {
            return placementStatuses.first { $0.name == "Long List" }?.id ?? placementStatuses[0].id
        } else {
            group = shortlistedBy.lowercased() == "user" ? "Shortlisted" : "Applied"
        }
        return placementStatuses.first { $0.group == group }?.id ?? placementStatuses[0].id
    }
}
