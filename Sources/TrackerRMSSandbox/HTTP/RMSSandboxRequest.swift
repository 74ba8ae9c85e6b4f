internal import Foundation

/// A request body read by Foundation (the sandbox's requests are small), with tolerant accessors:
/// ids as numbers or strings, booleans as booleans or `"y"`/`"n"`/`"true"`/`0`/`1`.
struct RMSSandboxBody {
    let members: [String: Any]

    init(_ members: [String: Any]) {
        self.members = members
    }

    subscript(key: String) -> Any? {
        if let exact = members[key] { return exact }
        let lowered = key.lowercased()
        return members.first { $0.key.lowercased() == lowered }?.value
    }

    func object(_ key: String) -> RMSSandboxBody? {
        (self[key] as? [String: Any]).map(RMSSandboxBody.init)
    }

    func array(_ key: String) -> [RMSSandboxBody] {
        ((self[key] as? [Any]) ?? []).compactMap { ($0 as? [String: Any]).map(RMSSandboxBody.init) }
    }

    func string(_ key: String) -> String? {
        Self.text(self[key])
    }

    func int(_ key: String) -> Int? {
        guard let text = string(key)?.trimmingCharacters(in: .whitespaces) else { return nil }
        return Int(text)
    }

    func bool(_ key: String) -> Bool? {
        switch self[key] {
        case let number as NSNumber: return number.intValue != 0
        case let flag as Bool: return flag
        case let text as String:
            switch text.lowercased() {
            case "true", "y", "yes", "1": return true
            case "false", "n", "no", "0", "": return false
            default: return nil
            }
        default: return nil
        }
    }

    static func text(_ value: Any?) -> String? {
        switch value {
        case let text as String: return text
        // Foundation hands JSON numbers and booleans over as NSNumber, and `as? Bool` matches 0 and 1
        // too; the Objective-C type code tells `true` ("c") from the number 1.
        case let number as NSNumber where String(cString: number.objCType) == "c":
            return number.boolValue ? "true" : "false"
        case let number as NSNumber: return number.stringValue
        case let flag as Bool: return flag ? "true" : "false"
        default: return nil
        }
    }
}

/// An answer before it becomes a Hummingbird response.
struct RMSSandboxReply: Sendable {
    var status: Int
    var contentType: String
    var body: [UInt8]
    var headers: [(String, String)] = []
    var rmsStatus: Int?

    /// The widget envelope `{"status", "message", "count"}` plus whatever `extra` writes.
    static func envelope(
        status: Int, message: String, count: Int = 0, extra: (inout RMSSandboxJSON) -> Void = { _ in }
    ) -> RMSSandboxReply {
        var json = RMSSandboxJSON()
        json.beginObject()
        json.field("status", status)
        json.field("message", message)
        json.field("count", count)
        extra(&json)
        json.endObject()
        return RMSSandboxReply(
            status: 200, contentType: "application/json; charset=utf-8", body: json.bytes, rmsStatus: status)
    }

    /// HTTP 200 with status 99 and a message.
    static func invalid(_ message: String) -> RMSSandboxReply {
        envelope(status: 99, message: message)
    }

    /// An ASP.NET-style error: `{"Message": "..."}` with an HTTP status.
    static func aspNet(_ status: Int, _ message: String) -> RMSSandboxReply {
        var json = RMSSandboxJSON()
        json.beginObject()
        json.field("Message", message)
        json.endObject()
        return RMSSandboxReply(status: status, contentType: "application/json; charset=utf-8", body: json.bytes)
    }

    /// A JSON body with an HTTP status (the REST API).
    static func json(_ status: Int, _ write: (inout RMSSandboxJSON) -> Void) -> RMSSandboxReply {
        var json = RMSSandboxJSON(capacity: 4096)
        write(&json)
        return RMSSandboxReply(status: status, contentType: "application/json; charset=utf-8", body: json.bytes)
    }
}
