import ATSTestSupport
import Foundation
import Testing

/// Runs the built `ats` executable as a person would, and collects what it printed and how it exited.
enum CommandProcess {
    struct Outcome: CustomStringConvertible {
        var arguments: [String]
        var status: Int32
        var standardOutput: String
        var standardError: String
        var seconds: Double

        var description: String {
            "`ats \(arguments.joined(separator: " "))` exited \(status) after \(String(format: "%.1f", seconds)) s; "
                + "stderr: \(standardError.prefix(600))"
        }
    }

    /// The `ats` executable beside the test bundle (`swift build --build-tests` builds both).
    static var executable: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return bundle.appendingPathComponent("ats")
    }

    /// Runs `ats` with `arguments` and an environment of only `environment` (plus `PATH`), so that
    /// the developer's own `TRACKER_*` variables cannot change the outcome. A run that has not
    /// ended after `limit` is killed and the call throws ``DeadlineExceeded`` naming the command,
    /// so a hang fails the test instead of stalling it.
    ///
    /// Unattended commands (`sync`, `bulk-reject`) give a failing request 2 attempts here
    /// (`ATS_RETRY_ATTEMPTS`) rather than their patient 10, so that a case against a server that
    /// always fails ends in seconds; a caller that needs the patience passes its own value.
    static func run(
        _ arguments: [String],
        environment: [String: String] = [:],
        input: Data? = nil,
        workingDirectory: URL? = nil,
        limit: Duration = .seconds(120)
    ) async throws -> Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ats-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("out")
        let errURL = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }

        var standardInput: FileHandle?
        if let input {
            let inURL = folder.appendingPathComponent("in")
            try input.write(to: inURL)
            standardInput = try FileHandle(forReadingFrom: inURL)
        }
        let start = ContinuousClock.now
        let child = try ChildProcess(
            executable, arguments,
            environment: environment.merging(
                [
                    "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": folder.path,
                    "ATS_RETRY_ATTEMPTS": "2",
                ],
                uniquingKeysWith: { mine, _ in mine }),
            currentDirectory: workingDirectory ?? folder, standardInput: standardInput, standardOutput: out,
            standardError: err)
        let status = try await child.exit(within: limit)
        let elapsed = ContinuousClock.now - start
        return Outcome(
            arguments: arguments,
            status: status,
            standardOutput: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "",
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        )
    }
}
