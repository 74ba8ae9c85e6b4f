import Foundation
import Testing
import TrackerAPI
import TrackerSandbox

/// The client-wide request budget against the sandbox over real sockets: the bound on requests in
/// flight is what the sandbox sees, and a caller asking for one record at a time gets its turn
/// while a page sequence keeps a deep queue.
@Suite struct SandboxBudgetTests {
    @Test func theSandboxNeverSeesMoreRequestsThanTheBound() async throws {
        var behavior = SandboxBehavior()
        // Latency makes concurrent requests overlap at the server; without the budget, these three
        // sequences of 4 pages in flight each would reach 12.
        behavior.latency = .milliseconds(3)
        var options = ClientOptions()
        options.maximumRequestsInFlight = 2
        try await withSandboxAPI(
            SandboxConfiguration(applicationCount: 600, behavior: behavior), client: options
        ) { api, sandbox in
            async let applications = api.applications.list(.init(pageSize: 20)).collect()
            async let notes = api.notes.list(.init(pageSize: 20)).collect()
            async let files = api.files.list(.init(pageSize: 20)).collect()
            let counts = try await (applications.count, notes.count, files.count)
            #expect(counts.0 == sandbox.control.applicationCount)
            #expect(counts.1 == sandbox.control.noteCount)
            #expect(counts.2 == sandbox.control.fileCount)
            #expect(sandbox.control.peakConcurrentRequests <= 2)
            #expect(sandbox.control.peakConcurrentRequests >= 1)
        }
    }

    @Test func aCallerAskingOnceAtATimeIsNotStarvedByADeepPageQueue() async throws {
        var options = ClientOptions()
        options.maximumRequestsInFlight = 1
        options.pagesInFlight = 8
        try await withSandboxAPI(SandboxConfiguration(applicationCount: 600), client: options) { api, sandbox in
            sandbox.control.clearRequestLog()
            let jobIDs = sandbox.control.jobs().prefix(10).map(\.id)
            async let paged = api.applications.list(.init(pageSize: 10)).collect()
            for id in jobIDs { _ = try await api.jobs.get(TrackerJobID(Int64(id))) }
            let applications = try await paged
            #expect(applications.count == sandbox.control.applicationCount)

            let paths = sandbox.control.requestLog().map(\.path)
            let jobReads = paths.indices.filter { paths[$0].contains("/jobs/") }
            #expect(jobReads.count == jobIDs.count)
            // Turns alternate between the two lanes: the single reads wait for at most the page in
            // flight and the one whose turn came first. One queue would make each of them wait
            // behind all eight pages the sequence keeps queued.
            for (earlier, later) in zip(jobReads, jobReads.dropFirst()) {
                let pagesBetween = paths[(earlier + 1)..<later].filter { $0.hasSuffix("/applications") }.count
                #expect(pagesBetween <= 2, "\(pagesBetween) pages went between two job reads")
            }
        }
    }
}
