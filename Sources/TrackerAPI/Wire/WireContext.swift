import ATSText
import Foundation

/// What decoding one response needs to know, and what it noticed along the way.
struct WireContext {
    /// The endpoint template, for error messages.
    let endpoint: String
    /// The account time zone for naive timestamps.
    let timeZone: TimeZone?
    /// Server behaviour seen while decoding.
    var observations = ObservationBits()
    /// Account-zone offsets by local hour, so a page of naive timestamps asks `TimeZone` once per
    /// hour rather than twice per value.
    var zoneOffsets = ZoneOffsetCache()

    init(endpoint: String, timeZone: TimeZone?) {
        self.endpoint = endpoint
        self.timeZone = timeZone
    }

    /// The error for a field that a record cannot do without (only ids are that important).
    func malformed(field: String, in object: [String: TrackerJSON], reason: String) -> TrackerAPIError {
        let excerpt = String(decoding: TrackerJSON.object(object).serialized(), as: UTF8.self)
        return TrackerAPIError(
            code: .malformedResponse,
            endpoint: endpoint,
            field: field,
            bodyExcerpt: excerpt,
            underlying: reason
        )
    }
}

/// Tolerant accessors over one JSON object: every field is optional and loosely typed, because a
/// wire model must never fail because the server added, nulled or retyped a field.
struct WireObject {
    /// Every member, when the object was parsed into a dictionary.
    private let dictionary: [String: TrackerJSON]?
    /// For an object read for one model (a page decoded with its ``WireKeys``): its keys, and the
    /// values of the members they name by slot.
    private let keys: WireKeys?
    private let slots: [TrackerJSON?]
    /// The object's JSON text as the server sent it, when the decoder had it at hand.
    let bytes: [UInt8]?

    /// An object parsed into a dictionary, with its text when the decoder kept it.
    init(fields: [String: TrackerJSON], bytes: [UInt8]? = nil) {
        dictionary = fields
        keys = nil
        slots = []
        self.bytes = bytes
    }

    /// An object read for one model: the members its keys name, and the whole object's text.
    init(keys: WireKeys, slots: [TrackerJSON?], bytes: [UInt8]) {
        dictionary = nil
        self.keys = keys
        self.slots = slots
        self.bytes = bytes
    }

    /// Every member: the dictionary, or parsed from the text for an object read into slots (only
    /// error messages need that).
    var fields: [String: TrackerJSON] {
        dictionary ?? raw.members
    }

    /// The whole object for a model's `raw`: the dictionary when there is one, else the text,
    /// parsed only if a caller reads it.
    var raw: RawJSONObject {
        if let dictionary { return RawJSONObject(dictionary) }
        return RawJSONObject(deferredBytes: bytes ?? [])
    }

    /// The object's JSON text: as sent when known, else ``fields`` written compactly with sorted keys.
    var json: [UInt8] {
        bytes ?? Array(TrackerJSON.object(fields).serialized())
    }

    subscript(key: String) -> TrackerJSON? {
        let value: TrackerJSON?
        if let keys {
            guard let slot = keys.slot(of: key) else {
                // A model reads a member its key table does not name: a bug caught by the tests
                // that decode every model both ways.
                assertionFailure("\(key) is not among the model's wire keys")
                return nil
            }
            value = slots[slot]
        } else {
            value = dictionary?[key]
        }
        guard let value, !value.isNull else { return nil }
        return value
    }

    /// An id that must be present; strings and integers are both accepted.
    func requiredID<Resource>(_ key: String, _ context: inout WireContext) throws -> TrackerID<Resource> {
        guard let value = id(key, &context) as TrackerID<Resource>? else {
            throw context.malformed(field: key, in: fields, reason: "missing or not a string or integer id")
        }
        return value
    }

    func id<Resource>(_ key: String, _ context: inout WireContext) -> TrackerID<Resource>? {
        switch self[key] {
        case .string(let text) where !text.isEmpty:
            context.observations.insert(.stringIDs)
            return TrackerID(rawValue: text)
        case .integer(let number):
            context.observations.insert(.integerIDs)
            return TrackerID(number)
        case .double(let number) where number == number.rounded() && abs(number) < 9e15:
            context.observations.insert(.integerIDs)
            return TrackerID(Int64(number))
        default:
            return nil
        }
    }

    func string(_ key: String) -> String? {
        self[key]?.scalarText
    }

    func bool(_ key: String) -> Bool? {
        switch self[key] {
        case .bool(let flag): return flag
        case .integer(let number): return number != 0
        case .string(let text):
            switch text.lowercased() {
            case "true", "t", "1", "yes", "y": return true
            case "false", "f", "0", "no", "n", "": return false
            default: return nil
            }
        default: return nil
        }
    }

    func int(_ key: String) -> Int? {
        switch self[key] {
        case .integer(let number): return Int(exactly: number)
        case .double(let number): return number == number.rounded() ? Int(exactly: number) : nil
        case .string(let text): return Int(text.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    func double(_ key: String) -> Double? {
        switch self[key] {
        case .integer(let number): return Double(number)
        case .double(let number): return number
        case .string(let text): return Double(text.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    func timestamp(_ key: String, _ context: inout WireContext) -> TrackerTimestamp? {
        guard let text = self[key]?.stringValue, !text.isEmpty else { return nil }
        guard let value = TrackerTimestamp.parse(text, accountTimeZone: context.timeZone, cache: &context.zoneOffsets)
        else {
            context.observations.insert(.unreadableTimestamps)
            return nil
        }
        context.observations.insert(value.hasExplicitOffset ? .offsetTimestamps : .naiveTimestamps)
        return value
    }

    func object(_ key: String) -> [String: TrackerJSON]? {
        self[key]?.objectValue
    }

    /// An array of strings; a single string or a comma-separated string is accepted too.
    func strings(_ key: String) -> [String] {
        switch self[key] {
        case .array(let elements): return elements.compactMap(\.scalarText)
        case .string(let text):
            return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        default: return []
        }
    }
}
