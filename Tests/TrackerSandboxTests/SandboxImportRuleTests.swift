import Foundation
import Testing

/// The sandboxes' independence, checked on the source tree: a module `Sources/<Name>Sandbox`
/// imports no other module of this package (no wire library, client, sync or text module), so that
/// it writes and reads its JSON itself and a client and its sandbox cannot agree on a mistake.
/// Every `*Sandbox` directory is covered, present and future (docs/ARCHITECTURE.md).
@Suite struct SandboxImportRuleTests {
    /// The package's root, from this file's place in it (Tests/TrackerSandboxTests/…).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The modules of this package: the directories of Sources/.
    static func packageModules() throws -> Set<String> {
        let sources = root.appendingPathComponent("Sources")
        let names = try FileManager.default.contentsOfDirectory(atPath: sources.path)
        return Set(
            names.filter { name in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(
                    atPath: sources.appendingPathComponent(name).path, isDirectory: &isFolder) && isFolder.boolValue
            })
    }

    /// The modules a Swift file imports, with their line numbers: `import X`, `@testable import X`,
    /// `public import X`, `import struct X.Y`, `@_exported import X` and the like.
    static func imports(in text: String) -> [(line: Int, module: String)] {
        var found: [(Int, String)] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let code = raw.range(of: "//").map { String(raw[..<$0.lowerBound]) } ?? String(raw)
            let words = code.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let keyword = words.firstIndex(of: "import") else { continue }
            let attributesAndModifiers = words[..<keyword]
            let allowed: Set<String> = ["public", "internal", "package", "private", "fileprivate"]
            guard attributesAndModifiers.allSatisfy({ $0.hasPrefix("@") || allowed.contains($0) }) else { continue }
            var rest = words[(keyword + 1)...]
            let kinds: Set<String> = [
                "struct", "class", "enum", "protocol", "func", "var", "let", "typealias", "actor",
            ]
            if let first = rest.first, kinds.contains(first) { rest = rest.dropFirst() }
            guard let path = rest.first else { continue }
            found.append((index + 1, String(path.split(separator: ".").first ?? Substring(path))))
        }
        return found
    }

    /// "file:line imports Module" for each import of another module of this package under `folder`.
    static func violations(in folder: URL, own: String, packageModules: Set<String>) throws -> [String] {
        var found: [String] = []
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return ["\(folder.path) cannot be read"]
        }
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (line, module) in imports(in: text) where module != own && packageModules.contains(module) {
                let relative = file.path.replacingOccurrences(of: root.path + "/", with: "")
                found.append("\(relative):\(line) imports \(module)")
            }
        }
        return found
    }

    @Test func noSandboxImportsAnotherModuleOfThePackage() throws {
        let modules = try Self.packageModules()
        let sandboxes = modules.filter { $0.hasSuffix("Sandbox") }.sorted()
        #expect(sandboxes.contains("TrackerSandbox"), "found the sandboxes under \(Self.root.path)/Sources")
        for sandbox in sandboxes {
            let folder = Self.root.appendingPathComponent("Sources").appendingPathComponent(sandbox)
            let violations = try Self.violations(in: folder, own: sandbox, packageModules: modules)
            #expect(
                violations.isEmpty,
                """
                \(sandbox) must not import other ATSKit modules (it writes its JSON itself, so that a client and \
                its sandbox cannot agree on a mistake; see docs/ARCHITECTURE.md): \(violations.joined(separator: "; "))
                """)
        }
    }

    @Test func theImportReaderSeesEverySpellingOfAnImport() {
        let text = """
            import Foundation
            @testable import TrackerAPI
            public import struct TrackerATS.TrackerATSClient
            internal import ATSSync  // a comment
            @_exported import ATSCore
            // import ATSText (a comment, not an import)
            let important = "import TrackerSync"
            """
        #expect(
            Self.imports(in: text).map(\.module) == ["Foundation", "TrackerAPI", "TrackerATS", "ATSSync", "ATSCore"])
        #expect(Self.imports(in: text).map(\.line) == [1, 2, 3, 4, 5])
    }

    @Test func aSandboxThatImportsAClientModuleIsCaught() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ExampleSandbox-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "internal import Hummingbird\nimport TrackerAPI\n".write(
            to: folder.appendingPathComponent("Server.swift"), atomically: true, encoding: .utf8)
        let found = try Self.violations(
            in: folder, own: "ExampleSandbox", packageModules: ["TrackerAPI", "ExampleSandbox"])
        #expect(found.count == 1)
        #expect(found.first?.hasSuffix("Server.swift:2 imports TrackerAPI") == true, "\(found)")
    }
}
