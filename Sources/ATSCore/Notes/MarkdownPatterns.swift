/// The regular expressions ``MarkdownPlainText`` uses, compiled once: a regex literal inside a
/// function is compiled again on every call, which made converting a short note cost tens of
/// milliseconds.
///
/// `nonisolated(unsafe)`: `Regex` is not `Sendable`, but these values are immutable after
/// initialisation and matching does not mutate them.
enum MarkdownPatterns {
    /// A reference-style link definition: `[label]: url "title"`.
    nonisolated(unsafe) static let referenceDefinition = /\s{0,3}\[([^\]]+)\]:\s*<?([^\s>]+)>?(?:\s+["'(].*["')])?\s*/

    /// A thematic break (`---`, `***`, `___`), or a setext heading's `---` underline.
    nonisolated(unsafe) static let thematicBreak = /(?:[-*_]\s*){3,}/

    /// A setext heading's `===` underline.
    nonisolated(unsafe) static let setextUnderline = /=+\s*/

    /// An ATX heading: `## Title ##`.
    nonisolated(unsafe) static let atxHeading = /#{1,6}\s+(.*?)(?:\s+#+)?\s*/

    /// A block quote line, nested markers included.
    nonisolated(unsafe) static let blockQuote = /(?:>\s?)+(.*)/

    /// A bullet list item.
    nonisolated(unsafe) static let bulletItem = /[-*+]\s+(.*)/

    /// An ordered list item: `1.` or `1)`.
    nonisolated(unsafe) static let orderedItem = /(\d{1,9})[.)]\s+(.*)/

    /// A backslash escape of ASCII punctuation.
    nonisolated(unsafe) static let backslashEscape = /\\([\\`*_{}\[\]()#+\-.!>~|<])/

    /// An inline image: `![alt](url)`.
    nonisolated(unsafe) static let image = /!\[([^\]]*)\]\([^)]*\)/

    /// An inline link: `[text](url "title")`.
    nonisolated(unsafe) static let inlineLink = /\[([^\]]+)\]\(\s*<?([^)\s>]*)>?(?:\s+["'][^"']*["'])?\s*\)/

    /// A full or collapsed reference link: `[text][label]`, `[text][]`.
    nonisolated(unsafe) static let fullReferenceLink = /\[([^\]]+)\]\[([^\]]*)\]/

    /// A shortcut reference link: `[label]`.
    nonisolated(unsafe) static let shortcutReferenceLink = /\[([^\]]+)\]/

    /// An automatic link: `<https://…>`.
    nonisolated(unsafe) static let autolink = /<((?:https?|ftp):\/\/[^>\s]+)>/

    /// An automatic e-mail link: `<mailto:…>`.
    nonisolated(unsafe) static let mailtoAutolink = /<mailto:([^>\s]+)>/

    /// An HTML line break tag.
    nonisolated(unsafe) static let lineBreakTag = /<br\s*\/?>/.ignoresCase()

    /// Any other HTML tag, opening or closing.
    nonisolated(unsafe) static let htmlTag = /<\/?[A-Za-z][^<>]*>/

    /// Strong emphasis with asterisks.
    nonisolated(unsafe) static let strongAsterisks = /\*\*(\S(?:.*?\S)?)\*\*/

    /// Strong emphasis with underscores, only at word boundaries.
    nonisolated(unsafe) static let strongUnderscores = /(^|[^A-Za-z0-9_])__(\S(?:.*?\S)?)__(?=$|[^A-Za-z0-9_])/

    /// Strikethrough.
    nonisolated(unsafe) static let strikethrough = /~~(\S(?:.*?\S)?)~~/

    /// Emphasis with an asterisk.
    nonisolated(unsafe) static let emphasisAsterisk = /\*(\S(?:.*?\S)?)\*/

    /// Emphasis with an underscore, only at word boundaries.
    nonisolated(unsafe) static let emphasisUnderscore = /(^|[^A-Za-z0-9_])_(\S(?:.*?\S)?)_(?=$|[^A-Za-z0-9_])/
}
