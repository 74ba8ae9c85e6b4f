import Foundation
import Testing
import TrackerAPI
import TrackerSandbox

/// Uploads that fail part-way, over real sockets: the sandbox reads the start of the body and then
/// answers with an error or with nothing and closes the connection, or stores the file and loses
/// its answer. The client sends the upload once, and says whether the file can exist.
@Suite struct SandboxUploadCutTests {
    /// Larger than the socket buffers, so that the cut lands while the body is still being sent.
    private static let bytes = Data((0..<(8 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 11) })

    private static func posts(_ sandbox: RunningSandbox) -> Int {
        sandbox.control.requestLog().filter { $0.method == "POST" && $0.path.hasSuffix("/files") }.count
    }

    /// 503 after part of the body; a connection closed with no usable answer.
    static let cuts: [Int?] = [503, nil]

    @Test(arguments: cuts)
    func anUploadCutOffPartWayIsSentOnceAndReportedAsNotStored(status: Int?) async throws {
        try await withSandboxAPI(SandboxConfiguration(applicationCount: 5)) { api, sandbox in
            let before = sandbox.control.fileCount
            let answered = sandbox.control.answeredRequestCount
            sandbox.control.scriptUploadCut(afterBytes: 256 << 10, status: status, pathSuffix: "/files")
            // The source holds back the rest of the file until the sandbox has cut the upload, so
            // that the cut lands before the whole body was handed over however much the
            // connection's buffers would take.
            let control = sandbox.control
            let chunks = GatedChunks(data: Self.bytes, gateAt: 1 << 20) {
                try? await control.awaitAnsweredRequests(atLeast: answered + 1, timeout: .seconds(60))
            }
            let error = try await #require(throws: TrackerAPIError.self) {
                try await api.files.upload(
                    TrackerFileUploadRequest(
                        applicationID: 2, filename: "cv.pdf", content: .chunks(chunks, size: Self.bytes.count)))
            }
            #expect(error.code == .requestInterrupted, "\(error)")
            #expect(error.attempts == 1)
            #expect(error.description.contains("cannot have acted on it"), "\(error)")
            #expect(error.description.contains("send it again"), "\(error)")
            #expect(Self.posts(sandbox) == 1, "the upload went out once")
            #expect(sandbox.control.fileCount == before, "nothing was stored")
        }
    }

    @Test func anUploadWhoseAnswerIsLostIsSentOnceAndReportedAsMaybeStored() async throws {
        let file = try TemporaryFile(Self.bytes)
        defer { file.remove() }
        try await withSandboxAPI(SandboxConfiguration(applicationCount: 5)) { api, sandbox in
            let before = sandbox.control.fileCount
            // The whole body is read and the file stored; then the answer breaks off halfway.
            sandbox.control.scriptFault(.connectionClosedMidBody, method: "POST", pathSuffix: "/files")
            let error = try await #require(throws: TrackerAPIError.self) {
                try await api.files.upload(
                    TrackerFileUploadRequest(applicationID: 2, filename: "cv.pdf", content: .file(file.url)))
            }
            #expect(error.code == .outcomeUnknown, "\(error)")
            #expect(error.description.contains("may or may not have taken effect"), "\(error)")
            #expect(Self.posts(sandbox) == 1, "the upload went out once")
            #expect(sandbox.control.fileCount == before + 1, "the file exists although the answer was lost")
        }
    }

    @Test func anUploadFromMemoryCutOffPartWayIsNeverSentAgain() async throws {
        // Bytes in memory are one body that could be replayed; a POST is still never repeated
        // once it may have arrived, and without the stream's progress the outcome stays unknown.
        try await withSandboxAPI(SandboxConfiguration(applicationCount: 5)) { api, sandbox in
            let before = sandbox.control.fileCount
            sandbox.control.scriptUploadCut(afterBytes: 256 << 10, status: 503, pathSuffix: "/files")
            let error = try await #require(throws: TrackerAPIError.self) {
                try await api.files.upload(
                    TrackerFileUploadRequest(applicationID: 2, filename: "cv.pdf", content: .data(Self.bytes)))
            }
            #expect(error.code == .outcomeUnknown, "\(error)")
            #expect(Self.posts(sandbox) == 1)
            #expect(sandbox.control.fileCount == before)
        }
    }
}

/// The bytes in 64 KiB chunks; before the chunk at `gateAt`, waits once for `gate`.
struct GatedChunks: AsyncSequence, Sendable {
    typealias Element = Data
    let data: Data
    let gateAt: Int
    let gate: @Sendable () async -> Void

    struct AsyncIterator: AsyncIteratorProtocol {
        let source: GatedChunks
        var offset = 0
        var waited = false

        mutating func next() async throws -> Data? {
            guard offset < source.data.count else { return nil }
            if !waited, offset >= source.gateAt {
                waited = true
                await source.gate()
            }
            let end = Swift.min(source.data.count, offset + (64 << 10))
            defer { offset = end }
            return source.data.subdata(in: offset..<end)
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(source: self)
    }
}
