import Foundation
import Testing
import TrackerSandbox

@Suite("updated_after on every list, and configured statuses, over HTTP")
struct FilterTests {
    private static func iso(_ date: Date) -> String { date.ISO8601Format() }

    @Test("updated_after filters jobs, notes and files inclusively")
    func everyList() async throws {
        try await Fixture.run { sandbox, wire in
            let jobs = sandbox.control.jobs()
            let jobPivot = try #require(jobs.map(\.updatedAt).sorted().dropFirst(jobs.count / 2).first)
            let jobIDs = try await wire.all("/jobs?updated_after=\(Self.iso(jobPivot))").compactMap { $0.id() }
            #expect(jobIDs == jobs.filter { $0.updatedAt >= jobPivot }.map(\.id))
            #expect(jobIDs.count < jobs.count && !jobIDs.isEmpty)

            let notes = sandbox.control.notes()
            let notePivot = try #require(notes.map(\.updatedAt).sorted().dropFirst(notes.count / 3).first)
            let noteIDs = try await wire.all("/notes?updated_after=\(Self.iso(notePivot))").compactMap { $0.id() }
            #expect(noteIDs == notes.filter { $0.updatedAt >= notePivot }.map(\.id))

            let files = sandbox.control.files()
            let filePivot = try #require(files.map(\.createdAt).sorted().dropFirst(files.count / 4).first)
            let fileIDs = try await wire.all("/files?updated_after=\(Self.iso(filePivot))").compactMap { $0.id() }
            #expect(fileIDs == files.filter { $0.createdAt >= filePivot }.map(\.id))

            let archived = try await wire.all("/jobs/archived?updated_after=2000-01-01T00:00:00Z")
            #expect(archived.compactMap { $0.id() } == jobs.filter(\.archived).map(\.id))
        }
    }

    @Test("records use the configured statuses, and set_app_status accepts only those")
    func configuredStatuses() async throws {
        var configuration = Fixture.configuration()
        configuration.statuses = ["Applied", "Reviewed", "Rejected"]
        try await Fixture.run(configuration) { sandbox, wire in
            let statuses = Set(try await wire.all("/applications").compactMap { $0.string("status") })
            #expect(statuses == ["Applied", "Reviewed", "Rejected"])
            #expect(sandbox.control.statuses == ["Applied", "Reviewed", "Rejected"])
            _ = try await wire.send(
                .post, "/actions", json: #"{"type": "set_app_status", "data": {"app_id": 1, "status": "Reviewed"}}"#)
            _ = try await wire.send(
                .post, "/actions", json: #"{"type": "set_app_status", "data": {"app_id": 1, "status": "Hired"}}"#)
            sandbox.control.runAllPendingActions()
            #expect(sandbox.control.application(id: 1)?.status == "Reviewed")
            let failed = try (try await wire.get("/actions/2")).object()
            #expect(try #require(failed.string("error")).contains("Applied, Reviewed, Rejected"))
            let created = try await wire.send(
                .post, "/applications", json: #"{"job_id": 1, "first_name": "A", "last_name": "B", "email": "a@b.c"}"#)
            #expect(try created.object().string("status") == "Applied", "new applications start in the first status")
        }
    }
}
