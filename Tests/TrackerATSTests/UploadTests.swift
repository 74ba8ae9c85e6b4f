import ATSCore
import Foundation
import Synchronization
import Testing
import TrackerATS
import TrackerSandbox

@Suite struct UploadTests {
    private let pdf = Data("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n".utf8)

    @Test func aFileIsUploadedFromDiskAndDeleted() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cv-\(UUID().uuidString).pdf")
        try pdf.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        try await withWriteSandbox { client, sandbox, _ in
            let file = try await client.uploadAttachment(.file(url, kind: .resume), to: "7")
            let stored = try #require(sandbox.control.file(id: Int(file.id.rawValue) ?? 0))
            #expect(stored.applicationID == 7)
            #expect(stored.kind == "resume")
            #expect(stored.contentType == "application/pdf")
            #expect(Data(stored.content) == pdf)
            try await client.deleteAttachment(file.id)
            #expect(sandbox.control.file(id: stored.id) == nil)
            let again = try await #require(throws: ATSError.self) { try await client.deleteAttachment(file.id) }
            #expect(again.code == .notFound)
        }
    }

    @Test func aFileTooLargeIsRefusedBeforeAnythingIsSent() async throws {
        var writes = testWriteSettings
        writes.maximumUploadBytes = 100_000
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString).pdf")
        try (pdf + Data(count: 200_000)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        try await withWriteSandbox(writes: writes) { client, sandbox, _ in
            let error = try await #require(throws: ATSError.self) {
                try await client.uploadAttachment(.file(url), to: "7")
            }
            #expect(error.code == .invalidInput)
            #expect(error.message.contains("is 195.3 KiB and is larger than Tracker accepts (at most 97.7 KiB)"))
            #expect(sandbox.requests("POST", "/files").isEmpty)
        }
    }

    @Test func typesTrackerWouldRefuseAreNamedWithWhatItAccepts() async throws {
        try await withWriteSandbox { client, sandbox, _ in
            let exe = try await #require(throws: ATSError.self) {
                try await client.uploadAttachment(AttachmentUpload(filename: "tool.exe", source: .bytes(pdf)), to: "7")
            }
            #expect(exe.message.contains("tool.exe cannot be uploaded"))
            #expect(exe.message.contains(".pdf"))
            let declared = try await #require(throws: ATSError.self) {
                try await client.uploadAttachment(
                    AttachmentUpload(filename: "cv.pdf", contentType: "image/png", source: .bytes(pdf)), to: "7")
            }
            #expect(declared.message.contains("declared as image/png"))
            let renamed = try await #require(throws: ATSError.self) {
                try await client.uploadAttachment(
                    AttachmentUpload(filename: "cv.pdf", source: .bytes(Data("just text".utf8))), to: "7")
            }
            #expect(renamed.message.contains("does not look like application/pdf"))
            let empty = try await #require(throws: ATSError.self) {
                try await client.uploadAttachment(AttachmentUpload(filename: "a.txt", source: .bytes(Data())), to: "7")
            }
            #expect(empty.message.contains("empty"))
            let folder = try await #require(throws: ATSError.self) {
                try await client.uploadAttachment(AttachmentUpload(filename: "../x.txt", source: .bytes(pdf)), to: "7")
            }
            #expect(folder.code == .invalidInput)
            #expect(sandbox.requests("POST", "/files").isEmpty)
        }
    }

    @Test func theServersOwnRefusalsAreExplained() async throws {
        var writes = testWriteSettings
        writes.uploadContentTypes["csv"] = "text/csv"
        try await withWriteSandbox(writes: writes, sandbox: [.maximumFileBytes(10)]) { client, sandbox, _ in
            let tooLarge = try await #require(throws: ATSError.self) {
                try await client.uploadAttachment(AttachmentUpload(filename: "cv.pdf", source: .bytes(pdf)), to: "7")
            }
            #expect(tooLarge.code == .invalidInput)
            #expect(tooLarge.message.contains("HTTP 413"))
            #expect(tooLarge.message.contains("Nothing was stored"))
            let csv = try await #require(throws: ATSError.self) {
                try await client.uploadAttachment(
                    AttachmentUpload(filename: "a.csv", source: .bytes(Data("a,b".utf8))), to: "7")
            }
            #expect(csv.message.contains("HTTP 415"))
            #expect(sandbox.requests("POST", "/files").count == 2)
        }
    }

    /// A PDF of `count` bytes whose content differs from position to position.
    private func largePDF(_ count: Int) -> Data {
        pdf + Data((0..<(count - pdf.count)).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 11) })
    }

    @Test func anEightMebibyteFileStreamsAndDownloadsByteIdentical() async throws {
        let data = largePDF(8 << 20)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cv-\(UUID().uuidString).pdf")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        try await withWriteSandbox { client, sandbox, _ in
            let file = try await client.uploadAttachment(.file(url, kind: .resume), to: "7")
            #expect(file.size == data.count)
            var downloaded = Data()
            for try await chunk in try await client.download(file).body { downloaded.append(chunk) }
            #expect(downloaded == data)
            #expect(sandbox.requests("POST", "/files").count == 1)
        }
    }

    @Test func chunkSourcesAreCheckedByTheirHeadThenStreamed() async throws {
        let data = largePDF(300_000)
        let makes = Mutex(0)
        let chunks = AttachmentChunks(size: data.count) {
            makes.withLock { $0 += 1 }
            return ChunkedData(data: data, chunkSize: 10_000)
        }
        try await withWriteSandbox { client, sandbox, _ in
            let file = try await client.uploadAttachment(
                AttachmentUpload(filename: "cv.pdf", kind: .resume, source: .chunks(chunks)), to: "7")
            #expect(sandbox.control.file(id: Int(file.id.rawValue) ?? 0).map { Data($0.content) } == data)
            // Once for the first bytes, once to send.
            #expect(makes.withLock { $0 } == 2)

            let text = AttachmentChunks(size: 9) { ChunkedData(data: Data("just text".utf8), chunkSize: 4) }
            let renamed = try await #require(throws: ATSError.self) {
                try await client.uploadAttachment(AttachmentUpload(filename: "cv.pdf", source: .chunks(text)), to: "7")
            }
            #expect(renamed.message.contains("does not look like application/pdf"))
        }
    }

    @Test func aSourceThatChangesWhileSentIsRefusedAndNothingIsStored() async throws {
        let data = largePDF(200_000)
        let lying = AttachmentChunks(size: data.count + 1) { ChunkedData(data: data, chunkSize: 8_192) }
        try await withWriteSandbox { client, sandbox, _ in
            let before = sandbox.control.fileCount
            let error = try await #require(throws: ATSError.self) {
                try await client.uploadAttachment(AttachmentUpload(filename: "cv.pdf", source: .chunks(lying)), to: "7")
            }
            #expect(error.code == .invalidInput)
            #expect(error.message.contains("could not be read whole while it was sent"))
            #expect(error.message.contains("Nothing was stored"))
            #expect(sandbox.control.fileCount == before)
        }
    }

    @Test func aBodyTheServerRefusesMidStreamIsExplained() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cv-\(UUID().uuidString).pdf")
        try largePDF(2 << 20).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var small = SandboxConfiguration()
        small.maximumFileBytes = 64 << 10
        let tweaks: [SandboxTweak] = [
            .maximumFileBytes(64 << 10), .maximumRequestBodyBytes(small.largestUploadBodyBytes),
        ]
        try await withWriteSandbox(sandbox: tweaks) { client, sandbox, _ in
            let error = try await #require(throws: ATSError.self) {
                try await client.uploadAttachment(.file(url), to: "7")
            }
            #expect(error.code == .invalidInput)
            #expect(error.message.contains("HTTP 413"))
            #expect(error.message.contains("Nothing was stored"))
            #expect(sandbox.requests("POST", "/files").count == 1)
        }
    }
}

/// `data` in chunks of `chunkSize` bytes.
struct ChunkedData: AsyncSequence, Sendable {
    typealias Element = Data
    let data: Data
    let chunkSize: Int

    struct AsyncIterator: AsyncIteratorProtocol {
        let data: Data
        let chunkSize: Int
        var offset = 0

        mutating func next() async throws -> Data? {
            guard offset < data.count else { return nil }
            let end = Swift.min(data.count, offset + chunkSize)
            defer { offset = end }
            return data.subdata(in: offset..<end)
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(data: data, chunkSize: chunkSize)
    }
}
