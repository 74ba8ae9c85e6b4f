import ATSCore
import ArgumentParser
import TrackerAPI
import TrackerATS

/// `ats actions`: Tracker's workflow actions.
struct ActionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: "Run Tracker workflow actions and follow them.",
        subcommands: [
            ActionsTypesCommand.self, ActionsRunCommand.self, ActionsShowCommand.self, ActionsWaitCommand.self,
        ]
    )
}

/// `ats actions types`: the action catalogue.
struct ActionsTypesCommand: TrackerClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "types", abstract: "List the action types and the data each takes.")

    @OptionGroup var connection: ConnectionOptions
    @Flag(help: "Print JSON Lines, one action type per line.") var json = false

    struct TypeObject: Encodable {
        struct Field: Encodable {
            var name: String
            var type: String
            var required: Bool
        }
        var type: String
        var actionFields: [Field]
        var triggerFields: [Field]
    }

    func execute(_ client: TrackerATSClient, output: CommandOutput) async throws {
        let schemas = try await client.actionSchemas()
        func fields(_ list: [TrackerActionSchema.Field]) -> [TypeObject.Field] {
            list.map { TypeObject.Field(name: $0.name, type: $0.typeDescription, required: $0.isRequired) }
        }
        func text(_ list: [TrackerActionSchema.Field]) -> String {
            list.isEmpty
                ? "—"
                : list.map { "\($0.name): \($0.typeDescription)\($0.isRequired ? "" : "?")" }.joined(separator: ", ")
        }
        if json {
            for schema in schemas {
                output.line(
                    try RecordJSON.line(
                        TypeObject(
                            type: schema.type.rawValue, actionFields: fields(schema.actionFields),
                            triggerFields: fields(schema.triggerFields))))
            }
            return
        }
        let table = TextTable(
            columns: [
                .init(title: "TYPE", width: 28), .init(title: "ACTION DATA (? = optional)", width: 60),
                .init(title: "TRIGGER DATA", width: 50),
            ],
            output: output)
        table.header()
        for schema in schemas {
            table.row([schema.type.rawValue, text(schema.actionFields), text(schema.triggerFields)])
        }
    }
}

/// `ats actions run TYPE key=value…`: creates an action.
struct ActionsRunCommand: TrackerClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Create a workflow action, optionally waiting for Tracker to run it.",
        discussion: """
            Data is key=value; values are converted to the types the catalogue declares (see `ats actions \
            types`). The data is checked before anything is sent: every missing, mistyped or unknown field is \
            listed. Example: ats actions run tag_app app_id=12 tag_text=priority --wait
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "The action type, e.g. tag_app.") var type: String
    @Argument(help: "The action's data, key=value.") var data: [String] = []
    @Flag(help: "Wait until Tracker has run the action; fail if it failed.") var wait = false
    @Option(help: "The longest wait, in seconds.") var timeout: Int = 60
    @Flag(help: "Print one JSON object.") var json = false

    func checkBeforeConnecting() throws {
        _ = try KeyValueArguments.parse(data, what: "action data")
        guard timeout > 0 else { throw CommandFailure.usage("--timeout must be a positive number of seconds.") }
    }

    func execute(_ client: TrackerATSClient, output: CommandOutput) async throws {
        let actionType = TrackerActionType(wireName: type)
        let schema = try await client.actionSchema(for: actionType)
        let values = schema.data(fromText: try KeyValueArguments.parse(data, what: "action data"), for: .action)
        let action = try await client.runAction(
            actionType, data: values,
            wait: wait ? ATSWaitPolicy(level: .executed, timeout: .seconds(timeout)) : .accepted)
        try ActionsShowCommand.print(action, json: json, to: output)
    }
}

/// `ats actions show ID`: one action's state.
struct ActionsShowCommand: TrackerClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show an action: pending, executed, or failed with Tracker's error.")

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "The action's id.") var id: String
    @Flag(help: "Print one JSON object.") var json = false

    func execute(_ client: TrackerATSClient, output: CommandOutput) async throws {
        try Self.print(try await client.action(TrackerActionID(rawValue: id)), json: json, to: output)
    }

    static func print(_ action: TrackerAction, json: Bool, to output: CommandOutput) throws {
        let object = WriteJSON.ActionObject(action)
        if json {
            output.line(try RecordJSON.line(object))
            return
        }
        TextTable.record(
            [
                ("id", object.id), ("type", object.type), ("state", object.state),
                ("data", WriteJSON.text(.object(object.data))), ("created", TextTable.date(object.createdAt)),
                ("executed", TextTable.date(object.executedAt)), ("error", object.error),
            ], to: output)
    }
}

/// `ats actions wait ID…`: waits for actions with one polling loop.
struct ActionsWaitCommand: TrackerClientCommand {
    static let configuration = CommandConfiguration(
        commandName: "wait",
        abstract: "Wait until actions have run; exits non-zero when any failed or is still pending.")

    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "The actions' ids.") var ids: [String]
    @Option(help: "The longest wait, in seconds.") var timeout: Int = 60
    @Flag(help: "Print JSON Lines, one action per line.") var json = false

    struct WaitObject: Encodable {
        var id: String
        var state: String
        var error: String?
        var executedAt: String?
    }

    func checkBeforeConnecting() throws {
        guard !ids.isEmpty else { throw CommandFailure.usage("Give the ids of the actions to wait for.") }
        guard timeout > 0 else { throw CommandFailure.usage("--timeout must be a positive number of seconds.") }
    }

    func execute(_ client: TrackerATSClient, output: CommandOutput) async throws {
        let results = try await client.waitForActions(
            ids.map { TrackerActionID(rawValue: $0) }, timeout: .seconds(timeout))
        var problems: [String] = []
        for result in results {
            let (state, error): (String, String?) =
                switch result.state {
                case .succeeded: ("executed", nil)
                case .failed(let message): ("failed", message)
                case .pending: ("pending", "not run after \(timeout) s")
                case .unreadable(let message): ("unreadable", message)
                }
            if let error { problems.append("action \(result.id) \(state): \(error)") }
            if json {
                output.line(
                    try RecordJSON.line(
                        WaitObject(
                            id: result.id.rawValue, state: state, error: error,
                            executedAt: result.action?.executedAt.map { TextTable.date($0.date) })))
            } else {
                output.line("Action \(result.id): \(state)" + (error.map { " — \($0)" } ?? ""))
            }
        }
        if !problems.isEmpty {
            // Standard output may be piped away; the reasons go with the error on standard error too.
            let shown = problems.prefix(3).joined(separator: "; ")
            let more = problems.count > 3 ? "; and \(problems.count - 3) more" : ""
            throw CommandFailure.failed(
                "\(problems.count) of \(results.count) actions did not run successfully: \(shown)\(more).")
        }
    }
}
