import ATSCore
import Foundation
import Testing
import TrackerATS
import TrackerSandbox

@Suite struct NoteWriteTests {
    @Test func anHTMLNoteIsStoredAsPlainText() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let note = try await client.addNote(
                NoteDraft(#"<p>Call went <b>well</b>.</p><ul><li>Offer &amp; start date</li></ul>"#, format: .html),
                toApplication: "12")
            let stored = try #require(sandbox.control.note(id: Int(note.id.rawValue) ?? 0))
            #expect(stored.applicationID == 12)
            #expect(stored.body == "Call went well.\n\n- Offer & start date")
            #expect(note.body == stored.body)
        }
    }

    @Test func aMarkdownNoteGoesToTheCandidatesLatestOrEveryApplication() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let applications = sandbox.control.applications()
            var byEmail: [String: [Int]] = [:]
            for application in applications {
                guard let email = application.email?.trimmingCharacters(in: .whitespaces).lowercased(),
                    email.contains("@")
                else { continue }
                byEmail[email, default: []].append(application.id)
            }
            let ids = try #require(byEmail.values.first { $0.count >= 2 })
            let candidate = try await client.application(try #require(ids.first).applicationID).candidateID

            let latest = try await client.addNote(
                NoteDraft("**Shortlisted** for [onsite](https://x.io/o)", format: .markdown), toCandidate: candidate)
            #expect(latest.count == 1)
            #expect(latest.first?.body == "Shortlisted for onsite (https://x.io/o)")
            #expect(latest.first?.applicationID.int == ids.max())

            let all = try await client.addNote(NoteDraft("Seen"), toCandidate: candidate, scope: .allApplications)
            #expect(Set(all.map(\.applicationID.int)) == Set(ids))
        }
    }

    @Test func aNoteWithNoTextIsRefused() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let error = try await #require(throws: ATSError.self) {
                try await client.addNote(NoteDraft("<p> </p><br>", format: .html), toApplication: "1")
            }
            #expect(error.code == .invalidInput)
            #expect(sandbox.requests("POST", "/notes").isEmpty)
        }
    }
}
