/// A note to add: its text and the markup it is written in.
///
/// Providers that keep notes as plain text (Tracker) convert HTML and Markdown to readable text:
/// paragraphs, line breaks, list items, links as "text (url)", entities decoded; never tags.
public struct NoteDraft: Sendable, Hashable {
    /// The text as written.
    public var body: String
    /// The markup of ``body``.
    public var format: NoteFormat

    /// Creates a note draft.
    /// - Parameters:
    ///   - body: The text.
    ///   - format: Its markup (default plain text).
    public init(_ body: String, format: NoteFormat = .plain) {
        self.body = body
        self.format = format
    }
}

/// Which applications of a candidate get a note.
public enum CandidateNoteScope: String, Sendable, Hashable, CaseIterable {
    /// Only the most recent application.
    case latestApplication
    /// Every application of the candidate.
    case allApplications
}
