import ATSCore
import Foundation
import Testing
import WorkableAPI
import WorkableATS
import WorkableSandbox

@Suite struct NotesFilesTests {
    @Test func commentsAreNotesReadFromActivitiesAndWrittenAsPlainText() async throws {
        try await withWorkableClient(people: 10) { harness in
            let truth = try #require(harness.control.candidates.first)
            let id = ApplicationID(truth.id)
            let before = try await harness.client.notes(ofApplication: id)
            #expect(
                before.map(\.id.rawValue)
                    == harness.control.activities(of: truth.id).filter { $0.action == "comment" }.map(\.id))
            let note = try await harness.client.addNote(
                NoteDraft("<p>Strong <b>Swift</b> &amp; Go</p><ul><li>remote</li></ul>", format: .html),
                toApplication: id)
            #expect(note.body == "Strong Swift & Go\n\n- remote")
            let stored = try #require(harness.control.activities(of: truth.id).last)
            #expect(stored.id == note.id.rawValue)
            #expect(stored.body == note.body)
            #expect(stored.memberID == harness.admin)
            let after = try await harness.client.notes(ofApplication: id)
            #expect(after.last?.body == note.body)
            let blank = await atsError {
                _ = try await harness.client.addNote(NoteDraft("<br>", format: .html), toApplication: id)
            }
            #expect(blank?.code == .invalidInput)
        }
    }

    @Test func aCandidateNoteGoesToTheLatestRecordOrToAll() async throws {
        try await withWorkableClient(people: 30) { harness in
            let candidates = try await harness.client.streamCandidates(.all).collect()
            let person = try #require(candidates.first { $0.applicationIDs.count > 1 })
            let latest = try await harness.client.addNote(
                NoteDraft("latest only"), toCandidate: person.id, scope: .latestApplication)
            #expect(latest.map(\.applicationID) == [person.applicationIDs.last])
            let all = try await harness.client.addNote(
                NoteDraft("to all"), toCandidate: person.id, scope: .allApplications)
            #expect(all.map(\.applicationID) == person.applicationIDs)
            let notes = try await harness.client.notes(ofCandidate: person.id)
            #expect(notes.filter { $0.body == "to all" }.count == person.applicationIDs.count)
        }
    }

    @Test func aLostCommentAnswerIsLookedForBeforeSendingAgain() async throws {
        try await withWorkableClient(people: 5) { harness in
            let truth = try #require(harness.control.candidates.first)
            harness.control.inject([.droppedConnection], pathSuffix: "/comments")
            let note = try await harness.client.addNote(NoteDraft("only once"), toApplication: ApplicationID(truth.id))
            #expect(note.body == "only once")
            #expect(harness.control.activities(of: truth.id).filter { $0.body == "only once" }.count == 1)
        }
    }

    @Test func filesDownloadStreamedFromFreshURLsWithoutTheToken() async throws {
        try await withWorkableClient(people: 10) { harness in
            let truth = try #require(harness.control.candidates.first)
            let attachments = try await harness.client.attachments(ofApplication: ApplicationID(truth.id))
            let expected = harness.control.files(of: truth.id)
            #expect(attachments.map(\.filename) == expected.map(\.name))
            #expect(attachments.allSatisfy { !$0.raw.json.contains("signature") })
            for (attachment, file) in zip(attachments, expected) {
                let download = try await harness.client.download(attachment)
                var bytes = Data()
                for try await chunk in download.body { bytes.append(chunk) }
                #expect(Array(bytes) == file.bytes)
            }
            // A day later the URLs the API gave have expired; the client asks for fresh ones.
            harness.sandboxClock.advance(by: .seconds(90_000))
            let later = try await harness.client.download(try #require(attachments.first))
            var count = 0
            for try await chunk in later.body { count += chunk.count }
            #expect(count == expected.first?.bytes.count)
            let fileRequests = harness.control.requests.filter { $0.host == .files }
            #expect(!fileRequests.isEmpty)
            #expect(fileRequests.allSatisfy { !$0.hadAuthorization })
            #expect(harness.apiRequests.allSatisfy { $0.hadAuthorization })
        }
    }

    @Test func aCandidatesResumeIsTheLatestRecordsResumeFile() async throws {
        try await withWorkableClient(people: 10) { harness in
            let candidates = try await harness.client.streamCandidates(.all).collect()
            let person = try #require(
                candidates.first { candidate in
                    candidate.applicationIDs.contains { id in
                        harness.control.files(of: id.rawValue).contains { $0.kind == "resume" }
                    }
                })
            let download = try await harness.client.resume(of: person.id)
            #expect(download.attachment.kind == .resume)
            var bytes = Data()
            for try await chunk in download.body { bytes.append(chunk) }
            #expect(String(decoding: bytes.prefix(8), as: UTF8.self) == "%PDF-1.4")
            let files = try await harness.client.attachments(ofCandidate: person.id)
            #expect(
                files.count == person.applicationIDs.map { harness.control.files(of: $0.rawValue).count }.reduce(0, +))
        }
    }
}
