import ATSCore
import Foundation
import Testing
import TrackerAPI
import TrackerATS
import TrackerSandbox

@Suite struct CustomFieldWriteTests {
    @Test func valuesAreCheckedTypedAndStored() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let entries = try await client.setCustomFields(
                [
                    "years_experience": .text("7"), "desired_salary": .decimal("123456.50"),
                    "willing_to_relocate": .boolean(true), "work_authorization": .text("H-1B"),
                    "referral_name": .null,
                ],
                ofApplication: "21")
            let truth = try #require(sandbox.control.application(id: 21)).customFields
            #expect(truth["years_experience"]?.intValue == 7)
            #expect(truth["willing_to_relocate"]?.boolValue == true)
            #expect(truth["work_authorization"]?.stringValue == "H-1B")
            #expect(truth["referral_name"] == nil)
            #expect(entries.first { $0.name == "years_experience" }?.value == .integer(7))
            #expect(entries.first { $0.name == "desired_salary" }?.value == .decimal("123456.5"))
        }
    }

    @Test func everyProblemIsNamedWithWhatTheFieldAccepts() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let error = try await #require(throws: ATSError.self) {
                try await client.setCustomFields(
                    [
                        "years_experience": .text("ten"), "work_authorization": .text("Tourist"),
                        "willing_to_relocate": .integer(3), "shoe_size": .integer(44),
                    ],
                    ofApplication: "21")
            }
            #expect(error.code == .invalidInput)
            #expect(error.message.contains("'years_experience' takes a whole number, not 'ten'"))
            #expect(
                error.message.contains("'work_authorization' takes one of 'US Citizen', 'Green Card', 'H-1B', 'Other'"))
            #expect(error.message.contains("'willing_to_relocate' takes true or false, not the number 3"))
            #expect(error.message.contains("'shoe_size' is not a custom field of applications"))
            #expect(sandbox.requests("PUT", "/applications/21").isEmpty)
        }
    }

    @Test func requiredAndReadOnlyFieldsAreProtected() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            // Tracker's UI added two fields: the cached schema does not know them yet.
            _ = try await client.customFieldDefinitions(for: .application)
            let schema = try await client.api.applications.customFieldsSchema()
            let added =
                schema + [
                    TrackerCustomFieldDefinition(
                        fieldName: "level", displayName: "Level", fieldType: .string, isRequired: true),
                    TrackerCustomFieldDefinition(
                        fieldName: "source_id", displayName: "Source id", fieldType: .string, isReadOnlyInUI: true),
                ]
            _ = try await client.api.applications.updateCustomFieldsSchema(
                TrackerCustomFieldSchemaUpdate(fields: added))
            let error = try await #require(throws: ATSError.self) {
                try await client.setCustomFields(["level": .null, "source_id": .text("x")], ofApplication: "21")
            }
            #expect(error.message.contains("'level' is required and cannot be cleared"))
            #expect(error.message.contains("'source_id' is read-only"))
            let missing = try await #require(throws: ATSError.self) {
                try await client.createApplication(
                    ApplicationCreationRequest(
                        job: "3", applicant: .details(CandidateDetails(firstName: "A", lastName: "B", email: "n@b.c"))))
            }
            #expect(missing.message.contains("'level' is required (text)"))
            _ = try await client.setCustomFields(["level": .text("Senior")], ofApplication: "21")
            #expect(sandbox.control.application(id: 21)?.customFields["level"]?.stringValue == "Senior")
        }
    }

    @Test func jobsCannotBeEditedAndCandidatesWriteTheirLatestApplication() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let job = try await #require(throws: ATSError.self) {
                try await client.setCustomFields(["salary_max": .integer(1)], ofJob: "1")
            }
            #expect(job.code == .notSupported)
            let candidate = try await client.application("30").candidateID
            let latest = try await client.candidate(candidate).applicationIDs.last
            _ = try await client.setCustomFields(["referral_name": .text("Grace")], ofCandidate: candidate)
            #expect(
                sandbox.control.application(id: latest?.int ?? 0)?.customFields["referral_name"]?.stringValue == "Grace"
            )
        }
    }
}
