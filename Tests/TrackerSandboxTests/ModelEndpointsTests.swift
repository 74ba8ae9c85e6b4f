import Foundation
import Testing
import TrackerSandbox

@Suite("The undocumented endpoints knob")
struct ModelEndpointsTests {
    /// A request for every optional endpoint, with a body where it needs one.
    static let optionalRequests: [(Wire.Method, String, String?)] = [
        (.post, "/applications", #"{"job_id": 2, "first_name": "A", "last_name": "B", "email": "a@example.com"}"#),
        (.put, "/applications/5", #"{"phone": "1"}"#),
        (.get, "/applications/custom_fields_schema", nil),
        (.put, "/applications/custom_fields_schema", #"{"custom_fields_schema": []}"#),
        (.get, "/jobs/custom_fields_schema", nil),
        (.put, "/jobs/custom_fields_schema", #"{"custom_fields_schema": []}"#),
        (.post, "/notes", #"{"app_id": 5, "body": "x"}"#),
        (.post, "/files", #"{"app_id": 5, "filename": "a.txt", "kind": "attachment", "data": "eA=="}"#),
        (.get, "/files/1/download", nil),
        (.delete, "/files/1", nil),
        (.get, "/triggers", nil),
        (.delete, "/triggers/1", nil),
        (.get, "/webhooks", nil),
        (.delete, "/webhooks/1", nil),
        (.get, "/users", nil),
    ]

    /// Documented endpoints, which answer whatever the knob says.
    static let documentedRequests: [(Wire.Method, String, String?)] = [
        (.get, "/jobs", nil), (.get, "/jobs/active", nil), (.get, "/jobs/2", nil), (.get, "/applications", nil),
        (.get, "/applications/5", nil), (.get, "/notes", nil), (.get, "/files", nil), (.get, "/workflow/actions", nil),
        (.get, "/workflow/events", nil),
        (.post, "/actions", #"{"type": "tag_app", "data": {"app_id": 1, "tag_text": "x"}}"#),
    ]

    @Test func theListCoversEveryOptionalEndpoint() {
        #expect(Self.optionalRequests.count == SandboxOptionalEndpoint.all.count)
    }

    @Test(arguments: [SandboxModelEndpoints.missingJSON, .missingHTML])
    func everyOptionalEndpointAnswers404AndTheCoreStillWorks(_ mode: SandboxModelEndpoints) async throws {
        var behavior = SandboxBehavior()
        behavior.modelEndpoints = mode
        try await Fixture.run(Fixture.configuration(behavior: behavior)) { sandbox, wire in
            for (method, path, body) in Self.optionalRequests {
                let response = try await wire.send(method, path, json: body)
                #expect(response.status == 404, "\(method.rawValue) \(path)")
                if mode == .missingJSON {
                    #expect(try response.errorMessage() == "Not Found", "\(method.rawValue) \(path)")
                } else {
                    #expect(response.header("Content-Type")?.hasPrefix("text/html") == true)
                    #expect(response.text.hasPrefix("<!DOCTYPE html>"), "\(method.rawValue) \(path)")
                }
            }
            for (method, path, body) in Self.documentedRequests {
                let response = try await wire.send(method, path, json: body)
                #expect((200..<300).contains(response.status), "\(method.rawValue) \(path): \(response.status)")
            }
            // Nothing the 404s refused was done.
            #expect(sandbox.control.notes().allSatisfy { $0.body != "x" })
            #expect(sandbox.control.file(id: 1) != nil)
        }
    }

    @Test func theKnobCanBeTurnedWhileTheServerRuns() async throws {
        try await Fixture.run { sandbox, wire in
            #expect(try await wire.get("/triggers").status == 200)
            try sandbox.control.updateBehavior { $0.modelEndpoints = .missingJSON }
            #expect(try await wire.get("/triggers").status == 404)
            try sandbox.control.updateBehavior { $0.modelEndpoints = .present }
            #expect(try await wire.get("/triggers").status == 200)
        }
    }
}
