import ATSSync
import Foundation
import TrackerAPI
import TrackerSandbox

/// A record-by-record comparison of a mirror with the sandbox's ground truth that counts what is
/// wrong instead of stopping at the first difference, so a suite can publish "records lost: 0".
///
/// Every typed column people query is compared with the sandbox's models (stage, e-mail, names,
/// dates, tags, custom fields, file metadata with the size of the file's content), as the store
/// holds it (``MirrorColumns``); the stage history is checked as a chain per application, so a
/// transition recorded twice is seen whatever time each run observed it at.
struct MirrorComparison: Sendable {
    /// Records the sandbox has that the mirror lacks, or holds with an older update time or other fields.
    var lost = 0
    /// Records whose typed columns differ from the truth (each record counted once).
    var wrongColumns = 0
    /// Typed column values compared.
    var columnsCompared = 0
    /// Stage histories that do not chain (a change whose `from` is not the previous `to`), or
    /// whose last stage is not the application's.
    var brokenHistories = 0
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

    var isExact: Bool {
        lost == 0 && extra == 0 && duplicates == 0 && wrongCandidates == 0 && wrongColumns == 0 && brokenHistories == 0
    }

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
        var ambiguousTimes = 0
        func sameTime(_ stored: Date?, _ truth: Date) -> Bool {
            guard let stored, stored != truth else { return stored == truth }
            guard let naiveZone, TimeZoneEdgeTests.sameWallTime(stored, truth, in: naiveZone) else { return false }
            ambiguousTimes += 1
            return true
        }
        func live(_ stream: SyncStreamName) async throws -> [String: StoredRow] {
            let rows = try await store.storedRows(of: stream, account: account)
            return Dictionary(rows.filter { $0.deletedAt == nil }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        }

        let applications = try await live(.applications)
        let applicationColumns = try await MirrorColumns.read(store, .applications, account: account)
        let applicationSchema = control.applicationSchema()
        let truth = control.applications()
        for application in truth {
            result.compared += 1
            guard let row = applications[String(application.id)] else {
                result.note("application \(application.id) missing", \.lost)
                continue
            }
            if !sameTime(row.updatedAt, application.updatedAt) {
                result.note(
                    "application \(application.id) stale: updated_at \(String(describing: row.updatedAt)) vs "
                        + "\(application.updatedAt)", \.lost)
                continue
            }
            let wrong = result.columns(
                applicationColumns[String(application.id)] ?? [:],
                expectedColumns(application, schema: applicationSchema), sameTime: sameTime)
            if !wrong.isEmpty { result.note("application \(application.id): \(wrong)", \.wrongColumns) }
        }
        result.countExtra(applications.keys, truth: truth.map { String($0.id) }, "application", deletionsSeen)

        let jobs = try await live(.jobs)
        let jobColumns = try await MirrorColumns.read(store, .jobs, account: account)
        let jobSchema = control.jobSchema()
        for job in control.jobs() {
            result.compared += 1
            guard let row = jobs[String(job.id)] else {
                result.note("job \(job.id) missing", \.lost)
                continue
            }
            if !sameTime(row.updatedAt, job.updatedAt) {
                result.note("job \(job.id) stale", \.lost)
                continue
            }
            let wrong = result.columns(
                jobColumns[String(job.id)] ?? [:], expectedColumns(job, schema: jobSchema), sameTime: sameTime)
            if !wrong.isEmpty { result.note("job \(job.id): \(wrong)", \.wrongColumns) }
        }

        let notes = try await live(.notes)
        let noteColumns = try await MirrorColumns.read(store, .notes, account: account)
        let truthNotes = control.notes()
        for note in truthNotes {
            result.compared += 1
            guard let row = notes[String(note.id)] else {
                result.note("note \(note.id) missing", \.lost)
                continue
            }
            if !sameTime(row.updatedAt, note.updatedAt) {
                result.note("note \(note.id) stale", \.lost)
                continue
            }
            let wrong = result.columns(
                noteColumns[String(note.id)] ?? [:], expectedColumns(note), sameTime: sameTime)
            if !wrong.isEmpty { result.note("note \(note.id): \(wrong)", \.wrongColumns) }
        }
        result.countExtra(notes.keys, truth: truthNotes.map { String($0.id) }, "note", deletionsSeen)

        let files = try await live(.files)
        let fileColumns = try await MirrorColumns.read(store, .files, account: account)
        let truthFiles = control.files()
        for file in truthFiles {
            result.compared += 1
            guard files[String(file.id)] != nil else {
                result.note("file \(file.id) missing", \.lost)
                continue
            }
            let wrong = result.columns(
                fileColumns[String(file.id)] ?? [:], expectedColumns(file), sameTime: sameTime)
            if !wrong.isEmpty { result.note("file \(file.id): \(wrong)", \.wrongColumns) }
        }
        result.countExtra(files.keys, truth: truthFiles.map { String($0.id) }, "file", deletionsSeen)

        try await result.compareCandidates(
            store, account: account, truth: truth, deletionsSeen: deletionsSeen,
            candidateIDs: applicationColumns.mapValues { $0["candidate_id"] ?? .null })
        let history = try await store.stageHistory(of: .applications, account: account)
        result.checkHistory(history, stages: applicationColumns.mapValues { $0["stage"] ?? .null })
        result.ambiguousTimes = ambiguousTimes
        return result
    }

