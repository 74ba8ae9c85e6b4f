import Foundation
import Testing
import TrackerRMSAPI
import TrackerRMSSandbox

@Suite("TrackerRMSAPI against the sandbox: every operation")
struct OperationsTests {
    @Test("checkLogon and settings: statuses with groups, custom fields, lists, users, the rejection status")
    func settings() async throws {
        try await withSandboxClient { sandbox, client in
            try await client.checkLogon()
            let settings = try await client.settings()
            #expect(settings.operation == "getSettings")
            let truth = sandbox.control.placementStatuses
            #expect(settings.placementStatuses.map(\.name) == truth.map(\.name))
            #expect(settings.placementStatuses.map { $0.id.int } == truth.map(\.id))
            #expect(settings.rejectionStatus?.name == "Unsuccessful")
            #expect(settings.placementStatus(named: "entrevista CON cliente")?.id.int == 5)
            #expect(settings.customFields.count == sandbox.control.customFields.count)
            #expect(settings.customFields.first { $0.type == "List" }?.listID?.int == 51)
            #expect(settings.customFieldLists.first?.items.count == 3)
            #expect(settings.users.map(\.isActive) == [true, true, false])
        }
    }

    @Test(
        "Settings in the other shapes: nested in results with lower-case keys, or only getSettingsData",
        arguments: [RMSSandboxSettingsShape.nestedLowercase, .onlySettingsData])
    func settingsShapes(shape: RMSSandboxSettingsShape) async throws {
        try await withSandboxClient(smallSandbox(behavior: RMSSandboxBehavior(settingsShape: shape))) {
            sandbox, client in
            let settings = try await client.settings()
            #expect(settings.placementStatuses.count == sandbox.control.placementStatuses.count)
            #expect(settings.operation == (shape == .onlySettingsData ? "getSettingsData" : "getSettings"))
            if shape == .nestedLowercase { #expect(settings.placementStatuses.allSatisfy { $0.group != nil }) }
        }
    }

    @Test("Lists of every type match the ground truth, typed")
    func lists() async throws {
        try await withSandboxClient { sandbox, client in
            let opportunities = try await collect(client.opportunities(.init(includeCustomFields: true)).records)
            #expect(opportunities.map { $0.id.int } == sandbox.control.opportunities.map(\.id))
            let firstJob = try #require(opportunities.first)
            let truthJob = try #require(sandbox.control.opportunities.first)
            #expect(firstJob.title == truthJob.title)
            #expect(firstJob.listedName == "JOB-\(truthJob.id) \(truthJob.title)")
            #expect(firstJob.customFields.first { $0.id == 105 }?.value == truthJob.customFields[105])
            #expect(firstJob.lastUpdated?.instant == Date(timeIntervalSince1970: Double(truthJob.updatedAt)))

            let resources = try await collect(client.resources().records)
            #expect(resources.map { $0.id.int } == sandbox.control.resources.map(\.id))
            let truthResource = try #require(sandbox.control.resources.first)
            #expect(resources.first?.email == truthResource.email)
            #expect(resources.first?.workAvailable == truthResource.workAvailable)

            let placements = try await collect(client.placements().records)
            let truth = sandbox.control.placements
            #expect(placements.map { $0.id.int } == truth.map(\.id))
            for (placement, expected) in zip(placements, truth) {
                #expect(placement.statusID?.int == expected.statusID)
                #expect(placement.opportunityID?.int == expected.opportunityID)
                #expect(placement.resourceID?.int == expected.resourceID)
            }
            let activities = try await collect(client.activities().records)
            #expect(activities.map { $0.id.int } == sandbox.control.activities.map(\.id))
            #expect(activities.first?.note?.contains("\n") == true)
        }
    }

    @Test("One record by id; an opportunity's full view lists its placements; missing ids say so")
    func singleRecords() async throws {
        try await withSandboxClient { sandbox, client in
            let truth = try #require(sandbox.control.placements.last)
            let placement = try await client.record(RMSPlacement.self, id: RMSRecordID(Int64(truth.id)))
            #expect(placement?.statusID?.int == truth.statusID)
            #expect(try await client.record(RMSPlacement.self, id: 999_999) == nil)
            let job = try #require(sandbox.control.opportunities.first)
            let detail = try await client.opportunity(RMSRecordID(Int64(job.id)))
            #expect(
                Set(detail.placements.map { $0.placementID.int })
                    == Set(sandbox.control.placements.filter { $0.opportunityID == job.id }.map(\.id)))
            #expect(detail.subject == "JOB-\(job.id) \(job.title)")
            let missing = await #expect(throws: TrackerRMSError.self) { try await client.opportunity(999_999) }
            #expect(missing?.code == .recordNotFound)
            let refused = await #expect(throws: TrackerRMSError.self) {
                try await client.individualRecord(.placement, id: RMSRecordID(Int64(truth.id)))
            }
            #expect(refused?.code == .invalidArgument)
        }
    }

    @Test("Moving a placement by status id is confirmed by reading it back; an unknown id fails with a reason")
    func moves() async throws {
        try await withSandboxClient { sandbox, client in
            let settings = try await client.settings()
            let truth = try #require(sandbox.control.placements.first { $0.statusID != 7 })
            let working = try #require(settings.placementStatus(named: "Working"))
            let moved = try await client.movePlacement(RMSRecordID(Int64(truth.id)), to: working)
            #expect(moved.statusName == "Working")
            #expect(sandbox.control.placements.first { $0.id == truth.id }?.statusID == 7)
            let rejection = try #require(settings.rejectionStatus)
            try await client.movePlacement(RMSRecordID(Int64(truth.id)), to: rejection)
            #expect(
                sandbox.control.group(
                    ofPlacementStatus: sandbox.control.placements.first { $0.id == truth.id }?.statusID ?? 0)
                    == "Unsuccessful")
            let bogus = RMSStatus(id: 4711, name: "Nope", group: nil)
            let error = await #expect(throws: TrackerRMSError.self) {
                try await client.movePlacement(RMSRecordID(Int64(truth.id)), to: bogus)
            }
            #expect(error?.code == .invalidRequest)
            #expect(error?.rmsStatus == 99)
        }
    }

    @Test("createResource, then the same e-mail again: status 3 with the existing id; find by e-mail")
    func createResource() async throws {
        try await withSandboxClient { sandbox, client in
            let job = RMSRecordID(Int64(try #require(sandbox.control.opportunities.first).id))
            let new = RMSNewResource(
                firstName: "Émile", lastName: "Zola", email: "Emile.Zola@Example.org", source: "Website",
                customFields: [RMSCustomFieldValue(id: 102, value: "42")])
            let first = try await client.createResource(new, assignTo: job)
            let id = try #require(first.recordID)
            #expect(!first.alreadyExisted)
            let second = try await client.createResource(
                RMSNewResource(firstName: "Emile", lastName: "Z", email: "  emile.zola@example.ORG "))
            #expect(second.alreadyExisted)
            #expect(second.recordID == id)
            let found = try await client.findResources(email: "EMILE.zola@example.org", nameHint: "Zola")
            #expect(found.map(\.id) == [id])
            let resource = try #require(sandbox.control.resources.first { $0.id == id.int })
            #expect(resource.customFields[102] == "42")
            let applied = sandbox.control.placements.filter { $0.resourceID == id.int }
            #expect(applied.count == 1)
            #expect(sandbox.control.group(ofPlacementStatus: applied.first?.statusID ?? 0) == "Applied")
        }
    }

    @Test("createPlacement is idempotent per resource and job")
    func createPlacement() async throws {
        try await withSandboxClient { sandbox, client in
            let resource = RMSRecordID(Int64(try #require(sandbox.control.resources.last).id))
            let job = RMSRecordID(Int64(try #require(sandbox.control.opportunities.last).id))
            let first = try await client.createPlacement(resource: resource, opportunity: job, list: .shortlisted)
            let again = try await client.createPlacement(resource: resource, opportunity: job)
            #expect(again.alreadyExisted)
            #expect(again.recordID == first.recordID)
            let status = sandbox.control.placements.first { $0.id == first.recordID?.int }?.statusID ?? 0
            #expect(sandbox.control.group(ofPlacementStatus: status) == "Shortlisted")
        }
    }

    @Test("Notes are activities linked to the resource and tied to the placement, dated in the account's zone")
    func notes() async throws {
        try await withSandboxClient { sandbox, client in
            let placement = try #require(sandbox.control.placements.first)
            let outcome = try await client.createActivity(
                RMSNewActivity(
                    subject: "Phone screen", note: "Line one\nLine two — ✓",
                    linkRecordID: RMSRecordID(Int64(placement.resourceID)),
                    placementID: RMSRecordID(Int64(placement.id))), at: fixedStart)
            let activity = try #require(sandbox.control.activities.first { $0.id == outcome.recordID?.int })
            #expect(activity.note == "Line one\nLine two — ✓")
            #expect(activity.placementID == placement.id)
            #expect(activity.opportunityID == placement.opportunityID)
            let readBack = try await client.record(RMSActivity.self, id: try #require(outcome.recordID))
            #expect(readBack?.note == "Line one\nLine two — ✓")
            let refused = await #expect(throws: TrackerRMSError.self) {
                try await client.createActivity(
                    RMSNewActivity(subject: "x", note: "y", linkRecordType: .placement, linkRecordID: 1))
            }
            #expect(refused?.code == .invalidArgument)
        }
    }

    @Test("Documents: attach with real bytes, list and download through the REST API")
    func documents() async throws {
        try await withSandboxClient { sandbox, client in
            let resource = RMSRecordID(Int64(try #require(sandbox.control.resources.first).id))
            let bytes = Array("%PDF-1.4\nrésumé\n%%EOF\n".utf8) + [0, 255, 1]
            let attached = try await client.attachDocument(
                RMSNewDocument(
                    filename: "cv.pdf", recordID: resource, documentType: "resume", isPrimary: true, data: bytes))
            let documentID = try #require(attached.recordID)
            let listed = try await client.documents(ofResource: resource)
            #expect(listed.contains { $0.id == documentID && $0.filename == "cv.pdf" && $0.isPrimary == true })
            let downloaded = try await client.downloadDocument(documentID, ofResource: resource)
            #expect(Array(downloaded.data) == bytes)
            let seeded = try #require(listed.first { $0.id != documentID })
            let seededFile = try await client.downloadDocument(seeded.id, ofResource: resource)
            #expect(seededFile.data.starts(with: Array("%PDF".utf8)))
        }
    }

    @Test("Without a REST token, documents are a typed notSupported answer")
    func documentsWithoutToken() async throws {
        let noToken: ClientTweak = { configuration, _ in configuration.restToken = nil }
        try await withSandboxClient(configure: noToken) { _, client in
            let error = await #expect(throws: TrackerRMSError.self) { try await client.documents(ofResource: 1) }
            #expect(error?.code == .notSupported)
            #expect(error?.description.contains("TRACKER_RMS_REST_TOKEN") == true)
        }
    }

    @Test("createOpportunity and createContact (seeding) and checkPerson")
    func seedingAndChecks() async throws {
        try await withSandboxClient { sandbox, client in
            let job = try await client.createRecord(
                .opportunity, fields: ["name": .string("Night Porter"), "clientname": .string("Brand New Hotels")],
                instructions: ["createcompanyifnotexists": .bool(true)])
            #expect(sandbox.control.opportunities.last?.id == job.recordID?.int)
            let contact = try await client.createRecord(
                .contact,
                fields: [
                    "firstname": .string("Ida"), "lastname": .string("Lind"), "company": .string("Brand New Hotels"),
                ])
            #expect(sandbox.control.contacts.last?.id == contact.recordID?.int)
            let resource = try #require(sandbox.control.resources.first)
            let check = try await client.checkPerson(email: resource.email.uppercased())
            #expect(check.recordTypes == ["R"])
            #expect(check.firstRecord?.member("name")?.scalarText == resource.fullName)
            let user = try await client.checkPerson(email: sandbox.username)
            #expect(user.recordTypes == ["U"])
        }
    }

    @Test("Creates without recordId: the client finds the record itself and notes the observation")
    func createsWithoutRecordID() async throws {
        let behavior = RMSSandboxBehavior(omitRecordIDOnCreate: true)
        try await withSandboxClient(smallSandbox(behavior: behavior)) { sandbox, client in
            let outcome = try await client.createResource(
                RMSNewResource(firstName: "Noor", lastName: "Haddad", email: "noor.haddad@example.net"))
            #expect(outcome.recordID?.int == sandbox.control.resources.last?.id)
            let job = RMSRecordID(Int64(try #require(sandbox.control.opportunities.first).id))
            let placement = try await client.createPlacement(resource: try #require(outcome.recordID), opportunity: job)
            #expect(placement.recordID?.int == sandbox.control.placements.last?.id)
            #expect(client.serverObservations.contains { $0.kind == .createWithoutRecordID })
        }
    }
}
