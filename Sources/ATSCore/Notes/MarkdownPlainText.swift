/// Markdown to readable plain text; see ``PlainTextNote``.
///
/// Covers what people type into notes: headings, emphasis, lists (nested by indentation),
/// block quotes (kept as `> `), fenced code (kept verbatim), inline code, links (inline,
/// reference and automatic), images, inline `<br>` and stray HTML tags, backslash escapes and
/// entities. A single line break is kept as a line break, as chat and ticket tools do, because a
/// note's author who pressed Enter meant a new line.
enum MarkdownPlainText {
    static func convert(_ markdown: String) -> String {
        var references: [String: String] = [:]
        var body: [Substring] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if let match = line.wholeMatch(of: MarkdownPatterns.referenceDefinition) {
                references[String(match.1).lowercased()] = String(match.2)
            } else {
                body.append(line)
            }
        }
        var output: [String] = []
        var fence: Substring?
        for line in body {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if let marker = fence {
                if trimmed.hasPrefix(marker) {
                    fence = nil
                } else {
                    output.append(String(line))
                }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                continue
            }
            output.append(contentsOf: block(line, trimmed: trimmed, previous: output.last, references: references))
        }
        return PlainTextNote.tidy(output)
    }

    /// One line outside code fences, as zero or more output lines.
    private static func block(_ line: Substring, trimmed: Substring, previous: String?, references: [String: String])
        -> [String]
    {
        if trimmed.isEmpty { return [""] }
        if trimmed.wholeMatch(of: MarkdownPatterns.thematicBreak) != nil {
            // A rule, or the underline of a heading written on the line before.
            return [""]
        }
        if trimmed.wholeMatch(of: MarkdownPatterns.setextUnderline) != nil, let previous, !previous.isEmpty {
            return [""]
        }
        if let heading = trimmed.wholeMatch(of: MarkdownPatterns.atxHeading) {
            return ["", inline(heading.1, references), ""]
        }
        if let quote = trimmed.wholeMatch(of: MarkdownPatterns.blockQuote) {
            return ["> " + inline(quote.1, references)]
        }
        let indent = line.prefix { $0 == " " || $0 == "\t" }.reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
        let level = String(repeating: "  ", count: min(indent / 2, 6))
        if let item = trimmed.wholeMatch(of: MarkdownPatterns.bulletItem) {
            return [level + "- " + inline(item.1, references)]
        }
        if let item = trimmed.wholeMatch(of: MarkdownPatterns.orderedItem) {
            return [level + "\(item.1). " + inline(item.2, references)]
        }
        var text = inline(trimmed, references)
        // A backslash or two spaces at the end mark a hard break; the line ends here anyway.
        if text.hasSuffix("\\") { text.removeLast() }
        return [text]
    }

    /// Private-use characters standing in for escaped punctuation while markup is removed.
    private static let escapeBase: UInt32 = 0xF0000

    /// Inline markup removed: code spans kept literally, links as "text (url)", emphasis dropped.
    static func inline(_ text: Substring, _ references: [String: String]) -> String {
        // Escapes first, so an escaped `*` is never read as emphasis.
        var result = String(text).replacing(MarkdownPatterns.backslashEscape) { match in
            let scalar = match.1.unicodeScalars.first.map { $0.value } ?? 0
            return String(Character(Unicode.Scalar(escapeBase + scalar) ?? " "))
        }
        var pieces: [String] = []
        // Code spans split the text: odd pieces are code and stay as written.
        for (index, piece) in result.split(separator: "`", omittingEmptySubsequences: false).enumerated() {
            pieces.append(index.isMultiple(of: 2) ? markup(String(piece), references) : String(piece))
        }
        result = pieces.joined()
        result = String(
            result.unicodeScalars.map { scalar in
                scalar.value >= escapeBase && scalar.value < escapeBase + 128
                    ? Character(Unicode.Scalar(scalar.value - escapeBase) ?? " ") : Character(scalar)
            })
        return HTMLEntities.decode(result)
    }

    private static func markup(_ text: String, _ references: [String: String]) -> String {
        var result = text
        result = result.replacing(MarkdownPatterns.image) { String($0.1) }
        result = result.replacing(MarkdownPatterns.inlineLink) { match in
            PlainTextNote.link(text: emphasis(String(match.1)), url: String(match.2))
        }
        result = result.replacing(MarkdownPatterns.fullReferenceLink) { match in
            let key = (match.2.isEmpty ? match.1 : match.2).lowercased()
            return PlainTextNote.link(text: emphasis(String(match.1)), url: references[key])
        }
        result = result.replacing(MarkdownPatterns.shortcutReferenceLink) { match in
            guard let url = references[match.1.lowercased()] else { return String(match.0) }
            return PlainTextNote.link(text: emphasis(String(match.1)), url: url)
        }
        result = result.replacing(MarkdownPatterns.autolink) { String($0.1) }
        result = result.replacing(MarkdownPatterns.mailtoAutolink) { String($0.1) }
        result = result.replacing(MarkdownPatterns.lineBreakTag) { _ in "\n" }
        result = result.replacing(MarkdownPatterns.htmlTag) { _ in "" }
        return emphasis(result)
    }

    private static func emphasis(_ text: String) -> String {
        var result = text
        result = result.replacing(MarkdownPatterns.strongAsterisks) { String($0.1) }
        result = result.replacing(MarkdownPatterns.strongUnderscores) { String($0.1 + $0.2) }
        result = result.replacing(MarkdownPatterns.strikethrough) { String($0.1) }
        result = result.replacing(MarkdownPatterns.emphasisAsterisk) { String($0.1) }
        result = result.replacing(MarkdownPatterns.emphasisUnderscore) { String($0.1 + $0.2) }
        return result
    }
}
