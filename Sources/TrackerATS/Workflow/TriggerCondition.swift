public import TrackerAPI

/// A condition of a workflow trigger, built from Swift values and written as the JSON-logic tree
/// Tracker expects, so nobody hand-writes JSON.
///
/// ```swift
/// let condition = TriggerOperand.application("status").equals("Not Selected")
///     && TriggerOperand.job("title").contains("Engineer")
/// condition.conditionsDocument
/// // {"if": {"and": [{"==": [{"app": "status"}, "Not Selected"]},
/// //                 {"in": ["Engineer", {"job": "title"}]}]}}
/// ```
public enum TriggerCondition: Sendable, Hashable {
    /// A comparison of two operands.
    case compare(TriggerComparison, TriggerOperand, TriggerOperand)
    /// The operand is one of the values.
    case isOneOf(TriggerOperand, [TrackerJSON])
    /// The text operand contains the text.
    case contains(TriggerOperand, String)
    /// Every condition holds.
    indirect case all([TriggerCondition])
    /// At least one condition holds.
    indirect case any([TriggerCondition])
    /// The condition does not hold.
    indirect case not(TriggerCondition)

    /// The JSON-logic rule, e.g. `{"==": [{"app": "status"}, "Hired"]}`.
    public var jsonLogic: TrackerJSON {
        switch self {
        case .compare(let comparison, let left, let right):
            return .object([comparison.rawValue: .array([left.jsonLogic, right.jsonLogic])])
        case .isOneOf(let operand, let values):
            return .object(["in": .array([operand.jsonLogic, .array(values)])])
        case .contains(let operand, let text):
            return .object(["in": .array([.string(text), operand.jsonLogic])])
        case .all(let conditions):
            return .object(["and": .array(conditions.map(\.jsonLogic))])
        case .any(let conditions):
            return .object(["or": .array(conditions.map(\.jsonLogic))])
        case .not(let condition):
            return .object(["!": condition.jsonLogic])
        }
    }

    /// The trigger's `conditions` value in the documented shape: the rule under an `if`.
    public var conditionsDocument: TrackerJSON {
        .object(["if": jsonLogic])
    }

    /// Both conditions hold.
    public static func && (lhs: TriggerCondition, rhs: TriggerCondition) -> TriggerCondition {
        if case .all(let left) = lhs { return .all(left + [rhs]) }
        return .all([lhs, rhs])
    }

    /// At least one of the conditions holds.
    public static func || (lhs: TriggerCondition, rhs: TriggerCondition) -> TriggerCondition {
        if case .any(let left) = lhs { return .any(left + [rhs]) }
        return .any([lhs, rhs])
    }

    /// The condition does not hold.
    public static prefix func ! (condition: TriggerCondition) -> TriggerCondition {
        .not(condition)
    }
}

/// A JSON-logic comparison operator.
public enum TriggerComparison: String, Sendable, Hashable, CaseIterable {
    /// Loosely equal (`"1" == 1`).
    case equal = "=="
    /// Loosely different.
    case notEqual = "!="
    /// Strictly equal (same JSON type).
    case strictlyEqual = "==="
    /// Less than.
    case lessThan = "<"
    /// Less than or equal.
    case lessThanOrEqual = "<="
    /// Greater than.
    case greaterThan = ">"
    /// Greater than or equal.
    case greaterThanOrEqual = ">="
}

/// One side of a trigger condition: a field of the application or job the event concerns, or a value.
public enum TriggerOperand: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral
{
    /// A field of the application (`{"app": "status"}`); dotted paths reach into custom fields.
    case application(String)
    /// A field of the job (`{"job": "title"}`).
    case job(String)
    /// Any path in the event's data (`{"var": "app.custom_fields.level"}`).
    case variable(String)
    /// A literal value.
    case value(TrackerJSON)

    /// A text value.
    /// - Parameter value: The text.
    public init(stringLiteral value: String) { self = .value(.string(value)) }
    /// A whole-number value.
    /// - Parameter value: The number.
    public init(integerLiteral value: Int64) { self = .value(.integer(value)) }
    /// A boolean value.
    /// - Parameter value: The flag.
    public init(booleanLiteral value: Bool) { self = .value(.bool(value)) }

    /// The operand as JSON logic.
    public var jsonLogic: TrackerJSON {
        switch self {
        case .application(let field): .object(["app": .string(field)])
        case .job(let field): .object(["job": .string(field)])
        case .variable(let path): .object(["var": .string(path)])
        case .value(let value): value
        }
    }

    /// This operand loosely equals another.
    /// - Parameter other: The other operand (often a literal).
    /// - Returns: The condition.
    public func equals(_ other: TriggerOperand) -> TriggerCondition { .compare(.equal, self, other) }

    /// This operand loosely differs from another.
    /// - Parameter other: The other operand.
    /// - Returns: The condition.
    public func differs(from other: TriggerOperand) -> TriggerCondition { .compare(.notEqual, self, other) }

    /// This operand compares with another.
    /// - Parameters:
    ///   - comparison: The operator.
    ///   - other: The other operand.
    /// - Returns: The condition.
    public func compared(_ comparison: TriggerComparison, to other: TriggerOperand) -> TriggerCondition {
        .compare(comparison, self, other)
    }

    /// This operand is one of the values.
    /// - Parameter values: The values.
    /// - Returns: The condition.
    public func isOneOf(_ values: [TrackerJSON]) -> TriggerCondition { .isOneOf(self, values) }

    /// This text operand contains the text.
    /// - Parameter text: The text to find.
    /// - Returns: The condition.
    public func contains(_ text: String) -> TriggerCondition { .contains(self, text) }
}
