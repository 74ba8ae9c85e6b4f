import ArgumentParser
import Foundation
import Synchronization
import Testing

@testable import ATSCommands

/// Every `--json` output speaks one key style, the records' snake_case (issue 14 point 10).
extension CommandLineBadInputTests {
    /// Members whose keys are data (custom-field names, action data, stage names), not the output's own.
    static let dataMembers: Set<String> = ["custom_fields", "data", "application_counts_by_stage"]

    /// Every key of `value` that is not snake_case, with its path.
    static func nonSnakeKeys(_ value: Any, path: String = "") -> [String] {
        if let object = value as? [String: Any] {
            return object.flatMap { key, member -> [String] in
                let here = path.isEmpty ? key : path + "." + key
                let bad = key.range(of: #"^[a-z][a-z0-9_]*$"#, options: .regularExpression) == nil ? [here] : []
                return bad + (dataMembers.contains(key) ? [] : nonSnakeKeys(member, path: here))
            }
        }
        if let array = value as? [Any] { return array.flatMap { nonSnakeKeys($0, path: path + "[]") } }
        return []
    }

    @Test func everyJSONOutputUsesSnakeCaseKeys() async throws {
        let scratch = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let printed = Mutex<[String]>([])
        let printsJSON: (CommandMatrix.Leaf) -> Bool = { leaf in
            (try? ATSCommand.parseAsRoot(leaf.path + ["--json"])) != nil
                || (try? ATSCommand.parseAsRoot(leaf.path + leaf.arguments + ["--json"])) != nil
        }
        try await Self.forEachLeaf(where: printsJSON) { leaf in
            var arguments = try Self.arguments(leaf, scratch: scratch) + ["--json"]
            if leaf.usesServer { arguments += ["--sandbox"] }
            if leaf.usesDatabase {
                arguments += ["--database", scratch.appendingPathComponent("\(UUID().uuidString).sqlite").path]
            }
            let outcome = try await CommandProcess.run(arguments)
            guard outcome.status == 0 else { return }
            var bad: [String] = []
            for line in outcome.standardOutput.split(separator: "\n") where line.hasPrefix("{") {
                let value = try JSONSerialization.jsonObject(with: Data(line.utf8))
                bad += Self.nonSnakeKeys(value)
            }
            printed.withLock { $0.append(leaf.path.joined(separator: " ")) }
            Self.expectCase(
                "\(leaf.path.joined(separator: " ")) --json: key style", outcome,
                [(bad.isEmpty, "keys are snake_case, not \(Set(bad).sorted())")])
        }
        let commands = printed.withLock { $0 }
        #expect(commands.count >= 15, "only these printed JSON: \(commands.sorted())")
        #expect(commands.contains("sync") && commands.contains("coverage"))
    }
}
