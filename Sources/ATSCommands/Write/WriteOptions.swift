import ATSCore
import ArgumentParser
import Foundation
import TrackerAPI

/// `--wait` values.
enum WaitArgument: String, ExpressibleByArgument, CaseIterable {
    case accepted
    case executed
    case verified

    var level: ATSWaitPolicy.Level {
        switch self {
        case .accepted: .accepted
        case .executed: .executed
        case .verified: .verified
        }
    }
}

/// How long a write command waits, and for what.
struct WaitOptions: ParsableArguments {
    @Option(
        help: """
            What to wait for: accepted (Tracker took the request), executed (Tracker ran it) or verified (ran, \
            and reading back shows it).
            """)
    var wait: WaitArgument = .verified

    @Option(help: "The longest wait, in seconds.") var timeout: Int = 60

    func check() throws {
        guard timeout > 0 else { throw CommandFailure.usage("--timeout must be a positive number of seconds.") }
    }

    var policy: ATSWaitPolicy { ATSWaitPolicy(level: wait.level, timeout: .seconds(timeout)) }
}

/// `name=value` arguments, as given on the command line.
enum KeyValueArguments {
    /// The pairs, in order; a repeated name keeps its last value.
    /// - Throws: ``CommandFailure`` naming an argument without `=` or with an empty name.
    static func parse(_ arguments: [String], what: String) throws -> [String: String] {
        var pairs: [String: String] = [:]
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw CommandFailure.usage("'\(argument)' is not \(what) of the form name=value.")
            }
            pairs[String(argument[..<equals]).trimmingCharacters(in: .whitespaces)] = String(
                argument[argument.index(after: equals)...])
        }
        return pairs
    }
}

/// The JSON shapes the write commands print (snake_case keys, like the read commands).
enum WriteJSON {
    struct MoveObject: Encodable {
        var applicationId: String
        var previousStage: String?
        var stage: String
        var state: String
        var actionId: String?
    }

    struct RejectObject: Encodable {
        var applicationId: String
        var outcome: String
        var stage: String
        var archived: Bool
        var state: String
        var reason: String
        var reasonNoteId: String?
        var actionIds: [String]
    }

    struct ActionObject: Encodable {
        var id: String
        var type: String?
        var data: [String: TrackerJSON]
        var executedAt: Date?
        var createdAt: Date?
        var error: String?
        var state: String

        init(_ action: TrackerAction) {
            id = action.id.rawValue
            type = action.type?.rawValue
            data = action.data
            executedAt = action.executedAt?.date
            createdAt = action.createdAt?.date
            error = action.errorMessage
            state = action.hasFailed ? "failed" : (action.isExecuted ? "executed" : "pending")
        }
    }

    struct TriggerObject: Encodable {
        var id: String
        var eventType: String?
        var actionType: String?
        var data: [String: TrackerJSON]
        var conditions: TrackerJSON?

        init(_ trigger: TrackerTrigger) {
            id = trigger.id.rawValue
            eventType = trigger.eventType?.rawValue
            actionType = trigger.actionType?.rawValue
            data = trigger.data
            conditions = trigger.conditions
        }
    }

    /// A JSON value as compact text, for tables.
    static func text(_ value: TrackerJSON) -> String {
        String(decoding: value.serialized(), as: UTF8.self)
    }
}
