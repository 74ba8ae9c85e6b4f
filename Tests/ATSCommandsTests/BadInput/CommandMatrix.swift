import ArgumentParser
import Foundation

@testable import ATSCommands

/// Every leaf command of `ats`, found in the ArgumentParser tree, with the arguments that make a
/// well-formed call of it: the bad-input matrix then breaks one thing at a time.
enum CommandMatrix {
    /// What one leaf needs and which cases apply to it.
    struct Leaf: Sendable {
        /// The words after `ats`, such as `["jobs", "list"]`.
        var path: [String]
        /// Arguments that make a well-formed call, apart from the connection flags. `{dir}` is a
        /// scratch folder and `{file}` a small file in it.
        var arguments: [String]
        /// An option given a value of the wrong kind, and the flag the message must name.
        var malformed: (arguments: [String], flag: String)?
        /// Whether it talks to a Tracker server given by --base-url (rather than an embedded sandbox or nothing).
        var usesServer = true
        /// Whether it writes a mirror given by --database.
        var usesDatabase = false
        /// Whether its request is a POST, whose lost answer is reported as "may or may not have acted".
        var posts = false
        /// A shortcoming found by this suite and not fixed yet: its server cases are known issues.
        var knownIssue: String?
    }

    /// The leaves the command tree has, as paths.
    static func leafPaths() -> [[String]] {
        func walk(_ command: any ParsableCommand.Type, _ path: [String]) -> [[String]] {
            let configuration = command.configuration
            let name = configuration.commandName ?? String(describing: command)
            let here = path + [name]
            let children = configuration.subcommands.flatMap { walk($0, here) }
            // A command with subcommands is a leaf too when it runs on its own (custom-fields).
            let runsItself = ownRun(command)
            return children.isEmpty || runsItself ? [here] + children : children
        }
        return ATSCommand.configuration.subcommands.flatMap { walk($0, []) }
    }

    /// Whether a command with subcommands has work of its own (ArgumentParser's default `run`
    /// prints help and fails; a command that defines one is a leaf to test).
    private static func ownRun(_ command: any ParsableCommand.Type) -> Bool {
        command == CustomFieldsCommand.self
    }

    /// The matrix's entry for every leaf; a leaf missing here fails `everyLeafIsInTheMatrix`.
    static let leaves: [String: Leaf] = {
        let all: [Leaf] = [
            Leaf(
                path: ["demo"], arguments: ["--applications", "100", "--quiet"],
                malformed: (["--applications", "lots"], "--applications"), usesServer: false, usesDatabase: true),
            Leaf(
                path: ["sync"], arguments: ["--quiet"], malformed: (["--page-size", "many"], "--page-size"),
                usesDatabase: true),
            Leaf(path: ["sandbox"], arguments: [], malformed: (["--port", "http"], "--port"), usesServer: false),
            Leaf(path: ["coverage"], arguments: [], malformed: nil, usesServer: false),
            Leaf(path: ["config", "show"], arguments: [], malformed: nil, usesServer: false),
            Leaf(path: ["config", "path"], arguments: [], malformed: nil, usesServer: false),
            // Reads its sides from a configuration file; BridgeConfigurationTests and the bridge's
            // process tests cover its input.
            Leaf(path: ["bridge"], arguments: ["--config", "{file}"], malformed: nil, usesServer: false),
            // Listens for Tracker's deliveries rather than calling it; the trust suite covers it.
            Leaf(
                path: ["webhooks", "listen"], arguments: ["--port", "0"], malformed: (["--port", "http"], "--port"),
                usesServer: false),
            Leaf(path: ["jobs", "list"], arguments: [], malformed: (["--limit", "ten"], "--limit")),
            Leaf(path: ["jobs", "get"], arguments: ["2"]),
            Leaf(path: ["jobs", "enhanced"], arguments: ["2"]),
            Leaf(path: ["applications", "list"], arguments: [], malformed: (["--limit", "-"], "--limit")),
            Leaf(path: ["applications", "get"], arguments: ["5"]),
            Leaf(
                path: ["applications", "move"], arguments: ["5", "Interview", "--known-stage", "Interview"],
                malformed: (["5", "Interview", "--timeout", "soon"], "--timeout")),
            Leaf(
                path: ["applications", "hire"], arguments: ["5", "--start-date", "2027-01-04"],
                malformed: (["5", "--timeout", "soon"], "--timeout"), posts: true),
            Leaf(
                path: ["applications", "unhire"], arguments: ["5"], malformed: (["5", "--timeout", "x"], "--timeout"),
                posts: true),
            Leaf(
                path: ["applications", "reject"], arguments: ["5"], malformed: (["5", "--timeout", "x"], "--timeout")),
            Leaf(
                path: ["applications", "bulk-reject"], arguments: ["5", "6"],
                malformed: (["5", "--concurrency", "many"], "--concurrency")),
            Leaf(
                path: ["applications", "create"],
                arguments: ["--job", "2", "--first-name", "Ada", "--last-name", "Byron", "--email", "ada@example.com"]),
            Leaf(path: ["stages", "list"], arguments: ["--known-stage", "Interview"]),
            Leaf(path: ["candidates", "list"], arguments: [], malformed: (["--limit", "1.5"], "--limit")),
            Leaf(path: ["candidates", "get"], arguments: ["tc_0000000000000000"]),
            Leaf(
                path: ["candidates", "find"], arguments: ["--email", "ada@example.com"],
                malformed: (["--email", "ada@example.com", "--limit", "all"], "--limit")),
            Leaf(path: ["candidates", "resume"], arguments: ["tc_0000000000000000", "--output-dir", "{dir}"]),
            Leaf(path: ["notes", "list"], arguments: ["--application", "5"]),
            Leaf(path: ["notes", "add"], arguments: ["--application", "5", "Called back."], posts: true),
            Leaf(path: ["files", "list"], arguments: ["--application", "5"]),
            Leaf(path: ["files", "download"], arguments: ["--application", "5", "--output-dir", "{dir}"]),
            Leaf(path: ["files", "upload"], arguments: ["--application", "5", "{file}"], posts: true),
            Leaf(path: ["files", "delete"], arguments: ["7"]),
            Leaf(path: ["custom-fields"], arguments: []),
            Leaf(path: ["custom-fields", "set"], arguments: ["--application", "5", "years_experience=7"]),
            Leaf(path: ["actions", "types"], arguments: []),
            Leaf(
                path: ["actions", "run"], arguments: ["tag_app", "app_id=1", "tag_text=x"],
                malformed: (["tag_app", "app_id=1", "--timeout", "later"], "--timeout")),
            Leaf(path: ["actions", "show"], arguments: ["1"]),
            Leaf(
                path: ["actions", "wait"], arguments: ["1", "--timeout", "2"],
                malformed: (["1", "--timeout", "never"], "--timeout")),
            Leaf(path: ["triggers", "list"], arguments: []),
            Leaf(
                path: ["triggers", "create"],
                arguments: ["--event", "applicant_new", "--action", "tag_app", "tag_text=x"]),
            Leaf(path: ["triggers", "delete"], arguments: ["1"]),
        ]
        return Dictionary(uniqueKeysWithValues: all.map { ($0.path.joined(separator: " "), $0) })
    }()
}
