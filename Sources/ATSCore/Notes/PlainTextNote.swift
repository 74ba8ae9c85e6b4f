import Foundation

/// Converts note text written as HTML or Markdown to plain text, for providers whose notes are
/// plain text (Tracker, Tracker RMS), so recruiters read the note, not its markup.
///
/// The result keeps the structure a reader needs: paragraphs separated by a blank line, line
/// breaks, list items as `- item` or `1. item` (nested items indented), links as `text (url)`
/// (just the URL when the text is the URL), images as their alternative text, entities such as
/// `&amp;` decoded. It never contains a tag. Plain text passes through with its line endings
/// made `\n` and trailing spaces removed.
public enum PlainTextNote {
    /// The plain text of a note body.
    /// - Parameters:
    ///   - body: The text as written.
    ///   - format: Its markup; formats other than HTML and Markdown are taken as plain text.
    /// - Returns: Readable plain text, trimmed.
    public static func text(from body: String, format: NoteFormat) -> String {
        let normalized = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        switch format {
        case .html: return HTMLPlainText.convert(normalized)
        case .markdown: return MarkdownPlainText.convert(normalized)
        default: return tidy(normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
    }

    /// Lines with trailing spaces removed, at most one blank line in a row, no blank lines at
    /// either end.
    static func tidy(_ lines: [String]) -> String {
        var result: [String] = []
        for line in lines {
            var trimmed = Substring(line)
            while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
            if trimmed.isEmpty, result.last?.isEmpty ?? true { continue }
            result.append(String(trimmed))
        }
        while result.last?.isEmpty == true { result.removeLast() }
        return result.joined(separator: "\n")
    }

    /// `text (url)`, or the text alone when the URL adds nothing (it is missing, equals the text,
    /// or is the text's `mailto:`/`tel:` link).
    static func link(text: String, url: String?) -> String {
        let label = text.trimmingSpaces
        guard let url = url?.trimmingSpaces, !url.isEmpty, !url.hasPrefix("#"),
            !url.lowercased().hasPrefix("javascript:")
        else { return label }
        if label.isEmpty { return url }
        let bare = url.replacingOccurrences(of: "mailto:", with: "").replacingOccurrences(of: "tel:", with: "")
        if label == url || label == bare || "http://" + label == url || "https://" + label == url { return label }
        return "\(label) (\(url))"
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    fileprivate var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
