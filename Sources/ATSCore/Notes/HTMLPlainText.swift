/// HTML to readable plain text; see ``PlainTextNote``.
///
/// A forgiving scan, not a validating parser: notes come from rich-text editors and e-mail
/// clients, often malformed. Unknown tags are dropped and their text kept; a `<` that does not
/// start a tag is text; `script` and `style` content is dropped.
enum HTMLPlainText {
    static func convert(_ html: String) -> String {
        var renderer = Renderer()
        var scanner = Scanner(html)
        while let token = scanner.next() {
            switch token {
            case .text(let text): renderer.text(text)
            case .open(let name, let attributes): renderer.open(name, attributes)
            case .close(let name): renderer.close(name)
            }
        }
        return PlainTextNote.tidy(
            renderer.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    enum Token {
        case text(String)
        case open(String, [String: String])
        case close(String)
    }

    static let voidElements: Set<String> = ["br", "img", "hr", "input", "meta", "link", "wbr", "col", "source"]
    static let blockElements: Set<String> = [
        "p", "div", "section", "article", "header", "footer", "aside", "nav", "main", "blockquote", "pre", "table",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "figure", "address", "hr", "form", "fieldset",
    ]
    static let hiddenElements: Set<String> = ["script", "style", "head", "title", "template", "noscript"]

    /// Splits HTML into text and tags.
    struct Scanner {
        private let characters: [Character]
        private var position = 0
        private var rawUntil: String?

        init(_ html: String) {
            characters = Array(html)
        }

        mutating func next() -> Token? {
            guard position < characters.count else { return nil }
            if let closing = rawUntil {
                // Inside script or style: everything up to the closing tag is dropped.
                rawUntil = nil
                let end = find("</" + closing) ?? characters.count
                position = end
                return .text("")
            }
            if characters[position] == "<", let token = tag() { return token }
            let start = position
            position += 1
            while position < characters.count, characters[position] != "<" { position += 1 }
            return .text(String(characters[start..<position]))
        }

        private func find(_ needle: String) -> Int? {
            let pattern = Array(needle.lowercased())
            var index = position
            while index + pattern.count <= characters.count {
                if (0..<pattern.count).allSatisfy({ Character(characters[index + $0].lowercased()) == pattern[$0] }) {
                    return index
                }
                index += 1
            }
            return nil
        }

        /// A tag, comment or declaration at `position`; nil (and `position` unchanged) when the
        /// `<` is just text.
        private mutating func tag() -> Token? {
            let start = position
            guard start + 1 < characters.count else { return nil }
            let next = characters[start + 1]
            if next == "!" || next == "?" {
                let terminator = String(characters[start..<min(start + 4, characters.count)]) == "<!--" ? "-->" : ">"
                position = start + 1
                if let end = find(terminator) {
                    position = end + terminator.count
                } else {
                    position = characters.count
                }
                return .text("")
            }
            let isClosing = next == "/"
            let nameStart = start + (isClosing ? 2 : 1)
            guard nameStart < characters.count, characters[nameStart].isLetter else { return nil }
            var end = nameStart
            var quote: Character?
            while end < characters.count {
                let character = characters[end]
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == "\"" || character == "'" {
                    quote = character
                } else if character == ">" {
                    break
                }
                end += 1
            }
            guard end < characters.count else { return nil }
            let body = String(characters[nameStart..<end])
            position = end + 1
            let name = String(body.prefix { $0.isLetter || $0.isNumber }).lowercased()
            if isClosing { return .close(name) }
            if HTMLPlainText.hiddenElements.contains(name), !body.hasSuffix("/") { rawUntil = name }
            return .open(name, Self.attributes(String(body.dropFirst(name.count))))
        }

        /// `name="value"`, `name='value'`, `name=value` and bare `name`, names lowercased.
        static func attributes(_ text: String) -> [String: String] {
            var result: [String: String] = [:]
            let characters = Array(text)
            var index = 0
            func skipSpaces() {
                while index < characters.count, characters[index].isWhitespace || characters[index] == "/" {
                    index += 1
                }
            }
            while true {
                skipSpaces()
                guard index < characters.count else { return result }
                let nameStart = index
                while index < characters.count, !characters[index].isWhitespace, characters[index] != "=" { index += 1 }
                let name = String(characters[nameStart..<index]).lowercased()
                skipSpaces()
                guard index < characters.count, characters[index] == "=" else {
                    result[name] = ""
                    continue
                }
                index += 1
                while index < characters.count, characters[index].isWhitespace { index += 1 }
                guard index < characters.count else { return result }
                var value = ""
                if characters[index] == "\"" || characters[index] == "'" {
                    let quote = characters[index]
                    index += 1
                    while index < characters.count, characters[index] != quote {
                        value.append(characters[index])
                        index += 1
                    }
                    index += 1
                } else {
                    while index < characters.count, !characters[index].isWhitespace {
                        value.append(characters[index])
                        index += 1
                    }
                }
                result[name] = HTMLEntities.decode(value)
            }
        }
    }

    /// Turns tokens into text: breaks between blocks, list markers, links, collapsed spaces.
    struct Renderer {
        private(set) var output = ""
        private var pendingBreak = 0
        private var pendingSpace = false
        private var atLineStart = true
        private var lists: [(ordered: Bool, count: Int)] = []
        private var links: [(url: String?, text: String)] = []
        private var preformatted = 0
        private var hidden = 0
        /// Just after a list marker, so a paragraph inside the item stays on the marker's line.
        private var afterMarker = false

        mutating func text(_ raw: String) {
            guard hidden == 0, !raw.isEmpty else { return }
            let decoded = HTMLEntities.decode(raw)
            if preformatted > 0 {
                write(decoded, collapse: false)
                return
            }
            write(decoded, collapse: true)
        }

        mutating func open(_ name: String, _ attributes: [String: String]) {
            if HTMLPlainText.hiddenElements.contains(name) {
                if !HTMLPlainText.voidElements.contains(name) { hidden += 1 }
                return
            }
            switch name {
            case "br": lineBreak()
            case "li":
                requestBreak(1)
                var marker = "- "
                if var list = lists.last {
                    list.count += 1
                    lists[lists.count - 1] = list
                    if list.ordered { marker = "\(list.count). " }
                }
                let indent = String(repeating: "  ", count: max(0, lists.count - 1))
                write(indent + marker, collapse: false)
                atLineStart = true
                afterMarker = true
            case "ul", "ol":
                requestBreak(lists.isEmpty ? 2 : 1)
                lists.append((ordered: name == "ol", count: Int(attributes["start"] ?? "").map { $0 - 1 } ?? 0))
            case "a":
                links.append((url: attributes["href"], text: ""))
            case "img":
                // An image stands apart from the words around it, as it does on screen.
                if let alt = attributes["alt"], !alt.isEmpty { write(" \(alt) ", collapse: true) }
            case "tr", "dt", "dd":
                requestBreak(1)
            case "td", "th":
                pendingSpace = true
            case "pre":
                requestBreak(2)
                preformatted += 1
            default:
                if HTMLPlainText.blockElements.contains(name) { requestBreak(2) }
            }
        }

        mutating func close(_ name: String) {
            if HTMLPlainText.hiddenElements.contains(name) {
                hidden = max(0, hidden - 1)
                return
            }
            switch name {
            case "a":
                closeLink()
            case "ul", "ol":
                if !lists.isEmpty { lists.removeLast() }
                requestBreak(lists.isEmpty ? 2 : 1)
            case "li", "tr", "dt", "dd":
                requestBreak(1)
            case "pre":
                preformatted = max(0, preformatted - 1)
                requestBreak(2)
            default:
                if HTMLPlainText.blockElements.contains(name) { requestBreak(2) }
            }
        }

        private mutating func requestBreak(_ lines: Int) {
            guard !afterMarker else { return }
            // Inside a list, paragraphs of an item are lines, so items stay together.
            pendingBreak = max(pendingBreak, lists.isEmpty ? lines : min(lines, 1))
        }

        private mutating func lineBreak() {
            if !links.isEmpty {
                links[links.count - 1].text += " "
                return
            }
            pendingBreak = min(2, pendingBreak + 1)
        }

        private mutating func write(_ text: String, collapse: Bool) {
            if !links.isEmpty {
                // Link text is kept raw and collapsed once the link closes.
                links[links.count - 1].text += text
                return
            }
            guard collapse else {
                append(text)
                pendingSpace = false
                return
            }
            let startsWithSpace = text.first?.isWhitespace ?? false
            let endsWithSpace = text.last?.isWhitespace ?? false
            let piece = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if startsWithSpace { pendingSpace = true }
            guard !piece.isEmpty else { return }
            append(piece)
            pendingSpace = endsWithSpace
        }

        private mutating func closeLink() {
            guard let link = links.popLast() else { return }
            let label = link.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let rendered = PlainTextNote.link(text: label, url: link.url)
            guard !rendered.isEmpty else { return }
            if link.text.first?.isWhitespace ?? false { pendingSpace = true }
            write(rendered, collapse: false)
            pendingSpace = link.text.last?.isWhitespace ?? false
        }

        private mutating func append(_ piece: String) {
            afterMarker = false
            if pendingBreak > 0 {
                if !output.isEmpty { output += String(repeating: "\n", count: pendingBreak) }
                pendingBreak = 0
                atLineStart = true
            }
            if pendingSpace, !atLineStart, !output.isEmpty, output.last != "\n" { output += " " }
            output += piece
            atLineStart = piece.last == "\n"
        }
    }
}
