import Foundation
import Testing

@testable import TrackerAPI

/// The streamed `POST /files` body: the same bytes as the in-memory JSON, whatever the size and
/// however the source cuts its chunks.
@Suite struct UploadBodyTests {
    private static let filename = "Ada \"Countess\" Lovelace — résumé ✓ 履歴書\\\n\u{1}.pdf"

    /// Bytes that differ from position to position, so a dropped or repeated chunk shows.
    private static func bytes(_ count: Int) -> Data {
        Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) })
    }

    private static func inMemoryJSON(_ data: Data, filename: String = filename) -> Data {
        let json: TrackerJSON = [
            "app_id": TrackerApplicationID(rawValue: "5").jsonValue, "filename": .string(filename),
            "kind": .string("resume"), "data": .string(data.base64EncodedString()),
        ]
        return json.serialized()
    }

    private static func envelope(filename: String = filename) -> TrackerFileUploadBody {
        TrackerFileUploadBody(applicationID: 5, filename: filename, kind: .resume)
    }

    private static func collect<Chunks: AsyncSequence>(_ chunks: Chunks) async throws -> Data
    where Chunks.Element == Data {
        var result = Data()
        for try await chunk in chunks { result.append(chunk) }
        return result
    }

    @Test(arguments: [0, 1, 2, 3, 4, 65_535, 65_536, 200_001])
    func aStreamedBodyIsTheInMemoryJSON(size: Int) async throws {
        let data = Self.bytes(size)
        let envelope = Self.envelope()
        // Cuts that are not multiples of 3, so the encoder must carry bytes between chunks.
        let pieces = RaggedChunks(data: data, sizes: [1, 7, 4_096, 2, 65_537])
        let streamed = try await Self.collect(envelope.chunks(from: pieces, size: size))
        let expected = Self.inMemoryJSON(data)
        #expect(streamed == expected)
        #expect(envelope.length(fileSize: size) == expected.count)
    }

    @Test(arguments: [0, 1, 2, 3, 4, 65_535, 65_536, 200_001])
    func aFileStreamsInChunksOfThreesToTheSameJSON(size: Int) async throws {
        let data = Self.bytes(size)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("upload-\(UUID().uuidString).bin")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let envelope = Self.envelope()
        let fileSize = try TrackerFileUploadBody.size(ofFile: url, endpoint: "POST /files")
        #expect(fileSize == size)
        var pieces: [Data] = []
        for try await piece in envelope.chunks(from: FileChunks(url: url), size: fileSize) { pieces.append(piece) }
        #expect(pieces.reduce(Data(), +) == Self.inMemoryJSON(data))
        // Every base64 piece but the last stands alone: no padding in the middle.
        for piece in pieces.dropFirst().dropLast() { #expect(!piece.contains(UInt8(ascii: "="))) }
        #expect(pieces.allSatisfy { $0.count <= TrackerFileUploadBody.fileChunkSize / 3 * 4 + 64 })
    }

    @Test func namesAreEscapedLikeTheInMemoryJSON() async throws {
        for name in ["plain.pdf", #"quote " and backslash \ .pdf"#, "tab\tnewline\n\u{7F}\u{0}.txt", "😀.png"] {
            let streamed = try await Self.collect(
                Self.envelope(filename: name).chunks(from: RaggedChunks(data: Data("abc".utf8), sizes: [2]), size: 3))
            #expect(streamed == Self.inMemoryJSON(Data("abc".utf8), filename: name))
            #expect(try TrackerJSON.parse(streamed).objectValue?["filename"]?.stringValue == name)
        }
    }

    @Test func aSourceShorterThanAnnouncedNeverSendsTheClosingMembers() async throws {
        let envelope = Self.envelope()
        var received = Data()
        let error = await #expect(throws: TrackerRequestBodyError.self) {
            for try await piece in envelope.chunks(from: RaggedChunks(data: Self.bytes(10), sizes: [4]), size: 11) {
                received.append(piece)
            }
        }
        #expect(error?.reason.contains("ended after 10 of its 11 bytes") == true)
        #expect(!received.isEmpty && !received.ends(with: envelope.suffix))
    }

    @Test func aSourceLongerThanAnnouncedIsRefusedBeforeItsExtraBytesGoOut() async throws {
        let envelope = Self.envelope()
        var received = Data()
        await #expect(throws: TrackerRequestBodyError.self) {
            for try await piece in envelope.chunks(from: RaggedChunks(data: Self.bytes(12), sizes: [6]), size: 9) {
                received.append(piece)
            }
        }
        #expect(received == envelope.prefix + Self.bytes(6).base64EncodedData())
    }
}

/// The bytes of `data` in chunks of the given sizes, repeating the last.
struct RaggedChunks: AsyncSequence, Sendable {
    typealias Element = Data
    let data: Data
    let sizes: [Int]

    struct AsyncIterator: AsyncIteratorProtocol {
        let data: Data
        let sizes: [Int]
        var offset = 0
        var turn = 0

        mutating func next() async throws -> Data? {
            guard offset < data.count else { return nil }
            let size = sizes[Swift.min(turn, sizes.count - 1)]
            turn += 1
            let end = Swift.min(data.count, offset + size)
            defer { offset = end }
            return data.subdata(in: offset..<end)
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(data: data, sizes: sizes)
    }
}

extension Data {
    fileprivate func ends(with suffix: Data) -> Bool {
        count >= suffix.count && self.suffix(suffix.count) == suffix
    }
}
