import ATSBridge
import ATSCore
import Foundation
import Synchronization
import TrackerAPI
import TrackerSandbox

/// What a test does to the bridge to stop it dead, as a SIGKILL would: nothing after it runs.
struct Killed: Error {}

/// What the scripted target does with one create.
enum CreateScript: Sendable {
    /// Sends it and answers.
    case answer
    /// Sends it, then the process "dies" before the answer is used.
    case killAfterSending
    /// Sends it, and the answer is lost (``ATSError/Code/outcomeUnknown``).
    case loseAnswer
    /// Loses the request before it arrives, but says only that the outcome is unknown.
    case loseRequest
}

/// A target whose create never looks for an existing application (it always POSTs, as a provider
/// without Tracker's own check would), so that only the bridge stands between a re-run and a
/// duplicate; creates follow a script, by their number in the run (1 is the first).
struct ScriptedTarget: ATSClient {
    let base: any ATSClient
    let sandbox: RunningSandbox
    let script: @Sendable (Int) -> CreateScript
    private let creates = Counter()

    init(
        base: any ATSClient, sandbox: RunningSandbox,
        script: @escaping @Sendable (Int) -> CreateScript = { _ in .answer }
    ) {
        self.base = base
        self.sandbox = sandbox
        self.script = script
    }

    var capabilities: ATSCapabilities { base.capabilities }

    func streamApplications(_ query: ATSChangeQuery) -> ATSStream<Application> { base.streamApplications(query) }

    func job(_ id: JobID) async throws -> Job { try await base.job(id) }

    func createApplication(_ request: ApplicationCreationRequest) async throws -> ApplicationCreationResult {
        let number = creates.next()
        let step = script(number)
        if case .loseRequest = step {
            throw ATSError(code: .outcomeUnknown, operation: "createApplication", message: "The connection dropped.")
        }
        guard case .details(let details) = request.applicant else { throw Killed() }
        let api = try TrackerAPI(
            configuration: TrackerAPI.Configuration(
                baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, apiPassword: sandbox.apiPassword,
                accountTimeZone: .gmt, rateLimit: nil))
        let created: TrackerApplication
        do {
            created = try await api.applications.create(
                TrackerApplicationCreateRequest(
                    jobID: TrackerJobID(rawValue: request.job.rawValue), firstName: details.firstName ?? "",
                    lastName: details.lastName ?? "", email: details.email ?? "", phone: details.phone,
                    source: request.source))
            try await api.shutdown()
        } catch {
            try? await api.shutdown()
            throw error
        }
        switch step {
        case .killAfterSending: throw Killed()
        case .loseAnswer:
            throw ATSError(code: .outcomeUnknown, operation: "createApplication", message: "The answer was lost.")
        case .answer, .loseRequest:
            let application = try await base.application(ApplicationID(created.id.rawValue))
            return ApplicationCreationResult(application: application, wasCreated: true)
        }
    }

    func application(_ id: ApplicationID) async throws -> Application { try await base.application(id) }
}

/// A journal that records through a real file journal, and stops the run ("kills" it) right after
/// the entry a test chose has been written.
struct StoppingJournal: BridgeJournal {
    let base: FileBridgeJournal
    /// Given the entry just written and how many entries of its step the file now holds.
    let stopAfter: @Sendable (BridgeJournalEntry, Int) -> Bool

    init(base: FileBridgeJournal, stopAfter: @escaping @Sendable (BridgeJournalEntry, Int) -> Bool) {
        self.base = base
        self.stopAfter = stopAfter
    }

    func entries() async throws -> [BridgeJournalEntry] { await base.entries() }

    func record(_ entry: BridgeJournalEntry) async throws {
        try await base.record(entry)
        let index = await base.entries().count { $0.step == entry.step }
        if stopAfter(entry, index) { throw Killed() }
    }
}

/// A folder of its own for a test's journal files, removed at the end.
func withScratchFolder<Result>(_ body: (URL) async throws -> Result) async throws -> Result {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bridge-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try await body(folder)
}

/// Counts calls from any task.
final class Counter: Sendable {
    private let count = Mutex(0)

    /// The count so far.
    var value: Int { count.withLock { $0 } }

    /// One more: returns the new count (the first call returns 1).
    func next() -> Int {
        count.withLock { count in
            count += 1
            return count
        }
    }
}
