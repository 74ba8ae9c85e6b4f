/// An applicant tracking system that ATSKit integrates with.
///
/// An open set: a provider added by another module is one more static constant, and a value
/// read from a database that names an unknown provider still round-trips.
public struct ATSProvider: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    /// The provider's stable name, as stored in databases and printed by `ats coverage`.
    public let rawValue: String

    /// Creates a provider from its stable name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Tracker (api.applicant-tracking.com, the HiringThing platform).
    public static let tracker = ATSProvider(rawValue: "tracker")

    /// The stable name.
    public var description: String { rawValue }
}

/// How a provider stores the text of notes.
public struct NoteFormat: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    /// The format's stable name.
    public let rawValue: String

    /// Creates a note format from its stable name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Plain text: markup sent to the provider is shown to recruiters as literal tags.
    public static let plain = NoteFormat(rawValue: "PLAIN")
    /// HTML.
    public static let html = NoteFormat(rawValue: "HTML")
    /// Markdown.
    public static let markdown = NoteFormat(rawValue: "MARKDOWN")

    /// The stable name.
    public var description: String { rawValue }
}
