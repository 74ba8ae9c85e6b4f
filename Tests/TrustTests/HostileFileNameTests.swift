import ATSCore
import ArgumentParser
import Foundation
import Testing
import TrackerSandbox

@testable import ATSCommands

/// Downloads named by a hostile server land inside the target folder, whatever the name, and never
/// through a link the folder already holds.
extension SecretsAndTrust {
    @Suite struct HostileFileNameTests {
        /// Pieces hostile names are made of: separators of both systems, dot runs, NUL and other
        /// controls, look-alikes of "." and "/", combining marks that glue onto a separator, bidi
        /// overrides, and very long runs.
        static let pieces: [String] = [
            "..", ".", "/", "\\", "\u{0}", "\n", "\r", "\u{7F}", " ", "etc", "passwd", "x", "report.pdf",
            "\u{2024}", "\u{FF0E}", "\u{2215}", "\u{2044}", "\u{FF0F}", "\u{29F8}", "\u{FE52}", "\u{202E}",
            "\u{200B}", "\u{301}", "/\u{301}", "../\u{301}", "%2e%2e%2f", "~", "$HOME", "C:", "CON", "😀",
            String(repeating: "a", count: 300), String(repeating: "é", count: 150),
            "a" + String(repeating: "\u{301}", count: 400), ".pdf", "\u{0}.pdf",
        ]

        static let fixed: [String] = [
            "../x", "../../x", "/etc/passwd", "..\\x", "..\\..\\Windows\\win.ini", ".", "..", "", "\u{0}",
            "a\u{0}b", String(repeating: "n", count: 10_000), "\u{FF0E}\u{FF0E}\u{FF0F}x", "passwd", "passwd",
            "report.pdf", "report.pdf", " .. ", ". . x", "../\u{301}escaped", "x/\u{301}..", ".bashrc",
            "a" + String(repeating: "\u{301}", count: 5_000) + ".pdf",
        ]

        static func generatedNames(count: Int, seed: UInt64) -> [String] {
            var generator = SeededGenerator(seed: seed)
            return (0..<count).map { _ in
                (0..<Int.random(in: 1...8, using: &generator)).map { _ in
                    pieces[Int.random(in: 0..<pieces.count, using: &generator)]
                }.joined()
            }
        }

        /// A scratch root holding the target folder and an "outside" folder with a file that
        /// must stay as it is; the target holds links that point outside.
        struct Scratch {
            let root: URL
            let target: URL
            let outside: URL
            let precious: URL

            init() throws {
                root = FileManager.default.temporaryDirectory.appendingPathComponent("ats-hostile-\(UUID().uuidString)")
                target = root.appendingPathComponent("target")
                outside = root.appendingPathComponent("outside")
                precious = outside.appendingPathComponent("passwd")
                try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
                try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
                try Data("precious".utf8).write(to: precious)
                try FileManager.default.createSymbolicLink(
                    at: target.appendingPathComponent("passwd"), withDestinationURL: precious)
                try FileManager.default.createSymbolicLink(
                    at: target.appendingPathComponent("report.pdf"), withDestinationURL: precious)
                try FileManager.default.createSymbolicLink(
                    at: target.appendingPathComponent("x"), withDestinationURL: outside)
            }

            /// Nothing was written outside the target folder, and the links still point where they did.
            func expectNothingOutside(sourceLocation: SourceLocation = #_sourceLocation) throws {
                let rootEntries = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
                #expect(rootEntries == ["outside", "target"], sourceLocation: sourceLocation)
                #expect(
                    try FileManager.default.contentsOfDirectory(atPath: outside.path) == ["passwd"],
                    sourceLocation: sourceLocation)
                #expect(try String(contentsOf: precious, encoding: .utf8) == "precious", sourceLocation: sourceLocation)
                let escapes = rootEntries == ["outside", "target"] ? 0 : 1
                TrustFigures.shared.add { $0.escapes += escapes }
            }

