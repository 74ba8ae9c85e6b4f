import ATSCore
import Foundation

/// A note's text as Workable keeps comments: plain text. HTML becomes readable text (block ends and
/// `<br>` as line breaks, list items as "- ", links as "text (url)", the common entities decoded,
/// every other tag dropped); Markdown and plain text are sent as written, since Markdown reads
/// well as it is.
enum PlainTextComment {
    static func text(of draft: NoteDraft) -> String {
        guard draft.format == .html else { return draft.body.trimmingCharacters(in: .whitespacesAndNewlines) }
        return fromHTML(draft.body)
    }

    static func fromHTML(_ html: String) -> String {
        var output = ""
        var index = html.startIndex
        var pendingLink: String?
        while index < html.endIndex {
            let character = html[index]
            if character == "<", let close = html[index...].firstIndex(of: ">") {
                let tag = html[html.index(after: index)..<close].lowercased()
                let name = tag.split(whereSeparator: { $0 == " " || $0 == "/" }).first.map(String.init) ?? ""
                let isClosing = tag.hasPrefix("/")
                switch name {
                case "br": output += "\n"
                case "li" where !isClosing: output += "\n- "
                case "a" where !isClosing: pendingLink = attribute("href", in: String(html[index..<close]))
                default: break
                }
                if isClosing {
                    let closed = String(tag.dropFirst())
                    if ["p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "blockquote"].contains(closed) {
                        output += "\n"
                    } else if closed == "a", let link = pendingLink {
                        output += " (\(link))"
                        pendingLink = nil
                    }
                }
                index = html.index(after: close)
                continue
            }
            if character == "&", let semicolon = html[index...].prefix(10).firstIndex(of: ";"),
                let decoded = entities[String(html[html.index(after: index)..<semicolon])]
            {
                output += decoded
                index = html.index(after: semicolon)
                continue
            }
            output.append(character)
            index = html.index(after: index)
        }
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var collapsed: [String] = []
        for line in lines where !(line.isEmpty && (collapsed.last?.isEmpty ?? true)) { collapsed.append(line) }
        return collapsed.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static let entities = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "#39": "'", "nbsp": " ",
    ]

    private static func attribute(_ name: String, in tag: String) -> String? {
        guard let range = tag.range(of: name + "=\"") else { return nil }
        let rest = tag[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
