import Foundation
import Testing
import WorkableAPI
import WorkableSandbox

@Suite struct FileTests {
    @Test func filesDownloadStreamedAndTheTokenNeverReachesTheFileHost() async throws {
        try await withWorkableHarness { harness in
            for truth in harness.control.candidates.prefix(8) {
                let files = try await harness.api.candidates.files(WorkableCandidateID(truth.id))
                let expected = harness.control.files(of: truth.id)
                #expect(files.map(\.name) == expected.map(\.name))
                for (file, bytes) in zip(files, expected.map(\.bytes)) {
                    let url = try #require(file.url)
                    #expect(url.hasPrefix(harness.sandbox.fileOrigin))
                    let download = try await harness.api.files.download(from: url)
                    var received = Data()
                    for try await chunk in download.chunks { received.append(chunk) }
                    #expect(Array(received) == bytes)
                    #expect(download.contentLength == bytes.count)
                }
            }
            let fileRequests = harness.control.requests.filter { $0.host == .files }
            #expect(fileRequests.count >= 8)
            #expect(fileRequests.allSatisfy { !$0.hadAuthorization && $0.status == 200 })
            #expect(harness.apiRequests.allSatisfy { $0.hadAuthorization })
        }
    }

    @Test func theResumeURLOfTheFullRecordDownloadsToo() async throws {
        try await withWorkableHarness { harness in
            let truth = try #require(harness.control.candidates.first)
            let candidate = try await harness.api.candidates.get(WorkableCandidateID(truth.id))
            let data = try await harness.api.files.download(from: try #require(candidate.resumeURL)).collect()
            #expect(String(decoding: data.prefix(8), as: UTF8.self) == "%PDF-1.4")
        }
    }

    @Test func anExpiredOrAlteredURLIsRefusedWithAdvice() async throws {
        try await withWorkableHarness { harness in
            let truth = try #require(harness.control.candidates.first)
            let url = try #require(try await harness.api.candidates.files(WorkableCandidateID(truth.id)).first?.url)
            let altered = url.replacingOccurrences(of: "signature=", with: "signature=00")
            await #expect { _ = try await harness.api.files.download(from: altered) } throws: { error in
                (error as? WorkableAPIError)?.code == .fileURLExpired
            }
            harness.sandboxClock.advance(by: .seconds(60_001))
            do {
                _ = try await harness.api.files.download(from: url)
                Issue.record("expected the expired URL to be refused")
            } catch let error as WorkableAPIError {
                #expect(error.code == .fileURLExpired)
                #expect(error.status == 403)
                #expect(error.description.contains("fresh URL"))
            }
            // A fresh URL from the API works again.
            let fresh = try #require(try await harness.api.candidates.files(WorkableCandidateID(truth.id)).first?.url)
            #expect(try await harness.api.files.download(from: fresh).collect().count > 0)
        }
    }
}
