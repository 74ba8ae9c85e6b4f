import ATSCore
import Foundation
import Synchronization

/// A provider skeleton: it implements two of ATSClient's requirements (listing jobs and
/// applications) and its capabilities, and leaves every other operation to the protocol's defaults,
/// which refuse it.
final class StubATSClient: ATSClient {
    static let provider = ATSProvider(rawValue: "stub")

    let capabilities = ATSCapabilities(
        provider: StubATSClient.provider,
        operations: [
            .streamJobs: .supported,
            .streamApplications: .supported,
            .dispositionReasons: .notSupported("The stub has no rejection reasons."),
        ])

    private let state: Mutex<(jobs: [Job], applications: [Application])>

    /// A stub account with `jobs` jobs and `applications` applications spread over them, all last
    /// updated before `start`.
    init(jobs: Int, applications: Int, start: Date) {
        let jobList = (1...jobs).map { number in
            Job(
                id: JobID("J\(number)"), title: "Stub job \(number)", status: .open,
                location: Location(city: "Lisbon", country: "PT"),
                customFields: ["team": .text("T\(number)")],
                createdAt: start.addingTimeInterval(-86_400),
                updatedAt: start.addingTimeInterval(Double(-3_600 + number)),
                raw: RawPayload(json: #"{"id":"J\#(number)","kind":"stub"}"#))
        }
        let applicationList = (1...applications).map { number in
            Application(
                id: ApplicationID("A\(number)"), jobID: JobID("J\((number - 1) % jobs + 1)"),
                candidateID: CandidateID("C\(number)"),
                applicant: Person(firstName: "Person", lastName: "\(number)", email: "p\(number)@example.com"),
                stage: Stage(named: "Applied"), tags: ["stub"], rating: Double(number),
                appliedAt: start.addingTimeInterval(-7_200),
                updatedAt: start.addingTimeInterval(Double(-3_000 + number)),
                raw: RawPayload(json: #"{"id":"A\#(number)","stage":"Applied"}"#))
        }
        state = Mutex((jobList, applicationList))
    }

    var jobs: [Job] { state.withLock { $0.jobs } }
    var applications: [Application] { state.withLock { $0.applications } }

    /// Moves an application to a stage, as a recruiter would in the stub's own interface.
    func move(_ id: ApplicationID, to stage: String, at time: Date) {
        state.withLock { state in
            guard let index = state.applications.firstIndex(where: { $0.id == id }) else { return }
            state.applications[index].stage = Stage(named: stage)
            state.applications[index].updatedAt = time
            state.applications[index].raw = RawPayload(json: #"{"id":"\#(id)","stage":"\#(stage)"}"#)
        }
    }

    func streamJobs(_ query: ATSChangeQuery) -> ATSStream<Job> {
        ATSStream(ListedRecords(records: jobs.filter { Self.changed($0.updatedAt, since: query.updatedAfter) }))
    }

    func streamApplications(_ query: ATSChangeQuery) -> ATSStream<Application> {
        ATSStream(
            ListedRecords(records: applications.filter { Self.changed($0.updatedAt, since: query.updatedAfter) }))
    }

    private static func changed(_ updatedAt: Date?, since lower: Date?) -> Bool {
        guard let lower, let updatedAt else { return true }
        return updatedAt >= lower
    }
}

/// Records already in memory, as an asynchronous sequence.
struct ListedRecords<Record: Sendable>: AsyncSequence, Sendable {
    let records: [Record]

    func makeAsyncIterator() -> Iterator { Iterator(remaining: records[...]) }

    struct Iterator: AsyncIteratorProtocol {
        var remaining: ArraySlice<Record>

        mutating func next() async throws -> Record? { remaining.popFirst() }
    }
}
