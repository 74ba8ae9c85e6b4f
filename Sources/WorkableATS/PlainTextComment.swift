import ATSCore
import Foundation

/// A note's text as Workable keeps comments: plain text. HTML becomes readable text through
/// ATSCore's `PlainTextNote` (the converter Tracker and Tracker RMS use); Markdown and plain text
/// are sent as written, since Markdown reads well as it is.
enum PlainTextComment {
    static func text(of draft: NoteDraft) -> String {
        guard draft.format == .html else { return draft.body.trimmingCharacters(in: .whitespacesAndNewlines) }
        return PlainTextNote.text(from: draft.body, format: .html)
    }
}
