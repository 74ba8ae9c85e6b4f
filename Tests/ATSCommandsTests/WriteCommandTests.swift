import ATSCore
import ArgumentParser
import Foundation
import Synchronization
import Testing
import TrackerAPI
import TrackerATS

@testable import ATSCommands

private func parse<Command: ParsableCommand>(_ arguments: [String], as type: Command.Type) throws -> Command {
    try #require(try ATSCommand.parseAsRoot(arguments) as? Command)
}

private func object(_ line: String?) throws -> [String: Any] {
    let text = try #require(line)
    return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

/// Runs commands one after the other against one embedded sandbox (`--sandbox` on the first).
private func withSandboxClient(_ body: (TrackerATSClient) async throws -> Void) async throws {
    let connection = try parse(["jobs", "list", "--sandbox"], as: JobsListCommand.self).connection
    try await connection.withClient(environment: [:], body)
}

private func run(_ command: some ClientCommand, _ client: TrackerATSClient) async throws -> [String] {
    let captured = CapturedOutput()
    try await command.execute(client, output: captured.output)
    return captured.lines
}

private func run(_ command: some TrackerClientCommand, _ client: TrackerATSClient) async throws -> [String] {
    let captured = CapturedOutput()
    try await command.execute(client, output: captured.output)
    return captured.lines
}

@Suite struct WriteCommandTests {
    @Test func hireAndUnhirePrintWhatHappened() async throws {
        try await withSandboxClient { client in
            let hired = try object(
                try await run(
                    try parse(
                        [
                            "applications", "hire", "3", "--hire-date", "2026-11-30", "--start-date", "2027-01-04",
                            "--json",
                        ],
                        as: ApplicationsHireCommand.self),
                    client
                ).first)
            #expect(hired["hired"] as? Bool == true)
            #expect(hired["start_date"] as? String == "2027-01-04")
            #expect(hired["state"] as? String == "verified")
            #expect(hired["hired_at"] is String)
            let shown = try object(
                try await run(
                    try parse(["applications", "get", "3", "--json"], as: ApplicationsGetCommand.self), client
                )
                .first)
            #expect(shown["start_date"] as? String == "2027-01-04")
            #expect(shown["hired_at"] as? String == hired["hired_at"] as? String)
            let unhired = try await run(
                try parse(["applications", "unhire", "3"], as: ApplicationsUnhireCommand.self), client)
            #expect(unhired.first?.contains("Application 3 no longer marked as hired (run and verified") == true)
            let badDate = try parse(
                ["applications", "hire", "3", "--start-date", "tomorrow"], as: ApplicationsHireCommand.self)
            let failure = try #require(throws: CommandFailure.self) { try badDate.checkBeforeConnecting() }
            #expect(failure.message.contains("--start-date 'tomorrow' is not a date"))
        }
    }

    @Test func moveRejectAndCreatePrintWhatHappened() async throws {
        try await withSandboxClient { client in
            let moved = try await run(
                try parse(["applications", "move", "1", "Interview", "--json"], as: ApplicationsMoveCommand.self),
                client)
            let move = try object(moved.first)
            #expect(move["stage"] as? String == "Interview")
            #expect(move["state"] as? String == "verified")
            #expect(move["action_id"] is String)

            let blocked = try parse(
                ["applications", "move", "1", "Offer", "--only-from", "Screening"], as: ApplicationsMoveCommand.self)
            let conflict = try await #require(throws: ATSError.self) { try await run(blocked, client) }
            #expect(CommandFailure.explaining(conflict).message.contains("nothing was sent"))

            let rejected = try await run(
                try parse(
                    ["applications", "reject", "2", "--reason", "Filled", "--archive"],
                    as: ApplicationsRejectCommand.self),
                client)
            #expect(rejected.first?.contains("rejected ('Not Selected', archived; run and verified)") == true)
            #expect(rejected.first?.contains("Reason: kept as note") == true)

            let create = try parse(
                [
                    "applications", "create", "--job", "2", "--first-name", "Ada", "--last-name", "Lovelace", "--email",
                    "ada@example.org", "--field", "years_experience=9", "--json",
                ],
                as: ApplicationsCreateCommand.self)
            let first = try object(try await run(create, client).first)
            #expect(first["created"] as? Bool == true)
            let second = try object(try await run(create, client).first)
            #expect(second["created"] as? Bool == false)
            let firstID = (first["application"] as? [String: Any])?["id"] as? String
            #expect(firstID != nil && firstID == (second["application"] as? [String: Any])?["id"] as? String)
        }
    }

    @Test func bulkRejectReadsAFileReportsEachApplicationAndResumesFromItsJournal() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bulk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ids = folder.appendingPathComponent("ids.csv")
        try "application_id\n# the shortlist\n10\n11, 12\n\n13 999999\n".write(
            to: ids, atomically: true, encoding: .utf8)
        let journal = folder.appendingPathComponent("journal.jsonl").path
        let arguments = ["applications", "bulk-reject", "--file", ids.path, "--journal", journal, "--json"]
        try await withSandboxClient { client in
            let lines = try await run(try parse(arguments, as: ApplicationsBulkRejectCommand.self), client)
            let items = try lines.map(object)
            #expect(items.map { $0["application_id"] as? String } == ["10", "11", "12", "13", "999999"])
            #expect(items.last?["outcome"] as? String == "not_found")
            #expect(
                items.dropLast().allSatisfy { ["rejected", "already_rejected"].contains($0["outcome"] as? String) })
            #expect(items.allSatisfy { $0["from_journal"] as? Bool == false })

            let again = try await run(try parse(arguments, as: ApplicationsBulkRejectCommand.self), client).map(object)
            #expect(again.allSatisfy { $0["from_journal"] as? Bool == true })
            let table = try await run(
                try parse(
                    ["applications", "bulk-reject", "10", "--journal", journal], as: ApplicationsBulkRejectCommand.self),
                client)
            #expect(table.last == "Rejected 1, already rejected 0, not found 0, failed 0.")
        }
        #expect(try String(contentsOfFile: journal, encoding: .utf8).contains(#""step":"settled""#))
    }

    @Test func bulkRejectIdsComeFromArgumentsFilesOrStandardInput() throws {
        let piped = try BulkRejectInput.ids(
            arguments: [], file: nil, standardInput: .of(["4", "5,6", "# done"]), standardInputIsTerminal: false)
        #expect(piped == ["4", "5", "6"])
        let dash = try BulkRejectInput.ids(
            arguments: ["1"], file: "-", standardInput: .of(["2"]), standardInputIsTerminal: true)
        #expect(dash == ["1", "2"])
        let bad = try #require(throws: CommandFailure.self) {
            try BulkRejectInput.ids(
                arguments: [], file: nil, standardInput: .of(["7", "Jane Doe"]), standardInputIsTerminal: false)
        }
        #expect(bad.message.contains("'Jane' in standard input, line 2 is not an application id"))
        let none = try #require(throws: CommandFailure.self) {
            try BulkRejectInput.ids(arguments: [], file: nil, standardInput: .of([]), standardInputIsTerminal: true)
        }
        #expect(none.exitCode == ExitCode.validationFailure.rawValue)
    }

    @Test func progressIsOneLiveLineOnATerminalAndPlainLinesOtherwise() {
        let written = Mutex<[String]>([])
        let plain = BulkRejectProgressDisplay(isTerminal: false) { text in written.withLock { $0.append(text) } }
        for settled in 0...20 {
            plain.update(BulkRejectionProgress(phase: .confirming, total: 20, settled: settled, sent: 20, failed: 0))
        }
        let lines = written.withLock { $0 }
        #expect(lines.count == 11)
        #expect(lines.allSatisfy { $0.hasSuffix("\n") && !$0.contains("\r") })

        written.withLock { $0 = [] }
        let terminal = BulkRejectProgressDisplay(isTerminal: true) { text in written.withLock { $0.append(text) } }
        terminal.update(BulkRejectionProgress(phase: .rejecting, total: 3, settled: 0, sent: 1, failed: 0))
        terminal.update(BulkRejectionProgress(phase: .finished, total: 3, settled: 3, sent: 3, failed: 0))
        let updates = written.withLock { $0 }
        #expect(updates.first?.hasPrefix("\r\u{1B}[K") == true)
        #expect(updates.last?.hasSuffix("3/3 settled, 3 sent, 0 failed\n") == true)
    }

    @Test func notesFilesAndCustomFields() async throws {
        let cv = FileManager.default.temporaryDirectory.appendingPathComponent("cv-\(UUID().uuidString).pdf")
        try Data("%PDF-1.4\n%%EOF\n".utf8).write(to: cv)
        defer { try? FileManager.default.removeItem(at: cv) }
        try await withSandboxClient { client in
            let note = try object(
                try await run(
                    try parse(
                        [
                            "notes", "add", "--application", "4", "--format", "markdown",
                            "**Call** [back](https://x.io)", "--json",
                        ],
                        as: NotesAddCommand.self), client
                ).first)
            #expect(note["body"] as? String == "Call back (https://x.io)")

            let uploaded = try object(
                try await run(
                    try parse(
                        ["files", "upload", "--application", "4", cv.path, "--kind", "resume", "--json"],
                        as: FilesUploadCommand.self),
                    client
                ).first)
            let fileID = try #require(uploaded["id"] as? String)
            #expect(uploaded["kind"] as? String == "resume")
            let deleted = try await run(try parse(["files", "delete", fileID], as: FilesDeleteCommand.self), client)
            #expect(deleted == ["Deleted file \(fileID)."])

            let set = try await run(
                try parse(
                    ["custom-fields", "set", "--application", "4", "years_experience=6", "referral_name="],
                    as: CustomFieldsSetCommand.self),
                client)
            #expect(set.sorted() == ["referral_name = (cleared)", "years_experience = 6"])
            let invalid = try parse(
                ["custom-fields", "--application", "4", "set", "willing_to_relocate=maybe"],
                as: CustomFieldsSetCommand.self)
            let error = try await #require(throws: ATSError.self) { try await run(invalid, client) }
            #expect(error.message.contains("'willing_to_relocate' takes true or false, not 'maybe'"))
        }
    }

    @Test func actionsAndTriggers() async throws {
        try await withSandboxClient { client in
            let types = try await run(try parse(["actions", "types", "--json"], as: ActionsTypesCommand.self), client)
            #expect(try types.map(object).contains { $0["type"] as? String == "set_app_status" })

            let ran = try object(
                try await run(
                    try parse(
                        ["actions", "run", "TagApp", "app_id=5", "tag_text=vip", "--wait", "--json"],
                        as: ActionsRunCommand.self),
                    client
                ).first)
            #expect(ran["state"] as? String == "executed")
            let id = try #require(ran["id"] as? String)
            let shown = try await run(try parse(["actions", "show", id], as: ActionsShowCommand.self), client)
            #expect(shown.contains("state:    executed"))
            let waited = try await run(try parse(["actions", "wait", id], as: ActionsWaitCommand.self), client)
            #expect(waited == ["Action \(id): executed"])

            let invalid = try parse(["actions", "run", "tag_app", "app_id=five"], as: ActionsRunCommand.self)
            let error = try await #require(throws: ATSError.self) { try await run(invalid, client) }
            #expect(error.message.contains("'app_id' must be integer, not a string; missing 'tag_text' (string)"))

            let created = try object(
                try await run(
                    try parse(
                        [
                            "triggers", "create", "--event", "app_status_updated", "--action", "tag_app",
                            "tag_text=hired",
                            "--when", "status=Hired", "--when", "job.title~Engineer", "--json",
                        ],
                        as: TriggersCreateCommand.self), client
                ).first)
            let conditions = try #require(created["conditions"] as? [String: Any])
            #expect(((conditions["if"] as? [String: Any])?["and"] as? [Any])?.count == 2)
            let triggerID = try #require(created["id"] as? String)
            let listed = try await run(try parse(["triggers", "list", "--json"], as: TriggersListCommand.self), client)
            #expect(try listed.map { try object($0)["id"] as? String } == [triggerID])
            _ = try await run(try parse(["triggers", "delete", triggerID], as: TriggersDeleteCommand.self), client)
            #expect(try await client.triggers().isEmpty)
        }
    }

    @Test func badInvocationsAreExplainedBeforeConnecting() throws {
        let checks: [([String], String)] = [
            (["applications", "move", "1", "Offer", "--timeout", "0"], "--timeout"),
            (["applications", "create", "--job", "1", "--candidate", "tc_1", "--email", "a@b.c"], "not both"),
            (["applications", "create", "--job", "1", "--email", "a@b.c"], "--first-name"),
            (["notes", "add", "--application", "1"], "text"),
            (["notes", "add", "--application", "1", "--all-applications", "x"], "--candidate only"),
            (["custom-fields", "set", "--application", "1"], "name=value"),
            (["custom-fields", "set", "--application", "1", "--job", "2", "a=1"], "exactly one"),
            (["actions", "run", "tag_app", "app_id"], "name=value"),
            (["triggers", "create", "--event", "e", "--action", "a", "--when", "status"], "not a condition"),
            (["applications", "bulk-reject", "1", "--concurrency", "0"], "--concurrency"),
            (["files", "upload", "--application", "1", "/no/such/file.pdf"], "Cannot read"),
        ]
        for (arguments, expected) in checks {
            let parsed = try ATSCommand.parseAsRoot(arguments)
            let check: () throws -> Void
            if let command = parsed as? any ClientCommand {
                check = command.checkBeforeConnecting
            } else {
                check = try #require(parsed as? any TrackerClientCommand).checkBeforeConnecting
            }
            let failure = try #require(throws: CommandFailure.self) { try check() }
            #expect(failure.message.contains(expected), "\(arguments): \(failure.message)")
            #expect(failure.exitCode == ExitCode.validationFailure.rawValue)
        }
    }
}
