/// Matching the free-text status names people type against the names an account has.
///
/// Tracker's statuses are typed in its UI ("Workflow → Applicant Status"), so a name given on a
/// command line may differ from the account's by case, spacing or a typo. A difference of case or
/// surrounding spaces is accepted as the same name; anything else is refused with the closest
/// names as suggestions, so nothing is ever sent to a status the account may not have.
enum StatusNames {
    /// The account's spelling of `wanted`: an exact match, else the only match that differs in case.
    static func match(_ wanted: String, in known: [String]) -> String? {
        let trimmed = wanted.trimmingSpaces
        if let exact = known.first(where: { $0.trimmingSpaces == trimmed }) { return exact }
        let folded = fold(trimmed)
        let matches = known.filter { fold($0) == folded }
        return matches.count == 1 ? matches.first : nil
    }

    /// The known names close to `wanted` (closest first): those within a small edit distance, or
    /// (with `containment`) that contain it or are contained in it, ignoring case.
    static func suggestions(for wanted: String, in known: [String], containment: Bool = true, limit: Int = 3)
        -> [String]
    {
        let folded = fold(wanted)
        guard !folded.isEmpty else { return [] }
        let allowed = max(2, folded.count / 3)
        let scored = known.compactMap { name -> (String, Int)? in
            let candidate = fold(name)
            let distance = editDistance(folded, candidate)
            if distance <= allowed { return (name, distance) }
            if containment, candidate.contains(folded) || folded.contains(candidate) { return (name, allowed + 1) }
            return nil
        }
        return scored.sorted { $0.1 < $1.1 }.prefix(limit).map(\.0)
    }

    /// "Did you mean 'A' or 'B'?", or nil without suggestions.
    static func didYouMean(_ suggestions: [String]) -> String? {
        guard !suggestions.isEmpty else { return nil }
        let quoted = suggestions.map { "'\($0)'" }
        let list =
            quoted.count == 1
            ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or " + (quoted.last ?? "")
        return "Did you mean \(list)?"
    }

    /// The statuses that read like a rejection, in the account's order.
    ///
    /// Words seen in ATS workflows for the end of an unsuccessful application: Rejected, Not
    /// Selected (Tracker's default), Declined, Disqualified, Not a Fit, Unsuccessful, Not Hired,
    /// Not Moving Forward, Not Qualified.
    static func rejectionLike(_ statuses: [String]) -> [String] {
        statuses.filter { status in
            let words =
                " "
                + fold(status).map { $0.isLetter || $0.isNumber ? $0 : " " }.reduce(into: "") {
                    $0.append($1)
                }.split(separator: " ").joined(separator: " ") + " "
            return rejectionPhrases.contains { words.contains(" \($0)") }
        }
    }

    private static let rejectionPhrases = [
        "reject", "not selected", "declined", "disqualified", "not a fit", "not a good fit", "unsuccessful",
        "not hired", "not moving forward", "not qualified",
    ]

    private static func fold(_ name: String) -> String {
        name.trimmingSpaces.lowercased().split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// The Levenshtein distance between two short strings.
    private static func editDistance(_ left: String, _ right: String) -> Int {
        let a = Array(left)
        let b = Array(right)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
