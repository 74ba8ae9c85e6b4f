/// A small deterministic generator (SplitMix64): the same seed gives the same account.
struct RMSSandboxRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed &+ 0x9E37_79B9_7F4A_7C15
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    mutating func below(_ bound: Int) -> Int {
        bound <= 1 ? 0 : Int(next() % UInt64(bound))
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }
}

/// Seeds a staffing agency's account: clients and contacts, jobs, candidates applying to several
/// jobs, placements in every status group, notes, résumés with real bytes, custom fields, users.
enum RMSSandboxSeeder {
    static let firstNames = [
        "Amelia", "Liam", "Sofía", "Noah", "Olivia", "Mateo", "Zoë", "Ethan", "Chloé", "Lucas", "Aisha", "Kenji",
        "Mia", "Oliver", "Ngozi", "Henrik", "Priya", "Jamal", "Léa", "Tomás", "Hannah", "Yusuf", "Freya", "Ravi",
    ]
    static let lastNames = [
        "Smith", "García", "Nguyen", "O'Brien", "Müller", "Kowalski", "Okafor", "Tanaka", "Rossi", "Johansson",
        "Patel", "Dubois", "Hernández", "Kim", "Novák", "Andersen", "Silva", "Brown", "Ahmed", "Łukasiewicz",
    ]
    static let titles = [
        "Forklift Operator", "Registered Nurse", "Java Programmer", "Private Secretary", "Warehouse Associate",
        "Payroll Administrator", "Site Electrician", "Customer Service Representative", "HGV Driver",
        "Accounts Payable Clerk", "Data Analyst", "Care Assistant", "Project Manager", "Receptionist",
        "Welder / Fabricator", "Sous Chef",
    ]
    static let companies = [
        "Northwind Logistics", "Bayside Health Trust", "Acme Manufacturing", "Crown & Anchor Hotels",
        "Lakeside Construction", "Pinecrest Financial", "Orbital Software", "Meridian Foods", "Harbour Freight Co.",
        "Summit Energy", "Greenfield Schools", "Atlas Security",
    ]
    static let sources = ["Website", "LinkedIn", "Indeed", "Referral", "Job Board", "Walk-in"]
    static let workTypes = ["Permanent", "Contract", "Temporary"]

