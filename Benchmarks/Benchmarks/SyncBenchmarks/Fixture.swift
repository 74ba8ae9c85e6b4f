import ATSCore
import ATSSync
import Foundation
import Logging
import Synchronization
import TrackerAPI
import TrackerATS
import TrackerSandbox
import TrackerSync

/// The data every benchmark works on: the first 1000 applications of a seeded sandbox account,
/// read once through TrackerAPI from an in-process sandbox, as the JSON page the server sent, the
/// wire models, the mirror rows and the stored rows candidates are derived from.
struct Fixture: Sendable {
    /// The account's time zone (the sandbox's default), in which its naive timestamps are read.
    static let timeZone = TimeZone(identifier: "America/Los_Angeles")
    /// The key of candidate ids.
    static let identity = CandidateIdentity(secret: Array("benchmark".utf8))

    /// A 1000-record `GET /applications` body.
    var page: Data
    /// The page's `updated_at` texts, as Tracker writes them (naive local time).
    var timestamps: [String]
    /// The page's applications as mirror rows.
    var records: [SyncRecord]
    /// The page's applications as stored rows, grouped by candidate, for the derivation.
    var groups: [String: [StoredRow]]

    private static let shared = Mutex<Fixture?>(nil)

    /// The fixture, made on first use.
    static func load() async throws -> Fixture {
        if let fixture = shared.withLock({ $0 }) { return fixture }
        let fixture = try await make()
        shared.withLock { $0 = fixture }
        return fixture
    }

    private static func make() async throws -> Fixture {
        let applications = try await withTrackerSandbox(SandboxConfiguration(applicationCount: 1000)) { sandbox in
            var configuration = TrackerAPI.Configuration(
                baseURL: sandbox.baseURL, apiKey: sandbox.apiKey, apiPassword: sandbox.apiPassword,
                accountTimeZone: timeZone, rateLimit: nil)
            configuration.pagingConsistency = .none
            let api = try TrackerAPI(configuration: configuration)
            var applications: [TrackerApplication] = []
            do {
                for try await application in api.applications.list(.init(pageSize: 1000)) {
                    applications.append(application)
                }
                try await api.shutdown()
            } catch {
                try? await api.shutdown()
                throw error
            }
            return applications
        }
        let page = TrackerJSON.array(applications.map { TrackerJSON.object($0.raw) }).serialized()
        let records = applications.map { TrackerSyncRecords.application($0, identity: identity) }
        var groups: [String: [StoredRow]] = [:]
        for record in records {
            guard case .text(let candidate) = record.fields["candidate_id"] else { continue }
            groups[candidate, default: []].append(
                StoredRow(id: record.id, updatedAt: record.updatedAt, raw: record.raw.json, deletedAt: nil))
        }
        return Fixture(
            page: page, timestamps: applications.compactMap { $0.raw["updated_at"]?.stringValue },
            records: records, groups: groups)
    }

    /// The page's records with ids (and candidate groups) no earlier call used, for insert benchmarks.
    func freshRecords(_ round: Int) -> [SyncRecord] {
        records.map { record in
            var copy = record
            copy.id = "\(round)-\(record.id)"
            return copy
        }
    }

    /// The page's records each changed (a new phone number and a newer update time), for update benchmarks.
    func changedRecords(_ round: Int) -> [SyncRecord] {
        records.map { record in
            var copy = record
            copy.fields["phone"] = .text("+1 555 \(round)")
            copy.updatedAt = (record.updatedAt ?? Date(timeIntervalSince1970: 0)).addingTimeInterval(Double(round + 1))
            copy.raw = RawPayload(json: "{\"changed\":\(round)," + record.raw.json.dropFirst())
            return copy
        }
    }
}

/// Answers every request with the fixture's page, so decoding is measured without a network.
struct PageTransport: TrackerTransport {
    let page: Data
    let count: Int

    func execute(_ request: TrackerHTTPRequest, timeout: Duration, logger: Logger) async throws -> TrackerHTTPResponse {
        TrackerHTTPResponse(
            status: 200,
            headers: ["Total-Count": "\(count)", "Pages": "1", "Results-Per-Page": "\(count)"],
            body: TrackerHTTPBody(page))
    }

    func shutdown() async throws {}
}
