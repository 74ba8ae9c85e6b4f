import ATSCore
import Foundation

/// The providers the command line knows, and the choice among them.
///
/// A provider is chosen by `--provider NAME`, else `ATS_PROVIDER`, else the profile key `provider`,
/// else `tracker`. ``active`` is a task-local value so that tests can put providers of their own
/// in front of the commands without touching the standard list.
struct ProviderRegistry: Sendable {
    /// Every registered provider, in the order `ats coverage` shows them.
    var registrations: [ProviderRegistration]

    /// The providers this build of `ats` speaks. A provider module registers by adding its
    /// registration here.
    static let standard = ProviderRegistry(registrations: [.tracker, .trackerRMS, .workable])

    /// The registry the commands use: ``standard``, unless a test binds another.
    @TaskLocal static var active = standard

    /// The registered names, in order.
    var names: [String] { registrations.map(\.name.rawValue) }

    /// Every provider's capabilities, in order: the columns of `ats coverage`.
    var capabilities: [ATSCapabilities] { registrations.map(\.capabilities) }

    /// The provider of a name, in any case.
    /// - Parameters:
    ///   - name: The name given.
    ///   - origin: Where it was given, for the message (" (from flag --provider)").
    /// - Returns: The registration.
    /// - Throws: ``CommandFailure`` (usage) naming the known providers and the nearest ones.
    func registration(named name: String, origin: String = "") throws -> ProviderRegistration {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        if let found = registrations.first(where: { $0.name.rawValue.lowercased() == wanted }) { return found }
        let near = ProviderNames.nearest(to: wanted, among: names)
        let listing = registrations.map { "\($0.name) (\($0.summary))" }.joined(separator: ", ")
        throw CommandFailure.usage(
            "Unknown provider '\(name)'\(origin). "
                + (near.isEmpty ? "" : "Did you mean \(near.map { "'\($0)'" }.joined(separator: " or "))? ")
                + "This build of ats speaks: \(listing). Choose one with --provider, ATS_PROVIDER or the profile "
                + "key provider.")
    }

    /// The provider the resolved settings choose (`tracker` when nothing chooses one).
    /// - Throws: ``CommandFailure`` for an unknown provider.
    func registration(for settings: ResolvedSettings) throws -> ProviderRegistration {
        guard let name = settings.text(.provider) else { return try registration(named: "tracker") }
        return try registration(named: name, origin: settings.origin(of: .provider))
    }
}

/// Suggestions for a mistyped provider name.
enum ProviderNames {
    /// The names within a small edit distance of `name`, or that start with it, nearest first.
    static func nearest(to name: String, among names: [String]) -> [String] {
        let scored = names.map { ($0, distance(name, $0.lowercased())) }
        let limit = max(2, name.count / 3)
        let close = scored.filter { $0.1 <= limit || $0.0.lowercased().hasPrefix(name) && !name.isEmpty }
        return close.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
    }

    /// The Levenshtein distance between two short strings.
    static func distance(_ left: String, _ right: String) -> Int {
        let left = Array(left)
        let right = Array(right)
        guard !left.isEmpty else { return right.count }
        guard !right.isEmpty else { return left.count }
        var previous = Array(0...right.count)
        for (i, leftCharacter) in left.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: right.count)
            for (j, rightCharacter) in right.enumerated() {
                let substitution = previous[j] + (leftCharacter == rightCharacter ? 0 : 1)
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, substitution)
            }
            previous = current
        }
        return previous[right.count]
    }
}