            /// A saved file is a regular file directly inside the target folder.
            func expectInside(_ url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
                let parent = url.deletingLastPathComponent().resolvingSymlinksInPath().path
                #expect(parent == target.resolvingSymlinksInPath().path, sourceLocation: sourceLocation)
                let type = try FileManager.default.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType
                #expect(
                    type == .typeRegular, "\(url.lastPathComponent) is a \(String(describing: type))",
                    sourceLocation: sourceLocation)
                let name = url.lastPathComponent
                #expect(
                    !name.hasPrefix(".") && !name.contains("/") && name.utf8.count <= 255,
                    sourceLocation: sourceLocation)
                if parent != target.resolvingSymlinksInPath().path { TrustFigures.shared.add { $0.escapes += 1 } }
            }
        }

        static func download(_ name: String, id: String, content: String) -> ATSFileDownload {
            let attachment = Attachment(
                id: AttachmentID(rawValue: id), applicationID: "1", filename: name, kind: .attachment)
            let body = AsyncStream<Data> { continuation in
                continuation.yield(Data(content.utf8))
                continuation.finish()
            }
            return ATSFileDownload(attachment: attachment, contentType: nil, contentLength: nil, body: ATSStream(body))
        }

        /// The property: for every generated or listed hostile name (and hostile file ids, which
        /// the fallback name is made of), the file is saved, inside the folder, with its content.
        @Test func noGeneratedNameWritesOutsideTheFolder() async throws {
            let scratch = try Scratch()
            defer { try? FileManager.default.removeItem(at: scratch.root) }
            let names = Self.fixed + Self.generatedNames(count: 600, seed: 0xF11E)
            let ids = ["7", "../../x", "/", "..", "\u{0}", "a/\u{301}b"]
            var saved: Set<String> = []
            for (index, name) in names.enumerated() {
                let content = "content \(index)"
                let file = try await SafeFileWriter.save(
                    Self.download(name, id: ids[index % ids.count], content: content), into: scratch.target)
                try scratch.expectInside(file.url)
                #expect(try String(contentsOf: file.url, encoding: .utf8) == content, "name #\(index)")
                #expect(saved.insert(file.url.lastPathComponent).inserted, "name #\(index) overwrote another")
            }
            try scratch.expectNothingOutside()
            TrustFigures.shared.add { $0.hostileNamesTried += names.count }
        }

        @Test func reducedNamesAreSingleHarmlessComponents() {
            #expect(SafeFileWriter.safeName("../\u{301}escaped", fallback: "f") == "\u{301}escaped")
            #expect(SafeFileWriter.safeName("x/\u{301}..", fallback: "f") == "\u{301}..")
            #expect(SafeFileWriter.safeName(". . x", fallback: "f") == "x")
            #expect(SafeFileWriter.safeName("..", fallback: "file-../../x") == "x")
            #expect(SafeFileWriter.safeName("", fallback: "/") == "file")
            let glued = SafeFileWriter.safeName(
                "a" + String(repeating: "\u{301}", count: 5_000) + ".pdf", fallback: "f")
            #expect(glued.utf8.count <= 200 && glued.hasSuffix(".pdf") && !glued.hasPrefix("."))
            TrustFigures.shared.add { $0.hostileNamesTried += 6 }
        }

        /// End to end: a server whose file names are hostile, and `ats files download` saving all of
        /// an application's files into a folder that already holds links pointing outside.
        @Test func filesDownloadAgainstAHostileServerStaysInside() async throws {
            let scratch = try Scratch()
            defer { try? FileManager.default.removeItem(at: scratch.root) }
            let names = Self.fixed + Self.generatedNames(count: 40, seed: 0xD0D0)
            try await withTrackerSandbox(SandboxConfiguration(seed: 3, jobCount: 1, applicationCount: 2)) { sandbox in
                let before = sandbox.control.files().filter { $0.applicationID == 2 }.count
                for (index, name) in names.enumerated() {
                    try #require(
                        sandbox.control.storeFileWithUncheckedName(
                            applicationID: 2, filename: name, content: Array("file \(index)".utf8)) != nil)
                }
                let command = try #require(
                    try ATSCommand.parseAsRoot([
                        "files", "download", "--application", "2", "--output-dir", scratch.target.path, "--json",
                        "--base-url", sandbox.baseURL, "--api-key", sandbox.apiKey, "--api-password",
                        sandbox.apiPassword,
                    ]) as? FilesDownloadCommand)
                let printed = CollectedLines()
                try await command.connection.withClient(environment: [:]) { client in
                    try await command.execute(client, output: printed.output)
                }
                #expect(printed.lines.count == names.count + before)
                for line in printed.lines {
                    let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                    let path = try #require(object["path"] as? String)
                    try scratch.expectInside(URL(fileURLWithPath: path))
                    let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
                    #expect(size == object["bytes"] as? Int)
                }
            }
            try scratch.expectNothingOutside()
            TrustFigures.shared.add { $0.hostileNamesTried += names.count }
        }
    }
}
