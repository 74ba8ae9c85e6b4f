import Foundation
import Synchronization
import Testing

@testable import TrackerAPI

/// Streamed request bodies through the retry and redirect pipeline, against a transport double
/// that reads (or does not read) the body the way a real transport would.
@Suite struct StreamedRequestTests {
    private static let fileJSON = #"{"id": 9, "app_id": 5, "filename": "cv.pdf", "kind": "resume"}"#
    private static let bytes = Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })

    private static func upload(_ content: TrackerFileUploadRequest.Content) -> TrackerFileUploadRequest {
        TrackerFileUploadRequest(applicationID: 5, filename: "cv.pdf", kind: .resume, content: content)
    }

    private static var expectedBody: Data {
        let json: TrackerJSON = [
            "app_id": 5, "filename": "cv.pdf", "kind": "resume", "data": .string(bytes.base64EncodedString()),
        ]
        return json.serialized()
    }

    /// The whole body, as a transport reads it.
    private static func read(_ request: TrackerHTTPRequest) async throws -> Data {
        try await #require(request.content).makeChunks().collect(upTo: 1 << 30)
    }

    /// The first chunk only: part of the body went out, then something broke.
    private static func readFirstChunk(_ request: TrackerHTTPRequest) async throws {
        var iterator = try #require(request.content).makeChunks().makeAsyncIterator()
        _ = try await iterator.next()
    }

    @Test func aStreamedRequestCarriesItsLengthAndIsNotInMemory() async throws {
        let (api, transport, _) = try TestAPI.make { request, _ in
            _ = try await Self.read(request)
            return .json(Self.fileJSON, status: 201)
        }
        _ = try await api.files.upload(
            Self.upload(.chunks(RaggedChunks(data: Self.bytes, sizes: [999]), size: 100_000)))
        let sent = try #require(transport.requests.first?.content)
        #expect(sent.isStreamed)
        #expect(transport.requests.first?.body == nil)
        #expect(sent.length == Self.expectedBody.count)
        #expect(transport.requests.first?.headers["Content-Type"] == "application/json; charset=utf-8")
    }

    @Test func aStreamIsSentAgainOnlyWhenNoneOfItWasRead() async throws {
        let bodies = BodyLog()
        let (api, transport, _) = try TestAPI.make { request, index in
            if index == 0 { throw TrackerTransportError(phase: .connect, reason: "refused") }
            bodies.append(try await Self.read(request))
            return .json(Self.fileJSON, status: 201)
        }
        let file = try await api.files.upload(
            Self.upload(.chunks(RaggedChunks(data: Self.bytes, sizes: [4_096]), size: Self.bytes.count)))
        #expect(file.id == 9)
        #expect(transport.requests.count == 2)
        #expect(bodies.all == [Self.expectedBody])
    }

    enum LateFailure: CaseIterable, Sendable {
        case rateLimited, connectError, connectionReset, serverError
    }

    @Test(arguments: LateFailure.allCases)
    func nothingIsRetriedOnceAChunkWasRead(failure: LateFailure) async throws {
        let (api, transport, _) = try TestAPI.make { request, _ in
            try await Self.readFirstChunk(request)
            switch failure {
            case .rateLimited: return .text(429, "slow down", headers: ["Retry-After": "1"])
            case .connectError: throw TrackerTransportError(phase: .connect, reason: "refused")
            case .connectionReset: throw TrackerTransportError(phase: .exchange, reason: "reset")
            case .serverError: return .text(503, "busy")
            }
        }
        let url = try TemporaryFile(Self.bytes)
        defer { url.remove() }
        let error = try await #require(throws: TrackerAPIError.self) {
            try await api.files.upload(Self.upload(.file(url.url)))
        }
        #expect(transport.requests.count == 1)
        #expect(error.attempts == 1)
        switch failure {
        case .rateLimited: #expect(error.code == .rateLimited)
        case .connectError: #expect(error.code == .transportFailure)
        // Only the first chunk went out: the server cannot have the whole request.
        case .connectionReset, .serverError: #expect(error.code == .requestInterrupted, "\(error)")
        }
    }

    @Test(arguments: [LateFailure.connectionReset, .serverError])
    func aFailureAfterTheWholeBodyWasSentLeavesTheOutcomeUnknown(failure: LateFailure) async throws {
        let (api, transport, _) = try TestAPI.make { request, _ in
            _ = try await Self.read(request)
            if failure == .serverError { return .text(503, "busy") }
            throw TrackerTransportError(phase: .exchange, reason: "reset")
        }
        let url = try TemporaryFile(Self.bytes)
        defer { url.remove() }
        let error = try await #require(throws: TrackerAPIError.self) {
            try await api.files.upload(Self.upload(.file(url.url)))
        }
        #expect(transport.requests.count == 1)
        #expect(error.code == .outcomeUnknown, "\(error)")
    }

    @Test func aRedirectResendsAFileFromTheStartButNotASinglePassStream() async throws {
        let bodies = BodyLog()
        let (api, transport, _) = try TestAPI.make { request, index in
            bodies.append(try await Self.read(request))
            if index == 0 {
                return .text(307, "", headers: ["Location": "https://api.example.test/api/v1/files?moved=1"])
            }
            return .json(Self.fileJSON, status: 201)
        }
        let url = try TemporaryFile(Self.bytes)
        defer { url.remove() }
        _ = try await api.files.upload(Self.upload(.file(url.url)))
        #expect(transport.requests.count == 2)
        #expect(bodies.all == [Self.expectedBody, Self.expectedBody])

        let (single, singleTransport, _) = try TestAPI.make { request, _ in
            _ = try await Self.read(request)
            return .text(307, "", headers: ["Location": "https://api.example.test/api/v1/files?moved=1"])
        }
        let error = try await #require(throws: TrackerAPIError.self) {
            try await single.files.upload(
                Self.upload(.chunks(RaggedChunks(data: Self.bytes, sizes: [4_096]), size: Self.bytes.count)))
        }
        #expect(singleTransport.requests.count == 1)
        #expect(error.status == 307)
        #expect(error.code == .requestRejected)
    }

    @Test func aSourceThatBreaksAbandonsTheRequestWithoutRetrying() async throws {
        let (api, transport, _) = try TestAPI.make { request, _ in
            _ = try await Self.read(request)
            return .json(Self.fileJSON, status: 201)
        }
        let error = try await #require(throws: TrackerAPIError.self) {
            try await api.files.upload(
                Self.upload(.chunks(RaggedChunks(data: Self.bytes, sizes: [512]), size: 100_001)))
        }
        #expect(error.code == .requestBodyFailed)
        #expect(error.underlying?.contains("ended after 100000 of its 100001 bytes") == true)
        #expect(transport.requests.count == 1)
    }

    @Test func aMissingFileIsRefusedBeforeAnythingIsSent() async throws {
        let (api, transport, _) = try TestAPI.make { _, _ in .json(Self.fileJSON, status: 201) }
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("missing-\(UUID().uuidString).pdf")
        let error = try await #require(throws: TrackerAPIError.self) {
            try await api.files.upload(Self.upload(.file(missing)))
        }
        #expect(error.code == .requestBodyFailed)
        #expect(transport.requests.isEmpty)
    }

    @Test func theRetryStateStopsForGoodOnceAStreamWasSent() {
        var state = RetryState(policy: .init(jitter: 0), method: .put, startedAt: .zero)
        state.beginAttempt()
        let reset = TrackerTransportError(phase: .exchange, reason: "reset")
        #expect(state.decide(after: .transport(reset), now: .zero, randomUnit: 0) == .retry(after: .milliseconds(250)))
        state.streamedBodyWasSent()
        #expect(state.decide(after: .transport(reset), now: .zero, randomUnit: 0) == .giveUp(.streamedBodySent))
        #expect(
            state.decide(after: .status(429, retryAfter: nil), now: .zero, randomUnit: 0) == .giveUp(.streamedBodySent))
        #expect(state.decide(after: .requestBody, now: .zero, randomUnit: 0) == .giveUp(.notRetryable))
    }
}

/// Bodies a transport double read, in order.
final class BodyLog: Sendable {
    private let bodies = Mutex<[Data]>([])

    var all: [Data] { bodies.withLock { $0 } }

    func append(_ body: Data) {
        bodies.withLock { $0.append(body) }
    }
}

/// A file in the temporary directory, removed by `remove()`.
struct TemporaryFile {
    let url: URL

    init(_ data: Data, extension pathExtension: String = "pdf") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "upload-\(UUID().uuidString).\(pathExtension)")
        try data.write(to: url)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
