import ATSCore
import TrackerAPI

/// The reason notes of a bulk rejection, written with bounded concurrency once the applications
/// show the rejection.
enum BulkRejectionNotes {
    struct NoteFailure: Error {
        let message: String
    }

    static func write(
        _ body: String,
        on ids: [ApplicationID],
        client: TrackerATSClient,
        width: Int
    ) async throws -> [ApplicationID: Result<NoteID, NoteFailure>] {
        try await withThrowingTaskGroup(of: (ApplicationID, Result<NoteID, NoteFailure>).self) { group in
            var pending = ids.makeIterator()
            func addNext() -> Bool {
                guard let id = pending.next() else { return false }
                group.addTask {
                    do {
                        let request = TrackerNoteCreateRequest(
                            applicationID: TrackerApplicationID(rawValue: id.rawValue), body: body)
                        let note = try await client.api.notes.create(request, logger: client.logger)
                        return (id, .success(NoteID(note.id.rawValue)))
                    } catch let error as TrackerAPIError where error.code == .cancelled {
                        throw CancellationError()
                    } catch {
                        return (id, .failure(NoteFailure(message: "\(error)")))
                    }
                }
                return true
            }
            for _ in 0..<width {
                if !addNext() { break }
            }
            var results: [ApplicationID: Result<NoteID, NoteFailure>] = [:]
            while let (id, result) = try await group.next() {
                results[id] = result
                _ = addNext()
            }
            return results
        }
    }
}
