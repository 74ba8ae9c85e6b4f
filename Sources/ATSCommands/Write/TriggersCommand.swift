import ATSCore
import ArgumentParser
import Foundation
import TrackerAPI
import TrackerATS

/// `ats triggers`: workflow triggers.
struct TriggersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triggers",
        abstract: "List, create and delete workflow triggers.",
        subcommands: [TriggersListCommand.self, TriggersCreateCommand.self, TriggersDeleteCommand.self]
    )
}

/// `ats triggers list`.
struct TriggersListCommand: TrackerClientCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the account's triggers.")

    @OptionGroup var connection: ConnectionOptions
    @Flag(help: "Print JSON Lines, one trigger per line.") var json = false

    func execute(_ client: TrackerATSClient, output: CommandOutput) async throws {
        let triggers = try await client.triggers()
        if json {
            for trigger in triggers { output.line(try RecordJSON.line(WriteJSON.TriggerObject(trigger))) }
            return
        }
        let table = TextTable(
            columns: [
                .init(title: "ID", width: 6), .init(title: "EVENT", width: 26), .init(title: "ACTION", width: 24),
                .init(title: "DATA", width: 30), .init(title: "CONDITIONS", width: 50),
            ],
            output: output)
        table.header()
        for trigger in triggers {
            table.row([
                trigger.id.rawValue, trigger.eventType?.rawValue ?? "", trigger.actionType?.rawValue ?? "",
                WriteJSON.text(.object(trigger.data)), trigger.conditions.map(WriteJSON.text) ?? "always",
            ])
        }
    }
}

/// `ats triggers create`.
struct TriggersCreateCommand: TrackerClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a trigger: when EVENT happens (and the conditions hold), run ACTION.",
        discussion: """
            Data is key=value, typed by the catalogue's trigger fields. Conditions (--when, repeatable, all must \
            hold) compare a field of the application (app.FIELD, the default) or of the job (job.FIELD) with a \
            value: = (equals), != (differs), ~ (contains), <, <=, >, >=. Example: ats triggers create --event \
            app_status_updated --action send_tbnt_email delay=24 --when "status=Not Selected"
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @Option(help: "The event, e.g. app_status_updated (see which an action can follow in the error if wrong).")
    var event: String
    @Option(help: "The action type, e.g. tag_app.") var action: String
    @Argument(help: "The action's data, key=value.") var data: [String] = []
    @Option(name: .customLong("when"), help: "A condition such as status=Hired or job.title~Engineer (repeatable).")
    var conditions: [String] = []
    @Flag(help: "Print one JSON object.") var json = false

    func checkBeforeConnecting() throws {
        _ = try KeyValueArguments.parse(data, what: "trigger data")
        _ = try conditions.map(Self.condition)
    }

    func execute(_ client: TrackerATSClient, output: CommandOutput) async throws {
        let actionType = TrackerActionType(wireName: action)
        let schema = try await client.actionSchema(for: actionType)
        let values = schema.data(fromText: try KeyValueArguments.parse(data, what: "trigger data"), for: .trigger)
        let parsed = try conditions.map(Self.condition)
        let condition: TriggerCondition? =
            switch parsed.count {
            case 0: nil
            case 1: parsed.first
            default: .all(parsed)
            }
        let trigger = try await client.createTrigger(
            TriggerDraft(
                event: TrackerEventType(rawValue: event), action: actionType, data: values, condition: condition))
        if json {
            output.line(try RecordJSON.line(WriteJSON.TriggerObject(trigger)))
        } else {
            output.line("Created trigger \(trigger.id): on \(event), run \(actionType.rawValue).")
        }
    }

    /// `[app.|job.]field OP value`.
    static func condition(_ text: String) throws -> TriggerCondition {
        let operators: [(String, (TriggerOperand, String) -> TriggerCondition)] = [
            ("!=", { $0.differs(from: .value(.string($1))) }),
            ("<=", { $0.compared(.lessThanOrEqual, to: number($1)) }),
            (">=", { $0.compared(.greaterThanOrEqual, to: number($1)) }), ("=", { $0.equals(.value(.string($1))) }),
            ("~", { $0.contains($1) }), ("<", { $0.compared(.lessThan, to: number($1)) }),
            (">", { $0.compared(.greaterThan, to: number($1)) }),
        ]
        for (symbol, make) in operators {
            guard let range = text.range(of: symbol) else { continue }
            let field = text[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            let value = text[range.upperBound...].trimmingCharacters(in: .whitespaces)
            guard !field.isEmpty else { break }
            let operand: TriggerOperand =
                field.hasPrefix("job.")
                ? .job(String(field.dropFirst(4)))
                : .application(String(field.dropFirst(field.hasPrefix("app.") ? 4 : 0)))
            return make(operand, value)
        }
        throw CommandFailure.usage(
            "--when '\(text)' is not a condition; write it like status=Hired, job.title~Engineer or rating>=4.")
    }

    private static func number(_ text: String) -> TriggerOperand {
        if let integer = Int64(text) { return .value(.integer(integer)) }
        if let double = Double(text) { return .value(.double(double)) }
        return .value(.string(text))
    }
}

/// `ats triggers delete ID…`.
struct TriggersDeleteCommand: TrackerClientCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete triggers by id.")

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "The triggers' ids.") var ids: [String]

    func checkBeforeConnecting() throws {
        guard !ids.isEmpty else { throw CommandFailure.usage("Give the ids of the triggers to delete.") }
    }

    func execute(_ client: TrackerATSClient, output: CommandOutput) async throws {
        for id in ids {
            try await client.deleteTrigger(TrackerTriggerID(rawValue: id))
            output.line("Deleted trigger \(id).")
        }
    }
}
