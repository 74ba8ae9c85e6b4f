import ATSTestSupport
import ATSCore
import ATSSync
import Foundation
import Testing
import WorkableAPI
import WorkableATS
import WorkableSandbox
import WorkableSync

/// Comments and files cost one request per candidate record: separate streams, resumable page by
/// page, incremental on the records whose `updated_at` moved.
@Suite struct PerCandidateTests {
    @Test(arguments: StoreKind.available)
    func commentsAndFilesAreMirroredAfterTheRecordStreams(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            try await withWorkableMirror(store: store, people: 20) { harness in
                _ = try await harness.engine(harness.source).run(WorkableSyncSource.recordStreams)
                let report = try await harness.engine(harness.source).run(WorkableSyncSource.perCandidateStreams)
                let reportCompleted = report.streams.allSatisfy { $0.completed }
                #expect(reportCompleted)
                let records = harness.control.candidates.count
                #expect(report.streams.first?.pages == (records + 9) / 10)
                #expect(report.streams.first?.warnings.contains { $0.contains("\(records) candidate record") } == true)
                let notes = try await harness.live(.notes)
                #expect(Set(notes.keys) == Set(harness.comments.keys))
                let files = try await harness.live(.files)
                let truthFiles = harness.control.candidates.map { harness.control.files(of: $0.id).count }.reduce(0, +)
                #expect(files.count == truthFiles)
                #expect(files.values.allSatisfy { !$0.raw.contains("signature") }, "no pre-signed URL is stored")

                // A comment added later: the next window reads only the record it changed.
                harness.clock.advance(by: .seconds(600))
                let target = try #require(harness.control.candidates.first)
                let note = try await harness.client.addNote(
                    NoteDraft("Checked references"), toApplication: ApplicationID(target.id))
                harness.clock.advance(by: .seconds(120))
                harness.control.clearRequestLog()
                let next = try await harness.engine(harness.source).run([.notes])
                #expect(next.streams.first?.isIncremental == true)
                let read = harness.control.requests.filter { $0.path.hasSuffix("/activities") }.map(\.path)
                #expect(read.contains { $0.contains(target.id) })
                #expect(read.count < records / 4, "only the records changed since the last window: \(read.count)")
                #expect(try await harness.live(.notes)[note.id.rawValue] != nil)
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func aKilledSweepContinuesWhereItStopped(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            try await withWorkableMirror(store: store, people: 25, candidatesPerPage: 5) { harness in
                let records = harness.control.candidates.count
                let killed = KilledAfter(base: harness.source, pages: 3)
                await #expect(throws: KilledAfter<WorkableSyncSource>.Killed.self) {
                    try await harness.engine(killed).run([.notes])
                }
                let state = try await harness.store.state(of: .notes, account: harness.account)
                #expect(state.checkpoint?.nextPage == 4)
                let readBefore = harness.control.requests.filter { $0.path.hasSuffix("/activities") }.count
                #expect(readBefore == 15)
                harness.control.clearRequestLog()
                let resumed = try await harness.engine(harness.source).run([.notes])
                let report = try #require(resumed.streams.first)
                #expect(report.resumed)
                #expect(report.completed)
                // It goes on from one page before the checkpoint: 15 records are not read again, 5 are.
                #expect(harness.control.requests.filter { $0.path.hasSuffix("/activities") }.count == records - 10)
                #expect(Set(try await harness.live(.notes).keys) == Set(harness.comments.keys))
            }
        }
    }

    @Test func aSyncAtATightLimitLosesNothingAndFailsNoRequest() async throws {
        let limit = WorkableRateLimit(requests: 4, window: .seconds(2), margin: .milliseconds(100))
        try await withWorkableMirror(
            store: InMemorySyncStore(), people: 150, rateLimit: limit, pageSize: 25,
            configure: {
                $0.behavior.rateLimit = 4
                $0.behavior.rateWindowSeconds = 2
            }
        ) { harness in
            // One stream at a time: the test's clock moves virtual time when any task sleeps, so
            // concurrent streams would let one stream's wait carry another's request past its slot.
            for stream in WorkableSyncSource.recordStreams + [.notes] {
                let report = try await harness.engine(harness.source).run([stream])
                #expect(report.streams.first?.completed == true, "\(stream)")
            }
            let truth = harness.control.candidates
            #expect(truth.count >= 200)
            #expect(Set(try await harness.live(.applications).keys) == Set(truth.map(\.id)))
            #expect(Set(try await harness.live(.notes).keys) == Set(harness.comments.keys))
            let traffic = await harness.client.api.traffic
            #expect(traffic.failedAttempts == 0)
            #expect(traffic.rateLimitedResponses == 0)
            #expect(traffic.currentLimit == 4)
            let answered = harness.control.requests.filter { $0.host == .api }
            #expect(
                answered.allSatisfy { $0.status < 400 },
                "no request failed: \(answered.filter { $0.status >= 400 }.count)")
            #expect(answered.count > truth.count, "one request per record for the comments, plus the list pages")
        }
    }
}
