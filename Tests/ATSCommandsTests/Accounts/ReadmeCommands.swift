import Foundation

/// The `ats` commands the README shows, read from README.md itself so that the harness follows it
/// when it changes.
struct ReadmeCommand: Sendable, CustomStringConvertible {
    /// The line as the README writes it (continuations joined).
    var line: String
    /// The words after `swift run ats`.
    var arguments: [String]
    /// What the README pipes into it (`seq 1 500 | …`).
    var input: Data?
    /// Why the harness does not run it, or `nil`.
    var skipReason: String?

    var description: String { "ats " + arguments.joined(separator: " ") }

    /// The first word after `ats`, and the second for commands with subcommands.
    var leaf: String { arguments.prefix(2).joined(separator: " ") }

    /// Whether the command has the flag.
    func has(_ flag: String) -> Bool { arguments.contains(flag) }
}

enum ReadmeCommands {
    /// README.md at the package root.
    static var readme: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")
    }

    /// Every `swift run ats` command in the README's shell blocks.
    static func all() throws -> [ReadmeCommand] {
        let text = try String(contentsOf: readme, encoding: .utf8)
        var commands: [ReadmeCommand] = []
        var inShell = false
        var pending = ""
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if line.hasPrefix("```") {
                inShell = !inShell && line.hasPrefix("```sh")
                pending = ""
                continue
            }
            guard inShell else { continue }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasSuffix("\\") {
                pending += trimmed.dropLast() + " "
                continue
            }
            let logical = pending + trimmed
            pending = ""
            if let command = parse(logical) { commands.append(command) }
        }
        return commands
    }

    /// The command in one logical shell line, or `nil` when the line does not run `ats`.
    static func parse(_ line: String) -> ReadmeCommand? {
        let words = shellWords(line)
        guard let start = words.indices.first(where: { words[$0...].starts(with: ["swift", "run", "ats"]) }) else {
            return nil
        }
        let before = Array(words[..<start])
        let arguments = Array(words[(start + 3)...].prefix { $0 != "|" && $0 != ">" })
        var input: Data?
        if before.count >= 4, before[0] == "seq", let first = Int(before[1]), let last = Int(before[2]) {
            input = Data((first...last).map { "\($0)\n" }.joined().utf8)
        }
        var command = ReadmeCommand(line: line, arguments: arguments, input: input)
        command.skipReason = skipReason(command, environmentPrefix: !before.isEmpty && input == nil)
        return command
    }

    private static func skipReason(_ command: ReadmeCommand, environmentPrefix: Bool) -> String? {
        if command.arguments.first == "demo" {
            return "starts its own sandbox, set up as the demo needs; DemoCommandTests runs it"
        }
        if command.arguments.first == "sandbox" { return "serves until stopped; the sandbox suites cover its API" }
        if command.arguments.first == "bridge" {
            return "reads the reader's bridge.json naming two accounts; BridgeProcessTests runs it on two sandboxes"
        }
        if command.has("--watch") { return "syncs until stopped (and names a PostgreSQL server of the reader's)" }
        if command.leaf == "webhooks listen" { return "listens until stopped; WebhookListenProcessTests runs it" }
        if command.arguments.first == "config" {
            return "reads the reader's own configuration file; ProfileTests runs config show against one"
        }
        if environmentPrefix { return "sets variables the harness cannot mirror" }
        if let index = command.arguments.firstIndex(of: "--provider"), index + 1 < command.arguments.count,
            command.arguments[index + 1] != "tracker"
        {
            return "another provider's account; TrackerRMSCommandTests and WorkableCommandTests run its commands"
        }
        return nil
    }

    /// Splits a shell line into words: quotes group, `#` starts a comment, `$VAR` stays as written.
    static func shellWords(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quote: Character?
        var inWord = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
                continue
            }
            switch character {
            case "\"", "'":
                quote = character
                inWord = true
            case " ", "\t":
                if inWord { words.append(word) }
                word = ""
                inWord = false
            case "#" where !inWord:
                return words
            default:
                word.append(character)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }
}