    /// Each application's recorded changes, oldest first, must chain: the first from nothing, each
    /// next one from the previous one's stage, the last to the stage the mirror holds. The same
    /// change twice in a row, or a "change" to the stage it was already in, is a duplicate,
    /// whatever times the runs observed it at.
    private mutating func checkHistory(_ history: [StageChange], stages: [String: Cell]) {
        var byApplication: [String: [StageChange]] = [:]
        for change in history { byApplication[change.id, default: []].append(change) }
        for (id, changes) in byApplication {
            var previous: StageChange?
            var broken = false
            for change in changes {
                if change.from == change.to {
                    note("stage change of \(id) to its own stage \(change.to ?? "-")", \.duplicates)
                } else if let previous, previous.from == change.from, previous.to == change.to {
                    note(
                        "stage change \(change.from ?? "-") → \(change.to ?? "-") of \(id) recorded twice", \.duplicates
                    )
                } else if change.from != previous?.to {
                    broken = true
                }
                previous = change
            }
            if let stage = stages[id], stage != (previous?.to).map(Cell.text) ?? .null { broken = true }
            if broken {
                note(
                    "stage history of \(id) does not chain: \(changes.map { "\($0.from ?? "-")→\($0.to ?? "-")" })",
                    \.brokenHistories)
            }
        }
    }

    private mutating func countExtra(
        _ mirrored: Dictionary<String, StoredRow>.Keys, truth: [String], _ kind: String, _ deletionsSeen: Bool
    ) {
        guard deletionsSeen else { return }
        let expected = Set(truth)
        for id in mirrored where !expected.contains(id) { note("\(kind) \(id) deleted but live", \.extra) }
    }

    private mutating func compareCandidates(
        _ store: any SyncStore, account: String, truth: [SandboxApplication], deletionsSeen: Bool,
        candidateIDs: [String: Cell]
    ) async throws {
        let rows = try await store.storedRows(of: .candidates, account: account).filter { $0.deletedAt == nil }
        var membership: [String: Int] = [:]
        var mirrored: Set<Set<String>> = []
        for row in rows {
            let object = (try? TrackerJSON.parse(Data(row.raw.utf8)).objectValue) ?? [:]
            let ids = object["application_ids"]?.arrayValue?.compactMap(\.stringValue) ?? []
            mirrored.insert(Set(ids))
            for id in ids {
                membership[id, default: 0] += 1
                // The application's `candidate_id` column names the candidate that lists it.
                if let column = candidateIDs[id], column != .text(row.id) {
                    note("application \(id) has candidate_id \(column), listed by \(row.id)", \.wrongCandidates)
                }
            }
        }
        for (id, count) in membership where count > 1 {
            note("application \(id) in \(count) live candidates", \.duplicates)
        }
        // Until a full scan has seen the deletions, candidates still include deleted applications.
        guard deletionsSeen else { return }
        let expected = expectedCandidates(truth)
        compared += expected.count
        for group in expected where !mirrored.contains(group) {
            note("candidate \(group.sorted().prefix(3)) missing or different", \.wrongCandidates)
        }
        for group in mirrored where !expected.contains(group) {
            note("candidate \(group.sorted().prefix(3)) should not exist", \.wrongCandidates)
        }
    }
}
