import Foundation

/// A JSON value the sandbox writes, with members in the order given (so answers read like
/// Workable's). The sandbox writes its JSON itself and never uses the client's code.
indirect enum JSONOut: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case text(String)
    case list([JSONOut])
    case object([(String, JSONOut)])

    static func optional(_ value: String?) -> JSONOut {
        guard let value, !value.isEmpty else { return .null }
        return .text(value)
    }

    var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        append(to: &out)
        return out
    }

    private func append(to out: inout [UInt8]) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let flag): out += Array((flag ? "true" : "false").utf8)
        case .int(let number): out += Array(String(number).utf8)
        case .text(let text): Self.appendString(text, to: &out)
        case .list(let items):
            out.append(UInt8(ascii: "["))
            for (offset, item) in items.enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                item.append(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (offset, (name, value)) in members.enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                Self.appendString(name, to: &out)
                out.append(UInt8(ascii: ":"))
                value.append(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [92, 34]
            case UInt8(ascii: "\\"): out += [92, 92]
            case 0x0A: out += [92, UInt8(ascii: "n")]
            case 0x0D: out += [92, UInt8(ascii: "r")]
            case 0x09: out += [92, UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array(String(format: "%04x", Int(byte)).utf8)
                out += [92, UInt8(ascii: "u")] + hex
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// A request body read with Foundation's parser (a different one from the client's).
struct BodyIn: Sendable {
    let root: [String: any Sendable]

    init(_ bytes: [UInt8]) throws(SandboxError) {
        guard !bytes.isEmpty else {
            root = [:]
            return
        }
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(bytes)), let object = parsed as? [String: Any]
        else { throw SandboxError(400, "the body is not a JSON object") }
        root = Self.sendable(object)
    }

    private init(root: [String: any Sendable]) { self.root = root }

    private static func sendable(_ object: [String: Any]) -> [String: any Sendable] {
        object.mapValues(value)
    }

    private static func value(_ any: Any) -> any Sendable {
        switch any {
        case let object as [String: Any]: return sendable(object)
        case let array as [Any]: return array.map(value)
        case let text as String: return text
        case let number as NSNumber:
            // Foundation reads JSON true/false as NSNumber too; tell them apart by their type name.
            if String(describing: type(of: number)).contains("Bool") { return number.boolValue }
            return number.doubleValue
        case let flag as Bool: return flag
        default: return NSNull()
        }
    }

    func text(_ key: String) -> String? {
        if let text = root[key] as? String { return text }
        if let number = root[key] as? Double {
            return number.rounded() == number ? String(Int(number)) : String(number)
        }
        return nil
    }

    func flag(_ key: String) -> Bool? { root[key] as? Bool }

    func object(_ key: String) -> BodyIn? {
        (root[key] as? [String: any Sendable]).map(BodyIn.init(root:))
    }

    func texts(_ key: String) -> [String]? {
        (root[key] as? [any Sendable])?.compactMap { $0 as? String }
    }

    var keys: [String] { Array(root.keys) }
}
