public import ATSCore
public import TrackerAPI

/// Converts Tracker's custom-field JSON values to typed `CustomFieldValue`s.
///
/// Servers send the same field as `3`, `"3"` or `3.0`; a value that fits its declared type is
/// converted, and one that does not is kept as the server sent it (text for strings) rather than
/// dropped, so nothing is lost to a schema that changed after the value was written.
public enum CustomFieldTyping {
    /// A value typed by a field type.
    /// - Parameters:
    ///   - json: The value as Tracker sent it.
    ///   - type: The field's neutral type.
    /// - Returns: The typed value.
    public static func value(_ json: TrackerJSON, as type: CustomFieldType) -> CustomFieldValue {
        if json.isNull { return .null }
        switch type {
        case .text, .longText, .singleSelect:
            return json.scalarText.map(CustomFieldValue.text) ?? guess(json)
        case .integer:
            return integer(json) ?? guess(json)
        case .decimal:
            return decimal(json) ?? guess(json)
        case .boolean:
            return boolean(json) ?? guess(json)
        case .unknown:
            return guess(json)
        }
    }

    /// A value typed by its JSON type alone, for fields the schema does not list.
    /// - Parameter json: The value.
    /// - Returns: Booleans, integers and decimals as such; text otherwise (arrays and objects as JSON text).
    public static func guess(_ json: TrackerJSON) -> CustomFieldValue {
        switch json {
        case .null: .null
        case .bool(let value): .boolean(value)
        case .integer(let value): .integer(value)
        case .double: .decimal(json.scalarText ?? "")
        case .string(let value): .text(value)
        case .array, .object: .text(String(decoding: json.serialized(), as: UTF8.self))
        }
    }

    private static func integer(_ json: TrackerJSON) -> CustomFieldValue? {
        switch json {
        case .integer(let value): return .integer(value)
        case .double(let value):
            guard value.rounded() == value, let exact = Int64(exactly: value) else { return nil }
            return .integer(exact)
        case .string(let text): return Int64(text.trimmingSpaces).map(CustomFieldValue.integer)
        default: return nil
        }
    }

    private static func decimal(_ json: TrackerJSON) -> CustomFieldValue? {
        switch json {
        case .integer, .double: return json.scalarText.map(CustomFieldValue.decimal)
        case .string(let text):
            let trimmed = text.trimmingSpaces
            return Double(trimmed) == nil ? nil : .decimal(trimmed)
        default: return nil
        }
    }

    private static func boolean(_ json: TrackerJSON) -> CustomFieldValue? {
        switch json {
        case .bool(let value): return .boolean(value)
        case .integer(0): return .boolean(false)
        case .integer(1): return .boolean(true)
        case .string(let text):
            switch text.trimmingSpaces.lowercased() {
            case "true", "yes", "1": return .boolean(true)
            case "false", "no", "0": return .boolean(false)
            default: return nil
            }
        default: return nil
        }
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