    static func seed(_ configuration: RMSSandboxConfiguration, now: Int64) -> RMSSandboxData {
        var data = RMSSandboxData()
        var random = RMSSandboxRandom(seed: configuration.seed)
        seedSettings(&data)
        data.users = [
            RMSSandboxUser(id: 1, email: "admin@harbourstaffing.example", name: "System Administrator", isActive: true),
            RMSSandboxUser(id: 2, email: configuration.username, name: "Dana Recruiter", isActive: true),
            RMSSandboxUser(
                id: 3, email: RMSSandboxConfiguration.inactiveUsername, name: "Former Recruiter", isActive: false),
        ]
        data.nextID = 1000
        let span: Int64 = 90 * 86_400
        // Times come from a generator of their own: `past` is passed next to `&random` below.
        var timeDraws = RMSSandboxRandom(seed: configuration.seed ^ 0x5EED_71AE)
        func past() -> Int64 { now - 60 - Int64(timeDraws.below(Int(span))) }
        for name in companies {
            data.clients.append(RMSSandboxClient(id: data.takeID(), name: name, updatedAt: past()))
        }
        for client in data.clients {
            let first = random.pick(firstNames)
            let last = random.pick(lastNames)
            data.contacts.append(
                RMSSandboxContact(
                    id: data.takeID(), clientID: client.id, firstName: first, lastName: last,
                    email: "\(ascii(first)).\(ascii(last))@\(ascii(client.name)).example", phone: phone(&random),
                    updatedAt: past()))
        }
        for index in 0..<configuration.opportunityCount {
            let client = data.clients[index % data.clients.count]
            let title = random.pick(titles)
            let opened = past()
            data.opportunities.append(
                RMSSandboxOpportunity(
                    id: data.takeID(), title: title, clientID: client.id,
                    contactID: data.contacts.first { $0.clientID == client.id }?.id,
                    statusID: data.opportunityStatuses[index % 5 == 4 ? 1 + random.below(2) : 0].id,
                    description: "\(title) for \(client.name). Shifts and rates on request.",
                    workType: random.pick(workTypes), openedAt: opened, ownerUserID: 1 + random.below(2),
                    customFields: [105: "CC-\(100 + random.below(900))"], updatedAt: max(opened, past())))
        }
        for index in 0..<configuration.resourceCount {
            let first = firstNames[index % firstNames.count]
            let last = random.pick(lastNames)
            let created = past()
            let visaItems = data.customFieldLists[0].items
            data.resources.append(
                RMSSandboxResource(
                    id: data.takeID(), firstName: first, lastName: last,
                    email: "\(ascii(first)).\(ascii(last)).\(index)@mail.example",
                    otherEmail: index % 4 == 0 ? "\(ascii(first))\(index)@home.example" : "",
                    mobilePhone: phone(&random), homePhone: index % 3 == 0 ? phone(&random) : "", workPhone: "",
                    jobTitle: random.pick(titles), source: random.pick(sources), workAvailable: index % 5 != 0,
                    statusName: index % 7 == 0 ? "Placed" : "Available", ownerUserID: 1 + random.below(2), note: "",
                    customFields: [
                        101: random.pick(visaItems).name, 102: String(15 + random.below(60)),
                        103: "2026-0\(1 + random.below(9))-1\(random.below(10))", 104: index % 2 == 0 ? "Y" : "N",
                    ], createdAt: created, updatedAt: max(created, past())))
        }
        seedPlacements(&data, configuration: configuration, random: &random, past: past)
        seedActivities(&data, count: configuration.activityCount, random: &random, past: past)
        for (index, resource) in data.resources.enumerated() where index % 3 == 0 {
            data.documents.append(
                RMSSandboxDocument(
                    id: data.takeID(), recordType: "R", recordID: resource.id,
                    filename: "\(ascii(resource.firstName))-\(ascii(resource.lastName))-CV.pdf", documentType: "resume",
                    isPrimary: true,
                    data: RMSSandboxPDF.make(lines: [resource.fullName, resource.jobTitle, resource.email])))
        }
        return data
    }

    private static func seedPlacements(
        _ data: inout RMSSandboxData, configuration: RMSSandboxConfiguration, random: inout RMSSandboxRandom,
        past: () -> Int64
    ) {
        var pairs = Set<Int>()
        let opportunities = data.opportunities.count
        let resources = data.resources.count
        var attempts = 0
        while data.placements.count < configuration.placementCount && attempts < configuration.placementCount * 4 {
            attempts += 1
            let index = data.placements.count
            // A person often applies to several jobs: reuse a fifth of the resources heavily.
            let resourceIndex = index % 5 == 0 ? random.below(max(1, resources / 5)) : random.below(resources)
            let opportunityIndex = random.below(opportunities)
            let key = opportunityIndex * resources + resourceIndex
            guard pairs.insert(key).inserted else { continue }
            // Every status appears: cycle through them, then mix.
            let status = data.placementStatuses[
                index < data.placementStatuses.count ? index : random.below(data.placementStatuses.count)]
            let assigned = past()
            let placed = ["Working", "Complete"].contains(status.group)
            data.placements.append(
                RMSSandboxPlacement(
                    id: data.takeID(), opportunityID: data.opportunities[opportunityIndex].id,
                    resourceID: data.resources[resourceIndex].id, statusID: status.id, assignedAt: assigned,
                    startDate: placed ? "2026-0\(1 + random.below(9))-01" : nil,
                    endDate: status.group == "Complete" ? "2026-1\(random.below(3))-28" : nil,
                    source: random.pick(sources), updatedAt: max(assigned, past())))
        }
    }

