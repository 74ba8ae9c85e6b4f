import ATSCore
import Foundation
import TrackerAPI

/// Checks custom-field values against a schema and converts them to the JSON Tracker stores,
/// collecting every problem so one error names them all.
///
/// Each value must name a field of the schema, the field must not be read-only, its type must fit
/// (text for text and selects, whole numbers, decimals, booleans; text that reads as the type is
/// converted), a select's value must be one of its options, a refused value is refused, and a
/// required field cannot be cleared (nor, when creating a record, left out without a default).
struct CustomFieldValidator {
    let schema: TrackerFieldSchema
    let operation: ATSOperation

    /// The values as Tracker JSON.
    /// - Parameters:
    ///   - values: The values by field name.
    ///   - requiresAll: Whether required fields must be given (creating a record).
    /// - Throws: `ATSError` with `ATSError.Code.invalidInput` listing every problem.
    func wireValues(_ values: [String: CustomFieldValue], requiresAll: Bool = false) throws -> [String: TrackerJSON] {
        var problems: [String] = []
        var result: [String: TrackerJSON] = [:]
        let entries = Dictionary(schema.entries.map { ($0.fieldName, $0) }, uniquingKeysWith: { first, _ in first })
        for name in values.keys.sorted() {
            guard let definition = schema.definition(named: name), let entry = entries[name], let value = values[name]
            else {
                let known = schema.definitions.map(\.name)
                problems.append(
                    "'\(name)' is not a custom field of \(schema.owner)s (fields: "
                        + (known.isEmpty ? "none" : known.joined(separator: ", ")) + ")")
                continue
            }
            if definition.isReadOnly {
                problems.append("'\(name)' is read-only in Tracker")
                continue
            }
            switch convert(value, for: definition, entry: entry) {
            case .success(let json): result[name] = json
            case .failure(let problem): problems.append(problem.message)
            }
        }
        if requiresAll {
            for definition in schema.definitions where definition.isRequired && values[definition.name] == nil {
                if definition.defaultValue == nil || definition.defaultValue == .null {
                    problems.append("'\(definition.name)' is required (\(accepts(definition)))")
                }
            }
        }
        guard problems.isEmpty else {
            throw ATSError(
                code: .invalidInput, operation: operation.rawValue, provider: .tracker,
                message: "Custom field values are not valid: " + problems.joined(separator: "; ")
                    + ". Nothing was sent.",
                suggestion: "See `ats custom-fields --owner \(schema.owner)` for each field's type and options.")
        }
        return result
    }

    private struct Problem: Error {
        let message: String
    }

    private func convert(
        _ value: CustomFieldValue, for definition: CustomFieldDefinition, entry: TrackerCustomFieldDefinition
    )
        -> Result<TrackerJSON, Problem>
    {
        let name = definition.name
        func refuse(_ what: String) -> Result<TrackerJSON, Problem> {
            .failure(Problem(message: "'\(name)' takes \(accepts(definition)), not \(what)"))
        }
        if value == .null {
            guard !definition.isRequired else {
                return .failure(Problem(message: "'\(name)' is required and cannot be cleared"))
            }
            return .success(.null)
        }
        let json: TrackerJSON
        switch (definition.type, value) {
        case (.text, .text(let text)), (.longText, .text(let text)):
            json = .string(text)
        case (.singleSelect(let options), .text(let text)):
            guard options.isEmpty || options.contains(text) else {
                if let match = options.first(where: { $0.lowercased() == text.trimmingSpaces.lowercased() }) {
                    json = .string(match)
                    break
                }
                return refuse("'\(text)'")
            }
            json = .string(text)
        case (.integer, .integer(let number)):
            json = .integer(number)
        case (.integer, .text(let text)), (.integer, .decimal(let text)):
            guard let number = Int64(text.trimmingSpaces) ?? Double(text.trimmingSpaces).flatMap({ Int64(exactly: $0) })
            else { return refuse("'\(text)'") }
            json = .integer(number)
        case (.decimal, .integer(let number)):
            json = .integer(number)
        case (.decimal, .decimal(let text)), (.decimal, .text(let text)):
            guard let number = Double(text.trimmingSpaces), number.isFinite else { return refuse("'\(text)'") }
            json = .double(number)
        case (.boolean, .boolean(let flag)):
            json = .bool(flag)
        case (.boolean, .text(let text)):
            switch text.trimmingSpaces.lowercased() {
            case "true", "yes": json = .bool(true)
            case "false", "no": json = .bool(false)
            default: return refuse("'\(text)'")
            }
        case (.unknown, _):
            json = Self.guess(value)
        default:
            return refuse(Self.describe(value))
        }
        if let refused = entry.refusedValues, let text = json.scalarText, refused.contains(text) {
            return .failure(Problem(message: "'\(name)' does not accept '\(text)'"))
        }
        return .success(json)
    }

    /// What a field accepts, for a person.
    func accepts(_ definition: CustomFieldDefinition) -> String {
        switch definition.type {
        case .text, .longText: "text"
        case .integer: "a whole number"
        case .decimal: "a decimal number"
        case .boolean: "true or false"
        case .singleSelect(let options):
            options.isEmpty ? "one of its options" : "one of " + options.map { "'\($0)'" }.joined(separator: ", ")
        case .unknown(let raw): "a value of type \(raw)"
        }
    }

    private static func describe(_ value: CustomFieldValue) -> String {
        switch value {
        case .text(let text): "the text '\(text)'"
        case .integer(let number): "the number \(number)"
        case .decimal(let text): "the number \(text)"
        case .boolean(let flag): "the boolean \(flag)"
        case .null: "null"
        }
    }

    private static func guess(_ value: CustomFieldValue) -> TrackerJSON {
        switch value {
        case .text(let text): .string(text)
        case .integer(let number): .integer(number)
        case .decimal(let text): Double(text).map(TrackerJSON.double) ?? .string(text)
        case .boolean(let flag): .bool(flag)
        case .null: .null
        }
    }
}
