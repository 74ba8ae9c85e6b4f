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
        let file = try TemporaryFile(Self.bytes)
        defer { file.remove() }
        try await withSandboxAPI(SandboxConfiguration(applicationCount: 5)) { api, sandbox in
            let before = sandbox.control.fileCount
            sandbox.control.scriptUploadCut(afterBytes: 256 << 10, status: status, pathSuffix: "/files")
            let error = try await #require(throws: TrackerAPIError.self) {
                try await api.files.upload(
                    TrackerFileUploadRequest(applicationID: 2, filename: "cv.pdf", content: .file(file.url)))
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
