import ATSCore
import Foundation
import Testing
import TrackerATS
import TrackerSandbox

@Suite struct CreateApplicationTests {
    @Test func theSamePersonOnTheSameJobGetsTheExistingApplication() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let existing = try #require(
                sandbox.control.applications().first {
                    ($0.email ?? "").contains("@") && $0.email == $0.email?.lowercased()
                })
            let email = "  " + (existing.email ?? "").uppercased() + " "
            let result = try await client.createApplication(
                ApplicationCreationRequest(
                    job: JobID(String(existing.jobID)),
                    applicant: .details(CandidateDetails(firstName: "Someone", lastName: "Else", email: email))))
            #expect(!result.wasCreated)
            // The newest of that person's applications to the job (people do apply twice).
            var newest = 0
            for application in sandbox.control.applications() where application.jobID == existing.jobID {
                let normalized = (application.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
                if normalized == existing.email { newest = max(newest, application.id) }
            }
            #expect(result.application.id.int == newest)
            #expect(sandbox.requests("POST", "/applications").isEmpty)
            #expect(sandbox.control.applicationCount == 300)
        }
    }

    @Test func aNewPersonIsCreatedWithCustomFieldsAndAResume() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let resume = AttachmentUpload(
                filename: "ada.pdf", kind: .resume, source: .bytes(Data("%PDF-1.4\n% a resume\n".utf8)))
            let result = try await client.createApplication(
                ApplicationCreationRequest(
                    job: "3",
                    applicant: .details(
                        CandidateDetails(firstName: "Ada", lastName: "Lovelace", email: "Ada@Example.org")),
                    source: "Referral",
                    customFields: ["years_experience": .integer(12), "work_authorization": .text("green card")],
                    resume: resume))
            #expect(result.wasCreated)
            #expect(result.warning == nil)
            let created = try #require(sandbox.control.application(id: result.application.id.int))
            #expect(created.jobID == 3)
            #expect(created.email == "Ada@Example.org")
            #expect(created.customFields["years_experience"]?.intValue == 12)
            // A select's value is matched to its option's spelling.
            #expect(created.customFields["work_authorization"]?.stringValue == "Green Card")
            let file = try #require(sandbox.control.file(id: Int(result.resume?.id.rawValue ?? "") ?? 0))
            #expect(file.kind == "resume")
            #expect(file.applicationID == created.id)

            // Asking again returns the same application and sends nothing.
            let again = try await client.createApplication(
                ApplicationCreationRequest(
                    job: "3",
                    applicant: .details(CandidateDetails(firstName: "Ada", lastName: "L", email: "ada@example.org"))))
            #expect(!again.wasCreated)
            #expect(again.application.id == result.application.id)
            #expect(sandbox.requests("POST", "/applications").count == 1)
        }
    }

    @Test func aKnownCandidateAppliesToAnotherJob() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let source = try #require(sandbox.control.applications().first { ($0.email ?? "").contains("@") })
            let candidate = try await client.candidate(
                try await client.application(source.id.applicationID).candidateID)
            let job = try #require((1...12).map { JobID(String($0)) }.first { !candidate.jobIDs.contains($0) })
            let result = try await client.createApplication(
                ApplicationCreationRequest(job: job, applicant: .candidate(candidate.id)))
            #expect(result.wasCreated)
            #expect(result.application.candidateID == candidate.id)
            #expect(result.application.jobID == job)
        }
    }

    @Test func missingDetailsAndBadFieldsAreRefusedBeforeSending() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let noEmail = try await #require(throws: ATSError.self) {
                try await client.createApplication(
                    ApplicationCreationRequest(
                        job: "3", applicant: .details(CandidateDetails(firstName: "A", lastName: "B"))))
            }
            #expect(noEmail.code == .invalidInput)
            #expect(noEmail.message.contains("e-mail"))
            let badField = try await #require(throws: ATSError.self) {
                try await client.createApplication(
                    ApplicationCreationRequest(
                        job: "3",
                        applicant: .details(CandidateDetails(firstName: "A", lastName: "B", email: "a@b.c")),
                        customFields: ["years_experience": .text("lots")]))
            }
            #expect(badField.code == .invalidInput)
            #expect(badField.message.contains("'years_experience' takes a whole number"))
            let badResume = try await #require(throws: ATSError.self) {
                try await client.createApplication(
                    ApplicationCreationRequest(
                        job: "3",
                        applicant: .details(CandidateDetails(firstName: "A", lastName: "B", email: "a@b.c")),
                        resume: AttachmentUpload(filename: "cv.exe", source: .bytes(Data([1, 2, 3])))))
            }
            #expect(badResume.code == .invalidInput)
            #expect(sandbox.requests("POST", "/applications").isEmpty)
        }
    }

    @Test func anUnknownJobIsNotFound() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let error = try await #require(throws: ATSError.self) {
                try await client.createApplication(
                    ApplicationCreationRequest(
                        job: "777",
                        applicant: .details(CandidateDetails(firstName: "A", lastName: "B", email: "a@b.c"))))
            }
            #expect(error.code == .notFound)
            #expect(sandbox.requests("POST", "/applications").isEmpty)
        }
    }

    @Test func aLostAnswerIsResolvedByLookingBeforeCreatingAgain() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            // The server creates the application, then the connection drops before the answer.
            sandbox.control.scriptFault(.connectionClosedMidBody, method: "POST", pathSuffix: "/applications")
            let request = ApplicationCreationRequest(
                job: "4",
                applicant: .details(CandidateDetails(firstName: "Lost", lastName: "Answer", email: "lost@x.io")))
            let result = try await client.createApplication(request)
            #expect(result.wasCreated)
            #expect(result.application.applicant.email == "lost@x.io")
            #expect(sandbox.requests("POST", "/applications").count == 1)
            #expect(sandbox.control.applications().filter { $0.email == "lost@x.io" }.count == 1)
        }
    }

    @Test func aLostRequestThatNeverArrivedIsReportedAsUnknown() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            // A 502 from a proxy: the server never saw the request.
            sandbox.control.scriptFault(.badGatewayHTML, method: "POST", pathSuffix: "/applications")
            let request = ApplicationCreationRequest(
                job: "4", applicant: .details(CandidateDetails(firstName: "No", lastName: "Answer", email: "none@x.io"))
            )
            let error = try await #require(throws: ATSError.self) { try await client.createApplication(request) }
            #expect(error.code == .outcomeUnknown)
            #expect(sandbox.control.applications().filter { $0.email == "none@x.io" }.isEmpty)
        }
    }
}
