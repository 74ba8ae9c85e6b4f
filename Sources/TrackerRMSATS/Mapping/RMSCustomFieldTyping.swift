import ATSCore
import Foundation
import TrackerRMSAPI

/// Custom field definitions typed by the account's settings: `Association` gives the owner, `Type`
/// the neutral type (`Text`, `Memo`, `Number`, `Date`, `Checkbox`, `List` with its pick-list).
struct RMSCustomFieldTyping: Sendable {
    let metadata: RMSMetadata

    /// The associations that mean each owner.
    static func associations(of owner: CustomFieldOwner) -> [String] {
        switch owner {
        case .application: ["placement", "opportunityresource", "x"]
        case .candidate: ["resource", "r"]
        case .job: ["opportunity", "o"]
        }
    }

    /// The definitions of one owner, with the wire definition each comes from.
    func definitions(for owner: CustomFieldOwner) -> [(CustomFieldDefinition, RMSCustomFieldDefinition)] {
        let wanted = Self.associations(of: owner)
        return metadata.customFields.filter { wanted.contains(($0.association ?? "").lowercased()) }.map { field in
            (
                CustomFieldDefinition(name: field.name, displayName: field.name, type: type(of: field), owner: owner),
                field
            )
        }
    }

    func type(of field: RMSCustomFieldDefinition) -> CustomFieldType {
        switch (field.type ?? "Text").lowercased() {
        case "text": return .text
        case "memo": return .longText
        case "number": return .decimal
        case "checkbox": return .boolean
        case "list":
            let list = metadata.customFieldLists.first { $0.id == field.listID }
            return .singleSelect(options: list?.items.map(\.name) ?? [])
        case let other: return .unknown(other.isEmpty ? "text" : (field.type ?? other))
        }
    }

    /// A wire value (always text) typed by the definition; empty text is no value.
    func value(_ text: String, of type: CustomFieldType) -> CustomFieldValue {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return .null }
        switch type {
        case .integer, .decimal:
            if let whole = Int64(trimmed) { return .integer(whole) }
            return Double(trimmed) != nil ? .decimal(trimmed) : .text(text)
        case .boolean:
            return RMSJSON.string(trimmed).booleanValue.map(CustomFieldValue.boolean) ?? .text(text)
        default:
            return .text(text)
        }
    }

    /// The wire text for a value, or why the field does not accept it.
    func wireText(_ value: CustomFieldValue, for definition: CustomFieldDefinition) -> WireText {
        switch (definition.type, value) {
        case (_, .null): return .value("")
        case (.boolean, .boolean(let flag)): return .value(flag ? "Y" : "N")
        case (.boolean, .text(let text)):
            guard let flag = RMSJSON.string(text).booleanValue else { return .refused("true or false") }
            return .value(flag ? "Y" : "N")
        case (.integer, .integer(let number)), (.decimal, .integer(let number)): return .value(String(number))
        case (.decimal, .decimal(let text)): return .value(text)
        case (.decimal, .text(let text)), (.integer, .text(let text)):
            return Double(text.trimmingCharacters(in: .whitespaces)) != nil ? .value(text) : .refused("a number")
        case (.singleSelect(let options), _):
            let text = value.text
            guard let option = options.first(where: { $0.lowercased() == text.lowercased() }) else {
                return .refused("one of " + options.map { "\"\($0)\"" }.joined(separator: ", "))
            }
            return .value(option)
        case (.text, _), (.longText, _), (.unknown, _): return .value(value.text)
        default: return .refused("a \(definition.type.name) value")
        }
    }
}

/// The wire text for a custom field value, or what the field accepts instead.
enum WireText {
    /// The text to send.
    case value(String)
    /// Refused: what the field accepts.
    case refused(String)
}
