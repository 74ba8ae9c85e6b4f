import ATSTestSupport
import ArgumentParser
import Foundation
import InMemoryLogging
import Logging
import Testing

@testable import ATSCommands

/// The secrets of the suite: values that cannot appear by accident, so that any trace of them in
/// a log, a message or a file is a leak.
enum Secrets {
    static let apiKey = "key-7f3a"
    static let apiPassword = "Zq9-s3cr3t-Pa55-wörd"
    static let databasePassword = "Pg7-v4ult-Kx2q~"
    static let scanner = SecretScanner(
        secrets: [
            ("the API password", apiPassword, "s3cr3t-Pa55"), ("the database password", databasePassword, "v4ult-Kx2q"),
        ],
        basicUser: apiKey)

    /// The API password as it goes into a URL's user-info part.
    static var apiPasswordInURL: String {
        apiPassword.addingPercentEncoding(withAllowedCharacters: .urlPasswordAllowed) ?? ""
    }
}

/// What one command run left behind: its output, its logs, and its error message.
struct CommandTrace {
    var lines: [String] = []
    var logEntries: [InMemoryLogHandler.Entry] = []
    var failure: String?

    var logText: String {
        logEntries.map { entry in
            "\(entry.level) \(entry.message) \(entry.metadata) \(entry.error.map { "\($0)" } ?? "")"
        }.joined(separator: "\n")
    }

    /// Scans everything the run produced.
    func scan(_ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        Secrets.scanner.scan(logText, "the logs of \(what)", sourceLocation: sourceLocation)
        Secrets.scanner.scan(lines.joined(separator: "\n"), "the output of \(what)", sourceLocation: sourceLocation)
        if let failure { Secrets.scanner.scan(failure, "the error of \(what)", sourceLocation: sourceLocation) }
    }
}

/// Runs an `ats` command line in-process with its logs captured (at the level its `--log-level`
/// names) and its failure turned into the paragraph a person would read.
func runCommand(_ arguments: [String], environment: [String: String] = [:]) async -> CommandTrace {
    let handler = InMemoryLogHandler()
    let collected = CollectedLines()
    var trace = CommandTrace()
    do {
        let parsed = try ATSCommand.parseAsRoot(arguments)
        try await CommandLogging.$handlerFactory.withValue({ _ in handler }) {
            switch parsed {
            case let sync as SyncCommand:
                try await sync.execute(environment: environment, output: collected.output)
            case let command as any ClientCommand:
                try command.checkBeforeConnecting()
                try await command.connection.withClient(environment: environment) { client in
                    try await command.execute(client, output: collected.output)
                }
            case let command as any TrackerClientCommand:
                try command.checkBeforeConnecting()
                try await command.connection.withClient(environment: environment) { client in
                    try await command.execute(client, output: collected.output)
                }
            default:
                Issue.record("not a command this helper runs: \(arguments.first ?? "")")
            }
        }
    } catch {
        trace.failure = CommandFailure.explaining(error).message
    }
    trace.lines = collected.lines
    trace.logEntries = handler.entries
    return trace
}

/// A scratch folder removed at the end.
func withScratchFolder<Result>(_ body: (URL) async throws -> Result) async throws -> Result {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ats-trust-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try await body(folder)
}

/// Runs a program to its end, with a deadline; returns its status.
@discardableResult
func runProgram(_ path: String, _ arguments: [String], standardOutput: URL? = nil) async throws -> Int32 {
    var output: FileHandle?
    if let standardOutput {
        _ = FileManager.default.createFile(atPath: standardOutput.path, contents: nil)
        output = try FileHandle(forWritingTo: standardOutput)
    }
    defer { try? output?.close() }
    return try await ChildProcess.run(URL(fileURLWithPath: path), arguments, standardOutput: output)
}