    private static func seedActivities(
        _ data: inout RMSSandboxData, count: Int, random: inout RMSSandboxRandom, past: () -> Int64
    ) {
        let kinds = [("Note", "Completed"), ("Call", "Completed"), ("Email", "Sent"), ("Interview", "Scheduled")]
        for index in 0..<count {
            let (kind, status) = kinds[index % kinds.count]
            if let placement = data.placements.isEmpty ? nil : data.placements[random.below(data.placements.count)] {
                data.activities.append(
                    RMSSandboxActivity(
                        id: data.takeID(),
                        subject: "\(kind): \(data.opportunity(placement.opportunityID)?.title ?? "role")",
                        typeName: kind, statusName: status,
                        note: "Spoke about availability.\nPrefers day shifts — confirmed rate & start date.",
                        linkRecordType: "R", linkRecordID: placement.resourceID, resourceID: placement.resourceID,
                        opportunityID: placement.opportunityID, placementID: placement.id, userID: 1 + random.below(2),
                        updatedAt: past()))
            }
        }
    }

    private static func seedSettings(_ data: inout RMSSandboxData) {
        data.placementStatuses = [
            .init(id: 1, name: "Applied", group: "Applied"),
            .init(id: 2, name: "Shortlisted", group: "Shortlisted"),
            .init(id: 3, name: "Long List", group: "Applied"),
            .init(id: 4, name: "Internal Interview", group: "Internal"),
            .init(id: 5, name: "Entrevista con cliente", group: "Internal"),
            .init(id: 6, name: "Offer Made", group: "Offer"),
            .init(id: 7, name: "Working", group: "Working"),
            .init(id: 8, name: "Placed – Complete", group: "Complete"),
            .init(id: 9, name: "Unsuccessful", group: "Unsuccessful"),
            .init(id: 10, name: "Withdrawn", group: "Unsuccessful"),
        ]
        data.opportunityStatuses = [
            .init(id: 21, name: "Open", group: "Open"), .init(id: 22, name: "Won", group: "Won"),
            .init(id: 23, name: "Closed – Lost", group: "Closed"),
        ]
        data.resourceStatuses = [.init(id: 31, name: "Available", group: ""), .init(id: 32, name: "Placed", group: "")]
        data.customFieldLists = [
            (id: 51, name: "Visa Status", items: [(61, "Citizen"), (62, "Permanent Resident"), (63, "Work Visa")])
        ]
        data.customFields = [
            .init(id: 101, association: "Resource", name: "Visa Status", type: "List", listID: 51),
            .init(id: 102, association: "Resource", name: "Expected Hourly Rate", type: "Number", listID: 0),
            .init(id: 103, association: "Resource", name: "Available From", type: "Date", listID: 0),
            .init(id: 104, association: "Resource", name: "Willing to Relocate", type: "Checkbox", listID: 0),
            .init(id: 105, association: "Opportunity", name: "Cost Centre", type: "Text", listID: 0),
            .init(id: 106, association: "Activity", name: "Follow-up Notes", type: "Memo", listID: 0),
        ]
    }

    static func phone(_ random: inout RMSSandboxRandom) -> String {
        "+1 555 \(100 + random.below(900)) \(1000 + random.below(9000))"
    }

    /// Letters only, lower case, for e-mail addresses.
    static func ascii(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) }.map(Character.init))
    }
}

/// A minimal valid PDF with a few lines of text: real bytes for documents.
enum RMSSandboxPDF {
    static func make(lines: [String]) -> [UInt8] {
        let text = lines.map {
            "(" + $0.unicodeScalars.filter { $0.isASCII && $0 != "(" && $0 != ")" }.map(String.init).joined()
                + ") Tj 0 -16 Td"
        }
        .joined(separator: " ")
        let stream = "BT /F1 12 Tf 72 720 Td \(text) ET"
        var objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var output = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(output.utf8.count)
            output += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = output.utf8.count
        output += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            output += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        output += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        objects.removeAll()
        return Array(output.utf8)
    }
}
