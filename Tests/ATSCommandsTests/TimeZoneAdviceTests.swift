import ArgumentParser
import Foundation
import Testing
import TrackerATS
import TrackerSandbox

@testable import ATSCommands

/// `jobs get --json` against an account that answers in naive local time far from UTC: without a
/// time zone no instant is printed (never one that is hours off) and the command says how to set
/// it; with `--timezone` the printed instant is the account's own.
@Suite struct TimeZoneAdviceTests {
    @Test(arguments: ["America/Adak", "Pacific/Kiritimati"])
    func aNaiveAccountWithoutAZonePrintsNoInstantAndSaysHowToSetIt(zone: String) async throws {
        var configuration = SandboxConfiguration(seed: 3, jobCount: 3, applicationCount: 5)
        configuration.behavior.timeZone = try #require(TimeZone(identifier: zone))
        configuration.behavior.timestampMode = .naiveLocal
        try await withTrackerSandbox(configuration) { sandbox in
            let job = try #require(sandbox.control.jobs().first)
            let base = [
                "jobs", "get", String(job.id), "--json", "--base-url", sandbox.baseURL, "--api-key", sandbox.apiKey,
                "--api-password", sandbox.apiPassword,
            ]

            let (unzoned, note) = try await Self.run(base)
            #expect(unzoned["updated_at"] == nil, "no instant without a zone: \(unzoned)")
            #expect(unzoned["created_at"] == nil)
            #expect(unzoned["title"] as? String == job.title)
            let advice = try #require(note)
            for setting in ["--timezone", "TRACKER_TIMEZONE", "timezone", "settings in Tracker"] {
                #expect(advice.contains(setting), "\(setting)")
            }

            let (zoned, zonedNote) = try await Self.run(base + ["--timezone", zone])
            #expect(zonedNote == nil)
            let printed = try #require(zoned["updated_at"] as? String)
            let instant = try #require(try? Date(printed, strategy: .iso8601))
            #expect(instant == job.updatedAt)
        }
    }

    /// Runs a `jobs get` command line; its one JSON object and the time-zone note, if any.
    static func run(_ arguments: [String]) async throws -> ([String: Any], String?) {
        let command = try #require(try ATSCommand.parseAsRoot(arguments) as? JobsGetCommand)
        let configuration = try #require(try command.connection.resolve(environment: [:]).configuration)
        let output = CapturedOutput()
        var note: String?
        try await TrackerATSClient.withTrackerATSClient(api: configuration) { client in
            try await command.execute(client, output: output.output)
            note = TimeZoneAdvice.note(for: client)
        }
        let line = try #require(output.lines.first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        return (object, note)
    }
}
