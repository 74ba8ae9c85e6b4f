import ATSSync
import Foundation
import TrackerAPI
import TrackerSandbox

/// A record-by-record comparison of a mirror with the sandbox's ground truth that counts what is
/// wrong instead of stopping at the first difference, so a suite can publish "records lost: 0".
struct MirrorComparison: Sendable {
    /// Records the sandbox has that the mirror lacks, or holds with an older update time or other fields.
    var lost = 0
    /// Live mirror records the sandbox no longer has (only counted once deletions must have been seen).
    var extra = 0
    /// Applications in more than one live candidate, and stage changes recorded twice.
    var duplicates = 0
    /// Candidate groups that differ from the sandbox's grouping by normalised e-mail.
    var wrongCandidates = 0
    /// Records whose stored update time is the other instant of a naive wall time that a
    /// daylight-saving change repeats (same wall time in the account's zone): not an error.
    var ambiguousTimes = 0
    /// Records compared.
    var compared = 0
    /// The first few differences, for the failure message.
    var examples: [String] = []

    var isExact: Bool { lost == 0 && extra == 0 && duplicates == 0 && wrongCandidates == 0 }

    private mutating func note(_ what: String, _ counter: WritableKeyPath<MirrorComparison, Int>) {
        self[keyPath: counter] += 1
        if examples.count < 8 { examples.append(what) }
    }

    /// Compares `store`'s mirror of `account` with `control`'s state.
    /// - Parameter deletionsSeen: whether a full scan has run since the last deletion, so that a
    ///   live mirror row the sandbox lacks is an error rather than a deletion not yet seen.
    /// - Parameter naiveZone: the account's zone when the sandbox sends naive local times.
    static func of(
        _ store: any SyncStore, account: String, against control: SandboxControl, deletionsSeen: Bool,
        naiveZone: TimeZone? = nil
    ) async throws -> MirrorComparison {
        var result = MirrorComparison()
        func sameTime(_ stored: Date?, _ truth: Date) -> Bool {
            guard let stored, stored != truth else { return stored == truth }
            guard let naiveZone, TimeZoneEdgeTests.sameWallTime(stored, truth, in: naiveZone) else { return false }
            result.ambiguousTimes += 1
            return true
        }
        func live(_ stream: SyncStreamName) async throws -> [String: StoredRow] {
            let rows = try await store.storedRows(of: stream, account: account)
            return Dictionary(rows.filter { $0.deletedAt == nil }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        }
        func fields(_ row: StoredRow) -> [String: TrackerJSON] {
            (try? TrackerJSON.parse(Data(row.raw.utf8)).objectValue) ?? [:]
        }

        let applications = try await live(.applications)
        let truth = control.applications()
        for application in truth {
            result.compared += 1
            guard let row = applications[String(application.id)] else {
                result.note("application \(application.id) missing", \.lost)
                continue
            }
            let stored = fields(row)
            if !sameTime(row.updatedAt, application.updatedAt) || stored["status"]?.stringValue != application.status
                || stored["email"]?.stringValue != application.email
                || stored["tags"]?.arrayValue?.compactMap(\.stringValue) != application.tags
            {
                result.note(
                    "application \(application.id) stale: updated_at \(String(describing: row.updatedAt)) vs "
                        + "\(application.updatedAt), status \(stored["status"]?.stringValue ?? "-") vs \(application.status), "
                        + "tags \(stored["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []) vs \(application.tags)",
                    \.lost)
            }
        }
        result.countExtra(applications.keys, truth: truth.map { String($0.id) }, "application", deletionsSeen)

        let jobs = try await live(.jobs)
        for job in control.jobs() {
            result.compared += 1
            guard let row = jobs[String(job.id)] else {
                result.note("job \(job.id) missing", \.lost)
                continue
            }
            if !sameTime(row.updatedAt, job.updatedAt) || fields(row)["title"]?.stringValue != job.title {
                result.note("job \(job.id) stale", \.lost)
            }
        }

        let notes = try await live(.notes)
        let truthNotes = control.notes()
        for note in truthNotes {
            result.compared += 1
            guard let row = notes[String(note.id)] else {
                result.note("note \(note.id) missing", \.lost)
                continue
            }
            if !sameTime(row.updatedAt, note.updatedAt) || fields(row)["body"]?.stringValue != note.body {
                result.note("note \(note.id) stale", \.lost)
            }
        }
        result.countExtra(notes.keys, truth: truthNotes.map { String($0.id) }, "note", deletionsSeen)

        let files = try await live(.files)
        let truthFiles = control.files()
        for file in truthFiles {
            result.compared += 1
            if files[String(file.id)] == nil { result.note("file \(file.id) missing", \.lost) }
        }
        result.countExtra(files.keys, truth: truthFiles.map { String($0.id) }, "file", deletionsSeen)

        try await result.compareCandidates(store, account: account, truth: truth, deletionsSeen: deletionsSeen)
        let history = try await store.stageHistory(of: .applications, account: account)
        var seen: Set<String> = []
        for change in history {
            let key = "\(change.id)|\(change.from ?? "")|\(change.to ?? "")|\(change.observedAt.timeIntervalSince1970)"
            if !seen.insert(key).inserted { result.note("stage change of \(change.id) recorded twice", \.duplicates) }
        }
        return result
    }

    private mutating func countExtra(
        _ mirrored: Dictionary<String, StoredRow>.Keys, truth: [String], _ kind: String, _ deletionsSeen: Bool
    ) {
        guard deletionsSeen else { return }
        let expected = Set(truth)
        for id in mirrored where !expected.contains(id) { note("\(kind) \(id) deleted but live", \.extra) }
    }

    private mutating func compareCandidates(
        _ store: any SyncStore, account: String, truth: [SandboxApplication], deletionsSeen: Bool
    ) async throws {
        let rows = try await store.storedRows(of: .candidates, account: account).filter { $0.deletedAt == nil }
        var membership: [String: Int] = [:]
        var mirrored: Set<Set<String>> = []
        for row in rows {
            let object = (try? TrackerJSON.parse(Data(row.raw.utf8)).objectValue) ?? [:]
            let ids = object["application_ids"]?.arrayValue?.compactMap(\.stringValue) ?? []
            mirrored.insert(Set(ids))
            for id in ids { membership[id, default: 0] += 1 }
        }
        for (id, count) in membership where count > 1 {
            note("application \(id) in \(count) live candidates", \.duplicates)
        }
        // Until a full scan has seen the deletions, candidates still include deleted applications.
        guard deletionsSeen else { return }
        var byEmail: [String: Set<String>] = [:]
        var expected: Set<Set<String>> = []
        for application in truth {
            let email = (application.email ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if email.isEmpty {
                expected.insert([String(application.id)])
            } else {
                byEmail[email, default: []].insert(String(application.id))
            }
        }
        expected.formUnion(byEmail.values)
        compared += expected.count
        for group in expected where !mirrored.contains(group) {
            note("candidate \(group.sorted().prefix(3)) missing or different", \.wrongCandidates)
        }
        for group in mirrored where !expected.contains(group) {
            note("candidate \(group.sorted().prefix(3)) should not exist", \.wrongCandidates)
        }
    }
}
