import ATSCore
import Foundation
import Testing
import TrackerAPI
import TrackerATS
import TrackerSandbox

/// Candidates derived from applications: the same person across case and space variants of an
/// e-mail address, applicants without one, stable ids free of personal data, lookup and search.
@Suite struct CandidateTests {
    @Test func candidatesGroupApplicationsByNormalisedEmail() async throws {
        try await withSandboxClient(SandboxConfiguration(jobCount: 10, applicationCount: 600)) { client, sandbox in
            let applications = sandbox.control.applications()
            let candidates = try await client.streamCandidates(.all).collect()

            let expected = Set(expectedCandidateGroups(applications))
            #expect(Set(candidates.map { Set($0.applicationIDs.map(\.int)) }) == expected)
            #expect(Set(candidates.map(\.id)).count == candidates.count)

            // The data really has duplicate-looking people: variants of one address, and no address.
            let byID = Dictionary(uniqueKeysWithValues: applications.map { ($0.id, $0) })
            let merged = candidates.first { candidate in
                Set(candidate.applicationIDs.compactMap { byID[$0.int]?.email }).count > 1
            }
            #expect(merged != nil)
            let anonymous = applications.filter { ($0.email ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
            #expect(!anonymous.isEmpty)
            for application in anonymous {
                let own = candidates.first { $0.applicationIDs == [ApplicationID(String(application.id))] }
                #expect(own?.id.rawValue == "ta_\(application.id)")
            }
        }
    }

    @Test func candidateIDsAreStableKeyedAndFreeOfPersonalData() async throws {
        let identity = CandidateIdentity(apiKey: "key", companyID: nil)
        let again = CandidateIdentity(apiKey: "key", companyID: nil)
        let id = identity.candidateID(email: "Ada.Lovelace@Example.com ", applicationID: "1")
        #expect(id == again.candidateID(email: " ada.lovelace@example.com", applicationID: "2"))
        #expect(id.rawValue.hasPrefix("tc_"))
        #expect(id.rawValue.count == 3 + 32)
        #expect(!id.rawValue.contains("ada") && !id.rawValue.contains("example"))
        // Another account (or secret) gives another id: the hash cannot be matched across keys.
        #expect(CandidateIdentity(apiKey: "other", companyID: nil).candidateID(email: "ada.lovelace@example.com") != id)
        #expect(CandidateIdentity(secret: Array("s3cret".utf8)).candidateID(email: "ada.lovelace@example.com") != id)
        #expect(identity.candidateID(email: "  ", applicationID: "42").rawValue == "ta_42")
        #expect(identity.candidateID(email: nil, applicationID: "42").rawValue == "ta_42")
    }

    @Test func candidateByIDHasEveryApplicationOfThePerson() async throws {
        try await withSandboxClient(SandboxConfiguration(jobCount: 10, applicationCount: 600)) { client, sandbox in
            let applications = sandbox.control.applications()
            let group = try #require(expectedCandidateGroups(applications).first { $0.count > 1 })
            let someone = try #require(applications.first { group.contains($0.id) })
            let fromApplication = try await client.application(ApplicationID(String(someone.id)))

            let candidate = try await client.candidate(fromApplication.candidateID)

            #expect(Set(candidate.applicationIDs.map(\.int)) == group)
            let latest = try #require(
                applications.filter { group.contains($0.id) }.max { ($0.appliedAt, $0.id) < ($1.appliedAt, $1.id) })
            #expect(candidate.person.email == latest.email)
            #expect(candidate.jobIDs.count == group.count)

            let anonymous = try #require(applications.first { ($0.email ?? "").isEmpty })
            let single = try await client.candidate(CandidateID("ta_\(anonymous.id)"))
            #expect(single.applicationIDs == [ApplicationID(String(anonymous.id))])

            for unknown in ["tc_00000000000000000000000000000000", "ta_999999", "nonsense"] {
                let error = try await #require(throws: ATSError.self) {
                    try await client.candidate(CandidateID(unknown))
                }
                #expect(error.code == .notFound)
            }
        }
    }

