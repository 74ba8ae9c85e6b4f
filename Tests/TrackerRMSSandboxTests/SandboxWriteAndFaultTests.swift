import Foundation
import Testing
import TrackerRMSSandbox

@Suite("Tracker RMS sandbox: writes, documents, faults, rate limit and mutations")
struct SandboxWriteAndFaultTests {
    static let configuration = RMSSandboxConfiguration(
        opportunityCount: 6, resourceCount: 20, placementCount: 25, activityCount: 10,
        clock: RMSManualSandboxClock(start: fixedStart))

    @Test("createResource matches by e-mail: status 3 with the existing id; resourceApplication is idempotent")
    func createsAndDuplicates() async throws {
        try await withTrackerRMSSandbox(Self.configuration) { sandbox in
            let wire = RawWidget(sandbox: sandbox)
            let job = try #require(sandbox.control.opportunities.first)
            let resource: [String: Any] = ["firstname": "Ada", "lastname": "Quinn", "email": " Ada.Quinn@Example.com "]
            let created = try await wire.post(
                "createResource", ["resource": resource, "instructions": ["overwriteresource": false]])
            #expect(try created.rmsStatus() == 0)
            let id = try #require(try created.object()["recordId"] as? Int)
            let again = try await wire.post(
                "createResource",
                [
                    "resource": ["firstname": "Ada", "lastname": "Q", "email": "ada.quinn@example.com"],
                    "instructions": ["overwriteresource": "n"],
                ])
            #expect(try again.rmsStatus() == 3)
            #expect(try again.object()["recordId"] as? Int == id)
            let apply = try await wire.post(
                "resourceApplication",
                [
                    "instructions": [
                        "opportunityid": String(job.id), "resourceid": id, "assigntolist": "short",
                        "shortlistedby": "user",
                    ]
                ])
            let placementID = try #require(try apply.object()["recordId"] as? Int)
            let placement = try #require(sandbox.control.placements.first { $0.id == placementID })
            #expect(sandbox.control.group(ofPlacementStatus: placement.statusID) == "Shortlisted")
            let twice = try await wire.post(
                "resourceApplication", ["instructions": ["opportunityid": job.id, "resourceid": id]])
            #expect(try twice.rmsStatus() == 3)
            #expect(try twice.object()["recordId"] as? Int == placementID)
            #expect(sandbox.control.placements.filter { $0.resourceID == id }.count == 1)
        }
    }

    @Test("updateRecord moves a placement; an unknown status id is status 99 and changes nothing")
    func moves() async throws {
        try await withTrackerRMSSandbox(Self.configuration) { sandbox in
            let wire = RawWidget(sandbox: sandbox)
            let placement = try #require(sandbox.control.placements.first)
            let move = try await wire.post(
                "updateRecord",
                [
                    "instructions": ["recordtype": "X", "recordid": placement.id],
                    "updates": [["column": "opportunityresourcestatusid", "value": "9"]],
                ])
            #expect(try move.rmsStatus() == 0)
            #expect(sandbox.control.placements.first { $0.id == placement.id }?.statusID == 9)
            let bad = try await wire.post(
                "updateRecord",
                [
                    "instructions": ["recordtype": "X", "recordid": placement.id],
                    "updates": [["column": "opportunityresourcestatusid", "value": "4711"]],
                ])
            #expect(try bad.rmsStatus() == 99)
            #expect(sandbox.control.placements.first { $0.id == placement.id }?.statusID == 9)
        }
    }

