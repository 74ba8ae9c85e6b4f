import ATSCore
import ArgumentParser
import Foundation
import TrackerATS

/// `ats applications hire ID`: marks an applicant as hired.
struct ApplicationsHireCommand: TrackerClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "hire",
        abstract: "Mark an applicant as hired, with an optional hire date and start date.",
        discussion: """
            Tracker runs it as a mark_as_hired workflow action, asynchronously: it sets the application's \
            hired_at and start_date and fires applicant_marked_as_hired. By default the command waits until it \
            has run and reads the application back. Dates are YYYY-MM-DD; without --hire-date, hired_at is when \
            the action runs. `ats applications unhire ID` undoes it.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "The application's id.") var id: String
    @Option(help: "The hire date, YYYY-MM-DD (default: when Tracker runs the action).") var hireDate: String?
    @Option(help: "The start date, YYYY-MM-DD.") var startDate: String?
    @OptionGroup var waiting: WaitOptions
    @Flag(help: "Print one JSON object.") var json = false

    func checkBeforeConnecting() throws {
        try waiting.check()
        for (flag, value) in [("--hire-date", hireDate), ("--start-date", startDate)] {
            guard let value, !TrackerATSClient.isCalendarDate(value) else { continue }
            throw CommandFailure.usage("\(flag) '\(value)' is not a date: give it as YYYY-MM-DD, e.g. 2026-12-01.")
        }
    }

    func execute(_ client: TrackerATSClient, output: CommandOutput) async throws {
        let result = try await client.markAsHired(
            ApplicationID(id), hireDate: hireDate, startDate: startDate, wait: waiting.policy)
        try HiringOutput.print(result, json: json, output: output)
    }
}

/// `ats applications unhire ID`: undoes `hire`.
struct ApplicationsUnhireCommand: TrackerClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "unhire",
        abstract: "Undo marking an applicant as hired (clears the hire and start dates).",
        discussion: """
            Tracker runs it as an un_mark_as_hired workflow action, asynchronously: it clears the application's \
            hired_at and start_date and fires applicant_unmarked_as_hired. By default the command waits until it \
            has run and reads the application back.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "The application's id.") var id: String
    @OptionGroup var waiting: WaitOptions
    @Flag(help: "Print one JSON object.") var json = false

    func checkBeforeConnecting() throws {
        try waiting.check()
    }

    func execute(_ client: TrackerATSClient, output: CommandOutput) async throws {
        let result = try await client.unmarkAsHired(ApplicationID(id), wait: waiting.policy)
        try HiringOutput.print(result, json: json, output: output)
    }
}

/// How `hire` and `unhire` report.
enum HiringOutput {
    struct HiringObject: Encodable {
        var applicationId: String
        var hired: Bool
        var hiredAt: Date?
        var startDate: String?
        var state: String
        var actionId: String?
    }

    static func print(_ result: HiringResult, json: Bool, output: CommandOutput) throws {
        if json {
            output.line(
                try RecordJSON.line(
                    HiringObject(
                        applicationId: result.application.rawValue, hired: result.isHired, hiredAt: result.hiredAt,
                        startDate: result.startDate, state: result.state.rawValue, actionId: result.reference)))
            return
        }
        let what =
            result.isHired
            ? "marked as hired" + (result.startDate.map { ", starting \($0)" } ?? "")
            : "no longer marked as hired"
        output.line(
            "Application \(result.application) \(what) (\(ApplicationsMoveCommand.describe(result.state)), "
                + "action \(result.reference ?? "?")).")
    }
}
