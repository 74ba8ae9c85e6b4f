import Foundation
import Testing
import TrackerAPI
import TrackerSandbox

/// Streamed uploads against the in-process sandbox, over real sockets.
@Suite struct SandboxUploadTests {
    /// Bytes that differ from position to position, so a dropped or repeated chunk shows.
    private static func bytes(_ count: Int) -> Data {
        Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 11) })
    }

    @Test func anEightMebibyteFileStreamsUpAndDownloadsByteIdentical() async throws {
        let data = Self.bytes(8 << 20 + 12_345)
        let file = try TemporaryFile(data)
        defer { file.remove() }
        try await withSandboxAPI(SandboxConfiguration(applicationCount: 5)) { api, sandbox in
            let uploaded = try await api.files.upload(
                TrackerFileUploadRequest(applicationID: 2, filename: "big.pdf", kind: .resume, content: .file(file.url))
            )
            #expect(uploaded.size == data.count)
            #expect(uploaded.contentType == "application/pdf")
            let download = try await api.files.download(uploaded.id)
            #expect(try await download.body.collect(upTo: 16 << 20) == data)
            #expect(sandbox.control.requestLog().filter { $0.method == "POST" }.count == 1)
        }
    }

    @Test func aChunkSequenceStreamsUpToo() async throws {
        let data = Self.bytes(1 << 20)
        try await withSandboxAPI(SandboxConfiguration(applicationCount: 5)) { api, sandbox in
            let chunks = RaggedChunks(data: data, sizes: [1, 1_000, 65_537])
            let uploaded = try await api.files.upload(
                TrackerFileUploadRequest(
                    applicationID: 3, filename: "notes \"v2\" ✓.txt", content: .chunks(chunks, size: data.count)))
            #expect(uploaded.filename == "notes \"v2\" ✓.txt")
            #expect(sandbox.control.file(id: uploaded.id.int)?.content == Array(data))
        }
    }

    @Test func aSourceShorterThanAnnouncedStoresNothing() async throws {
        try await withSandboxAPI(SandboxConfiguration(applicationCount: 5)) { api, sandbox in
            let before = sandbox.control.fileCount
            let error = try await #require(throws: TrackerAPIError.self) {
                try await api.files.upload(
                    TrackerFileUploadRequest(
                        applicationID: 3, filename: "cut.txt",
                        content: .chunks(RaggedChunks(data: Self.bytes(300_000), sizes: [30_000]), size: 300_001)))
            }
            #expect(error.code == .requestBodyFailed)
            #expect(error.attempts == 1)
            #expect(sandbox.control.fileCount == before)
        }
    }

    @Test func aBodyOverTheSandboxLimitIsRefusedWith413WhileItStreams() async throws {
        var configuration = SandboxConfiguration(applicationCount: 5)
        configuration.maximumFileBytes = 64 << 10
        configuration.maximumRequestBodyBytes = configuration.largestUploadBodyBytes
        let file = try TemporaryFile(Self.bytes(4 << 20))
        defer { file.remove() }
        try await withSandboxAPI(configuration) { api, sandbox in
            let before = sandbox.control.fileCount
            let error = try await #require(throws: TrackerAPIError.self) {
                try await api.files.upload(
                    TrackerFileUploadRequest(applicationID: 2, filename: "huge.pdf", content: .file(file.url)))
            }
            #expect(error.status == 413)
            #expect(error.code == .requestRejected)
            #expect(sandbox.control.fileCount == before)
        }
    }
}
