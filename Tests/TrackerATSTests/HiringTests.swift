import ATSCore
import Foundation
import Testing
import TrackerAPI
import TrackerATS
import TrackerSandbox

@Suite struct HiringTests {
    @Test func markingAsHiredRunsMarkAsHiredAndReadsTheDatesBack() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let result = try await client.markAsHired("11", hireDate: "2026-03-02", startDate: "2026-04-01")
            #expect(result.state == .verified)
            #expect(result.isHired)
            #expect(result.startDate == "2026-04-01")
            let hiredAt = try #require(result.hiredAt)
            #expect(hiredAt == sandbox.control.application(id: 11)?.hiredAt)
            #expect(sandbox.control.actions().last?.type == "mark_as_hired")
            let application = try await client.application("11")
            #expect(application.hiredAt == hiredAt)
            #expect(application.startDate == "2026-04-01")
        }
    }

    @Test func unmarkingClearsTheDates() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            _ = try await client.markAsHired("12", startDate: "2026-04-01")
            let result = try await client.unmarkAsHired("12")
            #expect(result.state == .verified)
            #expect(!result.isHired)
            #expect(sandbox.control.application(id: 12)?.hiredAt == nil)
            let application = try await client.application("12")
            #expect(application.hiredAt == nil && application.startDate == nil)
        }
    }

    @Test func aDateThatIsNotADateIsRefusedBeforeAnythingIsSent() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let error = try await #require(throws: ATSError.self) {
                try await client.markAsHired("13", startDate: "01/04/2026")
            }
            #expect(error.code == .invalidInput)
            #expect(error.message.contains("'01/04/2026'"))
            #expect(sandbox.requests("POST", "/actions").isEmpty)
        }
    }

    @Test func sendingAnApplicantWhoIsNotHiredToAnIntegrationFailsWithTrackersError() async throws {
        try await withWriteSandbox { client, _, _ in
            let error = try await #require(throws: ATSError.self) {
                try await client.sendToIntegration("14", partner: "payroll")
            }
            #expect(error.code == .providerError)
            #expect(error.message.contains("not marked as hired"))
            _ = try await client.markAsHired("14")
            let action = try await client.sendToIntegration("14", partner: "payroll")
            #expect(action.isExecuted && !action.hasFailed)
            #expect(action.type == .sendAppToIntegration)
        }
    }

    @Test func theCatalogueTypesTheHiringActions() async throws {
        try await withWriteSandbox { client, _, _ in
            let hire = try await client.actionSchema(for: .markAsHired)
            #expect(hire.actionFields.map(\.name) == ["app_id", "hire_date", "start_date"])
            #expect(hire.actionFields.map(\.isRequired) == [true, false, false])
            let unhire = try await client.actionSchema(for: .unMarkAsHired)
            #expect(unhire.actionFields.map(\.name) == ["app_id", "manager_id"])
            let send = try await client.actionSchema(for: .sendAppToIntegration)
            #expect(send.actionFields.map(\.name) == ["app_id", "partner", "admin_user_id"])
            #expect(send.actionFields.map(\.isRequired) == [true, true, false])
        }
    }
}