    @Test("attachDocument keeps the bytes; the REST API lists and returns them after a token exchange")
    func documents() async throws {
        try await withTrackerRMSSandbox(Self.configuration) { sandbox in
            let wire = RawWidget(sandbox: sandbox)
            let resource = try #require(sandbox.control.resources.last)
            let bytes = Array("%PDF-1.4 résumé".utf8)
            let attach = try await wire.post(
                "attachDocument",
                [
                    "file": [
                        "filename": "cv.pdf", "recordType": "R", "recordId": resource.id, "documentType": "resume",
                        "primary": "y", "data": Data(bytes).base64EncodedString(),
                    ]
                ])
            let documentID = try #require(try attach.object()["recordId"] as? Int)
            let exchange = try await wire.send(
                "POST", "/api/Auth/ExchangeToken", body: Array("{\"bearerToken\":\"\(sandbox.restToken)\"}".utf8))
            let token = try #require(try exchange.object()["token"] as? String)
            let list = try await wire.send(
                "GET", "/api/v1/Resource/\(resource.id)/Documents", headers: [("Authorization", "Bearer " + token)])
            let items = try #require(try JSONSerialization.jsonObject(with: Data(list.body)) as? [[String: Any]])
            #expect(items.contains { $0["documentId"] as? Int == documentID })
            let file = try await wire.send(
                "GET", "/api/v1/Resource/\(resource.id)/Document/\(documentID)",
                headers: [("Authorization", "Bearer " + token)])
            let content = try #require(try file.object()["filecontent"] as? String)
            #expect(Data(base64Encoded: content).map(Array.init) == bytes)
            let denied = try await wire.send("GET", "/api/v1/Resource/\(resource.id)/Documents")
            #expect(denied.status == 401)
            let seeded = try #require(
                sandbox.control.documents.first { $0.documentType == "resume" && $0.id != documentID })
            #expect(seeded.data.starts(with: Array("%PDF-1.4".utf8)))
            #expect(String(decoding: seeded.data, as: UTF8.self).hasSuffix("%%EOF\n"))
        }
    }

    @Test("Scripted faults answer as a flaky server would, and have no effect")
    func faults() async throws {
        try await withTrackerRMSSandbox(Self.configuration) { sandbox in
            let wire = RawWidget(sandbox: sandbox)
            sandbox.control.scriptFaults([.status99, .serverError, .badGatewayHTML, .htmlSuccess])
            let status99 = try await wire.records("O")
            #expect(status99.status == 200)
            #expect(try status99.rmsStatus() == 99)
            let server = try await wire.records("O")
            #expect(server.status == 500)
            #expect(try server.object()["Message"] as? String == "An error has occurred.")
            let gateway = try await wire.records("O")
            #expect(gateway.status == 502)
            #expect(gateway.text.hasPrefix("<html>"))
            let html = try await wire.records("O")
            #expect(html.status == 200)
            #expect(html.text.hasPrefix("<!DOCTYPE html>"))
            sandbox.control.scriptFaults([.droppedConnection])
            await #expect(throws: (any Error).self) { _ = try await wire.records("O") }
            #expect(try await wire.records("O").rmsStatus() == 0)
            #expect(
                sandbox.control.requestLog.compactMap(\.fault) == [
                    .status99, .serverError, .badGatewayHTML, .htmlSuccess, .droppedConnection,
                ])
        }
    }

    @Test("The rate limit answers 429 with Retry-After, per credential, by the sandbox clock")
    func rateLimit() async throws {
        var configuration = Self.configuration
        configuration.behavior.rateLimit = 2
        let clock = RMSManualSandboxClock(start: fixedStart)
        configuration.clock = clock
        try await withTrackerRMSSandbox(configuration) { sandbox in
            let wire = RawWidget(sandbox: sandbox)
            #expect(try await wire.post("checkLogon").status == 200)
            #expect(try await wire.post("checkLogon").status == 200)
            let limited = try await wire.post("checkLogon")
            #expect(limited.status == 429)
            #expect(limited.header("Retry-After") == "1")
            clock.advance(seconds: 1)
            #expect(try await wire.post("checkLogon").status == 200)
        }
    }

    @Test("Background mutations follow the injected clock: none until it advances, then the rate's worth")
    func mutations() async throws {
        var configuration = Self.configuration
        let clock = RMSManualSandboxClock(start: fixedStart)
        configuration.clock = clock
        configuration.behavior.mutationsPerHour = 60
        try await withTrackerRMSSandbox(configuration) { sandbox in
            let wire = RawWidget(sandbox: sandbox)
            let before = sandbox.control.placements
            let startSeconds = Int64(fixedStart.timeIntervalSince1970)
            _ = try await wire.post("checkLogon")
            #expect(sandbox.control.placements == before)
            clock.advance(seconds: 600)
            _ = try await wire.post("checkLogon")
            let changedPlacements = sandbox.control.placements.filter { $0.updatedAt == startSeconds + 600 }
            let changedResources = sandbox.control.resources.filter { $0.updatedAt == startSeconds + 600 }
            let newActivities = sandbox.control.activities.filter { $0.updatedAt == startSeconds + 600 }
            #expect(changedPlacements.count + changedResources.count + newActivities.count >= 1)
            #expect(changedPlacements.count + changedResources.count + newActivities.count <= 10)
        }
    }

    @Test(
        "Settings list statuses with groups, custom fields and users in each shape",
        arguments: RMSSandboxSettingsShape.allCases)
    func settings(shape: RMSSandboxSettingsShape) async throws {
        var configuration = Self.configuration
        configuration.behavior.settingsShape = shape
        try await withTrackerRMSSandbox(configuration) { sandbox in
            let wire = RawWidget(sandbox: sandbox)
            let reply = try await wire.post(shape == .onlySettingsData ? "getSettingsData" : "getSettings")
            let object = try reply.object()
            let lists =
                shape == .nestedLowercase ? try #require((object["results"] as? [[String: Any]])?.first) : object
            let statuses = try #require(lists["opportunityResourceStatuses"] as? [[String: Any]])
            #expect(statuses.count == sandbox.control.placementStatuses.count)
            #expect((lists["customFields"] as? [Any])?.count == sandbox.control.customFields.count)
            #expect((lists["users"] as? [Any])?.count == 3)
            if shape == .onlySettingsData {
                #expect(try await wire.post("getSettings").status == 404)
            }
        }
    }
}
