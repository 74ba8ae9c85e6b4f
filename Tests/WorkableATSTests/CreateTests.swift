import ATSCore
import Foundation
import Testing
import WorkableAPI
import WorkableATS
import WorkableSandbox

@Suite struct CreateTests {
    @Test func anExistingPersonInTheJobIsReturnedAndNothingIsCreated() async throws {
        try await withWorkableClient(people: 20) { harness in
            let truth = try #require(harness.control.candidates.first { ($0.email ?? "").contains("@") })
            let before = harness.control.candidates.count
            let email = "  " + (truth.email ?? "").uppercased()
            let result = try await harness.client.createApplication(
                ApplicationCreationRequest(
                    job: JobID(truth.shortcode),
                    applicant: .details(CandidateDetails(firstName: "A", lastName: "B", email: email))))
            #expect(!result.wasCreated)
            #expect(result.application.id.rawValue == truth.id)
            #expect(harness.control.candidates.count == before)
            #expect(!harness.apiRequests.contains { $0.method == "POST" })
        }
    }

    @Test func aNewPersonIsCreatedOnceWithCustomFields() async throws {
        try await withWorkableClient(people: 10) { harness in
            let job = try #require(harness.control.jobs.first { $0.state == "published" }?.shortcode)
            let request = ApplicationCreationRequest(
                job: JobID(job),
                applicant: .details(
                    CandidateDetails(firstName: "Zoë", lastName: "Quinn", email: "Zoe.Quinn@Example.com ")),
                source: "Bridge", customFields: ["Seniority": .text("mid"), "relocate": .boolean(false)])
            let created = try await harness.client.createApplication(request)
            #expect(created.wasCreated)
            #expect(created.warning == nil)
            #expect(created.application.jobID.rawValue == job)
            #expect(created.application.source == "Bridge")
            #expect(created.application.customFields["seniority"] == .text("Mid"))
            let again = try await harness.client.createApplication(request)
            #expect(!again.wasCreated)
            #expect(again.application.id == created.application.id)
            #expect(
                harness.control.candidates.filter { Harness.normalized($0.email ?? "") == "zoe.quinn@example.com" }
                    .count == 1)
        }
    }

    @Test func aLostAnswerIsSettledByReadingTheJobAgain() async throws {
        try await withWorkableClient(people: 10) { harness in
            let job = try #require(harness.control.jobs.first?.shortcode)
            harness.control.inject([.droppedConnection], pathSuffix: "/jobs/\(job)/candidates")
            let result = try await harness.client.createApplication(
                ApplicationCreationRequest(
                    job: JobID(job),
                    applicant: .details(
                        CandidateDetails(firstName: "Lost", lastName: "Answer", email: "lost@example.com"))))
            #expect(result.wasCreated)
            #expect(harness.control.candidates.filter { $0.email == "lost@example.com" }.count == 1)
            #expect(harness.apiRequests.filter { $0.method == "POST" }.count == 1)
        }
    }

    @Test func missingDetailsAResumeOrAnUnknownFieldAreRefusedBeforeSending() async throws {
        try await withWorkableClient(people: 5) { harness in
            let job = JobID(try #require(harness.control.jobs.first?.shortcode))
            let noEmail = await atsError {
                _ = try await harness.client.createApplication(
                    ApplicationCreationRequest(job: job, applicant: .details(CandidateDetails(firstName: "No"))))
            }
            #expect(noEmail?.code == .invalidInput)
            let resume = await atsError {
                _ = try await harness.client.createApplication(
                    ApplicationCreationRequest(
                        job: job, applicant: .details(CandidateDetails(firstName: "R", email: "r@example.com")),
                        resume: AttachmentUpload(filename: "cv.pdf", source: .bytes(Data("%PDF".utf8)))))
            }
            #expect(resume?.code == .invalidInput)
            let field = await atsError {
                _ = try await harness.client.createApplication(
                    ApplicationCreationRequest(
                        job: job, applicant: .details(CandidateDetails(firstName: "F", email: "f@example.com")),
                        customFields: ["Seniority": .text("Principal")]))
            }
            #expect(field?.code == .invalidInput)
            #expect(field?.message.contains("Junior, Mid, Senior") == true)
            #expect(!harness.apiRequests.contains { $0.method == "POST" })
        }
    }
}

@Suite struct CreateForKnownCandidateTests {
    @Test func aKnownCandidateGetsARecordInAnotherJobWithTheirDetails() async throws {
        try await withWorkableClient(people: 20) { harness in
            let people = harness.peopleByEmail
            let jobs = Set(harness.control.jobs.map(\.shortcode))
            let (email, records) = try #require(people.first { !jobs.subtracting($0.value.map(\.shortcode)).isEmpty })
            let other = try #require(jobs.subtracting(records.map(\.shortcode)).sorted().first)
            let id = try #require(harness.client.identity.candidateID(email: email))
            let result = try await harness.client.createApplication(
                ApplicationCreationRequest(job: JobID(other), applicant: .candidate(id)))
            #expect(result.wasCreated)
            #expect(result.application.candidateID == id)
            let person = try await harness.client.candidate(id)
            #expect(person.jobIDs.contains(JobID(other)))
            #expect(person.applicationIDs.count == records.count + 1)
        }
    }
}
