import ArgumentParser
import Foundation

/// Reads a sandbox option whose values are a fixed set of names, in any case, and says which names
/// are allowed when the value is not one of them.
enum SandboxChoice {
    /// The value named by `text`.
    /// - Parameters:
    ///   - text: What was given.
    ///   - flag: The option, for the message (`--page-base`).
    /// - Throws: `ValidationError` listing the allowed names.
    static func parse<Value: CaseIterable & RawRepresentable>(_ text: String, flag: String) throws -> Value
    where Value.RawValue == String {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let value = Value.allCases.first(where: { $0.rawValue.lowercased() == wanted }) { return value }
        let names = Value.allCases.map(\.rawValue).joined(separator: ", ")
        throw ValidationError("\(flag) '\(text)' is not one of: \(names).")
    }

    /// The values named by a comma-separated list.
    /// - Throws: `ValidationError` for an empty list or an unknown name.
    static func parseList<Value: CaseIterable & RawRepresentable>(_ text: String, flag: String) throws -> [Value]
    where Value.RawValue == String {
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else {
            let all = Value.allCases.map(\.rawValue).joined(separator: ",")
            throw ValidationError("\(flag) needs at least one name, such as \(all).")
        }
        return try names.map { try parse($0, flag: flag) }
    }

    /// Checks a condition on a flag's value.
    /// - Throws: `ValidationError` with `message` when it does not hold.
    static func check(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw ValidationError(message()) }
    }
}
