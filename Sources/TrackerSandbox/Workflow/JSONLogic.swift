/// The JSON-logic subset Tracker trigger `conditions` use, e.g.
/// `{"if": {"and": {"==": [{"app": "status"}, "Not Selected"]}}}`.
///
/// Operators: `if` (a single condition, or JSON-logic's `[cond, then, cond, then, …, else]`),
/// `and`, `or` (an array of operands or a single one), `!`, `!!`, `==`, `!=` (loose: `"1" == 1`),
/// `===`, `!==`, `<`, `<=`, `>`, `>=`, `in` (array membership or substring), and the lookups
/// `{"app": "status"}`, `{"job": "title"}` and `{"var": "app.custom_fields.x"}` (dotted paths).
enum JSONLogic {
    private static let operators: Set<String> = [
        "if", "and", "or", "!", "!!", "==", "!=", "===", "!==", "<", "<=", ">", ">=", "in", "var", "app", "job",
    ]

    /// Checks that a rule only uses known operators.
    /// - Throws: `422` naming the first unknown operator.
    static func validate(_ rule: SandboxJSON) throws(SandboxHTTPError) {
        switch rule {
        case .array(let elements):
            for element in elements { try validate(element) }
        case .object(let members):
            guard members.count == 1, let member = members.first else {
                throw .unprocessable("each condition object must have exactly one operator, e.g. {\"==\": [a, b]}")
            }
            guard operators.contains(member.key) else {
                throw .unprocessable(
                    "unknown condition operator '\(member.key)'; supported: \(operators.sorted().joined(separator: " "))"
                )
            }
            try validate(member.value)
        default:
            return
        }
    }

    /// Whether a rule holds for the data (`{"app": {...}, "job": {...}}`). A missing rule holds.
    static func holds(_ rule: SandboxJSON?, data: SandboxJSON) -> Bool {
        guard let rule else { return true }
        return truthy(evaluate(rule, data))
    }

    /// JSON-logic truthiness: `false`, `null`, `0`, `""` and `[]` are false.
    static func truthy(_ value: SandboxJSON) -> Bool {
        switch value {
        case .null: return false
        case .bool(let flag): return flag
        case .int(let number): return number != 0
        case .double(let number): return number != 0
        case .string(let text): return !text.isEmpty
        case .array(let elements): return !elements.isEmpty
        case .object: return true
        }
    }

    static func evaluate(_ rule: SandboxJSON, _ data: SandboxJSON) -> SandboxJSON {
        switch rule {
        case .array(let elements):
            return .array(elements.map { evaluate($0, data) })
        case .object(let members):
            guard members.count == 1, let member = members.first else { return rule }
            return apply(member.key, member.value, data)
        default:
            return rule
        }
    }

    private static func operands(_ value: SandboxJSON) -> [SandboxJSON] {
        if case .array(let elements) = value { return elements }
        return [value]
    }

    private static func apply(_ name: String, _ argument: SandboxJSON, _ data: SandboxJSON) -> SandboxJSON {
        let arguments = operands(argument)
        switch name {
        case "if":
            guard case .array = argument else { return .bool(truthy(evaluate(argument, data))) }
            var index = 0
            while index + 1 < arguments.count {
                if truthy(evaluate(arguments[index], data)) { return evaluate(arguments[index + 1], data) }
                index += 2
            }
            return index < arguments.count ? evaluate(arguments[index], data) : .null
        case "and":
            return .bool(arguments.allSatisfy { truthy(evaluate($0, data)) })
        case "or":
            return .bool(arguments.contains { truthy(evaluate($0, data)) })
        case "!":
            return .bool(!truthy(evaluate(arguments.first ?? .null, data)))
        case "!!":
            return .bool(truthy(evaluate(arguments.first ?? .null, data)))
        case "==", "!=", "===", "!==":
            let values = arguments.map { evaluate($0, data) }
            let left = values.first ?? .null
            let right = values.count > 1 ? values[1] : .null
            let equal = name.count == 3 ? left == right : looselyEqual(left, right)
            return .bool(name.hasPrefix("!") ? !equal : equal)
        case "<", "<=", ">", ">=":
            let values = arguments.map { number(evaluate($0, data)) }
            guard values.count >= 2, let left = values[0], let right = values[1] else { return .bool(false) }
            switch name {
            case "<": return .bool(left < right)
            case "<=": return .bool(left <= right)
            case ">": return .bool(left > right)
            default: return .bool(left >= right)
            }
        case "in":
            let values = arguments.map { evaluate($0, data) }
            guard values.count >= 2 else { return .bool(false) }
            switch values[1] {
            case .array(let haystack): return .bool(haystack.contains { looselyEqual($0, values[0]) })
            case .string(let text):
                guard let needle = values[0].stringValue else { return .bool(false) }
                return .bool(text.contains(needle))
            default: return .bool(false)
            }
        case "var":
            let path = evaluate(arguments.first ?? .null, data).stringValue ?? ""
            let found = lookup(path, in: data)
            return found == .null && arguments.count > 1 ? evaluate(arguments[1], data) : found
        case "app", "job":
            let path = evaluate(arguments.first ?? .null, data).stringValue ?? ""
            return lookup(path.isEmpty ? name : "\(name).\(path)", in: data)
        default:
            return .null
        }
    }

    private static func lookup(_ path: String, in data: SandboxJSON) -> SandboxJSON {
        var current = data
        for part in path.split(separator: ".") {
            if let next = current[String(part)] {
                current = next
            } else if let index = Int(part), let elements = current.arrayValue, elements.indices.contains(index) {
                current = elements[index]
            } else {
                return .null
            }
        }
        return current
    }

    private static func number(_ value: SandboxJSON) -> Double? {
        switch value {
        case .int(let number): return Double(number)
        case .double(let number): return number
        case .string(let text): return Double(text.trimmingSpaces())
        case .bool(let flag): return flag ? 1 : 0
        default: return nil
        }
    }

    /// JavaScript-style `==` for the types JSON has: numbers compare with numeric strings.
    private static func looselyEqual(_ left: SandboxJSON, _ right: SandboxJSON) -> Bool {
        if left == right { return true }
        switch (left, right) {
        case (.int, .double), (.double, .int), (.int, .string), (.string, .int), (.double, .string), (.string, .double):
            guard let a = number(left), let b = number(right) else { return false }
            return a == b
        default:
            return false
        }
    }
}