    @Test func findByEmailIgnoresCaseAndSpaces() async throws {
        try await withSandboxClient { client, sandbox in
            let someone = try #require(sandbox.control.applications().first { ($0.email ?? "").contains("@") })
            let email = try #require(someone.email)
            let query = "  " + email.trimmingCharacters(in: .whitespaces).uppercased() + " "

            let matches = try await client.findCandidates(CandidateDetails(email: query), limit: 5)

            let best = try #require(matches.first)
            #expect(best.score == 1)
            #expect(best.matchedFields == [.email])
            #expect(best.candidate.applicationIDs.map(\.int).contains(someone.id))
            #expect(
                try await client.findCandidates(CandidateDetails(email: "nobody@nowhere.invalid"), limit: 5).isEmpty)
        }
    }

    @Test func findByPhoneComparesDigitsOnly() async throws {
        try await withSandboxClient { client, sandbox in
            let someone = try #require(
                sandbox.control.applications().first { ($0.phone ?? "").hasPrefix("(") })
            let digits = (someone.phone ?? "").filter(\.isNumber)
            let reformatted = "+1 " + digits.prefix(3) + "." + digits.dropFirst(3).prefix(3) + "." + digits.suffix(4)

            let matches = try await client.findCandidates(CandidateDetails(phone: reformatted), limit: 3)

            let best = try #require(matches.first)
            #expect(best.matchedFields.contains(.phone))
            #expect(best.candidate.applicationIDs.map(\.int).contains(someone.id))
        }
    }

    @Test func findRanksTheBestMatchFirst() async throws {
        try await withSandboxClient(SandboxConfiguration(jobCount: 10, applicationCount: 600)) { client, sandbox in
            let applications = sandbox.control.applications().filter { ($0.email ?? "").contains("@") }
            // Two different people: one whose e-mail we know, one who shares the first's last name or
            // just anyone else whose full name we give.
            let target = try #require(applications.first)
            let other = try #require(applications.first { $0.lastName != target.lastName })
            let details = CandidateDetails(
                firstName: other.firstName, lastName: other.lastName, email: target.email, phone: nil)

            let matches = try await client.findCandidates(details, limit: 10)

            let first = try #require(matches.first)
            #expect(first.candidate.applicationIDs.map(\.int).contains(target.id))
            #expect(first.matchedFields.contains(.email))
            #expect(matches.contains { $0.matchedFields.contains(.fullName) })
            #expect(zip(matches, matches.dropFirst()).allSatisfy { $0.score >= $1.score })

            let byName = try await client.findCandidates(
                CandidateDetails(firstName: other.firstName.uppercased(), lastName: " \(other.lastName) "), limit: 50)
            let expected = Set(
                sandbox.control.applications().filter {
                    $0.firstName == other.firstName && $0.lastName == other.lastName
                }
                .map(\.id))
            let found = Set(
                byName.filter { $0.matchedFields.contains(.fullName) }.flatMap(\.candidate.applicationIDs).map(\.int))
            #expect(found.isSuperset(of: expected))
            #expect(byName.first?.score == 1)
        }
    }

    @Test func findWithoutDetailsIsRefused() async throws {
        try await withSandboxClient { client, _ in
            let error = try await #require(throws: ATSError.self) {
                try await client.findCandidates(CandidateDetails(email: "  ", phone: "12"), limit: 5)
            }
            #expect(error.code == .invalidInput)
        }
    }

    @Test func theLatestResumeStreamsWithItsNameAndType() async throws {
        try await withSandboxClient { client, sandbox in
            let resumes = sandbox.control.files().filter { $0.kind == "resume" }
            let file = try #require(resumes.first)
            let application = try await client.application(ApplicationID(String(file.applicationID)))
            let candidate = try await client.candidate(application.candidateID)
            let applicationIDs = Set(candidate.applicationIDs.map(\.int))
            let latest = try #require(
                resumes.filter { applicationIDs.contains($0.applicationID) }.max {
                    ($0.createdAt, $0.id) < ($1.createdAt, $1.id)
                })

            let download = try await client.resume(of: candidate.id)

            #expect(download.attachment.id.rawValue == String(latest.id))
            #expect(download.filename == latest.filename)
            #expect(download.contentType == "application/pdf")
            var bytes: [UInt8] = []
            for try await chunk in download.body { bytes += chunk }
            #expect(bytes == latest.content)
        }
    }

    @Test func aCandidateWithoutResumeSaysSo() async throws {
        try await withSandboxClient { client, sandbox in
            let withResume = Set(sandbox.control.files().filter { $0.kind == "resume" }.map(\.applicationID))
            let groups = expectedCandidateGroups(sandbox.control.applications())
            let group = try #require(groups.first { $0.isDisjoint(with: withResume) })
            let application = try await client.application(ApplicationID(String(try #require(group.first))))
            let error = try await #require(throws: ATSError.self) {
                try await client.resume(of: application.candidateID)
            }
            #expect(error.code == .notFound)
        }
    }
}
