import Foundation

/// How hard the reliability suites push: a quick version for `swift test` and CI, the published
/// version with `ATSKIT_RELIABILITY=full` (what `scripts/reliability` sets).
public enum ReliabilityRun {
    /// Whether the full (published) budget was asked for.
    public static var isFull: Bool { ProcessInfo.processInfo.environment["ATSKIT_RELIABILITY"] == "full" }

    /// `quick` in the default run, `full` when the full budget was asked for.
    public static func budget(quick: Int, full: Int) -> Int { isFull ? full : quick }

    /// Prints a suite's figures as one line, `RELIABILITY {json}`, which `scripts/reliability`
    /// collects into docs/RELIABILITY.md.
    public static func publish(suite: String, _ figures: [String: Any]) {
        var object = figures
        object["suite"] = suite
        object["budget"] = isFull ? "full" : "quick"
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
            let line = String(data: data, encoding: .utf8)
        else { return }
        print("RELIABILITY \(line)")
    }
}
